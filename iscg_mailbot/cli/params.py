"""Click parameter types shared by commands."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click

_AGO = re.compile(r"^(\d+)\s*([dwh])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    """'14d', '2w', '36h' -> timedelta; ValueError otherwise."""
    match = _AGO.match(text.strip().lower())
    if not match:
        raise ValueError(f"{text!r} is not a duration like 14d, 2w or 36h")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


class Since(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.4; we take 8.1
    """A point in time: an ISO date/datetime (UTC unless it says otherwise) or an age like 14d."""

    name = "DATE|AGE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        try:
            return datetime.now(UTC) - parse_duration(text)
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            self.fail(f"{text!r} is neither a date (2026-10-01) nor an age (14d, 2w)", param, ctx)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class Duration(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.4
    """An age like 14d, 2w or 36h."""

    name = "AGE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> timedelta:
        if isinstance(value, timedelta):
            return value
        try:
            return parse_duration(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class TopicId(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.4
    """A topic id as topics.yaml spells them (lower case), whatever case it is typed in:
    ``--topic Cybersecurity`` means ``cybersecurity``."""

    name = "TOPIC"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return normalise_topic(str(value))


def normalise_topic(text: str) -> str:
    """A topic id as typed, in the lower case topics.yaml requires of ids.

    >>> normalise_topic(" Cybersecurity ")
    'cybersecurity'
    """
    return text.strip().lower()


class OutputFile(click.Path):
    """A file a command writes. Missing folders on its way are created (as `digest
    preview` always did); a path that cannot be written (under a file, or in a folder
    that is not writable) is a usage error (one line, exit 2) before any work is done,
    not a traceback once the report or calendar is built."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.fail(f"cannot make folder {str(path.parent)!r}: {exc.strerror}", param, ctx)
        if not os.access(path.parent, os.W_OK):
            self.fail(f"folder {str(path.parent)!r} is not writable", param, ctx)
        return path


SINCE = Since()
OUT_FILE = OutputFile()
TOPIC = TopicId()
DURATION = Duration()
