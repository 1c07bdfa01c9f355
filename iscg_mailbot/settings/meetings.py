"""The meetings calendar (``config/meetings.yaml``): when the bodies ISCG works for meet.

Kept by the secretariat; every entry names its source so that it can be checked::

    meetings:
      - id: council-26
        body: Council
        title: 2026 session of the ITU Council
        start: 2026-04-28
        end: 2026-05-08
        place: Geneva, Switzerland
        source: https://council.itu.int/2026/ds0b

``load_meetings(path)`` returns a validated :class:`MeetingsConfig` (a missing file
gives no meetings) or raises :class:`ConfigError` whose lines name the file, the entry,
the key and the fix::

    >>> calendar = load_meetings("config/meetings.yaml")
    >>> calendar.next_of("PP", date(2026, 1, 1)).start
    datetime.date(2026, 11, 9)

Deadlines such as "before the next TSAG meeting" are resolved against this list by
:mod:`iscg_mailbot.analyse.meeting_dates`; a body with no future entry leaves them undated.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.validation import by_entry, format_validation_error
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

MEETINGS_FILE_NAME = "meetings.yaml"

# The bodies whose meetings deadlines refer to. Study groups are written as in ITU
# documents: "ITU-T SG17", "ITU-R SG5", "ITU-D SG1".
BODIES = ("RAG", "TSAG", "TDAG", "Council", "ISCG", "WRC", "WTSA", "WTDC", "PP", "RA")
STUDY_GROUP = re.compile(r"^ITU-[RTD] SG\d{1,2}$")
_BODY_CASE = {body.casefold(): body for body in BODIES}


def canonical_body(value: str) -> str | None:
    """The body's canonical spelling ("tsag" -> "TSAG", "itu-t sg 17" -> "ITU-T SG17"), or None."""
    text = " ".join(value.split())
    if text.casefold() in _BODY_CASE:
        return _BODY_CASE[text.casefold()]
    match = re.match(r"^itu-([rtd])\s*sg\s*(\d{1,2})$", text, re.IGNORECASE)
    if match:
        return f"ITU-{match.group(1).upper()} SG{int(match.group(2))}"
    return None


class Meeting(BaseModel):
    """One meeting: which body, from when to when, where, and where the dates come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=60)
    body: str
    title: str = ""
    start: date
    end: date | None = None
    place: str = ""
    source: str = ""
    time: str = ""           # "13:00-16:00" for an ISCG meeting taken from the list
    timezone: str = ""       # as written in the convening letter ("CEST", "Geneva time")
    online: str = ""         # the link to join, if any

    @field_validator("body", mode="before")
    @classmethod
    def _known_body(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        body = canonical_body(value)
        if body is None:
            raise ValueError(
                f"unknown body {value!r}; use one of {', '.join(BODIES)} or a study group "
                "written like 'ITU-T SG17'"
            )
        return body

    @model_validator(mode="after")
    def _end_after_start(self) -> Meeting:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}; swap them")
        return self

    @property
    def last_day(self) -> date:
        """The last day of the meeting (``end``, else ``start``)."""
        return self.end or self.start

    @property
    def label(self) -> str:
        """How the meeting is named to people: its title, else body and start date."""
        return self.title or f"{self.body} meeting of {self.start.day} {self.start:%B %Y}"


class MeetingsConfig(BaseModel):
    """Everything read from ``meetings.yaml``, sorted by start date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    meetings: tuple[Meeting, ...] = ()

    @field_validator("meetings")
    @classmethod
    def _sorted(cls, value: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
        return tuple(sorted(value, key=lambda m: (m.start, m.id)))

    @model_validator(mode="after")
    def _unique_ids(self) -> MeetingsConfig:
        seen: set[str] = set()
        for meeting in self.meetings:
            if meeting.id in seen:
                raise ValueError(f"id {meeting.id!r} is used twice; give each meeting its own id")
            seen.add(meeting.id)
        return self

    def by_id(self, meeting_id: str) -> Meeting | None:
        """The meeting with this id, or None."""
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def next_of(self, body: str, after: date, *, year: int | None = None) -> Meeting | None:
        """The first meeting of ``body`` starting after the day ``after`` (of ``year``, if given)."""
        for meeting in self.meetings:
            if meeting.body == body and meeting.start > after and (
                year is None or meeting.start.year == year
            ):
                return meeting
        return None


def meetings_path(config_dir: Path | str) -> Path:
    """Where ``meetings.yaml`` lives in a configuration directory."""
    return Path(config_dir) / MEETINGS_FILE_NAME


_FIXES = {
    "date_from_datetime_parsing": "not a date; write YYYY-MM-DD",
    "date_parsing": "not a date; write YYYY-MM-DD",
    "date_type": "not a date; write YYYY-MM-DD",
    "string_pattern_mismatch": "write lower-case letters, digits, '-', '.' or '_' (e.g. tsag-2027-01)",
}


def load_meetings(path: Path | str, *, missing_ok: bool = True) -> MeetingsConfig:
    """Load and validate ``meetings.yaml``; a missing file gives no meetings unless told not to.

    Raises ConfigError with one "file: entry: key: problem; fix" line per problem.
    """
    file = Path(path)
    if missing_ok and not file.exists():
        return MeetingsConfig()
    data = read_yaml_mapping(file, "meetings calendar", "a 'meetings:' list", MEETINGS_FILE_NAME)
    if data is None:
        return MeetingsConfig()
    try:
        return MeetingsConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(
            file, exc, where=by_entry(data, "meetings", "id"), fixes=_FIXES)) from None


__all__ = [
    "BODIES",
    "Meeting",
    "MeetingsConfig",
    "canonical_body",
    "load_meetings",
    "meetings_path",
]
