"""Deadline reminders and the chair's overdue list through the real SMTP server (aiosmtpd),
on SQLite and PostgreSQL: who gets what when, each (item, step) once, nothing for an item
closed meanwhile, and exactly once across a SIGKILL between acceptance and the outbox."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import Engine, select

from iscg_mailbot.deliver.smtp import SmtpSender
from iscg_mailbot.errors import NotFound
from iscg_mailbot.report.reminders import step_due
from iscg_mailbot.services import actions as action_service
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import release_uncertain_digests
from iscg_mailbot.services.ical import export_calendar
from iscg_mailbot.services.reminders import send_reminders
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_delivery import OutboxEntry
from tests.action_samples import mail, store
from tests.servers.smtp import SmtpTestServer

MEMBERS = """members:
  - {name: Ingrid Solheim, address: ingrid@example.no, role: chair}
  - {name: Klaus Brenner, address: klaus@example.de, role: representative, advisory_group: TSAG}
  - {name: Chen Lihua, address: chen@example.int, role: secretariat, organisation: TSB}
  - {name: Ana Costa, address: ana@example.int, role: secretariat, organisation: TSB,
     reminders: off}
  - {name: Pierre Lefebvre, address: pierre@example.int, role: secretariat, organisation: BDT}
"""
REQUESTS = mail("req1", "Ingrid Solheim <ingrid@example.no>", "2026-09-01T10:00:00+02:00", """\
Dear colleagues,

Klaus Brenner is requested to send the TSAG comments on the mapping by 15 September 2026.
TSB is requested to publish the call for experts by 10 September 2026.
BDT is requested to circulate the summary of the regional workshops by 1 December 2026.

Ingrid
""", subject="Mapping of Questions: next steps")


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=UTC)


@pytest.fixture
def smtp() -> Iterator[SmtpTestServer]:
    with SmtpTestServer() as server:
        yield server


@pytest.fixture
def app(engine: Engine, tmp_path: Path, smtp: SmtpTestServer) -> App:
    config = tmp_path / "config"
    config.mkdir()
    (config / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (config / "actions.yaml").write_text("timezone: UTC\n", encoding="utf-8")
    (config / "meetings.yaml").write_text(
        "meetings:\n  - {id: pp-26, body: PP, title: PP-26, start: 2026-11-09, "
        "end: 2026-11-27, place: 'Doha, Qatar', source: https://pp.itu.int/2026/}\n",
        encoding="utf-8")
    url = engine.url.render_as_string(hide_password=False)
    (config / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "{url}"\n\n[smtp]\nhost = "127.0.0.1"\nport = {smtp.port}\n'
        'security = "plain"\ntimeout_seconds = 5\n\n[digest]\n'
        'from_address = "iscg-bot@example.org"\n', encoding="utf-8")
    application = App(settings=load_settings(config), engine=engine)
    extraction.extract_for_messages(application, store(application, REQUESTS))
    return application


def received(smtp: SmtpTestServer) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the server accepted."""
    found: list[tuple[str, str]] = []
    for item in smtp.received:
        message = message_from_bytes(item.data, policy=policy.default)
        found.extend((rcpt, str(message["Subject"])) for rcpt in item.rcpt_tos)
    return found


def owners(app: App) -> dict[str, int]:
    with app.session() as session:
        return {owner: item_id for item_id, owner in session.execute(
            select(ActionItem.id, ActionItem.owner).where(ActionItem.kind == "action"))
            if owner}


def test_step_due_sends_only_the_most_urgent_step() -> None:
    due = date(2026, 9, 15)
    assert [step_due(due, date(2026, 9, d), (7, 1)) for d in (7, 8, 10, 14, 15, 16)] == [
        None, 7, 7, 1, None, None]


def test_owner_reminders_each_step_once_through_smtp(app: App, smtp: SmtpTestServer) -> None:
    items = owners(app)
    assert {"Klaus Brenner", "TSB", "BDT"} <= set(items)
    # 3 September: TSB's item (due 10 September) is 7 days away; Klaus's is 12 days away.
    report = send_reminders(app, at("2026-09-03"))
    assert [(i.member_address, i.key, i.status) for i in report.items] == [
        ("chen@example.int", f"item{items['TSB']}:d7", "sent")]  # Ana has reminders off
    # Later the same day, and the day after: nothing new.
    send_reminders(app, at("2026-09-03", 15))
    send_reminders(app, at("2026-09-04"))
    # 8 September: Klaus's 7-day step; 9 September: TSB's 1-day step.
    send_reminders(app, at("2026-09-08"))
    send_reminders(app, at("2026-09-09"))
    send_reminders(app, at("2026-09-09", 18))
    got = received(smtp)
    assert [(rcpt, subject.split(" - ")[0]) for rcpt, subject in got] == [
        ("chen@example.int", "Reminder: due 2026-09-10"),
        ("klaus@example.de", "Reminder: due 2026-09-15"),
        ("chen@example.int", "Reminder: due 2026-09-10"),
    ]
    body = message_from_bytes(smtp.received[1].data, policy=policy.default)
    text = body.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "is due in 7 days, on Tuesday 15 September 2026" in text
    assert "Klaus Brenner is requested to send the TSAG comments" in text
    assert body["Auto-Submitted"] == "auto-generated"


def test_no_reminder_for_an_item_closed_meanwhile(app: App, smtp: SmtpTestServer) -> None:
    items = owners(app)
    # Saturday 12 September: only Klaus's item (due the 15th) is due a reminder. It is
    # recorded, but the server refuses it for now: it stays pending.
    smtp.fail_next(1, "421 4.3.2 try later")
    report = send_reminders(app, at("2026-09-12"))
    assert [i.status for i in report.items] == ["deferred"]
    action_service.close_item(app, items["Klaus Brenner"])
    report = send_reminders(app, at("2026-09-12", 23))
    assert [(i.status, i.error) for i in report.items] == [
        ("cancelled", "the item was done before its reminder was sent")]
    assert received(smtp) == []
    with app.session() as session:
        assert session.scalars(select(OutboxEntry.status)).all() == ["cancelled"]


