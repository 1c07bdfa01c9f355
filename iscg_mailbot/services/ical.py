"""``calendar export``: the meetings calendar and open deadlines as one iCalendar file,
for everybody or for one member (the items that member, or the member's unit, owns)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from iscg_mailbot.errors import NotFound
from iscg_mailbot.report.ical import CalendarEntry, build_calendar
from iscg_mailbot.report.reminders import owners_to_remind
from iscg_mailbot.services.actions import load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.store.reminders import open_items_due_between
from iscg_mailbot.store.types import utcnow


@dataclass(frozen=True)
class ExportReport:
    """What was written: where, how many meetings and deadlines."""

    path: Path
    meetings: int
    deadlines: int


def _domain(app: App) -> str:
    return app.settings.lists[0].address.rsplit("@", 1)[-1]


def export_calendar(app: App, out: Path, *, member_address: str | None = None,
                    now: datetime | None = None) -> ExportReport:
    """Write meetings and open dated action items to ``out`` (.ics).

    With ``member_address`` only that member's deadlines are included (items owned by
    the member by name, or by the unit of the member's ``organisation``); NotFound for an
    address that is no member. Meetings are always included.
    """
    feed = calendar_feed(app, member_address=member_address, now=now)
    out.write_bytes(feed.data)
    return ExportReport(out, feed.meetings, feed.deadlines)


@dataclass(frozen=True)
class CalendarFeed:
    """An iCalendar file's bytes and what it holds (``calendar export``, the private URL)."""

    data: bytes
    meetings: int
    deadlines: int


def calendar_feed(app: App, *, member_address: str | None = None,
                  now: datetime | None = None) -> CalendarFeed:
    """The calendar of :func:`export_calendar` as bytes (the website serves it per member)."""
    now = now or utcnow()
    context = load_context(app)
    member = None
    if member_address is not None:
        member = context.members.by_address(member_address)
        if member is None:
            raise NotFound(f"no member with address {member_address!r} in members.yaml")
    entries = [
        CalendarEntry(
            uid_key=f"meeting-{m.id}", summary=m.label, first=m.start, last=m.last_day,
            description=" ".join(part for part in (
                f"{m.body} meeting.", f"Time: {m.time} {m.timezone}." if m.time else "",
                f"Source: {m.source}" if m.source else "") if part),
            location=m.place, url=m.online, category=m.body)
        for m in app.config.meetings().meetings
    ]
    meetings = len(entries)
    with app.session() as session:
        items = open_items_due_between(session, date(1970, 1, 1),
                                       context.today(now) + timedelta(days=3650))
    for item in items:
        if member is not None and member not in owners_to_remind(
                item.owner, item.owner_kind, context.members, reminded_only=False):
            continue
        sentence = " ".join(item.sentence.split())
        entries.append(CalendarEntry(
            uid_key=f"action-{item.id}", summary=f"Due: {item.owner or 'ISCG'} - {sentence[:80]}",
            first=item.due, last=item.due,
            description=f"{sentence}\nThread: {item.thread_subject}\nItem #{item.id}"
            + (f"\nDated from the meeting {item.due_meeting}" if item.due_meeting else ""),
            category="deadline"))
    name = "ISCG" if member is None else f"ISCG - {member.name}"
    data = build_calendar(entries, domain=_domain(app), name=name, stamp=now)
    return CalendarFeed(data, meetings, len(entries) - meetings)
