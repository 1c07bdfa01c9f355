"""A data version: one counter that every commit changing what the pages show raises.

The website keeps rendered pages keyed by this number (``web/cache.py``): while it
stays the same, nothing a page reads has changed, whichever process wrote (the worker,
a command, another web worker). :func:`watch` makes every engine of :func:`connect
<iscg_mailbot.store.database.connect>` note each INSERT, UPDATE or DELETE it sends and,
when the transaction commits, raise ``data_versions.version`` in that same transaction:
readers see the new number exactly when they can see the new rows.

Why at commit and in the transaction, rather than a trigger or a sequence: a sequence
(or ``max(id)``) moves before the writer commits, so a reader could keep the old rows
under the new number for good; a row trigger on PostgreSQL would lock the counter from
the first write to the commit, making every writer wait for the worker's longest
transaction (and able to deadlock with it). Raised as the last statement before COMMIT,
the counter is locked for the commit only. Bookkeeping tables no page shows
(:data:`UNWATCHED`: locks, leases, sign-in requests) leave it alone, so the worker's
heartbeats do not empty the cache. Rows changed outside this code (an operator's
``sqlite3`` session, a restore) are not noticed: the cache forgets every page within a
minute anyway.

A second counter (:data:`THREADS`, revision 0026) moves only with the tables the
duplication watch reads: a commit that writes nothing but action items and the digest's
delivery bookkeeping (:data:`NOT_THREADS`: the chair closing an item, a digest sent)
leaves it alone, so the digest's kept overlaps (``services/overlap_cache.py``) stay
usable. It is the conservative side: a table not named there moves both counters.

>>> watch(engine)                               # doctest: +SKIP
>>> data_version(session)                       # doctest: +SKIP
41
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Select, event, select

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TABLE = "data_versions"
#: Tables written often that no page shows: writing them changes no page.
UNWATCHED = frozenset({TABLE, "alembic_version", "worker_locks", "analysis_work",
                       "sign_in_requests", "calendar_tokens",
                       # results kept under the data version itself: storing one is no change
                       "overlap_flag_cache"})
#: The counters of ``data_versions``: what the pages show (every watched table), and
#: what the duplication watch reads (every watched table but :data:`NOT_THREADS`).
PAGES = 1
THREADS = 2
#: Watched tables the duplication watch never reads: action items and their bookkeeping,
#: the digest's delivery records. A commit writing only these moves :data:`PAGES` only.
NOT_THREADS = frozenset({"action_items", "action_item_shares", "action_item_events",
                         "thread_open_items", "outbox", "digest_runs",
                         "sent_digest_copies"})
_CHANGED = "iscg_data_changed"
# The table an INSERT, UPDATE or DELETE writes to (as SQLAlchemy and this package's
# text() statements spell them); any other statement that may write (WITH ... UPDATE,
# TRUNCATE) counts as a change of some table.
_WRITE = re.compile(r'\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?'
                    r'|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
_MAYBE_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE|TRUNCATE|REPLACE)\b", re.IGNORECASE)
# The statement each level of change runs at commit (see :func:`_level`).
_BUMP = {PAGES: f"UPDATE {TABLE} SET version = version + 1 WHERE id = {PAGES}",
         THREADS: f"UPDATE {TABLE} SET version = version + 1 WHERE id IN ({PAGES}, {THREADS})"}


def changes_pages(statement: str) -> bool:
    """Whether ``statement`` may change a table some page reads.

    >>> changes_pages("UPDATE action_items SET status=? WHERE action_items.id = ?")
    True
    >>> changes_pages("INSERT INTO worker_locks (name) VALUES (?)"), changes_pages("SELECT 1")
    (False, False)
    """
    return _level(statement) > 0


def _level(statement: str) -> int:
    """0 when ``statement`` changes no watched table, :data:`PAGES` when it writes only
    a table of :data:`NOT_THREADS`, else :data:`THREADS` (a statement that may write
    without naming one table, such as TRUNCATE, counts as the widest change)."""
    found = _WRITE.match(statement)
    if found is not None:
        return _table_level(found.group(1))
    head = statement.lstrip()[:8].upper()
    if head.startswith("TRUNCATE") or (head.startswith("WITH")
                                       and _MAYBE_WRITE.search(statement) is not None):
        return THREADS
    return 0


def _table_level(table: str) -> int:
    name = table.lower()
    if name in UNWATCHED:
        return 0
    return PAGES if name in NOT_THREADS else THREADS


def note_write(connection: Connection, table: str) -> None:
    """Note a write to ``table`` that went past the cursor (PostgreSQL's ``COPY``, see
    ``store/bulk.py``), so that the commit raises the data versions as for an INSERT."""
    level = _table_level(table)
    if level > connection.info.get(_CHANGED, 0):
        connection.info[_CHANGED] = level


def watch(engine: Engine) -> None:
    """Raise the data version at each commit of ``engine`` that changed a watched table."""
    ready: list[bool] = []  # the table exists (checked once it matters, then remembered)

    def noted(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # Once the widest change is noted, no statement can widen it: skip the pattern.
        noted_level = conn.info.get(_CHANGED, 0)
        if noted_level < THREADS:
            level = _level(statement)
            if level > noted_level:
                conn.info[_CHANGED] = level

    def commit(conn: Any) -> None:
        level = conn.info.pop(_CHANGED, 0)
        if not level:
            return
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            if not ready and _table_exists(cursor, conn.dialect.name):
                ready.append(True)
            if ready:  # before migration 0019 (or during it) there is nothing to raise
                cursor.execute(_BUMP[level])
        finally:
            cursor.close()

    def forget(conn: Any) -> None:
        # A connection the server dropped is invalidated: touching its info would raise
        # PendingRollbackError inside the rollback, hiding the real error; its info
        # dictionary goes with the dead DBAPI connection anyway.
        if not conn.invalidated:
            conn.info.pop(_CHANGED, None)

    event.listen(engine, "before_cursor_execute", noted)
    event.listen(engine, "commit", commit)
    event.listen(engine, "rollback", forget)


def _table_exists(cursor: Any, dialect: str) -> bool:
    if dialect == "postgresql":
        cursor.execute(f"SELECT to_regclass('{TABLE}')")
    else:
        cursor.execute(f"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'")
    row = cursor.fetchone()
    return row is not None and row[0] is not None


def data_version(connection: Session | Connection, counter: int = PAGES) -> int | None:
    """The current data version (``counter``: :data:`PAGES` or :data:`THREADS`); None
    when the database has no such counter (then nothing may be kept). Read it before the
    data a page shows: the page is then at least as new as the number it is kept under."""
    return connection.scalar(_read_statement(counter))


@functools.cache
def _read_statement(counter: int) -> Select[int]:
    # Built at first use: every engine is watched (store/database.py imports this
    # module), but only the website and the digest's kept overlaps read the counter; a
    # query need not declare the website's tables (issue 17, start-up).
    from iscg_mailbot.store.models_web import DataVersion

    return select(DataVersion.version).where(DataVersion.id == counter)
