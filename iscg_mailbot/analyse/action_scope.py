"""The shape of a request beyond one sentence: mail that owes nothing, clauses that
each ask something of somebody, and a deadline that governs a list.

- :func:`owes_nothing`: auto-replies (by subject or their opening words) yield no items.
- clauses that each ask something of somebody: :mod:`~iscg_mailbot.analyse.action_clauses`.
- :func:`apply_list_frame`: "By 20 November, please provide:" above bullets labelled by
  owner ("- TSB: the list of events") gives each bullet an item due that day (bullets
  that are items take the list's date); "..., covering:" lists one text's contents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from iscg_mailbot.analyse.action_date_carriers import is_date_carrier as is_date_carrier  # noqa: PLC0414 - given here too
from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.action_list_contents import lists_contents
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_party_lists import (
    REQUEST_LIST,
    WANTING_MORE,
    bullets_after,
    dash_label,
    dated_after,
    party_within,
)
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.text_gates import GatedPattern, folded, trie_pattern
from iscg_mailbot.parse.subjects import is_forward_subject
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import (
    ACT_VERBS,
    ACTION,
    AUTO_REPLY_SUBJECT,
    PROMISES,
)
from iscg_mailbot.settings.members import MembersConfig

# The opening words of an auto-reply body: cues that say so by themselves ...
_AUTO_REPLY_OPENING = re.compile(
    r"\b(?:out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto-?reply|"
    r"(?:limited|no|intermittent)\s+access\s+to\s+(?:my\s+)?e-?mails?|"
    r"(?:respond|reply|answer)\s+(?:to\s+your\s+(?:e-?mail|message)\s+)?(?:upon|on|after)\s+my\s+"
    r"return|je\s+suis\s+absent|estoy\s+(?:fuera\s+de\s+la\s+oficina|ausente)|"
    r"nicht\s+im\s+b[üu]ro|ich\s+bin\s+abwesend)",
    re.IGNORECASE,
)
# ... and cues that need a second one ("I am travelling ... until Monday").
_AWAY = re.compile(
    r"\bI\s+am\s+(?:currently\s+)?(?:away|travelling|traveling|absent|on\s+(?:leave|mission|"
    r"annual\s+leave|sick\s+leave|holiday|vacation|parental\s+leave))\b", re.IGNORECASE)
_AWAY_TOO = re.compile(r"\buntil\b|\breturn\b|\bback\s+(?:on|in)\b|\burgent\b|"
                       r"\bconnectivity\b", re.IGNORECASE)


def owes_nothing(message: ActionInput) -> bool:
    """Whether the message is an auto-reply (headers, subject, first lines): owes nothing."""
    if message.automatic:
        return True
    if AUTO_REPLY_SUBJECT.match(message.subject or ""):
        return True
    return _opening_owes_nothing(message.new_text[:300])


def forwards_mail(message: ActionInput) -> bool:
    """Whether the message forwards other mail (its headers or its "Fwd:" subject say so)."""
    return message.forwarded or is_forward_subject(message.subject)


# Items and questions both ask this of the same message.
@lru_cache(maxsize=256)
def _opening_owes_nothing(opening: str) -> bool:
    lowered = folded(opening)
    if _OPENING_WORDS.search(lowered) is None:
        return False  # none of either pattern's words (most openings): one search
    if _GATED_AUTO_REPLY_OPENING.search(opening, lowered):
        return True
    return bool(_GATED_AWAY.search(opening, lowered)) and bool(_AWAY_TOO.search(opening))


# The words one of which each match holds ("out of the office", "auto-reply", "limited access
# to e-mail", "upon my return", "je suis absent", "estoy ...", "nicht im Büro", "ich bin
# abwesend"; "I am away / travelling / on leave ..."): most openings hold none.
_GATED_AUTO_REPLY_OPENING = GatedPattern(_AUTO_REPLY_OPENING, (
    "office", "auto", "access", "return", "absent", "estoy", "nicht", "abwesend"))
_GATED_AWAY = GatedPattern(_AWAY, ("away", "travel", "absent", "leave", "mission", "holiday",
                                   "vacation"))
_OPENING_WORDS = re.compile(trie_pattern(_GATED_AUTO_REPLY_OPENING.words + _GATED_AWAY.words))


_STARTS_WITH_VERB = re.compile(r"^(?:please\s+|also\s+)?(?:" + ACT_VERBS + r")\b", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?P<label>[^:]{1,40}):\s")



def apply_list_frame(
    sentences: Sequence[Sentence],
    candidates: list[ActionCandidate],
    message: ActionInput,
    members: MembersConfig | None,
) -> list[ActionCandidate]:
    """Bullets under a request that ends with ":" become its items, dated by it.

    A bullet that is an item already keeps its owner and takes the list's date when it
    has none; a bullet that is not gets one, owned by the body its label or first words
    name (else the request's owner). The introducing request itself is then dropped: its
    bullets say what is owed.
    """
    by_span = {c.span: c for c in candidates}
    # By span, in order: a frame reads only its lines' items (filtering all per frame was cubic)
    result: dict[tuple[int, int], list[ActionCandidate]] = {}
    for candidate in candidates:
        result.setdefault(candidate.span, []).append(candidate)
    for index, intro in enumerate(sentences):
        frame = by_span.get((intro.start, intro.end)) or _wanting_frame(intro, message)
        if frame is None or frame.kind != ACTION or not intro.text.rstrip().endswith(":") \
                or lists_contents(intro.text):  # "a half-page, covering:": one text
            continue
        bullets = bullets_after(sentences, index, message.new_text)
        if not bullets:
            continue
        labelled = [b for b in bullets if _label_owner(b, frame, members)]
        if frame.rule == "wanted_list" and len(labelled) < len(bullets) and not all(
                party_within(b.text, members) for b in bullets):
            continue  # "we need: - a room - a projector": things, asked of nobody named
        labelled_set = set(labelled)  # a set: a list of thousands of lines was rescanned
        topical = [b for b in bullets if _LABEL.match(b.text) and b not in labelled_set
                   and find_mentions(_LABEL.match(b.text).group("label"), members)]  # type: ignore[union-attr]
        if len(labelled) == len(bullets) or not topical:
            # "- TSB: the list of events" (one item per owner), or "... is requested
            # to:" / "please send by 25 September:" above the tasks or things owed (one
            # item each, the frame's owner and date): the frame only frames them. Bullets
            # labelled by other bodies ("- ITU-D: emergency plans") are topics of one
            # request and stay in it. "Please send them by 2 March" after the list dates it.
            frame, after = dated_after(frame, sentences, bullets, by_span)
            added = [_bullet_item(b, by_span.get((b.start, b.end)), frame, message, members)
                     for b in bullets]
            for span in (frame.span, after or frame.span):
                result.pop(span, None)
            for item in added:  # (one per bullet: each replaces its line's items)
                result[item.span] = [item]
            continue
        if frame.due is not None:
            _date_own_items(result, bullets, frame)
    return [c for span in sorted(result) for c in result[span]]


def _date_own_items(result: dict[tuple[int, int], list[ActionCandidate]],
                    bullets: Sequence[Sentence], frame: ActionCandidate) -> None:
    """Bullets that are items of their own take the list's date when they have none."""
    for bullet in bullets:
        own = result.get((bullet.start, bullet.end), [])
        own[:] = [replace(c, due=frame.due, due_text=frame.due_text) if c.due is None
                  else c for c in own]


# "To finalise the programme, we need:" above bullets labelled by owner ("- from TSB:
# the list of speakers"): what is wanted, of each body its label names.
_WANTING = re.compile(r"\b(?:(?:we|I)\s+(?:would\s+|will\s+|still\s+)?(?:need|require|welcome)"
                      r"|(?:we|I)\s+would\s+like\s+to\s+(?:receive|have)|(?:is|are)\s+(?:still\s+)?"
                      r"(?:needed|required|missing))\b[^:]{0,60}:\s*$", re.IGNORECASE)


_PEOPLE_OF_LABEL = re.compile(
    r"^\s*(?:from\s+)?(?:the\s+|our\s+)?(?:[\w&/-]+\s+){0,3}?(?:team|colleagues|unit|division|"
    r"department|experts)\s+(?:in|of|at|from)\s+(?:the\s+)?", re.IGNORECASE)


def _wanting_frame(intro: Sentence, message: ActionInput) -> ActionCandidate | None:
    """A frame made of an introduction that says what is wanted, or that asks and leaves
    the rest to its lines (REQUEST_LIST), which no rule read."""
    if not intro.text.rstrip().endswith(":"):
        return None
    if REQUEST_LIST.search(intro.text):
        rule = "request_list"
    elif _WANTING.search(intro.text) or WANTING_MORE.search(intro.text):
        rule = "wanted_list"
    else:
        return None
    due = find_due(intro.text, message.date)
    return ActionCandidate(kind=ACTION, sentence=intro.text, span=(intro.start, intro.end),
                           owner=None, owner_kind=None, due=due.value if due else None,
                           due_text=due.text if due else None, confidence=0.7, rule=rule)


def _label_owner(bullet: Sentence, frame: ActionCandidate,
                 members: MembersConfig | None) -> str | None:
    """The body a bullet's label names ("TSB: ..."), if the frame may be split by it: the
    frame names nobody, or names that body among its owners."""
    label = _LABEL.match(bullet.text)
    said = label.group("label") if label else dash_label(bullet.text)  # "BDT - ..."
    if said is None:
        return None
    # "from the C&I team in TSB": the people of a body label the body.
    text = _PEOPLE_OF_LABEL.sub("", said)
    named = find_mentions(text, members)
    if not named or len(" ".join(m.owner for m in named)) < len(text) - 8:
        return None  # the label is a topic that mentions a body, not a body
    owner = join_owners(named)
    frame_owners = {p.strip() for p in (frame.owner or "").split(",") if p.strip()}
    if frame.owner_kind == "group" and frame_owners and not (
        {p.strip() for p in owner.split(",")} <= frame_owners
    ):
        return None
    return owner


# A list line's label that names the list's members as a whole: "All:", "All members:",
# "Everyone:" (`w14`, `w20`, `w23` dev).
_ALL_MEMBERS = re.compile(r"\s*(?:all(?:\s+(?:the\s+)?members)?|(?:the\s+)?members|everyone|"
                          r"everybody)\s*:\s", re.IGNORECASE)


def _bullet_item(bullet: Sentence, existing: ActionCandidate | None, frame: ActionCandidate,
                 message: ActionInput, members: MembersConfig | None) -> ActionCandidate:
    own_due = find_due(bullet.text, message.date)
    due, due_text = (own_due.value, own_due.text) if own_due and own_due.value else (
        frame.due, frame.due_text)
    if existing is not None:
        return existing if existing.due is not None else replace(
            existing, due=due, due_text=due_text)
    named = _label_owner(bullet, frame, members) or (
        party_within(bullet.text, members) if frame.rule == "wanted_list" else None) or (
        # "All members: comments on the revised ToR": a line to the whole list is the
        # group's under the list's convention for requests to all (not under "nobody").
        "ISCG" if _ALL_MEMBERS.match(bullet.text)
        and message.conventions.requests_to_all != "nobody" else None)
    owner, kind = (named, "group") if named else (frame.owner, frame.owner_kind)
    return ActionCandidate(kind=frame.kind, sentence=bullet.text,
                           span=(bullet.start, bullet.end), owner=owner, owner_kind=kind,
                           due=due, due_text=due_text, confidence=frame.confidence,
                           rule="list_item")


# Study group numbers that exist in one Sector only (ITU-T 2..21, ITU-R 1..7, ITU-D 1..2).
_ONLY_SECTOR = {**{n: "ITU-T" for n in (9, 11, 12, 13, 15, 16, 17, 20, 21)},
                **{n: "ITU-R" for n in (4, 6, 7)}}
_BARE_BODY = re.compile(r"(?:SG(?P<sg>\d{1,2})|WP\d{1,2}[A-Z]|Q\d{1,2}/\d{1,2})")
_NAMED_SECTOR = re.compile(r"\bITU-[RTD]\b")
# A study group named with its Sector: "ITU-D SG2", "ITU-D Study Group 2".
_SECTOR_GROUP = re.compile(r"\b(?P<sector>ITU-[RTD])\s+(?:SG|(?i:study\s+group))\s*(?P<n>\d{1,2})\b")


def _group_sectors(*texts: str) -> dict[int, set[str]]:
    """Per study group number, the Sectors whose study group of that number is named."""
    groups: dict[int, set[str]] = {}
    for text in texts:
        for match in _SECTOR_GROUP.finditer(text):
            groups.setdefault(int(match.group("n")), set()).add(match.group("sector"))
    return groups


def with_sectors(candidates: list[ActionCandidate], message: ActionInput) -> list[ActionCandidate]:
    """Owners named without their Sector ("SG5", "WP 5D", "Q7/5") get it when it is
    knowable: a working party with a letter is ITU-R's, a study group number only one
    Sector has is that Sector's, else the only Sector the message names."""
    named: set[str] | None = None
    result = []
    for candidate in candidates:
        parts = [p.strip() for p in (candidate.owner or "").split(",") if p.strip()]
        if not any(_BARE_BODY.fullmatch(p) for p in parts):
            result.append(candidate)
            continue
        if named is None:
            named = set(_NAMED_SECTOR.findall(f"{message.subject}\n{message.new_text}"))
        # A Question is its study group's: "ITU-D SG2 Q6/2", "For action to: ITU-D SG2
        # (Question 6/2)" -> "ITU-D Q6/2", the sentence's study group first.
        groups = _group_sectors(candidate.sentence)
        texts = _group_sectors(f"{message.subject}\n{message.new_text}")
        fixed = [_question_sector(p, groups, texts) or sector_of(p, named) for p in parts]
        result.append(replace(candidate, owner=", ".join(dict.fromkeys(fixed))))
    return result


def _question_sector(part: str, *scopes: dict[int, set[str]]) -> str | None:
    """A bare Question ("Q6/2") with the Sector of the one study group of its number that
    the sentence (else the message) names with a Sector; None when none or several do."""
    if not part.startswith("Q") or _BARE_BODY.fullmatch(part) is None:
        return None
    group = int(part.rsplit("/", 1)[1])
    for scope in scopes:
        if len(scope.get(group, ())) == 1:
            return f"{next(iter(scope[group]))} {part}"
        if scope.get(group):
            return None
    return None


def sector_of(part: str, named: set[str]) -> str:
    """The body with its Sector when knowable ("Q5/1" -> "ITU-D Q5/1"), else as given."""
    match = _BARE_BODY.fullmatch(part)
    if match is None:
        return part
    if part.startswith("WP"):
        return f"ITU-R {part}"
    if part.startswith("Q"):
        group = int(part.rsplit("/", 1)[1])
        if group == 1:
            return f"ITU-D {part}"  # ITU-T has no SG1; ITU-R writes its Questions 229/5
        if group >= 3:
            return f"ITU-T {part}"
    if match.group("sg") and int(match.group("sg")) in _ONLY_SECTOR:
        return f"{_ONLY_SECTOR[int(match.group('sg'))]} {part}"
    return f"{next(iter(named))} {part}" if len(named) == 1 else part


def is_promise(candidate: ActionCandidate) -> bool:
    """Whether the item promises work ("TSB will nominate ..."), not asks for it: a
    question read by a promise's rule ("... a service that we should include?") asks."""
    return candidate.rule in PROMISES and not candidate.sentence.rstrip().endswith("?")


def apply_date_carriers(candidates: list[ActionCandidate], text: str) -> list[ActionCandidate]:
    """A short sentence that only dates what was asked before it gives its date to the
    earlier undated requests of the message and is no item itself. Whom the message
    greets does not make it a request of its own ("Dear Sofia, ... Could BR give a
    briefing? Please let me know by 1 October."); a promise before it ("TSB will
    nominate ...") is not what was asked, and a question before it (which
    :func:`find_questions` reads) is."""
    result: list[ActionCandidate] = []
    # The requests and questions kept so far, and those of them still undated, kept as
    # they come (each item rescanned all the items before it: quadratic in a long list).
    asked = 0
    undated: list[int] = []
    for candidate in candidates:
        carrier = candidate.kind == ACTION and is_date_carrier(candidate.sentence)
        if not carrier or not (asked or "?" in text[:candidate.span[0]]):
            if candidate.kind in (ACTION, "question") and not is_promise(candidate):
                asked += 1
                if candidate.due is None:
                    undated.append(len(result))
            result.append(candidate)
            continue
        if candidate.due is not None:
            for index in undated:
                result[index] = replace(result[index], due=candidate.due,
                                        due_text=candidate.due_text)
            undated = []
    return result


# The opening of an answer: "Yes, please ...", "Sure, will do", "No - ...", after a name
# or a topic at most ("Klaus - yes, ...", "For the SG2 session, yes: ...", "2. Yes, ...").
_ANSWER = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:[^\W\d_][\w.'-]*(?:\s+[\w.'/-]+){0,4}?\s*[,:\u2013-]\s*)?"
    r"(?:yes|no|sure|of\s+course|certainly|absolutely|indeed|gladly|s[ií]|oui|ja|sim|claro|"
    r"bien\s+s[uû]r|volontiers|con\s+gusto|agreed)(?:\s*[,:;.!\u2013-]|\s+(?:please|for)\b)",
    re.IGNORECASE)


