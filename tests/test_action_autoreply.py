"""Auto-replies are recognised by their header fields, not only by their wording: the
parse stage flags them, the store keeps the flag, and they yield and close no items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.parse.headers import is_automatic
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

SAMPLE = Path(__file__).parent / "samples" / "autoreply" / "out-of-office-auto-submitted.eml"


def _raw(data: bytes) -> RawMessage:
    return RawMessage(data, Provenance(archive_path="autoreply.eml"))


def _without_header(data: bytes, name: bytes) -> bytes:
    return b"".join(line for line in data.splitlines(keepends=True)
                    if not line.lower().startswith(name.lower() + b":"))


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _sentences(app: App) -> list[str]:
    with app.session() as session:
        return [item.sentence for item in session.scalars(select(ActionItem))]


def test_out_of_office_with_auto_submitted_yields_no_item_on_either_database(app: App) -> None:
    data = SAMPLE.read_bytes()
    ids = store(app, _raw(data))
    report = extraction.extract_for_messages(app, ids)
    with app.session() as session:
        assert session.scalar(select(Message.auto_submitted).where(Message.id == ids[0]))
    assert (report.messages, report.added) == (1, 0)
    assert _sentences(app) == []


def test_the_same_text_without_the_header_yields_the_request(app: App) -> None:
    # The minimal pair: the wording alone does not give it away as an auto-reply.
    data = _without_header(SAMPLE.read_bytes(), b"Auto-Submitted")
    ids = store(app, _raw(data))
    extraction.extract_for_messages(app, ids)
    with app.session() as session:
        assert session.scalar(select(Message.auto_submitted).where(Message.id == ids[0])) is False
    assert any("before 5 November 2026" in s for s in _sentences(app))


def test_an_auto_reply_closes_nothing(app: App) -> None:
    ask = mail("ask1", "Chen Lihua <chen@example.int>", "2026-10-20T10:00:00+02:00",
               "Dear all,\n\nTSAG is requested to send its comments by 30 October 2026.\n\nChen\n")
    answer = mail("ooo1", "Klaus Brenner <klaus@example.de>", "2026-10-20T11:00:00+02:00",
                  "Thank you, done. Your message has been received.\n", parent="ask1")
    flagged = _raw(bytes(answer.data).replace(b"\nTo:", b"\nAuto-Submitted: auto-replied\nTo:", 1))
    extraction.extract_for_messages(app, store(app, ask))
    assert extraction.extract_for_messages(app, store(app, flagged)).closed == 0
    # Control: the same answer from a person closes the item.
    unflagged = _raw(bytes(answer.data).replace(b"<ooo1@", b"<ooo2@"))
    assert extraction.extract_for_messages(app, store(app, unflagged)).closed == 1


@pytest.mark.parametrize(("headers", "automatic"), [
    ({"auto-submitted": ["auto-replied"]}, True),
    ({"auto-submitted": [" Auto-Generated; owner-email=\"a@b.c\""]}, True),
    ({"auto-submitted": ["no"]}, False),
    ({"auto-submitted": ["No (comment)"]}, False),
    ({"x-autoreply": ["yes"]}, True),
    ({"x-autorespond": ["Vacation"]}, True),
    ({"precedence": ["auto_reply"]}, True),
    ({"precedence": ["bulk"]}, False),
    ({"precedence": ["list"]}, False),
    ({"x-auto-response-suppress": ["All"]}, False),
    ({}, False),
])
def test_which_header_fields_mark_a_message_as_automatic(
        headers: dict[str, list[str]], automatic: bool) -> None:
    assert is_automatic(headers) is automatic


def test_auto_submitted_no_is_parsed_as_written_by_a_person() -> None:
    data = SAMPLE.read_bytes()
    assert parse_message(_raw(data)).automatic is True
    said_no = data.replace(b"Auto-Submitted: auto-replied", b"Auto-Submitted: no")
    assert parse_message(_raw(said_no)).automatic is False
    assert parse_message(_raw(_without_header(data, b"Auto-Submitted"))).automatic is False
