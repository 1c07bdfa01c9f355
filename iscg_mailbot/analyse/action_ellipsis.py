"""A second party asked for the same thing in a shortened clause: "We would welcome a
speaker from TSB on quality measurements, and one from BR on coverage data." The
clause after "and one from" / "and another from" repeats the request for another
party, so it is an item of its own, owed by the party it names. So does a clause that
leaves out the verb asked of the first party: "I would ask BDT to send the list by 20
November, and TSB the slides by 27 November", "TSB to provide a paragraph on X, and BR
a paragraph on Y, by 8 January" (its own date, else the sentence's). A request of
another party after a semicolon is read on its own: "The draft will be circulated
within two weeks; BDT inputs would be welcome by 26 February" (:func:`split_semicolons`).
Two requests of the same party joined by "and" are two items when the second is a
request of its own: "Could BDT check the data, and tell us how to correct it?",
"Could TSB check the figures, and advise on the footnotes?" (:func:`split_coordinated`);
a second infinitive of the same request ("WP 5D is invited to review X, and to nominate
Y") is one item with two parts, as most writers label it. A
second party with a verb of its own after "and" or a comma owes its own item: "Sofia
will check the frequencies and Pierre will send the figures", "TSB to confirm the
room, BR to send the list".

    >>> from iscg_mailbot.records import ActionCandidate
    >>> text = "We would welcome a speaker from TSB on X, and one from BR on Y."
    >>> asked = ActionCandidate(kind="action", sentence=text, span=(0, len(text)),
    ...     owner="TSB", owner_kind="group", due=None, due_text=None, confidence=0.7,
    ...     rule="wanted_from")
    >>> [(c.owner, c.sentence) for c in split_elliptic([asked], None)]
    [('TSB', 'We would welcome a speaker from TSB on X'), ('BR', 'and one from BR on Y.')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.action_owners import find_mentions, join_owners
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACT_VERBS
from iscg_mailbot.settings.members import MembersConfig

# ", and one from BR", "; another from the General Secretariat", "and one each from".
_ELLIPTIC = re.compile(
    r"\s*[,;]?\s+(?:and\s+)?(?:also\s+)?(?:one|another|a\s+second|two|one\s+each)\s+(?:more\s+)?"
    r"from\s+(?:the\s+)?", re.IGNORECASE)
_GATE = (" one from", "another from", "second from", "two from", "each from")
# How far from an "and" or a comma a party is looked for: a name that opens the next
# clause, or ends the one before, is within a few words of it. Looking at the whole rest
# of the sentence from every "and" took the square of its length (~10 s for one
# hostile 50,000-character sentence of "..., and I ...").
_PARTY_WINDOW = 400

# "..., and TSB the slides", "; and BR a short summary", ", BR its table": a party, then
# what it is to give (a determiner, not a verb), the verb left out; the first clause asks
# "<party> to <verb>".
_GAPPED = re.compile(r"(?:\s*[,;]?\s+and\s+|\s*,\s+)(?:the\s+)?(?=\S)", re.IGNORECASE)
_GAPPED_THING = re.compile(r"\s+(?:a|an|the|its|their|one|two|three|some|any|short|brief)\s",
                           re.IGNORECASE)
_ASKED_VERB = re.compile(r"\b(?:to|(?:could|can|would)\s+(?:[\w-]+\s+){1,4}?)\s*(?:please\s+|"
                         r"kindly\s+|also\s+)?(?:" + ACT_VERBS + r")\b", re.IGNORECASE)


# The rules whose match asks a party for something it is to do (not a note, not a
# commitment): a second request of the same party may follow after "and".
_REQUESTS = frozenset({"could_you", "please_do", "invited_to", "we_request", "possible_for",
                       "kindly_requested"})
# "..., and advise on X", "... and tell us whether ...": a second verb of its own after
# "and" (with a comma, any verb of work; without one, only a turn to asking for an
# answer, which is an item of its own kind). "..., and to nominate Y" continues the
# infinitive asked ("invited to review X, and to nominate Y"): one request, split only
# by `w3` among eleven writers; a turn to asking ("and to tell us whether") still splits.
_SECOND_REQUEST = re.compile(
    r",\s+and\s+(?:also\s+)?(?:please\s+)?(?=(?:" + ACT_VERBS + r")\b)"
    r"|,?\s+and\s+(?:to\s+)?(?:also\s+)?(?:please\s+)?(?=(?:tell|let)\s+(?:me|us)\b)",
    re.IGNORECASE)
# Verbs too light to make a request of their own ("and make sure", "and let me"), and
# reporting back on the first request ("and to inform SG12 of its views"): its tail.
_LIGHT = re.compile(r"(?:make|let(?!\s+(?:me|us)\s+know)|continue|work|ensure|support|include|add|give|take|bring|"
                    r"come|get|follow|go|look|act|inform|notify|reply|respond|revert|report|"
                    r"keep)\b", re.IGNORECASE)


def split_coordinated(candidates: list[ActionCandidate]) -> list[ActionCandidate]:
    """A request, then ", and <verb> ..." asking the same party something else: one item
    each, with the same owner and date."""
    result: list[ActionCandidate] = []
    for candidate in candidates:
        result.extend(_coordinated(candidate) if candidate.rule in _REQUESTS
                      and " and " in candidate.sentence else [candidate])
    return result


def _coordinated(candidate: ActionCandidate) -> list[ActionCandidate]:
    text = candidate.sentence
    cut = None
    for match in _SECOND_REQUEST.finditer(text):
        if not _LIGHT.match(text, match.end()):
            cut = match
            break
    if cut is None:
        return [candidate]
    first, second = text[:cut.start()].rstrip(" ,"), text[cut.end():]
    start, end = candidate.span
    middle = min(end, start + cut.end())
    return [replace(candidate, sentence=first, span=(start, max(start + 1, middle - 1))),
            replace(candidate, sentence=second, span=(middle, end))]


def split_elliptic(candidates: list[ActionCandidate], members: MembersConfig | None,
                   sent: datetime | None = None) -> list[ActionCandidate]:
    """Items asking parties for something, then "and one from <party>": one item each."""
    result: list[ActionCandidate] = []
    for candidate in candidates:
        lowered = candidate.sentence.lower()
        if candidate.kind != "note" and (" and " in lowered or "," in lowered):
            gapped = _split_gapped(candidate, members, sent)
            if len(gapped) == 1:
                gapped = _split_second_party(candidate, members, sent)
            if len(gapped) > 1:
                result.extend(gapped)
                continue
        if candidate.kind == "note" or not any(word in lowered for word in _GATE):
            result.append(candidate)
            continue
        result.extend(_split(candidate, members))
    return result


def _split_gapped(candidate: ActionCandidate, members: MembersConfig | None,
                  sent: datetime | None) -> list[ActionCandidate]:
    """"<party> to <verb> A, and <party2> B": the second party's item, B; so for each
    further party ("Could TSB send A by 5 February, BR its table by 12 February and BDT
    the mapping by 19 February?": three items)."""
    text = candidate.sentence
    seen = {p.strip() for p in (candidate.owner or "").split(",")}
    cuts: list[tuple[int, int, str, str]] = []  # (end of the clause before, cut, owner, kind)
    asked = _ASKED_VERB.search(text)  # once: every comma of a long sentence may be tried
    for match in _GAPPED.finditer(text):
        if asked is None or match.start() < asked.end() or (
                cuts and match.start() < cuts[-1][1]):
            continue
        named = find_mentions(text[match.end():match.end() + _PARTY_WINDOW], members)
        if not named or named[0].start != 0 or not _GAPPED_THING.match(
                text, match.end() + named[0].end):
            continue
        owner = join_owners(named[:1])
        if owner in seen:
            continue
        seen.add(owner)
        cut = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" ,;"))
        cuts.append((match.start(), cut, owner,
                     "member" if named[0].kind == "member" else "group"))
    if not cuts:
        return [candidate]
    start, end = candidate.span
    first = text[:cuts[0][0]].rstrip(" ,;")
    middle = min(end, start + cuts[0][1])
    pieces = [replace(candidate, sentence=first, span=(start, max(start + 1, middle - 1)))]
    for index, (_, cut, owner, kind) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        second = text[cut:stop].rstrip(" ,;") if stop < len(text) else text[cut:]
        own = find_due(second, sent)
        due, due_text = ((own.value, own.text) if own is not None and own.value is not None
                         else (candidate.due, candidate.due_text))
        piece_end = end if stop == len(text) else min(end, start + stop)
        pieces.append(replace(candidate, sentence=second,
                              span=(min(end, start + cut), max(min(end, start + cut) + 1,
                                                               piece_end)),
                              owner=owner, owner_kind=kind, due=due, due_text=due_text))
    return pieces


