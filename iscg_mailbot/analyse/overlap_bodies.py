"""The ITU bodies two threads name, for the duplication watch
(:mod:`iscg_mailbot.analyse.overlaps`): one body however it is written ("SG17" and
"ITU-T SG17"; "Q7/5" in a thread naming ITU-T SG5), two Sectors' bodies of one number
apart (ITU-T SG2, ITU-D SG2), and whether a thread names the body whose work another
thread's headline is about (it knows of that work and works with it).

    >>> shared_entities([("STUDY_GROUP", "SG17")], [("STUDY_GROUP", "ITU-T SG17")])
    ('ITU-T SG17',)
    >>> names_body_of("WP 6B draft new Report on captions", [("WORKING_PARTY", "WP6B")],
    ...               [("WORKING_PARTY", "ITU-R WP6B")])
    'ITU-R WP6B'

Pure: entity keys (label, key) in, names out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache

from iscg_mailbot.analyse.overlap_headlines import WORK_WORDS, bodies_named, headline_words

Entities = Iterable[tuple[str, str]]

# Entities specific enough to show two threads are on the same work. Sector, Bureau and
# advisory-group names, conferences and the word "LS" are named everywhere.
SPECIFIC_LABELS = frozenset({"QUESTION", "STUDY_GROUP", "WORKING_PARTY", "DOCUMENT",
                             "RESOLUTION"})

_SECTOR_PREFIX = re.compile(r"^(ITU-[RTD])\s+")
_QUESTION = re.compile(r"^Q\d{1,2}/(\d{1,2})$")
_GROUP = re.compile(r"^SG(\d{1,2})$")
# The study groups of each Sector (as in overlap_headlines): a bare "SG17" or "Q10/17"
# belongs to the only Sector with a study group of that number; the lettered working
# parties ("WP5D") are ITU-R's.
_GROUPS_OF = {"ITU-R": {1, 3, 4, 5, 6, 7}, "ITU-D": {1, 2},
              "ITU-T": {2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20, 21}}


def _body_sector(name: str, named: Collection[str]) -> str | None:
    """The Sector of a body written without one ("SG17", "Q7/5", "WP5D"): the Sector of
    the same body (or, for a Question, of its study group) the thread names with its
    Sector, else the only Sector with such a body; None when that leaves none or two."""
    if name.startswith("WP"):
        return "ITU-R"
    match = _QUESTION.match(name) or _GROUP.match(name)
    if match is None:
        return None
    group = f"SG{int(match.group(1))}"
    owners = {sector for sector, body in (n.split(" ", 1) for n in named)
              if body in (name, group)}
    if not owners:
        owners = {s for s, groups in _GROUPS_OF.items() if int(match.group(1)) in groups}
    return owners.pop() if len(owners) == 1 else None


def specific_entities(entities: Entities) -> dict[tuple[str, str | None], str]:
    """The specific entities a thread names, each keyed by (name, Sector or None): "SG17"
    and "ITU-T SG17" are one group, "Q7/5" is ITU-T's in a thread that names ITU-T SG5,
    and ITU-T SG2 is not ITU-D SG2. The value is how the entity is shown."""
    keys = [key.upper() for label, key in entities if label in SPECIFIC_LABELS]
    named = {key for key in keys if _SECTOR_PREFIX.match(key)}
    found: dict[tuple[str, str | None], str] = {}
    for key in keys:
        prefix = _SECTOR_PREFIX.match(key)
        name = key[prefix.end():] if prefix else key
        sector = prefix.group(1) if prefix else _body_sector(name, named)
        found[(name, sector)] = f"{sector} {name}" if sector else name
    return found


def shared_entities(a: Entities, b: Entities) -> tuple[str, ...]:
    """The specific entities both threads name: the same name of the same Sector, or of
    a Sector one of them leaves open ("SG5" beside "ITU-T SG5"), shown as the more
    precise of the two."""
    first, second = specific_entities(a), specific_entities(b)
    shared = set()
    for (name, sector), shown in first.items():
        for (other_name, other_sector), other_shown in second.items():
            if name == other_name and (sector == other_sector
                                       or None in (sector, other_sector)):
                shared.add(shown if sector else other_shown)
    return tuple(sorted(shared))


_BODY_LABELS = frozenset({"STUDY_GROUP", "WORKING_PARTY", "QUESTION"})


def names_body_of(subject: str, entities: Entities, other: Entities,
                  sector: str | None = None, other_sector: str | None = None) -> str | None:
    """The body whose work a thread's headline ``subject`` is about ("WP 6B preliminary
    draft new Report ...", its ``entities`` saying whose) when another thread names it
    anywhere (``other``: its entities) ("we will reference the ITU-R WP 6B Report
    and keep the two aligned", "we will ask SG17 to look at the chapter"): ``b`` knows of
    that work and works with it. One Sector's body is not another's (ITU-T SG2, ITU-D
    SG2); a body written without its Sector is the one :func:`specific_entities` reads,
    and when two Sectors have such a body, the one of the Sector leading the thread
    (``sector``, ``other_sector`` for the other thread): a TSAG member's "SG2 draft
    Supplement" is ITU-T SG2's, so a thread naming ITU-D SG2 does not work with it.

    >>> names_body_of("SG2 draft Supplement on SIM boxes", [("STUDY_GROUP", "SG2")],
    ...               [("STUDY_GROUP", "ITU-D SG2")], sector="ITU-T") is None
    True
    >>> names_body_of("SG2 draft Supplement on SIM boxes", [("STUDY_GROUP", "SG2")],
    ...               [("STUDY_GROUP", "ITU-D SG2")])
    'SG2'
    """
    if not bodies_named(subject):
        return None
    others = _bodies_of(tuple(other))
    others = tuple((body, other_sector if named is None and _has_body(other_sector, body)
                    else named) for body, named in others)
    for (name, body_sector), shown in _heading_bodies(subject, tuple(entities)):
        if body_sector is None and _has_body(sector, name):
            body_sector, shown = sector, f"{sector} {name}"
        if any(name == body and (body_sector == named or None in (body_sector, named))
               for body, named in others):
            return shown
    return None


def _has_body(sector: str | None, name: str) -> bool:
    """Whether ``sector`` has a study group of the number ``name`` ("SG2", "Q4/2")
    names."""
    match = _QUESTION.match(name) or _GROUP.match(name)
    return (match is not None and sector in _GROUPS_OF
            and int(match.group(1)) in _GROUPS_OF[sector])


# A thread's bodies are asked of every pair it is in: read once per thread.
@lru_cache(maxsize=16384)
def _heading_bodies(subject: str, entities: tuple[tuple[str, str], ...]
                    ) -> tuple[tuple[tuple[str, str | None], str], ...]:
    """The bodies the thread names that its headline is about, in the order shown."""
    heading = bodies_named(subject)
    own = {key: shown for key, shown in specific_entities(
        (label, key) for label, key in entities if label in _BODY_LABELS).items()
        if key[0] in heading}
    return tuple(sorted(own.items(), key=lambda item: item[1]))


@lru_cache(maxsize=16384)
def _bodies_of(entities: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str | None], ...]:
    """The bodies a thread names anywhere, as (name, Sector or None)."""
    return tuple(specific_entities((label, key) for label, key in entities
                                   if label in _BODY_LABELS))


# A Sector as a text names it before a deliverable ("the BDT guidelines", "the ITU-D
# toolkit", "TSB's survey"): the Sector, its Bureau or its advisory group.
_SECTOR_WORK = re.compile(
    r"\b(?P<sector>ITU-[RTD]|BR|RAG|TSB|TSAG|BDT|TDAG|General Secretariat)(?:['’]s)?"
    r"\s+(?P<work>[A-Za-z]+)\b(?:\s+(?P<next>[A-Za-z]+))?")
_SECTOR_OF = {"BR": "ITU-R", "RAG": "ITU-R", "TSB": "ITU-T", "TSAG": "ITU-T",
              "BDT": "ITU-D", "TDAG": "ITU-D", "General Secretariat": "GS"}
# Work words that name a deliverable, not the Sector's work at large ("ITU-D work",
# "ITU-T draft", "ITU-D Question") nor its bodies ("ITU-D Study Group 1").
_DELIVERABLES = frozenset(WORK_WORDS - {"work", "draft", "drafts", "question", "questions",
                                        "plan", "monitor", "terms"})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# A thread's text is read for every pair it is in: once per text.
@lru_cache(maxsize=4096)
def _deliverables_named(text: str) -> frozenset[tuple[str, str]]:
    """The (Sector, deliverable word) a text names ("the BDT guidelines": ITU-D,
    guideline)."""
    found = set()
    for match in _SECTOR_WORK.finditer(text):
        work, following = match.group("work").lower(), (match.group("next") or "").lower()
        if work in _DELIVERABLES and not (work in ("study", "studies")
                                          and following in ("group", "groups")):
            sector = match.group("sector")
            found.add((_SECTOR_OF.get(sector, sector), _singular(work)))
    return frozenset(found)


def names_work_of(text: str, other_subject: str, other_sector: str | None) -> str | None:
    """The deliverable of another thread a text names by its Sector ("the BDT guidelines
    on remote consultations" beside BDT's "Guidelines - doctor-at-a-distance services";
    "input to the ITU-D toolkit" beside ITU-D's "Toolkit idea: ..."): the text knows of
    that work and works with it, as when it names its body (:func:`names_body_of`).
    None when it names none of the words of work of the other's headline.

        >>> names_work_of("We will draw on the BDT guidelines.", "Guidelines on e-health",
        ...               "ITU-D")
        'ITU-D guideline'
        >>> names_work_of("ITU-D Study Group 1 met.", "Study on fees", "ITU-D") is None
        True
    """
    if other_sector is None:
        return None
    wanted = {_singular(w) for w in headline_words(other_subject) if w in _DELIVERABLES}
    for sector, work in sorted(_deliverables_named(text)):
        if sector == other_sector and work in wanted:
            return f"{sector} {work}"
    return None


__all__ = ["SPECIFIC_LABELS", "names_body_of", "names_work_of", "shared_entities",
           "specific_entities"]
