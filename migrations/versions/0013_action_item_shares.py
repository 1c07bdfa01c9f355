"""Per-owner shares of multi-owner action items (``action_item_shares``).

"Done for BDT" completes BDT's share of an item owed by TSB and BDT; the item closes
when every owner's share is done. A table of its own keeps ``action_items`` as it was.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('action_item_shares',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('closed_by_message_pk', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closing_sentence', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['closed_by_message_pk'], ['messages.id'], name=op.f('fk_action_item_shares_closed_by_message_pk_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['action_items.id'], name=op.f('fk_action_item_shares_item_id_action_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item_shares')),
    sa.UniqueConstraint('item_id', 'owner', name='uq_action_item_shares_owner')
    )
    with op.batch_alter_table('action_item_shares', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_shares_item_id'), ['item_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('action_item_shares', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_shares_item_id'))

    op.drop_table('action_item_shares')
