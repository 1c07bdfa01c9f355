"""Secrets and TLS: passwords never shown anywhere; certificates verified by default.

Unique marker passwords for IMAP (real Dovecot), SMTP (real aiosmtpd with STARTTLS and
AUTH) and, on PostgreSQL, the database (trust authentication accepts any password)
are looked for in everything the program says or keeps: the CLI's output and error
lines, exceptions with their tracebacks and chained causes, every log record with its
``extra`` fields (at DEBUG, where imapclient logs the IMAP protocol), the worker's JSON
log lines, ``status --json``, ``config check``, ``digest status`` and every row of the
database — on the good paths, with wrong passwords and with the servers unreachable.
A marker is looked for as such, base64-encoded (as in AUTH PLAIN) and URL-quoted.

TLS: an IMAP mailbox or the SMTP server with a self-signed certificate is refused
unless its ``ca_file`` is given; the host name is checked too; ``verify_certificate =
false`` switches the check off for that one server only, and only on loopback.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import signal
import subprocess
import sys
import time
import traceback
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, LargeBinary, select, update
from sqlalchemy.engine import make_url

from iscg_mailbot.cli import cli
from iscg_mailbot.errors import AuthenticationError
from iscg_mailbot.services import ingest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.digest import send_digests
from iscg_mailbot.settings.delivery import DigestConfig
from iscg_mailbot.settings.main import load_settings
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store.all_models import Base
from iscg_mailbot.store.database import connect, session_scope
from iscg_mailbot.store.models_delivery import OutboxEntry
from iscg_mailbot.store.types import utcnow
from iscg_mailbot.worker import JsonFormatter
from tests.conftest import migrated_sqlite, require_service
from tests.delivery_samples import MEMBERS, MEMBERS_YAML, mail
from tests.digest_week import LIST
from tests.servers.dovecot import DovecotServer, dovecot_available
from tests.servers.smtp import SmtpTestServer
from tests.worker_helpers import reaped

ROOT = Path(__file__).resolve().parents[1]
RUN = uuid.uuid4().hex[:10]
IMAP_SECRET = f"imap-Secret-{RUN}"
IMAP_WRONG = f"imap-Wrong-{RUN}"
SMTP_SECRET = f"smtp-Secret-{RUN}"
SMTP_WRONG = f"smtp-Wrong-{RUN}"
DB_SECRET = f"db-Secret-{RUN}"
IMAP_ENV, SMTP_ENV = "ISCG_TEST_IMAP_SECRET", "ISCG_TEST_SMTP_SECRET"
SMTP_USER = "iscg-bot"


def leak_forms(secret: str) -> set[str]:
    """How a password could show up: as is, base64 (alone or as AUTH PLAIN), URL-quoted."""
    plain = f"\0{SMTP_USER}\0{secret}".encode()
    return {secret, quote(secret), base64.b64encode(secret.encode()).decode(),
            base64.b64encode(plain).decode()}


SECRETS = (IMAP_SECRET, IMAP_WRONG, SMTP_SECRET, SMTP_WRONG, DB_SECRET)
FORMS = {form: secret for secret in SECRETS for form in leak_forms(secret)}


def leaks(text: str) -> list[str]:
    return sorted({FORMS[form] for form in FORMS if form in text})


# -- the servers and the configuration ---------------------------------------------------

@dataclass
class Deployment:
    """Dovecot + SMTP server + a configuration pointing at them, and what was seen."""

    config_dir: Path
    url: str
    dovecot: DovecotServer
    smtp: SmtpTestServer
    seen: list[str] = field(default_factory=list)

    def cli(self, *args: str, debug: bool = False) -> Result:
        """Run a command; keep its output, error line, exception and traceback."""
        result = CliRunner().invoke(
            cli, ["--config", str(self.config_dir), *(["--debug"] if debug else []), *args])
        self.seen += [result.stdout, result.stderr]
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            self.seen.append(exception_text(result.exception))
        return result

    def app(self) -> App:
        settings = load_settings(self.config_dir)
        return App(settings=settings, engine=connect(settings.database_url))


def exception_text(exc: BaseException) -> str:
    """The exception, its traceback and every chained cause or context, with their args."""
    parts = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        parts += ["".join(traceback.format_exception(current)), repr(current.args)]
        current = current.__cause__ or current.__context__
    return "\n".join(parts)


def write_config(config_dir: Path, dovecot: DovecotServer, smtp: SmtpTestServer,
                 smtp_ca: Path, url: str, extra: str = "") -> Path:
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "members.yaml").write_text(MEMBERS_YAML, encoding="utf-8")
    (config_dir / "iscg-mailbot.toml").write_text(f"""\
