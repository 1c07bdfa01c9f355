"""``thread_open_items``: each thread's open actions and questions, kept as they change.

``threads list --open`` and ``--stalled`` order threads by their number of overdue open
actions. Counted from ``action_items`` at every call, that read every open item of the
archive (96,000 at 100,000 messages: 50-60 ms of server time on a quiet core, 300-550 ms
on a loaded one). This table keeps per thread the open actions (and how many of them are
dated), the open questions, and the earliest and latest due date of the open actions;
``store/open_items.py`` counts a thread again whenever one of its items is added,
changed, closed, reopened, dropped, deleted or moved. "Overdue" depends on the day: it
is kept as of the day a thread was counted, with the due dates either side of that day,
so that only threads with an open due date between that day and the day asked have
their items counted at query time. Filled here from the items already stored, as of
today (UTC).

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | Sequence[str] | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FILL = """
INSERT INTO thread_open_items
    (thread_id, open_actions, dated_actions, open_questions, first_due, last_due,
     counted_on, overdue_then, last_due_before, first_due_after)
SELECT thread_id,
       SUM(CASE WHEN kind = 'action' THEN 1 ELSE 0 END),
       SUM(CASE WHEN kind = 'action' AND due IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN kind = 'question' THEN 1 ELSE 0 END),
       MIN(CASE WHEN kind = 'action' THEN due END),
       MAX(CASE WHEN kind = 'action' THEN due END),
       :then,
       SUM(CASE WHEN kind = 'action' AND due < :then THEN 1 ELSE 0 END),
       MAX(CASE WHEN kind = 'action' AND due < :then THEN due END),
       MIN(CASE WHEN kind = 'action' AND due >= :then THEN due END)
FROM action_items
WHERE status = 'open' AND kind IN ('action', 'question') AND thread_id IS NOT NULL
GROUP BY thread_id
"""


def upgrade() -> None:
    op.create_table(
        "thread_open_items",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("open_actions", sa.Integer(), nullable=False),
        sa.Column("dated_actions", sa.Integer(), nullable=False),
        sa.Column("open_questions", sa.Integer(), nullable=False),
        sa.Column("first_due", sa.Date(), nullable=True),
        sa.Column("last_due", sa.Date(), nullable=True),
        sa.Column("counted_on", sa.Date(), nullable=False),
        sa.Column("overdue_then", sa.Integer(), nullable=False),
        sa.Column("last_due_before", sa.Date(), nullable=True),
        sa.Column("first_due_after", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["thread_id"], ["threads.id"],
                                name=op.f("fk_thread_open_items_thread_id_threads"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_thread_open_items")),
    )
    op.create_index("ix_thread_open_items_first_due_after", "thread_open_items",
                    ["first_due_after"], unique=False)
    op.create_index("ix_thread_open_items_last_due_before", "thread_open_items",
                    ["last_due_before"], unique=False)
    then = sa.bindparam("then", datetime.now(UTC).date(), type_=sa.Date())
    op.execute(sa.text(_FILL).bindparams(then))


def downgrade() -> None:
    op.drop_table("thread_open_items")
