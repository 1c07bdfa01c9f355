"""Keep whether a message was sent by a program (``messages.auto_submitted``).

An out-of-office reply whose text reads like a request ("Please contact my colleague
... before 5 November") must yield no action item. Its header fields (Auto-Submitted,
X-Autoreply, Precedence: auto_reply) say what it is; the parse stage reads them and the
flag is stored so that analysing the stored message again still knows. Messages stored
before this revision are false (their wording is still checked).

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("auto_submitted", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("auto_submitted")
