"""The duplication watch: two Sectors (or the General Secretariat) working on the same
subject in separate threads.

A pair of threads is flagged when

* different Sectors lead them (:func:`iscg_mailbot.analyse.sectors.leading_sector`; a
  thread no Sector leads is never flagged),
* they were active within ``window_days`` of each other,
* neither headline is about an event or ITU's own house (its premises, budget, library,
  staff), and the two do not already work together: neither
  names a document the other names (a TD or LS passed on), neither headline names the
  other headline's body or titled work, and neither headline names the other thread's
  Sector or one of its study groups (a liaison, an invitation or data addressed to it),
  and neither text names the other's deliverable with the other's Sector ("input to the
  ITU-D toolkit") (:mod:`iscg_mailbot.analyse.overlap_headlines`,
  :mod:`iscg_mailbot.analyse.overlap_bodies`),
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

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from iscg_mailbot.analyse.overlap_bodies import names_body_of, names_work_of, shared_entities
from iscg_mailbot.analyse.overlap_filter import pair_filter
from iscg_mailbot.analyse.overlap_flag import OverlapFlag
from iscg_mailbot.analyse.overlap_headlines import (
    is_event,
    is_house,
    is_news,
    names_the_other,
    names_work,
    sectors_named,
)
from iscg_mailbot.analyse.overlap_meaning import Candidates, MeaningNeighbours
from iscg_mailbot.analyse.overlap_neighbourhood import CANDIDATES, shared_neighbours
from iscg_mailbot.analyse.overlap_rules import PROCESS_TOPICS, OverlapRules, ThreadView
from iscg_mailbot.analyse.overlap_text import ReadTerms, TextSimilarity
from iscg_mailbot.analyse.overlap_wording import WordingRanks
from iscg_mailbot.analyse.sectors import SECTORS


def _close_in_time(a: ThreadView, b: ThreadView, window: timedelta) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return a.first - window <= b.last and b.first - window <= a.last


def _documents(thread: ThreadView) -> set[str]:
    return {key.upper() for label, key in thread.entities if label == "DOCUMENT"}


def _addresses(a: ThreadView, b: ThreadView) -> bool:
    """Whether ``a``'s headline names ``b``'s Sector, not its own: a liaison, an
    invitation or data addressed to that Sector's work."""
    return b.sector != a.sector and b.sector in sectors_named(a.subject)


def _aside(subject: str) -> str | None:
    """Why a headline is about no work on a subject (an event; ITU's own house), or None."""
    if is_event(subject):
        return f"an event: {subject!r}"
    if is_house(subject):
        return f"about ITU's own house: {subject!r}"
    return None


def _together(a: ThreadView, b: ThreadView) -> str | None:
    """Why the two threads are not separate work on one subject (one is an event or
    about ITU's own house, or one works with the other: passes its document on, names
    its Sector, its body or its titled work in the headline, names the body the other's
    headline is about anywhere in its text, or names the other's deliverable by its
    Sector: "the BDT guidelines", :func:`overlap_bodies.names_work_of
    <iscg_mailbot.analyse.overlap_bodies.names_work_of>`), or None."""
    for thread in (a, b):
        aside = _aside(thread.subject)
        if aside is not None:
            return aside
    if _documents(a) & _documents(b):
        return "both name " + ", ".join(sorted(_documents(a) & _documents(b)))
    for first, second in ((a, b), (b, a)):
        if _addresses(first, second):
            return f"{first.subject!r} names {second.sector}"
    if names_the_other(a.subject, b.subject):
        return "a headline names the other's body or titled work"
    for first, second in ((a, b), (b, a)):
        body = names_body_of(first.subject, first.entities, second.entities,
                             first.sector, second.sector)
        if body is not None:
            return f"{second.subject!r} names {body}, whose work {first.subject!r} is"
        work = names_work_of(first.text, second.subject, second.sector)
        if work is not None:
            return f"{first.subject!r} names the {work} of {second.subject!r}"
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


