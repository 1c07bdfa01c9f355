"""A deadline given in the sentence after the request dates the request.

Minimal pairs of our own wording: the follow-up sentence ("I would need the names by
...", "If possible within ten days.") dates the undated requests just before it; a
sentence that dates something else (an event) or comes after unrelated text does not.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from functools import partial

import pytest

from iscg_mailbot.settings.members import MembersConfig
from tests import action_found

SENT = datetime(2027, 2, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday
dues = partial(action_found.dues, sent=SENT)


@pytest.mark.parametrize(("followed", "unrelated"), [
    ("Could TSB suggest a moderator for the panel? I would need the name by 19 February.",
     "Could TSB suggest a moderator for the panel? The panel meets on 19 February."),
    ("Could TSB suggest a moderator for the panel? We need it by 19 February to print it.",
     "Could TSB suggest a moderator for the panel? We printed it on 19 February."),
])
def test_a_deadline_in_the_next_sentence_dates_the_request(
    members: MembersConfig, followed: str, unrelated: str,
) -> None:
    assert dues(followed, members) == [("TSB", date(2027, 2, 19))]
    assert dues(unrelated, members) == [("TSB", None)]


def test_both_requests_of_a_sentence_take_the_date(members: MembersConfig) -> None:
    text = ("Could TSB suggest a moderator, and could BDT share the speakers' kit? We need "
            "them by 26 February.")
    assert dues(text, members) == [("TSB", date(2027, 2, 26)), ("BDT", date(2027, 2, 26))]


def test_questions_in_a_list_take_the_date_after_it(members: MembersConfig) -> None:
    listed = ("Dear colleagues,\n\nTwo questions:\n1) Is the BDT toolkit on rural "
              "connectivity available in Portuguese?\n2) Is there an ITU-T Recommendation on "
              "solar-powered base stations?\n\nIf possible within ten days, as our plan goes "
              "to consultation.\n\nJoão")
    assert dues(listed, members) == [("BDT", date(2027, 2, 11)), ("TSB", date(2027, 2, 11))]
    told = listed.replace("If possible within ten days, as our plan goes to consultation.",
                          "Our plan goes to consultation within ten days.")
    assert dues(told, members) == [("BDT", None), ("TSB", None)]


@pytest.mark.parametrize(("followed", "unrelated"), [
    ("Could TSB suggest a moderator for the panel? An answer within two weeks would be ideal.",
     "Could TSB suggest a moderator for the panel? An event within two weeks would be ideal."),
    ("Could TSB suggest a moderator for the panel? A reply by 19 February would help us.",
     "Could TSB suggest a moderator for the panel? A panel by 19 February would help us."),
])
def test_a_sentence_opening_with_the_answer_wanted_dates_the_request(
    members: MembersConfig, followed: str, unrelated: str,
) -> None:
    want = date(2027, 2, 15) if "two weeks" in followed else date(2027, 2, 19)
    assert dues(followed, members) == [("TSB", want)]
    assert dues(unrelated, members) == [("TSB", None)]


@pytest.mark.parametrize(("followed", "unrelated"), [
    (("Dear Sofia, dear Hiroshi,\n\nCould BR give a briefing at TSAG? Please let me know by "
     "19 February."),
     ("Dear Sofia, dear Hiroshi,\n\nCould BR give a briefing at TSAG? The agenda closes on "
     "19 February.")),
    (("Dear colleagues,\n\nCould BR give a briefing at TSAG? Please let me know by "
     "19 February."),
     ("Dear colleagues,\n\nCould BR give a briefing at TSAG? The agenda closes on "
     "19 February.")),
])
def test_let_me_know_by_dates_the_request_whoever_the_message_greets(
    members: MembersConfig, followed: str, unrelated: str,
) -> None:
    # Greeting Sofia (BR) and Hiroshi (TSB) does not make "Please let me know by ..." a
    # request of its own to both of them: it only dates what was asked.
    assert dues(followed, members) == [("BR", date(2027, 2, 19))]
    assert dues(unrelated, members) == [("BR", None)]


def test_let_me_know_by_dates_the_question_not_the_promise(members: MembersConfig) -> None:
    text = ("Dear colleagues,\n\nSee the request below. TSB will nominate the SG16 counsellor "
            "as focal point. Would BDT want to add someone for the developing-country angle? "
            "Please let me know by 19 February.")
    assert dues(text, members) == [("TSB", None), ("BDT", date(2027, 2, 19))]
    told = text.replace("Please let me know by 19 February.", "The group meets on 19 February.")
    assert dues(told, members) == [("TSB", None), ("BDT", None)]


def items(text: str, members: MembersConfig) -> list[tuple[str, str | None, date | None]]:
    return [(c.kind, c.owner, c.due) for c in action_found.found(text, members, sent=SENT)]


@pytest.mark.parametrize(("followed", "unrelated", "want"), [
    # The deadline as the consequence of a reason, after a question.
    (("Dear Tomás,\n\nIs the data basket threshold still 5 GB? Our regulator reports to "
     "its board, so we need to know by 19 February."),
     ("Dear Tomás,\n\nIs the data basket threshold still 5 GB? Our regulator reported to "
     "its board on 19 February, so the comparison is ready."),
     [("question", "BDT", date(2027, 2, 19))]),
    # ... or after a request, naming the thing asked for.
    (("Dear Omar,\n\nPlease submit the results as a contribution to ITU-D SG1. The meeting "
     "opens on 1 March, so the contribution should reach the secretariat by 15 February to "
     "be translated."),
     ("Dear Omar,\n\nPlease submit the results as a contribution to ITU-D SG1. The meeting "
     "opens on 1 March; last year the contributions reached the secretariat by 15 February."),
     [("action", "Omar Khalil", date(2027, 2, 15))]),
    # The wished date as the sentence's subject; "so I can report there" promises nothing.
    (("Dear colleagues,\n\nCould BR and BDT tell me whether the rooms have a loop? Before the "
     "JCA meeting on 19 February would be ideal, so I can report there."),
     ("Dear colleagues,\n\nCould BR and BDT tell me whether the rooms have a loop? The JCA "
     "meeting, where I report, is on 19 February."),
     # Before the meeting on its day: the day before (act-r6, test_action_before_events).
     [("question", "BR, BDT", date(2027, 2, 18))]),
    # "by <date> if possible" after what would help.
    (("Dear colleagues,\n\nA question for BDT: do countries ask you for help with licensing "
     "radio microphones? A short list of the requests would help our contribution - by 19 "
     "February if possible, as the meeting starts on 22 February."),
     ("Dear colleagues,\n\nA question for BDT: do countries ask you for help with licensing "
     "radio microphones? A short list of the requests would help our contribution, as the "
     "meeting starts on 22 February."),
     [("question", "BDT", date(2027, 2, 19))]),
])
def test_a_deadline_said_as_consequence_or_wish_dates_what_was_asked(
    members: MembersConfig, followed: str, unrelated: str,
    want: list[tuple[str, str | None, date | None]],
) -> None:
    assert items(followed, members) == want
    assert items(unrelated, members) == [(k, o, None) for k, o, _ in want]


def test_a_day_wished_for_alone_after_the_request_dates_it(members: MembersConfig) -> None:
    # A day alone, wished for, opens the sentence after the request (`w10`).
    asked = ("Dear colleagues,\n\nCould BR and BDT point us to any ITU material on local "
             "licensing? ")
    assert dues(asked + "End of February would be ideal.", members) == [
        ("BR, BDT", date(2027, 2, 28))]
    assert dues(asked + "End of February is when our board meets.", members) == [
        ("BR, BDT", None)]


def test_the_wish_to_hear_back_by_a_day_dates_the_questions(members: MembersConfig) -> None:
    # The wish to hear back, in a sentence too long for a plain follow-up (`w12`).
    asked = "Hi all,\n\nIs anyone in BDT working on guidance for network sunsets? No rush, "
    wished = ("but it'd be great to hear by end of February so I can put the answer in our "
              "planning for the year.")
    # (Not "our board wants the answer by end of February": a deadline said once in the
    # paragraph dates its question since act-due3, as `w16`, `w23` and `w38` label it.)
    told = ("but our board takes comments until end of February so I can put the plan in "
            "our planning for the year.")
    assert dues(asked + wished, members) == [("BDT", date(2027, 2, 28))]
    assert dues(asked + told, members) == [("BDT", None)]


@pytest.mark.parametrize("reply", [
    "Could TSB reply by 19 February?",
    "Please TSB and BDT reply before 19 February, because we meet the ministry then.",
])
def test_a_request_to_reply_by_a_day_dates_the_questions_before_it(
    members: MembersConfig, reply: str,
) -> None:
    # The request to reply (`w10`, `w12`) dates every question of the list before it,
    # not only the one it is read with.
    text = ("Dear colleagues,\n\nTwo questions:\n- Which SG20 Recommendation should the "
            f"data model follow?\n- Does BDT run training on trust frameworks?\n\n{reply}")
    told = text.replace(reply, "The procurement file closes on 19 February.")
    assert [due for _, due in dues(text, members)][:1] == [date(2027, 2, 19)]
    assert [due for _, due in dues(told, members)][:1] == [None]