# "Sofia will check the frequencies and Pierre will send the figures", "TSB to confirm
# the room, BR to send the list": a second party with a verb of its own after "and" or
# a comma.
_AND_PARTY = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?=\S)", re.IGNORECASE)
_OWN_VERB = re.compile(r"\s+(?:will|shall|should|is\s+to|are\s+to|to|could|can)\s+(?:\w+\s+){0,2}?"
                       r"(?:" + ACT_VERBS + r")\b", re.IGNORECASE)


# "Could TSB and BDT send their comments by 6 October, BR confirm by 1 October whether
# ...": the modal of the first request left out before the second party's verb.
_BARE_VERB = re.compile(r"\s+(?:please\s+|also\s+)?(?:" + ACT_VERBS + r")\b", re.IGNORECASE)
_MODAL_ASKED = re.compile(r"^\W*(?:please\s+)?(?:could|can|would)\s+\S", re.IGNORECASE)


def _split_second_party(candidate: ActionCandidate, members: MembersConfig | None,
                        sent: datetime | None) -> list[ActionCandidate]:
    """"<party> will A and <party2> will B": B is the second party's item."""
    text = candidate.sentence
    verbs = _verb_runs(text)
    for match in _AND_PARTY.finditer(text):
        if not _verb_within(verbs, match.end()):
            continue  # no verb for a party here to have: the test below would fail
        named = find_mentions(text[match.end():match.end() + _PARTY_WINDOW], members)
        if not named or named[0].start != 0:
            continue
        preceding = text[max(0, match.start() - _PARTY_WINDOW):match.start()]
        before = find_mentions(preceding, members)
        if before and before[-1].end == len(preceding):
            continue  # "invite BR and BDT to ...": one list of parties
        chain = [named[0]]
        for later in named[1:]:
            if not _CONNECTS.fullmatch(text[match.end() + chain[-1].end:match.end() + later.start]):
                break
            chain.append(later)
        if not (_OWN_VERB.match(text, match.end() + chain[-1].end) or (
                _BARE_VERB.match(text, match.end() + chain[-1].end)
                and _MODAL_ASKED.search(text, 0, match.start()))):
            continue
        owner = join_owners(chain)
        if owner == candidate.owner:
            continue
        cut = match.end()
        start, end = candidate.span
        middle = min(end, start + cut)
        own = find_due(text[cut:], sent)
        due, due_text = ((own.value, own.text) if own is not None and own.value is not None
                         else _not_the_first_clauses(candidate, text[:match.start()]))
        kinds = {m.kind for m in chain}
        return [replace(candidate, sentence=text[:match.start()].rstrip(" ,"),
                        span=(start, max(start + 1, middle - 1))),
                replace(candidate, sentence=text[cut:], span=(middle, end), owner=owner,
                        owner_kind="member" if kinds == {"member"} else "group",
                        due=due, due_text=due_text)]
    return [candidate]


