"""The ``action_items`` table: who must do what by when, tracked until closed.

One row per sentence of a message's new text that asks for work ("action"), for
attention ("note") or asks a question still waiting for a reply ("question"). Rows are
keyed by (message, sentence start), so extracting a message again updates its rows
instead of adding new ones.

``thread_id`` copies the message's thread so that the chair's queries need no join
through ``messages``. It references ``threads.id`` with ON DELETE SET NULL: a merge
that deletes a thread never fails on its items, and
:func:`iscg_mailbot.services.actions.extraction.analyse_messages` copies the message's thread back
for every thread a batch touched (``merge_threads`` may also move them directly).

``manual`` is set when a person closed, reopened or dropped the item: automation
(closure by reply, re-extraction) never changes such a row again.
"""

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.action_codes import ACTION, OPEN
from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow


class ActionItem(Base):
    """An action, note or question found in one message, and where it stands."""

    __tablename__ = "action_items"
    __table_args__ = (
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

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("mailing_lists.id"), index=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"))
    # SET NULL: a thread merged away must never fail on its items; the next analysis of
    # the batch copies the message's new thread back (refresh_thread_ids).
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(10), default=ACTION)
    status: Mapped[str] = mapped_column(String(10), default=OPEN)
    sentence: Mapped[str] = mapped_column(Text, default="")
    span_start: Mapped[int] = mapped_column(Integer, default=0)
    span_end: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(500), index=True)
    owner_kind: Mapped[str | None] = mapped_column(String(20))
    due: Mapped[date | None] = mapped_column(Date)
    due_text: Mapped[str | None] = mapped_column(String(200))
    # The meetings.yaml id a meeting-tied deadline was dated from ("before the next TSAG
    # meeting"): the date moves if the secretariat corrects the meeting.
    due_meeting: Mapped[str | None] = mapped_column(String(60))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    rule: Mapped[str] = mapped_column(String(60), default="")
    closed_by_message_pk: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    closed_at: Mapped[datetime | None]
    closing_sentence: Mapped[str | None] = mapped_column(Text)
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
