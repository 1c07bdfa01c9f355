"""Whose answer closes a question, and what else a reply closes: a body the question
itself names keeps its share for itself, while an owner inferred from around the
question (the greeting, a heading, the Sector named before it) is only whom the asker
hoped would answer, so another member's answer closes it; a name turned to further down
a reply is addressed; a question on what will be done is answered by saying it; a
request put as a question stays open while its deed is to come; the other sentences of
a delivery answer what they talk about; another owner's work to come keeps only that
owner's share open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.closure_greetings import addressees
from iscg_mailbot.analyse.closure_items import answers_question, detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _questions(app: App) -> list[tuple[str | None, str]]:
    with app.session() as session:
        return [(row.owner, row.status) for row in session.scalars(select(ActionItem))
                if row.kind == "question"]


def _ask_and_answer(app: App, ask: str) -> list[tuple[str | None, str]]:
    extraction.extract_for_messages(app, store(app, mail(
        "q1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00", ask,
        subject="Test labs")))
    extraction.extract_for_messages(app, store(app, mail(
        "q2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
        "Dear Klaus,\n\nThe ITU-T conformity database lists the eleven labs recognised "
        "under the CASC scheme, with their scopes.\n\nChen\n", subject="Test labs",
        parent="q1")))
    return _questions(app)


def test_a_question_owed_by_a_greeted_bureau_is_answered_by_another_member(app: App) -> None:
    found = _ask_and_answer(app, "Dear colleagues of BDT,\n\nIs there a list of the national "
                            "test labs in West Africa?\n\nKlaus\n")
    assert found == [("BDT", "done")]


def test_a_question_naming_its_bureau_waits_for_that_bureau(app: App) -> None:
    found = _ask_and_answer(app, "Dear colleagues,\n\nDoes BDT keep a list of the national "
                            "test labs in West Africa?\n\nKlaus\n")
    assert found == [("BDT", "open")]


# --- a question about what will be done, answered by saying what will be done ---------

@pytest.mark.parametrize(("reply", "answers"), [
    ("Thanks. I will take over the drafting of the reply for BDT.", True),
    ("Thanks. I will look into it and come back to you.", False),
    ("Sure, will do.", False),
])
def test_a_question_on_who_will_act_is_answered_by_the_promise_itself(reply: str,
                                                                      answers: bool) -> None:
    question = "Could BDT indicate who will take over the drafting of the reply?"
    assert answers_question(reply, question) is answers


# --- somebody turned to further down a reply is addressed too ---------------------------

@pytest.mark.parametrize(("reply", "greeted"), [
    ("Dear Ingrid,\n\nThe agenda is attached. Mateus: the room is booked for Tuesday.",
     {"ingrid", "mateus"}),
    ("Dear Ingrid,\n\nThe agenda is attached. The room is booked for Tuesday.", {"ingrid"}),
    ("Update: the room is booked for Tuesday.", set()),
])
def test_a_name_opening_a_later_sentence_is_addressed(reply: str, greeted: set[str]) -> None:
    assert addressees(reply) == greeted


# --- a request put as a question, answered by saying the deed is still to come ---------

_BROKEN = "Sorry - the printer was broken and was repaired this morning. "


@pytest.mark.parametrize(("reply", "answers"), [
    (_BROKEN + "The registration desk will print the badges for the session on Monday.",
     False),
    (_BROKEN + "The registration desk printed the badges for the session an hour ago.", True),
])
def test_a_request_put_as_a_question_stays_open_while_the_deed_is_to_come(
        reply: str, answers: bool) -> None:
    question = "Could the registration desk print the badges before the session?"
    assert answers_question(reply, question) is answers


# --- a reply that reports one item done may answer another in its other sentences -------

_PIERRE = Address("Pierre Lefebvre", "pierre@example.int")
_TWO = (OpenItem(1, "Pierre Lefebvre", "member", "I will send the workshop report."),
        OpenItem(2, "Pierre Lefebvre", "member",
                 "Could Pierre confirm whether the Nairobi venue is booked?"))


@pytest.mark.parametrize(("reply", "closed"), [
    ("The workshop report was sent this morning. The Nairobi venue is booked for the 12th.",
     [1, 2]),
    ("The workshop report was sent this morning. The photos are on the team site.", [1]),
])
def test_the_other_sentences_of_a_delivery_answer_what_they_talk_about(
        reply: str, closed: list[int]) -> None:
    assert [c.item_id for c in detect_closure(reply, _TWO, sender=_PIERRE)] == closed


# --- work left for later by another owner keeps only that owner's share open -------------

_SHARED = (OpenItem(1, "ITU-D SG2, BDT", "group",
                    "ITU-D SG2 and BDT are invited to share information on register "
                    "deployments and market impact."),)


@pytest.mark.parametrize(("later", "shares"), [
    ("The SG2 figures on deployments and market impact will come separately.", [("BDT",)]),
    ("BDT's figures on deployments and market impact will come separately.", []),
])
def test_what_another_owner_leaves_for_later_keeps_only_its_share_open(
        later: str, shares: list[tuple[str, ...]]) -> None:
    reply = "BDT's information was sent today. " + later
    assert [c.owners for c in detect_closure(reply, _SHARED)] == shares
