"""Reads and writes of ``thread_overlap_terms`` (each thread's terms as the duplication
watch reads them) and the message facts the watch needs without their texts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple, cast

from sqlalchemy import Delete, Select, Table, Text, bindparam, delete, func, or_, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from iscg_mailbot.store.bulk import insert_rows
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_duties import ThreadOverlapTerms


@dataclass
class WindowThread:
    """A thread's messages in the window: their ids in date order, who wrote the first,
    and the first and last dates."""

    ids: list[int]
    starter: str  # lower case
    first: datetime | None = None
    last: datetime | None = None


def window_messages(session: Session, start: datetime,
                    end: datetime) -> dict[int, WindowThread]:
    """The threads with messages dated in [start, end), as
    :func:`iscg_mailbot.store.annual.threads_active` reads them (texts left out; dates
    converted per thread, not per message)."""
    window = (Message.thread_id.is_not(None), Message.date >= start, Message.date < end)
    found: dict[int, WindowThread] = {}
    for thread_id, pk, sender in session.execute(
            select(Message.thread_id, Message.id, Message.sender_address)
            .where(*window).order_by(Message.date, Message.id)):
        if thread_id is None:
            continue
        thread = found.get(thread_id)
        if thread is None:
            found[thread_id] = WindowThread([pk], (sender or "").lower())
        else:
            thread.ids.append(pk)
    for thread_id, first, last in session.execute(
            select(Message.thread_id, func.min(Message.date), func.max(Message.date))
            .where(*window).group_by(Message.thread_id)):
        if thread_id in found:
            found[thread_id].first, found[thread_id].last = first, last
    return found


def thread_subjects(session: Session, thread_ids: Collection[int]) -> dict[int, str]:
    """Each thread's subject."""
    found: dict[int, str] = {}
    statement = _statements(session).subjects
    for chunk in chunks(sorted(thread_ids)):
        for thread_id, subject in session.execute(statement, {"ids": chunk}):
            found[thread_id] = subject
    return found



def dated_messages(session: Session, thread_ids: Collection[int]) -> dict[int, list[int]]:
    """The ids of each thread's dated messages, in date order (every message a window
    reads, whatever the window)."""
    found: dict[int, list[int]] = defaultdict(list)
    for chunk in chunks(sorted(thread_ids)):
        for thread_id, pk in session.execute(
                select(Message.thread_id, Message.id)
                .where(Message.thread_id.in_(chunk), Message.date.is_not(None))
                .order_by(Message.date, Message.id)):
            if thread_id is not None:
                found[thread_id].append(pk)
    return dict(found)


