"""Promises that are no work owed the list (issue 13, act-will): a speaker's part, a deed
left to others, a meeting's deliberation, and a request taking its course.

Minimal pairs of our own wording: each promise against the same one taking the thing to
an audience, delivering it to the readers, or not following a request of the thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_roles import hands_over, meeting_deliberates, speaking_role
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

SENT = datetime(2027, 3, 1, 9, 0)
SENDER = Address("Klaus Brenner", "klaus.brenner@example.de")


def sentences(text: str) -> list[str]:
    return [c.sentence for c in extract_actions(ActionInput(text, SENT, sender=SENDER))]


@pytest.mark.parametrize(("role", "delivery"), [
    ("BR will present the survey.", "BR will present the survey to TSAG."),
    ("Our delegate will present.", "Our delegate will present it at the next plenary."),
    ("I will speak to it, no paper.", "I will speak to the vice-chairs about it."),
    ("I will present my notes orally on Friday.",
     "I will present my notes orally on Friday and send the full text afterwards."),
])
def test_a_speakers_part_against_a_delivery(role: str, delivery: str) -> None:
    assert speaking_role(role)
    assert not speaking_role(delivery)


def test_a_speakers_part_is_no_item() -> None:
    assert sentences("Dear all,\n\nBR will present the survey.\n\nKlaus\n") == []
    assert sentences("Dear all,\n\nBR will present the survey to TSAG.\n\nKlaus\n") == [
        "BR will present the survey to TSAG."]


@pytest.mark.parametrize(("left", "own"), [
    ("I will let Omar answer the budget point.", "I will answer the budget point."),
    ("We'll let the two chairs settle it.", "I will let you know when it is settled."),
])
def test_a_deed_left_to_others(left: str, own: str) -> None:
    assert hands_over(left)
    assert not hands_over(own)


@pytest.mark.parametrize(("news", "owed"), [
    ("The TSAG meeting in May will consider the draft.",
     "The TSAG meeting in May will consider the draft; its view will be copied to this list."),
    ("The SG5 meeting on 4 May should approve the text.",
     "SG5 should send the approved text by 4 May."),
    ("RAG (2-5 April) will review the plan.", "RAG will prepare the plan."),
])
def test_a_meetings_deliberation_against_work_owed(news: str, owed: str) -> None:
    assert meeting_deliberates(news)
    assert not meeting_deliberates(owed)


def test_a_meetings_deliberation_is_no_item() -> None:
    assert sentences("Dear all,\n\nThe SG5 meeting on 4 May should approve the text.\n\n"
                     "Klaus\n") == []
    assert sentences("Dear all,\n\nSG5 should send the approved text by 4 May.\n\n"
                     "Klaus\n") == ["SG5 should send the approved text by 4 May."]


ASK = mail("w1", "Ingrid Solheim <ingrid@example.no>", "2027-02-01T09:00:00+01:00",
           "Dear all,\n\nCould BDT and BR add their rows to the events table?\n\nIngrid\n",
           subject="Events table")
QUESTION = mail("w1", "Ingrid Solheim <ingrid@example.no>", "2027-02-01T09:00:00+01:00",
                "Dear all,\n\nCould BDT say whether the events table covers rural sites?\n\n"
                "Ingrid\n", subject="Events table")


def reply(body: str) -> object:
    return mail("w2", "Chen Lihua <chen@example.int>", "2027-02-01T15:00:00+01:00",
                f"Dear Ingrid,\n\n{body}\n\nChen\n", subject="Events table", parent="w1")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def items_of_reply(app: App) -> list[str]:
    with app.session() as session:
        return [i.sentence for i in session.scalars(select(ActionItem))
                if "Ingrid" not in i.sentence and "Could" not in i.sentence]


def test_a_request_taking_its_course_is_no_second_item(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ASK, reply(
        "BDT will add theirs to the events table.")))
    assert items_of_reply(app) == []


@pytest.mark.parametrize(("first", "body"), [
    (ASK, "BDT will prepare a new chapter on rural sites."),        # not what was asked
    (ASK, "BDT will add theirs and circulate the table to this list."),  # to the readers
    (QUESTION, "BDT will add theirs to the events table."),         # a question answered
])
def test_a_promise_saying_more_stays(app: App, first: object, body: str) -> None:
    extraction.extract_for_messages(app, store(app, first, reply(body)))
    assert items_of_reply(app) == [body]


def test_a_deed_left_to_others_is_no_item() -> None:
    assert sentences("Dear all,\n\nI will let Omar reply on the budget point.\n\nKlaus\n") == []
    assert sentences("Dear all,\n\nI will reply on the budget point.\n\nKlaus\n") == [
        "I will reply on the budget point."]
