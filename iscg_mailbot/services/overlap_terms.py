"""Each thread's terms for the duplication watch, stored by analysis and read back.

The digest's "possible overlaps" fit their text comparison on a year of threads. Reading
and tokenizing a year of texts on every ``digest preview`` took seconds (and spaCy's word
tables); analysis now stores what the comparison reads of each thread
(``thread_overlap_terms``, :func:`read_thread_terms` then :func:`save_thread_terms`), and
:func:`window_threads` reads the threads of a window from those rows: exactly the terms
the texts give (``tests/test_overlap_stored.py``). A thread whose row is missing or stale
(analysed before revision 0020, its subject or messages changed since, or terms read by
other code) is read from its texts as before. A thread that spells out an acronym (its
terms depend on its whole text: :func:`overlap_text.spells_out_acronyms
<iscg_mailbot.analyse.overlap_text.spells_out_acronyms>`) is kept whole, without
per-message parts: a window holding only some of its messages reads their texts.

    >>> facts, terms = window_threads(session, start, end)   # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from iscg_mailbot.analyse.overlap_headlines import headline
from iscg_mailbot.analyse.overlap_text import (
    Counted,
    PackedTerms,
    ReadTerms,
    counted_terms,
    joined_terms,
    packed_terms,
    spells_out_acronyms,
    terms,
    terms_version,
    thread_terms,
    unpacked_terms,
)
from iscg_mailbot.services.app import App
from iscg_mailbot.store.analysis_rows import ThreadMessages
from iscg_mailbot.store.annual import ThreadFacts
from iscg_mailbot.store.overlap_terms import (
    WindowThread,
    dated_messages,
    message_texts,
    save_terms,
    stored_parts,
    stored_terms,
    thread_subjects,
    window_messages,
)

log = logging.getLogger(__name__)


def read_thread_terms(session: Session, thread_ids: Collection[int],
                      messages: ThreadMessages | None = None) -> list[dict[str, Any]]:
    """The rows of these threads, every dated message read (a message already in the
    thread's row under the current version is not tokenized again). ``messages``: the
    threads' messages read already (the analysis reads each chunk's once for its parts),
    else they are read here."""
    subjects, dated, texts = _read_texts(session, thread_ids, messages)
    version = terms_version()
    old = stored_terms(session, subjects)
    known: dict[int, Any] = {}
    current = [tid for tid, row in old.items() if row[1] == version]
    for tid, (_subject, stored) in stored_parts(session, current).items():
        if stored:  # none: a thread kept whole (it spells out an acronym)
            known.update(zip(map(int, old[tid][3].split()), stored, strict=True))
    # A thread's messages mostly share one subject ("Re: ..."): each read once.
    subject_parts: dict[str, Counted] = {}

    def subject_part(text: str) -> Counted:
        found = subject_parts.get(text)
        if found is None:
            found = subject_parts[text] = counted_terms(text)
        return found

    rows = []
    for tid, subject in subjects.items():
        ids = dated.get(tid, [])
        whole = "\n".join([texts[ids[0]][0], *(texts[pk][1] for pk in ids)]) if ids else ""
        if spells_out_acronyms(subject, whole):
            # Its terms depend on its whole text: kept whole, without parts (a window
            # holding only some of its messages reads their texts).
            subject_terms: Counted = []
            parts: list[Any] = []
            packed = packed_terms(thread_terms(subject, whole))
        else:
            subject_terms = subject_part(subject)
            parts = [known[pk] if pk in known else
                     [subject_part(texts[pk][0]), counted_terms(texts[pk][1])] for pk in ids]
            text = [parts[0][0], *(part[1] for part in parts)] if parts else []
            packed = packed_terms(joined_terms(subject_terms, terms(headline(subject)), text))
        if packed is None:
            continue  # read from the texts when asked for
        rows.append({
            "thread_id": tid, "version": version, "subject": subject,
            "message_ids": " ".join(map(str, ids)), "terms": packed[0], "counts": packed[1],
            "words": packed[2], "headline_terms": packed[3], "subject_terms": subject_terms,
            "parts": parts})
    return rows


def _read_texts(session: Session, thread_ids: Collection[int], messages: ThreadMessages | None
                ) -> tuple[dict[int, str], dict[int, list[int]], dict[int, tuple[str, str]]]:
    """Each thread's subject, its dated messages' ids in date order, and their (subject,
    new text): every text, tokenized or not (a thread that spells out an acronym is read
    whole). From ``messages`` when given (by thread, date and id, as these reads give
    them)."""
    if messages is None:
        subjects = thread_subjects(session, thread_ids)
        dated = dated_messages(session, subjects)
        return subjects, dated, message_texts(session, [pk for ids in dated.values()
                                                        for pk in ids])
    wanted = set(thread_ids)
    subjects = {tid: subject for tid, subject in messages.subjects.items() if tid in wanted}
    dated = {}
    texts = {}
    for message, _address in messages.rows:
        if message.date is not None and message.thread_id in subjects:
            dated.setdefault(message.thread_id, []).append(message.id)
            texts[message.id] = (message.subject or "", message.new_text or "")
    return subjects, dated, texts


def save_thread_terms(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Store rows of :func:`read_thread_terms` (replacing the threads' old rows)."""
    save_terms(session, rows)


