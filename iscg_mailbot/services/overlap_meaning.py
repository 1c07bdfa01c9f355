"""The threads' meaning vectors for the duplication watch
(:mod:`iscg_mailbot.analyse.overlap_meaning`), from what their messages of the window say.

Computed when the watch runs (~1.3 ms a thread, and ~1 s to load the model once per
process); not stored. A thread whose messages carry no text has no vector, and the
meaning evidence then says nothing about its pairs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from iscg_mailbot.analyse.overlap_meaning import meaning_vectors
from iscg_mailbot.analyse.overlaps import ThreadView
from iscg_mailbot.store.overlap_terms import message_texts, window_messages


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
    """``views`` with their meaning vectors (a view without text reads its messages of
    [start, end))."""
    missing = {v.id for v in views if not v.text}
    texts = window_texts(session, missing, start, end) if missing else {}
    read = [(v, v.text or texts.get(v.id, "")) for v in views]
    vectors = meaning_vectors([(v.subject, text) for v, text in read], subjects=subjects)
    return [replace(v, meaning=vector) for (v, _text), vector in zip(read, vectors, strict=True)]


__all__ = ["window_texts", "with_meaning"]
