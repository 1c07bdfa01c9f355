"""A second party asked in a clause that leaves out the verb: "I would ask BDT to send
the list by 20 November, and TSB the slides by 27 November" is two items, each with its
owner and date (its own, else the sentence's)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def items(text: str) -> list[tuple[str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [(item.owner, item.due) for item in found]


def test_each_party_with_its_own_date() -> None:
    assert items("I would ask BDT to send the list by 20 November, and TSB the slides by "
                 "27 November.") == [("BDT", date(2026, 11, 20)), ("TSB", date(2026, 11, 27))]


def test_a_date_after_both_dates_both() -> None:
    assert items("BDT is invited to prepare the outline, and TSB the annex, by 4 December."
                 ) == [("BDT", date(2026, 12, 4)), ("TSB", date(2026, 12, 4))]
    assert items("I would ask:\n- TSB to send the list, and BR a short summary, by 20 "
                 "November.") == [("TSB", date(2026, 11, 20)), ("BR", date(2026, 11, 20))]


def test_in_a_question() -> None:
    assert items("Could BDT send the figures, and TSB the list of events, by 4 December?"
                 ) == [("BDT", date(2026, 12, 4)), ("TSB", date(2026, 12, 4))]


def test_two_things_of_one_party_stay_one_item() -> None:
    assert items("TSB to send the list and the slides by 20 November.") == [
        ("TSB", date(2026, 11, 20))]
    assert items("I would ask BDT to send the list to TSB and the agenda to BR by 20 "
                 "November.") == [("BDT", date(2026, 11, 20))]


def test_no_request_no_item() -> None:
    assert items("We discussed the figures and TSB the list of events.") == []
