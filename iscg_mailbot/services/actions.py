"""Action items as a service: extract after each batch, close by reply or by hand, query.

After each stored batch the ingest pipeline calls :func:`analyse_messages` (inside the
batch's transaction) or :func:`extract_for_messages` (its own transaction) with the new
message ids: items are extracted from each message's new text, replies close the open
items of their thread, and the messages are added to the full-text index.

People decide with :func:`close_item`, :func:`reopen_item` and :func:`drop_item`;
their decisions are never overwritten by automation. The chair's questions are
:func:`list_actions`, :func:`open_threads`, :func:`stalled_threads` and
:func:`search_messages`.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.analyse.actions import (
    answers_question,
    detect_closure,
    extract_actions,
    find_questions,
)
from iscg_mailbot.analyse.meeting_dates import date_from_meetings
from iscg_mailbot.errors import NotFound
from iscg_mailbot.records import (
    ACTION,
    DONE,
    DROPPED,
    OPEN,
    QUESTION,
    ActionInput,
    Address,
    OpenItem,
)
from iscg_mailbot.report import queries
from iscg_mailbot.report.bounded import SHOWN_BY_DEFAULT, Page
from iscg_mailbot.report.queries import ActionRow, OpenThreadRow
from iscg_mailbot.services.app import App
from iscg_mailbot.services.config_cache import cached
from iscg_mailbot.services.forwards import text_to_read
from iscg_mailbot.services.topics import thread_ids_with_topic
from iscg_mailbot.settings.actions import ActionsConfig, actions_path, load_actions_config
from iscg_mailbot.settings.meetings import MeetingsConfig, load_meetings, meetings_path
from iscg_mailbot.settings.members import MembersConfig, load_members, members_path
from iscg_mailbot.store import search as search_store
from iscg_mailbot.store.action_shares import ShareClosure, closed_shares, record_shares
from iscg_mailbot.store.actions import (
    ClosingReply,
    Decision,
    FoundItems,
    closable_items_in_threads,
    close_items,
    item_decisions,
    record_decision,
    refresh_thread_ids,
    save_items,
    set_status,
)
from iscg_mailbot.store.models import MailingList, Message
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.search import SearchHit
from iscg_mailbot.store.types import utcnow
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


@dataclass(frozen=True)
class Context:
    """Configuration read once per call: rules, members, time zone."""

    config: ActionsConfig
    members: MembersConfig
    # Characters of one message the extractor reads (settings' analysis_max_chars).
    max_chars: int = 100_000
    meetings: MeetingsConfig = field(default_factory=MeetingsConfig)

    def today(self, now: datetime | None = None) -> date:
        """The calendar day in the list's time zone (what "overdue" is measured against)."""
        return (now or utcnow()).astimezone(self.config.zone).date()


def load_context(app: App) -> Context:
    """Read ``actions.yaml``, ``members.yaml`` and ``meetings.yaml`` from the configuration."""
    config_dir = app.settings.config_dir
    return Context(cached(actions_path(config_dir), load_actions_config),
                   cached(members_path(config_dir), _members_or_none),
                   meetings=cached(meetings_path(config_dir), load_meetings),
                   max_chars=app.settings.analysis_max_chars)


def _members_or_none(path: Path) -> MembersConfig:
    return load_members(path, missing_ok=True)


def _addresses(values: Sequence[dict[str, str]] | None) -> tuple[Address, ...]:
    return tuple(Address(v.get("name", ""), v.get("address", "")) for v in values or ())


def _input(message: Message, list_address: str | None, context: Context) -> ActionInput:
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
                                   message.references)
    return ActionInput(
        # Text-level forwards (above), then what MIME-attached messages forwarded.
        new_text=analysis_text(text, message.forwarded_text or "", context.max_chars),
        forwarded=forwarded or bool(message.forwarded_text),
        date=when,
        sender=Address(message.sender_name or "", message.sender_address or ""),
        to=_addresses(message.to_addresses),
        cc=_addresses(message.cc_addresses),
        subject=(message.subject or "")[:context.max_chars],
        list_address=list_address,
        automatic=bool(message.auto_submitted),
    )


