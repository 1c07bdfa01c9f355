"""Meeting-tied deadlines: which meetings.yaml entry an item's due date came from.

"Before the next TSAG meeting" is now dated from the meetings calendar; the item keeps
the meeting's id so that people can see where the date came from, and so that a
corrected calendar can be told apart from a date written in the message.

Revision ID: 0010
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_meeting", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.drop_column("due_meeting")
