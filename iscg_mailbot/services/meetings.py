"""The meetings calendar as a service: configured meetings, ISCG meetings announced on the
list (proposed), and accepting a proposal into ``meetings.yaml``.

``list_meetings(app)`` gives both kinds, by start date; ``accept_meeting(app, id)`` appends
the announced meeting to the secretariat's file (its comments and order kept) and checks
the file still loads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy import or_, select

from iscg_mailbot.analyse.meeting_notices import ConveningNotice, find_convening
from iscg_mailbot.errors import ConfigError, MailbotError, NotFound
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.settings.meetings import Meeting, load_meetings, meetings_path
from iscg_mailbot.store.models import Message

CONFIGURED, PROPOSED = "configured", "proposed"


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as ``meetings list`` shows it; ``status`` is "configured" or "proposed"."""

    id: str
    body: str
    title: str
    start: date
    end: date | None
    place: str
    source: str
    status: str
    time: str = ""
    timezone: str = ""
    online: str = ""


def check_meetings_file(settings: Settings) -> tuple[str, list[str]]:
    """For ``config check``: the file's path, a summary and its problems."""
    path = meetings_path(settings.config_dir)
    if not path.exists():
        return "absent (no meetings: meeting-tied deadlines stay undated)", []
    try:
        calendar = load_meetings(path)
    except ConfigError as exc:
        return f"{len(str(exc).splitlines())} problem(s)", str(exc).splitlines()
    bodies = sorted({m.body for m in calendar.meetings})
    return f"{len(calendar.meetings)} meetings ({', '.join(bodies) or 'none'})", []


def _row(meeting: Meeting, status: str) -> MeetingRow:
    return MeetingRow(id=meeting.id, body=meeting.body, title=meeting.label,
                      start=meeting.start, end=meeting.end, place=meeting.place,
                      source=meeting.source, status=status, time=meeting.time,
                      timezone=meeting.timezone, online=meeting.online)


def _proposal(notice: ConveningNotice, message: Message) -> MeetingRow:
    sent = f"{message.date:%Y-%m-%d}" if message.date else "undated"
    return MeetingRow(
        id=notice.meeting_id, body="ISCG", title=f"ISCG meeting of {notice.day.day} {notice.day:%B %Y}",
        start=notice.day, end=None, place=notice.place,
        source=f"list message {message.message_id} ({sent}): {message.subject}"[:300],
        status=PROPOSED, time=notice.time, timezone=notice.timezone, online=notice.online,
    )


def announced_meetings(app: App) -> list[MeetingRow]:
    """ISCG meetings announced on the list by a convening letter (first announcement wins)."""
    found: dict[str, MeetingRow] = {}
    with app.session() as session:
        # Only messages that name the group's meeting are read in full.
        rows = session.scalars(
            select(Message)
            .where(or_(Message.new_text.ilike("%ISCG meeting%"),
                       Message.new_text.ilike("%Inter-Sector Coordination Group%")))
            .order_by(Message.date, Message.id)
        )
        for message in rows:
            notice = find_convening(message.subject or "", message.new_text or "")
            if notice is not None and notice.meeting_id not in found:
                found[notice.meeting_id] = _proposal(notice, message)
    return list(found.values())


def list_meetings(app: App, *, since: date | None = None,
                  include_proposed: bool = True) -> list[MeetingRow]:
    """Configured meetings and (unless told not to) proposed ones not yet in the file,
    by start date; ``since`` leaves out meetings that ended before that day."""
    calendar = app.config.meetings()
    rows = [_row(m, CONFIGURED) for m in calendar.meetings]
    if include_proposed:
        known = {m.id for m in calendar.meetings}
        known_days = {m.start for m in calendar.meetings if m.body == "ISCG"}
        rows.extend(p for p in announced_meetings(app)
                    if p.id not in known and p.start not in known_days)
    if since is not None:
        rows = [r for r in rows if (r.end or r.start) >= since]
    return sorted(rows, key=lambda r: (r.start, r.id))


def _entry(row: MeetingRow) -> dict[str, object]:
    entry: dict[str, object] = {"id": row.id, "body": row.body, "title": row.title,
                                "start": row.start}
    for key in ("place", "time", "timezone", "online", "source"):
        value = getattr(row, key)
        if value:
            entry[key] = value
    return entry


def _append(path: Path, row: MeetingRow) -> None:
    """Append one entry to the file's ``meetings:`` list, keeping everything else as written."""
    block = yaml.safe_dump([_entry(row)], sort_keys=False, allow_unicode=True, width=1000)
    block = "\n" + "".join(f"  {line}\n" for line in block.splitlines())
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    if not re.search(r"^meetings:\s*$", original, re.MULTILINE):
        if re.search(r"^meetings:", original, re.MULTILINE):
            raise ConfigError(f"{path}: 'meetings:' is not written as a block list; "
                              "add the entry by hand")
        original = original.rstrip("\n") + ("\n\n" if original.strip() else "") + "meetings:\n"
    text = original.rstrip("\n") + "\n" + block
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    try:
        load_meetings(temporary, missing_ok=False)
    except ConfigError as exc:
        temporary.unlink()
        raise ConfigError(f"{path}: the new entry would not load ({exc}); file left unchanged") \
            from None
    os.replace(temporary, path)


def accept_meeting(app: App, meeting_id: str) -> MeetingRow:
    """Add a meeting announced on the list to ``meetings.yaml``; return it as configured.

    NotFound for an id that is no proposal; MailbotError if it is already in the file.
    """
    calendar = app.config.meetings()
    if calendar.by_id(meeting_id) is not None:
        raise MailbotError(f"meeting {meeting_id!r} is already in the calendar")
    proposal = next((p for p in announced_meetings(app) if p.id == meeting_id), None)
    if proposal is None:
        raise NotFound(f"no meeting {meeting_id!r} announced on the list; see: "
                       "iscg-mailbot meetings list")
    _append(app.config.meetings_path, proposal)
    app.reload_config()  # the calendar as now written, for this process too
    return MeetingRow(**{**proposal.__dict__, "status": CONFIGURED})


__all__ = [
    "CONFIGURED",
    "PROPOSED",
    "MeetingRow",
    "accept_meeting",
    "announced_meetings",
    "check_meetings_file",
    "list_meetings",
]
