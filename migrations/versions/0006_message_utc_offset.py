"""Keep each message's own UTC offset (from its Date header).

Dates are stored in UTC; relative deadlines such as "by tomorrow" must be read in the
sender's time zone, which the offset gives. Messages stored before this revision have
none, and the list's home zone (actions.yaml) stands in for them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("utc_offset_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("utc_offset_minutes")
