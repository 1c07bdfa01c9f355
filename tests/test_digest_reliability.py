"""Interrupted digests are errors someone must act on, and can be confirmed (issue 12, 7-8).

A run that finds a digest left "sending" by a killed run marks it uncertain, exits
non-zero and names the member; ``digest confirm`` records that the operator found it
delivered (who and when), after which it is never sent again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from iscg_mailbot.cli import cli
from iscg_mailbot.store.database import connect, session_scope, sqlite_file
from iscg_mailbot.store.models_delivery import OutboxEntry
from tests.conftest import migrated_sqlite
from tests.delivery_samples import MEMBERS
from tests.servers.smtp import SmtpTestServer
from tests.test_faults_digest import write_config

PERIOD = "2024-03-04/2024-03-11"
MEMBER = MEMBERS[1]


def _interrupted_entry(url: str) -> None:
    """What a run SIGKILLed after claiming a digest leaves behind."""
    path = sqlite_file(url)
    assert path is not None
    engine = connect(migrated_sqlite(path))
    start, end = datetime(2024, 3, 4, tzinfo=UTC), datetime(2024, 3, 11, tzinfo=UTC)
    with session_scope(engine) as session:
        session.add(OutboxEntry(
            list_key="int-sect-team", period_key=PERIOD, period_start=start, period_end=end,
            member_address=MEMBER, member_name="Kenji Watanabe",
            message_id="<iscg-digest.2024-03-04.x@example.org>", subject="Digest",
            status="sending", attempts=1, created_at=start, updated_at=start))
    engine.dispose()


def _entry(url: str) -> OutboxEntry:
    engine = connect(url)
    with session_scope(engine) as session:
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.period_key == PERIOD))
        assert entry is not None
        session.expunge(entry)
    engine.dispose()
    return entry


def test_uncertain_digest_fails_the_run_and_can_be_confirmed(
    tmp_path: Path, smtp_server: SmtpTestServer
) -> None:
    url = f"sqlite:///{tmp_path / 'digest.db'}"
    config = write_config(tmp_path / "config", url, smtp_server.port)
    _interrupted_entry(url)
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(cli, ["--config", str(config), *args])
        return result.exit_code, result.stdout, result.stderr

    code, _, err = run("digest", "send")
    assert code == 1
    assert err == (
        f"error: 1 digest(s) interrupted by an earlier run may or may not have been "
        f"delivered: {MEMBER} ({PERIOD}); check the mail server's log, then "
        "'iscg-mailbot digest confirm --member ADDR --period KEY' if delivered, or "
        "'iscg-mailbot digest release' to send them\n")
    assert _entry(url).status == "uncertain"
    sent_first = len(smtp_server.received)  # this period's digests went out meanwhile

    assert run("digest", "confirm", "--member", MEMBER.upper(), "--period", PERIOD,
               "--by", "ops-alice") == (
        0, f"digest for {MEMBER.upper()} ({PERIOD}) confirmed delivered by ops-alice\n", "")
    entry = _entry(url)
    assert (entry.status, entry.confirmed_by) == ("sent", "ops-alice")
    assert entry.confirmed_at is not None and entry.sent_at == entry.confirmed_at

    # Confirmed once; a second confirm names what is wrong.
    refused = (f"error: no uncertain digest for {MEMBER} in period {PERIOD}; "
               "see 'iscg-mailbot digest status'\n")
    assert run("digest", "confirm", "--member", MEMBER, "--period", PERIOD) == (1, "", refused)
    # The next run finds nothing interrupted, succeeds, and never re-sends it.
    code, _, err = run("digest", "send")
    assert (code, err) == (0, "")
    assert len(smtp_server.received) == sent_first
    assert all(PERIOD[:10] not in r.data.decode("utf-8", "replace")
               for r in smtp_server.received)


def test_confirm_needs_member_and_period(tmp_path: Path, smtp_server: SmtpTestServer) -> None:
    config = write_config(tmp_path / "config", f"sqlite:///{tmp_path / 'd.db'}",
                          smtp_server.port)
    result = CliRunner().invoke(cli, ["--config", str(config), "digest", "confirm",
                                      "--member", MEMBER])
    assert result.exit_code == 2
    assert "Missing option '--period'" in result.stderr
