"""A request added with "Also" after a question asks something else, and is an item of
its own (action round 15; `w9`-023, as `w4`-027 and `w11`-039 label the same form;
minimal pairs of our own wording, the first assertion failed before: the request was
read as asking for the question's answer, one question with the request's date).
"""

from __future__ import annotations

from datetime import UTC, datetime

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 3, 1, tzinfo=UTC)
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def found(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text + "\n\nThanks,\nKenji", SENT,
                          sender=SENDER)
    items = extract_actions(message)
    items += find_questions(message, items)
    return sorted((c.kind, c.owner) for c in items)


def test_a_request_added_with_also_is_its_own_item() -> None:
    assert found("Do the filing fees apply to university satellites, and is there a BR "
                 "guide for first-time operators? Also, would BR be able to give a short "
                 "briefing at our side event on 19 May?") == [
        ("action", "BR"), ("question", "BR")]


def test_a_request_for_the_answer_stays_one_question() -> None:
    assert found("Do the filing fees apply to university satellites, and is there a BR "
                 "guide for first-time operators? Could BR answer by 19 May?") == [
        ("question", "BR")]
