"""The threads' meaning vectors for the duplication watch
(:mod:`iscg_mailbot.analyse.overlap_meaning`): computed by analysis, stored beside the
thread's terms (``thread_overlap_terms.meaning``, revision 0022), read by the watch. A
row holds two vectors one after the other: the whole thread's and its *opening*'s (its
headline and first message alone, from the stored parts; a thread kept whole, which
spells out an acronym, has its whole vector twice).

Analysis stores each thread's terms; an analyser that has the model in memory (the
worker processes inherit it from the one that loaded it) stores them with their vector
(:func:`with_vectors`, computed outside its transactions). When its queue is empty, it
embeds the rows without a current vector (:func:`fill_meaning`: rows it has just
written without one, rows written before revision 0022 or by a reader that had to
tokenize a thread, rows of another model), in transactions of their own, so that
loading the model (~1 s) delays no analysis. The
digest and ``overlaps list`` only read the vectors (:func:`stored_vectors`): they never
import the model. ``[overlaps] meaning = false`` in iscg-mailbot.toml turns the
evidence off: analysis computes no vector and the watch reads none.

Only ``overlaps evaluate --without-concepts`` embeds texts when the watch runs
(:func:`with_meaning`): its terms are not the stored ones.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from iscg_mailbot.analyse.overlap_meaning import (
    Vector,
    embedded,
    meaning_available,
    meaning_vectors,
    meaning_version,
    model_loaded,
    opening_terms,
    packed_vector,
    terms_text,
    unpacked_vector,
)
from iscg_mailbot.analyse.overlap_text import (
    ThreadTerms,
    terms_version,
    thread_terms,
    unpacked_terms,
)
from iscg_mailbot.analyse.overlaps import ThreadView
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.overlap_terms import (
    dated_messages,
    message_texts,
    save_meaning,
    stored_meaning,
    window_messages,
    without_meaning,
)

log = logging.getLogger(__name__)

#: Rows given a vector per transaction when analysis fills the missing ones.
FILL_BATCH = 500


def meaning_on(settings: Settings) -> bool:
    """Whether the evidence is on (``[overlaps] meaning``) and its package installed."""
    return settings.overlaps.meaning and meaning_available()


def fill_meaning(app: App, *, batch: int = FILL_BATCH, most: int | None = None) -> int:
    """Give a vector to the stored rows of current terms that have none (or an old
    one), ``batch`` rows a transaction, at most ``most`` in all; how many were given."""
    if not meaning_on(app.settings):
        return 0
    done, version = 0, meaning_version()
    while most is None or done < most:
        size = batch if most is None else min(batch, most - done)
        with app.session() as session:
            rows = without_meaning(session, terms_version(), version, size)
        if not rows:
            break
        packed = _packed([(unpacked_terms(*row[1:5]),
                           opening_terms(row[5], row[6], _first_part(row[7])))
                          for row in rows])
        with app.session() as session:
            save_meaning(session, {row[0]: data
                                   for row, data in zip(rows, packed, strict=True)}, version)
        done += len(rows)
    if done:
        log.info("meaning vectors of %d threads stored", done)
    return done


_DECODER = json.JSONDecoder()


def _first_part(parts: str) -> list[Any]:
    """The first element of a JSON array (as a list of one; [] for an empty array), read
    without decoding the rest: what ``json.loads(parts)[:1]`` gives."""
    start = parts.index("[") + 1
    while parts[start] in " \t\n\r":  # JSON's white space
        start += 1
    if parts[start] == "]":
        return []
    return [_DECODER.raw_decode(parts, start)[0]]


def with_vectors(settings: Settings, rows: Sequence[dict[str, Any]]) -> None:
    """Give rows of :func:`read_thread_terms
    <iscg_mailbot.services.overlap_terms.read_thread_terms>` their meaning vector before
    they are stored: the bytes :func:`fill_meaning` would give them once stored (the same
    text, embedded on its own), computed by the analyser that read them (in parallel,
    beside ingest) instead of by one process after all analysis. Only in a process that
    has the model already (the analysis workers inherit it): loading it here would delay
    a restarted analyser's first commit; :func:`fill_meaning` embeds the rest."""
    if not rows or not meaning_on(settings) or not model_loaded():
        return
    version = meaning_version()
    packed = _packed([(unpacked_terms(row["terms"], row["counts"], row["words"],
                                      row["headline_terms"]),
                       opening_terms(row["subject"], row["subject_terms"], row["parts"]))
                      for row in rows])
    for row, data in zip(rows, packed, strict=True):
        row["meaning"], row["meaning_version"] = data, version


