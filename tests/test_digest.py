"""The digest of a seeded week, and sending it exactly once through a real aiosmtpd server.

Runs on SQLite and PostgreSQL (the ``engine`` fixture).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update

from iscg_mailbot.errors import ConfigError, MailbotError, NotFound
from iscg_mailbot.report.digest import excerpt, open_actions
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import (
    check_member_list,
    digest_status,
    preview_digest,
    release_uncertain_digests,
    send_digests,
)
from iscg_mailbot.services.digest import sending as digest_service
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.locks import DIGEST_SEND_LOCK, acquire_lock
from iscg_mailbot.store.models import MailingList
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_delivery import DigestRun, OutboxEntry
from tests.digest_week import NOW, make_app, seed_actions, seed_week
from tests.servers.smtp import SmtpTestServer

SAMPLES = Path(__file__).resolve().parent / "samples"
RECIPIENTS = {"amina.diallo@example.org", "kenji.watanabe@example.org",
              "henrik.solberg@example.org"}


@pytest.fixture
def app(engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> App:
    seed_week(engine)
    seed_actions(engine)
    smtp = SmtpConfig(host=smtp_server.host, port=smtp_server.port, security="plain",
                      timeout_seconds=5)
    return make_app(engine, tmp_path / "config", smtp=smtp)


def outbox(app: App) -> dict[str, tuple[str, int]]:
    with session_scope(app.engine) as session:
        return {e.member_address: (e.status, e.attempts)
                for e in session.scalars(select(OutboxEntry))}


def received_by(server: SmtpTestServer) -> list[str]:
    return sorted(address for item in server.received for address in item.rcpt_tos)


def test_seeded_week_digest_text(app: App) -> None:
    preview = preview_digest(app, member_address="amina.diallo@example.org", now=NOW)
    assert preview.period_key == "2024-03-04/2024-03-11"
    assert preview.subject == ("[ITU Inter-Sector Coordination Group] Digest 4 Mar – 10 Mar "
                               "2024: 6 messages in 4 threads, 1 overdue action")
    assert preview.text == (SAMPLES / "digest_week.expected.txt").read_text(encoding="utf-8")


def test_seeded_week_html_escapes_hostile_subject_and_sender(app: App) -> None:
    html = preview_digest(app, now=NOW).html
    assert "<script>" not in html and "<img" not in html and "<b>not bold" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; agenda" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "التنسيق بشأن الذكاء الاصطناعي" in html


def test_open_actions_only_open_actions_overdue_first_and_capped(app: App) -> None:
    with session_scope(app.engine) as session:
        list_id = session.scalar(select(MailingList.id))
        assert list_id is not None
        shown, total, overdue = open_actions(session, list_id, date(2024, 3, 11),
                                             template=None, list_key="l", limit=2)
    assert (total, overdue) == (3, 1)
    assert [(a.owner, a.due, a.overdue) for a in shown] == [
        ("TSAG", date(2024, 3, 1), True), ("Kenji Watanabe", date(2024, 3, 20), False)]


def test_member_topic_preferences_narrow_the_digest(app: App) -> None:
    preview = preview_digest(app, member_address="henrik.solberg@example.org", now=NOW)
    assert "== Other" not in preview.text  # no thread: he follows only "spectrum"
    assert "== Open action items ==" in preview.text  # the group's open items still show
    assert "No thread this week in the topics you follow (only: spectrum)." in preview.text


def test_preview_of_another_week_and_unknown_member(app: App) -> None:
    earlier = preview_digest(app, week=date(2024, 2, 21), now=NOW)
    assert earlier.period_key == "2024-02-19/2024-02-26"
    assert "\n* SG17 liaison" in earlier.text and "\n* WRC-27" not in earlier.text
    with pytest.raises(NotFound, match=r"no member with address x@example\.org"):
        preview_digest(app, member_address="x@example.org", now=NOW)


def test_preview_of_a_past_week_shows_the_action_items_as_they_stood(app: App) -> None:
    """Not today's list: the items open when that week closed, overdue by that day."""
    with session_scope(app.engine) as session:
        session.execute(update(ActionItem).where(ActionItem.sentence == "Please send your inputs.")
                        .values(closed_at=datetime(2024, 3, 5, 10, 0, tzinfo=UTC)))
    past = preview_digest(app, week=date(2024, 2, 28), now=NOW)
    assert past.period_key == "2024-02-26/2024-03-04"
    assert "Open action items: 1 (1 overdue)." in past.text
    assert "* OVERDUE (no owner), due Thu 29 Feb 2024\n  Please send your inputs." in past.text
    assert "TSAG to send its comments" not in past.text  # asked on 5 March, after the week
    assert "Generated automatically by iscg-mailbot on Mon 4 Mar 2024 00:00." in past.text
    # The thread as it was: its three replies came later.
    assert "* WRC-27 agenda item 1.7: coordination [new]\n  1 new of 1 message;" in past.text

    current = preview_digest(app, now=NOW)
    assert "Open action items: 3 (1 overdue)." in current.text
    assert "Please send your inputs." not in current.text  # closed since


