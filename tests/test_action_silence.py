"""Silence procedures (issue 13, act-silence): a text, date or plan that stands unless
somebody objects by a day is one item the list owes, due that day, owned as the list's
convention for requests to everyone says; not the sender's promise of what follows.

Minimal pairs of our own wording: each silence against the same sentence with no day to
object by, with the silence over, or with no silence in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_silence import is_silence
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.conventions import DEFAULT_CONVENTIONS, Conventions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import LIST, action_app, mail, store

SENT = datetime(2031, 9, 1, 9, 0)  # a Monday
SENDER = Address("Klaus Brenner", "klaus.brenner@example.de")


def _input(text: str, conventions: Conventions = DEFAULT_CONVENTIONS) -> ActionInput:
    return ActionInput(f"Dear all,\n\n{text}\n\nKlaus\n", SENT, sender=SENDER,
                       to=(Address("", LIST),), list_address=LIST, conventions=conventions)


def items(text: str, conventions: Conventions = DEFAULT_CONVENTIONS
          ) -> list[tuple[str, str | None, date | None]]:
    message = _input(text, conventions)
    found = extract_actions(message)
    found = found + find_questions(message, found)
    return [(c.kind, c.owner, c.due) for c in found]


@pytest.mark.parametrize(("silence", "other"), [
    ("If no objection reaches me by 12 September, the draft is deemed agreed.",
     "No objection reached me by 12 September, so the draft is agreed."),
    ("Unless anybody objects by Friday, we will send the note to TSAG.",
     "Nobody objected by Friday, so we sent the note to TSAG."),
    ("If we hear nothing by Wednesday, the dates stand.",
     "We heard nothing by Wednesday, so the dates stand."),
    ("The silence period on the new wording runs until 15 September.",
     "The silence period on the new wording ended on 15 September."),
])
def test_a_silence_against_the_same_words_told_as_past(silence: str, other: str) -> None:
    assert is_silence(silence)
    assert not is_silence(other)


@pytest.mark.parametrize("text", [
    "Unless anybody objects by Friday, we will send the note to TSAG.",
    "If we hear nothing by Friday, I will post the final version.",
    "If you have an objection to the dates, please tell me by Friday.",
])
def test_a_silence_is_the_lists_item_due_that_day(text: str) -> None:
    assert items(text) == [("action", "ISCG", date(2031, 9, 5))]


def test_under_requests_to_all_nobody_it_is_nobodys() -> None:
    nobody = Conventions(requests_to_all="nobody")
    assert items("Unless anybody objects by Friday, we will send the note to TSAG.",
                 nobody) == [("action", None, date(2031, 9, 5))]


def test_a_silence_the_secretariat_announces_is_no_unit_promise() -> None:
    # Found at all: a silence in the passive ("... is considered agreed and will be
    # forwarded") held no item before.
    assert items("If no objection is received by 16:00 on Friday 12 September 2031, the "
                 "table is considered agreed and will be forwarded to TDAG.") == [
        ("action", "ISCG", date(2031, 9, 12))]


def test_a_day_to_object_by_makes_the_silence() -> None:
    # Without one ("in the absence of objection"), what the sender then does, as read.
    assert items("Unless anybody objects by Friday, we will send the note to TSAG.") == [
        ("action", "ISCG", date(2031, 9, 5))]
    assert items("Unless anybody objects, we will send the note to TSAG.") == [
        ("action", "Klaus Brenner", None)]


def test_the_day_to_object_by_is_the_one_to_come() -> None:
    # (review2) A day past said with it (when the text went out) leaves the silence its
    # only day to come, as the silence alone has it.
    assert items("The silence period for the text circulated on 25 August runs to 15 "
                 "September.") == [("action", "ISCG", date(2031, 9, 15))]
    assert items("The silence period for the text runs to 15 September.") == [
        ("action", "ISCG", date(2031, 9, 15))]


def test_the_question_whether_anyone_objects_is_the_silences() -> None:
    assert items("Is anyone against it? If we hear nothing by Friday, I will post the "
                 "final version.") == [("action", "ISCG", date(2031, 9, 5))]
    assert [k for k, _, _ in items("Does anyone object to the dates?")] == ["question"]


SILENCE = mail("s1", "Ingrid Solheim <ingrid@example.no>", "2031-09-01T09:00:00+02:00",
               "Dear all,\n\nThe revised table is attached. If no objection is received by "
               "Friday 12 September 2031, it is considered agreed.\n\nIngrid\n",
               subject="Revised table")


def _reply(body: str) -> object:
    return mail("s2", "Ingrid Solheim <ingrid@example.no>", "2031-09-08T09:00:00+02:00",
                f"Dear all,\n\n{body}\n\nIngrid\n", subject="Revised table", parent="s1")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _dues(app: App) -> list[date | None]:
    with app.session() as session:
        return sorted(i.due for i in session.scalars(select(ActionItem)))  # type: ignore[type-var]


def test_the_silence_said_again_is_the_same_item(app: App) -> None:
    extraction.extract_for_messages(app, store(app, SILENCE, _reply(
        "A reminder: the silence period runs until 12 September 2031.")))
    assert _dues(app) == [date(2031, 9, 12)]


def test_a_new_silence_for_another_day_is_a_second_item(app: App) -> None:
    extraction.extract_for_messages(app, store(app, SILENCE, _reply(
        "A new silence period runs until 19 September 2031 for the changed row only.")))
    assert _dues(app) == [date(2031, 9, 12), date(2031, 9, 19)]
