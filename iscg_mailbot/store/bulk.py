"""Many new rows of one table in one statement: ``COPY`` on PostgreSQL, the driver's own
executemany ``INSERT`` on SQLite.

Why: an executemany ``INSERT`` is one statement a row on the server (psycopg pipelines
them, but each is bound, planned and executed on its own) and, on the client, one set of
SQLAlchemy parameters a row. A 20,000-message import sends 103,000 reference rows, 20,000
messages and the analysis' items that way; ``COPY ... FROM STDIN`` sends each batch as one
stream (measured on 4,000 messages and 20,000 references: the client's CPU 0.38 -> 0.15 s,
the server's 0.53 -> 0.42 s).

The rows stored are the ones the ``INSERT`` would store, value for value: each value goes
through its column type's own bind processing for the dialect (the JSON text, the UTC
datetimes of :class:`~iscg_mailbot.store.types.UTCDateTime`) and psycopg's adapters, as
a parameter would; the keys are taken from the table's sequence in row order, as the
``INSERT`` takes them; columns left out get their Python-side default exactly as
SQLAlchemy computes it for an ``INSERT`` (scalar or callable, given the row's
parameters), and their server default otherwise. A value the server refuses raises the
same SQLAlchemy exception class (``IntegrityError``, ``DataError``...) as the ``INSERT``
would, so callers that store row by row after a refused batch keep working.
``tests/test_store_bulk.py`` holds it to the ``INSERT`` on random rows.

On PostgreSQL the stream is in ``COPY``'s binary format when every column written has
a type of :data:`_BINARY` (all the import's tables do): the server then reads each value
by its length instead of scanning the text for escapes and parsing numbers and dates
(measured on the 20k corpus' 19,985 messages: the server's CPU 1.2 -> 0.82 s, the
client's 0.33 -> 0.08-0.2 s; the overlap terms 0.23 -> 0.17 s), and the same checks
apply: the column's binary input validates the text's encoding (a NUL is refused as in
an ``INSERT``), the JSON and a ``VARCHAR``'s length. psycopg writes an ``int``
too large for a 2- or 4-byte column wrapped around rather than refusing it, so integer
columns are checked here (:func:`_out_of_range`) and refused with the server's error.

On SQLite the same values go to ``sqlite3``'s ``executemany`` (one prepared ``INSERT``
stepped a row at a time, as SQLAlchemy's executemany does): SQLAlchemy built a
parameter dict a row and ran every value through its processor one by one, about
three quarters of the CPU of writing a 20,000-message import's 123,000 message and
reference rows (issue 17).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import closing
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Dialect, Insert, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from iscg_mailbot.store.json_lists import json_text_binder, list_binder
from iscg_mailbot.store.types import UTCDateTime
from iscg_mailbot.store.versions import note_write

#: Fewer rows than this go as SQLAlchemy's ``INSERT``: a ``COPY`` costs a round trip more
#: to start (and one row gains nothing from the driver's executemany).
MIN_COPY_ROWS = 2


class _Parameters:
    """What a column default callable is given: SQLAlchemy's execution context offers
    the row's parameters through ``get_current_parameters``; no default here reads more."""

    def __init__(self, row: Mapping[str, Any]) -> None:
        self._row = row

    def get_current_parameters(self) -> Mapping[str, Any]:
        return self._row


def _defaults(table: Table, given: Sequence[str]) -> dict[str, Any]:
    """Column name -> its Python-side default (``ColumnDefault``), for the columns not
    given; a default only an INSERT can compute (SQL, a sequence) raises ValueError."""
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.name in given or default is None:
            continue
        if not (getattr(default, "is_scalar", False) or getattr(default, "is_callable", False)):
            raise ValueError(f"{table.name}.{column.name}: give a value (its default is SQL)")
        found[column.name] = default
    return found


def _default_value(default: Any, row: Mapping[str, Any]) -> Any:
    """The value SQLAlchemy's INSERT computes from ``default`` for ``row``."""
    if default.is_scalar:
        return default.arg
    return default.arg(_Parameters(row))  # SQLAlchemy wraps a no-argument callable too


