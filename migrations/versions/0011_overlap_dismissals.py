"""Dismissed overlap flags: a pair of threads the chair judged not to be duplicated work.

The duplication watch recomputes its flags from the threads each time; only the chair's
decision needs storing, so that a dismissed pair is never flagged again.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "overlap_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_key", sa.String(length=40), nullable=False),
        sa.Column("thread_a", sa.Integer(), nullable=False),
        sa.Column("thread_b", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overlap_dismissals")),
        sa.UniqueConstraint("pair_key", name=op.f("uq_overlap_dismissals_pair_key")),
    )


def downgrade() -> None:
    op.drop_table("overlap_dismissals")
