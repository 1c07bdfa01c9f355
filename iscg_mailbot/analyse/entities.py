"""ITU bodies, groups, documents and resolutions: EntityRuler patterns, as plain data.

This module does not import spaCy: :func:`entity_patterns` returns the pattern dicts
that ``analyse.nlp`` hands to an EntityRuler, and :func:`entity_key` turns what
matched into the normalised key stored per thread and used by look-ups::

    >>> entity_key("DOCUMENT", "TSAG - TD409-R1")
    'TSAG-TD409'
    >>> entity_key("STUDY_GROUP", "ITU-T Study Group 17")
    'ITU-T SG17'
    >>> entity_key("RESOLUTION", "Resolution 191 (Rev. Dubai, 2018)")
    'Resolution 191'

Why most patterns are enumerated phrases: a spaCy Matcher tries every token pattern at
every token, building a Python ``Token`` each time, which would cost more than the whole
rest of the tagger. Enumerated forms ("SG1" ... "SG21", "Q1/17" ...) go to a
PhraseMatcher, a hash look-up per token. The few token patterns left (document numbers,
resolutions with their revision) say which word sequences they start with
(``trigger``), and only short windows from those are searched.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

# Labels, in the order ``threads show`` lists them.
SECTOR = "ITU_SECTOR"
ADVISORY_GROUP = "ADVISORY_GROUP"
BUREAU = "BUREAU"
STUDY_GROUP = "STUDY_GROUP"
WORKING_PARTY = "WORKING_PARTY"
QUESTION = "QUESTION"
CONFERENCE = "CONFERENCE"
RESOLUTION = "RESOLUTION"
DOCUMENT = "DOCUMENT"
LIAISON = "LIAISON"
LABELS = (
    SECTOR,
    ADVISORY_GROUP,
    BUREAU,
    STUDY_GROUP,
    WORKING_PARTY,
    QUESTION,
    CONFERENCE,
    RESOLUTION,
    DOCUMENT,
    LIAISON,
)

# Keys that are also everyday abbreviations ("BR," closing a mail means "best regards"):
# kept only when another word precedes them on the same line ("the BR", "ITU BR").
MID_LINE_ONLY = frozenset({"BR"})

_SECTORS = ("R", "T", "D")
_ADVISORY = {
    "RAG": "Radiocommunication Advisory Group",
    "TSAG": "Telecommunication Standardization Advisory Group",
    "TDAG": "Telecommunication Development Advisory Group",
}
_BUREAUX = {
    "BR": "Radiocommunication Bureau",
    "TSB": "Telecommunication Standardization Bureau",
    "BDT": "Telecommunication Development Bureau",
}
_CONFERENCES = {
    "PP": "Plenipotentiary Conference",
    "WTSA": "World Telecommunication Standardization Assembly",
    "WTDC": "World Telecommunication Development Conference",
    "WRC": "World Radiocommunication Conference",
    "RA": "Radiocommunication Assembly",
    "WTPF": "World Telecommunication/ICT Policy Forum",
}
# Study groups: ITU-T numbers them 2..21, ITU-R 1..7, ITU-D 1..2.
_STUDY_GROUPS = range(1, 22)
_ITU_R_WORKING_PARTIES = (
    ["1A", "1B", "1C", "3J", "3K", "3L", "3M", "4A", "4B", "4C", "5A", "5B", "5C", "5D", "6A", "6B", "6C", "7A", "7B", "7C", "7D"]
)
_ITU_T_WORKING_PARTIES = range(1, 5)
_QUESTIONS_PER_GROUP = range(1, 31)
_RESOLUTIONS = range(1, 251)
_YEARS = [f"{year:02d}" for year in range(100)]
# Document numbers after "<group>-": TD409, C/12, C-45, C12, LS12, R/3, GEN/7, 409.
_DOCUMENT_NUMBER = r"^(?:TD|C|R|LS|GEN|PLEN|DOC|INF)?[-/]?\d{1,5}[A-Za-z]?$"


def _phrase(
    label: str, text: str, key: str | None = None, *, exact: bool = False
) -> dict[str, Any]:
    pattern: dict[str, Any] = {"label": label, "pattern": text}
    if key is not None:
        pattern["id"] = key
    if exact:
        pattern["exact"] = True
    return pattern


def _tokens(
    label: str, tokens: list[dict[str, Any]], trigger: list[list[str]], window: int,
    until: str = "",
) -> dict[str, Any]:
    pattern = {"label": label, "pattern": tokens, "trigger": trigger, "window": window}
    if until:
        pattern["until"] = until
    return pattern


def _phrase_patterns() -> list[dict[str, Any]]:
    """Fixed strings: matched on lower case, or on exact spelling when ``exact``."""
    return [*_sector_patterns(), *_named_patterns(), *_numbered_patterns(),
            *_resolution_patterns()]


def _sector_patterns() -> list[dict[str, Any]]:
    """"ITU-T", and each study group with its Sector: "ITU-T SG17", "ITU-R Study Group 5"."""
    patterns = []
    for sector in _SECTORS:
        patterns.append(_phrase(SECTOR, f"ITU-{sector}"))
        for number in _STUDY_GROUPS:
            for form in (f"SG{number}", f"SG {number}", f"Study Group {number}"):
                patterns.append(_phrase(STUDY_GROUP, f"ITU-{sector} {form}"))
    return patterns


def _named_patterns() -> list[dict[str, Any]]:
    """Advisory groups, bureaux and conferences, by name and by acronym."""
    patterns = []
    for acronym, name in _ADVISORY.items():
        patterns.append(_phrase(ADVISORY_GROUP, name, acronym))
        patterns.append(_phrase(ADVISORY_GROUP, acronym, exact=True))
    for acronym, name in _BUREAUX.items():
        patterns.append(_phrase(BUREAU, name, acronym))
        patterns.append(_phrase(BUREAU, acronym, exact=True))
        patterns.append(_phrase(BUREAU, f"ITU {acronym}", acronym))
    for acronym, name in _CONFERENCES.items():
        patterns.append(_phrase(CONFERENCE, name, acronym))
        patterns.extend(_phrase(CONFERENCE, f"{acronym}-{year}") for year in _YEARS)
    for acronym in ("WTSA", "WTDC", "WRC", "WTPF"):
        patterns.append(_phrase(CONFERENCE, acronym, exact=True))
    patterns.append(_phrase(CONFERENCE, "WSIS Forum", "WSIS"))
    return patterns


def _numbered_patterns() -> list[dict[str, Any]]:
    """Study groups, Questions and working parties without their Sector: "SG17",
    "Q7/5", "Question 6/2", "WP 5D", "WP3/17"."""
    patterns = []
    for number in _STUDY_GROUPS:
        for form in (f"SG{number}", f"SG {number}", f"Study Group {number}"):
            patterns.append(_phrase(STUDY_GROUP, form))
        for question in _QUESTIONS_PER_GROUP:
            for form in (f"Q{question}/{number}", f"Question {question}/{number}"):
                patterns.append(_phrase(QUESTION, form))
    for party in _ITU_R_WORKING_PARTIES:
        for form in (f"WP{party}", f"WP {party}", f"Working Party {party}"):
            patterns.append(_phrase(WORKING_PARTY, form))
    for number in _STUDY_GROUPS:
        for party_number in _ITU_T_WORKING_PARTIES:
            for form in (f"WP{party_number}/{number}", f"WP {party_number}/{number}"):
                patterns.append(_phrase(WORKING_PARTY, form))
    return patterns


def _resolution_patterns() -> list[dict[str, Any]]:
    """Resolutions by number, and liaison statements."""
    patterns = [
        _phrase(RESOLUTION, form)
        for number in _RESOLUTIONS
        for form in (f"Resolution {number}", f"Res. {number}", f"Res {number}")
    ]
    for form in ("liaison statement", "liaison statements", "LS/o", "LS/i", "LS/r"):
        patterns.append(_phrase(LIAISON, form, "LS"))
    # "LS on ...", "an LS to SG17": LS followed by a preposition is a liaison statement.
    for form in ("LS", "LSs"):
        for preposition in ("on", "to", "from"):
            patterns.append(_phrase(LIAISON, f"{form} {preposition}", "LS", exact=True))
    return patterns


# Word sets of the token patterns: (words, ignore case).
WORD_SETS: dict[str, tuple[frozenset[str], bool]] = {
    "assembly": (frozenset(_CONFERENCES), False),
    "resolution": (frozenset({"resolution", "res"}), True),
    "document_owner": (frozenset([*_ADVISORY, *(f"SG{n}" for n in _STUDY_GROUPS)]), False),
}


def _word_set(name: str) -> dict[str, Any]:
    """A pattern token matching any word of a set."""
    words, ignore_case = WORD_SETS[name]
    if ignore_case:
        return {"LOWER": {"IN": sorted(word.lower() for word in words)}}
    return {"ORTH": {"IN": sorted(words)}}


def _spellings(name: str) -> list[str]:
    """The spellings of a word set a trigger looks for (case variants when ignored)."""
    words, ignore_case = WORD_SETS[name]
    if not ignore_case:
        return sorted(words)
    return sorted({form for word in words for form in (word, word.title(), word.upper())})


def _trigger(*parts: str | list[str]) -> list[list[str]]:
    """Every word sequence a trigger accepts: each part is a word set name (any of its
    spellings) or a list of exact words."""
    choices = [part if isinstance(part, list) else _spellings(part) for part in parts]
    return [list(words) for words in itertools.product(*choices)]


def _token_patterns() -> list[dict[str, Any]]:
    """Token patterns, for what a list of phrases cannot spell out: document numbers and
    resolutions with the assembly before them or the revision after them.

    Each has a ``trigger``: the word sequences it can start with, and a ``window``: how
    many tokens a match can span. The token Matcher runs only on such windows starting
    at a trigger, so a trigger should be rare in ordinary text ("TSAG -", not "TSAG").
    ``until``, when given, is a word no match of the pattern goes past: the window ends
    at its first occurrence (a revision's closing parenthesis, usually 8 tokens from
    the start where the window allows 16; the Matcher's cost grows with its length).
    """
    resolution: list[dict[str, Any]] = [
        _word_set("resolution"), {"ORTH": ".", "OP": "?"}, {"IS_DIGIT": True}
    ]
    revision: list[dict[str, Any]] = [
        {"ORTH": "("},
        {"LOWER": {"IN": ["rev.", "rev"]}},
        {"ORTH": ".", "OP": "?"},
        {"TEXT": {"REGEX": r"^[^\d()]+$"}, "OP": "+"},
        {"TEXT": {"REGEX": r"^\d{4}$"}},
        {"ORTH": ")"},
    ]
    # "Resolution 191 (Rev. Dubai, 2018)", "WTSA Resolution 1", "PP Res. 71 (Rev. ...)".
    # "Resolution 191" alone is a phrase pattern; the token pattern is needed only when
    # a revision follows, so its trigger includes the number and the parenthesis.
    numbers = [str(number) for number in _RESOLUTIONS]
    by_word = _trigger("resolution", numbers, ["("]) + _trigger("resolution", ["."], numbers, ["("])
    by_assembly = _trigger("assembly", "resolution")
    assembly = [_word_set("assembly")]
    # The longest: "WTSA Res. 1 (Rev. Sharm el-Sheikh, 2014)" is 14 tokens.
    window = 16
    # No token of these patterns is ")" but the revision's last: none goes past the first.
    patterns = [
        _tokens(RESOLUTION, [*resolution, *revision], by_word, window, ")"),
        _tokens(RESOLUTION, [*assembly, *resolution], by_assembly, window, ")"),
        _tokens(RESOLUTION, [*assembly, *resolution, *revision], by_assembly, window, ")"),
    ]
    # Documents: "TSAG-TD409", "RAG-C/12", "SG17-C-45", "SG17-LS12", with "-R1" revisions.
    document: list[dict[str, Any]] = [
        _word_set("document_owner"), {"ORTH": "-"}, {"TEXT": {"REGEX": _DOCUMENT_NUMBER}}
    ]
    by_owner = _trigger("document_owner", ["-"])
    patterns.append(_tokens(DOCUMENT, document, by_owner, 5))
    patterns.append(
        _tokens(
            DOCUMENT, [*document, {"ORTH": "-"}, {"TEXT": {"REGEX": r"^R\d{1,2}$"}}], by_owner, 5
        )
    )
    return patterns


def entity_patterns() -> list[dict[str, Any]]:
    """Every EntityRuler pattern (phrase patterns first, then token patterns)."""
    return _phrase_patterns() + _token_patterns()


_CONFERENCE_PREFIX = "|".join(_CONFERENCES)
_RESOLUTION_RE = re.compile(
    rf"^(?:(?P<assembly>{_CONFERENCE_PREFIX})(?:-\d{{2}})?\s+)?res(?:olution)?\.?\s*(?P<n>\d+)",
    re.IGNORECASE,
)
_SECTOR_RE = re.compile(r"^ITU\s*-\s*(?P<s>[RTD])\s*", re.IGNORECASE)
_NUMBERED_RE = re.compile(
    r"^(?:study\s+groups?|working\s+part(?:y|ies)|questions?|sg|wp|q)\s*(?P<n>[\w/]+)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def entity_key(label: str, text: str, pattern_id: str = "") -> str:
    """The normalised key of an entity: what look-ups (``--mentions``) compare.

    Spaces and case are normalised, long names become acronyms, revisions ("-R1") and
    the revising conference of a resolution are dropped.
    """
    if pattern_id:
        return pattern_id
    flat = " ".join(text.split())
    if label == SECTOR:
        return re.sub(r"\s+", "", flat).upper()
    if label in (STUDY_GROUP, WORKING_PARTY, QUESTION):
        return _numbered_key(label, flat)
    if label == RESOLUTION:
        return _resolution_key(flat)
    if label == DOCUMENT:
        key = re.sub(r"\s+", "", flat).upper()
        return re.sub(r"-R\d{1,2}$", "", key)
    if label == CONFERENCE:
        return flat.upper()
    if label == LIAISON:
        return "LS"
    return flat.upper() if len(flat) <= 6 else flat


def _numbered_key(label: str, flat: str) -> str:
    """"ITU-T Study Group 17" -> "ITU-T SG17", "Question 7/5" -> "Q7/5"."""
    sector = ""
    match = _SECTOR_RE.match(flat)
    if match:
        sector = f"ITU-{match.group('s').upper()} "
        flat = flat[match.end():]
    numbered = _NUMBERED_RE.match(flat)
    prefix = {STUDY_GROUP: "SG", WORKING_PARTY: "WP", QUESTION: "Q"}[label]
    if numbered:
        return f"{sector}{prefix}{numbered.group('n').upper()}"
    return f"{sector}{flat.upper()}"


def _resolution_key(flat: str) -> str:
    """"WTSA Res. 1 (Rev. ...)" -> "WTSA Resolution 1"."""
    match = _RESOLUTION_RE.match(flat)
    if match:
        assembly = match.group("assembly")
        head = f"{assembly.upper()} " if assembly else ""
        return f"{head}Resolution {int(match.group('n'))}"
    return flat
