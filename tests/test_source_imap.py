"""ImapSource against a real Dovecot: batching, incremental sync, polls, UIDVALIDITY
changes, a server killed mid-sync, \\Seen left alone, bad passwords and TLS checks."""

from __future__ import annotations

import imaplib
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import pytest

from iscg_mailbot.errors import AuthenticationError, SourceError
from iscg_mailbot.records import MailboxState, RawBatch
from iscg_mailbot.source.imap import ImapSource
from tests.servers.dovecot import DovecotServer

pytestmark = pytest.mark.imap


def messages(count: int, first: int = 1) -> list[bytes]:
    return [
        (
            f"From: Member {n} <m{n}@example.org>\r\n"
            f"To: iscg@lists.itu.int\r\n"
            f"Subject: Item {n}\r\n"
            f"Message-ID: <item-{n}@example.org>\r\n"
            f"\r\n"
            f"Body of item {n}.\r\n"
        ).encode()
        for n in range(first, first + count)
    ]


def make_source(server: DovecotServer, **overrides: Any) -> ImapSource:
    security = overrides.pop("security", "plain")
    password = overrides.pop("password", server.password)
    retry_delay = overrides.pop("retry_delay", 0.05)
    return ImapSource(server.mailbox_config(security, **overrides), password,
                      retry_delay=retry_delay)


def uids_of(batches: list[RawBatch]) -> list[int]:
    return [m.provenance.uid for b in batches for m in b.messages if m.provenance.uid]