@cache
def _insert(table: Table) -> Insert:
    """``insert(table)``, built once a table (SQLAlchemy then finds its compiled form
    without computing a new statement's cache key)."""
    return insert(table)


#: SQLAlchemy's SQLite DATETIME text (its default storage format), and the same with
#: positional fields.
_SQLITE_DATETIME = ("%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:"
                    "%(second)02d.%(microsecond)06d")
_DATETIME_TEXT = "%04d-%02d-%02d %02d:%02d:%02d.%06d"


def _binder(column_type: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processing for ``dialect``; on SQLite, the JSON lists
    (``store/json_lists.py``) and the UTC datetimes written directly: the same text; on
    PostgreSQL, the JSON values as their text (:func:`_json_as_text`)."""
    impl: Any = column_type.dialect_impl(dialect)
    own: Callable[[Any], Any] | None = impl.bind_processor(dialect)
    if dialect.name == "postgresql":
        return json_text_binder(column_type, dialect, own) or own
    if dialect.name != "sqlite" or own is None:
        return own
    if (type(column_type) is UTCDateTime
            and getattr(impl.impl, "_storage_format", None) == _SQLITE_DATETIME):
        return _utc_text(own)
    return list_binder(column_type, dialect, own)


def _json_as_text(column_type: Any, dialect: Dialect) -> bool:
    """Whether :func:`_binder` gives this column's values as JSON text (a JSON column on
    PostgreSQL): then the binary ``COPY`` writes them with psycopg's text dumper, whose
    binary form is the same UTF-8 text its JSON dumper sends (``json``'s binary input is
    its text)."""
    impl: Any = column_type.dialect_impl(dialect)
    return json_text_binder(column_type, dialect, impl.bind_processor(dialect)) is not None


def _utc_text(own: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """What UTCDateTime then SQLite's DATETIME make of an aware datetime (UTC, written
    without its zone), in one call (~2.7 -> 1.2 µs a value); anything else (None, a
    naive datetime, which UTCDateTime refuses) goes to ``own``."""

    def bind(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is not None:
            value = value.astimezone(UTC)
            return _DATETIME_TEXT % (value.year, value.month, value.day, value.hour,
                                     value.minute, value.second, value.microsecond)
        return own(value)

    return bind


def _values(table: Table, dialect: Dialect, rows: Sequence[Mapping[str, Any]]
            ) -> tuple[list[str], Iterator[Sequence[Any]]]:
    """The column names to write and, lazily, each row's values in that order as the
    ``INSERT`` binds them: given ones, then the Python-side defaults of the others,
    each through its column type's bind processing for ``dialect``."""
    given = list(rows[0])
    defaults = _defaults(table, given)
    names = [*given, *defaults]
    processors = [_binder(table.c[name].type, dialect) for name in names]

    # Only the columns with a processor are visited (a reference row has none).
    processed = [(index, process) for index, process in enumerate(processors)
                 if process is not None]
    pending = list(defaults.values())
    # Each row's given values picked in C (a list comprehension a row cost 2-4x as much
    # over an import's 123,000 message and reference rows); a single name's getter
    # gives the bare value, not a tuple.
    pick = itemgetter(*given) if len(given) > 1 else None
    if pick is not None and not pending and not processed:
        return names, map(pick, rows)  # (the references: nothing to add or convert)

    def values() -> Iterator[Sequence[Any]]:
        for row in rows:
            raw = list(pick(row)) if pick is not None else [row[given[0]]]
            if pending:
                raw.extend([_default_value(default, row) for default in pending])
            for index, process in processed:
                raw[index] = process(raw[index])
            yield raw

    return names, values()