def _load_messages(session: Session, ids: Sequence[int]) -> list[tuple[Message, str | None]]:
    rows: list[tuple[Message, str | None]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows.extend(
            (message, address) for message, address in session.execute(
                select(Message, MailingList.address)
                .join(MailingList, MailingList.id == Message.list_id)
                .where(Message.id.in_(chunk))
            )
        )
    # Oldest first: a reply closes only items of messages written before it.
    rows.sort(key=lambda pair: (pair[0].date or datetime.max.replace(tzinfo=UTC), pair[0].id))
    return rows


def analyse_messages(session: Session, message_ids: Collection[int], context: Context,
                     *, index: bool = True) -> ActionsReport:
    """Extract items from these stored messages, close items they answer, index them.

    Runs inside the caller's transaction (e.g. the batch that stored the messages).
    Calling it again for the same messages changes nothing. The same as
    :func:`extract_items` then :func:`save_extraction` (which the parallel analysis
    runs in two transactions, extracting outside the write lock).
    """
    return save_extraction(session, extract_items(session, message_ids, context), context,
                           index=index)


@dataclass(frozen=True)
class Extraction:
    """Items found in stored messages, not saved yet: what :func:`save_extraction` needs."""

    ids: list[int]
    messages: list[tuple[Message, str | None]]  # loaded, oldest first
    found: dict[int, FoundItems]

    def in_threads(self, thread_ids: Collection[int]) -> Extraction:
        """Only the messages of these threads."""
        kept = [(m, a) for m, a in self.messages if m.thread_id in thread_ids]
        pks = {m.id for m, _ in kept}
        return Extraction([i for i in self.ids if i in pks], kept,
                          {pk: f for pk, f in self.found.items() if pk in pks})


def extract_items(session: Session, message_ids: Collection[int],
                  context: Context) -> Extraction:
    """Read these messages and find their items; writes nothing."""
    ids = sorted(set(message_ids))
    loaded = _load_messages(session, ids) if ids else []
    rules = context.config.rules
    found: dict[int, FoundItems] = {}
    for message, list_address in loaded:
        action_input = _input(message, list_address, context)
        candidates = extract_actions(action_input, rules, context.members)
        candidates = date_from_meetings(candidates, action_input.date, context.meetings)
        if context.config.questions:
            candidates = candidates + find_questions(action_input, candidates, context.members)
        found[message.id] = FoundItems(message.list_id, message.thread_id, candidates)
    return Extraction(ids, loaded, found)


def save_extraction(session: Session, extraction: Extraction, context: Context,
                    *, index: bool = True) -> ActionsReport:
    """Save what :func:`extract_items` found, close the items its messages answer,
    index the messages."""
    report = ActionsReport()
    ids, loaded = extraction.ids, extraction.messages
    if not ids:
        return report
    counts = save_items(session, extraction.found)
    report.messages, report.added = len(loaded), counts.added
    report.updated, report.removed = counts.updated, counts.removed
    threads = {m.thread_id for m, _ in loaded if m.thread_id is not None}
    refresh_thread_ids(session, threads)
    closures, shares = _closures(session, [m for m, _ in loaded], threads, context)
    record_shares(session, shares)
    report.closures = close_items(session, closures)
    report.closed = len(report.closures)
    if index:
        report.indexed = search_store.index_messages(session, ids)
    return report


def _closures(session: Session, messages: Sequence[Message], threads: set[int],
              context: Context) -> tuple[list[ClosingReply], list[ShareClosure]]:
    """Which open items (and which owners' shares of multi-owner items) the given
    messages close, oldest message first. An item closes when its last share does."""
    if not threads:
        return [], []
    items_by_thread: dict[int, list[ActionItem]] = defaultdict(list)
    for item in closable_items_in_threads(session, threads):
        if item.thread_id is not None:
            items_by_thread[item.thread_id].append(item)
    if not items_by_thread:
        return [], []
    every = [i for items in items_by_thread.values() for i in items]
    done = closed_shares(session, [i.id for i in every])
    by_id = {i.id: i for i in every}
    shares: list[ShareClosure] = []
    dates, senders = _message_facts(
        session, [i.message_pk for i in every] + [i.closed_by_message_pk for i in every
                                                  if i.closed_by_message_pk is not None])
    phrases = context.config.closure_phrases
    closures: list[ClosingReply] = []
    closed: set[int] = set()

    def still_open_for(item: ActionItem, message: Message) -> bool:
        # Open when this message arrives: not closed by an earlier reply (in this run
        # or a previous one). The same answer however often the batch is analysed.
        if item.id in closed or item.message_pk == message.id:
            return False
        asked = dates.get(item.message_pk)
        if asked is None or message.date is None or asked >= message.date:
            return False
        if item.status == OPEN or item.closed_by_message_pk is None:
            return item.status == OPEN
        closer = dates.get(item.closed_by_message_pk)
        return closer is not None and closer >= message.date

    for message in messages:
        if message.thread_id is None or message.date is None or message.auto_submitted:
            # An auto-reply ("Thank you, your message was received") answers nothing.
            continue
        candidates = [item for item in items_by_thread.get(message.thread_id, [])
                      if still_open_for(item, message)]
        if not candidates:
            continue
        sender = Address(message.sender_name or "", message.sender_address or "")
        for closure in _close_questions(candidates, message, senders):
            closures.append(closure)
            closed.add(closure.item_id)
        actions = [i for i in candidates if i.kind == ACTION]
        open_items = [OpenItem(i.id, i.owner, i.owner_kind, i.sentence) for i in actions]
        for found in detect_closure(message.new_text or "", open_items, phrases,
                                    sender=sender, members=context.members):
            if found.owners:
                # "Done for BDT": BDT's share; the item closes with its last share.
                item_done = done.setdefault(found.item_id, {})
                for owner in found.owners:
                    if owner.casefold() not in item_done:
                        item_done[owner.casefold()] = message.id
                        shares.append(ShareClosure(found.item_id, owner, message.id,
                                                   message.date, found.sentence))
                owners = {p.strip().casefold()
                          for p in (by_id[found.item_id].owner or "").split(",") if p.strip()}
                if not owners <= set(item_done):
                    continue
            closures.append(ClosingReply(found.item_id, message.id, message.date, found.sentence))
            closed.add(found.item_id)
    return closures, shares


def _close_questions(items: Sequence[ActionItem], reply: Message,
                     senders: dict[int, str]) -> list[ClosingReply]:
    """A question is answered by a later message from somebody else in its thread that
    says something (not only thanks, acceptance or another question)."""
    asked = [item for item in items
             if item.kind == QUESTION and senders.get(item.message_pk) != (reply.sender_address or "")]
    if not asked or not answers_question(reply.new_text or ""):
        return []
    return [ClosingReply(item.id, reply.id, reply.date, None) for item in asked]


def _message_facts(session: Session,
                   pks: Sequence[int]) -> tuple[dict[int, datetime | None], dict[int, str]]:
    """Date and sender address of each message."""
    dates: dict[int, datetime | None] = {}
    senders: dict[int, str] = {}
    unique = sorted(set(pks))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        for pk, when, sender in session.execute(
            select(Message.id, Message.date, Message.sender_address).where(Message.id.in_(chunk))
        ):
            dates[pk], senders[pk] = when, sender or ""
    return dates, senders


def extract_for_messages(app: App, message_ids: Collection[int]) -> ActionsReport:
    """:func:`analyse_messages` in a transaction of its own (call after each sync batch)."""
    context = load_context(app)
    with app.session() as session:
        return analyse_messages(session, message_ids, context)


def close_by_replies(app: App, message_ids: Collection[int]) -> list[ClosingReply]:
    """Close the open items these (stored, extracted) replies answer; return the closures."""
    context = load_context(app)
    with app.session() as session:
        loaded = [m for m, _ in _load_messages(session, sorted(set(message_ids)))]
        threads = {m.thread_id for m in loaded if m.thread_id is not None}
        closures, shares = _closures(session, loaded, threads, context)
        record_shares(session, shares)
        return close_items(session, closures)


def reanalyse_all(app: App, batch_size: int = 500) -> ActionsReport:
    """Extract again from every stored message (after changing ``actions.yaml``).

    Manual decisions are kept; automatic items follow the new rules.
    """
    context = load_context(app)
    total = ActionsReport()
    with app.session() as session:
        ids = list(session.scalars(select(Message.id).order_by(Message.date, Message.id)))
    for start in range(0, len(ids), batch_size):
        with app.session() as session:
            part = analyse_messages(session, ids[start:start + batch_size], context)
        for name in ("messages", "added", "updated", "removed", "closed", "indexed"):
            setattr(total, name, getattr(total, name) + getattr(part, name))
    return total


# --- decisions by hand --------------------------------------------------------------


def _decide(app: App, item_id: int, status: str, note: str | None,
            actor: str | None) -> ActionRow:
    context = load_context(app)
    with app.session() as session:
        set_status(session, item_id, status, note)
        # Every decision is kept with who made it ("" for the command line), so the
        # item's page can show its history.
        record_decision(session, item_id, status, note, actor or "")
        row = queries.action_row(session, item_id, context.today())
        assert row is not None
        return row


def close_item(app: App, item_id: int, note: str | None = None, *,
               actor: str | None = None) -> ActionRow:
    """Mark an item done by hand (NotFound for an unknown id); ``actor`` is who decided."""
    return _decide(app, item_id, DONE, note, actor)


def reopen_item(app: App, item_id: int, note: str | None = None, *,
                actor: str | None = None) -> ActionRow:
    """Open an item again by hand; no reply will close it automatically afterwards."""
    return _decide(app, item_id, OPEN, note, actor)


def drop_item(app: App, item_id: int, note: str | None = None, *,
              actor: str | None = None) -> ActionRow:
    """Drop an item (not real work, or no longer relevant) by hand."""
    return _decide(app, item_id, DROPPED, note, actor)


def action_item(app: App, item_id: int, now: datetime | None = None) -> ActionRow:
    """One item as the lists show it; NotFound for an unknown id."""
    context = load_context(app)
    with app.session() as session:
        row = queries.action_row(session, item_id, context.today(now))
    if row is None:
        raise NotFound(f"no action item with id {item_id}")
    return row


def action_history(app: App, item_id: int) -> list[Decision]:
    """People's decisions on an item, oldest first."""
    with app.session() as session:
        return item_decisions(session, item_id)


# --- the chair's queries ----------------------------------------------------------------


def _thread_ids(app: App, session: Session, topic: str | None) -> set[int] | None:
    return None if topic is None else thread_ids_with_topic(app, session, topic)


def list_actions(
    app: App,
    *,
    open_only: bool = False,
    overdue: bool = False,
    owner: str | None = None,
    topic: str | None = None,
    due_before: date | None = None,
    kinds: Collection[str] = (ACTION,),
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[ActionRow]:
    """Action items (all statuses unless ``open_only``/``overdue``), overdue first."""
    context = load_context(app)
    with app.session() as session:
        return queries.list_actions(
            session, today=context.today(now), status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, session, topic), limit=limit,
        )


def actions_page(
    app: App,
    *,
    open_only: bool = False,
    overdue: bool = False,
    owner: str | None = None,
    topic: str | None = None,
    due_before: date | None = None,
    kinds: Collection[str] = (ACTION,),
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
) -> Page[ActionRow]:
    """:func:`list_actions` and how many items match in all (``actions list``)."""
    context = load_context(app)
    with app.session() as session:
        return queries.actions_page(
            session, today=context.today(now), status=OPEN if (open_only or overdue) else None,
            kinds=kinds, overdue=overdue, owner=owner, due_before=due_before,
            thread_ids=_thread_ids(app, session, topic), limit=limit,
        )


def open_threads_page(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
) -> Page[OpenThreadRow]:
    """:func:`open_threads` and how many threads match in all (``threads list --open``)."""
    context = load_context(app)
    with app.session() as session:
        return queries.open_threads_page(
            session, today=context.today(now), since=since,
            participant=_participant(context, participant),
            thread_ids=_thread_ids(app, session, topic),
            include_questions=context.config.questions, limit=limit,
        )


def stalled_threads_page(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = SHOWN_BY_DEFAULT,
    now: datetime | None = None,
) -> Page[OpenThreadRow]:
    """:func:`stalled_threads` and how many threads match in all (``--stalled``)."""
    context = load_context(app)
    age = older_than or timedelta(days=context.config.stalled_after_days)
    moment = now or utcnow()
    with app.session() as session:
        return queries.stalled_threads_page(
            session, today=context.today(moment), quiet_since=moment - age,
            participant=_participant(context, participant),
            thread_ids=_thread_ids(app, session, topic), limit=limit,
        )


def open_threads(
    app: App,
    *,
    topic: str | None = None,
    since: datetime | None = None,
    participant: str | None = None,
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items or questions awaiting a reply (``threads list --open``)."""
    # The page's count is a window column of the same query: nothing is read twice.
    return open_threads_page(app, topic=topic, since=since, participant=participant,
                             limit=limit, now=now).rows


def stalled_threads(
    app: App,
    older_than: timedelta | None = None,
    *,
    topic: str | None = None,
    participant: str | None = None,
    limit: int | None = queries.DEFAULT_LIMIT,
    now: datetime | None = None,
) -> list[OpenThreadRow]:
    """Threads with open action items and no message for ``older_than`` (default from
    ``actions.yaml``: 14 days) — ``threads list --stalled 14d``."""
    return stalled_threads_page(app, older_than, topic=topic, participant=participant,
                                limit=limit, now=now).rows


def _participant(context: Context, participant: str | None) -> str | None:
    """A member's name, or a part of it matching one member only, stands for their
    address ("Klaus Brenner", "Brenner" -> klaus.brenner@...): an address is found by
    index, a name only by reading every message."""
    if participant is None or "@" in participant:
        return participant
    member = context.members.by_name(participant)
    if member is None:
        wanted = _folded(participant)
        found = [m for m in context.members.members if wanted and wanted in _folded(m.name)]
        member = found[0] if len(found) == 1 else None
    return member.address if member is not None else participant


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_query_problem(words: str) -> str | None:
    """Why a search query would find nothing whatever is stored (no word to look for,
    only exclusions), or None for a query worth running."""
    return search_store.query_problem(words)


def search_messages(app: App, words: str, limit: int = 20) -> list[SearchHit]:
    """Ranked full-text search over messages with snippets (any string is accepted)."""
    with app.session() as session:
        return search_store.search(session, words, limit)


def reindex(app: App) -> int:
    """Add every message missing from the full-text index; return how many were added."""
    with app.session() as session:
        return search_store.index_missing(session)


def thread_actions(app: App, thread_id: int, now: datetime | None = None) -> list[ActionRow]:
    """Every action item and question of one thread, whatever its status."""
    context = load_context(app)
    with app.session() as session:
        return queries.list_actions(session, today=context.today(now), status=None,
                                    kinds=(ACTION, QUESTION), thread_ids={thread_id},
                                    limit=None)
