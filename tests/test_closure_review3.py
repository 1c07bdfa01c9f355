"""Review round review3 (of close-r22 and close-r23; minimal pairs: each test of a fix
fails on `main` 62a723f4, its pair passes on both).

- A cause is no schedule: "The delay is due to the server migration" tells nothing as
  to come; "The report is due to be published in May" does (``closure_tense``).
- A statement made in the saying is no willingness: "I am pleased to confirm that the
  report is on the website" reports it; "happy to send it" offers it.
- A question asking who will do something: "I will not coordinate" names nobody, and a
  relative "who" ("could those of you who are travelling confirm ...") asks no one to
  be named: a bare promise does not answer it (``closure_reply.names_the_doer``).
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_items import answers_question
from iscg_mailbot.analyse.closure_points import on_points, on_rows, point_of
from iscg_mailbot.analyse.closure_tense import to_come
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members
from tests.eval_threads import ROOT

LUCIA = Address("Lucia Bianchi", "lucia.bianchi@itu.int")
AMARA = Address("Amara Diallo", "amara.diallo@itu.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def _closes(item: str, reply: str, members: MembersConfig) -> bool:
    return bool(detect_closure(f"Dear Omar,\n\n{reply}\n\nLucia\n",
                               [OpenItem(1, "General Secretariat", None, item)],
                               sender=LUCIA, members=members))


@pytest.mark.parametrize(("clause", "coming"), [
    ("The delay is due to the server migration last week.", False),
    ("The report is due to be published in May.", True),
    ("The report is due for release in May.", True),
])
def test_a_cause_is_no_schedule(clause: str, coming: bool) -> None:
    assert to_come(clause) is coming


def test_a_reply_giving_the_cause_answers(members: MembersConfig) -> None:
    item = "Could you explain the delay in the report?"
    assert _closes(item, "The delay is due to the server migration last week.", members)
    assert not _closes(item, "The delay report is due to be published next week.", members)


@pytest.mark.parametrize(("clause", "coming"), [
    ("I am pleased to confirm that the report is now on the website.", False),
    ("We are happy to report that it is done.", False),
    ("Happy to send it.", True),
    ("Video: yes, happy to.", True),
])
def test_a_statement_made_in_the_saying_is_no_offer(clause: str, coming: bool) -> None:
    assert to_come(clause) is coming


def test_a_reply_pleased_to_confirm_closes(members: MembersConfig) -> None:
    item = "Could you publish the report on the website?"
    assert _closes(item, "I am pleased to confirm that the report is now on the website.",
                   members)
    assert not _closes(item, "We are happy to publish the report on the website next week.",
                       members)


WHO = ("BDT and BR: could you tell me by 20 May who in your Bureau coordinates the reply, "
       "so I can put the right people in copy?")


@pytest.mark.parametrize(("reply", "answered"), [
    ("For BDT I will not coordinate; ask the rapporteur.\n\nAmara\n", False),
    ("For BDT I will be unable to coordinate; ask the rapporteur.\n\nAmara\n", False),
    ("For BDT I will coordinate; ask the rapporteur.\n\nAmara\n", True),
])
def test_a_negated_promise_names_no_doer(reply: str, answered: bool,
                                         members: MembersConfig) -> None:
    assert answers_question(reply, WHO, owner="BDT, BR", sender=AMARA,
                            members=members) is answered


@pytest.mark.parametrize(("question", "answered"), [
    (("BDT and BR: could those of you who are travelling to Geneva confirm your hotel "
      "booking by 20 May?"), False),
    (("BDT and BR: could each colleague who attends the workshop confirm the booking by "
      "20 May?"), False),
    ("BDT and BR: could you confirm by 20 May who will confirm the booking?", True),
    ("BDT and BR: who in your Bureaux will confirm the booking by 20 May?", True),
])
def test_a_relative_who_asks_no_one_to_be_named(question: str, answered: bool,
                                                members: MembersConfig) -> None:
    reply = "For BDT I will confirm after the weekend.\n\nAmara\n"
    assert answers_question(reply, question, owner="BDT, BR", sender=AMARA,
                            members=members) is answered


def test_a_long_line_of_offers_is_read_in_linear_time(members: MembersConfig) -> None:
    """An offer's condition ("we can send it if it helps") is looked for near the offer:
    a 150,000-character line of "we can ... if we" took 8 s (quadratic), now a tenth."""
    item = "Could you send the English edition of the report?"
    reply = ("The English edition of the report: "
             + "we can send the English edition if we " * 4000 + ". Thanks.")
    started = time.perf_counter()
    _closes(item, reply, members)
    assert time.perf_counter() - started < 1.5
    assert to_come("I can send the English edition if it helps.")


_BADGES = "Could the print shop reprint the name badges before Monday's session?"


@pytest.mark.parametrize(("reply", "closes"), [
    # The deed reported done, then a later step in the same clause: done.
    ("The badges have been reprinted and will be delivered to the room on Monday morning.",
     True),
    ("The flyer went up on the events page yesterday, it will stay there until the workshop.",
     True),
    # The deed told as to come only.
    ("The print shop will reprint the badges and will deliver them on Monday morning.", False),
])
def test_a_delivery_beside_a_later_step_closes(reply: str, closes: bool,
                                               members: MembersConfig) -> None:
    item = _BADGES if "badges" in reply else "Could you post the workshop flyer on the events page?"
    assert _closes(item, reply, members) is closes


def test_a_row_number_said_without_its_year_names_the_row() -> None:
    """A status reply naming a row of the log without its year ("AL-27: done" of
    "AL-2032-27") names that row, not none (close-r22 left the sender's row out); a row
    of another year said in full still names none of this year's rows."""
    text = "  AL-2032-26   Highlights per Bureau   TSB\n  AL-2032-27   Concept note   TSB\n"
    rows = [OpenItem(i, "TSB", "body", s, point_of(text, text.index(s)))
            for i, s in enumerate(("Highlights per Bureau", "Concept note"), start=1)]
    assert [i.id for i in on_rows(rows, "AL-27: concept note attached.")] == [2]
    assert [i.id for i in on_rows(rows, "AL-2032-27: concept note attached.")] == [2]
    assert [i.id for i in on_rows(rows, "AL-2031-27: concept note attached.")] == []
    assert [i.id for i in on_points(rows, "AL-27: concept note attached.")] == [2]