[database]
url = "{url}"

[[lists]]
id = "{LIST.id}"
address = "{LIST.address}"

[[mailboxes]]
name = "iscg"
list = "{LIST.id}"
host = "127.0.0.1"
port = {dovecot.tls_port}
security = "ssl"
ca_file = "{dovecot.ca_file}"
username = "{dovecot.username}"
password_env = "{IMAP_ENV}"
timeout_seconds = 5
max_reconnects = 0

[smtp]
host = "127.0.0.1"
port = {smtp.port}
security = "starttls"
ca_file = "{smtp_ca}"
username = "{SMTP_USER}"
password_env = "{SMTP_ENV}"
timeout_seconds = 5

[digest]
from_address = "iscg-bot@example.org"
retry_base_minutes = 0.01
{extra}
""", encoding="utf-8")
    return config_dir


def recent_mail(count: int) -> list[bytes]:
    start, _ = DigestConfig().period_ending_by(utcnow())
    return [mail(n, start + timedelta(days=n, hours=9), f"Secrets item {n}")
            for n in range(1, count + 1)]


@pytest.fixture
def deployment(db_url: str, engine: Engine, tmp_path: Path,
               smtp_certificate: tuple[Path, Path],
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Deployment]:
    """A worker's deployment over ``db_url`` (migrated: the test uses ``engine``)."""
    require_service(dovecot_available(), "dovecot not installed: apt-get install dovecot-imapd")
    url = db_url
    if make_url(db_url).get_backend_name() == "postgresql":
        # Trust authentication takes any password: a marker one shows where it goes.
        url = make_url(db_url).set(password=DB_SECRET).render_as_string(hide_password=False)
    monkeypatch.setenv(IMAP_ENV, IMAP_SECRET)
    monkeypatch.setenv(SMTP_ENV, SMTP_SECRET)
    monkeypatch.setenv("ISCG_DATABASE_URL", url)  # the database password from the environment
    with DovecotServer(password=IMAP_SECRET) as dovecot, SmtpTestServer(
            tls="starttls", certificate=smtp_certificate,
            user=(SMTP_USER, SMTP_SECRET)) as smtp:
        dovecot.append("INBOX", recent_mail(3))
        base = make_url(db_url).set(password=None).render_as_string(hide_password=False)
        config_dir = write_config(tmp_path / "config", dovecot, smtp, smtp_certificate[0], base)
        yield Deployment(config_dir, url, dovecot, smtp)


def database_text(url: str) -> str:
    """Every row of every table, as text (binary columns such as pickled jobs included)."""
    engine = connect(url)
    chunks = []
    with session_scope(engine) as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                for column, value in zip(table.columns, row, strict=True):
                    if isinstance(column.type, LargeBinary) and value is not None:
                        chunks.append(bytes(value).decode("latin-1"))
                    else:
                        chunks.append(str(value))
    engine.dispose()
    return "\n".join(chunks)


def log_text(records: list[logging.LogRecord]) -> str:
    """Every record as the worker writes it: message, ``extra`` fields and traceback."""
    formatter = JsonFormatter()
    return "\n".join(formatter.format(record) for record in records)


# -- passwords -------------------------------------------------------------------------