def test_chair_gets_the_weekly_list_of_newly_overdue_items_once(
        app: App, smtp: SmtpTestServer) -> None:
    items = owners(app)
    action_service.close_item(app, items["TSB"])  # closed before it fell overdue
    # Monday 21 September 2026: Klaus's item (due 15 September) fell overdue last week.
    report = send_reminders(app, at("2026-09-21"))
    assert [(i.member_address, i.key, i.status) for i in report.items] == [
        ("ingrid@example.no", "overdue:2026-W39", "sent")]
    send_reminders(app, at("2026-09-22"))  # later that week: not again
    send_reminders(app, at("2026-09-28"))  # next week: nothing newly overdue
    got = received(smtp)
    assert got == [("ingrid@example.no", "Newly overdue: 1 item (2026-W39)")]
    text = message_from_bytes(smtp.received[0].data, policy=policy.default).get_body(
        preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert f"- #{items['Klaus Brenner']} due 2026-09-15, Klaus Brenner:" in text
    assert "call for experts" not in text


def test_dry_run_records_and_sends_nothing(app: App, smtp: SmtpTestServer) -> None:
    report = send_reminders(app, at("2026-09-12"), dry_run=True)
    assert [(i.member_address, i.status) for i in report.items] == [
        ("klaus@example.de", "would send")]
    with app.session() as session:
        assert session.scalars(select(OutboxEntry)).all() == []
    assert received(smtp) == []


def test_killed_after_acceptance_is_never_sent_twice(app: App, smtp: SmtpTestServer) -> None:
    """SIGKILL right after the server accepted the reminder, before the outbox says so:
    the next run finds it ``sending``, makes it ``uncertain`` and sends nothing; the
    operator sees the server has it and does not release it; nothing more is sent."""
    app.engine.dispose()  # no pooled connection is shared with the child
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            original = SmtpSender.send

            def send_then_die(self: SmtpSender, message: object) -> None:
                original(self, message)  # type: ignore[arg-type]
                os.kill(os.getpid(), signal.SIGKILL)

            setattr(SmtpSender, "send", send_then_die)  # noqa: B010 - patched in the child only
            send_reminders(app, at("2026-09-12"))
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    assert len(received(smtp)) == 1
    with app.session() as session:
        assert session.scalars(select(OutboxEntry.status)).all() == ["sending"]
    report = send_reminders(app, at("2026-09-12", 12))
    assert report.recovered_uncertain == 1
    assert report.items == []
    send_reminders(app, at("2026-09-12", 13))
    assert len(received(smtp)) == 1
    with app.session() as session:
        assert session.scalars(select(OutboxEntry.status)).all() == ["uncertain"]


def test_killed_before_sending_is_sent_once_after_release(app: App,
                                                          smtp: SmtpTestServer) -> None:
    """SIGKILL after the claim, before any byte reached the server: the operator sees the
    server lacks it, releases it (``digest release``), and the next run sends it once."""
    app.engine.dispose()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            def die(self: SmtpSender, message: object) -> None:
                os.kill(os.getpid(), signal.SIGKILL)

            setattr(SmtpSender, "send", die)  # noqa: B010 - patched in the child only
            send_reminders(app, at("2026-09-12"))
        finally:
            os._exit(3)
    os.waitpid(pid, 0)
    assert received(smtp) == []
    send_reminders(app, at("2026-09-12", 12))  # recovers it as uncertain
    assert release_uncertain_digests(app) == 1
    send_reminders(app, at("2026-09-12", 13))
    send_reminders(app, at("2026-09-12", 14))
    assert [rcpt for rcpt, _ in received(smtp)] == ["klaus@example.de"]


def _events(path: Path) -> dict[str, tuple[str, object, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): (str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"))
            for e in calendar.walk("VEVENT")}


def test_calendar_export_meetings_and_deadlines_with_stable_uids(app: App,
                                                                  tmp_path: Path) -> None:
    items = owners(app)
    first = export_calendar(app, tmp_path / "all.ics", now=at("2026-09-02"))
    assert (first.meetings, first.deadlines) == (1, 3)
    events = _events(tmp_path / "all.ics")
    assert events["meeting-pp-26@lists.itu.int"] == (
        "PP-26", date(2026, 11, 9), date(2026, 11, 28))
    klaus = f"action-{items['Klaus Brenner']}@lists.itu.int"
    assert events[klaus][1:] == (date(2026, 9, 15), date(2026, 9, 16))
    assert events[klaus][0].startswith("Due: Klaus Brenner - Klaus Brenner is requested")
    # Exported again after an item was closed: the same UIDs, minus the closed item.
    action_service.close_item(app, items["TSB"])
    export_calendar(app, tmp_path / "again.ics", now=at("2026-09-03"))
    assert set(_events(tmp_path / "again.ics")) == set(events) - {
        f"action-{items['TSB']}@lists.itu.int"}
    # One member: the meetings and that member's (or unit's) deadlines only.
    mine = export_calendar(app, tmp_path / "pierre.ics", member_address="pierre@example.int",
                           now=at("2026-09-03"))
    assert (mine.meetings, mine.deadlines) == (1, 1)
    assert f"action-{items['BDT']}@lists.itu.int" in _events(tmp_path / "pierre.ics")
    with pytest.raises(NotFound, match=r"no member with address 'nobody@example\.org'"):
        export_calendar(app, tmp_path / "x.ics", member_address="nobody@example.org")
