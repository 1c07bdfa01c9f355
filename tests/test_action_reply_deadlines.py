"""A deadline said once, after the requests, in a sentence that names the reply owed
(action round 9; minimal pairs of our own wording, the first three failed before):

- after a list of what each party owes, the request that names again what the list's
  introduction asked for ("Management responses are needed as follows: - TSB: ...;
  - BR: ... Please send the responses to me by 17 September.") dates every line, and
  is no item of its own;
- after questions, a sentence of the answers and their date alone, however long
  ("Answers by 21 October would let me reply to the airport authority on time.",
  "Request response before ..."), or of the wish to know ("Grateful to know before
  ...") dates them.

A sentence that says what the answers owe ("Responses are due by 31 May", an item of
its own for the second writer) or that names something else stays as it was.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 8, 16, 10, 0, tzinfo=timezone(timedelta(hours=2)))
SEP_17 = date(2027, 9, 17)
OCT_21 = date(2027, 10, 21)


def items(text: str, members: MembersConfig | None = None
          ) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT)
    found = extract_actions(message, members=members)
    found += find_questions(message, found, members)
    return [(c.kind, c.owner, c.due) for c in sorted(found, key=lambda c: c.span)]


LIST = ("The evaluation office has issued its report. Management responses are needed "
        "as follows:\n\n"
        "- TSB: finding 2 (a shared calendar of meetings);\n"
        "- BR: finding 3 (tracking of liaison statements);\n"
        "- BDT: findings 4 and 5 (joint regional events).\n\n")


def test_a_request_after_the_list_naming_what_it_asked_for_dates_every_line() -> None:
    text = LIST + "Please send the responses to me by 17 September."
    assert items(text) == [("action", "TSB", SEP_17), ("action", "BR", SEP_17),
                           ("action", "BDT", SEP_17)]
    # A request after the list for something the introduction did not ask for is an item
    # of its own, and the lines keep no date.
    other = LIST + "Please send the agenda to me by 17 September."
    assert ("action", "TSB", None) in items(other)
    assert ("action", None, SEP_17) in items(other)


QUESTIONS = ("Two points where the other Bureaux could help:\n\n"
             "1. TSB: is any ITU-T study group looking at antenna down-tilt near airports?\n"
             "2. BDT: do you know of administrations that have imposed protection zones?\n\n")


def test_the_answers_and_their_date_alone_date_the_questions() -> None:
    dated = QUESTIONS + "Answers by 21 October would let me reply to the airport authority on time."
    assert items(dated) == [("question", "TSB", OCT_21), ("question", "BDT", OCT_21)]
    asked = QUESTIONS + "Request response before 21 October."
    assert [due for _, _, due in items(asked)] == [OCT_21, OCT_21]
    # The same date said of something else dates nothing.
    other = QUESTIONS + "The airport authority meets on 21 October and wants a reply on time."
    assert [due for _, _, due in items(other)] == [None, None]


def test_the_wish_to_know_dates_the_question_before_it() -> None:
    text = "Could BDT confirm who will prepare the draft reply? Grateful to know by 21 October."
    assert items(text) == [("question", "BDT", OCT_21)]
    other = "Could BDT confirm who will prepare the draft reply? Grateful for the help on 21 October."
    assert items(other) == [("question", "BDT", None)]


def test_what_the_responses_owe_is_no_follow_up() -> None:
    # "Responses are due by ..." after a request to pass a questionnaire on: the
    # responses are owed by those who answer it, not by the bodies asked to pass it.
    text = ("We would ask RAG, TSAG and TDAG representatives to pass the questionnaire to "
            "their ministries. Responses are due by 17 September.")
    found = items(text)
    assert ("action", "RAG, TSAG, TDAG", None) in found
    assert ("action", None, SEP_17) in found
