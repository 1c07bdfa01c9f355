"""Action tables in plain text (issue 13, action tables): one item per open row.

Before act-tables a table's rows were read as sentences: "1 | Schedule of the briefings
| BR | 30 Nov" asked nobody anything, and a follow-up table of five rows gave no item.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.actions import detect_closure, extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, OpenItem

SENT = datetime(2027, 11, 5, 9, 0, tzinfo=UTC)


def _items(text: str, conventions: Conventions | None = None
           ) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT) if conventions is None else ActionInput(
        text, SENT, conventions=conventions)
    return [(c.owner, c.due) for c in extract_actions(message)]


PIPES = """Follow-up:
#  | What                                          | Who       | When
1  | Schedule of the regional briefings            | BR        | 30 Nov
2  | Nominate co-organisers for the Africa forum   | TSB, BDT  | 10.12.
3  | Update the contact list                       | GS        | -
"""

ALIGNED = """Actions agreed:

No.  Action                                  Owner      Deadline   Status
1    Send the draft calendar to the          BR         15/12      open
     advisory groups
2    Update the web page                     GS         30 Nov     done
3    Comment on the work plan                All        10 Dec     ongoing

Thanks"""

TABS = ("Action\tResponsible\tBy when\n"
        "Circulate the revised ToR\tBR/TSB\t1 December\n"
        "Book the room\tGS\tcancelled\n")


@pytest.mark.parametrize(("text", "expected"), [
    (PIPES, [("BR", date(2027, 11, 30)), ("TSB, BDT", date(2027, 12, 10)),
             ("General Secretariat", None)]),
    # A wrapped cell continues its row; done rows make nothing; "All" is the list's.
    (ALIGNED, [("BR", date(2027, 12, 15)), ("ISCG", date(2027, 12, 10))]),
    (TABS, [("BR, TSB", date(2027, 12, 1))]),
])
def test_each_open_row_is_an_item(text: str, expected: list[tuple[str, date | None]]) -> None:
    assert _items(text) == expected


def test_a_row_marked_done_makes_no_item() -> None:
    open_row = "Action | Owner | Due | Status\nSend the slides | TSB | 3 Dec | open\n"
    assert _items(open_row) == [("TSB", date(2027, 12, 3))]
    assert _items(open_row.replace("open", "done")) == []
    assert _items(open_row.replace("open", "closed - sent on 2 Dec")) == []
    assert _items(open_row.replace("| open", "| carried forward")) == [("TSB", date(2027, 12, 3))]


@pytest.mark.parametrize("status", ["Sent on 2 Dec", "submitted", "Published", "\u2713",
                                    "resolved"])
def test_a_row_whose_deed_is_said_done_makes_no_item(status: str) -> None:
    # Second review: a status report's "Sent", "Published", a tick are done rows.
    row = "Action | Owner | Due | Status\nSend the slides | TSB | 3 Dec | {}\n"
    assert _items(row.format(status)) == []
    assert _items(row.format("to be " + status.lower())) == [("TSB", date(2027, 12, 3))]


def test_everyone_follows_the_lists_convention() -> None:
    table = "Action | Owner | Due\nComment on the draft | All | 3 Dec\n"
    assert _items(table) == [("ISCG", date(2027, 12, 3))]
    assert _items(table, Conventions(requests_to_all="nobody")) == [(None, date(2027, 12, 3))]


@pytest.mark.parametrize("text", [
    # A meeting schedule: no owner column.
    ("Date       Meeting              Venue\n3 Dec      TSAG                 Geneva\n"
     "10 Dec     TDAG                 online\n"),
    # A document list: no owner, no due.
    "Doc   | Title                 | Source\n27/44 | Work plan 2028        | GS\n",
    # Owners of lines, but no due date or status column: a list of who owns what.
    "Lines   | Owner | What is needed\nR1 - R4 | BR    | likelihood, impact\n",
])
def test_a_table_that_is_not_an_action_table_yields_nothing(text: str) -> None:
    assert _items(text) == []


@pytest.mark.parametrize("row", ["1 | Send the draft | BR | 3 Dec\n",
                                 "1  Send the draft  BR  3 Dec\n", "| | | |\n", "a  b\n"])
def test_a_long_table_is_read_in_linear_time(row: str) -> None:
    header = "# | Action | Owner | Due\n" if "|" in row else "#  Action  Owner  Due\n"
    text = header + row * (100_000 // len(row))
    started = time.process_time()
    _items(text)
    assert time.process_time() - started < 6.0


def test_many_headers_are_read_in_linear_time() -> None:
    text = "# | Action | Owner | Due\n" * (100_000 // 25)
    started = time.process_time()
    assert _items(text) == []
    assert time.process_time() - started < 3.0


ITEMS = [OpenItem(1, "BR", None, "1. Schedule of the regional briefings"),
         OpenItem(2, "TSB, BDT", None, "2. Nominate co-organisers"),
         OpenItem(3, "General Secretariat", None,
                  "AP 3/2029 General Secretariat to prepare the slides")]


def _closed(text: str) -> list[int]:
    return [c.item_id for c in detect_closure(text, ITEMS)]


def test_a_later_status_table_closes_the_rows_marked_done() -> None:
    table = "Where we stand:\n| # | Status |\n|---|---|\n| 1 | {} |\n| 3 | {} |\n"
    assert _closed(table.format("done - sent on 3 Dec", "closed")) == [1, 3]
    assert _closed(table.format("ongoing", "open - due 21 May")) == []
    assert _closed(table.format("carried forward", "cancelled")) == [3]
    # Second review: the deed said done closes too, the deed still to do does not.
    assert _closed(table.format("Sent on 3 Dec", "\u2713")) == [1, 3]
    assert _closed(table.format("to be sent", "published")) == [3]


def test_a_status_row_naming_shares_closes_nothing_whole() -> None:
    assert _closed("| AP | Status |\n| 2 | BR, BDT done - TSB missing |\n") == []


def test_a_status_table_is_read_in_linear_time() -> None:
    text = "| AP | Status |\n" + "| 1 | closed |\n" * (100_000 // 15)
    started = time.process_time()
    _closed(text)
    assert time.process_time() - started < 6.0


# Second review: a meeting's programme has the same header words ("When | What | Who")
# but its When cells are hours: its rows are sessions, not actions.
PROGRAMME = """Programme of the briefing:

When  | What                                | Who
09:30 | Opening remarks                     | GS
10:00-10:45 | Regional outlook              | BDT
"""
PROGRAMME_AS_ACTIONS = PROGRAMME.replace("09:30", "30 Nov").replace("10:00-10:45", "10.12")


def test_a_programme_with_hours_is_no_action_table() -> None:
    from iscg_mailbot.analyse.action_tables import table_items
    assert table_items(PROGRAMME, SENT) == ([], [])
    items, _regions = table_items(PROGRAMME_AS_ACTIONS, SENT)
    assert [(i.owner, i.due) for i in items] == [("General Secretariat", date(2027, 11, 30)),
                                                  ("BDT", date(2027, 12, 10))]
