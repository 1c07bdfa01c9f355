"""Who a reply speaks for and whom its sentences name as acting.

- :func:`speaker_of`: the sender's own names, the bodies they speak for (their unit and
  advisory group in members.yaml) and the Sector whose groups their Bureau serves;
- :func:`owner_parts`: an item's owners, case-folded, a body also without its Sector;
- :func:`doers`: the bodies and members a sentence names as acting ("BDT has sent"),
  not as receiving ("passed to TSB").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from iscg_mailbot.analyse.action_owners import OwnerMention, find_mentions
from iscg_mailbot.analyse.text_gates import FoldedPattern
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig

# A name after these is whom the work went to, not who did it.
_RECIPIENT = re.compile(r"\b(?:to|with|copied|cc|informed|asked)\s+(?:[\w/.'-]+\s+){0,3}$",
                        re.IGNORECASE)
_SECTOR_OF_BUREAU = {"tsb": "itu-t ", "br": "itu-r ", "bdt": "itu-d "}


@lru_cache(maxsize=4096)  # an open item's owner, read for every reply of its thread
def owner_parts(owner: str | None) -> frozenset[str]:
    """The owners of an item, case-folded, a body also without its Sector ("itu-t sg17"
    and "sg17"), so that a reply naming "SG17" finds ITU-T SG17's item."""
    parts = {part.strip().casefold() for part in (owner or "").split(",") if part.strip()}
    return frozenset(parts | {_SECTOR_PREFIX.sub("", part) for part in parts})


_SECTOR_PREFIX = re.compile(r"^itu-[rtd]\s+(?=(?:sg|wp|q)\d)")


def acting_parts(owner: str) -> frozenset[str]:
    """:func:`owner_parts` of a body named as acting, a Question also as its study
    group: "Q5/2 reply LS went to WP 5A today" is ITU-D SG2's reply (the eighteenth
    writer; "the Q6/2 rapporteur group agreed a reply LS", the second)."""
    parts = owner_parts(owner)
    groups = {f"sg{m.group(1)}" for part in parts if (m := _QUESTION.match(part))}
    return parts | groups if groups else parts


