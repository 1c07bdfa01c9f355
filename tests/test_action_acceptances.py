"""A reply that says yes to what it was asked, restating it, makes no second item.

Minimal pairs of our own wording, through the stored pipeline (SQLite and PostgreSQL):
the chair asks BDT for a table; Pierre (BDT) answers "Sure, will do - I will send the
table" (no new item: the chair's item is the work) while the same promise stays an item
when it is not opened as an acceptance, when it is only a step towards the answer ("I
will check ..."), when it sets a day of its own, when nobody asked the sender's unit,
and when the thread's request was stored by an earlier batch (the reply still reads it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_acceptances import Earlier, drop_restated
from iscg_mailbot.records import ActionCandidate, Address
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

ASK = mail("a1", "Ingrid Solheim <ingrid@example.no>", "2027-02-01T09:00:00+01:00",
           "Dear all,\n\nCould BDT send me the table of regional events by 19 February?\n\n"
           "Ingrid\n", subject="Regional events")


def reply(body: str, sender: str = "Pierre Lefebvre <pierre@example.int>") -> object:
    return mail("a2", sender, "2027-02-01T15:00:00+01:00", f"Dear Ingrid,\n\n{body}\n\nBye\n",
                subject="Regional events", parent="a1")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def items_of_reply(app: App) -> list[str]:
    with app.session() as session:
        return [i.sentence for i in session.scalars(select(ActionItem))
                if "Ingrid" not in i.sentence and "regional events by" not in i.sentence]


def test_saying_yes_to_the_request_makes_no_second_item(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ASK, reply(
        "Sure, will do - I will send the table.")))
    assert items_of_reply(app) == []


def test_the_request_read_from_an_earlier_batch(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ASK))
    extraction.extract_for_messages(app, store(app, reply("Noted - BDT will send the table.")))
    assert items_of_reply(app) == []


@pytest.mark.parametrize("body", [
    "I will send the table.",                                  # no acceptance opener
    "Sure, will do - I will check the dates with the regional offices.",   # a step
    "Sure, will do - I will send the table by 5 February.",   # a day of its own
])
def test_a_promise_saying_more_than_yes_stays(app: App, body: str) -> None:
    extraction.extract_for_messages(app, store(app, ASK, reply(body)))
    assert items_of_reply(app) == [body]


def test_a_promise_by_someone_not_asked_stays(app: App) -> None:
    body = "Sure, will do - I will send the table."
    extraction.extract_for_messages(app, store(app, ASK, reply(
        body, "Chen Lihua <chen@example.int>")))
    assert items_of_reply(app) == [body]


def test_the_same_day_as_the_request_is_no_day_of_its_own() -> None:
    said = "Thanks - BDT will provide the table by 19 February."
    item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)), owner="BDT",
                           owner_kind="group", due=date(2027, 2, 19), due_text="19 February",
                           confidence=0.7, rule="entity_will")
    asked = [Earlier("BDT", date(2027, 2, 19), "action")]
    # The sender is read as speaking for BDT (its display name here; members.yaml too).
    assert drop_restated([item], Address("BDT", "bdt@example.int"), asked, None) == []
    assert drop_restated([item], Address("BDT", "bdt@example.int"),
                         [Earlier("BDT", date(2027, 2, 26), "action")], None) == [item]
