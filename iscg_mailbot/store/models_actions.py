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

``thread_open_items`` keeps, per thread with open work, what the chair's thread lists
order by (revision 0024): how many open actions (and how many of them dated), open
questions, and the earliest and latest due date of its open actions. Every write to
``action_items`` goes through ``store/actions.py`` or ``store/thread_merge.py``, which
count the threads they touched again (``store/open_items.py``).
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


class ThreadOpenItems(Base):
    """A thread's open actions and questions, counted again whenever its items change.

    "Overdue" depends on the day it is asked, so it is kept as of the day the thread was
    counted (``counted_on``, UTC): ``overdue_then`` open actions were due before it, the
    latest of them on ``last_due_before``, and the earliest one not yet due then is
    ``first_due_after``. Asked about another day, the count stands unless an open due
    date lies between the two days; only such threads have their items counted at query
    time (``report/queries.py``), and :func:`iscg_mailbot.store.open_items.count_passed`
    counts them again as days pass.
    """

    __tablename__ = "thread_open_items"
    __table_args__ = (
        # Threads whose count a day has overtaken (count_passed), from either side.
        Index("ix_thread_open_items_first_due_after", "first_due_after"),
        Index("ix_thread_open_items_last_due_before", "last_due_before"),
    )

    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), primary_key=True)
    open_actions: Mapped[int] = mapped_column(Integer, default=0)
    dated_actions: Mapped[int] = mapped_column(Integer, default=0)
    open_questions: Mapped[int] = mapped_column(Integer, default=0)
    # Of the open actions: the earliest and latest due date.
    first_due: Mapped[date | None] = mapped_column(Date)
    last_due: Mapped[date | None] = mapped_column(Date)
    counted_on: Mapped[date] = mapped_column(Date)
    overdue_then: Mapped[int] = mapped_column(Integer, default=0)
    last_due_before: Mapped[date | None] = mapped_column(Date)
    first_due_after: Mapped[date | None] = mapped_column(Date)
