"""Closure round close-r26 (issue 13; minimal pairs: the first case of each fails on
`main` 793a3fbe, its pair passes on both), from the dev closure misses of the sixteenth
and thirtieth to thirty-eighth writers: labels read by :func:`labelled_share`, the rest
in threads run through the whole pipeline (``run_pipeline``).

- A share's label after the one the reply turns to ("Yuki, from BR: two cases ..."),
  named by any one word ("TSB's list: ...", "BR speaker: ..."), or headed "for" without
  its colon ("For BR I will chair it myself") answers that owner's share of a request
  put to several; a label without its colon beside a part left for later ("For BR we need
  another week ... we will send it on Monday") does not.
- A call to the whole list is over when its asker says the period for answers ran out
  ("The comment period is now closed", "The silence period ended ... without
  objection"); not when the period is only announced ("closes on Friday").
"""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.closure_labels import labelled_share
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_rounds import declares_round_over
from iscg_mailbot.services.evaluation import PipelineOutput
from tests.eval_threads import run_threads, thread

RAJESH = "Rajesh Iyer <rajesh.iyer@itu.int>"
LUCIA = "Lucia Bianchi <lucia.bianchi@itu.int>"

CHAIRS = ("Dear colleagues,\n\nFor the joint session on 12 April, could TSB and BR each "
          "tell me how the Bureau's slot will be chaired, by 2 April?\n\nLucia\n")
BR_FOR = "Dear Lucia,\n\nFor BR I will chair the slot myself.\n\nRajesh\n"
BR_FOR_LATER = ("Dear Lucia,\n\nFor BR we need another week, as the Director is "
                "travelling. We will send the name on Monday 5 April.\n\nRajesh\n")
DRAFT = ("Dear all,\n\nThe draft note on joint workshops is attached. Comments from all "
         "of you are welcome by Friday 12 March.\n\nLucia\n")
CLOSED = ("Dear all,\n\nThe comment period is now closed; the revised note goes to the "
          "advisory groups next week.\n\nLucia\n")
ANNOUNCED = ("Dear all,\n\nA reminder: the comment period closes on Friday; the revised "
             "note goes to the advisory groups next week.\n\nLucia\n")

THREADS = [
    thread("r26-005", "Chairs of the joint session", (LUCIA, CHAIRS), (RAJESH, BR_FOR)),
    thread("r26-006", "Chairs of the joint session, again", (LUCIA, CHAIRS),
           (RAJESH, BR_FOR_LATER)),
    thread("r26-007", "Draft note on joint workshops", (LUCIA, DRAFT), (LUCIA, CLOSED)),
    thread("r26-008", "Draft note on joint workshops, again", (LUCIA, DRAFT),
           (LUCIA, ANNOUNCED)),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> PipelineOutput:
    return run_threads(tmp_path_factory.mktemp("close-r26"), THREADS)


def _shares(output: PipelineOutput, thread_id: str) -> list[dict[str, str]]:
    return [dict(item.share_closers) for item in output.items.get((thread_id, "m1"), [])]


@pytest.mark.parametrize("text, answers", [
    ("Yuki, from BR: two cases - the maritime database and the e-learning module.", True),
    ("Yuki, from BR: could you say how long each talk may be?", False),
    ("TSB's list: the smart-city handbook, two months late.", True),
    ("TSB's list: I will check with the study groups and come back to you.", False),
    ("BR speaker: Kofi Mensah, engineer, 27.", True),
    ("For BR, we agree with the first case and add the spectrum database.", True),
    ("For BR we need another week. We will send the list on Monday.", False),
])
def test_labels_of_a_share(text: str, answers: bool) -> None:
    assert labelled_share(reply_of(text), "TSB, BR", frozenset({"br", "tsb"}), None) is answers


def test_a_label_headed_for_without_colon_answers_the_share(output: PipelineOutput) -> None:
    assert _shares(output, "r26-005") == [{"BR": "m2"}]


def test_that_label_beside_a_part_left_for_later_answers_nothing(
        output: PipelineOutput) -> None:
    assert _shares(output, "r26-006") == [{}]


def _closers(output: PipelineOutput, thread_id: str) -> list[str | None]:
    return [item.closed_by for item in output.items.get((thread_id, "m1"), [])]


def test_the_comment_period_closed_ends_the_call(output: PipelineOutput) -> None:
    assert _closers(output, "r26-007") == ["m2"]


def test_the_comment_period_announced_leaves_it_open(output: PipelineOutput) -> None:
    assert _closers(output, "r26-008") == [None]


@pytest.mark.parametrize("text, over", [
    ("The silence period ended at 17:00 today without objection.", True),
    ("The comment period on the second draft is closed.", True),
    ("Comment period closed; v2 goes out next week.", True),
    ("The silence period ends on Friday at 17:00.", False),
])
def test_periods_that_ran_out(text: str, over: bool) -> None:
    assert declares_round_over(text) is over


@pytest.mark.parametrize("text", [
    "for " + "Ab " * 17_000 + ":",
    "Dear " + "Ab, " * 12_000 + "for BR (" + "x" * 30_000,
    "comment period on " + "a " * 25_000 + "closed",
    "For " + "BR " * 16_000,
])
def test_hostile_input_stays_linear(text: str) -> None:
    started = time.process_time()
    labelled_share(reply_of(text), "TSB, BR", frozenset({"br"}), None)
    declares_round_over(text)
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize("text", [
    "Once the comment period is over, I will compile the replies into v2.",
    "When the silence period has ended, the text goes to the Council.",
    "If the review period is closed by then, we skip the call.",
    "Is the comment period closed? I still have two edits.",
])
def test_a_period_that_runs_out_only_when_or_if_leaves_the_call_open(text: str) -> None:
    # A reminder saying what happens once the period is over (review2), or asking.
    assert declares_round_over(text) is False
    assert declares_round_over(text.replace("Once the", "The").replace(
        "When the", "The").replace("If the", "The").replace("Is the", "The")) is True


@pytest.mark.parametrize("text, answers", [
    ("For BR's part, the answer is the spectrum database.", True),
    ("For BR's sake, let us wait for the Director.", False),
    ("For BR-related questions, contact Kofi Mensah.", False),
    ("For BR staff the cut-off is the spectrum database.", False),
])
def test_a_label_without_its_colon_names_its_share_by_a_share_word(
        text: str, answers: bool) -> None:
    # Without the colon, "For BR <word>" is a label only with a word for a share (review2).
    assert labelled_share(reply_of(text), "TSB, BR", frozenset({"br", "tsb"}), None) is answers