def close_in_meaning(a: ThreadView, b: ThreadView, text: TextSimilarity, rules: OverlapRules,
                     neighbours: MeaningNeighbours | None, *, wording: bool = True
                     ) -> float | None:
    """The cosine of the two threads' meaning vectors when each is among the other's
    ``meaning_neighbours`` nearest candidates and the texts have a cosine of
    ``meaning_text`` and ``meaning_terms`` terms in common, or each among the other's
    ``meaning_alone`` nearest whatever their wording; else the cosine of their openings'
    vectors when each opening is the other's ``meaning_opening`` nearest, or the first
    cosine when the two are one neighbourhood (``meaning_shared``, ``meaning_terms``
    terms in common; no headline news for either); else, unless ``wording`` is False,
    the openings' cosine when the two are near in meaning and in wording among the
    candidates (:func:`_near_in_wording`); else None (also when a vector is missing or
    the evidence is off)."""
    if rules.meaning_neighbours is None or neighbours is None:
        return None
    most: int | None = rules.meaning_neighbours
    if (text.text_cosine(a.id, b.id) < rules.meaning_text
            or text.common(a.id, b.id)[0] < rules.meaning_terms):
        # Meaning alone: only for two headlines that each name a piece of work.
        alone = names_work(a.subject) and names_work(b.subject)
        most = rules.meaning_alone if alone else None
    if most is not None and neighbours.within(a.id, b.id, most):
        return neighbours.cosine(a.id, b.id)
    # Not for news (a newsletter is near in meaning to whatever it tells of).
    if is_news(a.subject) or is_news(b.subject):
        return None
    opening, most = neighbours.opening, rules.meaning_opening
    if opening is not None and most is not None and opening.within(a.id, b.id, most):
        return opening.cosine(a.id, b.id)
    shared, least = neighbours.shared, rules.meaning_shared
    if (shared is not None and least is not None
            and text.common(a.id, b.id)[0] >= rules.meaning_terms
            and neighbours.within(a.id, b.id, CANDIDATES) and shared.score(a.id, b.id) >= least):
        return neighbours.cosine(a.id, b.id)
    return _near_in_wording(a, b, rules, neighbours) if wording else None


def _near_in_wording(a: ThreadView, b: ThreadView, rules: OverlapRules,
                     neighbours: MeaningNeighbours) -> float | None:
    """The cosine of the openings' vectors of two headlines that each name work, each
    among the other's ``meaning_wording`` nearest by the openings' meaning and near in
    wording among the candidates (``wording_text``, ``wording_similarity``); else None.
    The last of the meaning rules: a flag that only it makes is not taken as the third
    Sector of :meth:`_Pairs.three_sectors` (relative evidence on relative evidence)."""
    opening, wording, most = neighbours.opening, neighbours.wording, rules.meaning_wording
    if (wording is None or opening is None or most is None
            or not (names_work(a.subject) and names_work(b.subject))
            or not opening.within(a.id, b.id, most)
            or not wording.within(a.id, b.id, rules.wording_text, rules.wording_similarity)):
        return None
    return opening.cosine(a.id, b.id)


def meaning_neighbours(threads: Sequence[ThreadView], rules: OverlapRules,
                       text: TextSimilarity | None = None) -> MeaningNeighbours | None:
    """The threads' neighbours in meaning among the pairs the watch may flag (led by two
    Sectors, active within the window), or None when the evidence is off; with their
    ranks in wording when ``text`` (the threads' :class:`TextSimilarity`) is given."""
    if rules.meaning_neighbours is None:
        return None
    led = [t for t in threads if t.sector in SECTORS and t.meaning]
    found = MeaningNeighbours({t.id: t.meaning for t in led}, rows=_candidates(led, rules))
    if rules.meaning_opening is not None and any(t.opening for t in led):
        found.opening = MeaningNeighbours({t.id: t.opening for t in led},
                                          rows=_candidates(led, rules))
    if rules.meaning_shared is not None:
        found.shared = shared_neighbours([(t.id, t.meaning, t.opening) for t in threads],
                                         [(t.id, t.first, t.last) for t in threads],
                                         timedelta(days=rules.window_days))
    if text is not None and rules.meaning_wording is not None:
        everyone = [t for t in threads if t.sector in SECTORS]
        found.wording = WordingRanks(text, [t.id for t in everyone],
                                     _candidates(everyone, rules))
    return found


