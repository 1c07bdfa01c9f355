"""The iCalendar feed: meetings and deadlines as all-day events with stable UIDs.

A calendar application that subscribes to (or re-imports) the file updates the events
it already has, because each keeps its UID: ``meeting-<id>@<domain>`` for a meeting of
``meetings.yaml``, ``action-<item id>@<domain>`` for an action item's deadline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day event: ``uid_key`` becomes ``<uid_key>@<domain>``; ``last`` is inclusive."""

    uid_key: str
    summary: str
    first: date
    last: date
    description: str = ""
    location: str = ""
    url: str = ""
    category: str = ""


def build_calendar(entries: Sequence[CalendarEntry], *, domain: str, name: str,
                   stamp: datetime) -> bytes:
    """The iCalendar (RFC 5545) text of ``entries``; ``stamp`` is every event's DTSTAMP."""
    # Loaded here, not with the module: it costs every other command ~0.1 s to import.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//iscg-mailbot//ISCG calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.uid_key}@{domain}")
        event.add("dtstamp", stamp)
        event.add("summary", entry.summary)
        event.add("dtstart", entry.first)
        # DTEND of an all-day event is the day after the last one (exclusive).
        event.add("dtend", entry.last + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        if entry.url:
            event.add("url", entry.url)
        if entry.category:
            event.add("categories", [entry.category])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
