"""Initial schema: lists, mailboxes (sync state), threads, messages, references, quarantine.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 11:24:10.225674
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('mailing_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailing_lists')),
    sa.UniqueConstraint('key', name=op.f('uq_mailing_lists_key'))
    )
    op.create_table('mailboxes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('messages_stored', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['mailing_lists.id'], name=op.f('fk_mailboxes_list_id_mailing_lists')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailboxes')),
    sa.UniqueConstraint('name', name=op.f('uq_mailboxes_name'))
    )
    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=False),
    sa.Column('source_mailbox', sa.String(length=200), nullable=True),
    sa.Column('source_uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('source_uid', sa.BigInteger(), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('quarantined_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['mailing_lists.id'], name=op.f('fk_quarantine_list_id_mailing_lists')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine')),
    sa.UniqueConstraint('sha256', name=op.f('uq_quarantine_sha256'))
    )
    op.create_table('threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('root_message_id', sa.String(length=998), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('normalised_subject', sa.String(length=500), nullable=False),
    sa.Column('first_activity', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_activity', sa.DateTime(timezone=True), nullable=True),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.Column('participants', sa.JSON(), nullable=False),
    sa.Column('needs_analysis', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['mailing_lists.id'], name=op.f('fk_threads_list_id_mailing_lists')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_threads'))
    )
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_threads_first_activity'), ['first_activity'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_last_activity'), ['last_activity'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_list_id'), ['list_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_needs_analysis'), ['needs_analysis'], unique=False)
        batch_op.create_index(batch_op.f('ix_threads_normalised_subject'), ['normalised_subject'], unique=False)

    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('synthetic_id', sa.Boolean(), nullable=False),
    sa.Column('parent_message_id', sa.String(length=998), nullable=True),
    sa.Column('in_reply_to', sa.String(length=998), nullable=True),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('sender_name', sa.Text(), nullable=False),
    sa.Column('sender_address', sa.String(length=320), nullable=False),
    sa.Column('to_addresses', sa.JSON(), nullable=False),
    sa.Column('cc_addresses', sa.JSON(), nullable=False),
    sa.Column('date', sa.DateTime(timezone=True), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('normalised_subject', sa.String(length=500), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('new_text', sa.Text(), nullable=False),
    sa.Column('quoted_text', sa.Text(), nullable=False),
    sa.Column('signature', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('raw_size', sa.Integer(), nullable=False),
    sa.Column('defects', sa.JSON(), nullable=False),
    sa.Column('source_mailbox', sa.String(length=200), nullable=True),
    sa.Column('source_uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('source_uid', sa.BigInteger(), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['mailing_lists.id'], name=op.f('fk_messages_list_id_mailing_lists')),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_messages_thread_id_threads')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('list_id', 'message_id', name='uq_messages_list_id_message_id')
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_normalised_subject'), ['normalised_subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_sender_address'), ['sender_address'], unique=False)
        batch_op.create_index('ix_messages_thread_date', ['thread_id', 'date'], unique=False)

    op.create_table('message_references',
    sa.Column('message_pk', sa.Integer(), nullable=False),
    sa.Column('referenced_id', sa.String(length=998), nullable=False),
    sa.ForeignKeyConstraint(['message_pk'], ['messages.id'], name=op.f('fk_message_references_message_pk_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('message_pk', 'referenced_id', name=op.f('pk_message_references'))
    )
    with op.batch_alter_table('message_references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_references_referenced_id'), ['referenced_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('message_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_references_referenced_id'))

    op.drop_table('message_references')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_thread_date')
        batch_op.drop_index(batch_op.f('ix_messages_sender_address'))
        batch_op.drop_index(batch_op.f('ix_messages_normalised_subject'))
        batch_op.drop_index(batch_op.f('ix_messages_date'))

    op.drop_table('messages')
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_threads_normalised_subject'))
        batch_op.drop_index(batch_op.f('ix_threads_needs_analysis'))
        batch_op.drop_index(batch_op.f('ix_threads_list_id'))
        batch_op.drop_index(batch_op.f('ix_threads_last_activity'))
        batch_op.drop_index(batch_op.f('ix_threads_first_activity'))

    op.drop_table('threads')
    op.drop_table('quarantine')
    op.drop_table('mailboxes')
    op.drop_table('mailing_lists')
