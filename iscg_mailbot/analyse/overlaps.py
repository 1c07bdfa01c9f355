"""The duplication watch: two Sectors (or the General Secretariat) working on the same
subject in separate threads.

A pair of threads is flagged when

* different Sectors lead them (:func:`iscg_mailbot.analyse.sectors.leading_sector`; a
  thread no Sector leads is never flagged),
* they were active within ``window_days`` of each other,
* neither headline is about an event, and the two do not already work together: neither
  names a document the other names (a TD or LS passed on), neither headline names the
  other headline's body or titled work, and neither headline names the other thread's
  Sector or one of its study groups (a liaison, an invitation or data addressed to it)
  (:mod:`iscg_mailbot.analyse.overlap_headlines`),
* and they share a subject topic (not the process topics ``governance`` and ``events``)
  and close wording (:class:`iscg_mailbot.analyse.overlap_text.TextSimilarity`: TF-IDF
  of lemmas and ITU-domain concepts, text and headline, at least ``min_similarity``); or
  a subject concept (:data:`iscg_mailbot.analyse.overlap_concepts.SUBJECT_CONCEPTS`),
  closer wording (``concept_similarity``) and wording beyond the concept
  (``beyond_concept``); or their wording alone is very close (``strong_similarity``, of
  text and headline; or ``text_similarity``, of the whole texts alone); or each is among
  the other's nearest in meaning (``meaning_neighbours``:
  :mod:`iscg_mailbot.analyse.overlap_meaning`, the same subject in other words) with
  some wording in common (``meaning_text``).

:func:`why_not` says which of these conditions keeps a pair out.

The ITU entities both name (Questions, study groups, resolutions) are reported as
evidence, one body however it is written ("SG17" and "ITU-T SG17"; "Q7/5" in a thread
naming ITU-T SG5) and two Sectors' bodies of one number apart (ITU-T SG2, ITU-D SG2); on the labelled pairs of the sample they did not tell overlaps apart on their
own (SG17 or Resolution 191 are named in many unrelated threads), so they do not decide.
Each :class:`OverlapFlag` names the two threads, their Sectors and the shared evidence.
Pure: thread records in, flags out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from iscg_mailbot.analyse.overlap_headlines import (
    bodies_named,
    is_event,
    names_the_other,
    names_work,
    sectors_named,
)
from iscg_mailbot.analyse.overlap_meaning import MeaningNeighbours
from iscg_mailbot.analyse.overlap_text import ReadTerms, TextSimilarity
from iscg_mailbot.analyse.sectors import SECTORS

# Entities specific enough to show two threads are on the same work. Sector, Bureau and
# advisory-group names, conferences and the word "LS" are named everywhere.
SPECIFIC_LABELS = frozenset({"QUESTION", "STUDY_GROUP", "WORKING_PARTY", "DOCUMENT",
                             "RESOLUTION"})

@dataclass(frozen=True)
class ThreadView:
    """What the watch reads of a thread."""

    id: int
    subject: str
    text: str
    sector: str | None
    topics: tuple[str, ...]
    entities: tuple[tuple[str, str], ...]   # (label, key)
    first: datetime | None
    last: datetime | None
    # The thread's meaning vector (overlap_meaning); empty when not computed.
    meaning: tuple[float, ...] = ()


# Topics about the group's own process: sharing them says nothing about the work.
PROCESS_TOPICS = frozenset({"governance", "events"})


@dataclass(frozen=True)
class OverlapRules:
    """The watch's settings (the defaults were set on the dev parts of the labelled pairs
    of the sample, of ``eval/overlaps`` and of ``eval/overlaps2``)."""

    window_days: int = 90
    min_similarity: float = 0.12
    # A shared subject concept is one phrase where a topic is the tagger's judgement on
    # many: it needs closer wording.
    concept_similarity: float = 0.15
    # ... and wording in common beyond that concept: one subject named alike is not yet
    # one piece of work (a register of cable faults, satellite capacity after a cut).
    beyond_concept: float = 0.03
    strong_similarity: float = 0.40
    # Close wording across the whole text (the cosine of the texts, not the mean with
    # the headlines) is enough alone: two Sectors describing one deliverable in their
    # own words share few headline words and no topic the tagger knows ("ID wallets in
    # smartphones" beside "the national eID on citizens' phones"). Chosen on the dev
    # pairs with the subject concepts off (leave-one-cluster-out: 0.14-0.16). It needs
    # a headline term and ``text_terms`` terms in common (:func:`_close_texts`).
    text_similarity: float = 0.15
    text_terms: int = 3
    # ... or, for headlines that name one deliverable in other words ("remote
    # participation platforms" and "hybrid meetings"; "KPIs for water distribution" and
    # "maturity assessment for water utilities"), ``wide_terms`` terms in common across
    # the texts: the particulars of one piece of work, not a subject word or two (two
    # short notes on accessibility shared 5 on the sample). The liaison form's words are
    # not terms (overlap_text.PROCEDURE_WORDS). Dev pairs of eval/overlaps3: the four
    # overlaps so found share 10-12 terms; no dev pair of another kind shares 6 or more
    # at this cosine.
    wide_terms: int = 8
    # The subject concepts of overlap_concepts (a table written with the dev threads in
    # view). False only to measure the watch without them (``overlaps evaluate
    # --without-concepts``): how it fares on subjects the table does not know.
    subject_concepts: bool = True
    # Paraphrase evidence (overlap_meaning, needs the threads' meaning vectors): each
    # thread among the other's ``meaning_neighbours`` nearest in meaning of the threads
    # it could be paired with, and a whole-text cosine of ``meaning_text``. None: off.
    # Chosen leaving one set out over the dev pairs of the three eval/overlaps sets and
    # of the sample (bench/overlap_meaning_loso.py): 2 and 0.11 in three folds of four,
    # no false pair added in any; a raw cosine of the vectors let 7 false pairs into
    # the sample's dev pairs (docs/duties.md).
    meaning_neighbours: int | None = 2
    meaning_text: float = 0.11
    # ... or each the other's ``meaning_alone`` nearest (1: each is the other's nearest)
    # with no wording in common asked, when both headlines name a piece of work
    # (overlap_headlines.names_work; not a newsletter): two Sectors who describe one
    # deliverable in their own words may share no word of it ("network digital twin"
    # and "virtual replicas of national networks kept in sync with live data"). None:
    # never alone.
    # Chosen leaving one set out over the dev pairs of the four eval/overlaps sets and
    # the sample (bench/overlap_meaning_loso.py); it holds because a thread naming the
    # body of the other's work is coordination (:func:`_names_body_of`).
    meaning_alone: int | None = 1


@dataclass(frozen=True)
class OverlapFlag:
    """A possible duplication: two threads, their Sectors, and why."""

    thread_a: int
    thread_b: int
    sector_a: str
    sector_b: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    similarity: float
    terms: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    meaning: float | None = None

    @property
    def pair_key(self) -> str:
        """"12-40": the pair, smaller thread id first (how dismissals are stored)."""
        return f"{min(self.thread_a, self.thread_b)}-{max(self.thread_a, self.thread_b)}"

    @property
    def evidence(self) -> str:
        """The shared evidence in words."""
        parts = []
        if self.topics:
            parts.append("topics " + ", ".join(self.topics))
        if self.entities:
            parts.append("both name " + ", ".join(self.entities))
        if self.concepts:
            parts.append("subjects " + ", ".join(self.concepts))
        similarity = f"text similarity {self.similarity:.2f}"
        if self.terms:
            similarity += " (" + ", ".join(self.terms) + ")"
        parts.append(similarity)
        if self.meaning is not None:
            parts.append(f"texts close in meaning: {self.meaning:.2f}")
        return "; ".join(parts)


def _close_in_time(a: ThreadView, b: ThreadView, window: timedelta) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return a.first - window <= b.last and b.first - window <= a.last


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


def _specific(entities: Iterable[tuple[str, str]]) -> dict[tuple[str, str | None], str]:
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


def _shared_entities(a: ThreadView, b: ThreadView) -> tuple[str, ...]:
    """The specific entities both threads name: the same name of the same Sector, or of
    a Sector one of them leaves open ("SG5" beside "ITU-T SG5"), shown as the more
    precise of the two."""
    first, second = _specific(a.entities), _specific(b.entities)
    shared = set()
    for (name, sector), shown in first.items():
        for (other_name, other_sector), other_shown in second.items():
            if name == other_name and (sector == other_sector
                                       or None in (sector, other_sector)):
                shared.add(shown if sector else other_shown)
    return tuple(sorted(shared))


def _documents(thread: ThreadView) -> set[str]:
    return {key.upper() for label, key in thread.entities if label == "DOCUMENT"}


def _addresses(a: ThreadView, b: ThreadView) -> bool:
    """Whether ``a``'s headline names ``b``'s Sector, not its own: a liaison, an
    invitation or data addressed to that Sector's work."""
    return b.sector != a.sector and b.sector in sectors_named(a.subject)


