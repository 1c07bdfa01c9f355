"""Storing messages is idempotent and keeps everything the issue lists (both databases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from iscg_mailbot.records import Address, Attachment, ParsedMessage, Provenance, RawMessage
from iscg_mailbot.store.messages import ensure_list, quarantine, save_messages
from iscg_mailbot.store.models import Message, MessageReference, QuarantinedMessage


def parsed(message_id: str, *, refs: tuple[str, ...] = (), date: datetime | None = None) -> ParsedMessage:
    return ParsedMessage(
        message_id=message_id,
        synthetic_id=False,
        in_reply_to=refs[-1] if refs else None,
        references=refs,
        subject=f"Re: LS on {message_id}" if refs else f"LS on {message_id}",
        normalised_subject=f"ls on {message_id}",
        sender=Address("María Fernández", "maria@example.gov.br"),
        to=(Address("", "int-sect-team@lists.itu.int"),),
        cc=(Address("TSB", "tsb@itu.int"),),
        date=date or datetime(2026, 10, 1, 8, 30, tzinfo=UTC),
        body_text="New text\n> quoted",
        new_text="New text",
        quoted_text="> quoted",
        signature="",
        attachments=(Attachment("TSAG-TD409.pdf", "application/pdf", 1234),),
        raw_size=2048,
        list_id="int-sect-team.lists.itu.int",
        provenance=Provenance(mailbox="inbox", uidvalidity=7, uid=42),
    )


def test_saving_twice_adds_nothing(engine: Engine) -> None:
    with Session(engine) as session:
        lst = ensure_list(session, "int-sect-team", "int-sect-team@lists.itu.int")
        first = save_messages(session, lst.id, [parsed("a@x"), parsed("b@x", refs=("a@x",))])
        second = save_messages(session, lst.id, [parsed("a@x"), parsed("b@x", refs=("a@x",))])
        session.commit()
        assert len(first.new_message_ids) == 2 and first.duplicates == 0
        assert second.new_message_ids == [] and second.duplicates == 2
        assert session.scalar(select(func.count()).select_from(Message)) == 2
        refs = session.execute(select(MessageReference.referenced_id)).scalars().all()
        assert refs == ["a@x"]


def test_duplicate_inside_one_batch_is_stored_once(engine: Engine) -> None:
    with Session(engine) as session:
        lst = ensure_list(session, "l", "l@x")
        result = save_messages(session, lst.id, [parsed("a@x"), parsed("a@x")])
        assert len(result.new_message_ids) == 1 and result.duplicates == 1


def test_message_keeps_fields_and_utc_date(engine: Engine) -> None:
    geneva = timezone(timedelta(hours=2))
    with Session(engine) as session:
        lst = ensure_list(session, "l", "l@x")
        save_messages(session, lst.id, [parsed("a@x", date=datetime(2026, 10, 1, 10, 30, tzinfo=geneva))])
        session.commit()
    with Session(engine) as session:
        message = session.scalars(select(Message)).one()
        assert message.date == datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
        assert message.date.tzinfo is not None
        assert message.sender_name == "María Fernández"
        assert message.cc_addresses == [{"name": "TSB", "address": "tsb@itu.int"}]
        assert message.attachments == [
            {"filename": "TSAG-TD409.pdf", "content_type": "application/pdf", "size": 1234}
        ]
        assert (message.source_mailbox, message.source_uidvalidity, message.source_uid) == ("inbox", 7, 42)
        assert message.new_text == "New text" and message.quoted_text == "> quoted"


def test_quarantine_keeps_bytes_once(engine: Engine) -> None:
    raw = RawMessage(b"\x00\xffnot mail", Provenance(archive_path="x.mbox#3"))
    with Session(engine) as session:
        lst = ensure_list(session, "l", "l@x")
        assert quarantine(session, lst.id, raw, "no headers") is True
        assert quarantine(session, lst.id, raw, "no headers") is False
        session.commit()
        row = session.scalars(select(QuarantinedMessage)).one()
        assert row.raw == b"\x00\xffnot mail"
        assert row.reason == "no headers" and row.source_path == "x.mbox#3"
