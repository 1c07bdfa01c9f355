"""PostgreSQL: the large columns are compressed with lz4 instead of pglz.

A stored message's texts (2 KB of body on average, with its new text, quotes and
signature) and a thread's overlap terms pass PostgreSQL's TOAST threshold, and the
server compresses each such value as the row is written: with pglz, the default, that
was about 40% of the server's CPU for an ``INSERT`` of messages (4,000 messages of the
generated corpus: 0.37 s of the server's CPU with pglz, 0.21 s with lz4), and every read
of a body decompresses it again. lz4 compresses and decompresses several times faster.
The values read back are the same: only how the server keeps them on disk changes, for
rows written from now on (the rows stored before stay pglz until rewritten, and both are
read alike). Nothing on SQLite, and nothing on a PostgreSQL server built without lz4
(before 14, or compiled without it), which keeps pglz.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0025"
down_revision: str | Sequence[str] | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Table -> the columns whose values pass the TOAST threshold (``search_messages`` is the
#: index of revision 0005; ``references`` and the address lists of a long thread grow
#: large too).
_COLUMNS = {
    "messages": ("references", "to_addresses", "cc_addresses", "subject", "body_text",
                 "new_text", "quoted_text", "signature", "forwarded_text"),
    "search_messages": ("document",),
    "thread_overlap_terms": ("message_ids", "terms", "counts", "words", "headline_terms",
                             "subject_terms", "parts", "meaning"),
}


def _has_lz4() -> bool:
    """Whether the server can compress with lz4 (PostgreSQL 14 and later, built with it)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    found = bind.execute(text(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )).scalar()
    return bool(found)


def _set(method: str) -> None:
    for table, columns in _COLUMNS.items():
        clauses = ", ".join(f'ALTER COLUMN "{column}" SET COMPRESSION {method}'
                            for column in columns)
        op.execute(f'ALTER TABLE "{table}" {clauses}')


def upgrade() -> None:
    if _has_lz4():
        _set("lz4")


def downgrade() -> None:
    if _has_lz4():
        _set("default")
