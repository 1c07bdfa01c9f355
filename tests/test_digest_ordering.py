"""The digest's open items: what is newly overdue or due soon first, stale items apart."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.records import DigestAction
from iscg_mailbot.report.digest import is_stale, sort_actions

TODAY = date(2026, 11, 20)


def action(owner: str, due: date | None, *, stale: bool = False) -> DigestAction:
    return DigestAction(description=f"item of {owner}", owner=owner, due=due,
                        overdue=due is not None and due < TODAY, stale=stale)


def test_newly_overdue_and_due_soon_lead_and_stale_items_come_last() -> None:
    items = [
        action("old overdue", date(2026, 9, 1)),
        action("undated", None),
        action("later", date(2027, 1, 15)),
        action("stale", date(2026, 6, 1), stale=True),
        action("due soon", date(2026, 11, 24)),
        action("newly overdue", date(2026, 11, 15)),
    ]
    assert [a.owner for a in sort_actions(items, TODAY)] == [
        "newly overdue", "due soon", "old overdue", "later", "undated", "stale"]


def test_an_item_is_stale_only_when_long_past_and_nobody_wrote_since() -> None:
    due = date(2026, 9, 1)
    quiet = datetime(2026, 8, 25, 9, 0, tzinfo=UTC)
    assert is_stale(due, None, quiet, TODAY)
    assert not is_stale(due, None, datetime(2026, 9, 10, tzinfo=UTC), TODAY)  # follow-up
    assert not is_stale(date(2026, 11, 1), None, quiet, TODAY)  # only 19 days past
    asked = datetime(2026, 8, 1, tzinfo=UTC)
    assert is_stale(None, asked, asked, TODAY)  # undated, 111 days, no reply
    assert not is_stale(None, datetime(2026, 10, 1, tzinfo=UTC), None, TODAY)
