"""A body's people asked for something ("Could the advisory group vice-chairs give their
views by ...?", "... and TDAG members to send their comments by ...") owe it for the
body, as "BDT colleagues" and "RAG, TSAG and TDAG representatives" already do; the
request is an item, not an ownerless question or nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def items(text: str) -> list[tuple[str, str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [(item.kind, item.owner, item.due) for item in found]


def test_a_question_to_the_people_of_a_body() -> None:
    assert items("Could the advisory group vice-chairs give their views by 12 November?") == [
        ("action", "RAG, TSAG, TDAG", date(2026, 11, 12))]
    assert items("Could the TDAG vice-chairs remind their networks by 30 November?") == [
        ("action", "TDAG", date(2026, 11, 30))]
    assert items("Could TSAG members send their comments by 24 November?") == [
        ("action", "TSAG", date(2026, 11, 24))]


def test_the_body_itself_as_before() -> None:
    assert items("Could the advisory groups give their views by 12 November?") == [
        ("action", "RAG, TSAG, TDAG", date(2026, 11, 12))]
    assert items("Could BDT colleagues send their comments by 24 November?") == [
        ("action", "BDT", date(2026, 11, 24))]


def test_a_second_party_of_people_in_one_sentence() -> None:
    assert items("I would ask BDT to circulate the draft by 10 November and TDAG members to "
                 "send their comments on it by 24 November.") == [
        ("action", "BDT", date(2026, 11, 10)), ("action", "TDAG", date(2026, 11, 24))]
    assert items("I would ask BDT to circulate the draft by 10 November and TDAG to "
                 "send their comments on it by 24 November.") == [
        ("action", "BDT", date(2026, 11, 10)), ("action", "TDAG", date(2026, 11, 24))]


def test_people_not_asked_make_no_item() -> None:
    assert items("The advisory group vice-chairs gave their views at the last meeting.") == []
