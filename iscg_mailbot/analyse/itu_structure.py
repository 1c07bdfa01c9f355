"""ITU bodies named in a text, in the canonical form of the ITU-structure table.

"ITU-T Study Group 5", "SG17", "Q7/5", "Question 6/2 of ITU-D", "WP 5D", "FG-AI4H" are
found and keyed as "ITU-T SG5", "ITU-T SG17", "ITU-T Q7/5", "ITU-D Q6/2", "ITU-R WP5D",
"ITU-T FG-AI4H". A body written without its Sector takes the Sector written just before
it ("Question 6/2 of ITU-D"), else the only Sector whose body of that name the table
lists (SG17 is ITU-T's), else the only one of those the text names elsewhere; "SG5"
in a text naming no Sector (ITU-T's or ITU-R's?) stays unresolved.

    >>> [m.key for m in find_bodies("ITU-R WP 5D and Q7/5", {"ITU-R WP5D", "ITU-T Q7/5"})]
    ['ITU-R WP5D', 'ITU-T Q7/5']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

_SECTOR = r"(?:(?P<sector>ITU-[RTD])\s+)?"
_BODY = re.compile(
    r"(?<![\w/-])" + _SECTOR + r"(?:"
    r"(?:SG|(?i:study\s+group))\s*(?P<sg>\d{1,2})(?![\d/])|"
    r"(?:WP|(?i:working\s+party))\s*(?P<wp>\d{1,2}[A-F])\b|"
    r"(?:Q|(?i:question))\s*(?P<q>\d{1,2})/(?P<qsg>\d{1,2})(?!\d)|"
    r"FG[- ](?P<fg>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)"
    r")"
)
_SECTORS = re.compile(r"\bITU-[RTD]\b")
# "of ITU-D", "(ITU-D)" just after the body also says its Sector.
_SECTOR_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?|\(|,\s*)?(ITU-[RTD])\b")
# A quick test before the regex: most texts name no body at all.
_GATE = re.compile(r"SG|WP|Q\s*\d|[Ss]tudy [Gg]roup|[Ww]orking [Pp]arty|[Qq]uestion|FG")


@dataclass(frozen=True)
class BodyMention:
    """A body named in a text: its canonical key and where it was written."""

    key: str
    start: int
    end: int
    form: str


def _name(match: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    """The body's name without Sector, and the Sectors it can belong to."""
    if match.group("sg"):
        return f"SG{int(match.group('sg'))}", ("ITU-T", "ITU-R", "ITU-D")
    if match.group("wp"):
        return f"WP{match.group('wp')}", ("ITU-R",)  # "WP 5D": a Radiocommunication WP
    if match.group("q"):
        return f"Q{int(match.group('q'))}/{int(match.group('qsg'))}", ("ITU-T", "ITU-D", "ITU-R")
    return f"FG-{match.group('fg')}", ("ITU-T",)


def find_bodies(text: str, known: Collection[str]) -> list[BodyMention]:
    """Bodies named in ``text`` that resolve to one key; ``known`` are the table's keys
    (used to resolve a body written without its Sector)."""
    if not _GATE.search(text):
        return []
    named_sectors = set(_SECTORS.findall(text))
    found: list[BodyMention] = []
    for match in _BODY.finditer(text):
        name, sectors = _name(match)
        sector = match.group("sector")
        if sector is None:
            after = _SECTOR_AFTER.match(text, match.end())
            sector = after.group(1) if after else None
        if sector is None:
            listed = [s for s in sectors if f"{s} {name}" in known]
            if len(listed) > 1:
                listed = [s for s in listed if s in named_sectors]
            if len(listed) != 1:
                continue  # "SG5" alone: ITU-T's or ITU-R's, nobody can tell
            sector = listed[0]
        found.append(BodyMention(f"{sector} {name}", match.start(), match.end(), match.group(0)))
    return found
