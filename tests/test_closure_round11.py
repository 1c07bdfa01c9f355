"""Closure, eleventh round (minimal pairs): a part answered in the question's own words
while the rest is put off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.actions import answers_question
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

REMOTE = "Could TSB let us know whether a remote option is possible for the meetings?"


def test_a_part_answered_in_the_questions_words_answers_it() -> None:
    partly = ("Possible for the plenary - the conference service will set it up. For the "
              "side events, I will come back to you next week.")
    assert answers_question(partly, REMOTE)
    only_put_off = ("The conference service will set it up for the plenary. For the side "
                    "events, I will come back to you next week.")
    assert not answers_question(only_put_off, REMOTE)


def test_an_answer_beside_other_work_being_checked_answers() -> None:
    how = "Could BR tell us how to register a correction before the deadline?"
    answer = ("Corrections go through the notice portal until 6 May. We are checking "
              "the frequencies now.")
    assert answers_question(answer, how)
    assert not answers_question("We are checking the frequencies now.", how)


def test_the_asking_verb_taken_up_is_not_an_answer() -> None:
    ask = "Could BDT confirm whether the workshop dates are fixed?"
    assert not answers_question("Confirmation will follow once I have checked with "
                                "the regional office, I will come back to you.", ask)


def test_taking_up_the_question_to_remark_on_it_is_not_an_answer() -> None:
    ask = "Could BDT tell us whether fellowships are available for the course?"
    assert not answers_question("Fellowships are an interesting question; I will come "
                                "back to you next week.", ask)
    assert answers_question("Fellowships for the course: two, from the regional "
                            "initiative; for travel, I will come back to you next week.", ask)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


@pytest.mark.parametrize(("reply", "status"), [
    (("Possible for the plenary - the conference service will set it up. For the side "
      "events, I will come back to you next week."), "done"),
    (("The conference service will set it up for the plenary. For the side events, I will "
      "come back to you next week."), "open"),
])
def test_the_owners_partial_answer_closes_the_question_in_the_thread(
        app: App, reply: str, status: str) -> None:
    ask = mail("ask", "Ingrid Solheim <ingrid@example.no>", "2026-10-01T09:00:00+02:00",
               "Dear Chen,\n\nCould TSB tell us whether remote participation is possible "
               "for the workshop?\n\nIngrid\n", subject="Workshop")
    extraction.extract_for_messages(app, store(app, ask))
    answer = mail("r", "Chen Lihua <chen@example.int>", "2026-10-02T09:00:00+02:00",
                  f"Dear Ingrid,\n\n{reply}\n\nChen\n", subject="Workshop", parent="ask")
    extraction.extract_for_messages(app, store(app, answer))
    with app.session() as session:
        item = session.scalars(select(ActionItem).where(ActionItem.message_pk == 1)).one()
    assert (item.owner, item.status) == ("TSB", status)
