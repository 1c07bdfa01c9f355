"""topics: the thread_topics and thread_entities tables

Why: each thread carries the topics of mutual interest it is about, with the score and
evidence of the automatic tagger (rewritten at every re-tag) and the decisions people
make with ``iscg-mailbot tag`` (never rewritten), plus the ITU bodies, documents and
resolutions it names, searchable by normalised key (``threads list --mentions``).
No unique constraint per thread: merging threads moves rows with a plain UPDATE.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:26:37.620491
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('thread_entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('search_key', sa.String(length=200), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_thread_entities_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_entities'))
    )
    with op.batch_alter_table('thread_entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_entities_search_key'), ['search_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_thread_entities_thread_id'), ['thread_id'], unique=False)

    op.create_table('thread_topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('assigned', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('tagged_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['threads.id'], name=op.f('fk_thread_topics_thread_id_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_topics'))
    )
    with op.batch_alter_table('thread_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_topics_thread_id'), ['thread_id'], unique=False)
        batch_op.create_index('ix_thread_topics_topic_thread', ['topic', 'thread_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('thread_topics', schema=None) as batch_op:
        batch_op.drop_index('ix_thread_topics_topic_thread')
        batch_op.drop_index(batch_op.f('ix_thread_topics_thread_id'))

    op.drop_table('thread_topics')
    with op.batch_alter_table('thread_entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thread_entities_thread_id'))
        batch_op.drop_index(batch_op.f('ix_thread_entities_search_key'))

    op.drop_table('thread_entities')
