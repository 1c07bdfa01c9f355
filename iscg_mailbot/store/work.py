"""Analysis work: queue threads, claim them under a lease, finish or release them.

Ingest calls :func:`mark` in the transaction that stores a thread's mail; analysers
(processes on this machine or others) :func:`claim` a few threads, analyse them outside
any transaction, and :func:`finish` them in the transaction that writes the results.

PostgreSQL: a claim is ``SELECT ... FOR UPDATE SKIP LOCKED``, so analysers take
disjoint threads without waiting for each other. SQLite has no row locks and one
writer at a time: every transaction here starts with a write, which takes that lock
(waiting up to the busy timeout) before anything is read, so a claim cannot race with
another one; it is kept short. (A transaction that reads first and writes later would
fail at once with "database is locked" once another process has committed.)

A claim carries a lease: the claim of a worker that died is taken over when the lease
expires, or at once when the holder was a process of this machine that is gone.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple, cast

from sqlalchemy import (
    BindParameter,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    delete,
    func,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from iscg_mailbot.store import write_gate
from iscg_mailbot.store.chunks import among
from iscg_mailbot.store.models import AnalysisFailure, Thread
from iscg_mailbot.store.models_work import AnalysisWork

_CHUNK = 500


@dataclass(frozen=True)
class Claim:
    """A thread claimed for analysis: its id, the generation claimed, its message count."""

    thread_id: int
    generation: int
    messages: int


def new_holder() -> str:
    """A claim token: host, pid and a random part (``host:pid:random``).

    >>> host, pid, _ = new_holder().split(":")
    >>> int(pid) == os.getpid()
    True
    """
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start:start + _CHUNK]


def _insert(session: Session) -> object:
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def mark(session: Session, thread_ids: Collection[int], now: datetime, *,
         flagged: Collection[int] = ()) -> None:
    """Flag these threads ``needs_analysis`` and queue them for analysis: a new row, or
    the next generation of a queued one (an analyser busy with it will not finish it).
    Ids in order: two ingests that mark the same threads lock them in the same order on
    PostgreSQL (no deadlock). ``flagged``: of them, those written flagged already (the
    threads the same transaction created), not written again: on PostgreSQL an
    ``UPDATE`` writes a new version of the row, most often with every index's entries
    (a new thread's page has no room for it), whatever the values."""
    flag = _statements(session).flag
    for chunk in _chunks(set(thread_ids).difference(flagged)):
        session.execute(flag, {"ids": chunk})
    statement = _marking(session.get_bind().dialect.name)
    for chunk in _chunks(thread_ids):
        session.execute(statement, [{"thread": i, "now": now} for i in chunk])


@cache
def _marking(dialect: str) -> Insert:
    """:func:`mark`'s INSERT ... ON CONFLICT, one row of parameters a thread, built once:
    a VALUES row a thread made SQLAlchemy build and compile it anew each batch (~10 ms
    for 300 threads, in the importing process). Its RETURNING, unread, makes SQLAlchemy
    send a chunk as one multi-row VALUES (insertmanyvalues), as before."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_QUEUE).values(thread_id=bindparam("thread"), generation=1,
                                      marked_at=bindparam("now"))
    return statement.on_conflict_do_update(
        index_elements=[_QUEUE.c.thread_id],
        set_={"generation": _QUEUE.c.generation + 1, "marked_at": statement.excluded.marked_at},
    ).returning(_QUEUE.c.thread_id)


def queue_flagged(session: Session, now: datetime) -> int:
    """Queue threads flagged ``needs_analysis`` that have no row (flagged by an older
    version, or by hand); return how many."""
    queued = select(AnalysisWork.thread_id)
    ids = list(session.scalars(
        select(Thread.id).where(Thread.needs_analysis, Thread.id.not_in(queued))))
    insert = _insert(session)
    for chunk in _chunks(ids):
        statement = insert(AnalysisWork).values(  # type: ignore[operator]
            [{"thread_id": i, "generation": 1, "marked_at": now} for i in chunk]
        )
        session.execute(statement.on_conflict_do_nothing())
    return len(ids)


#: For the queue's UPDATE and DELETE statements: no queue row is ever loaded as an ORM
#: object, so the ORM need not look for those the statement changes in the session
#: (its default evaluates the WHERE clause against the session's objects, a few per
#: cent of the analysis' SQLAlchemy time).
NO_SYNC = {"synchronize_session": False}

# The statements every analysed chunk sends, built once with bound parameters: building
# a statement and its cache key each time cost more than SQLite's work for it (~0.2 ms
# against ~0.1; docs/performance-history.md, "The analysis's row writes").
_QUEUE = cast(Table, AnalysisWork.__table__)
_WRITE_FIRST = update(_QUEUE).where(_QUEUE.c.thread_id < 0).values(holder=None)
_FINISH = (delete(_QUEUE).where(tuple_(_QUEUE.c.thread_id, _QUEUE.c.generation)
                                .in_(bindparam("pairs", expanding=True)),
                                _QUEUE.c.holder == bindparam("claimer"))
           .returning(_QUEUE.c.thread_id))


class _ByIds(NamedTuple):
    """Those of them sent by a list of thread ids (bound as ``ids``), built once a
    dialect: one array on PostgreSQL (``store/chunks.among``), so one text whatever
    the list's length, planned once and prepared by psycopg."""

    take: Update  # claim the threads: claimer, until
    release: Update  # give back those the claimer holds: claimer
    lock: Select[int]  # lock those of the threads still stored, in id order (finish)
    flag: Update  # flag the threads needs_analysis


@cache
def _by_ids(dialect: str) -> _ByIds:
    threads = Thread.__table__  # a Core Table already (store/tables.py)
    return _ByIds(
        take=update(_QUEUE).where(among(_QUEUE.c.thread_id, dialect)).values(
            holder=bindparam("claimer"), lease_until=bindparam("until")),
        release=update(_QUEUE).where(_QUEUE.c.holder == bindparam("claimer"),
                                     among(_QUEUE.c.thread_id, dialect))
        .values(holder=None, lease_until=None),
        # FOR NO KEY UPDATE (``key_share``), the lock finish's UPDATE of the threads'
        # flag takes anyway: ingest's new messages (foreign keys, KEY SHARE) still go in.
        lock=select(Thread.id).where(among(Thread.id, dialect)).order_by(Thread.id)
        .with_for_update(key_share=True),
        flag=update(threads).where(among(threads.c.id, dialect)).values(needs_analysis=True))


def _statements(session: Session) -> _ByIds:
    return _by_ids(session.get_bind().dialect.name)

def write_first(session: Session) -> None:
    """Start the transaction with a write that changes nothing.

    On SQLite this takes the database's write lock (waiting for it up to the busy
    timeout) before anything is read, so the transaction reads the newest data and can
    write later. A transaction that reads first fails with "database is locked" when it
    tries to write after another process (an analyser) committed meanwhile. Call it
    first in any transaction that reads then writes while analysers may run; it costs
    nothing on PostgreSQL.

    The processes of an import that wait for that lock queue for it in the kernel
    (``store/write_gate.py``), not by SQLite's polling.
    """
    write_gate.enter_session(session)
    session.execute(_WRITE_FIRST)


def claim(
    session: Session,
    holder: str,
    now: datetime,
    *,
    lease: timedelta,
    budget: int,
    max_threads: int,
    settled_before: datetime | None = None,
) -> list[Claim]:
    """Claim the next free threads (in id order) whose messages fit ``budget``, at
    least one; commit right after. Threads whose failed analysis waits for its retry
    are left; with ``settled_before``, so are threads marked after it.

    How many threads fit is read first without locks; then that many free rows are
    locked, skipping rows another analyser is claiming (PostgreSQL), so concurrent
    claims lock only what they take and never wait for each other.
    """
    write_first(session)
    query = _free(settled_before is not None)
    given = {"now": now, "settled": settled_before}
    counts = [count or 1 for _, _, count in session.execute(query.limit(max_threads), given)]
    wanted = _fitting(counts, budget)
    if not wanted:
        return []
    locked = query.limit(wanted).with_for_update(skip_locked=True, of=AnalysisWork)
    taken = [Claim(thread_id, generation, count or 1)
             for thread_id, generation, count in session.execute(locked, given)]
    if taken:
        session.execute(_statements(session).take, {"ids": [c.thread_id for c in taken], "claimer": holder,
                                "until": now + lease})
    return taken


@cache
def _free(settled: bool) -> Select[int, int, int]:
    """The free threads at ``now`` (those marked ``settled`` or earlier when asked), with
    their message counts, in id order."""
    now: BindParameter[datetime] = bindparam("now")
    waiting = select(AnalysisFailure.thread_id).where(AnalysisFailure.retry_after > now)
    free = [or_(AnalysisWork.lease_until.is_(None), AnalysisWork.lease_until <= now),
            AnalysisWork.thread_id.not_in(waiting)]
    if settled:
        free.append(AnalysisWork.marked_at <= bindparam("settled"))
    return (
        select(AnalysisWork.thread_id, AnalysisWork.generation, Thread.message_count)
        .outerjoin(Thread, Thread.id == AnalysisWork.thread_id)
        .where(*free)
        .order_by(AnalysisWork.thread_id)
    )


def _fitting(counts: Sequence[int], budget: int) -> int:
    """How many of the first message counts fit ``budget`` (at least one, if any).

    >>> _fitting([3, 4, 5], 8), _fitting([30], 8), _fitting([], 8)
    (2, 1, 0)
    """
    total = 0
    for index, count in enumerate(counts):
        if index and total + count > budget:
            return index
        total += count
    return len(counts)


def finish(session: Session, holder: str, claims: Sequence[Claim]) -> set[int]:
    """Take the claimed threads off the queue if nothing changed since the claim, and
    return those that still exist: the caller writes their results in this same
    transaction. A thread that got new mail meanwhile stays queued (released); one
    merged away is just taken off.

    The threads are locked first (PostgreSQL), in id order, then their queue rows: the
    order of an ingest batch, which updates its threads, then queues them (:func:`mark`).
    Taken the other way round (as before), an analyser and a batch each held what the
    other wanted and the server rolled one back (store/conflicts.py); now the analyser
    waits for the batch's commit, then finds the threads queued again and leaves them.
    A batch does not lock all its threads in one id order (merges, then the threads whose
    summary changed, then the flags), so it can still meet an analyser on two threads:
    the caller runs the transaction again then (PostgreSQL's docs ask for it).
    """
    write_first(session)  # SQLite: the write lock before the read below
    ids = [c.thread_id for c in claims]
    existing: set[int] = set()
    lock = _statements(session).lock
    for chunk in _chunks(ids):
        existing.update(session.scalars(lock, {"ids": chunk}))
    done: set[int] = set()
    pairs = [(c.thread_id, c.generation) for c in claims]
    for start in range(0, len(pairs), _CHUNK):
        done.update(session.scalars(
            _FINISH, {"pairs": pairs[start:start + _CHUNK], "claimer": holder}))
    release(session, holder, ids)
    return done & existing


def release(session: Session, holder: str, thread_ids: Collection[int]) -> None:
    """Give back these threads if ``holder`` still claims them (for another analyser,
    or a later run)."""
    statement = _statements(session).release
    for chunk in _chunks(thread_ids):
        session.execute(statement, {"claimer": holder, "ids": chunk})


def release_dead_local(session: Session, now: datetime) -> int:
    """Free claims held by processes of this machine that no longer run (their lease
    would free them only when it expires); return how many were freed."""
    write_first(session)
    host = socket.gethostname()
    rows = session.execute(
        select(AnalysisWork.thread_id, AnalysisWork.holder)
        .where(AnalysisWork.holder.is_not(None), AnalysisWork.lease_until > now)
    ).all()
    dead = [thread_id for thread_id, holder in rows
            if holder is not None and _local_and_dead(holder, host)]
    for chunk in _chunks(dead):
        session.execute(update(AnalysisWork).where(AnalysisWork.thread_id.in_(chunk))
                        .values(holder=None, lease_until=None))
    return len(dead)


def _local_and_dead(holder: str, host: str) -> bool:
    name, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if name != host or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, but not ours to signal
        return False
    return False


def queued(session: Session) -> int:
    """Threads in the queue (claimed or not)."""
    return session.scalar(select(func.count()).select_from(AnalysisWork)) or 0


def forget(session: Session, thread_ids: Collection[int]) -> None:
    """Take threads off the queue (their analysis is no longer wanted)."""
    for chunk in _chunks(thread_ids):
        session.execute(delete(AnalysisWork).where(AnalysisWork.thread_id.in_(chunk)))
