"""What is wanted, above bullets labelled by owner: "To finalise the programme, we
need:\\n- from TSB: the list of speakers;\\n- from BR: the draft agenda.\\n\\nBoth by 20
November, please." is one item per body, dated by the list's own date or the line after it.
A label may name the people of a body ("from the events team in TSB")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
NOV_20 = date(2026, 11, 20)


def items(text: str) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [(item.owner, item.due) for item in found]


def test_we_need_above_owner_labels_dated_after() -> None:
    assert items("To finalise the programme, we need:\n- from TSB: the list of speakers;\n"
                 "- from BR: the draft agenda.\n\nBoth by 20 November, please.") == [
        ("TSB", NOV_20), ("BR", NOV_20)]


def test_we_need_with_its_own_date() -> None:
    assert items("For the report we would need the following by 20 November:\n"
                 "- TSB: the list of speakers;\n- BR: the draft agenda.") == [
        ("TSB", NOV_20), ("BR", NOV_20)]


def test_a_label_naming_the_people_of_a_body() -> None:
    assert items("To finalise the programme, we need by 20 November:\n- from the events "
                 "team in TSB: the list of speakers;\n- from BR: the draft agenda.") == [
        ("TSB", NOV_20), ("BR", NOV_20)]


def test_things_needed_of_nobody_named_are_no_items() -> None:
    assert items("For the meeting we need:\n- a room for 30 people;\n"
                 "- interpretation in French.") == []
