"""``store/json_lists.py``: the JSON list columns written and read on SQLite without
SQLAlchemy's JSON processors give the text ``json.dumps`` gives and the values
``json.loads`` gives, and the analysis's reads of messages use them (on SQLite only)."""

from __future__ import annotations

import json
import math
from typing import Any, cast

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import JSON, Engine, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store import analysis_rows
from iscg_mailbot.store.json_lists import (
    ListJSON,
    dumps,
    json_text_binder,
    list_binder,
    loads,
)
from iscg_mailbot.store.models import Message

# Any text, surrogates included (json escapes them), control characters, non-ASCII.
_TEXT = st.text(max_size=12)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), _TEXT,
                     st.floats(allow_nan=True, allow_infinity=True))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(_TEXT, inner, max_size=3)), max_leaves=12)
_LISTS = st.lists(_VALUES, max_size=6)


def _same(a: Any, b: Any) -> bool:
    """Equal, NaN equal to NaN (json reads "NaN" as a new float)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@given(_LISTS)
def test_dumps_is_json_dumps(value: list[Any]) -> None:
    assert dumps(value) == json.dumps(value)


@given(_LISTS)
def test_loads_is_json_loads(value: list[Any]) -> None:
    text = json.dumps(value)
    assert _same(loads(text), json.loads(text))


def test_loads_other_text_as_json_loads() -> None:
    for text in ('["a"] ', ' ["a"]', '{"a": 1}', '"[x"', "[1, 2]", "[]", "3"):
        assert loads(text) == json.loads(text)


@given(st.one_of(_LISTS, st.none(), st.dictionaries(_TEXT, _SCALARS, max_size=3), _TEXT))
def test_binder_is_sqlalchemys_on_sqlite(value: Any) -> None:
    dialect = sqlite.dialect()
    own = JSON().dialect_impl(dialect).bind_processor(dialect)
    fast = list_binder(JSON(), dialect, own)
    assert fast is not own  # the fast way is taken on SQLite
    assert fast is not None and own is not None
    assert fast(value) == own(value)


def test_binder_leaves_other_columns_and_postgresql() -> None:
    dialect = postgresql.psycopg.dialect()  # type: ignore[attr-defined]
    own = JSON().dialect_impl(dialect).bind_processor(dialect)
    assert list_binder(JSON(), dialect, own) is own
    lite = sqlite.dialect()
    assert list_binder(ListJSON(), lite, None) is None


@given(st.one_of(_LISTS, st.none(), st.dictionaries(_TEXT, _SCALARS, max_size=3), _TEXT,
                 st.just(JSON.NULL)))
def test_json_text_is_what_psycopg_sends_on_postgresql(value: Any) -> None:
    """The JSON text the bulk COPY writes on PostgreSQL is the bytes psycopg's JSON
    dumper sends for SQLAlchemy's bind value (None for SQL NULL)."""
    from psycopg.types.json import Json, JsonBinaryDumper

    dialect = postgresql.psycopg.dialect()  # type: ignore[attr-defined]
    own = JSON().dialect_impl(dialect).bind_processor(dialect)
    fast = json_text_binder(JSON(), dialect, own)
    assert own is not None and fast is not None
    wrapped = own(value)
    sent = None if wrapped is None else JsonBinaryDumper(Json).dump(wrapped)
    text = fast(value)
    assert (None if text is None else text.encode()) == sent
    nullable = JSON(none_as_null=True)
    to_null = json_text_binder(nullable, dialect,
                               nullable.dialect_impl(dialect).bind_processor(dialect))
    assert fast(None) == "null" and to_null is not None and to_null(None) is None


def test_json_text_only_for_postgresqls_json_columns() -> None:
    lite = sqlite.dialect()
    own = JSON().dialect_impl(lite).bind_processor(lite)
    assert json_text_binder(JSON(), lite, own) is None
    dialect = postgresql.psycopg.dialect()  # type: ignore[attr-defined]
    assert json_text_binder(ListJSON(), dialect, None) is None
    custom = postgresql.psycopg.dialect(json_serializer=str)  # type: ignore[attr-defined]
    assert json_text_binder(JSON(), custom, JSON().bind_processor(custom)) is None


def test_analysis_reads_the_same_lists(engine: Engine) -> None:
    """The chunk's messages read with the fast lists (SQLite) hold what the columns' own
    type reads, on the sample archive (references, To and Cc of every message)."""
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    table = cast(Table, Message.__table__)
    with app.session() as session:
        plain = {row.id: (row.references, row.to_addresses, row.cc_addresses)
                 for row in session.execute(select(table.c.id, table.c.references,
                                                   table.c.to_addresses, table.c.cc_addresses))}
        threads = list(session.scalars(select(table.c.thread_id).distinct()))
        read = analysis_rows.thread_messages(session, [t for t in threads if t is not None])
        by_id = analysis_rows.message_rows(session, list(plain))
    assert any(refs for refs, _to, _cc in plain.values())
    assert any(to for _refs, to, _cc in plain.values())
    for rows in (read.rows, by_id):
        assert rows
        for message, _address in rows:
            assert (message.references, message.to_addresses,
                    message.cc_addresses) == plain[message.id]


def test_sqlite_statement_uses_the_fast_lists() -> None:
    """Minimal pair: the SQLite statement's list columns are ListJSON, PostgreSQL's the
    column type (its driver decodes JSON)."""
    sqlite_columns = analysis_rows._threads_messages("sqlite").selected_columns
    other = analysis_rows._threads_messages("postgresql").selected_columns
    for name in ("references", "to_addresses", "cc_addresses"):
        assert isinstance(sqlite_columns[name].type, ListJSON)
        assert type(other[name].type) is JSON
