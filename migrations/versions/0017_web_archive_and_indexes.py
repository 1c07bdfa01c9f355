"""Digests kept as sent, members' private calendar links, and indexes for every page.

- ``sent_digest_copies``: the bytes of each digest the SMTP server accepted (zlib), so
  the website's Digests page shows it as it was sent instead of rebuilding it.
- ``calendar_tokens``: the SHA-256 of each member's private calendar link, revocable.
- ``ix_action_items_thread``: a thread's items whatever their status (the thread page,
  closures by reply); the existing (status, thread_id, ...) index serves only one status.
- ``ix_action_items_digest``: the digest counts and orders a list's open items (tens of
  thousands on a list nobody tidies) from this index alone and reads only the rows shown.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sent_digest_copies",
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.Column("mail", sa.LargeBinary(), nullable=False),
        sa.Column("kept_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"],
                                name=op.f("fk_sent_digest_copies_outbox_id_outbox"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("outbox_id", name=op.f("pk_sent_digest_copies")),
    )
    op.create_table(
        "calendar_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_address", sa.String(length=320), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_tokens")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_calendar_tokens_token_digest")),
    )
    op.create_index(op.f("ix_calendar_tokens_member_address"), "calendar_tokens",
                    ["member_address"], unique=False)
    op.create_index("ix_action_items_thread", "action_items", ["thread_id"], unique=False)
    op.create_index("ix_action_items_digest", "action_items",
                    ["list_id", "status", "kind", "due", "owner", "thread_id", "message_pk"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_action_items_digest", table_name="action_items")
    op.drop_index("ix_action_items_thread", table_name="action_items")
    op.drop_index(op.f("ix_calendar_tokens_member_address"), table_name="calendar_tokens")
    op.drop_table("calendar_tokens")
    op.drop_table("sent_digest_copies")
