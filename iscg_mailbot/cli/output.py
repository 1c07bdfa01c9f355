"""Printing helpers shared by commands: tables for people (rich), JSON for machines."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from iscg_mailbot.text import shown


def console() -> Console:
    # Resolve sys.stdout at call time so Click's test runner captures the output; list
    # content is passed as Text so "[brackets]" in a subject are never markup.
    return Console(file=sys.stdout, width=140, highlight=False)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> None:
    """A plain table; every cell is shown as literal text."""
    table = Table(*headers, title=title, show_lines=False, header_style="bold")
    for row in rows:
        table.add_row(*(Text(format_cell(cell)) for cell in row))
    console().print(table)


def format_cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(format_cell(v) for v in value)
    return shown(str(value))  # invisible/bidi characters out, long values cut with "…"


def to_jsonable(value: Any) -> Any:
    """Dataclasses, datetimes and sets turned into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        items = sorted(value) if isinstance(value, set) else value
        return [to_jsonable(v) for v in items]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def echo_json(value: Any) -> None:
    click.echo(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))
