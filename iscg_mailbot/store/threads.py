"""Keep the ``threads`` table in step with the messages: attach, repair, merge.

A batch of new messages can join existing threads, fill in a missing parent (so that
threads stored apart are merged), or, rarely, split a thread when a late message's
own headers contradict what others implied (JWZ step 1C). :func:`attach_to_threads`
re-threads the affected messages with :func:`~iscg_mailbot.thread.jwz.build_threads`
and writes the difference.

The affected set is found with a handful of queries per batch, not per message:

1. existing messages named in the new messages' References/In-Reply-To;
2. existing messages whose references name a new message (a parent arriving late,
   through the ``message_references.referenced_id`` index) or share a referenced id
   with one (siblings under the same missing parent);
3. whole threads of everything found, repeated until no reference leads further out
   (usually one more round);
4. threads of the list whose normalised subject is that of a tree that changed and
   that were active within :data:`SUBJECT_WINDOW` of it, which JWZ's subject grouping
   may join (then 3 and 4 again).

Whatever order and batches messages arrive in, the stored threads are the trees
:func:`~iscg_mailbot.thread.jwz.build_threads` gives on the whole list at once
(``tests/test_store_threads.py`` checks it on random batches, and it held on the
4,349 messages of the shared corpus archives, shuffled).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Select, bindparam, insert, select, update
from sqlalchemy.orm import Session, load_only
from sqlalchemy.orm.attributes import set_committed_value

from iscg_mailbot.records import ThreadNode, ThreadRef
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.thread_lookup import neighbours
from iscg_mailbot.store.thread_members import Member, NewMessage, Placement, Threaded
from iscg_mailbot.store.thread_merge import THREAD_REFERENCES, merge_threads
from iscg_mailbot.thread.jwz import build_threads, parent_map

# Merging lives in store/thread_merge.py; it is part of this module's API too, since
# threading is what merges threads.
__all__ = ["SUBJECT_WINDOW", "THREADING_COLUMNS", "THREAD_REFERENCES", "NewMessage", "Threaded",
           "attach_to_threads", "merge_threads", "thread_new_messages"]

log = logging.getLogger(__name__)

#: How far (before the first or after the last message) a thread still attracts a
#: message that only shares its subject.
SUBJECT_WINDOW = timedelta(days=90)

# Reference rounds before giving up on following links outward (a safety net only).
_MAX_ROUNDS = 20

#: Load only what threading reads: the bodies are large and not needed here.
THREADING_COLUMNS = load_only(
    Message.id,
    Message.list_id,
    Message.thread_id,
    Message.message_id,
    Message.parent_message_id,
    Message.in_reply_to,
    Message.references,
    Message.subject,
    Message.normalised_subject,
    Message.is_reply,
    Message.date,
    Message.sender_address,
)


def _pointers(message: Member) -> list[str]:
    """The ids a message points at (In-Reply-To and References), without itself."""
    found = [*(message.references or ()), *([message.in_reply_to] if message.in_reply_to else [])]
    return [mid for mid in found if mid and mid != message.message_id]


class _Candidate(NamedTuple):
    id: int
    first_activity: datetime | None
    last_activity: datetime | None

    def near(self, earliest: datetime, latest: datetime) -> bool:
        """Active within SUBJECT_WINDOW of the span (undated threads never group)."""
        if self.first_activity is None or self.last_activity is None:
            return False
        return (
            self.first_activity - SUBJECT_WINDOW <= latest
            and earliest <= self.last_activity + SUBJECT_WINDOW
        )


def _subject_threads(
    session: Session, list_id: int, wanted: dict[str, list[tuple[datetime, datetime]]]
) -> set[int]:
    """Threads of the list with one of the subjects, active near one of its date spans."""
    by_subject: dict[str, list[_Candidate]] = defaultdict(list)
    statement = _reads(session.get_bind().dialect.name).subjects
    for chunk in chunks(sorted(wanted)):
        rows = session.execute(statement, {"list": list_id, "ids": chunk})
        for subject, thread_id, first, last in rows:
            by_subject[subject].append(_Candidate(thread_id, first, last))
    return {
        candidate.id
        for subject, spans in wanted.items()
        for candidate in by_subject.get(subject, ())
        if any(candidate.near(*span) for span in spans)
    }


def _load(session: Session, thread_ids: Collection[int], pks: Collection[int]) -> list[Message]:
    reads = _reads(session.get_bind().dialect.name)
    loaded: list[Message] = []
    for chunk in chunks(sorted(thread_ids)):
        loaded.extend(session.scalars(reads.of_threads, {"ids": chunk}))
    for chunk in chunks(sorted(pks)):
        loaded.extend(session.scalars(reads.of_messages, {"ids": chunk}))
    return loaded


class _Reads(NamedTuple):
    subjects: Select[str, int, datetime | None, datetime | None]  # threads of list, ids
    of_threads: Select[Message]  # the messages of the threads ids
    of_messages: Select[Message]  # the messages of primary keys ids


@cache
def _reads(dialect: str) -> _Reads:
    """Threading's reads by lists of keys, built once (each batch of an import sends
    them): one array parameter each on PostgreSQL (``store/chunks.among``)."""
    messages = select(Message).options(THREADING_COLUMNS)
    return _Reads(
        subjects=select(Thread.normalised_subject, Thread.id, Thread.first_activity,
                        Thread.last_activity).where(
            Thread.list_id == bindparam("list"), among(Thread.normalised_subject, dialect)),
        of_threads=messages.where(among(Message.thread_id, dialect)),
        of_messages=messages.where(among(Message.id, dialect)))


class _Component:
    """The new messages and the stored ones they can affect, grown a round at a time."""

    def __init__(self, session: Session, list_id: int, new: Sequence[Member]) -> None:
        self.session = session
        self.list_id = list_id
        self.new = list(new)
        self.members: dict[int, Member] = {}  # the stored ones, by primary key
        self.by_mid: dict[str, Member] = {}
        self.refs: list[ThreadRef] = []  # built once per message
        self.queried: set[str] = set()
        self.loaded_threads: set[int] = set()
        self._admit(self.new)

    def _admit(self, messages: Iterable[Member]) -> None:
        for message in messages:
            if message.id is not None:
                self.members[message.id] = message
            self.by_mid[message.message_id] = message
            self.refs.append(_thread_ref(message))

    def add(self, thread_ids: Collection[int], pks: Collection[int] = ()) -> list[Message]:
        """Load whole threads (and unthreaded messages) not loaded yet; return the new members."""
        threads = set(thread_ids) - self.loaded_threads
        loose = set(pks) - self.members.keys()
        if not threads and not loose:
            return []
        fresh = [m for m in _load(self.session, threads, loose) if m.id not in self.members]
        self.loaded_threads |= threads
        self._admit(fresh)
        return fresh

    def follow_references(self, start: Sequence[Member]) -> None:
        """Add stored messages linked to ``start`` by references, until nothing new comes."""
        frontier: Sequence[Member] = start
        for _ in range(_MAX_ROUNDS):
            by_reference = {
                mid for m in frontier for mid in (m.message_id, *_pointers(m))
            } - self.queried
            by_id = by_reference - self.by_mid.keys()
            self.queried |= by_reference
            found = neighbours(
                self.session,
                self.list_id,
                by_id,
                by_reference,
                self.members,
                self.loaded_threads,
            )
            frontier = self.add(found.threads, found.loose)
            if not frontier:
                return
        log.warning("threading: references still lead further after %d rounds", _MAX_ROUNDS)

    def subjects_to_check(
        self, trees: list[list[str]]
    ) -> dict[str, list[tuple[datetime, datetime]]]:
        """Subject and date span of each tree that is not exactly a stored thread."""
        by_mid = self.by_mid
        sizes = Counter(m.thread_id for m in self.members.values())
        wanted: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        for tree in trees:
            threads = {by_mid[mid].thread_id for mid in tree}
            only = threads.pop() if len(threads) == 1 else None
            if only is not None and sizes[only] == len(tree):
                continue  # a stored thread unchanged: it was grouped by subject already
            subject = by_mid[tree[0]].normalised_subject
            dates = [d for mid in tree if (d := by_mid[mid].date) is not None]
            if subject and dates:  # undated trees are not grouped by subject
                wanted[subject].append((min(dates), max(dates)))
        return wanted

    def thread(self) -> list[ThreadNode]:
        """JWZ over the component, pulling in same-subject threads the roots may join."""
        own = self.add({m.thread_id for m in self.new if m.thread_id is not None})
        self.follow_references([*self.new, *own])
        for _ in range(_MAX_ROUNDS):
            roots = build_threads(self.refs, subject_window=SUBJECT_WINDOW)
            trees = [root.walk() for root in roots]
            wanted = self.subjects_to_check(trees)
            extra = _subject_threads(self.session, self.list_id, wanted) if wanted else set()
            fresh = self.add(extra)
            if not fresh:
                return roots
            self.follow_references(fresh)
        log.warning("threading: subjects still lead further after %d rounds", _MAX_ROUNDS)
        return roots


def _assign(trees: list[list[str]], by_mid: dict[str, Member]) -> dict[int, int]:
    """Tree index -> existing thread id it keeps: most of the tree's messages, then oldest."""
    pairs: list[tuple[int, int, int]] = []
    for index, tree in enumerate(trees):
        counts = Counter(
            thread_id for mid in tree if (thread_id := by_mid[mid].thread_id) is not None
        )
        pairs.extend((-count, thread_id, index) for thread_id, count in counts.items())
    owner: dict[int, int] = {}
    taken: set[int] = set()
    for _, thread_id, index in sorted(pairs):
        if index not in owner and thread_id not in taken:
            owner[index] = thread_id
            taken.add(thread_id)
    return owner


