"""Who a sentence names: ITU bodies (canonical names) and members of the list.

Bodies are rules as data (:data:`BODIES`): a canonical name and a pattern. Acronyms
are matched case-sensitively ("BR" but not "br"), spelled-out names in any case.
Study groups and working parties keep their Sector when it is written ("ITU-T SG17",
"ITU-R WP5D"); a Radiocommunication working party ("WP 5D") is ITU-R by its letter.

Members (from ``members.yaml``) are found by full name (accents optional), by title
and surname ("Ms Petrova"), by address, and by first name when it opens the sentence
as a vocative ("Olga, could you ...").

    >>> [m.owner for m in find_mentions("ITU-T Study Group 17 and TSAG are invited", None)]
    ['ITU-T SG17', 'TSAG']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from iscg_mailbot.members_config import Member, MembersConfig, Role

# Canonical name -> pattern. Longer matches win over shorter overlapping ones, so
# "ITU-T SG17" beats "ITU-T" and "General Secretariat" beats "Secretariat".
BODIES: tuple[tuple[str, str], ...] = (
    ("RAG", r"\bRAG\b|(?i:radiocommunication\s+advisory\s+group)"),
    ("TSAG", r"\bTSAG\b|(?i:telecommunication\s+standardi[sz]ation\s+advisory\s+group)"),
    ("TDAG", r"\bTDAG\b|(?i:telecommunication\s+development\s+advisory\s+group)"),
    ("ITU-R", r"\bITU-R\b|(?i:radiocommunication\s+sector)"),
    ("ITU-T", r"\bITU-T\b|(?i:(?:telecommunication\s+)?standardi[sz]ation\s+sector)"),
    ("ITU-D", r"\bITU-D\b|(?i:(?:telecommunication\s+)?development\s+sector)"),
    ("BR", r"\bBR\b|(?i:radiocommunication\s+bureau)"),
    ("TSB", r"\bTSB\b|(?i:telecommunication\s+standardi[sz]ation\s+bureau)"),
    ("BDT", r"\bBDT\b|(?i:telecommunication\s+development\s+bureau)"),
    ("General Secretariat", r"(?i:general\s+secretariat|secretary[- ]general)|\bGS\b"),
    ("Secretariat", r"(?i:\b(?:the\s+)?(?:ISCG\s+)?secretariat\b)"),
    ("ISCG", r"\bISCG\b|(?i:inter-sector\s+coordination\s+group)"),
    ("Council", r"\bCouncil\b(?!\s+Working)|\bITU\s+Council\b"),
    ("Member States", r"(?i:\bmember\s+states\b)"),
    ("Sector Members", r"(?i:\bsector\s+members\b)"),
    # Collective names stand for every body they cover.
    ("BR, TSB, BDT", r"(?i:\b(?:the\s+)?(?:three\s+|all\s+|ITU\s+)?bureaux\b)"),
    ("RAG, TSAG, TDAG",
     r"(?i:\b(?:the\s+)?(?:three\s+|all\s+|each\s+|every\s+)?(?:sector\s+)?advisory\s+groups?\b)"
     r"(?!\s+(?:of|for)\b)"),
)
# Bodies whose name is built from the match (study groups, working parties, CWGs, FGs).
_STUDY_GROUP = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:SG|(?i:study\s+group))\s*(?P<n>\d{1,2})\b"
)
_WORKING_PARTY = re.compile(
    r"\b(?:(?P<sector>ITU-[RTD])\s+)?(?:WP|(?i:working\s+party))\s*(?P<n>\d{1,2}[A-Z]?(?:/\d{1,2})?)\b"
)
_NAMED_GROUP = re.compile(r"\b(?:CWG|FG|JCA|IRG)-[A-Za-z0-9&-]*[A-Za-z0-9]")
_GROUP_CHAIR = re.compile(
    r"\b(?P<group>RAG|TSAG|TDAG)\s+(?i:(?:vice-)?chair(?:man|person|woman)?|management\s+team)\b"
)
_CHAIR = re.compile(r"(?i:\b(?:the\s+)?(?:ISCG\s+)?chair(?:man|person|woman)?\b)(?!\s+of\b)")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TITLES = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Mme|M)\.?"


@dataclass(frozen=True)
class OwnerMention:
    """A body or member named in a sentence, with its offsets."""

    owner: str
    kind: str  # "group" or "member"
    start: int
    end: int


@lru_cache(maxsize=1)
def _body_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern)) for name, pattern in BODIES)


def _accent_pattern(text: str) -> str:
    """A regex matching ``text`` with or without its accents and with any spacing."""
    parts = []
    for char in text:
        if char.isspace():
            parts.append(r"\s+")
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char:
            parts.append(f"[{re.escape(char)}{re.escape(base)}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@dataclass(frozen=True)
class _MemberPatterns:
    full: tuple[tuple[Member, re.Pattern[str]], ...]
    first: tuple[tuple[Member, re.Pattern[str]], ...]
    vocative: tuple[tuple[Member, re.Pattern[str]], ...]
    chair: Member | None


_MEMBER_CACHE: dict[int, _MemberPatterns] = {}


def _member_patterns(members: MembersConfig) -> _MemberPatterns:
    cached = _MEMBER_CACHE.get(id(members))
    if cached is not None:
        return cached
    full = []
    first_names: dict[str, list[Member]] = {}
    for member in members.members:
        words = member.name.split()
        alternatives = [_accent_pattern(member.name)]
        if len(words) > 1:
            alternatives.append(_TITLES + r"\s+" + _accent_pattern(words[-1]))
        alternatives.extend(re.escape(a) for a in member.addresses)
        full.append((member, re.compile(r"(?i:\b(?:" + "|".join(alternatives) + r")\b)")))
        first_names.setdefault(words[0].casefold(), []).append(member)
    unique = [found[0] for found in first_names.values()
              if len(found) == 1 and len(found[0].name.split()) > 1]
    # A first name alone ("Marc will check ...") is the member when no other member
    # shares it; matched with its capital only, so "grace period" is not Grace Okafor.
    first = tuple(
        (member, re.compile(r"\b" + _accent_pattern(member.name.split()[0]) + r"\b(?!\s+[A-Z])"))
        for member in unique
    )
    vocative = tuple(
        (found[0], re.compile(
            r"^(?i:(?:hi|dear|hello)\s+)?(?P<name>" + _accent_pattern(found[0].name.split()[0])
            + r")\s*[,:\u2013]", re.IGNORECASE))
        for found in first_names.values()
        if len(found) == 1 and len(found[0].name.split()) > 1
    )
    chairs = [m for m in members.members if m.role is Role.CHAIR]
    patterns = _MemberPatterns(tuple(full), first, vocative,
                               chairs[0] if len(chairs) == 1 else None)
    if len(_MEMBER_CACHE) > 8:
        _MEMBER_CACHE.clear()
    _MEMBER_CACHE[id(members)] = patterns
    return patterns


def _study_group_name(match: re.Match[str]) -> str:
    sector = match.group("sector")
    return f"{sector} SG{match.group('n')}" if sector else f"SG{match.group('n')}"


def _working_party_name(match: re.Match[str]) -> str:
    sector, number = match.group("sector"), match.group("n")
    if sector is None and number[-1].isalpha():
        sector = "ITU-R"  # 5D, 4A...: only Radiocommunication working parties carry letters
    return f"{sector} WP{number}" if sector else f"WP{number}"


def find_mentions(text: str, members: MembersConfig | None) -> list[OwnerMention]:
    """Bodies and members named in ``text``, left to right, longest match first."""
    found: list[OwnerMention] = []
    for name, pattern in _body_patterns():
        found.extend(OwnerMention(name, "group", m.start(), m.end()) for m in pattern.finditer(text))
    found.extend(OwnerMention(_study_group_name(m), "group", m.start(), m.end())
                 for m in _STUDY_GROUP.finditer(text))
    found.extend(OwnerMention(_working_party_name(m), "group", m.start(), m.end())
                 for m in _WORKING_PARTY.finditer(text))
    found.extend(OwnerMention(m.group(0), "group", m.start(), m.end())
                 for m in _NAMED_GROUP.finditer(text))
    found.extend(OwnerMention(m.group("group"), "group", m.start(), m.end())
                 for m in _GROUP_CHAIR.finditer(text))
    if members is not None and members.members:
        patterns = _member_patterns(members)
        for member, pattern in patterns.full:
            found.extend(OwnerMention(member.name, "member", m.start(), m.end())
                         for m in pattern.finditer(text))
        for member, pattern in patterns.first:
            found.extend(OwnerMention(member.name, "member", m.start(), m.end())
                         for m in pattern.finditer(text))
        for member, pattern in patterns.vocative:
            match = pattern.match(text)
            if match:
                found.append(OwnerMention(member.name, "member", match.start("name"),
                                          match.end("name")))
        if patterns.chair is not None:
            found.extend(OwnerMention(patterns.chair.name, "member", m.start(), m.end())
                         for m in _CHAIR.finditer(text))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[OwnerMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def join_owners(mentions: Sequence[OwnerMention]) -> str:
    """One owner string for several mentions, without repeats ("ITU-T SG17, ITU-T SG20")."""
    return ", ".join(dict.fromkeys(m.owner for m in mentions))


def find_addresses(text: str) -> list[str]:
    """E-mail addresses written in ``text`` (lower case)."""
    return [m.group(0).lower() for m in _ADDRESS.finditer(text)]