def _packed(threads: Sequence[tuple[ThreadTerms, ThreadTerms | None]]) -> list[bytes]:
    """Each thread's vector and its opening's (None: the whole again), packed one
    after the other; a text is embedded once (a thread of one message: its opening)."""
    texts = [(terms_text(whole), terms_text(opening or whole)) for whole, opening in threads]
    unique = list(dict.fromkeys(text for pair in texts for text in pair))
    vectors = dict(zip(unique, embedded(unique), strict=True))
    return [packed_vector(vectors[whole] + vectors[opening]) for whole, opening in texts]


def _halves(vector: Vector) -> tuple[Vector, Vector]:
    half = len(vector) // 2
    return vector[:half], vector[half:]


def stored_pairs(session: Session, settings: Settings,
                 thread_ids: Collection[int]) -> dict[int, tuple[Vector, Vector]]:
    """The stored vectors of these threads made by the current model, each thread's
    and its opening's (none when the evidence is off). A window holding part of a thread
    reads the whole thread's."""
    if not settings.overlaps.meaning:
        return {}
    return {tid: _halves(unpacked_vector(data))
            for tid, data in stored_meaning(session, thread_ids, meaning_version()).items()}


def stored_vectors(session: Session, settings: Settings,
                   thread_ids: Collection[int]) -> dict[int, Vector]:
    """The stored vectors of these whole threads (:func:`stored_pairs`)."""
    return {tid: whole for tid, (whole, _) in stored_pairs(session, settings,
                                                            thread_ids).items()}


def with_stored_meaning(session: Session, settings: Settings,
                        views: list[ThreadView]) -> list[ThreadView]:
    """``views`` with their stored vectors (a thread without one keeps none)."""
    pairs = stored_pairs(session, settings, [v.id for v in views])
    return [replace(v, meaning=pairs[v.id][0], opening=pairs[v.id][1]) if v.id in pairs
            else v for v in views]


def window_texts(session: Session, thread_ids: set[int], start: datetime,
                 end: datetime) -> dict[int, str]:
    """The text of each thread as the watch reads it (its first message's subject, then
    each message's new text, quotes left out), messages of [start, end) only."""
    messages = {tid: w for tid, w in window_messages(session, start, end).items()
                if tid in thread_ids}
    texts = message_texts(session, [pk for w in messages.values() for pk in w.ids])
    return {tid: "\n".join([texts[w.ids[0]][0], *(texts[pk][1] for pk in w.ids)])
            for tid, w in messages.items() if w.ids}


def with_meaning(session: Session, views: list[ThreadView], start: datetime,
                 end: datetime, *, subjects: bool = True) -> list[ThreadView]:
    """``views`` with meaning vectors embedded now from their texts (``subjects``: read
    with the subject concepts); a view without text reads its messages of [start, end)."""
    missing = {v.id for v in views if not v.text}
    texts = window_texts(session, missing, start, end) if missing else {}
    read = [(v, v.text or texts.get(v.id, "")) for v in views]
    vectors = meaning_vectors([(v.subject, text) for v, text in read], subjects=subjects)
    openings = _opening_texts(session, [v.id for v in views])
    opening = embedded([terms_text(thread_terms(v.subject, openings.get(v.id, ""),
                                                subjects=subjects)) for v in views])
    return [replace(v, meaning=vector, opening=first) for (v, _text), vector, first
            in zip(read, vectors, opening, strict=True)]


def _opening_texts(session: Session, thread_ids: Collection[int]) -> dict[int, str]:
    """Each thread's first message: its subject, then its new text."""
    firsts = {tid: ids[0] for tid, ids in dated_messages(session, thread_ids).items() if ids}
    texts = message_texts(session, list(firsts.values()))
    return {tid: "\n".join(texts[pk]) for tid, pk in firsts.items()}


__all__ = ["fill_meaning", "meaning_on", "stored_pairs", "stored_vectors", "window_texts", "with_meaning",
           "with_stored_meaning", "with_vectors"]
