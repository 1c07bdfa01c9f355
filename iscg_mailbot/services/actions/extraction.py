"""Action items found in stored messages: extract after each batch, close by reply.

After each stored batch the ingest pipeline calls :func:`analyse_messages` (inside the
batch's transaction) or :func:`extract_for_messages` (its own transaction) with the new
message ids: items are extracted from each message's new text, replies close the open
items of their thread (services/actions/closures.py), and the messages are added to the
full-text index.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache, partial
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from iscg_mailbot.analyse.action_acceptances import Earlier, drop_restated
from iscg_mailbot.analyse.action_parent_dates import date_from_parent
from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.analyse.meeting_dates import date_from_meetings
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.records import ActionCandidate, ActionInput, Address
from iscg_mailbot.services.actions import closures as closure_scan
from iscg_mailbot.services.actions.context import Context, load_context
from iscg_mailbot.services.app import App
from iscg_mailbot.services.forwards import text_to_read
from iscg_mailbot.store import search as search_store
from iscg_mailbot.store.action_shares import ShareClosure, record_shares
from iscg_mailbot.store.actions import (
    ClosingReply,
    FoundItems,
    close_items,
    preview_new_items,
    refresh_thread_ids,
    stage_items,
    write_items,
)
from iscg_mailbot.store.analysis_rows import ItemRow, MessageRow, message_rows
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models import Message
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.open_items import count_passed, refresh_open_items
from iscg_mailbot.text import analysis_text


@dataclass
class ActionsReport:
    """What one analysis of a batch did."""

    messages: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    closed: int = 0
    indexed: int = 0
    closures: list[ClosingReply] = field(default_factory=list)
    #: Whether the closures found before the write were kept (else found at the write).
    ahead_kept: bool = False


def _addresses(values: Sequence[dict[str, str]] | None) -> tuple[Address, ...]:
    return tuple(Address(v.get("name", ""), v.get("address", "")) for v in values or ())


@dataclass(frozen=True)
class _Parent:
    """What a reply's extraction reads of the message it replies to."""

    sender: Address
    asks: bool
    text: str = ""
    date: datetime | None = None


def _parent(row: Any) -> _Parent:
    """A stored message (a :class:`MessageRow` or a row of its columns) as a parent."""
    text = row.new_text or ""
    when = (row.date.astimezone(timezone(timedelta(minutes=row.utc_offset_minutes)))
            if row.date is not None and row.utc_offset_minutes is not None
            else row.date)
    # Whether the parent asks is all a reply's extraction needs of "?" in its text.
    return _Parent(Address(row.sender_name or "", row.sender_address or ""), "?" in text,
                   text, when)


@cache
def _statements(dialect: str) -> tuple[Select[*tuple[Any, ...]], Select[*tuple[Any, ...]]]:
    """Statements every analysed chunk sends, built once a dialect (store/analysis_rows.py
    says why), each list one array on PostgreSQL (store/chunks.among): the parents by
    Message-IDs (``ids``) and lists (``lists``), and the items of threads (``ids``)
    with their messages' dates."""
    parents = (select(Message.list_id, Message.message_id, Message.sender_name,
                      Message.sender_address, Message.new_text, Message.date,
                      Message.utc_offset_minutes)
               .where(among(Message.message_id, dialect),
                      among(Message.list_id, dialect, "lists")))
    asked = (select(ActionItem.thread_id, ActionItem.message_pk, Message.date,
                    ActionItem.owner, ActionItem.due, ActionItem.kind, ActionItem.sentence)
             .join(Message, Message.id == ActionItem.message_pk)
             .where(among(ActionItem.thread_id, dialect)))
    return parents, asked

def load_parents(session: Session, messages: Sequence[MessageRow]) -> dict[tuple[int, str], _Parent]:
    """The stored parents of these messages, by (list id, Message-ID). A parent among
    ``messages`` (a reply's parent is mostly in its thread, read with it) is taken from
    there; only the others are read (the same rows: a list's Message-IDs are unique)."""
    parents: dict[tuple[int, str], _Parent] = {}
    wanted = {m.parent_message_id for m in messages if m.parent_message_id}
    for message in messages:
        if message.message_id in wanted:
            parents[(message.list_id, message.message_id)] = _parent(message)
    missing = {m.parent_message_id for m in messages if m.parent_message_id
               and (m.list_id, m.parent_message_id) not in parents}
    lists = {m.list_id for m in messages}
    statement = _statements(session.get_bind().dialect.name)[0]
    for chunk in chunks(sorted(missing)):
        for row in session.execute(statement, {"ids": chunk, "lists": sorted(lists)}):
            parents[(row.list_id, row.message_id)] = _parent(row)
    return parents


