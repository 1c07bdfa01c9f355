"""Composing and sending the digest through a real aiosmtpd server started by the test."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from iscg_mailbot.deliver.compose import compose, header_text
from iscg_mailbot.deliver.smtp import DeliveryUncertain, SmtpConnectionError, SmtpSender
from iscg_mailbot.errors import AuthenticationError, ConfigError, DeliveryError
from iscg_mailbot.report.render import RenderedMail, render_digest
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig
from iscg_mailbot.settings.members import Member
from tests.digest_samples import CHAIR, seeded_digest
from tests.servers.smtp import SmtpTestServer

pytestmark = pytest.mark.smtp

SENT_AT = datetime(2024, 3, 11, 6, 0, 5, tzinfo=UTC)
CONFIG = DigestConfig(
    from_address="iscg-bot@example.org",
    reply_to="secretariat@example.int",
    list_unsubscribe="mailto:secretariat@example.int?subject=unsubscribe%20{address}",
)


def digest_message(member: Member = CHAIR) -> EmailMessage:
    digest = seeded_digest()
    return compose(render_digest(digest, member), digest, member, CONFIG, date=SENT_AT)


def plain(server: SmtpTestServer, **overrides: object) -> SmtpConfig:
    return SmtpConfig.model_validate({"host": server.host, "port": server.port,
                                      "security": "plain", **overrides})


def test_received_message_is_multipart_alternative_with_digest_headers(
        smtp_server: SmtpTestServer) -> None:
    with SmtpSender(plain(smtp_server)) as sender:
        sender.send(digest_message())
    [received] = smtp_server.received
    assert received.mail_from == "iscg-bot@example.org"
    assert received.rcpt_tos == ("amina.diallo@example.org",)
    message = received.message()
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert message["From"] == "ISCG digest <iscg-bot@example.org>"
    assert message["To"] == "Amina Diallo <amina.diallo@example.org>"
    assert message["Reply-To"] == "secretariat@example.int"
    assert message["Subject"] == ("[ITU Inter-Sector Coordination Group] Digest 4 Mar – 10 Mar "
                                  "2024: 6 messages in 3 threads, 1 overdue action")
    assert message["Date"] == "Mon, 11 Mar 2024 06:00:05 +0000"
    assert message["List-Id"] == '"ITU Inter-Sector Coordination Group" <int-sect-team.lists.itu.int>'
    assert message["List-Unsubscribe"] == (
        "<mailto:secretariat@example.int?subject=unsubscribe%20amina.diallo@example.org>")
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"].startswith("<iscg-digest.2024-03-04.")
    assert message["Message-ID"].endswith("@example.org>")
    text, html = (part.get_content() for part in message.iter_parts())
    assert "关于ISCG会议日程的建议" in text and "关于ISCG会议日程的建议" in html
    assert text.replace("\r\n", "\n") == render_digest(seeded_digest(), CHAIR).text


def test_message_id_is_stable_per_list_period_and_member() -> None:
    other = Member.model_validate({"name": "Wei Zhang", "address": "wei.zhang@example.org",
                                   "role": "observer"})
    first, again = digest_message(), digest_message()
    assert first["Message-ID"] == again["Message-ID"]
    assert digest_message(other)["Message-ID"] != first["Message-ID"]
    digest = seeded_digest()
    next_week = digest.__class__(**{**digest.__dict__, "period_key": "2024-03-11/2024-03-18"})
    moved = compose(render_digest(next_week, CHAIR), next_week, CHAIR, CONFIG, date=SENT_AT)
    assert moved["Message-ID"] != first["Message-ID"]


def test_list_content_cannot_inject_headers() -> None:
    digest = seeded_digest(hostile=True)
    hostile = RenderedMail(
        subject="Digest\r\nBcc: victim@example.com\r\n\r\n<html>\u202e\u200b\u2028X-Evil: 1",
        text="body", html="<p>body</p>")
    member = Member.model_validate({"name": 'Eve\r\nBcc: a@b.example "<x@y.example>",\u202e',
                                    "address": "eve@example.org", "role": "observer"})
    raw = compose(hostile, digest, member, CONFIG, date=SENT_AT).as_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    names = [line.split(":", 1)[0] for line in head.split("\r\n") if not line.startswith(" ")]
    assert "Bcc" not in names and "X-Evil" not in names
    assert names.count("Subject") == 1 and names.count("To") == 1
    from email import message_from_bytes, policy
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == "Digest Bcc: victim@example.com <html> X-Evil: 1"
    assert parsed["To"].addresses[0].addr_spec == "eve@example.org"
    assert len(parsed["To"].addresses) == 1


def test_header_text_keeps_joiners_for_scripts_that_need_them() -> None:
    persian = "می\u200cخواهم"  # zero-width non-joiner is part of the spelling
    assert header_text(persian) == persian
    assert header_text("a\u200bb\ufeffc\u2066d") == "abcd"


def test_missing_from_address_is_a_config_error() -> None:
    digest = seeded_digest()
    with pytest.raises(ConfigError, match=r"digest.from_address: required"):
        compose(render_digest(digest, CHAIR), digest, CHAIR, DigestConfig(), date=SENT_AT)


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_4xx_is_temporary_then_next_attempt_succeeds(smtp_server: SmtpTestServer,
                                                     stage: str) -> None:
    smtp_server.fail_next(1, "451 4.3.0 Try again later", stage=stage)
    with SmtpSender(plain(smtp_server)) as sender:
        with pytest.raises(DeliveryError) as failure:
            sender.send(digest_message())
        assert failure.value.temporary is True
        assert not isinstance(failure.value, SmtpConnectionError)
        assert "451" in str(failure.value)
        sender.send(digest_message())  # same session, after the server's RSET
    assert len(smtp_server.received) == 1


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_5xx_is_permanent(smtp_server: SmtpTestServer, stage: str) -> None:
    smtp_server.fail_next(1, "550 5.1.1 No such user", stage=stage)
    with SmtpSender(plain(smtp_server)) as sender, pytest.raises(DeliveryError) as failure:
        sender.send(digest_message())
    assert failure.value.temporary is False
    assert "550 5.1.1 No such user" in str(failure.value)
    assert smtp_server.received == []


def test_connection_refused_is_temporary_and_sender_recovers(
        smtp_server: SmtpTestServer) -> None:
    sender = SmtpSender(plain(smtp_server, timeout_seconds=5))
    smtp_server.refuse_connections()
    with pytest.raises(SmtpConnectionError) as failure:
        sender.send(digest_message())
    assert failure.value.temporary is True
    assert "cannot connect" in str(failure.value)
    smtp_server.accept_connections()
    sender.send(digest_message())
    sender.close()
    assert len(smtp_server.received) == 1


def test_connection_lost_during_data_is_uncertain(smtp_server: SmtpTestServer) -> None:
    smtp_server.drop_next(1)
    with SmtpSender(plain(smtp_server)) as sender:
        with pytest.raises(DeliveryUncertain) as failure:
            sender.send(digest_message())
        assert failure.value.temporary is True
        assert "may have accepted" in str(failure.value)
        sender.send(digest_message())  # a fresh session is opened for the next message
    # The server did take the first copy: that is why the outbox must not resend it.
    assert len(smtp_server.received) == 2


def test_dropped_idle_session_is_reopened(smtp_server: SmtpTestServer) -> None:
    with SmtpSender(plain(smtp_server)) as sender:
        sender.send(digest_message())
        smtp_server.refuse_connections()   # drops the open session too
        smtp_server.accept_connections()
        sender.send(digest_message())
    assert len(smtp_server.received) == 2


def test_connects_lazily() -> None:
    # Nothing listens on this port; creating and closing a sender must not try to connect.
    sender = SmtpSender(SmtpConfig(host="127.0.0.1", port=1, security="plain"))
    sender.close()


def test_starttls_with_verified_certificate_and_login(
        smtp_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    secret = "s3cret-Pa55"
    monkeypatch.setenv("TEST_SMTP_PASSWORD", secret)
    caplog.set_level(logging.DEBUG)
    with SmtpTestServer(tls="starttls", certificate=smtp_certificate,
                        user=("bot", secret)) as server:
        config = SmtpConfig(host="127.0.0.1", port=server.port, security="starttls",
                            ca_file=str(smtp_certificate[0]), username="bot",
                            password_env="TEST_SMTP_PASSWORD")
        with SmtpSender(config) as sender:
            sender.send(digest_message())
        assert server.logins == ["bot"]
        assert len(server.received) == 1
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong-" + secret)
        with SmtpSender(config) as sender, pytest.raises(AuthenticationError) as refused:
            sender.send(digest_message())
    assert "login as 'bot' refused: 535" in str(refused.value)
    assert secret not in str(refused.value)
    assert secret not in caplog.text


def test_ssl_with_verified_certificate(smtp_certificate: tuple[Path, Path]) -> None:
    with SmtpTestServer(tls="ssl", certificate=smtp_certificate) as server:
        config = SmtpConfig(host="127.0.0.1", port=server.port, security="ssl",
                            ca_file=str(smtp_certificate[0]))
        with SmtpSender(config) as sender:
            sender.send(digest_message())
        assert len(server.received) == 1


def test_untrusted_certificate_is_refused(smtp_certificate: tuple[Path, Path]) -> None:
    with SmtpTestServer(tls="starttls", certificate=smtp_certificate) as server:
        config = SmtpConfig(host="127.0.0.1", port=server.port, security="starttls")
        with SmtpSender(config) as sender, pytest.raises(SmtpConnectionError) as failure:
            sender.send(digest_message())
        assert "certificate not trusted" in str(failure.value)
        assert server.received == []


def test_plain_or_unverified_transport_only_on_loopback() -> None:
    with pytest.raises(ValueError, match="allowed only"):
        SmtpConfig(host="smtp.example.org", security="plain")
    with pytest.raises(ValueError, match="allowed only"):
        SmtpConfig(host="smtp.example.org", verify_certificate=False)
    assert SmtpConfig(host="smtp.example.org").effective_port == 587
    assert SmtpConfig(host="smtp.example.org", security="ssl").effective_port == 465