def _summary(tree: list[str], by_mid: dict[str, Member]) -> dict[str, Any]:
    """The Thread columns derived from its messages (``tree`` in thread order)."""
    messages = [by_mid[mid] for mid in tree]
    root = messages[0]  # the top real message (the first child of a ghost root)
    dates = [m.date for m in messages if m.date is not None]
    return {
        "root_message_id": root.message_id,
        "subject": root.subject,
        "normalised_subject": root.normalised_subject,
        "first_activity": min(dates, default=None),
        "last_activity": max(dates, default=None),
        "message_count": len(messages),
        "participants": sorted({m.sender_address for m in messages if m.sender_address}),
    }


def attach_to_threads(session: Session, list_id: int, messages: Sequence[Message]) -> set[int]:
    """Thread newly stored messages of a list; return the ids of threads that changed.

    Call it in the transaction that stored the batch, after the ``Message`` rows and
    their ``MessageReference`` rows were flushed. Each resulting JWZ tree is one
    ``Thread``: an existing thread is kept when the tree holds most of its messages
    (ties: the oldest), other threads of the tree are merged into it with
    :func:`merge_threads`, and trees with no thread get a new one. Messages get
    ``thread_id`` and ``parent_message_id`` (nearest real ancestor); the thread's root,
    subject, activity dates, count and participants are recomputed. When a thread's
    first message never arrived (a ghost root), its root is the earliest message held.

    Calling it again with the same messages changes nothing and returns an empty set.
    Merged-away threads are deleted and not in the returned set.

    >>> touched = attach_to_threads(session, lst.id, new_messages)  # doctest: +SKIP
    >>> attach_to_threads(session, lst.id, new_messages)  # doctest: +SKIP
    set()
    """
    return _attach(session, list_id, messages).touched


