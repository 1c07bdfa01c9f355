"""ITU bodies named in a text, in the canonical form of the ITU-structure table.

"ITU-T Study Group 5", "SG17", "Q7/5", "Question 6/2 of ITU-D", "WP 5D", "FG-AI4H" are
found and keyed as "ITU-T SG5", "ITU-T SG17", "ITU-T Q7/5", "ITU-D Q6/2", "ITU-R WP5D",
"ITU-T FG-AI4H". A body written without its Sector takes the Sector written just before
it ("Question 6/2 of ITU-D"), else the only Sector whose body of that name the table
lists (SG17 is ITU-T's), else the only one of those the text names elsewhere; "SG5"
in a text naming no Sector (ITU-T's or ITU-R's?) stays unresolved. WRC agenda items
("AI 1.13", "WRC-27 agenda items 1.7 and 1.13") are found by :func:`agenda_items` and
resolved the same way against the conferences: "AI 1.13" is the only conference's item
1.13 the table lists, unless the text names other conferences only (WRC-23).
Recommendations cited by number ("Recommendation ITU-T L.1300", "X.1254", "the
E.800-series") are found by :func:`recommendations` and resolved to the narrowest
series block (or single Recommendation) of the table that holds them.

    >>> [m.key for m in find_bodies("ITU-R WP 5D and Q7/5", {"ITU-R WP5D", "ITU-T Q7/5"})]
    ['ITU-R WP5D', 'ITU-T Q7/5']
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

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
# Where a body can start: literal anchors found with str.find (far cheaper than
# scanning every position with the regex), and how far back the name starts.
_ANCHORS = (("SG", 0), ("WP", 0), ("Q", 0), ("FG", 0), ("tudy", 1), ("orking", 1),
            ("uestion", 1))
_PREFIX = re.compile(r"ITU-[RTD]\s")


@dataclass(frozen=True)
class BodyMention:
    """A body named in a text: its canonical key and where it was written."""

    key: str
    start: int
    end: int
    form: str


def _name(match: re.Match[str]) -> str:
    """The body's name without its Sector: "SG5", "WP5D", "Q7/5", "FG-AI4H"."""
    if match.group("sg"):
        return f"SG{int(match.group('sg'))}"
    if match.group("wp"):
        return f"WP{match.group('wp')}"  # "WP 5D": a Radiocommunication WP (resolve)
    if match.group("q"):
        return f"Q{int(match.group('q'))}/{int(match.group('qsg'))}"
    return f"FG-{match.group('fg')}"


def _candidate_starts(text: str) -> list[int]:
    starts: set[int] = set()
    for token, back in _ANCHORS:
        index = text.find(token)
        while index != -1:
            start = index - back
            if start >= 6 and _PREFIX.match(text, start - 6):
                start -= 6  # "ITU-T SG17": the Sector belongs to the name
            starts.add(start)
            index = text.find(token, index + 1)
    return sorted(starts)


_SECTORS_OF = {"SG": ("ITU-T", "ITU-R", "ITU-D"), "WP": ("ITU-R",), "Q": ("ITU-T", "ITU-D", "ITU-R"),
               "FG": ("ITU-T",)}
