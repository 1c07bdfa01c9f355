"""Store whether a message's subject marks a reply (``messages.is_reply``).

Threading groups a reply ("RE: x") under an original of the same subject, so it needs
this for every message of every thread a batch touches; it was recomputed from the
stored subject (a regex) each time. The store now fills it once, at insert, and this
revision fills it for the messages already stored, with the same rule
(``iscg_mailbot.parse.subjects.is_reply_subject``). It is derived data: a later change
of that rule needs a revision that recomputes the column, as this one does.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from iscg_mailbot.parse.subjects import is_reply_subject

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Rows read and updated per statement (bounded IN lists, bounded memory).
_BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_reply", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    connection = op.get_bind()
    messages = sa.table("messages", sa.column("id", sa.Integer),
                        sa.column("subject", sa.Text), sa.column("is_reply", sa.Boolean))
    mark = (sa.update(messages).where(messages.c.id.in_(sa.bindparam("ids", expanding=True)))
            .values(is_reply=True))
    last = 0
    while True:  # keyset pages: each page one SELECT, then one UPDATE of its replies
        page = connection.execute(
            sa.select(messages.c.id, messages.c.subject)
            .where(messages.c.id > last).order_by(messages.c.id).limit(_BATCH)
        ).all()
        if not page:
            return
        replies = [pk for pk, subject in page if is_reply_subject(subject)]
        if replies:
            connection.execute(mark, {"ids": replies})
        last = page[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_column("is_reply")
