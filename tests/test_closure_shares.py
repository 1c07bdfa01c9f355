"""Closure by shares and by what a reply refers to: a question asked of several owners
is answered per owner, a reply's reference to numbered points closes those points only,
and what a reply says about an item (still to come, promised, answered) decides it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.analyse.closure_items import detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from tests.action_samples import action_app, mail, statuses, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)



ASK = mail("f1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00", """\
Hello Chen, hello Pierre,

We are organising a summer school on test methods in Accra. Would TSB and BDT be able
to pay for travel grants for the participants from the least developed countries?

Klaus
""", subject="Summer school grants")




def test_a_question_to_two_bureaux_stays_open_until_both_answer(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ASK))
    [(sentence, status)] = [(s, st) for s, st in statuses(app, 40).items() if "Would" in s]
    assert status == "open"
    tsb = mail("f2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
               "Dear Klaus,\n\nYes, TSB can give three travel grants from its fund.\n\nChen\n",
               subject="Summer school grants", parent="f1")
    extraction.extract_for_messages(app, store(app, tsb))
    assert statuses(app, 40)[sentence] == "open"  # BDT has not answered yet
    bdt = mail("f3", "Pierre Lefebvre <pierre@example.int>", "2026-05-06T09:00:00+02:00",
               "Dear Klaus,\n\nBDT can add two grants through the Africa initiative.\n\n"
               "Pierre\n", subject="Summer school grants", parent="f1")
    extraction.extract_for_messages(app, store(app, bdt))
    assert statuses(app, 40)[sentence] == "done"


def test_a_member_answering_for_another_body_answers_none_of_it(app: App) -> None:
    ask = mail("g1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00",
               "Hello,\n\nDoes BDT keep a list of the national test labs in West Africa?\n\n"
               "Klaus\n", subject="Test labs")
    extraction.extract_for_messages(app, store(app, ask))
    other = mail("g2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
                 "Dear Klaus,\n\nThe ITU-T conformity database lists the labs recognised "
                 "under the CASC scheme.\n\nChen\n", subject="Test labs", parent="g1")
    extraction.extract_for_messages(app, store(app, other))
    assert "done" not in set(statuses(app, 40).values())


# --- what a reply says about a request put as a question --------------------------

PIERRE = Address("Pierre Lefebvre", "pierre@example.int")


def _closes(reply: str, item: str, owner: str = "Pierre Lefebvre") -> bool:
    return bool(detect_closure(reply, [OpenItem(1, owner, "member", item)], sender=PIERRE))


@pytest.mark.parametrize(("reply", "closes"), [
    ("The overview of the labs is below: four in the programme, two need test kits.", True),
    ("Thank you for the suggestion, this is most welcome. Sure, I will send it next week.",
     False),
])
def test_a_request_put_as_a_question_is_not_answered_by_a_promise(reply: str,
                                                                  closes: bool) -> None:
    item = "Could Pierre send an overview of the labs and what support they need?"
    assert _closes(reply, item) is closes


@pytest.mark.parametrize(("reply", "closes"), [
    ("Yes - one workshop on rural backhaul with the SG1 chair.", True),
    ("Yes - one workshop on rural backhaul with the SG1 chair; the outline follows on Monday.",
     False),
])
def test_a_request_to_deliver_stays_open_while_part_of_it_is_to_come(reply: str,
                                                                     closes: bool) -> None:
    item = "Could Pierre send his workshop proposal (title, outline, speakers)?"
    assert _closes(reply, item) is closes


@pytest.mark.parametrize(("reply", "closes"), [
    ("Greetings from Nairobi. Is the annex in scope, or should we leave it out?", False),
    ("Greetings from Nairobi. The table is right except for two names.", True),
])
def test_greetings_from_somewhere_say_nothing(reply: str, closes: bool) -> None:
    assert _closes(reply, "Could Pierre check his part of the table and send corrections?") \
        is closes


INGRID = Address("Ingrid Solheim", "ingrid@example.no")


@pytest.mark.parametrize(("reply", "closes"), [
    ("Dear Ana, dear Bo,\n\nThe merged list is now part of the summary for June.\n\nIngrid",
     True),
    (("Dear Ana, dear Bo,\n\nA reminder - I still need the TSB list to prepare the summary "
      "for June. Could you tell me when to expect it?\n\nThanks,\nIngrid"), False),
])
def test_a_reminder_that_work_is_still_needed_reports_nothing(reply: str, closes: bool) -> None:
    item = OpenItem(1, "Ingrid Solheim", "member",
                    "BR already sent a first list at the workshop, which I will merge.")
    assert bool(detect_closure(reply, [item], sender=INGRID)) is closes


# --- replies about some points of a message --------------------------------------

TWO_QUESTIONS = mail("p1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00", """\
Dear colleagues,

Is the handbook on spectrum monitoring available in German? And is there a
training course on it this year?

Klaus
""", subject="Monitoring handbook")


@pytest.mark.parametrize(("opening", "closes"), [
    ("On the first point: the German edition came out in March.", True),
    ("On the second point: the course runs in Bonn in October.", False),
])
def test_a_reply_about_one_point_answers_that_point_only(app: App, opening: str,
                                                         closes: bool) -> None:
    extraction.extract_for_messages(app, store(app, TWO_QUESTIONS))
    [first] = [s for s in statuses(app, 40) if s.startswith("Is the handbook")]
    reply = mail("p2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
                 f"Dear Klaus,\n\n{opening}\n\nChen\n", subject="Monitoring handbook",
                 parent="p1")
    extraction.extract_for_messages(app, store(app, reply))
    assert (statuses(app, 40)[first] == "done") is closes


@pytest.mark.parametrize(("reply", "closed"), [
    ("TSB's input on the first two points is attached.", {1, 2}),
    ("TSB's input on points 1 and 3 is attached.", {1, 3}),
    ("TSB's input on all the points is attached.", {1, 2, 3}),
])
def test_a_delivery_names_the_points_it_covers(reply: str, closed: set[int]) -> None:
    items = [OpenItem(1, None, None, "the list of joint outputs;", 1),
             OpenItem(2, None, None, "the outputs delivered with another Sector;", 2),
             OpenItem(3, None, None, "the indicators you intend to drop.", 3)]
    assert {c.item_id for c in detect_closure(reply, items)} == closed