_BODY_LABELS = frozenset({"STUDY_GROUP", "WORKING_PARTY", "QUESTION"})


def _names_body_of(a: ThreadView, b: ThreadView) -> str | None:
    """The body whose work ``a``'s headline is about ("WP 6B preliminary draft new
    Report ...") when ``b`` names it anywhere ("we will reference the ITU-R WP 6B Report
    and keep the two aligned", "we will ask SG17 to look at the chapter"): ``b`` knows of
    that work and works with it. One Sector's body is not another's (ITU-T SG2, ITU-D
    SG2); a body written without its Sector is the one :func:`_specific` reads."""
    heading = bodies_named(a.subject)
    if not heading:
        return None
    own = {key: shown for key, shown in _specific(
        (label, key) for label, key in a.entities if label in _BODY_LABELS).items()
        if key[0] in heading}
    others = _specific((label, key) for label, key in b.entities if label in _BODY_LABELS)
    for (name, sector), shown in sorted(own.items(), key=lambda item: item[1]):
        if any(name == other and (sector == other_sector or None in (sector, other_sector))
               for other, other_sector in others):
            return shown
    return None


def _together(a: ThreadView, b: ThreadView) -> str | None:
    """Why the two threads are not separate work on one subject (one is an event, or
    one works with the other: passes its document on, names its Sector, its body or its
    titled work in the headline, or names the body the other's headline is about
    anywhere in its text), or None."""
    for thread in (a, b):
        if is_event(thread.subject):
            return f"an event: {thread.subject!r}"
    if _documents(a) & _documents(b):
        return "both name " + ", ".join(sorted(_documents(a) & _documents(b)))
    for first, second in ((a, b), (b, a)):
        if _addresses(first, second):
            return f"{first.subject!r} names {second.sector}"
    if names_the_other(a.subject, b.subject):
        return "a headline names the other's body or titled work"
    for first, second in ((a, b), (b, a)):
        body = _names_body_of(first, second)
        if body is not None:
            return f"{second.subject!r} names {body}, whose work {first.subject!r} is"
    return None


