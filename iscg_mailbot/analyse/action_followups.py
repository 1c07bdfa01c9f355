"""A deadline said in the sentence after the request: "Could BR nominate a speaker?
I would need the name by 12 February." / "1) Is ...? 2) Does ...? If possible within
10 days." / "Could TSB advise whether ...? We need the answer by 3 December."

The sentence that follows names no work of its own (it is no item): it only says when
the requests just made are wanted, so it dates the undated items right before it. A
sentence reads as such a follow-up when it is short, gives a marked date ("by", "within",
"before") and points back to what was asked: "I/we (would) need ...", "if possible ...",
or a word for the thing asked ("it", "them", "the name", "the answer", "the list"), or
opens with one ("An answer within three weeks would be ideal").

    >>> from datetime import date, datetime, timezone
    >>> from iscg_mailbot.analyse.action_text import split_sentences
    >>> from iscg_mailbot.records import ActionCandidate
    >>> text = "Could BR nominate a speaker? I would need the name by 12 February."
    >>> asked = ActionCandidate(kind="action", sentence="Could BR nominate a speaker?",
    ...     span=(0, 28), owner="BR", owner_kind="group", due=None, due_text=None,
    ...     confidence=0.7, rule="could_you")
    >>> item, = date_from_followups([asked], split_sentences(text),
    ...                             datetime(2027, 1, 20, tzinfo=timezone.utc))
    >>> item.due
    datetime.date(2027, 2, 12)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import accumulate

from iscg_mailbot.analyse.action_closing_days import date_from_closings
from iscg_mailbot.analyse.action_date_carriers import is_date_carrier
from iscg_mailbot.analyse.action_dates import find_dates, find_due, pick_due
from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.action_rhetoric import asks_nothing
from iscg_mailbot.analyse.action_scope import is_promise
from iscg_mailbot.analyse.action_statements import reports_a_request
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.date_phrases import counted_from
from iscg_mailbot.records import ActionCandidate

# Words that point back to what was just asked.
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:I|we)\s+(?:would\s+|will\s+|shall\s+)?(?:need|require)\b|if\s+possible\b|"
    r"(?:ideally|preferably)\b)|\b(?:it|them|both|the\s+(?:answers?|names?|repl(?:y|ies)|"
    r"information|list|inputs?|details|nominations?|references|texts?|material))\b|"
    # "An answer within three weeks would be ideal", "A reply by Friday would help", with
    # a word or two on how ("A short reply by end of June would help", "A quick answer
    # before ..."), or in French or Spanish ("Une réponse avant ... serait idéale"): the
    # seventh and eighth writers' follow-ups.
    # Portuguese too, after the thanks it is put in ("Agrade\u00e7o uma resposta at\u00e9 meados de
    # setembro", the sixteenth writer's).
    r"^\W*(?:agrade\w+\s+)?(?:an?|your|une?|votre|una?|su|uma|sua)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:answer|reply|response|feedback|r\u00e9ponse|retour|respuesta|resposta)\b|"
    # The answers named with no article, the date right after them ("Answers by 21
    # October would let me reply to ICAO on time.", "Request response before the TDAG
    # meeting on 10 December."), or the wish to know ("Grateful to know before the SG2
    # meeting (2 November)."): the eleventh writer's follow-ups. "Responses are due by
    # 31 May" is no follow-up: it says what the responses owe (the second writer's item).
    # Said to whom ("Answers to me by Fri 2 August, so that ...", the twenty-third
    # writer's), or as the deadline of all that was asked ("Deadline for all three: Fri 18
    # October.", the same writer's after a list of questions).
    r"^\W*(?:(?:request(?:ing)?|awaiting)\s+)?(?:answers?|responses?|repl(?:y|ies))\s+"
    r"(?:to\s+(?:me|us)\s+)?(?:by|before|within|no\s+later\s+than)\b|"
    r"^\W*(?:deadline|due)\s+for\s+(?:all|both|each|these|them)\b|"
    r"^\W*(?:(?:I|we)\s+(?:would\s+be|am|are|will\s+be)\s+)?grateful\s+to\s+(?:know|hear)\b|"
    # The deadline itself, or the need of a thing by a day, said with no owner of its
    # own: "Decision needed by 31 July.", "The contribution deadline is 16 June.",
    # "The organisers need names and bios by 26 April." (the twentieth, twenty-third and
    # twenty-eighth writers' requests, dated so). Not "Deadline: 1 May." under a liaison
    # statement's list of actions: the fifth and nineteenth writers' date the first only.
    # Not "The deadline is not 12 June", "The new deadline will be announced on 12 June"
    # (the day of another event), nor "The chair needs to circulate it by 12 June" (the
    # party's own task, an item of its own).
    r"^\W*(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:deadline|cut-?off)\s+(?:is|will\s+be)\b"
    r"(?!\s+(?:not\b|no\s+longer\b|\w+(?:ed|en)\s+(?:on|at|in|during)\b))|"
    r"^\W*(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:needed|required|wanted|expected)\s+"
    r"(?:by|before|no\s+later\s+than)\b|"
    # The third party named before by a pronoun: "They need our answer by tomorrow,
    # Friday 27 May." (the thirty-second writer's, after the question to the Bureaux).
    r"^\W*(?:the\s+(?:[\w-]+\s+){0,2}?|they\s+)(?:needs?|requires?|expects?)\s+(?!to\b)"
    r"(?:[\w-]+\s+){0,5}?(?:by|before)\b",
    re.IGNORECASE)
# The deadline as what follows from the request or is wished for it: "..., so we need to
# know by 19 March", "..., so the contribution should reach the secretariat by 7 April",
# "Before the meeting on 1 July would be ideal", "... would help us - by 9 July if
# possible". Such a sentence may run longer, as it gives the reason.
_WANTED_BY = re.compile(
    r"\bso\s+(?:that\s+)?(?:I|we|it|they|the\s+\w+)\s+(?:would\s+|will\s+)?(?:need|needs|"
    r"must|should|has\s+to|have\s+to)\b|^\W*(?:by|before|within|no\s+later\s+than)\b[^.;]*"
    r"\bwould\s+be\s+(?:ideal|great|best|perfect|helpful|appreciated)\b|"
    r"\b(?:by|before|within)\s[^,.;()]{1,40}?\bif\s+(?:at\s+all\s+)?possible\b|"
    # "No rush, but it'd be great to hear by end of May so I can plan", "It would be good
    # to have them before the call": the wish to hear back, by a day (the tenth and
    # twelfth writers' follow-ups).
    r"\bit(?:['\u2019]d|\s+would)\s+be\s+(?:really\s+|very\s+)?(?:great|good|helpful|useful|"
    r"nice|ideal|best)\s+to\s+(?:hear|know|have|get|receive)\b",
    re.IGNORECASE)
# "End of September would be ideal.", "End of the month would be great.": a day alone, wished
# for what was just asked (it reads as no deadline by its words, so the wish marks it).
_DAY_WISHED = re.compile(
    r"^\W*(?:(?:by|before|until)\s+)?(?P<day>.{3,40}?)\s+would\s+be\s+(?:ideal|great|best|"
    r"perfect|fine|good|helpful)\b", re.IGNORECASE)
# "Could TSB reply by 9 April?", "Please TSB and BDT reply before 26 October, because
# ...": asks those just asked to answer by a day, nothing else (the tenth and twelfth
# writers' questions, then this). The request may be an item of its own; its date is also
# the questions'.
_REPLY_BY = re.compile(
    r"^\W*(?:(?:could|can|would|will)\s+(?:you|(?-i:[A-Z])[\w-]*(?:(?:\s*,\s*|\s+and\s+)"
    r"(?-i:[A-Z])[\w-]*){0,3}|(?:you\s+)?(?:both|all))\s+(?:please\s+|kindly\s+)?|"
    r"(?:please|kindly)\s+(?:(?-i:[A-Z])[\w-]*(?:(?:\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w-]*){0,3}"
    r"\s+)?)(?:reply|respond|answer|revert|inform|get\s+back\s+to\s+(?:me|us))\s+"
    r"(?:to\s+(?:me|us)\s+)?(?:by|before|until|within|no\s+later\s+than)\b"
    # In French, Spanish or Portuguese: "Merci de nous r\u00e9pondre avant le 3 d\u00e9cembre" (the
    # sixteenth writer's), "Por favor respondan antes del 3 de abril".
    r"|^\W*(?:merci\s+de\s+(?:nous\s+|me\s+)?(?:r\u00e9pondre|faire\s+savoir|confirmer)|"
    r"(?:por\s+favor|favor|les\s+ruego|agradecer\w*)\s+(?:de\s+)?(?:responder|respond\w*|"
    r"contest\w*|confirm\w*))\s+(?:avant|antes|at\u00e9|hasta|d['\u2019]ici|by|before)\b",
    re.IGNORECASE)
_MAX_WANTED_WORDS = 26
_OUR_NEED = re.compile(r"\b(?:I|we)\s+(?:would\s+|will\s+)?(?:need|must|have)\s+to\b",
                       re.IGNORECASE)
# A follow-up said for every item before it: "Both by 5 April.", "All by Friday, please."
_FOR_ALL = re.compile(r"^\W*(?:both|all|each|all\s+three)\s+(?:by|before|within|no\s+later)\b",
                      re.IGNORECASE)
# A deadline needs one of these words (a cheap test before reading dates).
_DATE_WORDS = ("by ", "within", "before", "until", "no later", "end of", "avant", "antes",
               "at\u00e9", "hasta", "d'ici", "d\u2019ici", "deadline")
_MAX_WORDS = 20
# Sentences that are no items may stand between the requests and their deadline.
_GAP = 1


def _followup_due(sentence: Sentence, sent: datetime | None) -> tuple[date, str] | None:
    text = sentence.text
    lowered = text.lower()
    if not any(w in lowered for w in _DATE_WORDS):
        return None
    words = len(text.split())
    wanted = _WANTED_BY.search(text) is not None
    if words > _MAX_WANTED_WORDS or (words > _MAX_WORDS and not wanted):
        return None
    mentions = find_dates(text, sent)
    wished = _DAY_WISHED.match(text)
    # The day wished for opens the sentence: "End of September would be ideal."
    due = next((m for m in mentions if m.start == wished.start("day")), None) if wished else None
    if due is None:
        if not (wanted or _POINTS_BACK.search(text) or is_date_carrier(text)
                or _REPLY_BY.match(text)):
            return None
        due = pick_due(mentions, sent)
        if due is not None and not due.marked:
            return None
    if due is None or due.value is None:
        return None
    return due.value, due.text


def is_asked(candidate: ActionCandidate) -> bool:
    """A request or question: what a follow-up or paragraph deadline is about (a note is not, nor a
    promise of the sender's side, "TSB will nominate ...", nor a request made elsewhere,
    "our hill states have asked whether ...", which the date would keep as an item)."""
    return (candidate.kind != "note" and not is_promise(candidate)
            and not reports_a_request(candidate))


def _asks(sentence: Sentence, sent: datetime | None) -> bool:
    """A question: one that is no item here may still take a follow-up's date. One that
    asks nothing ("Why not?", "Is it really needed?") takes none: the request after it
    ("Could you let me know by Friday?") is an item of its own, not its date."""
    text = sentence.text.rstrip()
    return text.endswith("?") and not asks_nothing(text, sent)


def _says_why(candidate: ActionCandidate) -> bool:
    """An item a follow-up sentence makes on the way asks nothing new: a promise ("so I
    can report there") or the sender's side's need ("so we need to know by ...")."""
    return (is_promise(candidate) or candidate.owner is None
            or bool(_OUR_NEED.search(candidate.sentence)))


def _date(result: list[ActionCandidate | None], pending: list[int], inside: list[int],
          found: tuple[date, str]) -> None:
    """The pending items take the follow-up's date; the promises it makes are dropped."""
    for i in inside:
        result[i] = None
    for i in pending:
        item = result[i] if i >= 0 else None
        if item is not None:
            result[i] = replace(item, due=found[0], due_text=found[1])


def _inside(ends: list[tuple[int, int, int]], starts: list[int], reach: list[int],
            sentence: Sentence) -> list[int]:
    """The items (``ends``: their sorted spans and indexes) that hold the sentence's start
    or start in it, in the order of ``ends``. Only those from the first that reaches past
    the start (``reach``: the furthest end so far) to the last that starts in the sentence
    are looked at (each sentence looked at every item: quadratic in a long list)."""
    first = min(bisect_right(reach, sentence.start), bisect_left(starts, sentence.start))
    last = max(bisect_right(starts, sentence.start), bisect_left(starts, sentence.end))
    return [i for a, b, i in ends[first:last]
            if a <= sentence.start < b or sentence.start <= a < sentence.end]


def date_from_followups(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
                        sent: datetime | None) -> list[ActionCandidate]:
    """The undated items just before a follow-up deadline sentence take its date. A
    promise or need that sentence makes on the way ("..., so we need to know by 19 March",
    "Before the meeting on 1 July would be ideal, so I can report there") is no item:
    it says why the date, after a request or a question (which :func:`find_questions`
    reads, so it is dated there). A follow-up said for both or all ("Rajesh will draft
    the note on 1.4, and I will do 1.5. Both by 5 April.") dates the promises before it
    too."""
    if not any(c.due is None and (is_asked(c) or is_promise(c)) for c in candidates) \
            and not any(_asks(s, sent) for s in sentences):
        return candidates
    result: list[ActionCandidate | None] = list(candidates)
    ends = sorted((c.span[0], c.span[1], i) for i, c in enumerate(candidates))
    starts = [a for a, _, _ in ends]
    reach = list(accumulate((b for _, b, _ in ends), max))
    pending: list[int] = []  # -1: a question that is no item here
    promised: list[int] = []  # undated promises, which only "both"/"all" dates
    # What pending and promised hold (a promise is never asked): searching the lists
    # for each item was quadratic in a long list of requests.
    held: set[int] = set()
    gap = 0
    for sentence in sentences:
        inside = _inside(ends, starts, reach, sentence)
        for_all = bool(promised) and not inside and _FOR_ALL.match(sentence.text) is not None
        found = _followup_due(sentence, sent) if pending or for_all else None
        if found is not None and all(_says_why(candidates[i]) for i in inside):
            _date(result, pending + (promised if for_all else []), inside, found)
            pending, promised, held, gap = [], [], set(), 0
        elif found is not None and inside and _REPLY_BY.match(sentence.text):
            # "Could you both reply by 5 May?": an item of its own, and the date of what
            # was asked before it.
            _date(result, pending, [], found)
            pending, promised, held, gap = [], [], set(), 0
        elif inside:
            if any(candidates[i].due is not None for i in inside):
                pending, promised, held = [], [], set()  # what was asked before has its date
            else:
                pending += [i for i in inside if is_asked(candidates[i]) and i not in held]
                promised += [i for i in inside if is_promise(candidates[i]) and i not in held]
                held.update(inside)
            gap = 0
        elif _asks(sentence, sent):
            pending.append(-1)
            gap = 0
        elif pending or promised:
            gap += 1
            if gap > _GAP:
                pending, promised, held = [], [], set()
    return [c for c in result if c is not None]


def date_from_earlier_deadline(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """"Comments are invited by 30 September. The General Secretariat will compile them
    within two weeks of the closing date.": an undated item counted from "the closing
    date" / "the deadline" is dated from the latest deadline before it in the message."""
    result: list[ActionCandidate] = []
    anchor: ActionCandidate | None = None
    for candidate in candidates:
        if candidate.due is None and anchor is not None and anchor.due is not None:
            lowered = candidate.sentence.lower()
            if any(word in lowered for word in ("deadline", "closing", "cut", "that date")):
                due = counted_from(candidate.sentence, anchor.due)
                if due is not None:
                    candidate = replace(candidate, due=due, due_text=anchor.due_text)
        if candidate.due is not None:
            anchor = candidate
        result.append(candidate)
    return result


# A line that announces the questions or requests below it, ending with a colon: "Two
# questions, ideally before the ISCG meeting of 9 November:", "Two questions for BR, if
# possible by Thursday 21 January:". Its deadline is theirs, as a follow-up's after them
# is (the seventh and eighth writers' dev parts date the list's items so).
_ANNOUNCES = re.compile(r"\b(?:questions?|requests?|queries|points|asks|items)\b",
                        re.IGNORECASE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_FOR_PARTY = re.compile(r"\b(?:for|to)\s+(?:the\s+)?$", re.IGNORECASE)


def date_from_leads(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
                    text: str, sent: datetime | None) -> list[ActionCandidate]:
    """The undated requests and questions of a list take the date its announcing line
    gives ("Two questions, if possible by 21 January:"), up to the paragraph's end."""
    if not any(c.due is None for c in candidates):
        return candidates
    result = list(candidates)
    for sentence in sentences:
        lead = sentence.text
        if not lead.endswith(":") or not _ANNOUNCES.search(lead) or not any(
                w in lead.lower() for w in _DATE_WORDS):
            continue
        due = find_due(lead, sent)
        if due is None or due.value is None or not due.marked:
            continue
        body = len(text) - len(text[sentence.end:].lstrip())
        block_end = _PARAGRAPH_END.search(text, body)
        end = block_end.start() if block_end else len(text)
        party = _put_to(lead)
        for i, item in enumerate(result):
            if item.due is None and is_asked(item) and sentence.end <= item.span[0] < end:
                result[i] = replace(item, due=due.value, due_text=due.text)
                if item.owner is None and party is not None:
                    # "Two questions for BR, ...:" puts them to BR when they name nobody.
                    result[i] = replace(result[i], owner=party, owner_kind="group")
    return result


def _put_to(lead: str) -> str | None:
    """The one body an announcing line puts its questions to ("questions for BR")."""
    named = [m for m in find_mentions(lead, None) if m.kind == "group"]
    if len(named) != 1 or not _FOR_PARTY.search(lead, 0, named[0].start):
        return None
    return named[0].owner


def date_from_around(candidates: list[ActionCandidate], sentences: Sequence[Sentence],
                     text: str, sent: datetime | None) -> list[ActionCandidate]:
    """:func:`date_from_followups`, then :func:`date_from_leads`, then
    :func:`.date_from_closings`: the deadlines said after the requests and questions, in
    the line announcing them, or as the day something closes beside them."""
    return date_from_closings(date_from_leads(date_from_followups(candidates, sentences, sent),
                                              sentences, text, sent), sentences, sent)
