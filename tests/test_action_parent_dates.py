"""A reply's item counted from the deadline its parent gave (action_parent_dates).

Minimal pairs of our own wording: the same reply sentence is dated from the parent's
one deadline, and stays undated when the parent gave none, gave two different days,
when the reply states its own deadline first, when the words count from no deadline,
or when the deadline belongs to a purpose ("so that ... before the deadline"). Through
the stored pipeline as well (SQLite and PostgreSQL): the parent's text and date reach
the extractor.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_parent_dates import date_from_parent
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.members import load_members
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

GENEVA = timezone(timedelta(hours=1))
ASKED = datetime(2027, 2, 1, 9, 0, tzinfo=GENEVA)     # a Monday
REPLIED = datetime(2027, 2, 1, 15, 0, tzinfo=GENEVA)
SENDER = Address("Nadia Haddad", "nadia.haddad@itu.int")
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
EXTRACT = partial(extract_actions, members=MEMBERS)


def due(reply: str, parent: str) -> date | None:
    message = ActionInput(reply, REPLIED, sender=SENDER, parent_text=parent,
                          parent_date=ASKED)
    items = date_from_parent(EXTRACT(message), message, EXTRACT)
    dated = [c.due for c in items if c.kind == "action"]
    assert len(dated) == 1, items
    return dated[0]


ONE_DEADLINE = "Could BR and BDT send me their tables by 12 February?"


@pytest.mark.parametrize(("reply", "want"), [
    ("The merged table will be circulated one week after the deadline.", date(2027, 2, 19)),
    ("I will send the merged table to the list two days after the Bureaux' deadline.",
     date(2027, 2, 14)),
    ("We will publish the merged table within 3 working days of the deadline.",
     date(2027, 2, 17)),
    ("I will check the tables before the deadline.", date(2027, 2, 12)),
])
def test_counted_from_the_parent_s_one_deadline(reply: str, want: date) -> None:
    assert due(reply, ONE_DEADLINE) == want


def test_a_closing_day_the_parent_told_dates_before_it_closes() -> None:
    parent = "Anyone may answer the online survey; it closes on 26 February 2027."
    assert due("I will fill it in before it closes.", parent) == date(2027, 2, 26)
    assert due("I will fill it in before it closes.", "Anyone may answer the survey.") is None


@pytest.mark.parametrize("parent", [
    "",
    "Could BR send its table by 12 February and BDT its own by 19 February?",
    "Could BR and BDT send me their tables?",
])
def test_no_one_deadline_in_the_parent_leaves_the_item_undated(parent: str) -> None:
    assert due("The merged table will be circulated one week after the deadline.",
               parent) is None


@pytest.mark.parametrize("reply", [
    # Its own deadline first: "the deadline" is that one (or none is counted).
    ("The tables are due on 20 February. The merged table will be circulated one week after "
     "the deadline."),
    # "after the deadline" alone names no day.
    "The merged table will be circulated after the deadline.",
    # The deadline dates the purpose, not the asking.
    "I will ask the rapporteurs to meet so that a reply can be agreed before the deadline.",
])
def test_the_parent_s_deadline_is_not_taken_when_the_reply_says_otherwise(reply: str) -> None:
    message = ActionInput(reply, REPLIED, sender=SENDER, parent_text=ONE_DEADLINE,
                          parent_date=ASKED)
    items = date_from_parent(EXTRACT(message), message, EXTRACT)
    assert all(c.due != date(2027, 2, 19) and c.due != date(2027, 2, 12) for c in items)


REQUEST = mail("d1", "Ingrid Solheim <ingrid@example.no>", "2027-02-01T09:00:00+01:00",
               "Dear all,\n\nCould BR and BDT send me their tables by 12 February?\n\nIngrid\n",
               subject="Tables")
PROMISE = mail("d2", "Nadia Haddad <nadia.haddad@itu.int>", "2027-02-01T15:00:00+01:00",
               "Dear Ingrid,\n\nI will circulate the merged table one week after the "
               "deadline.\n\nNadia\n", subject="Tables", parent="d1")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def test_the_stored_reply_reads_its_parent_s_deadline(app: App) -> None:
    extraction.extract_for_messages(app, store(app, REQUEST, PROMISE))
    with app.session() as session:
        dues = {i.sentence: i.due for i in session.scalars(select(ActionItem))}
    assert dues["I will circulate the merged table one week after the deadline."] == date(
        2027, 2, 19)