def _input(message: MessageRow, list_address: str | None, context: Context,
           parent: _Parent | None = None) -> ActionInput:
    # Relative dates ("by tomorrow") are read in the sender's own time zone, as written in
    # the Date header; the list's home zone stands in when the header gave none.
    zone: tzinfo = (
        timezone(timedelta(minutes=message.utc_offset_minutes))
        if message.utc_offset_minutes is not None
        else context.config.zone
    )
    when = message.date.astimezone(zone) if message.date else None
    text, forwarded = text_to_read(message.new_text or "", message.quoted_text or "",
                                   message.body_text or "", message.in_reply_to,
                                   message.references, message.subject or "")
    return ActionInput(
        # Text-level forwards (above), then what MIME-attached messages forwarded.
        # Shorthand ("pls send", "can u", "til 5/3") read as the words it stands for.
        new_text=spelt_out(analysis_text(text, message.forwarded_text or "", context.max_chars)),
        forwarded=forwarded or bool(message.forwarded_text),
        date=when,
        sender=Address(message.sender_name or "", message.sender_address or ""),
        to=_addresses(message.to_addresses),
        cc=_addresses(message.cc_addresses),
        subject=(message.subject or "")[:context.max_chars],
        list_address=list_address,
        automatic=bool(message.auto_submitted),
        parent_sender=parent.sender if parent else None,
        parent_asks=parent.asks if parent else False,
        parent_text=spelt_out(parent.text[:context.max_chars]) if parent else "",
        parent_date=parent.date if parent else None,
        conventions=context.config.conventions,
    )


def load_messages(session: Session, ids: Sequence[int]) -> list[tuple[MessageRow, str | None]]:
    return _oldest_first(message_rows(session, ids))


def _oldest_first(rows: Sequence[tuple[MessageRow, str | None]]
                  ) -> list[tuple[MessageRow, str | None]]:
    # Oldest first: a reply closes only items of messages written before it.
    return sorted(rows, key=lambda pair: (pair[0].date or datetime.max.replace(tzinfo=UTC),
                                          pair[0].id))


def analyse_messages(session: Session, message_ids: Collection[int], context: Context,
                     *, index: bool = True) -> ActionsReport:
    """Extract items from these stored messages, close items they answer, index them.

    Runs inside the caller's transaction (e.g. the batch that stored the messages).
    Calling it again for the same messages changes nothing. The same as
    :func:`extract_items` then :func:`save_extraction` (which the parallel analysis runs
    in two transactions, extracting outside the write lock).
    """
    return save_extraction(session, extract_items(session, message_ids, context), context,
                           index=index)


@dataclass(frozen=True)
class Extraction:
    """Items found in stored messages, not saved yet: what :func:`save_extraction` needs."""

    ids: list[int]
    messages: list[tuple[MessageRow, str | None]]  # loaded, oldest first
    found: dict[int, FoundItems]

    def in_threads(self, thread_ids: Collection[int]) -> Extraction:
        """Only the messages of these threads."""
        kept = [(m, a) for m, a in self.messages if m.thread_id in thread_ids]
        pks = {m.id for m, _ in kept}
        return Extraction([i for i in self.ids if i in pks], kept,
                          {pk: f for pk, f in self.found.items() if pk in pks})


def _before(when: datetime | None, than: datetime | None) -> bool:
    return when is not None and than is not None and when < than


def _asked_before(session: Session, loaded: Sequence[tuple[MessageRow, str | None]]
                  ) -> dict[int, list[tuple[datetime | None, Earlier]]]:
    """The stored items of these messages' threads from other messages (earlier
    batches), with their messages' dates: what was asked before a reply."""
    threads = {m.thread_id for m, _ in loaded if m.thread_id is not None}
    pks = {m.id for m, _ in loaded}
    asked: dict[int, list[tuple[datetime | None, Earlier]]] = {}
    statement = _statements(session.get_bind().dialect.name)[1]
    for chunk in chunks(sorted(threads)):
        for thread_id, message_pk, when, owner, due, kind, sentence in session.execute(
                statement, {"ids": chunk}):
            if message_pk not in pks and thread_id is not None:
                asked.setdefault(thread_id, []).append(
                    (when, Earlier(owner, due, kind, sentence or "")))
    return asked


def read_items(session: Session, message_ids: Collection[int], context: Context
               ) -> Iterator[tuple[MessageRow, ActionInput, list[ActionCandidate]]]:
    """Each of these messages (oldest first), what the extractor reads of it, and the
    rules' candidates, before the learned gate (``actions train`` learns from these)."""
    loaded = load_messages(session, sorted(set(message_ids))) if message_ids else []
    return _read_loaded(session, loaded, context)


