"""The sample archive's data: who writes (``people.yaml``) and what (``threads/*.yaml``).

Reads and checks the files of ``tools/sample_archive/`` for ``make_sample_archive.py``;
a mistake in them stops the script with one line naming the file, the entry and what
is wrong. ``tools/sample_archive/README.md`` explains the fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import yaml

# Central European Summer Time ends on Sunday 25 October 2026 at 01:00 UTC.
CEST_ENDS = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
LOCAL_TIME = "%Y-%m-%d %H:%M"  # as the sender's clock showed it
ZONED_TIME = "%Y-%m-%d %H:%M %z"  # with its offset from UTC, for forwarded messages

# --- what the data files hold -------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A list member (one entry of ``people.yaml``).

    ``client`` decides the reply prefix, the quoting style and the Message-ID shape.
    """

    name: str
    address: str
    client: str
    utc_offset: float
    signature: str = ""
    european_summer_time: bool = False  # the clock goes back on 25 October

    def offset_at(self, utc: datetime) -> timezone:
        hours = self.utc_offset - (1 if self.european_summer_time and utc >= CEST_ENDS else 0)
        return timezone(timedelta(hours=hours))


@dataclass(frozen=True)
class Forwarded:
    """A message from outside the list, forwarded in the body of a list message."""

    sender: str  # "from" in the file
    address: str
    date: str  # "YYYY-MM-DD HH:MM +HHMM"
    to: str
    subject: str
    text: str


@dataclass
class Mail:
    """One list message as written by a person (one entry of a thread file).

    The fields are those of the thread files, ``from`` being ``sender``; the data
    folder's README.md says what each one does.
    """

    key: str
    sender: str
    date: str  # the sender's local time, "YYYY-MM-DD HH:MM"
    text: str = ""
    subject: str | None = None
    reply_to: str | None = None
    prefix: str | None = None
    quote: bool = True
    threading: str = "full"  # "full", "in-reply-to" (In-Reply-To only) or "none"
    message_id: bool = True
    cc: tuple[str, ...] = ()
    format: str = "plain"  # "plain", "html", "alternative", "latin1"
    attachment: str | None = None  # a file name in the data folder's attachments/
    delivered: str | None = None  # delivery time when held (e.g. for moderation)
    list_tag: bool = True
    forward: Forwarded | None = None
    signature: bool = True
    html: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


# --- reading the data files ---------------------------------------------------------------


class DataError(ValueError):
    """A data file says something the script cannot use; the message names file and entry."""


_CHOICES = {
    "client": ("outlook", "outlook_original", "outlook_de", "outlook_fr", "outlook_it",
               "gmail", "thunderbird", "robot"),
    "threading": ("full", "in-reply-to", "none"),
    "format": ("plain", "html", "alternative", "latin1"),
}


def _check(where: str, name: str, value: object, wanted: object) -> object:
    """``value`` of field ``name`` if it has the type the dataclass field wants."""
    text_like = wanted in (str, "str", "str | None")
    if text_like and not isinstance(value, str):
        raise DataError(f"{where}: {name} must be text, not {value!r} (put it in quotes)")
    if wanted in (bool, "bool") and not isinstance(value, bool):
        raise DataError(f"{where}: {name} must be yes or no, not {value!r}")
    if wanted in (float, "float") and not isinstance(value, int | float):
        raise DataError(f"{where}: {name} must be a number of hours, not {value!r}")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise DataError(f"{where}: {name} must be one of {', '.join(_CHOICES[name])}")
    return value


def _time(where: str, name: str, pattern: str) -> Callable[[object], str]:
    """A check that a field holds a time written as ``pattern``."""
    example = datetime(2026, 7, 1, 10, 12, tzinfo=timezone(timedelta(hours=2)))

    def check(value: object) -> str:
        try:
            datetime.strptime(str(value), pattern)
        except ValueError:
            shown = example.strftime(pattern)
            raise DataError(f"{where}: {name} must look like {shown}, not {value}") from None
        return str(value)

    return check


def _build(cls: Callable[..., Any], entry: object, where: str,
           convert: Mapping[str, Callable[[object], object]] | None = None) -> Any:
    """An instance of dataclass ``cls`` from a mapping of the data file, checked."""
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected fields (name: value), found {entry!r}")
    known = {f.name: f for f in fields(cast(Any, cls))}
    values: dict[str, object] = {}
    for raw_name, value in entry.items():
        name = "sender" if raw_name == "from" else str(raw_name)
        if name not in known or raw_name == "sender":
            raise DataError(f"{where}: unknown field {raw_name!r}")
        if convert and name in convert:
            values[name] = convert[name](value)
        else:
            values[name] = _check(where, raw_name, value, known[name].type)
    try:
        return cls(**values)
    except TypeError as error:  # a required field is missing
        raise DataError(f"{where}: {error}") from None


def _read(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:  # says the line and column
        raise DataError(f"{path.name}: {' '.join(str(error).split())}") from None


def load_people(path: Path) -> dict[str, Person]:
    """The people of ``people.yaml``, by short name."""
    people = _read(path)
    if not isinstance(people, dict):
        raise DataError(f"{path.name}: expected one entry per person")

    def signature(where: str) -> Callable[[object], str]:
        def check(value: object) -> str:
            text = str(_check(where, "signature", value, str))
            # A line "--" is the usual separator "-- " (editors drop trailing spaces).
            return re.sub(r"(?m)^--$", "-- ", text)

        return check

    return {
        str(key): _build(Person, entry, f"{path.name}: {key}",
                         {"signature": signature(f"{path.name}: {key}")})
        for key, entry in people.items()
    }


def _mail(entry: object, where: str) -> Mail:
    def forward(value: object) -> Forwarded:
        inner = f"{where}: forward"
        return cast(Forwarded, _build(Forwarded, value, inner,
                                      {"date": _time(inner, "date", ZONED_TIME)}))

    def names(value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(f"{where}: cc must be a list of short names, like [pierre, priya]")
        return tuple(value)

    def headers(value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            raise DataError(f"{where}: headers must be fields (Name: value)")
        return {str(k): str(v) for k, v in value.items()}

    return cast(Mail, _build(Mail, entry, where, {
        "forward": forward, "cc": names, "headers": headers,
        "date": _time(where, "date", LOCAL_TIME),
        "delivered": _time(where, "delivered", LOCAL_TIME),
    }))


def load_threads(folder: Path, people: Mapping[str, Person]) -> list[Mail]:
    """Every message of the thread files, file by file (sorted by name), in file order."""
    mails: list[Mail] = []
    keys: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        entries = _read(path) or []
        if not isinstance(entries, list):
            raise DataError(f"{path.name}: expected messages, each starting with '- key:'")
        for number, entry in enumerate(entries, start=1):
            where = f"{path.name}: message {number}"
            mail = _mail(entry, where)
            for name in (mail.sender, *mail.cc):
                if name not in people:
                    raise DataError(f"{where}: nobody called {name!r} in people.yaml")
            if mail.key in keys:
                raise DataError(f"{where}: key {mail.key!r} is used twice")
            if mail.reply_to is not None and mail.reply_to not in keys:
                raise DataError(f"{where}: reply_to {mail.reply_to!r} is not an earlier key")
            keys.add(mail.key)
            mails.append(mail)
    return mails
