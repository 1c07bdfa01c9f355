"""``store/bulk.insert_rows`` (COPY on PostgreSQL, sqlite3's executemany on SQLite) stores
what SQLAlchemy's executemany INSERT stores.

* Random messages (any text, addresses and references as JSON, dates in any zone,
  NULLs, values left to their Python defaults) written both ways into one database
  read back the same in every column, as the server renders them (SQLite: ``quote``,
  which shows each value's storage class too).
* Importing and analysing the sample archive with insert_rows and with INSERT everywhere
  stores the same messages, references, items, shares, topics, entities and overlap
  terms (compared as tests/test_analysis_parallel.py compares two runs).
* A row the server refuses raises the SQLAlchemy exception the INSERT raises, so ingest
  still stores the rest of the batch one by one; on PostgreSQL an ``int`` too large for
  its column is refused too (psycopg's binary dump would wrap it around).
* On PostgreSQL every table an import and its analysis copy into is copied in the
  binary format (the server's CPU, issue 17).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, Table, insert, select, text
from sqlalchemy.exc import DataError, IntegrityError

from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.store import bulk
from iscg_mailbot.store.bulk import insert_rows
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.messages import ensure_list
from iscg_mailbot.store.models import Message, MessageReference
from tests.test_analysis_parallel import _fresh, stored_analysis

MESSAGES = cast(Table, Message.__table__)
# Any character PostgreSQL keeps in text (not NUL), surrogates excluded.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=60)
_DATES = st.one_of(st.none(), st.builds(
    lambda base, minutes: base.replace(tzinfo=timezone(timedelta(minutes=minutes))),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)),
    st.integers(-14 * 60, 14 * 60)))
_ADDRESSES = st.lists(st.fixed_dictionaries({"name": _TEXT, "address": _TEXT}), max_size=3)


@st.composite
def _messages(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(2, 6))
    ids = draw(st.lists(_TEXT.filter(bool), min_size=count, max_size=count, unique=True))
    return [{
        "message_id": mid,
        "synthetic_id": draw(st.booleans()),
        "in_reply_to": draw(st.one_of(st.none(), _TEXT)),
        "references": draw(st.lists(_TEXT, max_size=4)),
        "sender_name": draw(_TEXT),
        "sender_address": draw(_TEXT),
        "to_addresses": draw(_ADDRESSES),
        "cc_addresses": draw(_ADDRESSES),
        "date": draw(_DATES),
        "utc_offset_minutes": draw(st.one_of(st.none(), st.integers(-900, 900))),
        # "Re:" and friends decide is_reply, left to its Python default
        "subject": draw(st.one_of(_TEXT, _TEXT.map(lambda s: "Re: " + s))),
        "normalised_subject": draw(_TEXT),
        "body_text": draw(st.one_of(_TEXT, _TEXT.map(lambda s: s * 200))),  # past TOAST
        "new_text": draw(_TEXT),
        "forwarded_text": draw(_TEXT),
        "auto_submitted": draw(st.booleans()),
        "quoted_text": draw(_TEXT),
        "signature": draw(_TEXT),
        "attachments": draw(st.lists(st.fixed_dictionaries(
            {"filename": _TEXT, "content_type": _TEXT, "size": st.integers(0, 2**31 - 1)}),
            max_size=2)),
        "raw_size": draw(st.integers(0, 2**31 - 1)),
        "defects": draw(st.lists(_TEXT, max_size=2)),
        "source_mailbox": draw(st.one_of(st.none(), _TEXT)),
        "source_uidvalidity": draw(st.one_of(st.none(), st.integers(0, 2**63 - 1))),
        "source_uid": draw(st.one_of(st.none(), st.integers(0, 2**63 - 1))),
        "source_path": draw(st.one_of(st.none(), _TEXT)),
    } for mid in ids]


def _stored(engine: Engine, list_id: int) -> list[tuple[str, ...]]:
    """Every column but the key, the list and the time of writing, as the database's text
    (SQLite's ``quote``: text, integer, real and blob are told apart)."""
    names = [c.name for c in MESSAGES.columns if c.name not in {"id", "list_id", "stored_at"}]
    as_text = ('quote("{}")' if engine.dialect.name == "sqlite" else '"{}"::text').format
    columns = ", ".join(as_text(name) for name in names)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(
            f"SELECT {columns} FROM messages WHERE list_id = :list ORDER BY id"),
            {"list": list_id})]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_messages())
def test_copy_stores_what_insert_stores(engine: Engine, rows: list[dict[str, Any]]) -> None:
    with session_scope(engine) as session:
        by_copy = ensure_list(session, "copy", "copy@example.org").id
        by_insert = ensure_list(session, "insert", "insert@example.org").id
        session.execute(text("DELETE FROM messages"))
    before = datetime.now(UTC)
    with session_scope(engine) as session:
        insert_rows(session, MESSAGES, [{"list_id": by_copy, **row} for row in rows])
        session.execute(insert(MESSAGES), [{"list_id": by_insert, **row} for row in rows])
    assert _stored(engine, by_copy) == _stored(engine, by_insert)
    with engine.connect() as connection:
        written = connection.execute(select(Message.stored_at).where(
            Message.list_id == by_copy)).scalars().all()
    assert len(written) == len(rows) and all(before <= at <= datetime.now(UTC) for at in written)