def thread_new_messages(
    session: Session, list_id: int, messages: Sequence[NewMessage]
) -> Threaded:
    """Thread messages of a list before their rows are written, as
    :func:`attach_to_threads` would thread them once stored.

    Threads are created, merged and summarised as there, and stored messages that move
    are updated; the new messages' ``thread_id`` and ``parent_message_id`` come back in
    ``placed``, for their rows to be written with them in the same transaction (one
    write of each row instead of an insert and an update). ``messages`` must not be
    stored yet, and their ``MessageReference`` rows not written yet either.
    """
    return _attach(session, list_id, messages)


def _attach(session: Session, list_id: int, messages: Sequence[Member]) -> Threaded:
    """:func:`attach_to_threads` for stored messages and new ones alike."""
    if not messages:
        return Threaded(set(), {})
    component = _Component(session, list_id, messages)
    roots = component.thread()
    members, by_mid = component.members, component.by_mid
    parents = parent_map(roots)
    trees = [root.walk() for root in roots]
    owner = _assign(trees, by_mid)
    involved = {m.thread_id for m in members.values() if m.thread_id is not None}
    threads = {t.id: t for t in _load_threads(session, involved)}
    fresh = _new_threads(session, list_id, trees, owner, by_mid)

    touched, destination, placed = _place(trees, owner, by_mid, parents, session)
    touched |= fresh
    dropped = involved - set(owner.values())
    _merge_dropped(session, dropped, destination)
    touched -= dropped
    for index, tree in enumerate(trees):
        thread = threads.get(owner[index])
        if thread is None:  # new: written with this very summary
            continue
        if _refresh(thread, _summary(tree, by_mid)):
            touched.add(thread.id)
        if "messages" in thread.__dict__ and thread.id in touched:
            session.expire(thread, ["messages"])
    session.flush()
    return Threaded(touched, placed, fresh)


