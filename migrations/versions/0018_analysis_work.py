"""The analysis work queue (``analysis_work``): threads waiting for analysis, claimed
under a lease.

Analysis runs in several processes, on one machine or several: each claims a few
threads from this table (``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, a short
write transaction on SQLite), analyses them and takes them off in the transaction that
writes the results. A claim whose process died is taken over when its lease expires.
Threads already flagged ``needs_analysis`` are queued by the next analysis run.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analysis_work",
        sa.Column("thread_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_analysis_work")),
    )
    with op.batch_alter_table("analysis_work", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_analysis_work_lease_until"), ["lease_until"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("analysis_work", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_analysis_work_lease_until"))
    op.drop_table("analysis_work")
