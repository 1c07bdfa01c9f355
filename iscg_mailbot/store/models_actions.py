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

from sqlalchemy.orm import Mapped

from iscg_mailbot.store import tables
from iscg_mailbot.store.base import Base


class ActionItem(Base):
    """An action, note or question found in one message, and where it stands.

    ``due_meeting`` is the meetings.yaml id a meeting-tied deadline was dated from
    ("before the next TSAG meeting"): the date moves if the secretariat corrects the
    meeting. ``thread_id`` is SET NULL when its thread is merged away (never failing the
    merge); the next analysis of the batch copies the message's new thread back
    (refresh_thread_ids). The columns and indexes are declared in Core
    (``store/tables.py``: the chair's thread lists read them without the ORM)."""

    __tablename__ = "action_items"  # as every model has it (read by code and tests)
    __table__ = tables.action_items

    id: Mapped[int]
    list_id: Mapped[int]
    message_pk: Mapped[int]
    thread_id: Mapped[int | None]
    kind: Mapped[str]
    status: Mapped[str]
    sentence: Mapped[str]
    span_start: Mapped[int]
    span_end: Mapped[int]
    owner: Mapped[str | None]
    owner_kind: Mapped[str | None]
    due: Mapped[date | None]
    due_text: Mapped[str | None]
    due_meeting: Mapped[str | None]
    confidence: Mapped[float]
    rule: Mapped[str]
    closed_by_message_pk: Mapped[int | None]
    closed_at: Mapped[datetime | None]
    closing_sentence: Mapped[str | None]
    manual: Mapped[bool]
    note: Mapped[str | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ThreadOpenItems(Base):
    """A thread's open actions and questions, counted again whenever its items change.

    "Overdue" depends on the day it is asked, so it is kept as of the day the thread was
    counted (``counted_on``, UTC): ``overdue_then`` open actions were due before it, the
    latest of them on ``last_due_before``, and the earliest one not yet due then is
    ``first_due_after``. Asked about another day, the count stands unless an open due
    date lies between the two days; only such threads have their items counted at query
    time (``report/thread_counts.py``), and :func:`iscg_mailbot.store.open_items.count_passed`
    counts them again as days pass. ``first_due``/``last_due``: of the open actions, the
    earliest and latest due date. Declared in Core (``store/tables.py``).
    """

    __tablename__ = "thread_open_items"  # as every model has it (read by code and tests)
    __table__ = tables.thread_open_items

    thread_id: Mapped[int]
    open_actions: Mapped[int]
    dated_actions: Mapped[int]
    open_questions: Mapped[int]
    first_due: Mapped[date | None]
    last_due: Mapped[date | None]
    counted_on: Mapped[date]
    overdue_then: Mapped[int]
    last_due_before: Mapped[date | None]
    first_due_after: Mapped[date | None]
