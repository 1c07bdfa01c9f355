"""SQLite: the processes that write one database file queue for its write lock in the
kernel instead of polling for it.

SQLite's busy timeout waits for another process's write lock by sleeping and trying
again, 1, 2, 5, 10, ... then 100 ms at a time: a writer that waits finds the lock free
on average ~50 ms after it was freed (up to 100 ms). In an import the importing process
and the analysis workers take the lock a few times a second each (a batch, a claim, a
chunk's write), and about a third of those waited, so the cores sat idle that long
each time (docs/performance-history.md, "perf-r11").

:func:`enter`, called where a transaction takes the write lock (``store/work.write_first``),
first takes an exclusive ``flock`` of a file beside the database (``<database>-writers``),
which the kernel hands to the next process the moment it is freed; the transaction's end
(commit or rollback) frees it. SQLite's own locking is unchanged and still what makes
writes safe: a writer that does not come through here (a chair's command) is waited for
with the busy timeout as before. Within one process nothing changes either: its threads
and nested sessions share the process's hold (a second session of the same thread must
not wait for the first, which cannot end meanwhile), and meet each other's SQLite locks
as before.

The wait is bounded like SQLite's own: a process that waits longer than the busy timeout
of its connection (``PRAGMA busy_timeout``, set in ``store/database.py``) gives up with
the error SQLite gives, an ``OperationalError`` "database is locked", and holds nothing,
so a holder that hangs (a stopped process, a debugger, a stuck file system) stops the
other writers no longer than it did before the gate, and their retries apply. The wait
itself stays the kernel's: a thread blocks in ``flock`` on a description of its own
(a lock of the shared one could not be given up once asked for), handed the lock the
moment it is freed; given up, that thread frees the lock as soon as it gets it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:  # not imported by the query commands, which need no ORM
    from sqlalchemy.orm import Session

try:
    import fcntl
except ImportError:  # no flock (Windows): SQLite's busy timeout alone, as before
    fcntl = None  # type: ignore[assignment]

#: The key of a connection's ``info`` while its transaction holds the gate.
HELD = "iscg_write_gate"
#: The gate file's name: the database file's, with this appended.
SUFFIX = "-writers"


@dataclass
class _Gate:
    """This process's open gate file of one database, and how many of its
    transactions hold it."""

    fd: int
    pid: int
    holders: int = 0
    #: The description whose ``flock`` this process holds: ``fd``, or the one a wait
    #: took it with (:class:`_Wait`); None while the first holder waits, or when the
    #: file system refused it: nothing to free then.
    locked: int | None = None


_gates: dict[str, _Gate] = {}
_mutex = threading.Lock()


def gate_path(database: Path) -> Path:
    """The gate file of a database file.

    >>> gate_path(Path("data/iscg.db"))
    PosixPath('data/iscg.db-writers')
    """
    return database.with_name(database.name + SUFFIX)


def _open(database: Path) -> _Gate:
    """This process's gate of ``database`` (reopened in a forked child: a description
    shared with the parent would share its lock)."""
    key = str(database)
    gate = _gates.get(key)
    if gate is not None and gate.pid == os.getpid():
        return gate
    if gate is not None:
        # The parent's: closing our copy frees nothing the parent holds (unlocking it
        # would). A child is forked with no transaction open, so it holds nothing.
        os.close(gate.fd)
        if gate.locked not in (None, gate.fd):
            os.close(gate.locked)
    fd = os.open(gate_path(database), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    gate = _gates[key] = _Gate(fd, os.getpid())
    return gate


def enter(info: dict[Any, Any], database: Path, timeout: Callable[[], float]) -> None:
    """Take the gate of ``database`` for the transaction whose connection ``info`` this
    is (again: nothing), waiting for another process that holds it up to ``timeout()``
    seconds (asked only then); longer: OperationalError "database is locked", as
    SQLite's busy timeout, with the gate not held."""
    if info.get(HELD) is not None:
        return
    with _mutex:
        try:
            gate = _open(database)
        except OSError:  # no file here (a folder we may not write): the busy timeout alone
            return
        gate.holders += 1
        first = gate.holders == 1
    if first:
        try:
            fd = _lock(gate, database, timeout)
        except OSError:  # no flock on this file system: the busy timeout alone
            _leave(gate)  # (which must not unlock what was never locked: that fails too)
            return
        except BaseException:
            _leave(gate)
            raise
        with _mutex:
            gate.locked = fd
    info[HELD] = gate


