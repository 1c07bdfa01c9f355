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


# review3 (session 42): a request beside the list that asks for other work does not stand
# for it; points due on different days are owed on each; many lists stay linear.
OTHER_WORK = """Dear colleagues,

The draft summary is on the team site; please send your corrections to Tomas by 18 May. I
also have three questions for every Bureau:

1. Which platform did you use for webinars in 2028?
2. How many of your webinars had more than 500 participants?
3. Would you accept a platform chosen by the General Secretariat?

Kind regards,
Marta
"""
STAGGERED = """Dear colleagues,

Three questions for every Bureau, each needed for a different paper:

1. Could you tell us by 14 May which platform you used for webinars in 2028?
2. Could you tell us by 2 July how many webinars had more than 500 participants?
3. Could you tell us by 10 September whether you would accept a shared platform?

Kind regards,
Marta
"""


def test_a_request_for_other_work_beside_the_list_does_not_stand_for_it(
        members: MembersConfig) -> None:
    got = found(OTHER_WORK, members)
    assert [s.split(";")[-1].strip() for _, s in got] == [
        "please send your corrections to Tomas by 18 May.",
        "Which platform did you use for webinars in 2028?"]
    # The pair: a request for the answers in the same place stands for the list.
    asked = OTHER_WORK.replace("your corrections to Tomas", "your answers to Tomas")
    assert len(found(asked, members)) == 1


def test_questions_due_on_different_days_stay_one_each(members: MembersConfig) -> None:
    assert [c for c, _ in found(STAGGERED, members)] == ["question"] * 3
    same_day = STAGGERED.replace("by 2 July", "by 14 May").replace("by 10 September",
                                                                   "by 14 May")
    assert len(found(same_day, members)) == 1


def test_many_lists_in_one_message_stay_linear() -> None:
    from iscg_mailbot.analyse.action_questionnaires import one_per_questionnaire
    from iscg_mailbot.records import ActionCandidate
    block = "Questions:\n\n1. Who leads it?\n2. Is it current?\n3. Should it split?\n\n"
    text = block * 1000
    asked = [ActionCandidate("question", text[m:m + 5], (m, m + 5), None, None, None, None,
                             0.5, "q")
             for m in range(len(text)) if text.startswith(("1. ", "2. ", "3. "), m)]
    began = time.perf_counter()
    assert len(one_per_questionnaire(asked, text, [])) == 1000
    assert time.perf_counter() - began < 0.5