def _new_threads(session: Session, list_id: int, trees: list[list[str]],
                 owner: dict[int, int], by_mid: dict[str, Member]) -> set[int]:
    """A new thread for each tree that kept none (``owner`` gets their ids); their ids.

    Core rows with RETURNING, in tree order as the ORM's flush wrote them (the same ids):
    nothing reads them back as objects, and the ORM's unit of work cost more than the
    insert (~0.1 ms a thread)."""
    fresh = [index for index in range(len(trees)) if index not in owner]
    if not fresh:
        return set()
    rows = [{"list_id": list_id, **_summary(trees[index], by_mid)} for index in fresh]
    ids = session.execute(_NEW_THREAD, rows).scalars().all()
    owner.update(zip(fresh, ids, strict=True))
    return set(ids)


def _thread_ref(message: Member) -> ThreadRef:
    return ThreadRef(
        message_id=message.message_id,
        in_reply_to=message.in_reply_to,
        references=tuple(message.references or ()),
        normalised_subject=message.normalised_subject,
        is_reply=message.is_reply,
        date=message.date,
    )


#: The new threads of a batch, their ids returned in the rows' order.
_NEW_THREAD = insert(Thread).returning(Thread.id, sort_by_parameter_order=True)

#: One statement for every message :func:`_place` moves (run as an executemany).
_MESSAGES = Message.__table__
_PLACE = update(_MESSAGES).where(_MESSAGES.c.id == bindparam("pk")).values(
    thread_id=bindparam("thread"), parent_message_id=bindparam("parent"))


def _place(
    trees: list[list[str]],
    owner: dict[int, int],
    by_mid: dict[str, Member],
    parents: dict[str, str | None],
    session: Session,
) -> tuple[set[int], dict[int, Counter[int]], Placement]:
    """Set thread_id/parent_message_id; return changed thread ids, where messages went,
    and the place of each message not stored yet.

    One executemany for the stored ones, the objects given the values as committed (the
    ORM's flush cost more).
    """
    touched: set[int] = set()
    destination: dict[int, Counter[int]] = defaultdict(Counter)
    rows: list[dict[str, Any]] = []
    placed: Placement = {}
    for index, tree in enumerate(trees):
        thread_id = owner[index]
        for mid in tree:
            message = by_mid[mid]
            moved = message.thread_id != thread_id
            if moved and message.thread_id is not None:
                touched.add(message.thread_id)
                destination[message.thread_id][thread_id] += 1
            if not (moved or message.parent_message_id != parents[mid]):
                continue
            touched.add(thread_id)
            if isinstance(message, NewMessage):
                placed[mid] = (thread_id, parents[mid])
                continue
            rows.append({"pk": message.id, "thread": thread_id, "parent": parents[mid]})
            set_committed_value(message, "thread_id", thread_id)
            set_committed_value(message, "parent_message_id", parents[mid])
            if moved and "thread" in message.__dict__:  # a loaded relationship is stale
                session.expire(message, ["thread"])
    if rows:
        session.execute(_PLACE, rows)
    return touched, destination, placed


def _merge_dropped(
    session: Session, dropped: set[int], destination: dict[int, Counter[int]]
) -> None:
    """Merge each thread that kept no tree into the one that got most of its messages."""
    merges: dict[int, list[int]] = defaultdict(list)
    for thread_id in sorted(dropped):
        if destination[thread_id]:
            keep = min(destination[thread_id].items(), key=lambda item: (-item[1], item[0]))[0]
            merges[keep].append(thread_id)
    for keep, drops in merges.items():
        merge_threads(session, keep, drops)


def _refresh(thread: Thread, summary: dict[str, Any]) -> bool:
    """Write the summary columns that differ; True when any did."""
    changed = False
    for column, value in summary.items():
        if getattr(thread, column) != value:
            setattr(thread, column, value)
            changed = True
    return changed


def _load_threads(session: Session, thread_ids: Collection[int]) -> list[Thread]:
    statement = _threads_of(session.get_bind().dialect.name)
    return [thread for chunk in chunks(sorted(thread_ids))
            for thread in session.scalars(statement, {"ids": chunk})]


@cache
def _threads_of(dialect: str) -> Select[Thread]:
    """The threads of ids, built once (each batch of an import reads them): one array
    on PostgreSQL (``store/chunks.among``)."""
    return select(Thread).where(among(Thread.id, dialect))
