"""The digest's open items chosen in SQL give what the Python rules give.

``report/digest_actions.py`` writes :func:`sort_actions` and :func:`is_stale` as SQL so
that only the rows shown are read; here a few hundred items with dates on every
boundary (due today, 14, 30 and 31 days ago, in 7 and 8 days, asked exactly 60 days
before midnight, a reply late on the due day) are ordered and counted both ways, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Engine, insert, select

from iscg_mailbot.records import DigestAction
from iscg_mailbot.report.digest import is_stale, sort_actions
from iscg_mailbot.report.digest_actions import open_item_rows
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models import MailingList, Message, Thread
from iscg_mailbot.store.models_actions import ActionItem

TODAY = date(2026, 11, 25)
OWNERS = ["TSAG", "Kenji Watanabe", "", None, "Ärger AG", "a lower", "Zed", "TSAG"]
DUE_OFFSETS = [None, 0, -1, -14, -15, -30, -31, -45, 7, 8, 30, -200, None]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _seed(engine: Engine, count: int = 240) -> None:
    rng = random.Random(5)
    with session_scope(engine) as session:
        list_id = session.execute(insert(MailingList).values(
            key="l", address="l@example.org", name="L").returning(MailingList.id)).scalar_one()
        threads, messages, items = [], [], []
        for n in range(count):
            offset = DUE_OFFSETS[n % len(DUE_OFFSETS)]
            due = None if offset is None else TODAY + timedelta(days=offset)
            asked = rng.choice([
                _midnight(TODAY - timedelta(days=60)) - timedelta(seconds=1),
                _midnight(TODAY - timedelta(days=60)),
                _midnight(TODAY) - timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 1439)),
            ])
            reference = due if due is not None else asked.date()
            last = rng.choice([None, asked, _midnight(reference) + timedelta(hours=23, minutes=59),
                               _midnight(reference) + timedelta(days=1),
                               asked + timedelta(days=rng.randint(0, 90))])
            threads.append({"id": n + 1, "list_id": list_id, "root_message_id": f"r{n}",
                            "subject": f"Thread {n}", "last_activity": last,
                            "message_count": 1, "participants": []})
            messages.append({"id": n + 1, "list_id": list_id, "thread_id": n + 1,
                             "message_id": f"m{n}@example.org", "date": asked})
            items.append({"list_id": list_id, "message_pk": n + 1,
                          "thread_id": None if n % 17 == 0 else n + 1,
                          "kind": "question" if n % 23 == 0 else "action",
                          "status": "done" if n % 11 == 0 else "open",
                          "sentence": f"Item {n}.", "span_start": 0,
                          "owner": OWNERS[n % len(OWNERS)], "due": due})
        session.execute(insert(Thread), threads)
        session.execute(insert(Message), messages)
        session.execute(insert(ActionItem), items)


def _in_python(engine: Engine) -> tuple[list[tuple[int, bool]], int, int]:
    with session_scope(engine) as session:
        rows = session.execute(
            select(ActionItem, Message.date, Thread.last_activity)
            .join(Message, Message.id == ActionItem.message_pk)
            .outerjoin(Thread, Thread.id == ActionItem.thread_id)
            .where(ActionItem.status == "open", ActionItem.kind == "action")
            .order_by(ActionItem.id)).all()
        actions = [(item.id, DigestAction(
            description=item.sentence, owner=item.owner or "(no owner)", due=item.due,
            overdue=item.due is not None and item.due < TODAY,
            stale=is_stale(item.due, asked, last, TODAY), item_id=item.id))
            for item, asked, last in rows]
    ordered = sort_actions([a for _, a in actions], TODAY)
    overdue = sum(1 for a in ordered if a.overdue and not a.stale)
    return [(a.item_id or 0, a.stale) for a in ordered], len(ordered), overdue


def test_sql_choice_order_and_counts_match_the_python_rules(engine: Engine) -> None:
    _seed(engine)
    expected, total, overdue = _in_python(engine)
    assert total > 150 and 0 < overdue < total
    assert sum(stale for _, stale in expected) > 20  # the stale rule is exercised
    with session_scope(engine) as session:
        list_id = session.scalar(select(MailingList.id))
        assert list_id is not None
        rows, sql_total, sql_overdue = open_item_rows(session, list_id, TODAY, limit=1000)
        first, _, _ = open_item_rows(session, list_id, TODAY, limit=30)
    assert (sql_total, sql_overdue) == (total, overdue)
    assert [(r.item_id, r.stale) for r in rows] == expected
    assert [r.item_id for r in first] == [item_id for item_id, _ in expected[:30]]
