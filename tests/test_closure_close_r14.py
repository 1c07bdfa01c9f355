"""Closure round close-r14 (issue 13; minimal pairs: the two promise cases fail on `main`
afab8f6, their pairs pass on both): an undertaking given in answer to a request ("For the speaker, I will ask
around and come back to you", "I will send it by Friday") is the same work as the
request, kept by the reply of its giver that meets the request, whatever words that
reply uses; an undertaking about something else, or a delivery by somebody else,
leaves it open. Threads run through the whole pipeline (``run_pipeline``)."""

from __future__ import annotations

import pytest

from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

YUKI = "Yuki Sato <yuki.sato@example.go.jp>"
HIROSHI = "Hiroshi Takemura <hiroshi.takemura@itu.int>"
SOFIA = "Sofia Lindqvist <sofia.lindqvist@itu.int>"
AHMED = "Ahmed El-Sayed <ahmed.elsayed@itu.int>"


SPEAKER = ("Dear colleagues,\n\nWe are holding a training week for young engineers in "
           "Osaka in May. Could TSB send one speaker for the session on conformity "
           "testing?\n\nBest regards,\nYuki\n")
ASK_AROUND = ("Dear Yuki,\n\nFor the speaker, I will ask around in the department and "
              "come back to you by Tuesday.\n\nBest,\nHiroshi\n")
GOOD_NEWS = ("Yuki, good news: our colleague Mr Kenji Mori will come for the testing "
             "session on 12 May. He will write to you about the travel.\n\nHiroshi\n")
OVERVIEW = ("Dear colleagues,\n\nCould BR provide a short overview of the studies on "
            "high-altitude platform stations, for our ministry?\n\nThanks,\nYuki\n")
SEND_IT = ("Dear Yuki,\n\nCertainly. The texts are still changing. I will send it by "
           "Friday.\n\nBest,\nSofia\n")
HERE_IT_IS = ("Dear Yuki,\n\nHere is what you asked for: WP 5C has finished the "
              "coexistence studies; the draft texts now hold two options.\n\n"
              "Best regards,\nSofia\n")
# The same undertaking with a typographic apostrophe, as many mail programs write it.
SEND_IT_CURLY = SEND_IT.replace("I will send", "I\u2019ll send")
# The same reply, by somebody else than who gave the undertaking.
HERE_IT_IS_BY_OTHER = HERE_IT_IS.replace("Sofia\n", "Ahmed\n")
# An undertaking about something else, by the same person.
DINNER = ("Dear Yuki,\n\nThe request is noted. Separately, I will book the restaurant "
          "for the group dinner on 11 May.\n\nBest,\nHiroshi\n")

THREADS = [
    thread("p-001", "Speaker for Osaka", (YUKI, SPEAKER), (HIROSHI, ASK_AROUND),
           (HIROSHI, GOOD_NEWS)),
    thread("p-002", "HAPS overview", (YUKI, OVERVIEW), (SOFIA, SEND_IT),
           (SOFIA, HERE_IT_IS)),
    thread("p-003", "HAPS overview, again", (YUKI, OVERVIEW), (SOFIA, SEND_IT),
           (AHMED, HERE_IT_IS_BY_OTHER)),
    thread("p-004", "Speaker for Osaka, again", (YUKI, SPEAKER), (HIROSHI, DINNER),
           (HIROSHI, GOOD_NEWS)),
    thread("p-005", "HAPS overview, once more", (YUKI, OVERVIEW), (SOFIA, SEND_IT_CURLY),
           (SOFIA, HERE_IT_IS)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r14"), THREADS)


def _closers(output: PipelineOutput, thread: str, message: str) -> list[str | None]:
    return [item.closed_by for item in output.items.get((thread, message), [])]


def test_the_promise_to_come_back_is_kept_by_the_answer(output: PipelineOutput) -> None:
    assert _closers(output, "p-001", "m1") == ["m3"]  # the request met
    assert _closers(output, "p-001", "m2") == ["m3"]  # and the promise with it


def test_a_promise_of_it_is_kept_by_the_delivery(output: PipelineOutput) -> None:
    assert _closers(output, "p-002", "m1") == ["m3"]
    assert _closers(output, "p-002", "m2") == ["m3"]


def test_another_persons_delivery_keeps_nobody_elses_promise(output: PipelineOutput) -> None:
    assert _closers(output, "p-003", "m2") == [None]


def test_a_promise_of_something_else_stays_open(output: PipelineOutput) -> None:
    assert _closers(output, "p-004", "m1") == ["m3"]
    assert _closers(output, "p-004", "m2") == [None]


def test_a_promise_with_a_typographic_apostrophe_is_kept_too(output: PipelineOutput) -> None:
    # "I\u2019ll send it" is "I'll send it" (review2: only the straight one was read).
    assert _closers(output, "p-005", "m1") == ["m3"]
    assert _closers(output, "p-005", "m2") == ["m3"]
