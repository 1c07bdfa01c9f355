"""A second party asked in a clause that leaves out the verb ("I would ask BDT to send
the list by 20 November, and TSB the slides by 27 November": two items, each with its
owner and date, its own else the sentence's), or after a semicolon by a date of its own
("...; BR inputs are needed by 20 November")."""

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


def test_a_dated_request_of_another_party_after_a_semicolon() -> None:
    assert items("The agenda is attached; BR inputs are needed by 20 November.") == [
        ("BR", date(2026, 11, 20))]
    assert items("Please send your comments by 20 November; BDT should circulate the draft "
                 "by 27 November.") == [(None, date(2026, 11, 20)), ("BDT", date(2026, 11, 27))]


def test_an_undated_clause_after_a_semicolon_stays_with_its_sentence() -> None:
    # Without a date of its own the clause is more often an aside: one item, as before.
    assert items("Please send your comments by 20 November; BDT should be copied.") == [
        (None, date(2026, 11, 20))]