def test_passwords_never_shown_on_any_path(deployment: Deployment,
                                           caplog: pytest.LogCaptureFixture,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    d = deployment
    checked = d.cli("config", "check")
    assert checked.exit_code == 0, checked.output

    # The good paths, with protocol-level debug logs.
    synced = d.cli("sync", debug=True)
    assert synced.exit_code == 0 and "imap:iscg: 3 new" in synced.stdout, synced.output
    sent = d.cli("digest", "send", debug=True)
    assert sent.exit_code == 0, sent.output
    assert len(d.smtp.received) == len(MEMBERS) and d.smtp.logins == [SMTP_USER]
    assert any("LOGIN" in r.getMessage() for r in caplog.records
               if r.name.startswith("imapclient")), "the IMAP protocol was not logged"
    for args in (("status", "--json"), ("status",), ("digest", "status"),
                 ("digest", "status", "--json")):
        assert d.cli(*args).exit_code == 0
    database = json.loads(d.cli("status", "--json").stdout)["database"]
    if d.url.startswith("postgresql"):
        assert database.startswith("postgresql+psycopg://postgres:***@127.0.0.1")

    # Wrong passwords: one error line each, and the exception itself with --debug.
    monkeypatch.setenv(IMAP_ENV, IMAP_WRONG)
    refused = d.cli("sync")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: mailbox iscg: IMAP login failed for user iscg")
    d.cli("sync", debug=True)
    app = d.app()
    mailbox = app.settings.mailboxes[0]
    with pytest.raises(AuthenticationError) as imap_error, \
            ImapSource(mailbox, mailbox.password()) as source:
        list(source.fetch_new(None))
    d.seen.append(exception_text(imap_error.value))

    monkeypatch.setenv(SMTP_ENV, SMTP_WRONG)
    with session_scope(app.engine) as session:  # make the digests due again
        session.execute(update(OutboxEntry).values(status="pending", next_attempt_at=None))
    refused = d.cli("digest", "send")
    assert refused.exit_code == 1
    assert f"login as '{SMTP_USER}' refused: 535" in refused.stderr
    with pytest.raises(AuthenticationError) as smtp_error:
        send_digests(app, utcnow() + timedelta(hours=1))
    d.seen.append(exception_text(smtp_error.value))
    d.cli("digest", "send", debug=True)

    # Unreachable servers.
    monkeypatch.setenv(IMAP_ENV, IMAP_SECRET)
    monkeypatch.setenv(SMTP_ENV, SMTP_SECRET)
    d.dovecot.kill()
    d.smtp.stop()
    with session_scope(app.engine) as session:
        session.execute(update(OutboxEntry).values(next_attempt_at=None))
    unreachable = d.cli("sync")
    assert unreachable.exit_code == 1 and "connection refused" in unreachable.stderr
    unreachable = d.cli("digest", "send")
    assert unreachable.exit_code == 1 and "cannot connect" in unreachable.stderr
    status = d.cli("status", "--json")
    [mailbox] = json.loads(status.stdout)["mailboxes"]
    assert "connection refused" in mailbox["last_error"]
    problems = d.cli("digest", "status")
    assert "pending" in problems.stdout or "refused: 535" in problems.stdout
    app.engine.dispose()

    if d.url.startswith("postgresql"):
        # The database unreachable: its URL is shown, its password is not.
        down = make_url(d.url).set(port=1).render_as_string(hide_password=False)
        monkeypatch.setenv("ISCG_DATABASE_URL", down)
        result = d.cli("status")
        assert result.exit_code == 1
        assert result.stderr.startswith("error: database unavailable (postgresql+psycopg://"
                                        "postgres:***@127.0.0.1:1/")
        d.cli("status", debug=True)
        monkeypatch.setenv("ISCG_DATABASE_URL", d.url)

    # A password written into the file by mistake is refused without being repeated.
    toml = d.config_dir / "iscg-mailbot.toml"
    toml.write_text(toml.read_text().replace(
        f'password_env = "{SMTP_ENV}"', f'password = "{SMTP_SECRET}"'), encoding="utf-8")
    mistake = d.cli("config", "check")
    assert mistake.exit_code == 1 and "smtp.password: unknown key" in mistake.stderr

    everything = {"cli and exceptions": "\n".join(d.seen), "logs": log_text(caplog.records),
                  "database": database_text(d.url)}
    assert {where: leaks(text) for where, text in everything.items()} == {
        where: [] for where in everything}
    # The checks looked at real material: the passwords were used and are known to the
    # servers, the wrong ones were refused, the debug logs hold the IMAP dialogue.
    assert len(everything["logs"]) > 10_000 and "LOGIN **REDACTED**" in everything["logs"]


def json_records(log: Path) -> list[dict[str, Any]]:
    """The complete JSON lines the worker has written to ``log`` so far."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    return [json.loads(line) for line in lines if line.startswith("{") and line.endswith("\n")]


@pytest.mark.slow
def test_worker_json_logs_never_show_passwords(deployment: Deployment,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m iscg_mailbot --debug run``: IMAP login accepted (its protocol logged at
    DEBUG), SMTP login refused on every retry; the JSON lines on stderr name both events
    and hold neither password."""
    d = deployment
    toml = d.config_dir / "iscg-mailbot.toml"
    toml.write_text(toml.read_text() + "\n[worker]\nsync_minutes = 0.02\nretry_minutes = 0.02\n"
                    "lock_lease_seconds = 5\n", encoding="utf-8")
    monkeypatch.setenv(SMTP_ENV, SMTP_WRONG)
    assert d.cli("digest", "send").exit_code == 1  # recorded, refused, due again shortly
    log = d.config_dir.parent / "worker.log"
    with log.open("wb") as stderr:
        worker = subprocess.Popen([sys.executable, "-m", "iscg_mailbot", "--config",
                                   str(d.config_dir), "--debug", "run"],
                                  cwd=ROOT, env=dict(os.environ), stdout=subprocess.DEVNULL,
                                  stderr=stderr)
    with reaped(worker):
        # Wait for a sync that stored the mail, not merely the first sync: on a loaded
        # machine the first connection can time out before LOGIN, and the next poll retries.
        deadline = time.monotonic() + 60
        while not (any(r["message"] == "digest run failed" for r in json_records(log))
                   and any(r["message"] == "sync" and r.get("stored") == 3
                           for r in json_records(log))):
            assert worker.poll() is None and time.monotonic() < deadline, \
                log.read_text(errors="replace")[-3000:]
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        worker.wait(20)
    text = log.read_text(encoding="utf-8")
    records = json_records(log)
    messages = [record["message"] for record in records]
    assert any("LOGIN **REDACTED**" in message for message in messages)
    [failure, *_] = [r for r in records if r["message"] == "digest run failed"]
    assert f"login as '{SMTP_USER}' refused: 535" in failure["error"]
    assert any(r["message"] == "sync" and r.get("stored") == 3 for r in records)
    assert worker.returncode == 0 and messages[-1] == "worker stopped"
    assert leaks(text) == []


# -- TLS: verified by default, switched off only per server -------------------------------

def other_name_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate valid for other.example only (not 127.0.0.1)."""
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=other.example", "-addext", "subjectAltName=DNS:other.example",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def mailbox_toml(name: str, port: int, security: str, extra: str = "") -> str:
    return (f'[[mailboxes]]\nname = "{name}"\nlist = "{LIST.id}"\nhost = "127.0.0.1"\n'
            f'port = {port}\nsecurity = "{security}"\nusername = "iscg"\n'
            f'password_env = "{IMAP_ENV}"\ntimeout_seconds = 5\nmax_reconnects = 0\n{extra}\n')


def imap_app(tmp_path: Path, mailboxes: str) -> App:
    config_dir = tmp_path / "config"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "tls.db"}"\n\n[[lists]]\nid = "{LIST.id}"\n'
        f'address = "{LIST.address}"\n\n{mailboxes}', encoding="utf-8")
    settings = load_settings(config_dir)
    engine = connect(migrated_sqlite(tmp_path / "tls.db"))
    return App(settings=settings, engine=engine)


@pytest.fixture
def tls_dovecot(monkeypatch: pytest.MonkeyPatch) -> Iterator[DovecotServer]:
    require_service(dovecot_available(), "dovecot not installed: apt-get install dovecot-imapd")
    monkeypatch.setenv(IMAP_ENV, IMAP_SECRET)
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    with DovecotServer(password=IMAP_SECRET) as server:
        server.append("INBOX", recent_mail(2))
        yield server


def test_imap_certificates_verified_unless_switched_off_for_that_mailbox(
        tls_dovecot: DovecotServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    server = tls_dovecot
    ssl_port, starttls_port = server.tls_port, server.port
    assert ssl_port is not None
    app = imap_app(tmp_path, "".join([
        mailbox_toml("default-ssl", ssl_port, "ssl"),
        mailbox_toml("default-starttls", starttls_port, "starttls"),
        mailbox_toml("trusted", ssl_port, "ssl", f'ca_file = "{server.ca_file}"'),
        mailbox_toml("unverified", ssl_port, "ssl", "verify_certificate = false"),
    ]))
    with caplog.at_level(logging.WARNING):
        reports = {r.source: r for r in ingest.sync(app)}
    for name in ("default-ssl", "default-starttls"):
        error = reports[f"imap:{name}"].error or ""
        assert "TLS certificate verification failed (self-signed certificate)" in error, name
        assert "set ca_file" in error
    assert reports["imap:trusted"].error is None and reports["imap:trusted"].stored == 2
    assert reports["imap:unverified"].error is None
    assert reports["imap:unverified"].duplicates == 2  # it did read the mailbox
    [warning] = [r.getMessage() for r in caplog.records if "NOT verified" in r.getMessage()]
    assert warning.startswith(f"127.0.0.1:{ssl_port}: TLS certificate NOT verified")

    # The host name is checked too: a trusted certificate for another name is refused.
    other_cert, other_key = other_name_certificate(tmp_path / "other")
    server.kill()
    (server.root / "cert.pem").write_bytes(other_cert.read_bytes())
    (server.root / "key.pem").write_bytes(other_key.read_bytes())
    server.start()
    app.engine.dispose()
    app = imap_app(tmp_path, mailbox_toml("trusted", ssl_port, "ssl", f'ca_file = "{other_cert}"')
                   + mailbox_toml("unverified", ssl_port, "ssl", "verify_certificate = false"))
    reports = {r.source: r for r in ingest.sync(app)}
    assert "IP address mismatch" in (reports["imap:trusted"].error or "")
    assert reports["imap:unverified"].error is None
    app.engine.dispose()


def smtp_toml(port: int, extra: str) -> str:
    return (f'[smtp]\nhost = "127.0.0.1"\nport = {port}\ntimeout_seconds = 5\n{extra}\n\n'
            '[digest]\nfrom_address = "iscg-bot@example.org"\n')


def send_with(tmp_path: Path, smtp_section: str) -> tuple[int, str]:
    """`digest send` with this [smtp] section; due digests are retried each time."""
    config_dir = tmp_path / "config"
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "members.yaml").write_text(MEMBERS_YAML, encoding="utf-8")
    database = tmp_path / "smtp-tls.db"
    (config_dir / "iscg-mailbot.toml").write_text(
        f'[database]\nurl = "sqlite:///{database}"\n\n{smtp_section}', encoding="utf-8")
    engine = connect(migrated_sqlite(database))
    with session_scope(engine) as session:
        session.execute(update(OutboxEntry).values(next_attempt_at=None))
    engine.dispose()
    result = CliRunner().invoke(cli, ["--config", str(config_dir), "digest", "send"])
    return result.exit_code, result.stderr


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_smtp_certificates_verified_unless_switched_off_on_loopback(
        tmp_path: Path, smtp_certificate: tuple[Path, Path], security: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    other_cert, other_key = other_name_certificate(tmp_path / "other")
    with SmtpTestServer(tls=security, certificate=smtp_certificate) as server:
        code, error = send_with(tmp_path, smtp_toml(server.port, f'security = "{security}"'))
        assert code == 1 and "TLS certificate not trusted (self-signed certificate)" in error
        assert server.received == []
        code, error = send_with(tmp_path, smtp_toml(
            server.port, f'security = "{security}"\nca_file = "{smtp_certificate[0]}"'))
        assert code == 0, error
        assert len(server.received) == len(MEMBERS)
    with SmtpTestServer(tls=security, certificate=(other_cert, other_key)) as server:
        (tmp_path / "smtp-tls.db").unlink()
        code, error = send_with(tmp_path, smtp_toml(
            server.port, f'security = "{security}"\nca_file = "{other_cert}"'))
        assert code == 1 and "IP address mismatch" in error and server.received == []
        code, _ = send_with(tmp_path, smtp_toml(server.port, f'security = "{security}"\n'
                                                             "verify_certificate = false"))
        assert code == 0 and len(server.received) == len(MEMBERS)


def test_imap_verification_cannot_be_switched_off_for_a_remote_server(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    toml = config_dir / "iscg-mailbot.toml"
    toml.write_text('[[mailboxes]]\nname = "m"\nlist = "int-sect-team"\n'
                    'host = "imap.example.org"\nusername = "u"\npassword_env = "P"\n'
                    'verify_certificate = false\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config_dir), "config", "check"])
    assert result.exit_code == 1
    assert result.stderr == (f"error: {toml}: mailboxes.0: verify_certificate = false is "
                             "allowed only for 127.0.0.1/localhost; for a private CA set "
                             "ca_file instead\n")


def test_smtp_verification_cannot_be_switched_off_for_a_remote_server(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    toml = config_dir / "iscg-mailbot.toml"
    toml.write_text('[smtp]\nhost = "smtp.example.org"\nverify_certificate = false\n',
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config_dir), "config", "check"])
    assert result.exit_code == 1
    assert result.stderr == (f"error: {toml}: smtp: verify_certificate = false is allowed only "
                             "for 127.0.0.1/localhost; for a private CA set ca_file instead\n")