def _candidates(led: Sequence[ThreadView], rules: OverlapRules) -> Candidates:
    """Which of these threads (led by a Sector) may be paired: another Sector, active
    within the window (as :func:`_close_in_time`)."""
    return Candidates.of([(t.id, t.sector or "", t.first, t.last) for t in led],
                         timedelta(days=rules.window_days))


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
    if close or close_in_meaning(a, b, text, rules, neighbours) is not None:
        return None
    beyond = f", {text(a.id, b.id, without=concepts):.2f} beyond them" if concepts else ""
    rank = neighbours.mutual_rank(a.id, b.id) if neighbours is not None else None
    meaning = f"; each among the other's {rank} nearest in meaning" if rank else ""
    if rank == 1 and not (names_work(a.subject) and names_work(b.subject)):
        meaning += ", but a headline names no piece of work"
    return (f"similarity {similarity:.2f} too low (subject topics: {', '.join(topics) or 'none'}"
            f"; subject concepts: {', '.join(concepts) or 'none'}{beyond}"
            f"; text alone {text.text_cosine(a.id, b.id):.2f}, "
            f"{text.common(a.id, b.id)[0]} terms in common{meaning})")


def _flag(a: ThreadView, b: ThreadView, text: TextSimilarity, rules: OverlapRules,
          neighbours: MeaningNeighbours | None) -> OverlapFlag | None:
    """The flag for a pair of threads led by two Sectors and active together, or None.
    Its ``meaning`` is set when the meaning evidence alone flags it (the wording said
    enough otherwise: the evidence shown is the one that counted)."""
    if _together(a, b) is not None:
        return None
    _topics, _concepts, _similarity, close = _subject_shared(a, b, text, rules)
    meaning = None
    if not close:
        meaning = close_in_meaning(a, b, text, rules, neighbours)
        if meaning is None:
            return None
    return _shown(a, b, text, meaning)


def _shown(a: ThreadView, b: ThreadView, text: TextSimilarity,
           meaning: float | None) -> OverlapFlag:
    """The flag of two threads with the evidence they share (``meaning``: the cosine of
    their meaning vectors when that evidence flags them)."""
    entities = shared_entities(a.entities, b.entities)
    first, second = (a, b) if a.id < b.id else (b, a)
    shown = tuple(sorted(set(a.topics) & set(b.topics)))
    return OverlapFlag(first.id, second.id, first.sector or "", second.sector or "", shown,
                       entities, round(text(a.id, b.id), 3), tuple(text.shared(a.id, b.id)),
                       text.shared_subjects(a.id, b.id),
                       None if meaning is None else round(meaning, 3))


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
    neighbours = meaning_neighbours(threads, rules, text)
    skip = set(dismissed)
    pairs = _Pairs(text, rules, neighbours, skip)
    # Only the pairs of two Sectors active together are compared (one numpy mask a
    # thread: a year of threads is millions of pairs).
    # ... and of those, every pair only when its wording or meaning may flag it; a
    # pair's threads in their order in ``led``, as every pair is compared.
    ids, gate = [t.id for t in led], _candidates(led, rules)
    if wanted is None:
        kept = pair_filter(ids, [text.weights(t.id) for t in led], rules, neighbours)
        if neighbours is not None and neighbours.wording is not None:
            neighbours.wording.use_bounds(kept.bounds)  # the same threads, in order
        for index, a in enumerate(led):
            for other in kept.after(index, gate.after(index, ids)):
                pairs.flag(a, led[other])
    for index in [n for n, t in enumerate(led) if wanted is not None and t.id in wanted]:
        for other in gate.around(index, ids):
            pairs.flag(led[min(index, other)], led[max(index, other)])
    flags = [f for f in pairs.done.values() if f is not None]
    flags += pairs.three_sectors({t.id: t for t in led}, wanted)
    return sorted(flags, key=lambda f: (-len(f.entities), -f.similarity, f.pair_key))