@pytest.fixture
def imap_commands(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every IMAP command line any client sends in this test, by name ("UID FETCH").

    Counted where the bytes leave (IMAP4.send), because imapclient writes some
    commands (SEARCH, APPEND) itself instead of going through imaplib's _command.
    """
    sent: list[str] = []
    original = imaplib.IMAP4.send

    def counting(self: imaplib.IMAP4, data: bytes) -> None:
        words = bytes(data).split(None, 3)
        tag_prefix = cast(bytes, self.tagpre)  # bytes at runtime; typeshed says str
        # A command line starts with this connection's tag; literals never do.
        if len(words) >= 2 and words[0].startswith(tag_prefix):
            name = words[1].decode().upper()
            if name == "UID" and len(words) >= 3:
                name += " " + words[2].decode().upper()
            sent.append(name)
        original(self, data)

    monkeypatch.setattr(imaplib.IMAP4, "send", counting)
    return sent


@pytest.fixture
def source(dovecot: DovecotServer) -> Iterator[ImapSource]:
    with make_source(dovecot, batch_size=2) as src:
        yield src


def test_first_fetch_returns_everything_in_uid_order_in_batches(
    dovecot: DovecotServer, source: ImapSource, imap_commands: list[str]
) -> None:
    sent_at = datetime(2024, 3, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    raw = messages(5)
    assert dovecot.append("INBOX", raw, internaldate=sent_at) == [1, 2, 3, 4, 5]
    imap_commands.clear()

    batches = list(source.fetch_new(None))
    sent = list(imap_commands)

    uidvalidity = dovecot.uidvalidity()
    assert [len(b.messages) for b in batches] == [2, 2, 1]
    assert [b.state for b in batches] == [
        MailboxState(uidvalidity, 2), MailboxState(uidvalidity, 4), MailboxState(uidvalidity, 5)
    ]
    assert not any(b.reset for b in batches)
    assert uids_of(batches) == [1, 2, 3, 4, 5]
    assert [m.data for b in batches for m in b.messages] == raw
    first = batches[0].messages[0]
    assert (first.provenance.mailbox, first.provenance.uidvalidity) == ("test", uidvalidity)
    assert first.received_at == datetime(2024, 3, 1, 10, 30, tzinfo=UTC)
    assert first.received_at.utcoffset() == timedelta(0)
    # One FETCH per batch, never one per message.
    assert sent.count("UID FETCH") == 3
    assert sent.count("UID SEARCH") == 1
    assert sent.count("LOGIN") == 1


def test_incremental_fetch_on_the_open_connection_returns_only_new_messages(
    dovecot: DovecotServer, source: ImapSource, imap_commands: list[str]
) -> None:
    dovecot.append("INBOX", messages(3))
    state = list(source.fetch_new(None))[-1].state
    dovecot.append("INBOX", messages(3, first=4))
    imap_commands.clear()

    batches = list(source.fetch_new(state))

    assert uids_of(batches) == [4, 5, 6]
    assert [m.data for b in batches for m in b.messages] == messages(3, first=4)
    assert batches[-1].state == MailboxState(state.uidvalidity, 6)
    assert "LOGIN" not in imap_commands  # the connection was kept open


def test_no_change_poll_yields_nothing_with_one_command(
    dovecot: DovecotServer, source: ImapSource, imap_commands: list[str]
) -> None:
    dovecot.append("INBOX", messages(3))
    state = list(source.fetch_new(None))[-1].state
    imap_commands.clear()

    started = time.perf_counter()
    assert list(source.fetch_new(state)) == []
    elapsed = time.perf_counter() - started

    assert len(imap_commands) <= 2
    assert imap_commands == ["STATUS"]
    assert elapsed < 0.05
    assert source.poll_has_new(state) is False
    dovecot.append("INBOX", messages(1, first=4))
    assert source.poll_has_new(state) is True
    assert uids_of(list(source.fetch_new(state))) == [4]


def test_message_expunged_after_the_last_one_stored_is_not_fetched_again(
    dovecot: DovecotServer, source: ImapSource
) -> None:
    dovecot.append("INBOX", messages(3))
    state = list(source.fetch_new(None))[-1].state
    (extra,) = dovecot.append("INBOX", messages(1, first=4))
    dovecot.expunge("INBOX", [extra])  # UIDNEXT moved on, but nothing new is left

    # UID SEARCH 4:* answers with UID 3 (the highest); it must not come back.
    assert list(source.fetch_new(state)) == []
    dovecot.append("INBOX", messages(1, first=5))
    assert uids_of(list(source.fetch_new(state))) == [5]


def test_state_from_an_earlier_run_is_honoured_by_a_new_connection(
    dovecot: DovecotServer,
) -> None:
    dovecot.append("INBOX", messages(4))
    uidvalidity = dovecot.uidvalidity()
    with make_source(dovecot) as fresh:
        batches = list(fresh.fetch_new(MailboxState(uidvalidity, 2)))
    assert uids_of(batches) == [3, 4]


@pytest.mark.parametrize("folder", ["INBOX", "Lists/iscg"])
def test_uidvalidity_change_reads_everything_again_with_reset(
    dovecot: DovecotServer, folder: str
) -> None:
    dovecot.append(folder, messages(3))
    with make_source(dovecot, folder=folder, batch_size=2) as src:
        old_state = list(src.fetch_new(None))[-1].state
        new_uidvalidity = dovecot.recreate_folder(folder)

        batches = list(src.fetch_new(old_state))

    assert [b.reset for b in batches] == [True, False]
    assert [m.data for b in batches for m in b.messages] == messages(3)
    assert {m.provenance.uidvalidity for b in batches for m in b.messages} == {new_uidvalidity}
    assert batches[-1].state.uidvalidity == new_uidvalidity
    assert batches[-1].state.uidvalidity != old_state.uidvalidity


def test_uidvalidity_change_of_an_empty_folder_is_recorded_by_an_empty_batch(
    dovecot: DovecotServer, source: ImapSource
) -> None:
    uidvalidity = dovecot.uidvalidity()
    assert list(source.fetch_new(None)) == [RawBatch((), MailboxState(uidvalidity, 0))]
    batches = list(source.fetch_new(MailboxState(uidvalidity - 5, last_uid=9)))
    assert batches == [RawBatch((), MailboxState(uidvalidity, 0), reset=True)]
    assert list(source.fetch_new(batches[0].state)) == []


def test_server_killed_mid_iteration_resumes_without_loss_or_duplicate(
    dovecot: DovecotServer, caplog: pytest.LogCaptureFixture
) -> None:
    dovecot.append("INBOX", messages(7))
    caplog.set_level(logging.INFO, logger="iscg_mailbot.source.imap")
    received: list[int] = []
    with make_source(dovecot, batch_size=2, retry_delay=0.1, max_reconnects=6) as src:
        iterator = src.fetch_new(None)
        first = next(iterator)
        received.extend(uids_of([first]))
        dovecot.kill()  # every connection drops; nothing listens for a while
        restart = threading.Timer(0.25, dovecot.restart)
        restart.start()
        try:
            rest = list(iterator)
        finally:
            restart.join()
    received.extend(uids_of(rest))

    assert received == [1, 2, 3, 4, 5, 6, 7]
    assert rest[-1].state.last_uid == 7
    retries = [r for r in caplog.records if "reconnecting" in r.getMessage()]
    assert len(retries) >= 2  # the immediate retry is refused, backoff follows
    assert dovecot.password not in caplog.text


def test_server_gone_for_good_raises_one_line_source_error(
    dovecot: DovecotServer,
) -> None:
    dovecot.append("INBOX", messages(1))
    with make_source(dovecot, max_reconnects=2, retry_delay=0.01) as src:
        list(src.fetch_new(None))
        dovecot.kill()
        with pytest.raises(SourceError) as caught:
            list(src.fetch_new(None))
    text = str(caught.value)
    assert text == (f"IMAP 127.0.0.1:{dovecot.port}: connection refused "
                    "(gave up after 2 reconnection attempts)")


def test_hung_server_times_out_into_a_source_error(
    dovecot: DovecotServer,
) -> None:
    dovecot.append("INBOX", messages(1))
    # 0.5 s: short for a test, long enough for a loaded machine's normal answers.
    with make_source(dovecot, timeout_seconds=0.5, max_reconnects=1, retry_delay=0.01) as src:
        list(src.fetch_new(None))
        dovecot.freeze()
        try:
            started = time.perf_counter()
            with pytest.raises(SourceError) as caught:
                list(src.fetch_new(None))
            elapsed = time.perf_counter() - started
        finally:
            dovecot.thaw()
        assert str(caught.value) == (f"IMAP 127.0.0.1:{dovecot.port}: timed out "
                                     "(gave up after 1 reconnection attempt)")
        assert elapsed < 5  # two timeouts of 0.5 s and a reconnect, not a hang
        # Once the server answers again the same source carries on.
        dovecot.append("INBOX", messages(1, first=2))
        assert uids_of(list(src.fetch_new(None))) == [1, 2]


def test_fetching_leaves_seen_and_other_flags_untouched(
    dovecot: DovecotServer, source: ImapSource
) -> None:
    dovecot.append("INBOX", messages(2))
    dovecot.append("INBOX", messages(1, first=3), flags=["\\Seen", "\\Flagged"])
    before = dovecot.flags()

    assert uids_of(list(source.fetch_new(None))) == [1, 2, 3]

    after = dovecot.flags()
    assert after == before
    assert "\\Seen" not in after[1] and "\\Seen" not in after[2]
    assert "\\Seen" in after[3]


def test_wrong_password_raises_authentication_error_at_once(
    dovecot: DovecotServer, imap_commands: list[str]
) -> None:
    wrong = "not-the-Pa55word"
    with make_source(dovecot, password=wrong) as src, pytest.raises(AuthenticationError) as caught:
        list(src.fetch_new(None))
    text = str(caught.value)
    assert text.startswith(
        f"IMAP login failed for user {dovecot.username} on 127.0.0.1:{dovecot.port}: "
    )
    assert "Authentication failed" in text
    assert wrong not in text and dovecot.password not in text
    assert imap_commands.count("LOGIN") == 1  # never retried


def test_missing_folder_is_a_source_error(dovecot: DovecotServer) -> None:
    expected = r"IMAP 127\.0\.0\.1:\d+: cannot read folder 'Lists/nope': .*exist"
    with make_source(dovecot, folder="Lists/nope") as src, pytest.raises(SourceError, match=expected):
        list(src.fetch_new(None))


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_with_the_servers_ca_file_fetches(
    dovecot: DovecotServer, security: str
) -> None:
    dovecot.append("INBOX", messages(2))
    with make_source(dovecot, security=security) as src:
        assert uids_of(list(src.fetch_new(None))) == [1, 2]


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_verification_failure_is_a_clear_source_error(
    dovecot: DovecotServer, security: str
) -> None:
    started = time.perf_counter()
    with (
        make_source(dovecot, security=security, ca_file=None, retry_delay=1.0) as src,
        pytest.raises(SourceError) as caught,
    ):
        list(src.fetch_new(None))
    text = str(caught.value)
    assert "TLS certificate verification failed (self-signed certificate)" in text
    assert "set ca_file" in text
    assert "\n" not in text
    assert time.perf_counter() - started < 0.9  # not retried with backoff


def test_verification_can_be_switched_off_explicitly(
    dovecot: DovecotServer, caplog: pytest.LogCaptureFixture
) -> None:
    dovecot.append("INBOX", messages(1))
    with make_source(dovecot, security="ssl", ca_file=None, verify_certificate=False) as src:
        assert uids_of(list(src.fetch_new(None))) == [1]
    assert "NOT verified" in caplog.text