#: PostgreSQL column type -> the type psycopg writes a value as in a binary ``COPY``. A
#: ``json`` value is serialised as for the text format, and its binary form is that
#: text (the JSON columns' values come as that text already and are written as ``text``:
#: :func:`_json_as_text`); a ``VARCHAR``'s binary input applies its length as the text
#: input does. A table with a column of another type is copied as
#: text.
_BINARY = {"smallint": "int2", "integer": "int4", "bigint": "int8", "real": "float4",
           "double precision": "float8", "boolean": "bool", "text": "text",
           "character varying": "text", "json": "json", "date": "date",
           "timestamp with time zone": "timestamptz", "bytea": "bytea"}
#: The binary integer types and their bounds: psycopg's dumpers wrap an ``int`` out of
#: an ``int2``'s or ``int4``'s range around, and raise ``OverflowError`` (no database
#: error) past an ``int8``'s, where the server refuses the value sent as text.
_INT_BOUND = {"int2": 2**15, "int4": 2**31, "int8": 2**63}
_TYPES_KEY = "iscg_copy_types"


def _binary_types(connection: Connection, table: Table, names: Sequence[str]) -> list[str] | None:
    """The binary ``COPY`` type of each column in ``names`` as the server declares it
    (read once a table and connection), or None when one has no binary form here."""
    known: dict[str, dict[str, str]] = connection.info.setdefault(_TYPES_KEY, {})
    declared = known.get(table.name)
    if declared is None or not set(names) <= declared.keys():
        rows = connection.exec_driver_sql(
            "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute"
            " WHERE attrelid = %(table)s::regclass AND attnum > 0 AND NOT attisdropped",
            {"table": f'"{table.name}"'}).all()
        declared = known[table.name] = {name: kind for name, kind in rows}
    types = [_BINARY.get(declared.get(name, "")) for name in names]
    return None if None in types else cast(list[str], types)


def _out_of_range(value: Any, bound: int) -> bool:
    """Whether ``value`` (an ``int``, or None) does not fit the column of ``bound``."""
    return value is not None and not -bound <= value < bound


def _copy(driver: Any, statement: str, rows: Iterator[Sequence[Any]],
          types: list[str] | None) -> None:
    """Stream ``rows`` by ``statement`` (``COPY ... FROM STDIN``), in binary when
    ``types`` are given (then ``statement`` says ``FORMAT BINARY``)."""
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        if types is None:
            for row in rows:
                copy.write_row(row)
            return
        copy.set_types(types)
        bounded = [(n, _INT_BOUND[kind]) for n, kind in enumerate(types) if kind in _INT_BOUND]
        for row in rows:
            for n, bound in bounded:
                if _out_of_range(row[n], bound):
                    import psycopg

                    raise psycopg.errors.NumericValueOutOfRange(
                        f"{row[n]} is out of range for column {n + 1}")
            copy.write_row(row)


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name, all with the same keys) into ``table``
    in the session's transaction, as ``session.execute(insert(table), rows)`` would."""
    if not rows:
        return
    dialect = session.get_bind().dialect
    if dialect.name not in {"postgresql", "sqlite"} or len(rows) < MIN_COPY_ROWS:
        session.execute(_insert(table), list(rows))
        return
    session.flush()  # an INSERT through the session would flush pending objects first
    connection = session.connection()
    names, values = _values(table, dialect, rows)
    columns = ", ".join(f'"{name}"' for name in names)
    driver = connection.connection.driver_connection
    assert driver is not None
    sqlite = dialect.name == "sqlite"
    types = None if sqlite else _binary_types(connection, table, names)
    if types is not None:
        types = ["text" if kind == "json" and _json_as_text(table.c[name].type, dialect)
                 else kind for name, kind in zip(names, types, strict=True)]
    statement = (f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
                 if sqlite else f'COPY "{table.name}" ({columns}) FROM STDIN'
                 + ("" if types is None else " (FORMAT BINARY)"))
    try:
        if sqlite:
            with closing(driver.cursor()) as cursor:
                cursor.executemany(statement, values)
        else:
            _copy(driver, statement, values, types)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dialect.loaded_dbapi.Error) from exc
    note_write(connection, table.name)
