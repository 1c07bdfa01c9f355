"""``overlap_flag_cache``: the possible overlaps of a digest, kept per data version.

The digest's "possible overlaps" compare the week's threads with a year of threads: at
100,000 messages ~0.8-2 s of CPU each ``digest preview``. The flags depend only on the
stored data (moved by ``data_versions``, revision 0019), the window, the week's threads,
the members file and the code; they are kept here under a key of all but the data and
the data version they were read at (``services/overlap_cache.py``). A preview with the
same key and data version reads them instead of computing them again.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "overlap_flag_cache",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("data_version", sa.BigInteger(), nullable=False),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_overlap_flag_cache")),
    )


def downgrade() -> None:
    op.drop_table("overlap_flag_cache")