_QUESTION = re.compile(r"^(?:itu-[rtd]\s+)?q(?:uestion\s*)?\d{1,2}/(\d{1,2})$")
# An organisation that is an office of a group: "ITU-D SG2 vice-chair", "ITU-T SG13
# chairman", "Rapporteur for Q5/2" is not (the body comes first).
_OFFICE = re.compile(r"^(?P<body>(?:ITU-[RTD]\s+)?(?:SG|WP|Q)\s*[\w/]+)\s+"
                     r"(?:vice-?)?chair(?:man|woman|person)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    """Who sent a reply: own names, the bodies spoken for, and the display name of the
    body (else the person) whose share of an everyone's item the reply does."""

    own: frozenset[str]
    bodies: frozenset[str]
    sectors: tuple[str, ...]
    display: str
    listed: bool = False  # a member of the list (members.yaml), known to speak for itself

    @property
    def speaks_for(self) -> frozenset[str]:
        """The names of whom the reply speaks for: the sender's own and its bodies'."""
        return self.own | self.bodies

    def of_sector(self, item: OpenItem) -> bool:
        """Whether an item is owned by the Sector the speaker's Bureau serves: one of its
        groups ("ITU-T SG17") or the Sector itself ("Does ITU-T still have ...?")."""
        return any(part.startswith(self.sectors) or f"{part} " in self.sectors
                   for part in owner_parts(item.owner)) if self.sectors else False


# A sender's reading, for the replies of the same people (a list's members write most
# of its mail): each reply asks it for each of its thread's items and questions.
_SPEAKERS: dict[tuple[Address, int], tuple[MembersConfig | None, Speaker]] = {}
_MOST_SPEAKERS = 4096


def speaker_of(sender: Address | None, members: MembersConfig | None) -> Speaker:
    """Who sent a reply (:class:`Speaker`), read once a sender and ``members.yaml``."""
    if sender is None:
        return Speaker(frozenset(), frozenset(), (), "")
    key = (sender, id(members))
    known = _SPEAKERS.get(key)
    if known is not None and known[0] is members:  # (the same members read: not a new one)
        return known[1]
    if len(_SPEAKERS) >= _MOST_SPEAKERS:
        _SPEAKERS.clear()
    speaker = _speaker(sender, members)
    _SPEAKERS[key] = (members, speaker)
    return speaker


def _speaker(sender: Address, members: MembersConfig | None) -> Speaker:
    own = {sender.address.casefold()} | ({sender.name.casefold()} if sender.name else set())
    bodies: set[str] = set()
    display = sender.name or sender.address
    member = members.by_address(sender.address) if members is not None else None
    if member is not None:
        own.add(member.name.casefold())
        display = member.organisation or member.group or member.name
        bodies |= {b.casefold() for b in (member.group, member.organisation) if b}
        # An officer of a group speaks for it: the "ITU-D SG2 vice-chair" reports the
        # group's reply ("Approved at the Q1/2 meeting on Monday and sent to SG20
        # yesterday", "Sent to SG5 on Fri 13 September", the twenty-second and
        # twenty-third writers), its owner the group.
        office = _OFFICE.match(member.organisation or "")
        if office is not None:
            bodies |= owner_parts(office.group("body"))
        if "general secretariat" in bodies:
            # "The secretariat is requested to prepare a first draft": the ISCG's
            # secretariat is the General Secretariat's staff (the twelfth and
            # nineteenth writers' items owned by "the secretariat").
            bodies.add("secretariat")
    sectors = tuple(_SECTOR_OF_BUREAU[b] for b in sorted(bodies) if b in _SECTOR_OF_BUREAU)
    return Speaker(frozenset(own), frozenset(bodies), sectors, display[:200], member is not None)


# A member the sender stands in for: "Klaus is sick this week, he asked me to cover. His
# slides attached" (`w26`), "Sofia is on leave", "Hiroshi is on leave, so answering for
# TSB" (`w8`, `w20`, `w24`), "on behalf of Klaus".
_ABSENT = re.compile(
    r"\s+(?:is|was|'s|\u2019s)\s+(?:(?:still|currently|now|out|away|off)\s+)?(?:sick|ill|unwell|"
    r"away|out|off|travell?ing|moving|on\s+(?:sick\s+)?(?:leave|mission|holiday|vacation))\b"
    r"|\s+(?:asked|has\s+asked)\s+me\s+to\b", re.IGNORECASE)
_FOR_ABSENT = re.compile(r"\b(?:on\s+behalf\s+of|covering\s+for|standing\s+in\s+for)\s+$",
                         re.IGNORECASE)


def standing_in(speaker: Speaker, text: str, members: MembersConfig | None) -> Speaker:
    """The speaker, also speaking for the members the reply says it stands in for (away,
    sick, or having asked the sender to cover), so that what it delivers is their share."""
    if members is None or not _STAND_IN_WORDS.found(text):
        return speaker
    absent = {m.owner.casefold() for m in find_mentions(text, members) if m.kind == "member"
              and (_ABSENT.match(text, m.end) or _FOR_ABSENT.search(text, max(0, m.start - 30),
                                                                   m.start))}
    return replace(speaker, own=speaker.own | absent) if absent - speaker.own else speaker


# Asked of every reply's whole text: searched folded (an ASCII text's lower case, twice
# as fast; text_gates.FoldedPattern, held to the pattern's search by the tests).
_STAND_IN_WORDS = FoldedPattern(re.compile(
    r"\b(?:sick|ill|unwell|away|out|off|travell?ing|moving|leave|mission|holiday|vacation|"
    r"asked\s+me|behalf|covering|standing)\b", re.IGNORECASE))


def asked_of_another(question: str | None, owners: Sequence[str], speaker: Speaker,
                     members: MembersConfig | None) -> bool:
    """Whether a question names a member who owns it and not the reply's sender, so the
    sender's reply answers none of it: "And Zhang Wei, do you know if ITU-T has anything
    on ...?" is Zhang Wei's to answer, not that of Rajesh answering his own point; "Pierre
    - to which Question should SG1 allocate it?" not María's comment. A question naming
    the sender too ("Still nobody from TDAG - María, Andrés, Priya?") is theirs as well."""
    if not question or not speaker.listed:
        return False
    people = frozenset(m.owner.casefold() for m in find_mentions(question, members)
                       if m.kind == "member")
    return people.isdisjoint(speaker.own) and any(owner_parts(p) & people for p in owners)


def same_side(one: Address, other: Address, members: MembersConfig | None) -> bool:
    """Whether two senders act for the same side: the same address, or two staff of the
    same Bureau (or of the General Secretariat), one standing in for the other."""
    if one.address.casefold() == other.address.casefold():
        return bool(one.address)
    first, second = speaker_of(one, members), speaker_of(other, members)
    return first.listed and second.listed and bool(first.bodies & second.bodies & _STAFF)


_STAFF = frozenset({"tsb", "br", "bdt", "general secretariat"})


def shares_covered(owner: str | None, by: Iterable[str]) -> tuple[str, ...]:
    """The owners of a multi-owner item that ``by`` covers, when not all of them."""
    names = set(by)
    parts = [p.strip() for p in (owner or "").split(",") if p.strip()]
    covered = tuple(p for p in parts if owner_parts(p) & names)
    return covered if names and covered and len(covered) < len(parts) else ()


def doers(text: str, members: MembersConfig | None) -> list[OwnerMention]:
    """The bodies and members a sentence names as acting, not as receiving, nor as the
    prefix of a document number."""
    return [m for m in find_mentions(text, members)
            if not _RECIPIENT.search(text, max(0, m.start - _RECIPIENT_REACH), m.start)
            and not _is_document_number(text, m.start) and not _KNOWS.match(text, m.end)]


# How far before a name "to", "with", "cc" ... and their three words are looked for: the
# whole text before each name was searched, the square of a long reply ("sent to Klaus
# and BR ..." repeated to 52,000 characters: ~10 s); ``\b`` still sees the character
# before the window.
_RECIPIENT_REACH = 300


# "I think it finished, but I'm not sure - TSB will know": the party pointed to as
# knowing the answer has not given it (another's guess is not that party's answer).
_KNOWS = re.compile(r"\s+(?:will|would|should|may|might|must)\s+know\b|\s+knows\b",
                    re.IGNORECASE)


def _is_document_number(text: str, start: int) -> bool:
    """Whether the name at ``start`` opens a document number ("ISCG-26/5-011",
    "SG1-LS/45"): it names the document, not somebody acting ("The table is posted as
    ISCG-27/9")."""
    return _DOCUMENT_NUMBER.match(text, start) is not None


_DOCUMENT_NUMBER = re.compile(r"\w+-(?:[A-Za-z]+/)?\d")
