"""The JSON list columns (references, addresses, attachments, defects, the overlap terms'
parts) written and read without SQLAlchemy's JSON processors on SQLite: the same text
in, the same lists out, at a fraction of the CPU.

Why: an import writes five JSON lists a message (most of them empty) and its analysis
reads three back. ``json.dumps`` and ``json.loads`` are Python functions around the C
encoder and scanner (argument checks, an encoder's ``encode``, ``iterencode``, a
white-space regex after the value), and SQLAlchemy's processor wraps them once more:
~3-4 µs a value, where the C encoder or scanner called directly takes ~0.2-1 µs
(issue 17: the values of a 20,000-message import's message rows 0.45-0.50 -> 0.30 s of
CPU; docs/performance-history.md, branch perf-tok).

:func:`dumps` gives exactly ``json.dumps(value)`` for a list (the C encoder with
``json.dumps``' defaults: ASCII escapes, ", " and ": " separators, NaN allowed, keys in
the order given); anything else, and the SQL NULL, go through the column type's own
processor. :func:`loads` gives exactly ``json.loads(text)`` for the text the store wrote
(no white space around the value; any other text is read by ``json.loads``).
``tests/test_store_json_lists.py`` holds both to the json module and to SQLAlchemy.

On PostgreSQL, :func:`json_text_binder` gives the bulk ``COPY`` (``store/bulk.py``) each
JSON value as the text psycopg's JSON dumper would send: the same bytes, sent by the
text dumper, without a ``Json`` wrapper a value and the dumper's call of ``json.dumps``
(issue 17: ~0.26 -> 0.12 s of CPU for the five JSON columns of 20,000 message rows).
psycopg still adapts and loads every other JSON value (parameters, results) itself.
"""

from __future__ import annotations

import json
import json.encoder
import json.scanner
from collections.abc import Callable
from json.encoder import encode_basestring_ascii
from typing import Any

from sqlalchemy import JSON, Dialect
from sqlalchemy.types import TypeDecorator, UnicodeText

#: The json module's C encoder and scanner (None where _json is missing: then the
#: json functions themselves are used).
_C_ENCODER: Any = json.encoder.c_make_encoder  # type: ignore[attr-defined]
_C_SCANNER: Any = json.scanner.c_make_scanner  # type: ignore[attr-defined]
#: ``json.dumps``' encoder with its defaults (no indent, ", " and ": ", ASCII, NaN
#: allowed, keys unsorted and not skipped). No circular-reference markers: a stored
#: list never holds itself (one that did would fail with RecursionError, not ValueError).
_ENCODE = (_C_ENCODER(None, json.JSONEncoder().default, encode_basestring_ascii, None,
                      ": ", ", ", False, False, True) if _C_ENCODER is not None else None)
#: ``json.loads``' scanner: (value, end) of the JSON value at an offset.
_SCAN = _C_SCANNER(json.JSONDecoder()) if _C_SCANNER is not None else None


def dumps(value: list[Any]) -> str:
    """``json.dumps(value)`` of a list."""
    if not value:
        return "[]"
    if _ENCODE is None:  # pragma: no cover
        return json.dumps(value)
    return "".join(_ENCODE(value, 0))


def loads(text: str) -> Any:
    """``json.loads(text)``, the C scanner alone when the value fills the text."""
    if text == "[]":
        return []
    if _SCAN is not None and text[:1] == "[":
        value, end = _SCAN(text, 0)
        if end == len(text):
            return value
    return json.loads(text)


def list_binder(column_type: Any, dialect: Dialect,
                processor: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """The bind processor to use for a column of ``column_type``: for a JSON column on
    SQLite, one that writes lists with :func:`dumps` and gives anything else to
    ``processor`` (the type's own); ``processor`` otherwise."""
    if (processor is None or dialect.name != "sqlite" or type(column_type) is not JSON
            or getattr(dialect, "_json_serializer", None) is not None):
        return processor

    def bind(value: Any) -> Any:
        if type(value) is list:
            return dumps(value)
        return processor(value)

    return bind


def json_text_binder(column_type: Any, dialect: Dialect,
                     processor: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """For a JSON column on PostgreSQL (no custom serializer), a bind processor giving the
    JSON text psycopg's dumper makes of ``processor``'s value (``json.dumps`` of it;
    lists by :func:`dumps`), or None for SQL NULL; otherwise None (the column keeps its
    own processor and psycopg's JSON dumper)."""
    if (processor is None or dialect.name != "postgresql" or type(column_type) is not JSON
            or getattr(dialect, "_json_serializer", None) is not None):
        return None
    from psycopg.types.json import Json

    def bind(value: Any) -> str | None:
        if type(value) is list:
            return dumps(value)
        wrapped = processor(value)  # SQLAlchemy's NULL rules: None, JSON.NULL, null()
        if wrapped is None:
            return None
        if type(wrapped) is not Json or wrapped.dumps is not None:  # pragma: no cover
            raise TypeError(f"unexpected JSON bind value {wrapped!r}")
        return json.dumps(wrapped.obj)

    return bind


class ListJSON(TypeDecorator[Any]):
    """A JSON list column's text read with :func:`loads` (for ``type_coerce`` in a
    select on SQLite: the stored text comes through as text, then is decoded here)."""

    impl = UnicodeText()
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:  # pragma: no cover
        raise TypeError("ListJSON only reads")

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return _read(value)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], Any]:
        # One call a value (TypeDecorator's own wraps process_result_value in another).
        return _read


def _read(value: str | None) -> Any:
    return None if value is None else loads(value)


__all__ = ["ListJSON", "dumps", "json_text_binder", "list_binder", "loads"]