# A second party's own verb (:data:`_OWN_VERB`, :data:`_BARE_VERB`) is read where the
# parties after an "and" end: always at a space, within a window of the "and". Both
# patterns open with ``\s+`` and then need a letter, so one test at the start of a run
# of spaces answers for every place in it. Finding the runs that hold such a verb once
# lets an "and" with none in its window be passed over without reading its parties: a
# 50,000-character list "TSB, BR and BDT ..." read the parties in 400 characters around
# each of its 6,000 "and"s and commas (7 s), though no verb followed any of them.
_SPACES = re.compile(r"\s+")


def _verb_runs(text: str) -> tuple[list[int], list[int]]:
    """The starts and the ends of the runs of spaces in ``text`` that open a second
    party's verb, left to right."""
    starts: list[int] = []
    ends: list[int] = []
    for run in _SPACES.finditer(text):
        if _OWN_VERB.match(text, run.start()) or _BARE_VERB.match(text, run.start()):
            starts.append(run.start())
            ends.append(run.end())
    return starts, ends


def _verb_within(verbs: tuple[list[int], list[int]], after: int) -> bool:
    """Whether a verb run holds a place from ``after`` to ``after + _PARTY_WINDOW``
    (where a party named in the window after ``after`` can end)."""
    starts, ends = verbs
    index = bisect_right(ends, after)  # the first run that goes on past ``after``
    return index < len(starts) and starts[index] <= after + _PARTY_WINDOW


def _not_the_first_clauses(candidate: ActionCandidate, first: str
                           ) -> tuple[date | None, str | None]:
    """The item's date for the second party's clause, unless the first clause says it:
    "I will circulate the calendar by 7 December, and Lucia will send a poll" dates
    only the first (as :func:`.action_dates_clauses.clause_due` reads a clause); a date
    given around the sentence ("Deadline: 15 March" of a liaison statement) is both
    clauses'."""
    if candidate.due_text and candidate.due_text in first:
        return None, None
    return candidate.due, candidate.due_text


_CONNECTS = re.compile(r"\s*(?:,|and|&|/)\s*(?:the\s+)?", re.IGNORECASE)


