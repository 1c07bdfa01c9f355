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
from typing import Any

from sqlalchemy import Dialect, Insert, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from iscg_mailbot.store.json_lists import list_binder
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
    (``store/json_lists.py``) and the UTC datetimes written directly: the same text."""
    impl: Any = column_type.dialect_impl(dialect)
    own: Callable[[Any], Any] | None = impl.bind_processor(dialect)
    if dialect.name != "sqlite" or own is None:
        return own
    if (type(column_type) is UTCDateTime
            and getattr(impl.impl, "_storage_format", None) == _SQLITE_DATETIME):
        return _utc_text(own)
    return list_binder(column_type, dialect, own)


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
            ) -> tuple[list[str], Iterator[list[Any]]]:
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

    def values() -> Iterator[list[Any]]:
        for row in rows:
            raw = [row[name] for name in given]
            if pending:
                raw.extend([_default_value(default, row) for default in pending])
            for index, process in processed:
                raw[index] = process(raw[index])
            yield raw

    return names, values()


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
    statement = (f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
                 if sqlite else f'COPY "{table.name}" ({columns}) FROM STDIN')
    try:
        if sqlite:
            with closing(driver.cursor()) as cursor:
                cursor.executemany(statement, values)
        else:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in values:
                    copy.write_row(row)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dialect.loaded_dbapi.Error) from exc
    note_write(connection, table.name)