def _read_loaded(session: Session, loaded: list[tuple[MessageRow, str | None]],
                 context: Context
                 ) -> Iterator[tuple[MessageRow, ActionInput, list[ActionCandidate]]]:
    """:func:`read_items` of messages already read, oldest first."""
    rules = context.config.rules
    parents = load_parents(session, [m for m, _ in loaded])
    asked = _asked_before(session, loaded)
    for message, list_address in loaded:
        parent = parents.get((message.list_id, message.parent_message_id or ""))
        action_input = _input(message, list_address, context, parent)
        candidates = extract_actions(action_input, rules, context.members,
                                     products=context.products)
        candidates = date_from_parent(candidates, action_input, partial(
            extract_actions, rules=rules, members=context.members, products=context.products))
        if candidates:  # (most messages have none: the thread's earlier items not read)
            earlier = asked.get(message.thread_id or -1, [])
            candidates = drop_restated(
                candidates, action_input.sender,
                [e for when, e in earlier if _before(when, message.date)], context.members)
        if message.thread_id is not None:
            asked.setdefault(message.thread_id, []).extend(
                (message.date, Earlier(c.owner, c.due, c.kind, c.sentence)) for c in candidates)
        candidates = date_from_meetings(candidates, action_input.date, context.meetings)
        if context.config.questions:
            questions = find_questions(action_input, candidates, context.members,
                                       context.products, secretariat=rules.secretariat)
            candidates = candidates + questions
            if message.thread_id is not None:
                # A question asked is as much asked as a rule's item: a reply's "let me
                # check" to it is an acceptance too.
                asked.setdefault(message.thread_id, []).extend(
                    (message.date, Earlier(q.owner, q.due, q.kind, q.sentence)) for q in questions)
        yield message, action_input, candidates


def extract_items(session: Session, message_ids: Collection[int],
                  context: Context) -> Extraction:
    """Read these messages and find their items (the rules, then the learned gate when
    it is on); writes nothing."""
    ids = sorted(set(message_ids))
    return _extracted(ids, _read_loaded(session, load_messages(session, ids) if ids else [],
                                        context), context)


def extract_rows(session: Session, rows: Sequence[tuple[MessageRow, str | None]],
                 context: Context) -> Extraction:
    """:func:`extract_items` of messages already read (with their lists' addresses, in
    any order: :func:`iscg_mailbot.store.analysis_rows.thread_messages`)."""
    ids = sorted({m.id for m, _ in rows})
    return _extracted(ids, _read_loaded(session, _oldest_first(rows), context), context)


def _extracted(ids: list[int],
               read: Iterator[tuple[MessageRow, ActionInput, list[ActionCandidate]]],
               context: Context) -> Extraction:
    found: dict[int, FoundItems] = {}
    loaded: list[tuple[MessageRow, str | None]] = []
    gate = context.gate
    for message, action_input, candidates in read:
        if gate is not None:
            candidates = gate.apply(candidates, action_input)
        found[message.id] = FoundItems(message.list_id, message.thread_id, candidates)
        loaded.append((message, action_input.list_address))
    return Extraction(ids, loaded, found)


@dataclass(frozen=True)
class Ahead:
    """The closures of an extraction found before its write (:func:`closures_ahead`),
    with what they were found from: the write keeps them when it reads the same."""

    message_ids: tuple[int, ...]
    threads: frozenset[int]
    new_ids: tuple[int, ...]  # the closable new items' ids given ahead, in order
    reading: closure_scan.Reading
    closures: list[ClosingReply]
    shares: list[ShareClosure]


def closures_ahead(session: Session, extraction: Extraction, context: Context) -> Ahead:
    """The closures :func:`save_extraction` would find if it wrote now, found in the
    caller's (read) transaction, so that the write, under SQLite's database-wide lock,
    only checks that the threads' items are still those read."""
    loaded = [m for m, _ in extraction.messages]
    threads = {m.thread_id for m in loaded if m.thread_id is not None}
    new = preview_new_items(session, extraction.found, closure_scan.AHEAD).closable(threads)
    reading = closure_scan.read(session, loaded, threads, new)
    closures, shares = closure_scan.scan(reading, loaded, context)
    return Ahead(tuple(m.id for m in loaded), frozenset(threads),
                 tuple(item.id for item in new), reading, closures, shares)


def _closures(session: Session, loaded: list[MessageRow], threads: set[int],
              context: Context, new: Sequence[ItemRow], ahead: Ahead | None
              ) -> tuple[list[ClosingReply], list[ShareClosure], bool]:
    """The closures of these messages: ``ahead``'s when the database reads now as it
    read then (the new items' ids aside, given now), else found again; and whether
    ``ahead``'s were kept."""
    reading = closure_scan.read(session, loaded, threads, new)
    if (ahead is not None and ahead.threads == threads
            and ahead.message_ids == tuple(m.id for m in loaded)
            and len(ahead.new_ids) == len(new)):
        given = dict(zip((item.id for item in new), ahead.new_ids, strict=True))
        if reading.renamed(given) == ahead.reading.renamed({}):
            real = {v: k for k, v in given.items()}
            return ([replace(c, item_id=real.get(c.item_id, c.item_id)) for c in ahead.closures],
                    [replace(s, item_id=real.get(s.item_id, s.item_id)) for s in ahead.shares],
                    True)
    closures, shares = closure_scan.scan(reading, loaded, context)
    return closures, shares, False


