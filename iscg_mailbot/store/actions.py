"""Writes to ``action_items``: save what extraction found, close, reopen, drop.

Every function works inside the caller's session (one transaction per batch). Rows a
person decided (``manual``) are never changed by :func:`save_items`,
:func:`close_items` or re-extraction. Each one counts the open items of the threads it
changed again (``store/open_items.py``), in the same transaction; given a ``to_count``
set, the extraction's writes add those threads to it instead, and their caller counts
them once after the last write (:func:`_recount`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Delete, Row, Select, bindparam, delete, func, select, text
from sqlalchemy.orm import Session

from iscg_mailbot.action_codes import ACTION, ACTION_STATUSES, DONE, DROPPED, OPEN, QUESTION
from iscg_mailbot.errors import MailbotError, NotFound
from iscg_mailbot.store.analysis_rows import ITEM_COLUMNS, ITEMS, MESSAGES, ItemRow
from iscg_mailbot.store.bulk import insert_rows
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_web import ActionItemEvent
from iscg_mailbot.store.open_items import refresh_open_items
from iscg_mailbot.store.types import utcnow

if TYPE_CHECKING:  # the chair's queries run without creating the records' dataclasses
    from iscg_mailbot.records import ActionCandidate

_FIELDS = ("kind", "sentence", "span_end", "owner", "owner_kind", "due", "due_text",
           "due_meeting", "confidence", "rule")


@dataclass(frozen=True)
class FoundItems:
    """What extraction found in one stored message."""

    list_id: int
    thread_id: int | None
    candidates: Sequence[ActionCandidate]


@dataclass
class SaveCounts:
    added: int = 0
    updated: int = 0
    removed: int = 0


@dataclass(frozen=True)
class ClosingReply:
    """An item closed by a reply: which item, by which message, when, with what words."""

    item_id: int
    message_pk: int
    closed_at: datetime | None
    sentence: str | None


def _values(candidate: ActionCandidate) -> dict[str, object]:
    return {
        "kind": candidate.kind,
        "sentence": candidate.sentence,
        "span_end": candidate.span[1],
        "owner": candidate.owner[:500] if candidate.owner else None,
        "owner_kind": candidate.owner_kind,
        "due": candidate.due,
        "due_text": candidate.due_text[:200] if candidate.due_text else None,
        "due_meeting": candidate.due_meeting,
        "confidence": candidate.confidence,
        "rule": candidate.rule,
    }


# What saving reads of a stored item (plain rows: analysis writes them back with Core).
_STORED = tuple(ITEMS.c[name] for name in ("id", "message_pk", "thread_id", "span_start", "manual",
                                            "status", *_FIELDS))
# An executemany UPDATE by id: the SET clause is the other keys of the parameters.
_BY_ID = ITEMS.update().where(ITEMS.c.id == bindparam("item_id"))
class _ByIds(NamedTuple):
    """The statements every analysed chunk sends by a list of ids (bound as ``ids``),
    built once a dialect (store/analysis_rows.py says why): on PostgreSQL each list is
    one array (``store/chunks.among``), so each text is the same whatever the list's
    length, and is planned once and prepared by psycopg, not planned anew each time."""

    stored_of: Select[*tuple[Any, ...]]  # the items of messages
    drop: Delete  # items by id
    moved: Select[*tuple[Any, ...]]  # the items of threads whose message is now in another thread
    closable: Select[*tuple[Any, ...]]  # the automatic open or done actions and questions of threads
    still_open: Select[*tuple[Any, ...]]  # of these items, the automatic ones still open


@cache
def _by_ids(dialect: str) -> _ByIds:
    return _ByIds(
        stored_of=select(*_STORED).where(among(ITEMS.c.message_pk, dialect)),
        drop=delete(ITEMS).where(among(ITEMS.c.id, dialect)),
        moved=(select(ITEMS.c.id, ITEMS.c.thread_id, MESSAGES.c.thread_id.label("to"))
               .join(MESSAGES, MESSAGES.c.id == ITEMS.c.message_pk)
               .where(among(MESSAGES.c.thread_id, dialect))
               .where(ITEMS.c.thread_id.is_distinct_from(MESSAGES.c.thread_id))),
        closable=(select(*ITEM_COLUMNS)
                  .where(among(ITEMS.c.thread_id, dialect), ITEMS.c.status.in_((OPEN, DONE)),
                         ITEMS.c.kind.in_((ACTION, QUESTION)), ITEMS.c.manual.is_(False))
                  .order_by(ITEMS.c.id)),
        still_open=select(ITEMS.c.id, ITEMS.c.thread_id).where(
            among(ITEMS.c.id, dialect), ITEMS.c.status == OPEN, ITEMS.c.manual.is_(False)))


def _statements(session: Session) -> _ByIds:
    return _by_ids(session.get_bind().dialect.name)


def _stored_items(session: Session, pks: list[int]) -> dict[tuple[int, int], Row[Any]]:
    """The stored items of these messages, by (message, sentence start)."""
    existing: dict[tuple[int, int], Row[Any]] = {}
    statement = _statements(session).stored_of
    for chunk in chunks(pks):
        for row in session.execute(statement, {"ids": chunk}):
            existing[(row.message_pk, row.span_start)] = row
    return existing


def _changed(known: Row[Any], values: dict[str, object]) -> bool:
    """Whether an automatic item differs from what extraction found. A manual item
    stays as the person set it."""
    return not known.manual and any(getattr(known, f) != values[f] for f in _FIELDS)


def _recount(session: Session, touched: set[int | None],
             to_count: set[int | None] | None) -> None:
    """Count the open items of the ``touched`` threads now, or, given ``to_count``, add
    them to it for the caller to count once for several writes: each count locks,
    counts and rewrites a row a thread (two row versions on PostgreSQL), and an analysed
    chunk's items are saved, moved and closed by three writes (docs/performance-history.md,
    "one count a chunk"). Counting last also takes the counts' locks after every write to
    the items, in thread order."""
    if to_count is None:
        refresh_open_items(session, touched)
    else:
        to_count |= touched


def save_items(session: Session, found: Mapping[int, FoundItems], *,
               to_count: set[int | None] | None = None) -> SaveCounts:
    """Store the items found per message primary key; extracting again is harmless.

    An item is keyed by (message, sentence start). A known automatic item is updated
    in place (its status kept); one no longer found is deleted while still open; a
    manual item is left as the person set it. The threads' open items are counted
    again (see :func:`_recount` for ``to_count``).
    """
    touched: set[int | None] = set()
    staged = stage_items(session, found, to_count=touched)
    write_items(session, staged.new, ())
    _recount(session, touched, to_count)  # after the insert
    return staged.counts


@dataclass(frozen=True)
class NewItem:
    """A new item as closure detection reads a stored one (:class:`ItemRow`): open, not
    written yet, its id given (:func:`_new_ids`)."""

    id: int
    message_pk: int
    thread_id: int | None
    kind: str
    status: str
    sentence: str
    span_start: int
    owner: str | None
    owner_kind: str | None
    closed_by_message_pk: int | None


@dataclass(frozen=True)
class NewItems:
    """The items :func:`stage_items` found new, their ids given and not written yet:
    closure detection reads them with the stored ones (:meth:`closable`), and
    :func:`write_items` inserts each once, closed already when a reply of the same
    chunk closes it. An analysed chunk inserted them open and then updated most of them
    to closed: two row versions and two sets of index entries an item on PostgreSQL
    (docs/performance-history.md, "perf-closed")."""

    rows: list[dict[str, object]]  # the rows to insert, in id order
    items: list[NewItem]  # the same, as closure detection reads them

    def closable(self, thread_ids: Collection[int]) -> list[ItemRow]:
        """Those :func:`closable_items_in_threads` would read once written (they are
        open and automatic), by id."""
        return [item for item in self.items
                if item.thread_id in thread_ids and item.kind in (ACTION, QUESTION)]


@dataclass(frozen=True)
class StagedItems:
    """What :func:`stage_items` did and what it left to :func:`write_items`."""

    counts: SaveCounts
    new: NewItems


def stage_items(session: Session, found: Mapping[int, FoundItems], *,
                to_count: set[int | None]) -> StagedItems:
    """:func:`save_items` but for the new items, which are given their ids and returned
    (write them with :func:`write_items` in the same transaction). The threads whose
    items change, the new items' included, are added to ``to_count`` for the caller to
    count after the last write."""
    counts = SaveCounts()
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    pks = sorted(found)
    existing = _stored_items(session, pks)
    now = utcnow()
    new_rows, changed, seen, touched = _sort_found(found, existing, now)
    counts.updated = len(changed)
    stale = [row for key, row in existing.items()
             if key not in seen and not row.manual and row.status == OPEN]
    if stale:
        session.execute(_statements(session).drop, {"ids": [r.id for r in stale]})
        counts.removed = len(stale)
        touched.update(r.thread_id for r in stale)
    if changed:
        session.execute(_BY_ID, changed)
    counts.added = len(new_rows)
    # The ids an INSERT would give them now, in order (after the stale rows' delete).
    for row, given in zip(new_rows, _new_ids(session, len(new_rows)), strict=True):
        row["id"] = given
    to_count |= touched
    return StagedItems(counts, _new_items(new_rows))


def _sort_found(found: Mapping[int, FoundItems], existing: dict[tuple[int, int], Row[Any]],
                now: datetime
                ) -> tuple[list[dict[str, object]], list[dict[str, object]],
                           set[tuple[int, int]], set[int | None]]:
    """The candidates found: the rows to insert, the stored rows to change, the keys
    seen and the threads touched."""
    new_rows: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    seen: set[tuple[int, int]] = set()
    touched: set[int | None] = set()
    for pk in sorted(found):
        item = found[pk]
        for candidate in item.candidates:
            key = (pk, candidate.span[0])
            if key in seen:
                continue
            seen.add(key)
            values = _values(candidate)
            known = existing.get(key)
            if known is None:
                new_rows.append({**values, "list_id": item.list_id, "message_pk": pk,
                                 "thread_id": item.thread_id, "span_start": candidate.span[0],
                                 "status": OPEN, "manual": False, "created_at": now,
                                 "updated_at": now})
                touched.add(item.thread_id)
            elif _changed(known, values):
                changed.append({"item_id": known.id, **values, "updated_at": now})
                touched.add(known.thread_id)
    return new_rows, changed, seen, touched


def preview_new_items(session: Session, found: Mapping[int, FoundItems],
                      first_id: int) -> NewItems:
    """The items :func:`stage_items` would find new now, numbered from ``first_id`` in
    its order; reads only (for closures found before the write lock: their real ids are
    given at the write)."""
    new_rows = _sort_found(found, _stored_items(session, sorted(found)), utcnow())[0]
    for given, row in enumerate(new_rows, start=first_id):
        row["id"] = given
    return _new_items(new_rows)


def _new_items(rows: list[dict[str, object]]) -> NewItems:
    """These rows to insert (their ids given) and the items closure detection reads."""
    return NewItems(rows, [
        NewItem(cast(int, row["id"]), cast(int, row["message_pk"]),
                cast("int | None", row["thread_id"]), cast(str, row["kind"]), OPEN,
                cast(str, row["sentence"]), cast(int, row["span_start"]),
                cast("str | None", row["owner"]), cast("str | None", row["owner_kind"]), None)
        for row in rows])


#: The ids ``action_items``' key would give the next rows, as many as ``n`` (PostgreSQL:
#: its sequence, as the ``COPY``'s default would take them, one a row in order).
_NEXT_IDS = text("SELECT nextval(s) FROM pg_get_serial_sequence('action_items', 'id') AS s,"
                 " generate_series(1, :n)")
_LAST_ID = select(func.max(ITEMS.c.id))


def _new_ids(session: Session, n: int) -> list[int]:
    """Ids for ``n`` new items, those the table would give them inserted now in order:
    PostgreSQL's sequence (taken now, as a ``COPY`` would; a transaction rolled back
    leaves a gap either way); on SQLite one more than the largest stored
    (``INTEGER PRIMARY KEY``'s rule; the transaction holds the write lock already, so
    no other writer comes between)."""
    if n == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.scalars(_NEXT_IDS, {"n": n}))
    last = session.scalar(_LAST_ID) or 0
    return list(range(last + 1, last + 1 + n))


def refresh_thread_ids(session: Session, thread_ids: Collection[int], *,
                       to_count: set[int | None] | None = None) -> None:
    """Copy ``messages.thread_id`` onto the items of every message now in these threads.

    Threading may move messages between threads (a late parent merges two threads);
    the items follow their message (counted as :func:`save_items` says).
    """
    ids = sorted(thread_ids)
    touched: set[int | None] = set()
    moved = _statements(session).moved
    for chunk in chunks(ids):
        moves = session.execute(moved, {"ids": chunk}).all()
        if moves:
            session.execute(_BY_ID, [{"item_id": move.id, "thread_id": move.to}
                                     for move in moves])
            touched.update(t for move in moves for t in (move.thread_id, move.to))
    _recount(session, touched, to_count)


def closable_items_in_threads(session: Session, thread_ids: Collection[int]) -> list[ItemRow]:
    """Automatic action and question items of these threads, open or closed by a reply.

    Closed ones are included so that deciding which items a reply closes gives the same
    answer however often it is asked (:func:`close_items` skips those already closed).
    """
    rows: list[ItemRow] = []
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    closable = _statements(session).closable
    for chunk in chunks(sorted(thread_ids)):
        rows.extend(session.execute(closable, {"ids": chunk}))
    return rows


def close_items(session: Session, closures: Sequence[ClosingReply], *,
                to_count: set[int | None] | None = None) -> list[ClosingReply]:
    """Mark items done by a reply; return the closures applied (items a person decided,
    or already closed, are skipped). Counted as :func:`save_items` says."""
    return write_items(session, NewItems([], []), closures, to_count=to_count)


def write_items(session: Session, new: NewItems, closures: Sequence[ClosingReply], *,
                to_count: set[int | None] | None = None) -> list[ClosingReply]:
    """Insert the ``new`` items of :func:`stage_items`, each closed already by the first
    of ``closures`` that closes it, and close the stored items ``closures`` close (as
    :func:`close_items`); return the closures applied, in their order. Counted as
    :func:`save_items` says."""
    fresh = {cast(int, row["id"]): row for row in new.rows}
    wanted = sorted({c.item_id for c in closures if c.item_id not in fresh})
    still_open: dict[int, int | None] = {}  # item: its thread
    session.flush()
    statement = _statements(session).still_open
    for chunk in chunks(wanted):
        still_open.update((row.id, row.thread_id)
                          for row in session.execute(statement, {"ids": chunk}))
    still_open.update((item_id, cast("int | None", row["thread_id"]))
                      for item_id, row in fresh.items())
    applied: list[ClosingReply] = []
    touched: set[int | None] = set()
    for closure in closures:
        if closure.item_id in still_open:
            touched.add(still_open.pop(closure.item_id))  # the first reply to close it wins
            applied.append(closure)
    now = utcnow()
    closed = {c.item_id: {"status": DONE, "closed_by_message_pk": c.message_pk,
                          "closed_at": c.closed_at or now, "closing_sentence": c.sentence,
                          "updated_at": now}
              for c in applied}
    if new.rows:  # one write an item, in its final state (a COPY on PostgreSQL)
        insert_rows(session, ITEMS, [
            {**row, **closed.get(cast(int, row["id"]), _STILL_OPEN)} for row in new.rows])
    stored = [{"item_id": item_id, **values} for item_id, values in closed.items()
              if item_id not in fresh]
    if stored:
        session.execute(_BY_ID, stored)
    if applied:
        _recount(session, touched, to_count)
    return applied


#: What a new item not closed is inserted with (the keys of a closed one's, so every row
#: of one insert has the same).
_STILL_OPEN: dict[str, object] = {"closed_by_message_pk": None, "closed_at": None,
                                  "closing_sentence": None}


def set_status(session: Session, item_id: int, status: str, note: str | None = None) -> ActionItem:
    """A person's decision: close ("done"), reopen ("open") or drop an item.

    The row becomes ``manual``: no reply or re-extraction changes it afterwards.
    ``note`` (if given) replaces the item's note.
    """
    if status not in ACTION_STATUSES:
        raise MailbotError(f"unknown status {status!r}; use one of {', '.join(ACTION_STATUSES)}")
    row = session.get(ActionItem, item_id)
    if row is None:
        raise NotFound(f"no action item with id {item_id}; see 'iscg-mailbot actions list'")
    now = utcnow()
    row.status = status
    row.manual = True
    row.updated_at = now
    if note is not None:
        row.note = note
    if status == OPEN:
        row.closed_at = None
        row.closed_by_message_pk = None
        row.closing_sentence = None
    elif status in (DONE, DROPPED):
        row.closed_at = now
        row.closed_by_message_pk = None
        row.closing_sentence = None
    session.flush()
    refresh_open_items(session, [row.thread_id])
    return row


@dataclass(frozen=True)
class Decision:
    """One recorded decision on an item: the status set, the note, who and when."""

    status: str
    note: str | None
    actor: str
    at: datetime


def record_decision(session: Session, item_id: int, status: str, note: str | None,
                    actor: str) -> None:
    """Keep a person's decision in the item's history."""
    session.add(ActionItemEvent(item_id=item_id, status=status, note=note, actor=actor,
                                at=utcnow()))
    session.flush()


def item_decisions(session: Session, item_id: int) -> list[Decision]:
    """The item's recorded decisions, oldest first."""
    return [Decision(e.status, e.note, e.actor, e.at) for e in session.scalars(
        select(ActionItemEvent).where(ActionItemEvent.item_id == item_id)
        .order_by(ActionItemEvent.at, ActionItemEvent.id))]
