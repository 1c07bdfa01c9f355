"""The website's tables: sign-in link requests (rate limits, one-time links), the
history of people's decisions on action items (who, when, which note) and the topics
the secretariat changed from the website (who, when, the copy of the previous file).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address_digest", sa.String(length=64), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_requests")),
        sa.UniqueConstraint("nonce", name=op.f("uq_sign_in_requests_nonce")),
    )
    op.create_index("ix_sign_in_requests_address_at", "sign_in_requests",
                    ["address_digest", "requested_at"], unique=False)
    op.create_index("ix_sign_in_requests_client_at", "sign_in_requests",
                    ["client", "requested_at"], unique=False)
    op.create_table(
        "action_item_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["action_items.id"],
                                name=op.f("fk_action_item_events_item_id_action_items"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item_events")),
    )
    op.create_index(op.f("ix_action_item_events_item_id"), "action_item_events", ["item_id"],
                    unique=False)
    op.create_table(
        "topic_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("backup", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_edits")),
    )
    op.create_index(op.f("ix_topic_edits_topic"), "topic_edits", ["topic"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_topic_edits_topic"), table_name="topic_edits")
    op.drop_table("topic_edits")
    op.drop_index(op.f("ix_action_item_events_item_id"), table_name="action_item_events")
    op.drop_table("action_item_events")
    op.drop_index("ix_sign_in_requests_client_at", table_name="sign_in_requests")
    op.drop_index("ix_sign_in_requests_address_at", table_name="sign_in_requests")
    op.drop_table("sign_in_requests")
