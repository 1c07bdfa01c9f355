"""`sync` against a real Dovecot: first and incremental sync, quarantine, UIDVALIDITY change,
a server lost mid-sync, and \\Seen flags left alone. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from sqlalchemy import Engine, func, select

from iscg_mailbot.records import MailboxState, RawBatch
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import sync
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.source.imap import ImapSource
from iscg_mailbot.store.models import Mailbox, Message, QuarantinedMessage, Thread
from tests.servers.dovecot import DovecotServer


def mail(n: int, *, reply_to: int | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Member {n} <member{n}@example.org>"
    msg["To"] = "int-sect-team@lists.itu.int"
    msg["Subject"] = f"Re: LS {reply_to}" if reply_to else f"LS {n}"
    msg["Date"] = f"Tue, 06 Oct 2026 10:{n % 60:02d}:00 +0200"
    msg["Message-ID"] = f"<m{n}@example.org>"
    if reply_to:
        msg["In-Reply-To"] = f"<m{reply_to}@example.org>"
    msg.set_content(f"Message number {n}.\n")
    return msg.as_bytes().replace(b"\n", b"\r\n")


def make_app(engine: Engine, dovecot: DovecotServer, **overrides: object) -> App:
    config = dovecot.mailbox_config(name="iscg", list="int-sect-team", **overrides)
    return App(settings=Settings(mailboxes=(config,)), engine=engine)


def stored_ids(app: App) -> list[str]:
    with app.session() as session:
        return sorted(session.scalars(select(Message.message_id)))


def source_killing_server_after(app: App, dovecot: DovecotServer, batches: int) -> ImapSource:
    """A source for the app's mailbox that kills Dovecot once it has read ``batches``."""
    source = ImapSource(app.settings.mailboxes[0], dovecot.password, retry_delay=0.01)
    original = source.fetch_new

    def dies_after(state: MailboxState | None) -> Iterator[RawBatch]:
        for index, batch in enumerate(original(state), start=1):
            yield batch
            if index == batches:
                dovecot.kill()

    source.fetch_new = dies_after  # type: ignore[method-assign]
    return source


def test_first_then_incremental_sync(engine: Engine, dovecot: DovecotServer) -> None:
    app = make_app(engine, dovecot, batch_size=3)
    dovecot.append("INBOX", [mail(n) for n in range(1, 8)])
    [first] = sync(app)
    assert (first.stored, first.batches, first.error) == (7, 3, None)
    dovecot.append("INBOX", [mail(8, reply_to=1), mail(9)])
    [second] = sync(app)
    assert second.stored == 2 and second.fetched == 2
    [third] = sync(app)
    assert third.fetched == 0 and third.stored == 0
    assert stored_ids(app) == sorted(f"m{n}@example.org" for n in range(1, 10))
    with app.session() as session:
        reply = session.scalars(select(Message).where(Message.message_id == "m8@example.org")).one()
        root = session.scalars(select(Message).where(Message.message_id == "m1@example.org")).one()
        assert reply.thread_id == root.thread_id
        assert reply.source_mailbox == "iscg" and reply.source_uid == 8
        mailbox_row = session.scalars(select(Mailbox)).one()
        assert mailbox_row.last_uid == 9 and mailbox_row.messages_stored == 9
        assert mailbox_row.uidvalidity == dovecot.uidvalidity("INBOX")


def test_malformed_message_is_quarantined_and_sync_goes_on(engine: Engine, dovecot: DovecotServer) -> None:
    app = make_app(engine, dovecot)
    dovecot.append("INBOX", [mail(1), b"\r\n\r\n", mail(2)])
    [report] = sync(app)
    assert report.stored == 2 and report.quarantined == 1
    with app.session() as session:
        row = session.scalars(select(QuarantinedMessage)).one()
        assert row.source_mailbox == "iscg" and row.source_uid == 2 and row.reason
    [again] = sync(app)
    assert again.fetched == 0


def test_uidvalidity_change_rereads_without_duplicates(engine: Engine, dovecot: DovecotServer) -> None:
    app = make_app(engine, dovecot)
    dovecot.append("INBOX", [mail(n) for n in range(1, 5)])
    sync(app)
    dovecot.recreate_folder("INBOX")
    dovecot.append("INBOX", [mail(5)])
    [report] = sync(app)
    assert report.fetched == 5 and report.stored == 1 and report.duplicates == 4
    assert len(stored_ids(app)) == 5


def test_server_lost_mid_sync_then_resumed(engine: Engine, dovecot: DovecotServer) -> None:
    app = make_app(engine, dovecot, batch_size=4, max_reconnects=1)
    dovecot.append("INBOX", [mail(n) for n in range(1, 21)])
    source = source_killing_server_after(app, dovecot, batches=2)
    [broken] = sync(app, sources={"iscg": source})
    source.close()
    assert broken.error is not None and broken.stored == 8
    with app.session() as session:
        row = session.scalars(select(Mailbox)).one()
        assert row.last_uid == 8 and row.last_error == broken.error
    dovecot.restart()
    [resumed] = sync(app)
    assert resumed.error is None and resumed.stored == 12 and resumed.duplicates == 0
    assert stored_ids(app) == sorted(f"m{n}@example.org" for n in range(1, 21))
    with app.session() as session:
        assert session.scalar(select(func.count()).select_from(Thread)) == 20
        assert session.scalars(select(Mailbox)).one().last_error is None


@pytest.mark.slow
def test_large_sync_parsed_by_workers_survives_a_lost_server(
    engine: Engine, dovecot: DovecotServer
) -> None:
    """Batches big enough for the parse workers: the next batch is read while one is
    stored; the server dies after the second batch was read; both are stored, nothing
    is lost or doubled when the next pass resumes."""
    config = dovecot.mailbox_config(name="iscg", list="int-sect-team", batch_size=200,
                                    max_reconnects=1)
    app = App(settings=Settings(mailboxes=(config,), parse_processes=2), engine=engine)
    dovecot.append("INBOX", [mail(n) for n in range(1, 451)])
    source = source_killing_server_after(app, dovecot, batches=2)
    [broken] = sync(app, sources={"iscg": source})
    source.close()
    assert broken.error is not None and broken.stored == 400
    dovecot.restart()
    [resumed] = sync(app)
    assert resumed.error is None and resumed.stored == 50 and resumed.duplicates == 0
    assert stored_ids(app) == sorted(f"m{n}@example.org" for n in range(1, 451))
    with app.session() as session:
        assert session.scalars(select(Mailbox)).one().last_uid == 450


def test_sync_leaves_seen_flags_alone(engine: Engine, dovecot: DovecotServer) -> None:
    app = make_app(engine, dovecot)
    dovecot.append("INBOX", [mail(1)], flags=["\\Seen"])
    dovecot.append("INBOX", [mail(2)])
    before = dovecot.flags("INBOX")
    sync(app)
    assert dovecot.flags("INBOX") == before
    assert "\\Seen" not in before[2]