def _rejection(a: ThreadView, b: ThreadView, window: timedelta) -> str | None:
    """Why the pair cannot be duplicated work whatever its wording, or None."""
    for thread in (a, b):
        if thread.sector not in SECTORS:
            return f"no Sector leads {thread.subject!r}"
    if a.sector == b.sector:
        return f"both led by {a.sector}"
    if not _close_in_time(a, b, window):
        return "not active within the window"
    return _together(a, b)


def _close_texts(a: ThreadView, b: ThreadView, text: TextSimilarity,
                 rules: OverlapRules) -> bool:
    """Whether the whole texts are close enough alone: a cosine of ``text_similarity``,
    ``text_terms`` terms in common (not two short notes sharing a word or two) and a
    term in common in the headlines (not two long threads alike in their courtesies) or
    else ``wide_terms`` terms in common (one deliverable named in other words)."""
    shared, headlines = text.common(a.id, b.id)
    return (shared >= (rules.text_terms if headlines else rules.wide_terms)
            and text.text_cosine(a.id, b.id) >= rules.text_similarity)


def close_in_meaning(a: ThreadView, b: ThreadView, text_cosine: float, rules: OverlapRules,
                     neighbours: MeaningNeighbours | None) -> float | None:
    """The cosine of the two threads' meaning vectors when each is among the other's
    ``meaning_neighbours`` nearest candidates and the texts' cosine is ``meaning_text``,
    or each among the other's ``meaning_alone`` nearest whatever their wording, else
    None (also when a vector is missing or the evidence is off)."""
    if rules.meaning_neighbours is None or neighbours is None:
        return None
    most: int | None = rules.meaning_neighbours
    if text_cosine < rules.meaning_text:
        # Meaning alone: only for two headlines that each name a piece of work.
        alone = names_work(a.subject) and names_work(b.subject)
        most = rules.meaning_alone if alone else None
    if most is None or not neighbours.within(a.id, b.id, most):
        return None
    return neighbours.cosine(a.id, b.id)


def meaning_neighbours(threads: Sequence[ThreadView],
                       rules: OverlapRules) -> MeaningNeighbours | None:
    """The threads' neighbours in meaning among the pairs the watch may flag (led by two
    Sectors, active within the window), or None when the evidence is off."""
    if rules.meaning_neighbours is None:
        return None
    by_id = {t.id: t for t in threads if t.sector in SECTORS and t.meaning}
    window = timedelta(days=rules.window_days)

    def candidates(a: int, b: int) -> bool:
        first, second = by_id[a], by_id[b]
        return first.sector != second.sector and _close_in_time(first, second, window)

    return MeaningNeighbours({tid: t.meaning for tid, t in by_id.items()}, candidates)


def _subject_shared(a: ThreadView, b: ThreadView, text: TextSimilarity, rules: OverlapRules
                    ) -> tuple[tuple[str, ...], tuple[str, ...], float, bool]:
    """The subject topics and concepts both threads have, their similarity, and whether
    their wording is enough: a shared topic and ``min_similarity``; a shared concept,
    ``concept_similarity`` and ``beyond_concept`` without the concept;
    ``strong_similarity`` alone; or a whole-text cosine of ``text_similarity``."""
    similarity = text(a.id, b.id)
    topics = tuple(sorted(set(a.topics) & set(b.topics) - PROCESS_TOPICS))
    concepts = text.shared_subjects(a.id, b.id)
    close = ((bool(topics) and similarity >= rules.min_similarity)
             or (bool(concepts) and similarity >= rules.concept_similarity
                 and text(a.id, b.id, without=concepts) >= rules.beyond_concept)
             or similarity >= rules.strong_similarity
             or _close_texts(a, b, text, rules))
    return topics, concepts, similarity, close