def _split(candidate: ActionCandidate, members: MembersConfig | None) -> list[ActionCandidate]:
    text = candidate.sentence
    before = False
    for match in _ELLIPTIC.finditer(text):
        # Each "one from" read the whole text before and after it (36 s for 100,000
        # characters of them): the party is read in a window after it (names are short),
        # and the first clause until it names one (a longer first clause names it too).
        named = find_mentions(text[match.end():match.end() + _PARTY_WINDOW], members)
        if not named or named[0].start != 0:
            continue  # "one from" is no party's
        before = before or bool(find_mentions(text[:match.start()], members))
        if not before:
            continue  # the first clause names nobody
        chain = [named[0]]
        owner = join_owners(chain)
        first_owner = candidate.owner or ""
        if owner in {p.strip() for p in first_owner.split(",")}:
            continue
        cut = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" ,;"))
        first = text[:match.start()].rstrip(" ,;")
        second = text[cut:]
        start, end = candidate.span
        middle = min(end, start + cut)
        return [replace(candidate, sentence=first, span=(start, max(start + 1, middle - 1))),
                replace(candidate, sentence=second, span=(middle, end), owner=owner,
                        owner_kind="member" if chain[0].kind == "member" else "group")]
    return [candidate]


# How much of a clause after ";" is read for the party opening it (names are shorter).
_CLAUSE_HEAD = 200
_AFTER_SEMICOLON = re.compile(r";\s+(?:and\s+)?(?:the\s+)?(?=\S)", re.IGNORECASE)
# What the party after the semicolon is asked: "BDT inputs would be welcome by ...",
# "BR comments are needed by ...", "TSB should send ...", "BR to provide ...".
_ASKS = re.compile(
    r"^[^;]{0,60}?\b(?:would\s+be\s+(?:most\s+|very\s+|much\s+)?(?:welcome|appreciated|helpful)"
    r"|(?:is|are)\s+(?:\w+ly\s+)?(?:needed|required|requested|invited|expected|asked|welcome)"
    r"|(?:should|must|to)\s+(?:please\s+|kindly\s+|also\s+)?(?:" + ACT_VERBS + r"))\b",
    re.IGNORECASE)


# A clause after ";" that makes a commitment or a request of its own: "The explainer will
# be ready within ten days; we will share it with the Regional Offices too", "Our
# Ministry will send the letters; please ask the speakers to contact us".
_OWN_CLAUSE = re.compile(r"(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\s|(?:please|kindly)\s+(?!note\b)"
                         r"|[^;]{0,40}?\bwill\s+be\s+\w+\s+by\s+(?:the\s+)?(?-i:[A-Z])",
                         re.IGNORECASE)


# "...; TSB will circulate the minutes": a party's own commitment, dated or not.
_PARTY_WILL = re.compile(r"\s+(?:will|shall|is\s+to|are\s+to|to)\s+(?:\w+\s+){0,2}?(?:"
                         + ACT_VERBS + r")\b", re.IGNORECASE)


# "Could TSB and BDT send their comments by 6 October, ..., and I will table the revised
# procedure", "Rajesh will draft the note on AI 1.4, and I will do AI 1.5": the writer's
# own undertaking joined to a request or another party's: a clause of its own.
_AND_OWN = re.compile(r",\s+and\s+(?:then\s+)?(?=(?:I|we)\s*(?:will|shall|'ll|\u2019ll)\s)",
                      re.IGNORECASE)


def split_semicolons(clauses: list[Sentence], members: MembersConfig | None,
                     sent: datetime | None) -> list[Sentence]:
    """The clauses, with a clause after ";" that asks a party it opens with, by a date of
    its own, read on its own ("...; BR inputs are needed by 20 November"), and the
    writer's own undertaking after ", and" ("..., and I will table it")."""
    if len(clauses) == 1 and ";" not in clauses[0].text and ", and" not in clauses[0].text:
        return clauses  # most sentences
    result: list[Sentence] = []
    for clause in clauses:
        text = clause.text
        cut = None
        if ";" in text:
            for match in _AFTER_SEMICOLON.finditer(text):
                rest = text[match.end():]
                # Only a party opening the clause counts: its head holds it (the whole
                # rest, read at every ";", was the square of a long line of them).
                named = find_mentions(rest[:_CLAUSE_HEAD], members)
                if _OWN_CLAUSE.match(rest) or (named and named[0].start == 0 and (
                        (_ASKS.match(rest) and find_due(rest, sent))
                        or _PARTY_WILL.match(rest, named[0].end))):
                    cut = match
                    break
        if cut is None:
            cut = _AND_OWN.search(text)
        if cut is None:
            result.append(clause)
            continue
        middle = min(clause.end, clause.start + cut.end())
        result.append(Sentence(text[:cut.start()], clause.start, max(clause.start + 1,
                                                                      middle - 1)))
        result.append(Sentence(text[cut.end():], middle, clause.end))
    return result
