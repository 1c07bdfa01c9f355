"""Join the feature branches (0002 topics, 0003 actions, 0004 delivery) into one head,
and create the full-text search index over messages, filled from the stored messages.

The index is SQLite FTS5 on SQLite and a tsvector table with a GIN index on PostgreSQL.
Its statements live in one place, ``iscg_mailbot.store.search``, which also keeps the
index in step with each stored batch: this revision runs ``SHAPE_0005``, the frozen
statements of this revision's index (``IndexShape`` there says why importing them is
safe when the index changes later). It is not in the SQLAlchemy models:
an FTS5 virtual table and its shadow tables cannot be described there, so
``migrations/env.py`` leaves ``search_messages*`` out of comparisons. It is derived data:
a later change of its shape drops and re-creates it in a new revision.

Revision ID: 0005
Revises: 0002, 0003, 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from iscg_mailbot.store.search import SHAPE_0005, TABLE

revision: str = "0005"
down_revision: str | Sequence[str] | None = ("0002", "0003", "0004")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SHAPE_0005.create_statements(dialect):
        op.execute(statement)
    op.get_bind().execute(sa.text(SHAPE_0005.fill_statement(dialect)), {"cap": SHAPE_0005.cap})


def downgrade() -> None:
    op.execute(f"DROP TABLE IF EXISTS {TABLE}")
