"""The metadata every table belongs to, and the tables the chair's lists read, declared
in SQLAlchemy Core.

``threads list --open``/``--stalled`` read ``threads``, ``thread_open_items`` and
``action_items`` (``report/thread_lists.py``); ``actions list`` reads ``action_items``,
``messages`` and ``threads`` (``report/queries.py``), ``search`` the search index and
``messages`` (``store/search.py``). Declared here as Core tables, those queries run on a
connection without importing the ORM: ``sqlalchemy.orm``, declaring the mapped classes
and configuring their mappers were 15-25% of the CPU of the whole process (issue 17,
start-up; docs/performance-history.md, perf-pgcli2 and perf-actlist). The mapped
classes (``Thread`` and ``Message`` in ``models.py``, ``ActionItem`` and
``ThreadOpenItems`` in ``models_actions.py``) map these same tables (``__table__``):
each column is declared once, here, and ``tests/test_migrations.py`` still checks them
against the migrations.

What each column means is documented on its mapped class (``messages``' here).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine.default import DefaultExecutionContext

from iscg_mailbot.action_codes import ACTION, OPEN
from iscg_mailbot.parse.subjects import is_reply_subject
from iscg_mailbot.store.types import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: The one metadata of every table (the declarative base's, ``store/base.py``).
metadata = MetaData(naming_convention=NAMING_CONVENTION)

threads = Table(
    "threads", metadata,
    Column("id", Integer, primary_key=True),
    Column("list_id", Integer, ForeignKey("mailing_lists.id"), nullable=False, index=True),
    Column("root_message_id", String(998), nullable=False),
    Column("subject", Text, nullable=False, default=""),
    Column("normalised_subject", String(500), nullable=False, default="", index=True),
    Column("first_activity", UTCDateTime(), index=True),
    Column("last_activity", UTCDateTime(), index=True),
    Column("message_count", Integer, nullable=False, default=0),
    Column("participants", JSON(), nullable=False, default=list),
    Column("needs_analysis", Boolean, nullable=False, default=True, index=True),
)



def _reply_subject(context: DefaultExecutionContext) -> bool:
    """``messages.is_reply`` of a row being inserted, from its subject (every insert
    path, ORM or Core, gets it without having to remember it)."""
    parameters = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return is_reply_subject(parameters.get("subject"))


# Read by ``actions list`` (each item's message: id, date, sender) and ``search``.
messages = Table(
    "messages", metadata,
    Column("id", Integer, primary_key=True),
    Column("list_id", Integer, ForeignKey("mailing_lists.id"), nullable=False),
    Column("thread_id", Integer, ForeignKey("threads.id")),
    Column("message_id", String(998), nullable=False),
    Column("synthetic_id", Boolean, nullable=False, default=False),
    Column("parent_message_id", String(998)),
    Column("in_reply_to", String(998)),
    Column("references", JSON(), nullable=False, default=list),
    Column("sender_name", Text, nullable=False, default=""),
    Column("sender_address", String(320), nullable=False, default="", index=True),
    Column("to_addresses", JSON(), nullable=False, default=list),
    Column("cc_addresses", JSON(), nullable=False, default=list),
    Column("date", UTCDateTime(), index=True),
    # The sender's UTC offset in minutes (date is stored in UTC), for relative deadlines.
    Column("utc_offset_minutes", Integer),
    Column("subject", Text, nullable=False, default=""),
    # Not indexed (revision 0027): threading looks subjects up in threads, never here.
    Column("normalised_subject", String(500), nullable=False, default=""),
    # The subject starts with a reply marker ("RE:", "AW:", ...; revision 0015): read by
    # threading, which groups a reply under an original of the same subject. Stored
    # once at insert rather than recomputed from every stored subject on each batch.
    Column("is_reply", Boolean, nullable=False, default=_reply_subject,
           server_default=false()),
    Column("body_text", Text, nullable=False, default=""),
    Column("new_text", Text, nullable=False, default=""),
    # The text of messages forwarded as message/rfc822 parts (part of this message,
    # never list messages of their own): analysis reads it as forwarded content.
    Column("forwarded_text", Text, nullable=False, default=""),
    Column("quoted_text", Text, nullable=False, default=""),
    Column("signature", Text, nullable=False, default=""),
    Column("attachments", JSON(), nullable=False, default=list),
    Column("raw_size", Integer, nullable=False, default=0),
    Column("defects", JSON(), nullable=False, default=list),
    # Sent by a program (Auto-Submitted, X-Autoreply, ...; revision 0014): owes nothing.
    Column("auto_submitted", Boolean, nullable=False, default=False,
           server_default=false()),
    Column("source_mailbox", String(200)),
    Column("source_uidvalidity", BigInteger),
    Column("source_uid", BigInteger),
    Column("source_path", Text),
    Column("stored_at", UTCDateTime(), nullable=False, default=utcnow),
    UniqueConstraint("list_id", "message_id", name="uq_messages_list_id_message_id"),
    Index("ix_messages_thread_date", "thread_id", "date"),
)

action_items = Table(
    "action_items", metadata,
    Column("id", Integer, primary_key=True),
    # No index of its own (revision 0027): ix_action_items_digest begins with list_id.
    Column("list_id", Integer, ForeignKey("mailing_lists.id"), nullable=False),
    Column("message_pk", Integer, ForeignKey("messages.id", ondelete="CASCADE"),
           nullable=False),
    Column("thread_id", Integer, ForeignKey("threads.id", ondelete="SET NULL")),
    Column("kind", String(10), nullable=False, default=ACTION),
    Column("status", String(10), nullable=False, default=OPEN),
    Column("sentence", Text, nullable=False, default=""),
    Column("span_start", Integer, nullable=False, default=0),
    Column("span_end", Integer, nullable=False, default=0),
    # Not indexed (revision 0027): owners are matched by pattern (report/queries.py) and
    # ordered by a collated expression, which a B-tree on the column serves neither.
    Column("owner", String(500)),
    Column("owner_kind", String(20)),
    Column("due", Date),
    Column("due_text", String(200)),
    Column("due_meeting", String(60)),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("rule", String(60), nullable=False, default=""),
    Column("closed_by_message_pk", Integer, ForeignKey("messages.id", ondelete="SET NULL")),
    Column("closed_at", UTCDateTime()),
    Column("closing_sentence", Text),
    Column("manual", Boolean, nullable=False, default=False),
    Column("note", Text),
    Column("created_at", UTCDateTime(), nullable=False, default=utcnow),
    Column("updated_at", UTCDateTime(), nullable=False, default=utcnow),
    UniqueConstraint("message_pk", "span_start", name="uq_action_items_message_pk"),
    # The chair's queries: open work by due date; open work per thread (covering the
    # counts of open_threads: grouping reads the index in thread order, no sort, no
    # table look-up); closure look-ups by (status, thread).
    Index("ix_action_items_status_kind_due", "status", "kind", "due"),
    Index("ix_action_items_status_thread", "status", "thread_id", "kind", "due"),
    # A thread's items whatever their status (the thread page; revision 0015).
    Index("ix_action_items_thread", "thread_id"),
    # The digest's open items of a list, counted and ordered from the index alone
    # (report/digest_actions.py; revision 0015).
    Index("ix_action_items_digest", "list_id", "status", "kind", "due", "owner",
          "thread_id", "message_pk"),
    # Items of every status or several kinds by due date (revision 0023).
    Index("ix_action_items_due", "due", "id"),
)

thread_open_items = Table(
    "thread_open_items", metadata,
    Column("thread_id", Integer, ForeignKey("threads.id", ondelete="CASCADE"),
           primary_key=True),
    Column("open_actions", Integer, nullable=False, default=0),
    Column("dated_actions", Integer, nullable=False, default=0),
    Column("open_questions", Integer, nullable=False, default=0),
    Column("first_due", Date),
    Column("last_due", Date),
    Column("counted_on", Date, nullable=False),
    Column("overdue_then", Integer, nullable=False, default=0),
    Column("last_due_before", Date),
    Column("first_due_after", Date),
    # Threads whose count a day has overtaken (count_passed), from either side.
    Index("ix_thread_open_items_first_due_after", "first_due_after"),
    Index("ix_thread_open_items_last_due_before", "last_due_before"),
)
