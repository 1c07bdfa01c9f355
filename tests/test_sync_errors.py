"""IMAP connection failures are errors (issue 12, point 11), against a real Dovecot.

A wrong password, an unreachable host and a TLS failure each give one ``error: ...``
line on stderr naming the mailbox, what failed and what to check, and exit status 1;
the worker logs a failure once per streak, not once per poll.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.worker import FailureStreaks
from tests.servers.dovecot import PASSWORD_ENV, DovecotServer, free_port


def _config(tmp_path: Path, dovecot: DovecotServer, *, port: int, security: str = "plain",
            password_env: str = PASSWORD_ENV) -> Path:
    path = tmp_path / "iscg-mailbot.toml"
    path.write_text(f"""\
[database]
url = "sqlite:///{tmp_path / 'sync.db'}"

[[mailboxes]]
name = "iscg"
list = "int-sect-team"
host = "127.0.0.1"
port = {port}
security = "{security}"
username = "{dovecot.username}"
password_env = "{password_env}"
max_reconnects = 1
timeout_seconds = 5
""", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--config", str(path), "db", "upgrade"]).exit_code == 0
    return path


def _sync(config: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), "sync"])
    return result.exit_code, result.stdout, result.stderr


def test_wrong_password(tmp_path: Path, dovecot: DovecotServer,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISCG_WRONG_PASSWORD", "not-the-password")
    config = _config(tmp_path, dovecot, port=dovecot.port, password_env="ISCG_WRONG_PASSWORD")
    code, out, err = _sync(config)
    assert (code, out) == (1, "")
    assert err == (
        f"error: mailbox iscg: IMAP login failed for user {dovecot.username} on "
        f"127.0.0.1:{dovecot.port}: [AUTHENTICATIONFAILED] Authentication failed; "
        "check username and the password in $ISCG_WRONG_PASSWORD\n")


def test_unreachable_host(tmp_path: Path, dovecot: DovecotServer) -> None:
    port = free_port()
    code, out, err = _sync(_config(tmp_path, dovecot, port=port))
    assert (code, out) == (1, "")
    assert err == (
        f"error: mailbox iscg: cannot reach the server: IMAP 127.0.0.1:{port}: connection "
        "refused (gave up after 1 reconnection attempt); check host and port "
        f"(127.0.0.1:{port}) and that the network lets it through\n")


def test_tls_failure(tmp_path: Path, dovecot: DovecotServer) -> None:
    # TLS spoken to the plain IMAP port: the handshake fails.
    code, out, err = _sync(_config(tmp_path, dovecot, port=dovecot.port, security="ssl"))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: mailbox iscg: TLS failed: IMAP 127.0.0.1:{dovecot.port}: ")
    assert err.endswith("; check security ('ssl' on port 993, 'starttls' on 143) and port "
                        "for 127.0.0.1\n")
    assert err.count("\n") == 1


def test_worker_logs_a_failure_once_per_streak(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="iscg_mailbot.worker")
    streaks = FailureStreaks()
    refused = "mailbox iscg: cannot reach the server: connection refused"
    for error in (refused, refused, refused, None, None, refused, "mailbox iscg: login failed"):
        streaks.record("iscg", error)
    shown = [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= logging.INFO]
    assert shown == [
        ("ERROR", f"sync failed: {refused}"),
        ("INFO", "sync recovered"),
        ("ERROR", f"sync failed: {refused}"),
        ("ERROR", "sync still failing, differently: mailbox iscg: login failed"),
    ]
    assert streaks.failing("iscg")