def save_extraction(session: Session, extraction: Extraction, context: Context,
                    *, index: bool = True, ahead: Ahead | None = None) -> ActionsReport:
    """Save what :func:`extract_items` found, close the items its messages answer,
    index the messages. ``ahead``: the closures found before (:func:`closures_ahead`),
    kept if the threads' items did not change since."""
    report = ActionsReport()
    ids, loaded = extraction.ids, extraction.messages
    if not ids:
        return report
    # Threads whose items fell due since they were counted (none most of the day);
    # first, so that two analysers lock those threads' counts in the same order.
    count_passed(session)
    to_count: set[int | None] = set()  # the threads whose items change, counted last
    # The new items are written once, after the closures: those a reply of these
    # messages closes are inserted closed (store/actions.NewItems says why).
    staged = stage_items(session, extraction.found, to_count=to_count)
    counts = staged.counts
    report.messages, report.added = len(loaded), counts.added
    report.updated, report.removed = counts.updated, counts.removed
    threads = {m.thread_id for m, _ in loaded if m.thread_id is not None}
    refresh_thread_ids(session, threads, to_count=to_count)
    closures, shares, report.ahead_kept = _closures(
        session, [m for m, _ in loaded], threads, context, staged.new.closable(threads), ahead)
    report.closures = write_items(session, staged.new, closures, to_count=to_count)
    record_shares(session, shares)  # after the items they belong to
    refresh_open_items(session, to_count)
    report.closed = len(report.closures)
    if index:
        report.indexed = search_store.index_messages(session, ids)
    return report


def extract_for_messages(app: App, message_ids: Collection[int]) -> ActionsReport:
    """:func:`analyse_messages` in a transaction of its own (call after each sync batch)."""
    context = load_context(app)
    with app.session() as session:
        return analyse_messages(session, message_ids, context)


def close_by_replies(app: App, message_ids: Collection[int]) -> list[ClosingReply]:
    """Close the open items these (stored, extracted) replies answer; return the closures."""
    context = load_context(app)
    with app.session() as session:
        loaded = [m for m, _ in load_messages(session, sorted(set(message_ids)))]
        threads = {m.thread_id for m in loaded if m.thread_id is not None}
        closures, shares = closure_scan.closures(session, loaded, threads, context)
        record_shares(session, shares)
        return close_items(session, closures)


def reanalyse_all(app: App, batch_size: int = 500) -> ActionsReport:
    """Extract again from every stored message (after changing ``actions.yaml``).

    Manual decisions are kept; automatic items follow the new rules, read again first.
    """
    app.reload_config()
    return extract_all_again(app, load_context(app), batch_size)


def extract_all_again(app: App, context: Context, batch_size: int = 500) -> ActionsReport:
    """Extract again from every stored message with this context (its settings in
    place of the files'); manual decisions kept, as by :func:`reanalyse_all`."""
    total = ActionsReport()
    ids = _ids_by_date(app)
    for start in range(0, len(ids), batch_size):
        with app.session() as session:
            part = analyse_messages(session, ids[start:start + batch_size], context)
        for name in ("messages", "added", "updated", "removed", "closed", "indexed"):
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


def _ids_by_date(app: App) -> list[int]:
    with app.session() as session:
        return list(session.scalars(select(Message.id).order_by(Message.date, Message.id)))


Batch = list[tuple[MessageRow, str | None]]


def read_all(app: App, batch_size: int = 500) -> list[Batch]:
    """Every stored message read, in the batches :func:`extract_all_again` extracts them
    in: for extracting the same messages again under several contexts
    (:func:`extract_read_again`), read once."""
    ids = _ids_by_date(app)
    with app.session() as session:
        return [load_messages(session, ids[start:start + batch_size])
                for start in range(0, len(ids), batch_size)]


def extract_read_again(app: App, batches: Sequence[Batch], context: Context) -> None:
    """:func:`extract_all_again` of messages already read (:func:`read_all`), the search
    index left as it is (it holds the messages, not their items): ``actions calibrate``
    tries each combination of the list's conventions on one analysed sample."""
    for rows in batches:
        with app.session() as session:
            save_extraction(session, extract_rows(session, rows, context), context,
                            index=False)
