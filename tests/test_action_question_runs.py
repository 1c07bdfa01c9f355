"""Several questions in one message, and a question with the request to answer it.

Minimal pairs of our own wording: every question of a message is an item of its own,
put to whom it names or asks about; a question followed by "Could X reply by ...?"
is one item, owed by X and due that day; a question's own deadline dates it; a reply
saying somebody "will get in touch" has not answered yet.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import answers_question, extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 11, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))  # a Monday
KLAUS = Address("Klaus Brenner", "klaus.brenner@example.de")


def items(text: str, members: MembersConfig) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, SENT, sender=KLAUS)
    found = extract_actions(message, members=members)
    found += find_questions(message, found, members)
    return [(c.kind, c.owner, c.due) for c in sorted(found, key=lambda c: c.span)]


def test_each_question_of_a_message_is_an_item(members: MembersConfig) -> None:
    one = ("Dear colleagues,\n\nOur regulator is drafting rules on smart meters. Is there an "
           "ITU-T Recommendation on meter data formats?\n\nKlaus")
    two = ("Dear colleagues,\n\nOur regulator is drafting rules on smart meters. Is there an "
           "ITU-T Recommendation on meter data formats? And does BDT run training on it "
           "for regulators?\n\nKlaus")
    assert items(one, members) == [("question", "TSB", None)]
    assert items(two, members) == [("question", "TSB", None), ("question", "BDT", None)]


def test_a_question_then_a_request_to_answer_it_is_one_item(members: MembersConfig) -> None:
    alone = ("Dear colleagues,\n\nIs there a test suite for the new charging interface?\n\n"
             "Klaus")
    answered = ("Dear colleagues,\n\nIs there a test suite for the new charging interface?\n\n"
                "Could TSB reply by 20 November, when our tender closes?\n\nKlaus")
    assert len(items(alone, members)) == 1
    assert items(answered, members) == [("question", "TSB", date(2026, 11, 20))]


def test_a_request_after_a_question_is_read_with_it(members: MembersConfig) -> None:
    message = ActionInput("Is the pricing guide being revised? Could BR send us the "
                          "timeline by 27 November?", SENT, sender=KLAUS)
    item, = extract_actions(message, members=members)
    assert (item.kind, item.owner, item.due) == ("question", "BR", date(2026, 11, 27))
    assert item.sentence.startswith("Is the pricing guide being revised?")
    # Without the question before it, the same request is a deliverable.
    plain = ActionInput("Could BR send us the timeline by 27 November?", SENT, sender=KLAUS)
    assert [c.kind for c in extract_actions(plain, members=members)] == ["action"]


def test_a_question_keeps_its_own_deadline(members: MembersConfig) -> None:
    dated = "Dear colleagues,\n\nWill the BDT toolkit be out in Spanish before 4 December?\n"
    event = "Dear colleagues,\n\nWas the BDT toolkit presented in Spanish on 4 December?\n"
    assert items(dated, members) == [("question", "BDT", date(2026, 12, 4))]
    assert items(event, members) == [("question", "BDT", None)]


def test_somebody_who_will_get_in_touch_has_not_answered() -> None:
    question = "Could the regional office co-brand the webinar?"
    assert not answers_question(
        "Dear Omar,\n\nI have copied the head of the regional office, who will get in touch "
        "with you on the co-branding.\n\nAmara", question)
    assert answers_question(
        "Dear Omar,\n\nThe regional office is glad to co-brand the webinar; its logo is "
        "attached.\n\nAmara", question)