def test_send_once_per_member_and_period(app: App, smtp_server: SmtpTestServer) -> None:
    [report] = send_digests(app, NOW, trigger="scheduled")
    assert sorted(i.member for i in report.items if i.status == "sent") == sorted(RECIPIENTS)
    assert received_by(smtp_server) == sorted(RECIPIENTS)  # Priya has the digest off
    message = smtp_server.received[0].message()
    assert message["Subject"].startswith("[ITU Inter-Sector Coordination Group] Digest 4 Mar")
    # Again the same day, and again after a restart a day later: nothing more is sent.
    assert send_digests(app, NOW + timedelta(minutes=5))[0].items == []
    assert send_digests(app, NOW + timedelta(days=1), retry_only=True)[0].items == []
    assert len(smtp_server.received) == 3
    assert {status for status, _ in outbox(app).values()} == {"sent"}
    with session_scope(app.engine) as session:
        assert session.scalar(select(func.count()).select_from(DigestRun)) == 2


def test_crash_between_send_and_mark_does_not_send_twice(
        app: App, smtp_server: SmtpTestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    real_mark_sent = digest_service.mark_sent  # type: ignore[attr-defined]

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated crash after the server accepted")

    monkeypatch.setattr(digest_service, "mark_sent", crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        send_digests(app, NOW)
    assert len(smtp_server.received) == 1  # the server took the first digest
    crashed = smtp_server.received[0].rcpt_tos[0]
    assert outbox(app)[crashed] == ("sending", 1)

    monkeypatch.setattr(digest_service, "mark_sent", real_mark_sent)
    [report] = send_digests(app, NOW + timedelta(minutes=10), trigger="scheduled")
    assert report.recovered_uncertain == 1
    assert received_by(smtp_server) == sorted(RECIPIENTS)  # each member exactly once
    states = outbox(app)
    assert states.pop(crashed)[0] == "uncertain"
    assert {status for status, _ in states.values()} == {"sent"}
    problems = digest_status(app, NOW).problems
    assert [(p.member, p.status) for p in problems] == [(crashed, "uncertain")]
    assert "not sent again automatically" in (problems[0].last_error or "")

    # Only the operator's release sends it again.
    assert release_uncertain_digests(app, member_address=crashed) == 1
    send_digests(app, NOW + timedelta(minutes=20), retry_only=True)
    assert len(smtp_server.received) == 4 and outbox(app)[crashed] == ("sent", 2)


def test_connection_lost_during_data_is_not_retried(app: App,
                                                     smtp_server: SmtpTestServer) -> None:
    smtp_server.drop_next(1)
    [report] = send_digests(app, NOW)
    assert [i.status for i in report.items].count("uncertain") == 1
    assert report.count("sent") == 2
    send_digests(app, NOW + timedelta(hours=1), retry_only=True)
    assert len(smtp_server.received) == 3  # the dropped one reached the server; no resend


def test_4xx_backs_off_then_succeeds(app: App, smtp_server: SmtpTestServer) -> None:
    smtp_server.fail_next(1, "451 4.3.0 Mailbox busy, try later")
    [report] = send_digests(app, NOW)
    [deferred] = [i for i in report.items if i.status == "deferred"]
    assert "451" in deferred.detail
    assert outbox(app)[deferred.member] == ("pending", 1)
    # Not due yet (first back-off is 5 minutes): nothing is sent.
    assert send_digests(app, NOW + timedelta(minutes=4), retry_only=True)[0].items == []
    [retry] = send_digests(app, NOW + timedelta(minutes=6), retry_only=True)
    assert [(i.member, i.status) for i in retry.items] == [(deferred.member, "sent")]
    assert outbox(app)[deferred.member] == ("sent", 2)
    assert received_by(smtp_server) == sorted(RECIPIENTS)


def test_5xx_is_recorded_and_not_retried(app: App, smtp_server: SmtpTestServer) -> None:
    smtp_server.fail_next(1, "550 5.1.1 User unknown", stage="rcpt")
    [report] = send_digests(app, NOW)
    [failed] = [i for i in report.items if i.status == "failed"]
    assert outbox(app)[failed.member] == ("failed", 1)
    send_digests(app, NOW + timedelta(days=1), retry_only=True)
    assert len(smtp_server.received) == 2
    status = digest_status(app, NOW)
    assert [(p.member, p.status) for p in status.problems] == [(failed.member, "failed")]
    assert "550 5.1.1 User unknown" in (status.problems[0].last_error or "")
    assert status.outbox == {"sent": 2, "failed": 1}
    assert status.runs[0].failed == 1 and status.runs[0].sent == 2


def test_temporary_failures_give_up_after_max_attempts(engine: Engine, tmp_path: Path,
                                                       smtp_server: SmtpTestServer) -> None:
    seed_week(engine)
    app = make_app(engine, tmp_path / "config",
                   smtp=SmtpConfig(host=smtp_server.host, port=smtp_server.port,
                                   security="plain"),
                   digest=DigestConfig(from_address="bot@example.org", max_attempts=2))
    smtp_server.fail_next(100, "452 4.2.2 Mailbox full", stage="rcpt")
    [first] = send_digests(app, NOW)
    assert {i.status for i in first.items} == {"deferred"}
    [second] = send_digests(app, NOW + timedelta(hours=1), retry_only=True)
    assert {i.status for i in second.items} == {"failed"} and len(second.items) == 3
    assert all(i.detail.startswith("gave up after 2 attempts; last: ") for i in second.items)
    assert send_digests(app, NOW + timedelta(days=1), retry_only=True)[0].items == []


def test_unreachable_server_defers_everything(app: App, smtp_server: SmtpTestServer) -> None:
    smtp_server.refuse_connections()
    [report] = send_digests(app, NOW)
    assert {i.status for i in report.items} == {"deferred"} and len(report.items) == 3
    assert report.error and "cannot connect" in report.error
    assert {state for state, _ in outbox(app).values()} == {"pending"}
    smtp_server.accept_connections()
    send_digests(app, NOW + timedelta(minutes=6), retry_only=True)
    assert received_by(smtp_server) == sorted(RECIPIENTS)


def test_dry_run_records_and_sends_nothing(app: App, smtp_server: SmtpTestServer) -> None:
    smtp_server.refuse_connections()  # a connection attempt would fail the test
    [report] = send_digests(app, NOW, dry_run=True)
    assert sorted(i.member for i in report.items) == sorted(RECIPIENTS)
    assert {i.status for i in report.items} == {"would send"}
    assert outbox(app) == {}
    with session_scope(app.engine) as session:
        assert session.scalar(select(func.count()).select_from(DigestRun)) == 0


@pytest.mark.parametrize(("empty_week", "sent"), [("short", 3), ("skip", 0)])
def test_empty_week(engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer,
                    empty_week: str, sent: int) -> None:
    seed_week(engine)
    app = make_app(engine, tmp_path / "config",
                   smtp=SmtpConfig(host=smtp_server.host, port=smtp_server.port,
                                   security="plain"),
                   digest=DigestConfig.model_validate({"from_address": "bot@example.org",
                                                       "empty_week": empty_week}))
    [report] = send_digests(app, NOW + timedelta(days=14))  # a week without mail
    assert report.skipped_empty is (empty_week == "skip")
    assert len(smtp_server.received) == sent
    if sent:
        assert "No messages reached the list this week." in smtp_server.received[0].data.decode()


def test_second_sender_is_refused_while_one_runs(app: App) -> None:
    assert acquire_lock(app.engine, DIGEST_SEND_LOCK, "other-host:1:x", timedelta(minutes=5),
                        NOW)
    with pytest.raises(MailbotError, match="another digest run is in progress"):
        send_digests(app, NOW)
    assert outbox(app) == {}


def test_missing_smtp_section_is_a_config_error_and_frees_the_lock(
        engine: Engine, tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    seed_week(engine)
    without = make_app(engine, tmp_path / "config")
    with pytest.raises(ConfigError, match=r"no \[smtp\] section"):
        send_digests(without, NOW)
    smtp = SmtpConfig(host=smtp_server.host, port=smtp_server.port, security="plain")
    with_smtp = make_app(engine, tmp_path / "config", smtp=smtp)
    assert send_digests(with_smtp, NOW)[0].count("sent") == 3


def test_members_check_reports_problems(app: App, tmp_path: Path) -> None:
    check = check_member_list(app.settings)
    assert (check.members, check.recipients, check.problems) == (4, 3, ())
    (tmp_path / "config" / "members.yaml").write_text(
        "members:\n  - name: A\n    address: a@example.org\n    role: chair\n"
        "  - name: B\n    address: a@example.org\n    role: chair\n", encoding="utf-8")
    problems = check_member_list(app.settings).problems
    assert any("'a@example.org' is given to members[0] (A), members[1] (B)" in p
               for p in problems)
    assert any("2 members have role chair" in p for p in problems)


WRAPPED = """Dear Hiroshi, dear Klaus,

Thank you both. The liaison to SG5 with the draft indicators was
sent on 31 July, and the joint session is now in the draft SG5
agenda. Klaus, I will contact you separately about the WEEE data.
The points still open are:
- the collection rate,
- the reporting year.
Best regards,
Tomás
"""


def test_excerpt_joins_what_the_mailer_wrapped_and_keeps_the_writers_lines() -> None:
    assert excerpt(WRAPPED, 6, 2000).split("\n") == [
        "Dear Hiroshi, dear Klaus,",
        ("Thank you both. The liaison to SG5 with the draft indicators was sent on 31 July, "
         "and the joint session is now in the draft SG5 agenda. Klaus, I will contact you "
         "separately about the WEEE data. The points still open are:"),
        "- the collection rate,",
        "- the reporting year.",
        "Best regards,",
        "Tomás",
    ]
    # ``lines`` counts the writer's lines, not the mailer's.
    assert excerpt(WRAPPED, 2, 2000).count("\n") == 1


def test_excerpt_cut_at_chars_ends_after_a_sentence_or_a_word() -> None:
    cut = excerpt(WRAPPED, 3, 175)
    assert cut == ("Dear Hiroshi, dear Klaus,\nThank you both. The liaison to SG5 with the draft "
                   "indicators was sent on 31 July, and the joint session is now in the draft "
                   "SG5 agenda. …")
    assert len(cut) <= 175
    no_sentence_end = "word " * 100
    assert excerpt(no_sentence_end, 3, 40) == ("word " * 7).rstrip() + "…"
    assert excerpt("x" * 500, 1, 40) == "x" * 38 + "…"