def why_not(a: ThreadView, b: ThreadView, text: TextSimilarity,
            rules: OverlapRules | None = None,
            neighbours: MeaningNeighbours | None = None) -> str | None:
    """Which condition keeps the pair from being flagged, in words, or None when it is
    flagged: for ``overlaps evaluate --misses`` (``neighbours``: of the window's
    threads, :func:`meaning_neighbours`)."""
    rules = rules or OverlapRules()
    reason = _rejection(a, b, timedelta(days=rules.window_days))
    if reason is not None:
        return reason
    topics, concepts, similarity, close = _subject_shared(a, b, text, rules)
    if close or close_in_meaning(a, b, text.text_cosine(a.id, b.id), rules,
                                 neighbours) is not None:
        return None
    beyond = f", {text(a.id, b.id, without=concepts):.2f} beyond them" if concepts else ""
    rank = neighbours.mutual_rank(a.id, b.id) if neighbours is not None else None
    meaning = f"; each among the other's {rank} nearest in meaning" if rank else ""
    return (f"similarity {similarity:.2f} too low (subject topics: {', '.join(topics) or 'none'}"
            f"; subject concepts: {', '.join(concepts) or 'none'}{beyond}"
            f"; text alone {text.text_cosine(a.id, b.id):.2f}{meaning})")


def _flag(a: ThreadView, b: ThreadView, text: TextSimilarity, rules: OverlapRules,
          neighbours: MeaningNeighbours | None) -> OverlapFlag | None:
    """The flag for a pair of threads led by two Sectors and active together, or None.
    Its ``meaning`` is set when the meaning evidence alone flags it (the wording said
    enough otherwise: the evidence shown is the one that counted)."""
    if _together(a, b) is not None:
        return None
    _topics, concepts, similarity, close = _subject_shared(a, b, text, rules)
    meaning = None
    if not close:
        meaning = close_in_meaning(a, b, text.text_cosine(a.id, b.id), rules, neighbours)
        if meaning is None:
            return None
    entities = _shared_entities(a, b)
    first, second = (a, b) if a.id < b.id else (b, a)
    shown = tuple(sorted(set(a.topics) & set(b.topics)))
    return OverlapFlag(first.id, second.id, first.sector or "", second.sector or "", shown,
                       entities, round(similarity, 3), tuple(text.shared(a.id, b.id)),
                       concepts, None if meaning is None else round(meaning, 3))


def find_overlaps(threads: Sequence[ThreadView], rules: OverlapRules | None = None,
                  dismissed: Iterable[str] = (),
                  involving: Collection[int] | None = None, *,
                  terms: Mapping[int, ReadTerms] | None = None) -> list[OverlapFlag]:
    """Flags for every pair of threads that looks like duplicated work, strongest first.

    ``dismissed`` holds pair keys ("12-40") the chair dismissed: never flagged again.
    ``involving`` (the digest's threads of the week) keeps only the pairs with one of
    these threads, and compares no other pair: the same flags as filtering afterwards.
    ``terms``: each thread's terms already read (with the subject concepts), its
    ``text`` then unused.
    """
    rules = rules or OverlapRules()
    led = [t for t in threads if t.sector in SECTORS]
    wanted = None if involving is None else set(involving)
    if terms is not None:
        text = TextSimilarity.of_terms({t.id: terms[t.id] for t in threads})
    else:
        text = TextSimilarity({t.id: (t.subject, t.text) for t in threads},
                              subjects=rules.subject_concepts)
    window = timedelta(days=rules.window_days)
    neighbours = meaning_neighbours(threads, rules)
    skip = set(dismissed)
    flags = []
    for index, a in enumerate(led):
        for b in led[index + 1:]:
            if wanted is not None and a.id not in wanted and b.id not in wanted:
                continue
            if (a.sector == b.sector or not _close_in_time(a, b, window)
                    or f"{min(a.id, b.id)}-{max(a.id, b.id)}" in skip):
                continue
            flag = _flag(a, b, text, rules, neighbours)
            if flag is not None:
                flags.append(flag)
    return sorted(flags, key=lambda f: (-len(f.entities), -f.similarity, f.pair_key))


__all__ = ["OverlapFlag", "OverlapRules", "ThreadView", "find_overlaps", "meaning_neighbours",
           "why_not"]