class _Pairs:
    """The pairs compared, each flag (or None) kept, and the flags of three Sectors on
    one subject (``meaning_cluster``) found from them."""

    def __init__(self, text: TextSimilarity, rules: OverlapRules,
                 neighbours: MeaningNeighbours | None, skip: set[str]) -> None:
        self.text, self.rules, self.neighbours, self.skip = text, rules, neighbours, skip
        self.window = timedelta(days=rules.window_days)
        self.done: dict[frozenset[int], OverlapFlag | None] = {}
        # The pairs only near in wording among the candidates flag (_near_in_wording):
        # not a third Sector's flag for three_sectors.
        self.relative: set[frozenset[int]] = set()

    def flag(self, a: ThreadView, b: ThreadView) -> OverlapFlag | None:
        """The pair's flag (compared once), None when not flagged or not comparable."""
        key = frozenset((a.id, b.id))
        if key not in self.done:
            comparable = not (a.sector == b.sector or not _close_in_time(a, b, self.window)
                              or f"{min(a.id, b.id)}-{max(a.id, b.id)}" in self.skip)
            found = (_flag(a, b, self.text, self.rules, self.neighbours)
                     if comparable else None)
            self.done[key] = found
            if (found is not None and found.meaning is not None
                    and self.rules.meaning_wording is not None
                    and close_in_meaning(a, b, self.text, self.rules, self.neighbours,
                                         wording=False) is None):
                self.relative.add(key)
        return self.done[key]

    def _firm(self, a: ThreadView, b: ThreadView) -> bool:
        """Whether the pair is flagged, and not only by its nearness in wording."""
        return self.flag(a, b) is not None and frozenset((a.id, b.id)) not in self.relative

    def three_sectors(self, led: dict[int, ThreadView],
                      wanted: set[int] | None) -> list[OverlapFlag]:
        """Pairs compared and not flagged, each among the other's ``meaning_cluster``
        nearest in meaning, with a thread of a third Sector flagged beside both (a pair
        outside ``wanted`` compared now if need be, as when every pair is compared)."""
        most, found = self.rules.meaning_cluster, []
        if most is None or self.neighbours is None:
            return []
        partners: dict[int, set[int]] = {}
        for key, flag in self.done.items():
            for one in key if flag is not None and key not in self.relative else ():
                partners.setdefault(one, set()).update(key - {one})
        for key, flag in list(self.done.items()):
            if flag is not None:
                continue
            a, b = (led[x] for x in sorted(key))
            near = a if wanted is None or a.id in wanted else b
            other = b if near is a else a
            if (not partners.get(near.id) or a.sector == b.sector
                    or f"{a.id}-{b.id}" in self.skip or not _close_in_time(a, b, self.window)
                    or not self.neighbours.within(a.id, b.id, most)
                    or _together(a, b) is not None):
                continue
            beside = next((c for c in sorted(partners[near.id]) if led[c].sector not in
                           (a.sector, b.sector) and self._firm(other, led[c])), None)
            if beside is not None:
                cosine = self.neighbours.cosine(a.id, b.id) or 0.0
                found.append(replace(_shown(a, b, self.text, cosine), beside=beside))
        return found


__all__ = ["OverlapFlag", "OverlapRules", "ThreadView", "find_overlaps", "meaning_neighbours",
           "why_not"]
