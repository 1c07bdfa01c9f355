"""SQLite's writers of an import queue for the write lock in the kernel (store/write_gate.py).

The gate is held from a transaction's ``write_first`` to its commit or rollback, by one
process at a time; within a process it is shared (a nested session never waits for the
one it is nested in); a database in memory has none.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import multiprocessing
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError

from iscg_mailbot.store import write_gate
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.work import write_first


@pytest.fixture
def database(tmp_path: Path) -> tuple[Engine, Path]:
    path = tmp_path / "gate.db"
    engine = _new_database(path)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
    yield engine, path
    engine.dispose()


def _new_database(path: Path) -> Engine:
    """A new SQLite database at ``path`` with the table ``write_first`` writes to."""
    engine = connect(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE analysis_work (thread_id INTEGER, holder TEXT)"))
    return engine


def _held_elsewhere(path: Path) -> bool:
    """Whether a process holds the gate (asked from a description of our own, as
    another process would)."""
    fd = os.open(write_gate.gate_path(path), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_held_from_write_first_to_commit(database: tuple[Engine, Path]) -> None:
    engine, path = database
    with session_scope(engine) as session:
        write_first(session)
        assert _held_elsewhere(path)
        session.execute(text("INSERT INTO t VALUES (1)"))
    assert not _held_elsewhere(path)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 1


def test_freed_by_a_rollback(database: tuple[Engine, Path]) -> None:
    engine, path = database
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        write_first(session)
        session.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("a failed batch")
    assert not _held_elsewhere(path)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 0


def test_a_second_write_first_and_a_nested_session_do_not_wait(
        database: tuple[Engine, Path]) -> None:
    engine, path = database
    with session_scope(engine) as outer:
        write_first(outer)
        write_first(outer)  # the same transaction: nothing more
        with session_scope(engine) as inner:  # reads only; takes the process's hold
            write_gate.enter_session(inner)
            assert inner.execute(text("SELECT count(*) FROM t")).scalar() == 0
        assert _held_elsewhere(path)  # the outer transaction still holds it
    assert not _held_elsewhere(path)


def _write_once(url: str, started: object, done: object) -> None:
    engine = connect(url, create=False)
    with session_scope(engine) as session:
        write_first(session)
        session.execute(text("INSERT INTO t VALUES (2)"))
        started.set()  # type: ignore[attr-defined]
        done.wait(10)  # type: ignore[attr-defined]
    engine.dispose()


@contextmanager
def _child_holding_the_gate(url: str) -> Iterator[tuple[Any, BaseProcess]]:
    """A child process holding the gate (it has written, not committed) until the
    ``done`` event given is set; it is then joined, and must have exited cleanly."""
    context = multiprocessing.get_context("forkserver")
    started, done = context.Event(), context.Event()
    child = context.Process(target=_write_once, args=(url, started, done))
    child.start()
    try:
        assert started.wait(30)
        yield done, child
    finally:
        done.set()
        child.join(30)
    assert child.exitcode == 0


def test_another_process_waits_for_the_gate_then_writes(
        database: tuple[Engine, Path]) -> None:
    engine, path = database
    with _child_holding_the_gate(str(engine.url)) as (done, _child):
        assert _held_elsewhere(path)
        done.set()
        with session_scope(engine) as session:
            write_first(session)  # waits in the kernel until the child commits
            session.execute(text("INSERT INTO t VALUES (1)"))
    with engine.connect() as connection:
        assert sorted(connection.execute(text("SELECT x FROM t")).scalars()) == [1, 2]


def test_a_wait_longer_than_the_busy_timeout_fails_as_sqlite_would(
        database: tuple[Engine, Path]) -> None:
    """A holder that hangs: the writer gives up after its busy timeout with SQLite's
    "database is locked" (what the retries catch), holding nothing, having written
    nothing; once the holder is gone, it writes."""
    engine, path = database
    impatient = connect(str(engine.url), create=False)

    def short(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=300")  # type: ignore[attr-defined]

    event.listen(impatient, "connect", short)
    try:
        with _child_holding_the_gate(str(engine.url)) as (done, child):
            began = time.monotonic()
            with pytest.raises(OperationalError, match="database is locked"), \
                    session_scope(impatient) as session:
                write_first(session)
                session.execute(text("INSERT INTO t VALUES (1)"))
            waited = time.monotonic() - began
            assert 0.3 <= waited < 5
            gate = write_gate._gates[str(path.resolve())]
            assert gate.holders == 0 and gate.locked is None
            assert _held_elsewhere(path)  # still the child's
            done.set()
            child.join(30)
            with session_scope(impatient) as session:
                write_first(session)
                session.execute(text("INSERT INTO t VALUES (1)"))
    finally:
        impatient.dispose()
    with engine.connect() as connection:
        assert sorted(connection.execute(text("SELECT x FROM t")).scalars()) == [1, 2]
    assert not _held_elsewhere(path)


def test_none_in_memory() -> None:
    engine = connect("sqlite://")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE analysis_work (thread_id INTEGER, holder TEXT)"))
    with session_scope(engine) as session:
        write_first(session)
        assert write_gate.HELD not in session.connection().info


def _writes_without_the_gate(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write goes on, the gate not held (the busy timeout alone), and is stored."""
    with session_scope(engine) as session:
        write_first(session)
        session.execute(text("INSERT INTO t VALUES (1)"))
        assert write_gate.HELD not in session.connection().info
    monkeypatch.undo()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 1


def test_a_gate_file_that_cannot_be_made_leaves_the_busy_timeout(
        database: tuple[Engine, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    engine, _ = database

    def refused(_database: Path) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(write_gate, "_open", refused)
    _writes_without_the_gate(engine, monkeypatch)


def test_a_file_system_without_flock_leaves_the_busy_timeout(
        database: tuple[Engine, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """flock refused (an NFS mount without its lock daemon: ENOLCK, for the unlock
    too): the transaction goes on without the gate, nothing unlocked that was never
    locked."""
    engine, _ = database

    def no_locks(_fd: int, _operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(write_gate.fcntl, "flock", no_locks)
    _writes_without_the_gate(engine, monkeypatch)


def test_the_gate_file_is_closed_with_the_last_engine_of_its_database(tmp_path: Path) -> None:
    """A process that opens many databases (a test run) keeps no descriptor of each."""
    path = tmp_path / "many.db"
    engine = _new_database(path)
    second = connect(f"sqlite:///{path}")  # two engines of one database share its gate
    with session_scope(engine) as session:
        write_first(session)
    key = str(path.resolve())
    fd = write_gate._gates[key].fd
    engine.dispose()
    del engine, session
    gc.collect()
    assert key in write_gate._gates  # the second engine may still take it
    with session_scope(second) as session:
        write_first(session)
    second.dispose()
    del second, session
    gc.collect()
    assert key not in write_gate._gates
    # Its descriptor closed (or taken since by another file).
    assert not os.path.exists(f"/proc/self/fd/{fd}") or os.path.realpath(
        f"/proc/self/fd/{fd}") != str(write_gate.gate_path(path.resolve()))


def test_two_databases_have_a_gate_each(database: tuple[Engine, Path], tmp_path: Path) -> None:
    engine, path = database
    other_path = tmp_path / "other.db"
    other = _new_database(other_path)
    with session_scope(engine) as session:
        write_first(session)
        assert _held_elsewhere(path)
        with session_scope(other) as second:
            write_first(second)  # not the first database's gate: no wait
            assert _held_elsewhere(other_path)
        assert not _held_elsewhere(other_path) and _held_elsewhere(path)
    other.dispose()
