"""Which Sector a person, a body or a thread belongs to: ITU-R, ITU-T, ITU-D or the
General Secretariat ("GS").

* a member by the advisory group they speak for (RAG, TSAG, TDAG) or, for secretariat
  staff, by their unit (BR, TSB, BDT, General Secretariat);
* an entity the tagger found (``thread_entities``: label and key) by its name:
  "ITU-T SG17", "WP5D", "TSAG", "BDT", "WRC-27", "PP-26"...

    >>> entity_sector("STUDY_GROUP", "ITU-T SG17"), entity_sector("CONFERENCE", "WTDC-25")
    ('ITU-T', 'ITU-D')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from iscg_mailbot.settings.members import Member, Role

SECTORS = ("ITU-R", "ITU-T", "ITU-D", "GS")
_GROUPS = {"RAG": "ITU-R", "TSAG": "ITU-T", "TDAG": "ITU-D"}
_UNITS = {"BR": "ITU-R", "TSB": "ITU-T", "BDT": "ITU-D", "GENERAL SECRETARIAT": "GS"}
#: The secretariat's units and the advisory groups as owners are spelled.
SECRETARIAT_UNITS = frozenset({"TSB", "BR", "BDT", "General Secretariat"})
ADVISORY_GROUPS = frozenset(_GROUPS)
_CONFERENCES = {"WRC": "ITU-R", "RA": "ITU-R", "WTSA": "ITU-T", "WTDC": "ITU-D", "PP": "GS",
                "COUNCIL": "GS"}


def member_sector(member: Member | None) -> str | None:
    """The Sector a member speaks for or works in, or None (the chair, observers...)."""
    if member is None:
        return None
    if member.role is Role.SECRETARIAT:
        unit = _UNITS.get(member.organisation.strip().upper())
        if unit is not None:
            return unit
    return _GROUPS.get(member.group or "")


def entity_sector(label: str, key: str) -> str | None:
    """The Sector an ITU entity belongs to, or None when its name does not say."""
    text = key.strip().upper()
    if label == "ITU_SECTOR" and text in SECTORS:
        return text
    if label == "ADVISORY_GROUP":
        return _GROUPS.get(text)
    if label == "BUREAU":
        return _UNITS.get(text)
    if label == "CONFERENCE":
        return _CONFERENCES.get(text.split("-", 1)[0])
    if label == "WORKING_PARTY":
        return "ITU-R"  # working parties of the tagger's patterns are ITU-R's (WP5D)
    prefix = re.match(r"^(ITU-[RTD])\b", text)
    if prefix:
        return prefix.group(1)
    if label == "DOCUMENT":
        head = text.split("-", 1)[0]
        return _GROUPS.get(head)
    return None


def entity_sectors(entities: Iterable[tuple[str, str, int]]) -> Counter[str]:
    """How often each Sector is named among (label, key, count) entities."""
    found: Counter[str] = Counter()
    for label, key, count in entities:
        sector = entity_sector(label, key)
        if sector is not None:
            found[sector] += count
    return found


def leading_sector(starter: Member | None,
                   entities: Iterable[tuple[str, str, int]]) -> str | None:
    """The Sector leading a thread: the Sector of the member who started it. A member of
    no Sector (the chair, an observer) leads for ISCG itself: None. A sender who is no
    member (Bureau staff not on members.yaml) leads for the Sector the thread names most."""
    if starter is not None:
        return member_sector(starter)
    named = entity_sectors(entities)
    return named.most_common(1)[0][0] if named else None


__all__ = ["SECTORS", "entity_sector", "entity_sectors", "leading_sector", "member_sector"]
