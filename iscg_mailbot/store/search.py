"""Full-text search over messages: SQLite FTS5 on SQLite, tsvector + GIN on PostgreSQL.

The index covers each message's subject and new text (quotes left out, so a reply does
not match for the words it quotes). This module is the one home of its SQL: migration
0005 creates and fills it with :data:`SHAPE_0005` (:class:`IndexShape` says why that is
safe); :func:`index_messages` adds each stored batch,
:func:`ensure_search_index` re-creates the index if it was dropped (it is derived data,
rebuilt from ``messages`` by :func:`index_missing`). It is not in the SQLAlchemy models:
an FTS5 virtual table and its shadow tables cannot be described there, so
``migrations/env.py`` leaves ``search_messages*`` out of autogenerate's comparisons.

    >>> index_messages(session, new_message_ids)            # doctest: +SKIP
    >>> [hit.subject for hit in search(session, "spectrum sharing", limit=3)]  # doctest: +SKIP

Any user string is accepted, and both engines read it the same way (English stemming:
"liaisons" finds "liaison"): see :mod:`iscg_mailbot.store.search_query`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ARRAY,
    ColumnClause,
    Connection,
    Integer,
    TextClause,
    bindparam,
    column,
    select,
    text,
)

from iscg_mailbot.store.chunks import chunks
from iscg_mailbot.store.search_query import clean_query, fts5_query, tsquery
from iscg_mailbot.store.tables import messages as message_table
from iscg_mailbot.store.types import UTCDateTime

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TABLE = "search_messages"
_SNIPPET_WORDS = 16


@dataclass(frozen=True)
class SearchHit:
    """One message found, best first; ``snippet`` marks the matched words [like this]."""

    message_pk: int
    message_id: str
    thread_id: int | None
    subject: str
    sender: str
    date: datetime | None
    snippet: str
    rank: float


def _dialect(session: Session | Connection) -> str:
    if isinstance(session, Connection):
        return session.dialect.name
    return session.get_bind().dialect.name


@dataclass(frozen=True)
class IndexShape:
    """The statements creating and filling one shape of the index, per dialect.

    Why a migration may import these from here: a revision must keep doing what it did
    when it was written, whatever the code becomes. So each shape is a constant named
    after the revision that introduced it and never edited once released (a test pins
    :data:`SHAPE_0005`'s text); a new shape is a new constant, plus a revision that drops
    the table and runs it, and :data:`CURRENT_SHAPE` moves to it. The statements only
    name columns of ``messages`` that existed at their revision, so a fresh upgrade
    replays them on the schema they were written for. The alternative (the SQL in the
    migration, imported from there by this module) would make the running code import a
    migration script, which Alembic loads by path (``0005_search_index`` is no module
    name), and the store would then follow whatever the newest revision happens to say.
    """

    create: Mapping[str, tuple[str, ...]]  # dialect -> statements
    fill: Mapping[str, str]  # dialect -> INSERT ... SELECT with a {condition} slot
    cap: int  # characters of new text indexed per message, bound as :cap

    def create_statements(self, dialect: str) -> list[str]:
        """The statements creating the (empty) index on ``dialect`` ("sqlite" or
        "postgresql"; any other is treated as SQLite)."""
        return list(self.create.get(dialect, self.create["sqlite"]))

    def fill_statement(self, dialect: str, where: str = "") -> str:
        """The statement indexing the messages selected by ``where`` (a SQL condition on
        ``messages``; all of them when empty), replacing what the index held for them.
        The new text is cut to ``:cap`` characters (bind :attr:`cap`)."""
        condition = f" WHERE {where}" if where else ""
        return self.fill.get(dialect, self.fill["sqlite"]).format(condition=condition)


#: The index of revision 0005. Frozen: migration 0005 runs it (see :class:`IndexShape`).
SHAPE_0005 = IndexShape(
    create={
        "postgresql": (
            (f"CREATE TABLE IF NOT EXISTS {TABLE} ("
             " message_pk BIGINT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
             " document TSVECTOR NOT NULL)"),
            f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_document ON {TABLE} USING GIN (document)",
        ),
        # Porter stemming over unicode61 (accents folded) is the closest match to
        # PostgreSQL's 'english' configuration.
        "sqlite": (
            (f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
             "subject, body, tokenize = 'porter unicode61 remove_diacritics 2')"),
        ),
    },
    fill={
        "postgresql": (
            f"INSERT INTO {TABLE} (message_pk, document) "
            "SELECT id, setweight(to_tsvector('english', coalesce(subject, '')), 'A') || "
            "setweight(to_tsvector('english', left(coalesce(new_text, ''), :cap)), 'B') "
            "FROM messages{condition} "
            "ON CONFLICT (message_pk) DO UPDATE SET document = EXCLUDED.document"
        ),
        "sqlite": (
            f"INSERT OR REPLACE INTO {TABLE} (rowid, subject, body) "
            "SELECT id, coalesce(subject, ''), substr(coalesce(new_text, ''), 1, :cap) "
            "FROM messages{condition}"
        ),
    },
    # A tsvector holds at most 1 MB.
    cap=200_000,
)
#: The shape the running code keeps up to date (the newest revision's).
CURRENT_SHAPE = SHAPE_0005
#: Characters of new text indexed per message.
MAX_TEXT = CURRENT_SHAPE.cap


def ensure_search_index(session: Session | Connection) -> bool:
    """Create the index structures if missing (migration 0005 made them; this puts back
    an index someone dropped); True when they were just created."""
    dialect = _dialect(session)
    if dialect == "postgresql":
        exists = session.execute(text("SELECT to_regclass(:name)"), {"name": TABLE}).scalar()
    else:
        exists = session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": TABLE},
        ).first()
    if exists is not None:
        return False
    for statement in CURRENT_SHAPE.create_statements(dialect):
        session.execute(text(statement))
    if dialect == "postgresql":
        _compress_like_the_bodies(session)
    return True


def _compress_like_the_bodies(session: Session | Connection) -> None:
    """Give a re-created index the compression revision 0025 gave the message bodies
    (lz4 where the server has it), so a rebuilt index is not pglz again."""
    method = session.execute(text(
        "SELECT attcompression FROM pg_attribute"
        " WHERE attrelid = 'messages'::regclass AND attname = 'body_text'"
    )).scalar()
    if method == "l":
        session.execute(text(f"ALTER TABLE {TABLE} ALTER COLUMN document SET COMPRESSION lz4"))


def index_messages(session: Session | Connection, message_ids: Collection[int]) -> int:
    """Add (or refresh) these messages in the index; indexing twice changes nothing."""
    ensure_search_index(session)
    ids = sorted(set(message_ids))
    statement = _fill(_dialect(session))
    for chunk in chunks(ids):
        session.execute(statement, {"ids": chunk, "cap": MAX_TEXT})
    return len(ids)


@cache
def _fill(dialect: str) -> TextClause:
    """The fill statement for a chunk of ids, built once a dialect: on PostgreSQL the ids
    are one array (``= ANY``, as ``store/chunks.among`` selects), so the statement is
    the same text every batch and psycopg does not dump 500 parameters (issue 17)."""
    if dialect == "postgresql":
        return text(CURRENT_SHAPE.fill_statement(dialect, "id = ANY(:ids)")).bindparams(
            bindparam("ids", type_=ARRAY(Integer)))
    return text(CURRENT_SHAPE.fill_statement(dialect, "id IN :ids")).bindparams(
        bindparam("ids", expanding=True))


def index_missing(session: Session | Connection) -> int:
    """Index every stored message the index does not hold yet; return how many."""
    ensure_search_index(session)
    key = "message_pk" if _dialect(session) == "postgresql" else "rowid"
    missing = session.execute(text(
        f"SELECT id FROM messages WHERE id NOT IN (SELECT {key} FROM {TABLE})"
    )).scalars().all()
    return index_messages(session, missing) if missing else 0


# --- search -----------------------------------------------------------------------------

# Typed result columns, so that dates come back as aware datetimes on both databases.
_COLUMNS: tuple[ColumnClause[Any], ...] = (column("id"), column("message_id"), column("thread_id"), column("subject"),
            column("sender_name"), column("sender_address"), column("date", UTCDateTime()),
            column("rank"), column("snippet"))


def _hit(row: object) -> SearchHit:
    mapping = row._mapping  # type: ignore[attr-defined]
    sender = mapping["sender_name"] or mapping["sender_address"] or ""
    return SearchHit(
        message_pk=mapping["id"],
        message_id=mapping["message_id"],
        thread_id=mapping["thread_id"],
        subject=mapping["subject"] or "",
        sender=sender,
        date=mapping["date"],
        snippet=" ".join((mapping["snippet"] or "").split()),
        rank=float(mapping["rank"]),
    )


#: How many matching messages a search finds at most: the newest (last stored) ones,
#: ranked. A word found in more messages than this (at 100,000 messages, "meeting" is in
#: 40,000) finds the best of its newest RESULT_WINDOW messages, as a web search engine
#: stops at some thousands of results (Elasticsearch's max_result_window): ranking every
#: match is the whole cost of such a search (FTS5's bm25: ~30 ms for 40,000 matches,
#: ~5 ms for 5,000), nobody pages through thousands of hits, and a word in that many
#: messages says little about which one is best. A list of a few thousand messages never
#: reaches it; elsewhere, more words narrow the search.
RESULT_WINDOW = 5000


def search(session: Session | Connection, words: str, limit: int = 20, *, offset: int = 0,
           window: int = RESULT_WINDOW) -> list[SearchHit]:
    """Messages matching ``words``, best first, each with a snippet; [] for an empty query.

    ``offset`` skips that many hits (the pages after the first); snippets are made only for
    the hits returned. Only the newest ``window`` matches are found (see
    :data:`RESULT_WINDOW`).
    """
    words = clean_query(words)
    if ensure_search_index(session):
        index_missing(session)
    limit = max(1, min(int(limit), 1000))
    offset = max(0, int(offset))
    window = max(1, int(window))
    if offset >= window:
        return []
    limit = min(limit, window - offset)
    if _dialect(session) == "postgresql":
        return _search_postgresql(session, words, limit, offset, window)
    return _search_sqlite(session, words, limit, offset, window)


def count_matches(session: Session | Connection, words: str, at_most: int | None = None) -> int:
    """How many messages match ``words`` (0 for a query that asks for nothing), counting
    no further than ``at_most`` when given (a bounded count reads only that many)."""
    words = clean_query(words)
    if ensure_search_index(session):
        index_missing(session)
    cap = "" if at_most is None else f" LIMIT {max(0, int(at_most))}"
    if _dialect(session) == "postgresql":
        compiled = tsquery(words)
        if compiled is None:
            return 0
        expression, values = compiled
        return int(session.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} "
            f"WHERE document @@ ({expression}){cap}) AS found"), values).scalar_one())
    match = fts5_query(words)
    if match is None:
        return 0
    return int(session.execute(text(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH :expression{cap}) "
        "AS found"), {"expression": match}).scalar_one())


def _search_postgresql(session: Session | Connection, words: str, limit: int, offset: int,
                       window: int) -> list[SearchHit]:
    compiled = tsquery(words)
    if compiled is None:
        return []
    expression, values = compiled
    # The newest matches are chosen by key alone (a narrow sort), then ranked: carrying
    # each match's tsvector through that sort spilled it to disk.
    rows = session.execute(text(
        f"WITH q AS (SELECT {expression} AS query), "
        f"newest AS (SELECT s.message_pk FROM {TABLE} s, q WHERE s.document @@ q.query "
        "ORDER BY s.message_pk DESC LIMIT :window), "
        "hits AS (SELECT s.message_pk, ts_rank_cd(s.document, q.query) AS rank "
        f"FROM newest JOIN {TABLE} s ON s.message_pk = newest.message_pk, q "
        "ORDER BY rank DESC, s.message_pk LIMIT :limit OFFSET :offset) "
        "SELECT m.id, m.message_id, m.thread_id, m.subject, m.sender_name, "
        "m.sender_address, m.date, hits.rank, "
        "ts_headline('english', left(coalesce(m.new_text, ''), 20000), q.query, "
        f"'StartSel=[, StopSel=], MaxWords={_SNIPPET_WORDS}, MinWords=6, MaxFragments=1') "
        "AS snippet FROM hits JOIN messages m ON m.id = hits.message_pk, q "
        "ORDER BY hits.rank DESC, m.id"
    ).columns(*_COLUMNS), {**values, "limit": limit, "offset": offset, "window": window}).all()
    return [_hit(row) for row in rows]


def _search_sqlite(session: Session | Connection, words: str, limit: int, offset: int,
                   window: int) -> list[SearchHit]:
    match = fts5_query(words)
    if match is None:
        return []
    # The oldest message of the window: walking the matches newest first without ranking
    # them is cheap (0.3 ms for 5,000 of them); None when all of them fit.
    oldest = session.execute(text(
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :expression "
        "ORDER BY rowid DESC LIMIT 1 OFFSET :skip"
    ), {"expression": match, "skip": window - 1}).scalar()
    ranked = session.execute(text(
        f"SELECT rowid, bm25({TABLE}, 3.0, 1.0) FROM {TABLE} WHERE {TABLE} MATCH :expression "
        "AND rowid >= :oldest "
        f"ORDER BY bm25({TABLE}, 3.0, 1.0), rowid LIMIT :limit OFFSET :offset"
    ), {"expression": match, "oldest": oldest or 0, "limit": limit, "offset": offset}).all()
    if not ranked:
        return []
    ids = [pk for pk, _ in ranked]
    # Snippets for the rows returned only: snippet() on every match of a common word
    # would cost more than the ranking itself. The snippet comes from the body, as on
    # PostgreSQL: the subject is shown beside it.
    snippets: dict[int, str] = {pk: snippet for pk, snippet in session.execute(text(
        f"SELECT rowid, snippet({TABLE}, 1, '[', ']', '…', {_SNIPPET_WORDS}) FROM {TABLE} "
        f"WHERE {TABLE} MATCH :expression AND rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True)), {"expression": match, "ids": ids})}
    message = message_table.c  # Core: `search` runs on a connection, without the ORM
    messages = {row.id: row for row in session.execute(
        select(message.id, message.message_id, message.thread_id, message.subject,
               message.sender_name, message.sender_address, message.date)
        .where(message.id.in_(ids)))}
    return [
        SearchHit(
            message_pk=pk, message_id=row.message_id, thread_id=row.thread_id,
            subject=row.subject or "", sender=row.sender_name or row.sender_address or "",
            date=row.date, snippet=" ".join((snippets.get(pk) or "").split()),
            rank=-float(score),
        )
        for pk, score in ranked
        if (row := messages.get(pk)) is not None  # else indexed, then removed from messages
    ]
