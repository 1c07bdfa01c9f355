"""Three indexes no query reads, dropped: every message and action item stored paid for them.

- ``ix_messages_normalised_subject``: threading finds a thread by subject in
  ``threads`` (``ix_threads_normalised_subject``); no statement looks messages up by
  their normalised subject, which is stored only to be copied to a new thread.
- ``ix_action_items_list_id``: the digest's ``(list_id, status, kind, due, owner,
  thread_id, message_pk)`` index (revision 0017) begins with ``list_id``, so it serves
  every look-up by list the single-column one served (a list's items, and the foreign
  key's check when a mailing list is deleted).
- ``ix_action_items_owner``: owners are found by pattern (``lower(owner) LIKE`` and a
  regular expression, ``report/queries.py``) and the digest orders them by a ``COLLATE
  "C"`` expression (``report/digest_actions.py``); a B-tree on the column serves
  neither, and no statement compares an owner with ``=``, a range or an ``ORDER BY``.

Each was a B-tree insert a stored row (together ~1% of the server's CPU in an import and
analysis); no plan of the chair's, the digest's or the website's queries changes without
them on a 20,000-message archive (docs/performance-history.md, "perf-pg2").
The downgrade builds them again.

Revision ID: 0027
Revises: 0026
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0027"
down_revision: str | Sequence[str] | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_messages_normalised_subject", table_name="messages")
    op.drop_index("ix_action_items_list_id", table_name="action_items")
    op.drop_index("ix_action_items_owner", table_name="action_items")


def downgrade() -> None:
    op.create_index("ix_action_items_owner", "action_items", ["owner"], unique=False)
    op.create_index("ix_action_items_list_id", "action_items", ["list_id"], unique=False)
    op.create_index("ix_messages_normalised_subject", "messages", ["normalised_subject"],
                    unique=False)