def test_a_refused_row_raises_what_the_insert_raises(engine: Engine) -> None:
    with session_scope(engine) as session:
        list_id = ensure_list(session, "refused", "refused@example.org").id
    row = {"list_id": list_id, "message_id": "a@x", "subject": "s"}
    with pytest.raises(IntegrityError), session_scope(engine) as session:
        insert_rows(session, MESSAGES, [row, row])  # the same Message-ID twice
    if engine.dialect.name == "postgresql":  # SQLite keeps a NUL in text
        with pytest.raises(DataError), session_scope(engine) as session:
            insert_rows(session, MESSAGES,
                        [row, {**row, "message_id": "b@x", "subject": "\x00"}])
        for column, value in (("raw_size", 2**31), ("raw_size", -2**31 - 1),
                              ("utc_offset_minutes", 2**40), ("source_uid", 2**63)):
            with pytest.raises(DataError), session_scope(engine) as session:
                insert_rows(session, MESSAGES, [{**row, column: 0},
                                                {**row, "message_id": "b@x", column: value}])
    with session_scope(engine) as session:
        assert session.scalar(select(Message.id).where(Message.list_id == list_id)) is None


def _import_and_analyse(url: str) -> dict[str, Any]:
    app = _fresh(url)
    try:
        import_archive(app, sample_archive(), batch_size=50)
        assert analyse_pending(app).failed == []
        with app.engine.connect() as connection:
            mids = dict(connection.execute(select(Message.id, Message.message_id)).all())
            references = sorted((mids[pk], ref) for pk, ref in connection.execute(
                select(MessageReference.message_pk, MessageReference.referenced_id)))
            keys = sorted(mids)
            lists = connection.execute(select(Message.list_id).distinct()).scalars().all()
        messages = _stored(app.engine, lists[0])
    finally:
        app.close()
    return {**stored_analysis(url), "references": references, "keys": keys,
            "messages": messages}


def test_import_and_analysis_store_the_same_rows_by_copy_and_by_insert(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    by_copy = _import_and_analyse(db_url)
    monkeypatch.setattr(bulk, "MIN_COPY_ROWS", 10**9)
    by_insert = _import_and_analyse(db_url)
    assert by_copy["keys"] and by_copy["action_items"] and by_copy["references"]
    assert by_copy == by_insert


@given(_DATES)
def test_sqlite_datetime_text_is_sqlalchemys(value: datetime | None) -> None:
    """The UTC datetime written directly on SQLite (``bulk._binder``) is the text
    UTCDateTime then SQLite's DATETIME give, for dates in any zone and None; a naive
    datetime is refused as before."""
    from sqlalchemy.dialects import sqlite

    from iscg_mailbot.store.types import UTCDateTime

    dialect = sqlite.dialect()
    own = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    fast = bulk._binder(UTCDateTime(), dialect)
    assert own is not None and fast is not None and fast is not own
    assert fast(value) == own(value)
    with pytest.raises(ValueError, match="naive"):
        fast(datetime(2026, 1, 1, 12, 0))

def test_the_import_copies_in_binary_on_postgresql(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("COPY is PostgreSQL's")
    import psycopg

    statements: list[str] = []
    copy = psycopg.Cursor.copy

    def recorded(self: psycopg.Cursor[Any], statement: str, *args: Any, **kwargs: Any) -> Any:
        statements.append(statement)
        return copy(self, statement, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "copy", recorded)
    _import_and_analyse(db_url)
    tables = {statement.split('"')[1] for statement in statements}
    assert {"messages", "message_references", "action_items", "thread_topics",
            "thread_overlap_terms"} <= tables
    assert all(statement.endswith("FROM STDIN (FORMAT BINARY)") for statement in statements)


def test_json_columns_are_copied_as_their_text_on_postgresql(
        db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import's and the analysis's JSON columns reach the binary COPY as JSON text
    (psycopg's JSON dumper, a ``Json`` wrapper a value, is not called for them), and
    store what the INSERT stores (the test above, with the same monkeypatching)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("COPY is PostgreSQL's")
    from psycopg.types import json as psycopg_json

    dumped: list[Any] = []  # what psycopg's JSON dumper got inside a COPY
    inside = [False]
    dump = psycopg_json._JsonDumper.dump

    def counted(self: Any, obj: Any) -> Any:
        if inside[0]:
            dumped.append(obj)
        return dump(self, obj)

    copied: list[str] = []
    copy = bulk._copy

    def recorded(driver: Any, statement: str, rows: Any, types: Any) -> None:
        copied.append(statement)
        inside[0] = True
        try:
            copy(driver, statement, rows, types)
        finally:
            inside[0] = False

    monkeypatch.setattr(psycopg_json._JsonDumper, "dump", counted)
    monkeypatch.setattr(bulk, "_copy", recorded)
    stored = _import_and_analyse(db_url)
    assert any(s.startswith('COPY "messages"') for s in copied)
    assert any(s.startswith('COPY "thread_overlap_terms"') for s in copied)
    assert stored["messages"]
    assert dumped == []


def test_rows_values_picked_as_each_name_reads_them() -> None:
    """The given values of a row, picked by one getter, in the order and form of the
    names read one by one: rows of several names (the references: nothing converted, so
    tuples as they are) and of one name (a getter of one name gives the bare value)."""
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    references = cast(Table, MessageReference.__table__)
    rows = [{"message_pk": pk, "referenced_id": f"<{pk}@x>"} for pk in range(3)]
    names, values = bulk._values(references, dialect, rows)
    assert names[:2] == ["message_pk", "referenced_id"]
    assert [list(row) for row in values] == [[row[n] for n in names] for row in rows]
    single = [{"message_pk": pk} for pk in range(3)]
    names, values = bulk._values(references, dialect, single)
    assert [list(row)[:1] for row in values] == [[pk] for pk in range(3)]
