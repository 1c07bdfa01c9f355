"""Long lists of requests and questions are dated and read in linear time (issue 13,
hostile).

Three passes over a message's items looked, for each sentence or each item, at every
item or sentence of the message: `date_from_closings` found each candidate's sentence by
a scan of all sentences, `date_from_followups` asked whether an item was already pending
of a list that grew with the items, and `asking_for_answers` / `find_question_candidates` asked of
every question sentence whether any item starts in the sentence after it or holds it.
Each now reads sorted spans (bisection) or a set. The inputs here are built directly (a
long message makes the other passes take most of the time): 10,000-20,000 items.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from iscg_mailbot.analyse.action_closing_days import date_from_closings
from iscg_mailbot.analyse.action_followups import date_from_followups
from iscg_mailbot.analyse.action_questions import asking_for_answers, find_question_candidates
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.settings.action_rules import ACTION

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)


def _requests(sentences: list[Sentence], opening: str) -> list[ActionCandidate]:
    """An undated request of BR's for each sentence that opens with ``opening``."""
    return [ActionCandidate(ACTION, s.text, (s.start, s.end), "BR", "group", None, None,
                            0.8, "request") for s in sentences if s.text.startswith(opening)]


def test_requests_beside_closings_are_dated_in_linear_time() -> None:
    # (another party's day: "The survey closes" dates no request, so the time is the
    # finding of each request's sentence)
    sentences = split_sentences("Could BR check the file? The survey closes on 3 May. "
                                * 10_000)
    candidates = _requests(sentences, "Could")
    started = time.process_time()
    dated = date_from_closings(candidates, sentences, SENT)
    assert time.process_time() - started < 2.0
    assert {c.due for c in dated} == {None}


def test_a_long_list_of_requests_is_followed_up_in_linear_time() -> None:
    sentences = split_sentences("Could BR check it? " * 30_000 + "Please reply by 3 May.")
    candidates = _requests(sentences, "Could")
    started = time.process_time()
    dated = date_from_followups(candidates, sentences, SENT)
    assert time.process_time() - started < 2.0
    assert len(dated) == 30_000


def test_questions_between_requests_are_read_in_linear_time() -> None:
    text = "Is it ready? Could BR check it? " * 15_000
    sentences = split_sentences(text)
    candidates = _requests(sentences, "Could")
    started = time.process_time()
    read = asking_for_answers(candidates, sentences)
    questions = find_question_candidates(ActionInput(text, SENT), candidates)
    assert time.process_time() - started < 4.0
    assert {c.kind for c in read} == {"question"} and questions == []


def test_the_readings_are_unchanged() -> None:
    text = ("Is the guide being updated? Could BR send the timeline? Could BR check it? "
            "Our survey closes on 3 May. Please fill it in. Does BDT have one?")
    message = ActionInput(text, SENT)
    items = extract_actions(message)
    assert [(c.kind, c.owner, c.due) for c in items] == [
        ("question", "BR", None), ("action", "BR", date(2027, 5, 3)), ("action", None, date(2027, 5, 3))]
    assert [(c.kind, c.sentence) for c in find_question_candidates(message, items)] == [
        ("question", "Does BDT have one?")]


def test_single_letters_and_numbers_before_full_stops_are_read_in_linear_time() -> None:
    # Each "1." or "A." asked whether a label ("Annex A.") came before it by searching the
    # whole text before it: 2.9 s for 50,000 characters (review1, session 40).
    text = "Agenda 12 May 14:00 When  12 May 1. BR is asked to send it. See Annex A. " * 1_500
    started = time.process_time()
    sentences = split_sentences(text)
    assert time.process_time() - started < 2.0
    # the label still ends the sentence; the agenda number does not
    assert sentences[0].text.startswith("Agenda 12 May")
    assert sum(s.text.endswith("Annex A.") for s in sentences) == 1_500


def test_a_label_far_before_a_letter_is_no_label() -> None:
    assert [s.text for s in split_sentences("See Annex A. It is short.")] == [
        "See Annex A.", "It is short."]
    assert [s.text for s in split_sentences("Ask J. Smith to send it.")] == [
        "Ask J. Smith to send it."]
    assert [s.text for s in split_sentences("Ask Annex-J. Smith to send it. Then stop.")][-1] == "Then stop."
