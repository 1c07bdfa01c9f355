"""``data_versions`` row 2: the counter of what the duplication watch reads.

The digest's kept overlaps (``overlap_flag_cache``, revision 0021) were kept under the
one data version, which every commit moves: the chair closing an action item, or a
digest being recorded as sent, made the next ``digest preview`` compare a year of
threads again (1.2-1.3 s of CPU at 100,000 messages). Row 2 moves with every watched
table but action items and the digest's delivery records (``store/versions.py``,
``THREADS``), and the kept overlaps are read under it. It starts at row 1's value: what
was kept under that number was read from the data as it still is.

Revision ID: 0026
Revises: 0025
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | Sequence[str] | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("INSERT INTO data_versions (id, version) "
               "SELECT 2, version FROM data_versions WHERE id = 1")


def downgrade() -> None:
    op.execute("DELETE FROM data_versions WHERE id = 2")
