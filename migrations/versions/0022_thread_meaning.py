"""``thread_overlap_terms.meaning``: each thread's meaning vector for the duplication watch.

Analysis stores, beside a thread's terms, the WordLlama embedding of them (256 float32,
little-endian, 1 KB) and the version that made it (``meaning_version``: the model's
release and how the text is embedded). The digest and ``overlaps list`` read the vectors
and never load the model; a row without a current vector (one written before this
revision, or by a reader that had to tokenize the thread) gets one from the next
analysis run.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("thread_overlap_terms", sa.Column("meaning", sa.LargeBinary(), nullable=True))
    op.add_column("thread_overlap_terms",
                  sa.Column("meaning_version", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("thread_overlap_terms") as batch:
        batch.drop_column("meaning_version")
        batch.drop_column("meaning")