# A later clause of the answer that asks or promises something of its own.
_CLAUSE_BREAK = re.compile(r";|\s[\u2013-]\s")
_ANEW = re.compile(r"\bplease\b|\b(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\b", re.IGNORECASE)


def _answers(sentence: str) -> bool:
    """The sentence opens with an answer and asks or promises nothing after it: "Yes,
    please add it - it gives tasks to BR", not "Sí, they can be listed - please send
    the descriptions" nor "Sure - I will check the timing with the team"."""
    opening = _ANSWER.match(sentence)
    if opening is None or sentence.rstrip().endswith("?"):
        return False  # a question in the answer ("Yes - could you also ...?") asks anew
    later = _CLAUSE_BREAK.split(sentence[opening.end():])[1:]
    return not any(_ANEW.search(clause) for clause in later)


def drop_answers(candidates: list[ActionCandidate],
                 message: ActionInput) -> list[ActionCandidate]:
    """A reply's answer to the question it replies to is no new item: "Yes, please
    submit it as a contribution" answers "Could TSB indicate whether ...?", "Sure, we
    will send it" accepts the request in hand. Only when the parent asked something."""
    if not message.parent_asks or not candidates:
        return candidates
    # The parent's whole text is searched only when an item could be its next step.
    asked_how = any(c.rule == "please_do" and c.due is None for c in candidates) and bool(
        _HOW_TO.search(message.parent_text))
    return [c for c in candidates if not _answers(c.sentence) and not (
        asked_how and c.rule == "please_do" and c.due is None)]


# "How can we propose a presentation?", "Who should we contact in BDT?": the asker asks
# what to do; "Please send a short abstract to ...", "Please contact the team lead"
# answers it (the asker's next step, undated), and is no new item.
_HOW_TO = re.compile(r"\b(?:how|who|whom|where|which\s+\w+)\s+(?:can|could|should|shall|do|may"
                     r"|would)\s+(?:we|I)\b[^?]*\?", re.IGNORECASE)

