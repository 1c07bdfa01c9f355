"""A reply's "one week after the deadline" counts from the parent's deadline read by the
list's conventions (config/actions.yaml ``before``), as the parent's own item is
(review3; the "that_day" and "events" assertions failed before: the parent was read
with the default conventions)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.action_parent_dates import date_from_parent
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionCandidate, ActionInput

SENT = datetime(2027, 3, 8, 10, 0, tzinfo=UTC)
SAID = "The summary will be sent two days after the deadline."
PARENT = "Could TSB send its table before 26 March?"


@pytest.mark.parametrize(("before", "parent_due"), [
    ("day_before", date(2027, 3, 25)), ("that_day", date(2027, 3, 26)),
    ("events", date(2027, 3, 26))])
def test_the_parents_deadline_is_read_by_the_lists_convention(
        before: str, parent_due: date) -> None:
    conventions = Conventions(before=before)
    parent = extract_actions(ActionInput(PARENT, SENT, conventions=conventions))
    assert [c.due for c in parent] == [parent_due]
    item = ActionCandidate(kind="action", sentence=SAID, span=(0, len(SAID)), owner="TSB",
                           owner_kind="group", due=None, due_text=None, confidence=0.7,
                           rule="will_be_done")
    reply = ActionInput(SAID, SENT, parent_date=SENT, parent_text=PARENT,
                        conventions=conventions)
    dated, = date_from_parent([item], reply, extract_actions)
    assert dated.due == date(parent_due.year, parent_due.month, parent_due.day + 2)
