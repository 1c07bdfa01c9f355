"""Closure round close-r27 (issue 13; minimal pairs: the first case of each fails on
`main` c588476a, its pair passes on both, except the whole-pipeline share said to come
late, which `main` already leaves open by another road and is kept as a guard), from the
dev misses where a reply closed an item early: a reply that only holds the request
answers nothing.

- thanks for something ("Thank you for raising the point") says nothing;
- checking with somebody first, said in the present ("I check with the editor", "I need
  to check with Omar") puts the answer off, as "I will check with ..." did;
- adding a colleague "who will know" hands the question on (it says nothing now);
- a delivery said to come late ("our input will come a bit late") or coming on a day
  ("BR's paragraph coming by the 12th") is still to come.
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.action_closure import says_something
from iscg_mailbot.analyse.actions import answers_question
from iscg_mailbot.analyse.closure_handoff import passes_on
from iscg_mailbot.analyse.closure_reading import defers_answer, leaves_work
from iscg_mailbot.analyse.closure_words import words_of
from iscg_mailbot.records import Address
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

NADIA = "Nadia Haddad <nadia.haddad@itu.int>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
PIERRE = "Pierre Lefebvre <pierre.lefebvre@itu.int>"

ASK_BR = ("Dear colleagues,\n\nCould BR tell me by Friday whether the seminar in Apia can "
          "use the small meeting room?\n\nNadia\n")
BR_CHECKS = ("Nadia, I check with the seminar organisers first. They are travelling, so "
             "their answer comes on Monday.\n\nSofia\n")
BR_ANSWERS = ("Nadia, the organisers agree: the small meeting room is fine for the "
              "seminar.\n\nSofia\n")
ASK_ALL = ("Dear all,\n\nEach Bureau, please send me two lines on its regional events "
           "for the newsletter by 12 May.\n\nNadia\n")
BDT_LATE = ("Dear Nadia,\n\nThe BDT lines will come a bit late, as Amara is on mission "
            "this week.\n\nPierre\n")
BDT_SENT = ("Dear Nadia,\n\nThe BDT lines are attached: two regional forums in "
            "June.\n\nPierre\n")

# review6: an hour said late, and people coming within a clause, are no delivery to come.
BDT_AN_HOUR_LATE = ("Dear Nadia,\n\nBDT: two forums in June; the Apia one will be a bit "
                    "late in the day, from 16:00.\n\nPierre\n")
BDT_PEOPLE_COMING = ("Dear Nadia,\n\nBDT lines: the forum in Apia, with delegates coming by "
                     "the 20th, and the Lima workshop in June.\n\nPierre\n")

THREADS = [
    thread("r27-001", "Room for the Apia seminar", (NADIA, ASK_BR), (SOFIA, BR_CHECKS)),
    thread("r27-002", "Room for the Apia seminar, again", (NADIA, ASK_BR),
           (SOFIA, BR_ANSWERS)),
    thread("r27-005", "Newsletter lines, an hour", (NADIA, ASK_ALL), (PIERRE, BDT_AN_HOUR_LATE)),
    thread("r27-006", "Newsletter lines, people", (NADIA, ASK_ALL), (PIERRE, BDT_PEOPLE_COMING)),
    thread("r27-003", "Newsletter lines", (NADIA, ASK_ALL), (PIERRE, BDT_LATE)),
    thread("r27-004", "Newsletter lines, again", (NADIA, ASK_ALL), (PIERRE, BDT_SENT)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r27"), THREADS)


def _closers(output: PipelineOutput, thread_id: str) -> list[tuple[str | None, dict[str, str]]]:
    return [(item.closed_by, dict(item.share_closers))
            for item in output.items.get((thread_id, "m1"), [])]


def test_checking_with_somebody_first_answers_nothing(output: PipelineOutput) -> None:
    assert _closers(output, "r27-001") == [(None, {})]


def test_the_answer_after_the_check_answers(output: PipelineOutput) -> None:
    assert _closers(output, "r27-002") == [("m2", {})]


def test_a_share_said_to_come_late_stays_open(output: PipelineOutput) -> None:
    assert _closers(output, "r27-003") == [(None, {})]


def test_the_share_sent_is_done(output: PipelineOutput) -> None:
    assert _closers(output, "r27-004") == [(None, {"BDT": "m2"})]


@pytest.mark.parametrize("thread_id", ["r27-005", "r27-006"])
def test_a_share_telling_of_an_hour_or_people_coming_is_done(
        output: PipelineOutput, thread_id: str) -> None:
    assert _closers(output, thread_id) == [(None, {"BDT": "m2"})]


QUESTION = "Will the recording have French subtitles?"
ELENA = Address("Elena Petrova", "elena.petrova@itu.int")


@pytest.mark.parametrize("reply, answered", [
    (("Thank you for raising the point. Copying my colleague Omar, who runs the recordings "
      "- he will know."), False),
    ("Thank you for raising the point. Yes, the recording will have French subtitles.", True),
    ("Thanks for asking around the regions.", False),
    ("Thanks for asking: the recording has French subtitles.", True),
])
def test_thanks_and_a_colleague_who_will_know(reply: str, answered: bool) -> None:
    assert answers_question(reply, QUESTION, owner="TSB", sender=ELENA) is answered


@pytest.mark.parametrize("clause, put_off", [
    ("I need to check with Omar, who is on leave", True),
    ("We check with the host country first", True),
    ("I checked with Omar: it is fine", False),
])
def test_an_answer_put_off(clause: str, put_off: bool) -> None:
    assert defers_answer(clause) is put_off


@pytest.mark.parametrize("clause, passed", [
    ("Adding my colleague Omar", True),
    ("Adding two sessions to the programme", False),
    ("She will know the answer", True),
    ("She knows the answer: no", False),
])
def test_a_point_handed_to_a_colleague(clause: str, passed: bool) -> None:
    assert passes_on(clause, words_of(clause)) is passed


@pytest.mark.parametrize("clause, to_come", [
    ("The BR input will come slightly late", True),
    ("The BR input came late but is attached", False),
    ("BR's paragraph coming by the 12th, sorry", True),
    ("BR's paragraph is attached, with the coming events", False),
    ("Our input will be delayed by a week", True),
    ("Our input will be delayed until 3 June", True),
    ("The session will be a bit late in the day", False),
    ("The reception will be delayed to 20:00, after the visit", False),
    ("Two forums, with delegates coming by the 20th", False),
    ("We are coming on Monday", False),
])
def test_a_delivery_late_or_coming(clause: str, to_come: bool) -> None:
    assert leaves_work(clause) is to_come


def test_hostile_text_is_read_quickly() -> None:
    texts = ["Thank you for " + "asking " * 7000, "I need to " * 5000 + "check ",
             "coming by " * 5000, "adding my " * 5000, "will be a bit " * 4000]
    start = time.perf_counter()
    for text in texts:  # (about 50 KB each)
        says_something(text)
        defers_answer(text)
        leaves_work(text)
        passes_on(text, words_of(text))
    for text in texts:  # ("I need to " read in linear time since review6)
        answers_question(text, QUESTION, owner="TSB", sender=ELENA)
    assert time.perf_counter() - start < 2.0


# review6: the colleague handed the question is the whole clause; beside an answer, or
# as the purpose of one, it hands nothing on.
BUDGET = "What is the figure for the travel budget?"


@pytest.mark.parametrize("reply, question, answered", [
    ("Yes, the recording has French subtitles, copying my colleague Omar.", QUESTION, True),
    ("The figure is 42 000 francs, so that they will know the cost.", BUDGET, True),
    ("Copying my colleague Omar, who keeps the budget - he will know.", BUDGET, False),
    ("Thanks. She will know what is possible.", BUDGET, False),
])
def test_a_colleague_beside_an_answer(reply: str, question: str, answered: bool) -> None:
    assert answers_question(reply, question, owner="TSB", sender=ELENA) is answered


@pytest.mark.parametrize("clause, passed", [
    ("Yes, the room is free, adding my colleague Omar", False),
    ("We send it today so they will know the venue", False),
    ("Adding in our colleagues from the host country", True),
    ("They will know whether the hall is free", True),
])
def test_only_a_whole_clause_hands_on(clause: str, passed: bool) -> None:
    assert passes_on(clause, words_of(clause)) is passed


def test_hostile_text_for_a_whole_clause_is_read_quickly() -> None:
    texts = ["adding my colleague " + "- " * 25000, "copying our colleagues " * 2200,
             "he will know what " * 3000, " " * 50000 + "she will know" + "!" * 1000 + "x"]
    start = time.perf_counter()
    for text in texts:  # (about 50 KB each)
        passes_on(text, words_of(text))
    for text in ("a " * 25000 + "coming by 2", "will be late " * 4000,
                 "will be delayed " + "- " * 25000 + "to 2", "x coming " * 6000):
        leaves_work(text)
    assert time.perf_counter() - start < 0.5


# review6: thanks for doing something runs over words, not over a dash, a figure or an
# answer in a word.
@pytest.mark.parametrize("reply, answered", [
    ("Thanks for asking - yes.", True),
    ("Thank you for asking - it is planned.", True),
    ("Thanks for checking it is 12", True),
    ("Thank you for following up on the recordings, Elena.", False),
    ("Thanks for asking around the regions - Elena", False),
])
def test_thanks_for_doing_something_then_an_answer(reply: str, answered: bool) -> None:
    assert answers_question(reply, QUESTION, owner="TSB", sender=ELENA) is answered