def message_texts(session: Session, message_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """(subject, new text) of these messages."""
    found: dict[int, tuple[str, str]] = {}
    for chunk in chunks(sorted(message_ids)):
        for pk, subject, text in session.execute(
                select(Message.id, Message.subject, Message.new_text)
                .where(Message.id.in_(chunk))):
            found[pk] = (subject or "", text or "")
    return found


# What a reader of the whole-thread terms needs; the message parts are read on demand.
_SUMMARY = (ThreadOverlapTerms.thread_id, ThreadOverlapTerms.version,
            ThreadOverlapTerms.subject, ThreadOverlapTerms.message_ids,
            ThreadOverlapTerms.terms, ThreadOverlapTerms.counts, ThreadOverlapTerms.words,
            ThreadOverlapTerms.headline_terms)


def stored_terms(session: Session, thread_ids: Collection[int]) -> dict[int, Sequence[Any]]:
    """Rows of these threads, without their parts: (id, version, subject, message ids,
    terms, counts, words, headline terms), plain text."""
    found: dict[int, Sequence[Any]] = {}
    statement = _statements(session).terms
    for chunk in chunks(sorted(thread_ids)):
        for row in session.execute(statement, {"ids": chunk}):
            found[row[0]] = tuple(row)
    return found




def stored_parts(session: Session,
                 thread_ids: Collection[int]) -> dict[int, tuple[list[Any], list[Any]]]:
    """The subject terms and per-message parts of these threads' rows."""
    found: dict[int, tuple[list[Any], list[Any]]] = {}
    statement = _statements(session).parts
    for chunk in chunks(sorted(thread_ids)):
        for thread_id, subject_terms, parts in session.execute(statement, {"ids": chunk}):
            found[thread_id] = (subject_terms, parts)
    return found


# What a meaning vector is made from: a row read again with the same keeps its vector.
_EMBEDDED = ("terms", "counts", "words")
_TERMS_TABLE = cast(Table, ThreadOverlapTerms.__table__)


class _ByIds(NamedTuple):
    """The statements every analysed chunk sends by a list of thread ids (bound as
    ``ids``), built once a dialect (a statement built with the chunk's ids as literals
    cost more than SQLite's answering it; store/analysis_rows.py): one array on
    PostgreSQL (``store/chunks.among``), one text whatever the list's length."""

    subjects: Select[*tuple[Any, ...]]  # the threads' subjects
    terms: Select[*tuple[Any, ...]]  # their rows without the parts (_SUMMARY)
    parts: Select[*tuple[Any, ...]]  # their rows' subject terms and parts
    vectors: Select[*tuple[Any, ...]]  # their meaning vectors and what each was made from
    forget: Delete  # their rows
    threads: Select[*tuple[Any, ...]]  # those of them still stored


@cache
def _by_ids(dialect: str) -> _ByIds:
    terms_of = among(ThreadOverlapTerms.thread_id, dialect)
    return _ByIds(
        subjects=select(Thread.id, Thread.subject).where(among(Thread.id, dialect)),
        terms=select(*_SUMMARY).where(terms_of),
        parts=select(ThreadOverlapTerms.thread_id, ThreadOverlapTerms.subject_terms,
                     ThreadOverlapTerms.parts).where(terms_of),
        vectors=(select(ThreadOverlapTerms.thread_id, ThreadOverlapTerms.meaning,
                        ThreadOverlapTerms.meaning_version,
                        *(getattr(ThreadOverlapTerms, name) for name in _EMBEDDED))
                 .where(terms_of, ThreadOverlapTerms.meaning.is_not(None))),
        forget=delete(_TERMS_TABLE).where(among(_TERMS_TABLE.c.thread_id, dialect)),
        threads=select(Thread.id).where(among(Thread.id, dialect)))


def _statements(session: Session) -> _ByIds:
    return _by_ids(session.get_bind().dialect.name)

def save_terms(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Replace the rows of these threads (each a dict of the table's columns); threads
    gone meanwhile (merged) are skipped. A row whose terms, counts and spellings come
    out as before (read again under a new version, a subject renamed) keeps its meaning
    vector: a thread without one would change its neighbours' nearest threads."""
    if not rows:
        return
    ids = [row["thread_id"] for row in rows]
    existing = set()
    vectors: dict[int, tuple[Any, ...]] = {}
    statements = _statements(session)
    for chunk in chunks(sorted(ids)):
        for found in session.execute(statements.vectors, {"ids": chunk}):
            vectors[found[0]] = tuple(found[1:])
        session.execute(statements.forget, {"ids": chunk})
        existing |= set(session.scalars(statements.threads, {"ids": chunk}))
    kept = []
    for row in rows:
        if row["thread_id"] not in existing:
            continue
        old = vectors.get(row["thread_id"])
        if old is not None and tuple(row.get(name) for name in _EMBEDDED) == old[2:]:
            row = {**row, "meaning": old[0], "meaning_version": old[1]}
        kept.append(row)
    if kept:
        # Core rows in one statement (the ORM's bulk insert cost as much again in Python;
        # a COPY on PostgreSQL, store/bulk.py); its rows need the same keys: a row
        # without a vector has none.
        insert_rows(session, _TERMS_TABLE, [{"meaning": None, "meaning_version": None, **row}
                                            for row in kept])


def stored_meaning(session: Session, thread_ids: Collection[int],
                   version: str) -> dict[int, bytes]:
    """The packed meaning vectors of these threads' rows made under ``version``."""
    found: dict[int, bytes] = {}
    for chunk in chunks(sorted(thread_ids)):
        for thread_id, meaning in session.execute(
                select(ThreadOverlapTerms.thread_id, ThreadOverlapTerms.meaning)
                .where(ThreadOverlapTerms.thread_id.in_(chunk),
                       ThreadOverlapTerms.meaning_version == version)):
            if meaning is not None:
                found[thread_id] = bytes(meaning)
    return found


def without_meaning(session: Session, terms_version: str, version: str,
                    limit: int) -> list[Sequence[Any]]:
    """Up to ``limit`` rows of the current terms (``terms_version``) without a vector
    made under ``version``: (id, terms, counts, words, headline terms, subject, subject
    terms, the parts as JSON text). The parts (every message's counted terms) stay text:
    the meaning vector reads the first message's alone, and decoding every message's
    was half the CPU of filling the vectors of a serial import."""
    table = ThreadOverlapTerms
    return [tuple(row) for row in session.execute(
        select(table.thread_id, table.terms, table.counts, table.words,
               table.headline_terms, table.subject, table.subject_terms,
               sql_cast(table.parts, Text))
        .where(table.version == terms_version,
               or_(table.meaning.is_(None), table.meaning_version.is_(None),
                   table.meaning_version != version))
        .order_by(table.thread_id).limit(limit))]


def save_meaning(session: Session, vectors: dict[int, bytes], version: str) -> None:
    """Store packed meaning vectors in these threads' rows (one executemany: a statement
    a row cost more than embedding them)."""
    if not vectors:
        return
    table = cast(Table, ThreadOverlapTerms.__table__)
    # A Core statement: a row gone meanwhile (its thread merged) updates nothing, as a
    # statement a row did (the ORM's bulk update by key would raise instead).
    session.execute(table.update().where(table.c.thread_id == bindparam("row"))
                    .values(meaning=bindparam("meaning"), meaning_version=version),
                    [{"row": thread_id, "meaning": meaning}
                     for thread_id, meaning in vectors.items()])


__all__ = ["WindowThread", "dated_messages", "message_texts", "save_meaning", "save_terms",
           "stored_meaning", "stored_parts", "stored_terms", "thread_subjects",
           "window_messages", "without_meaning"]
