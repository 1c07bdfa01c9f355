"""actions: the action_items table

Why: the chair's question "what is still open, and who owes what?" needs every action,
note and unanswered question found in the mail stored with its owner, due date and
status (open / done / dropped), the closing reply, and whether a person decided it by
hand. Keyed by (message, sentence start) so that extracting a message twice is
harmless. The full-text search index is not here: ``store/search.py`` creates and
fills it (FTS5 on SQLite, a tsvector table on PostgreSQL) because it is derived data.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-25 11:48:54.791609
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('action_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('message_pk', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=500), nullable=True),
    sa.Column('owner_kind', sa.String(length=20), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('due_text', sa.String(length=200), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('rule', sa.String(length=60), nullable=False),
    sa.Column('closed_by_message_pk', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closing_sentence', sa.Text(), nullable=True),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_message_pk'], ['messages.id'], name=op.f('fk_action_items_closed_by_message_pk_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['list_id'], ['mailing_lists.id'], name=op.f('fk_action_items_list_id_mailing_lists')),
    sa.ForeignKeyConstraint(['message_pk'], ['messages.id'], name=op.f('fk_action_items_message_pk_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_action_items_thread_id_threads'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_items')),
    sa.UniqueConstraint('message_pk', 'span_start', name='uq_action_items_message_pk')
    )
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_items_list_id'), ['list_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_items_owner'), ['owner'], unique=False)
        batch_op.create_index('ix_action_items_status_kind_due', ['status', 'kind', 'due'], unique=False)
        batch_op.create_index('ix_action_items_status_thread', ['status', 'thread_id', 'kind', 'due'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('action_items', schema=None) as batch_op:
        batch_op.drop_index('ix_action_items_status_thread')
        batch_op.drop_index('ix_action_items_status_kind_due')
        batch_op.drop_index(batch_op.f('ix_action_items_owner'))
        batch_op.drop_index(batch_op.f('ix_action_items_list_id'))

    op.drop_table('action_items')
