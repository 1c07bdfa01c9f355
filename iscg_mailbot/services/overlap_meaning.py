"""The threads' meaning vectors for the duplication watch
(:mod:`iscg_mailbot.analyse.overlap_meaning`): computed by analysis, stored beside the
thread's terms (``thread_overlap_terms.meaning``, revision 0022), read by the watch.

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
    packed_vector,
    terms_text,
    unpacked_vector,
)
from iscg_mailbot.analyse.overlap_text import terms_version, unpacked_terms
from iscg_mailbot.analyse.overlaps import ThreadView
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.overlap_terms import (
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
        vectors = embedded([terms_text(unpacked_terms(*row[1:5])) for row in rows])
        with app.session() as session:
            save_meaning(session, {row[0]: packed_vector(vector)
                                   for row, vector in zip(rows, vectors, strict=True)},
                         version)
        done += len(rows)
    if done:
        log.info("meaning vectors of %d threads stored", done)
    return done


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
    vectors = embedded([terms_text(unpacked_terms(row["terms"], row["counts"], row["words"],
                                                  row["headline_terms"])) for row in rows])
    for row, vector in zip(rows, vectors, strict=True):
        row["meaning"], row["meaning_version"] = packed_vector(vector), version


def stored_vectors(session: Session, settings: Settings,
                   thread_ids: Collection[int]) -> dict[int, Vector]:
    """The stored vectors of these threads made by the current model (none when the
    evidence is off). A window holding part of a thread reads the whole thread's."""
    if not settings.overlaps.meaning:
        return {}
    return {tid: unpacked_vector(data)
            for tid, data in stored_meaning(session, thread_ids, meaning_version()).items()}


def with_stored_meaning(session: Session, settings: Settings,
                        views: list[ThreadView]) -> list[ThreadView]:
    """``views`` with their stored vectors (a thread without one keeps none)."""
    vectors = stored_vectors(session, settings, [v.id for v in views])
    return [replace(v, meaning=vectors[v.id]) if v.id in vectors else v for v in views]


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
    return [replace(v, meaning=vector) for (v, _text), vector in zip(read, vectors, strict=True)]


__all__ = ["fill_meaning", "meaning_on", "stored_vectors", "window_texts", "with_meaning",
           "with_stored_meaning", "with_vectors"]