_FOCUS_GROUP = re.compile(r"(?<![\w-])FG-[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def resolve(name: str, named_sectors: Collection[str], known: Collection[str]) -> str | None:
    """The table key of a body as found ("ITU-T SG17", "SG17", "WP5D", "Q7/5",
    "FG-AI4H", "AI 1.13"): its own Sector (or conference), else the only listed one,
    else the only listed one the text names; None when that leaves no single body.
    ``named_sectors`` holds the Sectors and the conferences ("WRC-27") the text names.

    >>> resolve("Q6/2", {"ITU-D"}, {"ITU-T Q6/2", "ITU-D Q6/2"})
    'ITU-D Q6/2'
    >>> resolve("AI 1.13", set(), {"WRC-27 AI 1.13"}), resolve("AI 1.13", {"WRC-23"}, {"WRC-27 AI 1.13"})
    ('WRC-27 AI 1.13', None)
    """
    if _REC_NAME.match(name):
        return _recommendation(name, named_sectors, known)
    if name.startswith(("ITU-", "WRC-")):
        return name
    if name.startswith("AI "):
        return _agenda_item(name, named_sectors, known)
    kind = "FG" if name.startswith("FG-") else name[:1] if name.startswith("Q") else name[:2]
    listed = [s for s in _SECTORS_OF.get(kind, ()) if f"{s} {name}" in known]
    if len(listed) > 1:
        listed = [s for s in listed if s in named_sectors]
    return f"{listed[0]} {name}" if len(listed) == 1 else None


def _agenda_item(name: str, named: Collection[str], known: Collection[str]) -> str | None:
    """The conference of an agenda item written without one: of the conferences whose
    item the table lists, the only one, or the only one the text names; none when the
    text names conferences and none of them lists it ("WRC-23 ... AI 1.13")."""
    listed = [key for key in known if key.startswith("WRC-") and key.endswith(f" {name}")]
    conferences = [sector for sector in named if sector.startswith("WRC-")]
    if conferences:
        listed = [key for key in listed if key.split(" ", 1)[0] in conferences]
    return listed[0] if len(listed) == 1 else None


# A Recommendation as found ("ITU-T X.1254", "X.1254") and a table entry of them: a
# series block "ITU-T X.1000-X.1999" or one Recommendation "ITU-R M.2121".
_REC_NAME = re.compile(r"^(?:(ITU-[RT]) )?([A-Z]{1,3})\.(\d{1,4})$")
_REC_ENTRY = re.compile(r"^(ITU-[RT]) ([A-Z]{1,3})\.(\d{1,4})(?:-\2\.(\d{1,4}))?$")
# Series letters both Sectors use (ITU-T F, M, P, S, V and ITU-R's fixed, mobile,
# propagation, fixed-satellite and vocabulary series): written without its Sector, such
# a number is read only when the text names that Sector and not the other.
SHARED_SERIES = frozenset({"F", "M", "P", "S", "V"})


@lru_cache(maxsize=64)
def _rec_entries(known: frozenset[str]) -> tuple[tuple[str, str, int, int, str], ...]:
    """The table's Recommendation entries as (Sector, series, first, last, key)."""
    entries = []
    for key in known:
        match = _REC_ENTRY.match(key)
        if match is not None:
            first = int(match.group(3))
            last = int(match.group(4)) if match.group(4) else first
            entries.append((match.group(1), match.group(2), first, last, key))
    return tuple(entries)


def _recommendation(name: str, named: Collection[str], known: Collection[str]) -> str | None:
    """The table entry holding a Recommendation: of the entries of its Sector (else of
    either Sector) and series whose numbers include it, the narrowest. A series both
    Sectors use needs its Sector, written or the only one of the two the text names."""
    match = _REC_NAME.match(name)
    if match is None:
        return None
    sector, series, number = match.group(1), match.group(2), int(match.group(3))
    if sector is None and series in SHARED_SERIES:
        itu_sectors = [s for s in ("ITU-T", "ITU-R") if s in named]
        sector = itu_sectors[0] if len(itu_sectors) == 1 else None
        if sector is None:
            return None
    holding = [(last - first, key) for s, letter, first, last, key in _rec_entries(frozenset(known))
               if letter == series and first <= number <= last and sector in (None, s)]
    return min(holding)[1] if holding else None


# A Recommendation cited by number: the series' letters, a dot and the number, perhaps
# with a part (".1"), "bis"/"ter" or "-series" after it; "Recommendation ITU-T" or the
# Sector before it. Found from "<capital>.<digit>": one scan for a dot before a digit
# (a pattern opening with a literal is searched for that character, ~3x faster than one
# opening with a class, which ``re`` tries at every position), then the capital tested.
_REC_DOT = re.compile(r"\.(?=\d)")
_REC = re.compile(r"(?P<series>[A-Z]{1,3})\.(?P<number>\d{1,4})(?:\.\d{1,2})?(?:bis|ter)?(?![\w])")
_REC_SECTOR_BEFORE = re.compile(r"(ITU-[RT])[ \t]+\Z")


def recommendations(text: str) -> list[tuple[int, str, str]]:
    """Recommendations cited by number in a text, as (offset, name, form): "ITU-T
    X.1254" when the Sector is written just before it, else "X.1254" for
    :func:`resolve`; the form is what was written.

    >>> [name for _, name, _ in recommendations("Recommendation ITU-T L.1300 and the E.800-series; G.8275.1")]
    ['ITU-T L.1300', 'E.800', 'G.8275']
    """
    found: list[tuple[int, str, str]] = []
    for dot in _REC_DOT.finditer(text):
        start = dot.start() - 1
        if start < 0 or not "A" <= text[start] <= "Z":
            continue
        while start > 0 and text[start - 1].isupper():
            start -= 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue
        match = _REC.match(text, start)
        if match is None:
            continue
        name = f"{match.group('series')}.{int(match.group('number'))}"
        before = _REC_SECTOR_BEFORE.search(text, max(0, start - 8), start)
        if before is not None:
            found.append((before.start(), f"{before.group(1)} {name}", text[before.start():match.end()]))
        else:
            found.append((start, name, match.group(0)))
    return found


# A WRC agenda item: "AI 1.13" (ITU-R's own short form), "agenda item 1.7", with the
# conference before it or not, several in a row ("agenda items 1.7 and 1.13"). A bare
# "item 1.7" is not one: meeting agendas number their items too. One line break at most
# between the words: texts are joined with a blank line for the phrase finder. Found
# from the literal "AI" and "genda" (str.find), then matched there: scanning every
# position of a group's text with the regex costs more than the tagging around it.
_GAP = r"[ \t]*\n?[ \t]*"
_ITEM_NUMBER = r"\d{1,2}\.\d{1,2}(?![\d.]*\d)"
_AGENDA_ITEM = re.compile(
    r"(?:AI|[Aa]genda" + _GAP + r"[Ii]tems?)" + _GAP
    + r"(?P<items>" + _ITEM_NUMBER + r"(?:" + _GAP + r"(?:,|and|&)" + _GAP + _ITEM_NUMBER + r")*)"
)
_ITEM_ANCHORS = (("AI", 0), ("genda", 1))
# The conference written just before an item ("WRC-27 agenda item 1.7"), in the few
# characters before it.
_CONFERENCE_BEFORE = re.compile(r"(?<![\w-])(WRC-\d{2})" + _GAP + r"\Z")
_CONFERENCE = re.compile(r"WRC-\d{2}(?!\d)")
_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")


def _starts_a_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-")


def _literal_starts(text: str, anchors: tuple[tuple[str, int], ...]) -> list[int]:
    """Where a name can start: each anchor's positions (str.find), moved back by its offset."""
    starts: list[int] = []
    for token, back in anchors:
        index = text.find(token)
        while index != -1:
            if index >= back and _starts_a_word(text, index - back):
                starts.append(index - back)
            index = text.find(token, index + 1)
    return sorted(starts)


def agenda_items(text: str) -> list[tuple[int, str, str]]:
    """WRC agenda items named in a text, as (offset, name, form): the name with its
    conference when written before it ("WRC-27 AI 1.7"), else "AI 1.7" for
    :func:`resolve`; the form is what was written, and starts at the offset.

    >>> [name for _, name, _ in agenda_items("WRC-27 agenda items 1.7 and 1.13; AI 1.15")]
    ['WRC-27 AI 1.7', 'WRC-27 AI 1.13', 'AI 1.15']
    """
    found: list[tuple[int, str, str]] = []
    for start in _literal_starts(text, _ITEM_ANCHORS):
        match = _AGENDA_ITEM.match(text, start)
        if match is None:
            continue
        before = _CONFERENCE_BEFORE.search(text, max(0, start - 16), start)
        prefix = f"{before.group(1)} AI" if before else "AI"
        # The offset is where the form starts, the conference when written ("WRC-27
        # agenda item 1.13"): (offset, offset + len(form)) is its span, read for the
        # body's not_near words. _GAP keeps it in the item's text.
        first = before.start() if before else start
        found += [(first, f"{prefix} {number}", text[first:match.end()])
                  for number in _NUMBER.findall(match.group("items"))]
    return found


def conferences(text: str) -> list[tuple[int, str]]:
    """The WRCs a text names ("WRC-27"), as (offset, name): what an agenda item written
    without its conference is resolved against."""
    found: list[tuple[int, str]] = []
    for start in _literal_starts(text, (("WRC-", 0),)):
        match = _CONFERENCE.match(text, start)
        if match is not None:
            found.append((start, match.group(0)))
    return found


def focus_groups(text: str) -> list[str]:
    """Focus groups named in a text ("FG-AI4H"), for the tagger (other bodies come from
    the entity finder)."""
    return _FOCUS_GROUP.findall(text) if "FG-" in text else []


def focus_groups_at(text: str) -> list[tuple[int, str]]:
    """:func:`focus_groups` with where each starts in ``text``, as (offset, name)."""
    if "FG-" not in text:
        return []
    return [(match.start(), match.group()) for match in _FOCUS_GROUP.finditer(text)]


def find_bodies(text: str, known: Collection[str]) -> list[BodyMention]:
    """Bodies named in ``text`` that resolve to one key; ``known`` are the table's keys
    (used to resolve a body written without its Sector)."""
    starts = _candidate_starts(text)
    if not starts:
        return []
    named_sectors = set(_SECTORS.findall(text))
    found: list[BodyMention] = []
    last_end = -1
    for start in starts:
        match = _BODY.match(text, start) if start >= last_end else None
        if match is None:
            continue
        last_end = match.end()
        name = _name(match)
        sector = match.group("sector")
        if sector is None:
            after = _SECTOR_AFTER.match(text, match.end())
            sector = after.group(1) if after else None
        key = f"{sector} {name}" if sector is not None else resolve(name, named_sectors, known)
        if key is None:
            continue  # "SG5" alone: ITU-T's or ITU-R's, nobody can tell
        found.append(BodyMention(key, match.start(), match.end(), match.group(0)))
    return found
