"""Reliability (issue 12): analysis failures, forwarded text, confirmed digests.

- ``analysis_failures``: a thread whose analysis raised is recorded with its reason and
  retried later with back-off, instead of blocking every later analysis.
- ``messages.forwarded_text``: the text of forwarded (``message/rfc822``) parts, which
  are part of their message and read by analysis as forwarded content.
- ``outbox.confirmed_by``/``confirmed_at``: who confirmed, and when, that an uncertain
  digest was delivered (``iscg-mailbot digest confirm``).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "analysis_failures",
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retry_after", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"], ["threads.id"],
            name=op.f("fk_analysis_failures_thread_id_threads"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_analysis_failures")),
    )
    with op.batch_alter_table("analysis_failures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_analysis_failures_retry_after"), ["retry_after"], unique=False
        )
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("forwarded_text", sa.Text(), nullable=False, server_default="")
        )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirmed_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("confirmed_at")
        batch_op.drop_column("confirmed_by")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("forwarded_text")
    with op.batch_alter_table("analysis_failures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_analysis_failures_retry_after"))
    op.drop_table("analysis_failures")
