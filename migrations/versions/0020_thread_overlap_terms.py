"""``thread_overlap_terms``: each thread's terms as the duplication watch reads them.

The digest's "possible overlaps" compare the week's threads with a year of threads;
reading and tokenizing a year of texts took most of ``digest preview``. Analysis now
stores each thread's terms (``services/overlap_terms.py``); a thread without a row (one
analysed before this revision) is read from its texts as before, until analysed again.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "thread_overlap_terms",
        sa.Column("thread_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("message_ids", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("headline_terms", sa.Text(), nullable=False),
        sa.Column("subject_terms", sa.JSON(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["thread_id"], ["threads.id"], ondelete="CASCADE",
                                name=op.f("fk_thread_overlap_terms_thread_id_threads")),
        sa.PrimaryKeyConstraint("thread_id", name=op.f("pk_thread_overlap_terms")),
    )


def downgrade() -> None:
    op.drop_table("thread_overlap_terms")