def _lock(gate: _Gate, database: Path, timeout: Callable[[], float]) -> int:
    """Lock the gate; the description that holds the lock."""
    try:
        fcntl.flock(gate.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # another process holds it: wait, in the kernel
        seconds = timeout()
        return _Wait(gate_path(database)).result(seconds)
    return gate.fd


class _Wait:
    """A blocking ``flock`` of a new description of the gate file, in a thread of its
    own, that can be given up: the lock, if it comes later, is freed at once."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
        self.state = threading.Lock()  # orders the thread's outcome and a giving up
        self.done = threading.Event()
        self.error: OSError | None = None
        self.got = self.abandoned = False
        threading.Thread(target=self._run, name="iscg-write-gate", daemon=True).start()

    def _run(self) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError as exc:
            error: OSError | None = exc
        else:
            error = None
        with self.state:
            if self.abandoned:
                self._close(error is None)
                return
            self.error, self.got = error, error is None
            if error is not None:
                os.close(self.fd)
        self.done.set()

    def _close(self, locked: bool) -> None:
        if locked:  # first: a forked child's copy of the description would keep it
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)

    def result(self, seconds: float) -> int:
        """The locked description, once the lock is ours within ``seconds``; else
        OperationalError "database is locked" (the thread frees the lock when it comes)."""
        try:
            self.done.wait(seconds)
        except BaseException:  # interrupted: give it up, or free what came meanwhile
            with self.state:
                if self.got:
                    self._close(True)
                elif self.error is None:
                    self.abandoned = True
            raise
        with self.state:
            if not self.got and self.error is None:
                self.abandoned = True
        if self.got:
            return self.fd
        if self.error is not None:
            raise self.error
        raise OperationalError(
            "write gate", None, sqlite3.OperationalError(
                f"database is locked (the write gate, held by another process for "
                f"{seconds:g} s, the busy timeout)"))


def leave(info: dict[Any, Any]) -> None:
    """Free the gate if this connection's transaction holds it (at its end)."""
    gate = info.pop(HELD, None)
    if gate is not None:
        _leave(gate)


def _leave(gate: _Gate) -> None:
    with _mutex:
        gate.holders -= 1
        if gate.holders == 0 and gate.locked is not None and gate.pid == os.getpid():
            fd, gate.locked = gate.locked, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            if fd != gate.fd:  # a wait's own description
                os.close(fd)


_databases: weakref.WeakKeyDictionary[Engine, Path] = weakref.WeakKeyDictionary()
#: How many live engines of this process watch each database (the ``_gates`` key).
_engines: dict[str, int] = {}


def _unwatched(key: str) -> None:
    """An engine of the database ``key`` is gone: close its gate file if it was the
    last (none of its transactions can hold the gate any more)."""
    with _mutex:
        _engines[key] -= 1
        if _engines[key] > 0:
            return
        del _engines[key]
        gate = _gates.get(key)
        if gate is not None and gate.holders == 0:
            del _gates[key]
            os.close(gate.fd)  # a forked child's copy: closing it frees nothing


def watch(engine: Engine, database: Path) -> None:
    """Let transactions of ``engine`` (on the SQLite file ``database``) take its gate
    (:func:`enter_session`), freed when each ends: after the commit or the rollback, not
    before as SQLAlchemy's ``commit`` event would (the next process, let in before the
    commit, would find SQLite's lock still taken and poll for it after all)."""
    if fcntl is None:
        return
    _databases[engine] = database = database.resolve()
    # The gate file is closed with the last engine of its database (a process that opens
    # many databases, a test run, kept one descriptor open for each until it exited).
    key = str(database)
    with _mutex:
        _engines[key] = _engines.get(key, 0) + 1
    weakref.finalize(engine, _unwatched, key)
    dialect = engine.dialect  # this engine's own
    dialect.do_commit = _then_leave(dialect.do_commit)  # type: ignore[method-assign,assignment]
    dialect.do_rollback = _then_leave(dialect.do_rollback)  # type: ignore[method-assign,assignment]
    # Whatever gives a connection back to the pool without either: never keep the gate.
    event.listen(engine.pool, "checkin", _checked_in)


def _then_leave(end: Callable[[Any], None]) -> Callable[[Any], None]:
    """``end`` (the dialect's commit or rollback of a pooled connection), then
    :func:`leave` of that connection's transaction."""
    def ended(connection: Any) -> None:
        try:
            end(connection)
        finally:
            try:
                info = connection.info
            except (AttributeError, NotImplementedError):  # the dialect's own, first
                info = None  # connection: no transaction of ours
            if info is not None:
                leave(info)
    return ended


def enter_session(session: Session) -> None:
    """:func:`enter` for the transaction of ``session``, if its engine is watched."""
    connection = session.connection()
    database = _databases.get(connection.engine)
    if database is not None:
        enter(connection.info, database, lambda: _busy_timeout(connection))


def _busy_timeout(connection: Any) -> float:
    """The busy timeout of ``connection``'s SQLite connection, in seconds: the gate
    waits no longer than SQLite would."""
    cursor = connection.connection.dbapi_connection.execute("PRAGMA busy_timeout")
    return float(cursor.fetchone()[0]) / 1000


def _checked_in(_dbapi_connection: Any, record: Any) -> None:
    if record is not None:
        leave(record.info)
