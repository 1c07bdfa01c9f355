"""Join the feature branches (0002 topics, 0003 actions, 0004 delivery) into one head,
and create the full-text search index over messages, filled from the stored messages.

The index is SQLite FTS5 on SQLite and a tsvector table with a GIN index on PostgreSQL.
It is not in the SQLAlchemy models: an FTS5 virtual table and its shadow tables cannot be
described there, so ``migrations/env.py`` leaves ``search_messages*`` out of comparisons.
It is derived data; ``iscg_mailbot.store.search`` keeps it in step with each batch.

Revision ID: 0005
Revises: 0002, 0003, 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = ("0002", "0003", "0004")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Characters of new text indexed per message (PostgreSQL's tsvector holds at most 1 MB).
MAX_TEXT = 200_000


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE IF NOT EXISTS search_messages ("
            " message_pk BIGINT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,"
            " document TSVECTOR NOT NULL)"
        )
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_search_messages_document "
            "ON search_messages USING GIN (document)"
        )
        op.execute(
            "INSERT INTO search_messages (message_pk, document) "
            "SELECT id, setweight(to_tsvector('english', coalesce(subject, '')), 'A') || "
            f"setweight(to_tsvector('english', left(coalesce(new_text, ''), {MAX_TEXT})), 'B') "
            "FROM messages ON CONFLICT (message_pk) DO NOTHING"
        )
    else:
        # Porter stemming over unicode61 (accents folded) is the closest match to
        # PostgreSQL's 'english' configuration.
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_messages USING fts5("
            "subject, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "INSERT OR REPLACE INTO search_messages (rowid, subject, body) "
            f"SELECT id, coalesce(subject, ''), substr(coalesce(new_text, ''), 1, {MAX_TEXT}) "
            "FROM messages"
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_messages")
