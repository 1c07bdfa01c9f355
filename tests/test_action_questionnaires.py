"""A numbered list of questions all put to the same readers is one item (a questionnaire).

Minimal pairs of our own wording: the same three questions, once put alike to every
Bureau (one item: the request to answer them, or the first question where nothing else
asks for the answers), once each labelled with the Bureau it asks (one question each); and
a questionnaire of three against a list of two, which stays two questions.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.action_questionnaires import questionnaires
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2029, 5, 7, 9, 0, tzinfo=timezone(timedelta(hours=2)))
ALIKE = """Dear colleagues,

Before the July meeting I would like to take stock of the hosting of our joint
webinars. The same questions go to each Bureau:

1. Which platform did you use for webinars in 2028?
2. How many of your webinars had more than 500 participants?
3. Would you accept a platform chosen by the General Secretariat?

{after}Kind regards,
Marta
"""
LABELLED = """Dear colleagues,

Before the July meeting I would like to take stock of the hosting of our joint
webinars. One question for each Bureau:

(a) BR: which platform did you use for webinars in 2028?
(b) TSB: how many of your webinars had more than 500 participants?
(c) BDT: would you accept a platform chosen by the General Secretariat?

{after}Kind regards,
Marta
"""
TWO = """Dear colleagues,

Before the July meeting I would like to take stock of the hosting of our joint
webinars. The same questions go to each Bureau:

1. Which platform did you use for webinars in 2028?
2. Would you accept a platform chosen by the General Secretariat?

Kind regards,
Marta
"""
ASKED = "Please send your answers to me by Friday 25 May.\n\n"


def found(body: str, members: MembersConfig) -> list[tuple[str, str]]:
    """(kind, sentence) of every item and question the message is read to hold."""
    message = ActionInput(body, SENT, sender=Address("Marta Nowak", "marta.nowak@example.pl"))
    items = extract_actions(message, members=members)
    every = sorted([*items, *find_questions(message, items, members)], key=lambda c: c.span)
    return [(c.kind, c.sentence) for c in every]


def test_a_questionnaire_asked_to_be_answered_is_the_request_alone(
        members: MembersConfig) -> None:
    got = found(ALIKE.format(after=ASKED), members)
    # (The request is read with the last question it follows: one item either way.)
    assert len(got) == 1 and got[0][1].endswith("Please send your answers to me by Friday 25 May.")


def test_questions_each_labelled_with_a_party_stay_one_each(members: MembersConfig) -> None:
    got = found(LABELLED.format(after=ASKED), members)
    assert sum(kind == "question" for kind, _ in got) == 3


def test_a_questionnaire_nobody_asks_to_answer_is_its_first_question(
        members: MembersConfig) -> None:
    got = found(ALIKE.format(after=""), members)
    assert [s for _, s in got] == ["Which platform did you use for webinars in 2028?"]


def test_two_questions_stay_two(members: MembersConfig) -> None:
    assert len(found(TWO, members)) == 2


def test_the_list_found_is_its_points() -> None:
    text = ALIKE.format(after="")
    (start, end), = questionnaires(text)
    assert text[start:end].startswith("1. Which") and text[start:end].endswith("Secretariat?")
    assert questionnaires(LABELLED.format(after="")) == []


def test_a_long_run_of_spaces_stays_fast() -> None:
    text = "1. Who?\n" + " " * 50_000 + "x\n2. What?\n3. Why?\n" + " " * 50_000
    began = time.perf_counter()
    assert questionnaires(text) == [(0, len(text.rstrip()))]
    assert time.perf_counter() - began < 0.5


def test_a_point_may_go_on_after_its_question() -> None:
    text = ("Some questions, if I may:\n\n1. Is there a register of the sites? We would use it\n"
            "   in class.\n2. Who keeps it?\n3. Is it public?\n\nThanks\n")
    (start, end), = questionnaires(text)
    assert text[start:end].startswith("1. Is there") and text[start:end].endswith("public?")


NAMED_INSIDE = """Dear colleagues,

Three questions after our workshop:

1. Does BR keep statistics of interference to aviation radios? (BR)
2. Could BDT add the subject to its autumn training?
3. Does TSB know of a test method for the cheapest transmitters?

Thanks,
Marta
"""


def test_questions_that_name_different_parties_stay_one_each(members: MembersConfig) -> None:
    assert len(found(NAMED_INSIDE, members)) == 3
