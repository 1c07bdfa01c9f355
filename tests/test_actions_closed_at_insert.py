"""An item that a reply of the same analysed batch closes is inserted closed, one write
a row (store/actions.stage_items and write_items): it was inserted open and then
updated to closed, on PostgreSQL two row versions and two sets of index entries an
item (~9,500 items of a 20,000-message import). The stored result is the same: the
closing reply's fields, the item's id (the one the INSERT would have given), the
owners' shares; an item stored before is still closed by an UPDATE."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, insert, select

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store import actions as store_actions
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import LS, REPLY, action_app, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _sent(engine: Engine) -> list[str]:
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(" ".join(statement.split()).lower())

    event.listen(engine, "before_cursor_execute", note)
    return statements


def _items(app: App) -> list[tuple[Any, ...]]:
    with app.session() as session:
        return [tuple(row) for row in session.execute(
            select(ActionItem.id, ActionItem.owner, ActionItem.status,
                   ActionItem.closed_by_message_pk, ActionItem.closed_at,
                   ActionItem.closing_sentence).order_by(ActionItem.id))]


def test_an_item_closed_by_a_reply_of_its_batch_is_inserted_closed(app: App,
                                                                    engine: Engine) -> None:
    ids = store(app, LS, REPLY)
    statements = _sent(engine)
    report = extraction.extract_for_messages(app, ids)
    assert (report.added, report.closed) == (4, 1)
    assert not [s for s in statements if s.startswith("update action_items")]
    with app.session() as session:
        reply = session.scalar(select(Message.id).where(Message.message_id.contains("r1@example")))
    found = _items(app)
    tsag = next(row for row in found if row[1] == "TSAG")
    assert tsag[2:4] == ("done", reply)
    assert tsag[5] == ("Done: please find attached our reply, agreed by the TSAG "
                       "management team.")
    # The same as when the reply comes in a later batch (closed by an UPDATE).
    with app.session() as session:
        session.execute(ActionItem.__table__.delete())
    extraction.extract_for_messages(app, ids[:1])
    extraction.extract_for_messages(app, ids[1:])
    assert any(s.startswith("update action_items set status") for s in statements)
    assert [row[1:] for row in _items(app)] == [row[1:] for row in found]


def test_the_ids_given_are_the_next_ones_an_insert_takes(app: App, engine: Engine) -> None:
    extraction.extract_for_messages(app, store(app, LS))
    with app.session() as session:
        top = session.scalar(select(ActionItem.id).order_by(ActionItem.id.desc()).limit(1))
        row = session.execute(select(ActionItem.__table__).where(ActionItem.id == top)).one()
        given = store_actions._new_ids(session, 3)
        assert given == sorted(given) and len(set(given)) == 3 and given[0] > top
        if engine.dialect.name == "sqlite":  # one more than the largest stored
            assert given == [top + 1, top + 2, top + 3]
        # The next row the table numbers itself follows them.
        values = {**row._asdict(), "span_start": 999_999}
        del values["id"]
        inserted = session.execute(insert(ActionItem.__table__).values(values)
                                   .returning(ActionItem.id)).scalar_one()
        if engine.dialect.name == "postgresql":
            assert inserted == given[-1] + 1
        else:  # (nothing inserted under them yet)
            assert inserted == top + 1
        session.rollback()
