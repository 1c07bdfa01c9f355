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

Why most patterns are enumerated rather than regular expressions: a spaCy Matcher
evaluates a REGEX or IN predicate in Python on every token when it sits on a pattern's
first token, which would cost more than the whole rest of the tagger. Enumerated
forms ("SG1" ... "SG21", "Q1/17" ...) go to the PhraseMatcher, which is a hash
look-up; token patterns start with an exact ORTH or LOWER value and use a REGEX only
further in, where it runs on the few tokens that got that far.
"""

from __future__ import annotations

import re
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
    "1A 1B 1C 3J 3K 3L 3M 4A 4B 4C 5A 5B 5C 5D 6A 6B 6C 7A 7B 7C 7D".split()
)
_ITU_T_WORKING_PARTIES = range(1, 5)
_QUESTIONS_PER_GROUP = range(1, 31)
_RESOLUTIONS = range(1, 251)
_YEARS = [f"{year:02d}" for year in range(100)]
# Document numbers after "<group>-": TD409, C/12, C-45, C12, LS12, R/3, GEN/7, 409.
_DOCUMENT_NUMBER = r"^(?:TD|C|R|LS|GEN|PLEN|DOC|INF)?[-/]?\d{1,5}[A-Za-z]?$"


def _sector_prefix() -> list[dict[str, Any]]:
    return [{"ORTH": "ITU"}, {"ORTH": "-"}, {"ORTH": {"IN": list(_SECTORS)}}]


def _phrase(label: str, text: str, key: str | None = None) -> dict[str, Any]:
    pattern: dict[str, Any] = {"label": label, "pattern": text}
    if key is not None:
        pattern["id"] = key
    return pattern


def _tokens(label: str, tokens: list[dict[str, Any]]) -> dict[str, Any]:
    return {"label": label, "pattern": tokens}


def _phrase_patterns() -> list[dict[str, Any]]:
    """Fixed strings, matched on lower case by the EntityRuler's PhraseMatcher."""
    patterns = []
    for acronym, name in _ADVISORY.items():
        patterns.append(_phrase(ADVISORY_GROUP, name, acronym))
    for acronym, name in _BUREAUX.items():
        patterns.append(_phrase(BUREAU, name, acronym))
        patterns.append(_phrase(BUREAU, f"ITU {acronym}", acronym))
    for acronym, name in _CONFERENCES.items():
        patterns.append(_phrase(CONFERENCE, name, acronym))
        for year in _YEARS:
            patterns.append(_phrase(CONFERENCE, f"{acronym}-{year}"))
    patterns.append(_phrase(CONFERENCE, "WSIS Forum", "WSIS"))
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
    for number in _RESOLUTIONS:
        for form in (f"Resolution {number}", f"Res. {number}", f"Res {number}"):
            patterns.append(_phrase(RESOLUTION, form))
    for form in ("liaison statement", "liaison statements", "LS/o", "LS/i", "LS/r"):
        patterns.append(_phrase(LIAISON, form, "LS"))
    return patterns


def _token_patterns() -> list[dict[str, Any]]:
    """Token patterns: acronyms with their exact case, and open-ended numbers."""
    sector = _sector_prefix()
    patterns = [_tokens(SECTOR, sector)]
    for acronym in _ADVISORY:
        patterns.append(_tokens(ADVISORY_GROUP, [{"ORTH": acronym}]))
    for acronym in _BUREAUX:
        patterns.append(_tokens(BUREAU, [{"ORTH": acronym}]))
    for acronym in ("WTSA", "WTDC", "WRC", "WTPF"):
        patterns.append(_tokens(CONFERENCE, [{"ORTH": acronym}]))
    # "ITU-T SG17", "ITU-D SG 1", "ITU-T Study Group 17" as one entity.
    group_number = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
    patterns.append(_tokens(STUDY_GROUP, [*sector, {"TEXT": {"REGEX": r"^SG\d{1,2}$"}}]))
    patterns.append(_tokens(STUDY_GROUP, [*sector, {"ORTH": "SG"}, group_number]))
    patterns.append(
        _tokens(STUDY_GROUP, [*sector, {"LOWER": "study"}, {"LOWER": "group"}, group_number])
    )
    # "Resolution 191 (Rev. Dubai, 2018)", "WTSA Resolution 1", "PP-18 Resolution 71".
    revision = [
        {"ORTH": "("},
        {"LOWER": {"IN": ["rev.", "rev"]}},
        {"ORTH": ".", "OP": "?"},
        {"TEXT": {"REGEX": r"^[^\d()]+$"}, "OP": "+"},
        {"TEXT": {"REGEX": r"^\d{4}$"}},
        {"ORTH": ")"},
    ]
    number = {"IS_DIGIT": True}
    for head in ("resolution", "res"):
        words = [{"LOWER": head}, {"ORTH": ".", "OP": "?"}, number]
        patterns.append(_tokens(RESOLUTION, [*words, *revision]))
        for assembly in _CONFERENCES:
            patterns.append(_tokens(RESOLUTION, [{"ORTH": assembly}, *words]))
            patterns.append(_tokens(RESOLUTION, [{"ORTH": assembly}, *words, *revision]))
    # Documents: "TSAG-TD409", "RAG-C/12", "SG17-C-45", "SG17-LS12", with "-R1" revisions.
    document_number = {"TEXT": {"REGEX": _DOCUMENT_NUMBER}}
    revision_suffix = [{"ORTH": "-"}, {"TEXT": {"REGEX": r"^R\d{1,2}$"}}]
    owners = [*_ADVISORY, *(f"SG{n}" for n in _STUDY_GROUPS)]
    for owner in owners:
        base = [{"ORTH": owner}, {"ORTH": "-"}, document_number]
        patterns.append(_tokens(DOCUMENT, base))
        patterns.append(_tokens(DOCUMENT, [*base, *revision_suffix]))
    # "LS on ...", "an LS to SG17": LS followed by a preposition is a liaison statement.
    patterns.append(
        _tokens(LIAISON, [{"ORTH": {"IN": ["LS", "LSs"]}}, {"LOWER": {"IN": ["on", "to", "from"]}}])
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
    r"^(?:study\s+group|working\s+party|question|sg|wp|q)\s*(?P<n>[\w/]+)$", re.IGNORECASE
)


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
    if label == RESOLUTION:
        match = _RESOLUTION_RE.match(flat)
        if match:
            assembly = match.group("assembly")
            head = f"{assembly.upper()} " if assembly else ""
            return f"{head}Resolution {int(match.group('n'))}"
        return flat
    if label == DOCUMENT:
        key = re.sub(r"\s+", "", flat).upper()
        return re.sub(r"-R\d{1,2}$", "", key)
    if label == CONFERENCE:
        return flat.upper()
    if label == LIAISON:
        return "LS"
    return flat.upper() if len(flat) <= 6 else flat