def _facts(tid: int, subject: str, window: WindowThread) -> ThreadFacts:
    return ThreadFacts(id=tid, subject=subject, first_activity=window.first,
                       last_activity=window.last, messages=len(window.ids),
                       starter=window.starter, text="")


def window_threads(session: Session, start: datetime, end: datetime
                   ) -> tuple[list[ThreadFacts], dict[int, ReadTerms], list[int]]:
    """The threads active in [start, end) as :func:`store.annual.threads_active` gives
    them, texts left out; the terms of each (what its messages in the window say), from
    the stored rows where they hold these messages, else from the texts; and the threads
    whose row is missing or stale (read from their texts; a current row of a thread
    kept whole that the window cuts is read from the texts too, but needs no storing)."""
    messages = window_messages(session, start, end)
    subjects = thread_subjects(session, messages)
    stored = stored_terms(session, messages)
    version = terms_version()
    found: dict[int, ReadTerms] = {}
    partial, unread = [], []
    for tid, window in messages.items():
        row = stored.get(tid)
        if row is None or row[1] != version or tid not in subjects or row[2] != subjects[tid]:
            unread.append(tid)
        elif row[3] == " ".join(map(str, window.ids)):
            found[tid] = PackedTerms(*row[4:8])
        elif set(window.ids) <= set(map(int, row[3].split())):
            partial.append(tid)
        else:
            unread.append(tid)
    stale = list(unread)
    for tid, (subject_terms, parts) in stored_parts(session, partial).items():
        if not parts:  # kept whole (it spells out an acronym): read from the texts
            unread.append(tid)
            continue
        by_id = dict(zip(map(int, stored[tid][3].split()), parts, strict=True))
        chosen = [by_id[pk] for pk in messages[tid].ids]
        headline_terms = unpacked_terms("", "", "", stored[tid][7]).headline
        found[tid] = joined_terms(subject_terms, headline_terms,
                                  [chosen[0][0], *(part[1] for part in chosen)])
    texts = message_texts(session, [pk for tid in unread for pk in messages[tid].ids])
    for tid in unread:
        ids = messages[tid].ids
        first_subject = texts[ids[0]][0]
        subjects.setdefault(tid, first_subject)
        text = "\n".join([first_subject, *(texts[pk][1] for pk in ids)])
        found[tid] = thread_terms(subjects[tid], text)
    facts = [_facts(tid, subjects[tid], window) for tid, window in messages.items()]
    facts.sort(key=lambda f: (f.first_activity is None, f.first_activity, f.id))
    return facts, found, stale


def keep_thread_terms(app: App, thread_ids: Sequence[int]) -> None:
    """Store the rows of threads a reader had to tokenize (threads analysed before
    revision 0020, or before the reading changed): the next reader finds them. Best
    effort: a database that refuses the write (read-only, busy) leaves them for later."""
    if not thread_ids:
        return
    try:
        with app.session() as session:
            save_thread_terms(session, read_thread_terms(session, thread_ids))
    except SQLAlchemyError as exc:
        log.info("overlap terms of %d threads not stored (%s)", len(thread_ids), exc)


__all__ = ["keep_thread_terms", "read_thread_terms", "save_thread_terms", "window_threads"]
