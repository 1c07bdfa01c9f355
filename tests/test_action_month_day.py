"""A date written month first ("November 20") is read wherever "20 November" is: also
before a colon that opens a list ("Please send by November 20:"); a clock time after
the day ("May 3:45") stays no date. Round 11 of issue 13: found by rewriting the dev
threads of the three writers with their dates month first (w2 and w3 lost due dates on
list leads)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 10, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def dues(text: str) -> list[date | None]:
    return [c.due for c in extract_actions(ActionInput(new_text=text, date=SENT))]


def test_a_list_lead_dated_month_first_dates_each_entry() -> None:
    day_first = "Dear colleagues,\n\nPlease send by 20 November:\n- the list of events;\n- the photos.\n"
    month_first = day_first.replace("20 November", "November 20")
    assert dues(day_first) == [date(2026, 11, 20)] * 2
    assert dues(month_first) == [date(2026, 11, 20)] * 2


def test_a_colon_after_the_day_ends_the_date_but_a_clock_time_is_no_date() -> None:
    found = find_due("Please send by November 20: the list", SENT)
    assert found is not None and found.value == date(2026, 11, 20)
    assert find_due("The call is at May 3:45 Geneva time.", SENT) is None
