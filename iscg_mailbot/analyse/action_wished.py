"""Whom a request asks when the wish just before it names the parties.

"We would like one speaker from BR and one from TSB (15 minutes each). Could you give me
names by 9 June?", "We would like one young professional from BR and one from TSB to
speak. Names by Friday 4 August, please." (`w33`-034, `w35`-029, `w35`-009): the request
names nobody, and the list is not asked; the parties the sender wishes to hear from are.
Only a request no rule gave an owner is read, and only when a wish ("we would like",
"we'd love", "I would welcome") stands in its sentence or in the 400 characters before
it, naming a party as the one the people wished for come from ("one speaker from BR",
"from each of the other two Bureaux": the sender's own Bureau left out) or as the people
themselves ("two TSB coaches", "the views of the TDAG vice-chairs").

    >>> text = "We would like one speaker from BR and one from TSB. Could you send names?"
    >>> wished_parties(text, text.index("Could"), None, None)
    'BR, TSB'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions
from iscg_mailbot.analyse.sectors import SECRETARIAT_UNITS
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.members import MembersConfig

# The wish: "we would like", "we'd love", "I would very much welcome".
_WISH = re.compile(r"\b(?:we|I)\s*(?:would|'d|\u2019d)\s+(?:(?:very\s+)?much\s+)?"
                   r"(?:like|love|welcome|appreciate)\b(?!\s+to\b)", re.IGNORECASE)
# Where the wish's clause ends: a stop, a question mark, a colon or a blank line.
_CLAUSE_END = re.compile(r"[.?!:;]|\n[ \t]*\n")
# The party the wished-for people come from: "from BR", "from each of the other two
# Bureaux", "the views of the TDAG vice-chairs", "comments from".
_FROM = re.compile(r"\b(?P<word>from|of)\s+(?:each\s+of\s+|both\s+)?(?:the\s+)?"
                   r"(?:other\s+)?(?:two\s+)?$", re.IGNORECASE)
# "of" names the givers only after the people or what they give ("the views of",
# "the chairs - or a vice-chair - of RAG"); "the work of BR", "the outcome of TSAG",
# "the support of BDT" name a topic, not whom the wish asks.
_GIVERS = re.compile(r"\b(?:chairs?|views|comments|input|feedback|advice|members?|"
                     r"speakers?|experts?|representatives?|colleagues?|staff)\b", re.IGNORECASE)
# The people of the party named just before: "two TSB coaches", "a BR expert".
_PEOPLE = re.compile(r"\s+(?:coach|speaker|expert|trainer|panell?ist|moderator|colleague|"
                     r"representative|rep|staff|focal\s+point|volunteer|judge|presenter)",
                     re.IGNORECASE)
# A request after the wish's sentence asks for the wished-for people ("Could you give me
# names?", "who from your group can take part") or only points back to the wish ("Could
# you let me know by 31 August?"); one with its own business ("On another matter, could
# you send me the minutes?") is not the wish's.
_ASKS_PEOPLE = re.compile(
    r"\b(?:names?|nominat\w*|nominees?|who|whom|volunteers?|speakers?|experts?|trainers?|"
    r"coach(?:es)?|panell?ists?|candidates?)\b|\blet\s+(?:me|us)\s+know\s*(?:by\b|before\b|"
    r"[.?!,]|$)|\bconfirm\s*(?:by\b|before\b|[.?!]|$)", re.IGNORECASE)
_OTHER = re.compile(r"\bother\s+(?:two\s+)?$", re.IGNORECASE)
# How far before a request its wish is looked for; how much of the wish is read (a wish
# with thousands of bodies and no stop would otherwise be read once a body: quadratic);
# how far before a body its "from" is looked for.
_WINDOW = 400
_CLAUSE = 300
_LEAD = 40
_EVERY_BUREAU = frozenset({"BR", "TSB", "BDT"})


def _party(clause: str, mention: OwnerMention) -> bool:
    """Whether ``mention`` names where the wished-for people come from, or the people."""
    lead = max(0, mention.start - _LEAD)
    found = _FROM.search(clause, lead, mention.start)
    return ((found is not None and (found.group("word").lower() == "from"
                                   or _GIVERS.search(clause, lead, found.start()) is not None))
            or _PEOPLE.match(clause, mention.end) is not None
            or "vice" in clause[mention.start:mention.end].lower())


def _own_unit(message: ActionInput | None, members: MembersConfig | None) -> str | None:
    sender = message.sender if message is not None else None
    member = (members.by_address(sender.address)
              if members is not None and sender is not None else None)
    if member is not None and member.organisation in SECRETARIAT_UNITS:
        return member.organisation
    return None


def wished_parties(text: str, position: int, message: ActionInput | None,
                   members: MembersConfig | None, end: int | None = None) -> str | None:
    """The parties the last wish before ``end`` (default ``position``), at most
    :data:`_WINDOW` characters before ``position``, names (:func:`_party`), joined; None
    when there is no such wish or it names no party."""
    start = max(0, position - _WINDOW)
    wishes = list(_WISH.finditer(text, start, end if end is not None else position))
    if not wishes:
        return None
    wish = wishes[-1]
    limit = min(len(text), wish.end() + _CLAUSE)
    stop = _CLAUSE_END.search(text, wish.end(), limit)
    clause = text[wish.end():stop.start() if stop else limit]
    owners: list[str] = []
    for mention in find_mentions(clause, members):
        if mention.kind != "group" or mention.owner == "ISCG" or not _party(clause, mention):
            continue
        parts = mention.owner.split(", ")
        if set(parts) == _EVERY_BUREAU and _OTHER.search(clause, 0, mention.start):
            own = _own_unit(message, members)  # "the other two Bureaux": not the sender's
            parts = [p for p in parts if p != own]
        owners.extend(parts)
    return ", ".join(dict.fromkeys(owners)) or None


def to_wished_parties(candidates: Sequence[ActionCandidate], message: ActionInput,
                      members: MembersConfig | None) -> list[ActionCandidate]:
    """The requests no rule gave an owner, owned by the parties a wish before them (or at
    the head of their own sentence) names (:func:`wished_parties`); a request after the
    wish's sentence only when it asks for the people or points back (:data:`_ASKS_PEOPLE`)."""
    result = []
    text = message.new_text
    for candidate in candidates:
        first, last = candidate.span
        if candidate.owner is None and candidate.kind != "note" and _WISH.search(
                text, max(0, first - _WINDOW), last) and (
                _WISH.search(text, first, last) or _ASKS_PEOPLE.search(text, first, last)):
            owner = wished_parties(text, first, message, members, end=last)
            if owner is not None:
                candidate = replace(candidate, owner=owner, owner_kind="group")
        result.append(candidate)
    return result
