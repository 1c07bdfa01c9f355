"""Which open items the replies of a thread close: an owner's "done", an answer.

An item closes when a later message in its thread says it is done (for an item with
several owners, when the last owner's share is done); a question closes when somebody
else answers it. Oldest message first, and the same answer however often a batch is
analysed: an item counts as open when a message arrives unless an earlier reply closed it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.analyse.actions import detect_closure
from iscg_mailbot.analyse.closure_people import answered_by_delegate
from iscg_mailbot.analyse.closure_points import (
    logged_for,
    on_rows,
    points_of,
    points_referred,
)
from iscg_mailbot.analyse.closure_reading import talks_about
from iscg_mailbot.analyse.closure_reply import reply_of
from iscg_mailbot.analyse.closure_rounds import declares_round_over, everyones, is_call
from iscg_mailbot.analyse.closure_speaker import same_side, speaker_of
from iscg_mailbot.analyse.closure_withdrawn import may_withdraw, withdrawn_shares
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.records import ACTION, OPEN, QUESTION, Address, Closure, OpenItem
from iscg_mailbot.services.actions.context import Context
from iscg_mailbot.services.actions.inline import inline_parts
from iscg_mailbot.services.actions.questions import close_questions
from iscg_mailbot.store.action_shares import ShareClosure, closed_shares
from iscg_mailbot.store.actions import ClosingReply, closable_items_in_threads
from iscg_mailbot.store.analysis_rows import ItemRow, MessageRow
from iscg_mailbot.store.chunks import chunks
from iscg_mailbot.store.models import Message


def closures(session: Session, messages: Sequence[MessageRow], threads: set[int],
             context: Context, new: Sequence[ItemRow] = ()
             ) -> tuple[list[ClosingReply], list[ShareClosure]]:
    """Which open items (and which owners' shares of multi-owner items) the given
    messages close, oldest message first. An item closes when its last share does.
    ``new``: items of these threads not written yet, read as if stored
    (``store/actions.NewItems.closable``)."""
    return scan(read(session, messages, threads, new), messages, context)


@dataclass(frozen=True)
class Reading:
    """What :func:`closures` reads from the database: the threads' closable items (in
    id order), their owners' shares done, and their messages' dates, senders,
    Message-IDs and texts. Equal readings give equal closures (:func:`scan` reads
    nothing else but the messages and the context)."""

    items: list[ItemRow]
    done: dict[int, dict[str, int | None]]
    dates: dict[int, datetime | None]
    senders: dict[int, Address]
    keys: dict[int, str]
    texts: dict[int, str]

    def renamed(self, ids: dict[int, int]) -> tuple[object, ...]:
        """This reading with the items' ids replaced as ``ids`` says (the others kept),
        as a value to compare."""
        return (tuple((ids.get(i.id, i.id), *_ITEM_VALUES(i)) for i in self.items),
                {ids.get(k, k): dict(v) for k, v in self.done.items() if v},
                self.dates, self.senders, self.keys, self.texts)


_ITEM_FIELDS = ("message_pk", "thread_id", "kind", "status", "sentence", "span_start",
                "owner", "owner_kind", "closed_by_message_pk")
# One call a row (the check compares every item of a chunk's threads, twice).
_ITEM_VALUES = attrgetter(*_ITEM_FIELDS)
_NOTHING = Reading([], {}, {}, {}, {}, {})


def read(session: Session, messages: Sequence[MessageRow], threads: set[int],
         new: Sequence[ItemRow] = ()) -> Reading:
    """What :func:`closures` reads, read (cheap: no closure is detected here)."""
    items = [item for item in closable_items_in_threads(session, threads)
             if item.thread_id is not None] if threads else []
    if new:  # in id order, as the stored ones are read
        items = sorted([*items, *new], key=lambda item: item.id)
    if not items:
        return _NOTHING
    known = {m.id: m for m in messages}
    # Ids given ahead (AHEAD and up) are not asked for: nothing is stored under them
    # (nor could be: PostgreSQL's key is 32 bits). At the write every id is, as before:
    # a share left under a reused SQLite id then differs, and the scan runs again.
    done = closed_shares(session, [i.id for i in items if i.id < AHEAD])
    dates, senders, keys = _message_facts(
        session, [i.message_pk for i in items] + [i.closed_by_message_pk for i in items
                                                  if i.closed_by_message_pk is not None],
        known)
    return Reading(items, done, dates, senders, keys, _texts(session, items, known))


def scan(reading: Reading, messages: Sequence[MessageRow], context: Context
         ) -> tuple[list[ClosingReply], list[ShareClosure]]:
    """The closures of :func:`closures`, from what it read (no database: this runs
    before a chunk's write lock, services/actions/extraction.closures_ahead)."""
    if not reading.items:
        return [], []
    found = _Scan(reading, context)
    for message in messages:
        found.read(message)
    return found.closures, found.shares


#: The ids given to items not written yet when closures are found before the write:
#: above any stored id, in order (their real ids, given at the write, replace them).
AHEAD = 2 ** 62


@dataclass(frozen=True)
class _Open:
    """An item as the scan compares it with each reply of its thread, read once: when it
    was asked, until when it is open, and what closure detection reads of it."""

    item: ItemRow
    id: int
    message_pk: int
    asked: datetime
    until: datetime | None  # closed by a reply of this date (open before it); None: open
    read: OpenItem
    message_key: str = ""  # the Message-ID of the item's message


class _Thread:
    """The items of a thread, found by date: each reply of a long thread is compared
    with the items asked before it (and those of the message it answers) without a test
    of every item of the thread (half of them asked after it, on the generated corpus)."""

    def __init__(self, windows: list[_Open]) -> None:
        self.windows = windows
        order = sorted(range(len(windows)), key=lambda i: windows[i].asked)
        self.dates = [windows[i].asked for i in order]
        self.order = order  # the places of the items, by the date they were asked
        self.keyed: dict[str, list[int]] = defaultdict(list)  # by their message's Message-ID
        self.place = {window.id: i for i, window in enumerate(windows)}
        for i, window in enumerate(windows):
            if window.message_key != "":
                self.keyed[window.message_key].append(i)

    def drop(self, item_id: int) -> None:
        """Leave out an item closed by the scan: no later reply is compared with it (the
        caller's test of the items closed would rule it out for every one of them; in
        a long thread most of the items asked before a reply are closed)."""
        i = self.place.pop(item_id, None)
        if i is None:
            return
        where = self.order.index(i)
        del self.order[where], self.dates[where]
        key = self.windows[i].message_key
        if key != "":
            self.keyed[key].remove(i)

    def asked_before(self, when: datetime, cited: str | None,
                     references: Sequence[str]) -> list[_Open]:
        """The items asked before ``when`` or in the message ``cited`` or one of
        ``references`` (the messages a reply answers), in the thread's order."""
        places = self.order[:bisect_left(self.dates, when)]
        if self.keyed:
            later = {i for key in (cited, *references) if key
                     for i in self.keyed.get(key, ()) if not self.windows[i].asked < when}
            if later:
                places = [*places, *later]
        places.sort()
        return [self.windows[i] for i in places]


class _Scan:
    """The open items of some threads, closed one reply at a time."""

    def __init__(self, reading: Reading, context: Context) -> None:
        items = reading.items
        self.context = context
        self.by_id = {item.id: item for item in items}
        # A copy: the scan adds the shares it finds.
        self.done = defaultdict(dict, {k: dict(v) for k, v in reading.done.items()})
        self.dates, self.senders, self.keys = reading.dates, reading.senders, reading.keys
        self.points = _points(reading.texts, items)
        by_thread: dict[int, list[_Open]] = defaultdict(list)
        for item in items:
            assert item.thread_id is not None
            window = self._window(item)
            if window is not None:
                by_thread[item.thread_id].append(window)
        self.by_thread = {thread: _Thread(windows) for thread, windows in by_thread.items()}
        self.closures: list[ClosingReply] = []
        self.shares: list[ShareClosure] = []
        self.closed: set[int] = set()
        # The calls to the whole list, found once (:meth:`_close_rounds` asks of every
        # reply's open items; an owner's reading does not change in the scan).
        self.everyones = frozenset(item.id for item in items if everyones(item.owner))
        # Of those, the questions calling each to send or say something
        # (:func:`close_questions`: one member's answer does not close them).
        self.calls = frozenset(item.id for item in items if item.id in self.everyones
                               and item.kind == QUESTION and is_call(item.sentence))

    def read(self, message: MessageRow) -> None:
        """Close what ``message`` answers among the items open when it arrived."""
        if message.thread_id is None or message.date is None or message.auto_submitted:
            # An auto-reply ("Thank you, your message was received") answers nothing.
            return
        when, closed = message.date, self.closed
        # A reply to the item's message is later than it whatever the clocks say (a
        # sender's clock or time zone set wrong dates a reply before its parent).
        # (Asked only of an item dated after the message: most are not.)
        cited, references = message.in_reply_to, message.references or ()
        # Open when this message arrives: not closed by an earlier reply (in this run
        # or a previous one). The same answer however often the batch is analysed.
        thread = self.by_thread.get(message.thread_id)
        windows = [w for w in thread.asked_before(when, cited, references)
                   if w.id not in closed and w.message_pk != message.id
                   and (w.until is None or w.until >= when)] if thread is not None else []
        if not windows:
            return
        # A reply answering quotes inline: each quoted item by the answer below it.
        for part, group in inline_parts(message, windows, lambda w: w.read.sentence):
            self._answer(part, [w for w in group if w.id not in closed])
        self._close_rounds(windows, message, when)

    def _answer(self, message: MessageRow, windows: list[_Open]) -> None:
        """Close what ``message`` (or its answer under a quote) answers of ``windows``."""
        if not windows:
            return
        candidates = [w.item for w in windows]
        # The points the reply names matter only to items of a point of their message
        # (most items are not): read only then.
        points = [self.points.get(i.id) for i in candidates]
        referred = points_referred(message.new_text or "") \
            | logged_for(message.new_text or "", points) \
            if any(p is not None for p in points) else set()
        asked = [i for i, point in zip(candidates, points, strict=True)
                 if not referred or point is None or point in referred]
        met: set[int] = set()  # the items this reply closes, whole or a share of them
        for item, shares in close_questions(asked, message, self.senders, self.context,
                                               self.calls):
            met.add(item.id)
            answer = Closure(item.id, (message.new_text or "").strip()[:300], "answered",
                             (0, len(message.new_text or "")), shares)
            if not shares or self._last_share(answer, message):
                self._close(ClosingReply(item.id, message.id, message.date, None))
        # A status reply naming rows of an action log closes those rows' items only.
        open_items = on_rows([w.read for w in windows if w.item.kind == ACTION],
                             message.new_text or "")
        sender = Address(message.sender_name or "", message.sender_address or "")
        for found in detect_closure(message.new_text or "", open_items,
                                    self.context.config.closure_phrases,
                                    sender=sender, members=self.context.members):
            met.add(found.item_id)
            if not found.owners or self._last_share(found, message):
                self._close(ClosingReply(found.item_id, message.id, message.date,
                                         found.sentence))
        for handed in self._handed_on(windows, met, message, sender):
            met.add(handed)
            self._close(ClosingReply(handed, message.id, message.date, None))
        self._close_withdrawn(windows, met, message, sender)
        if met:
            for promise in self._promises_kept(windows, met, message):
                self._close(ClosingReply(promise, message.id, message.date, None))

    def _close_rounds(self, windows: Sequence[_Open], message: MessageRow,
                      when: datetime) -> None:
        """Close the calls to the whole list that their asker declares done ("Poll
        closed, 17 replies", "Thanks all - suggestions are in"; the asker's own share
        of it done by the same message or not):
        :mod:`~iscg_mailbot.analyse.closure_rounds`."""
        address = (message.sender_address or "").casefold()
        if not address or not self.everyones:  # (most scans: no call to everyone)
            return
        mine = [w for w in windows
                if w.id in self.everyones and w.id not in self.closed
                and self.senders.get(w.message_pk, _NOBODY).address.casefold() == address]
        if mine and declares_round_over(reply_of(message.new_text or "").said):
            for window in mine:
                self._close(ClosingReply(window.id, message.id, when, None))

    def _handed_on(self, windows: Sequence[_Open], met: set[int], message: MessageRow,
                   sender: Address) -> list[int]:
        """The owners' items handed on to the reply's sender, which the sender answers
        herself ("I need to check with Sofia" - Sofia: "I can present it remotely")."""
        names = speaker_of(sender, self.context.members).own
        return [w.id for w in windows
                if w.item.kind == ACTION and w.id not in met and w.id not in self.closed
                and answered_by_delegate(w.read.sentence, reply_of(message.new_text or ""),
                                         names, self.context.members)]

    def _close_withdrawn(self, windows: Sequence[_Open], met: set[int], message: MessageRow,
                         sender: Address) -> None:
        """Close the asker's requests the message withdraws as moot ("The BR and BDT
        proposals are no longer needed"), the shares it names or whole
        (:mod:`~iscg_mailbot.analyse.closure_withdrawn`)."""
        address = sender.address.casefold()
        mine = [w for w in windows if w.item.kind == ACTION and w.id not in met
                and w.id not in self.closed and address
                and self.senders.get(w.message_pk, _NOBODY).address.casefold() == address]
        if not mine or not may_withdraw(message.new_text or ""):
            return  # (most replies: no request of the sender's, or no withdrawal)
        clauses = [c.text for _, parts in reply_of(message.new_text or "").sentences
                   for c in parts]
        for window in mine:
            shares = withdrawn_shares(clauses, window.read.owner, window.read.sentence,
                                      self.context.members)
            if shares is None:
                continue
            met.add(window.id)
            found = Closure(window.id, "", "withdrawn", (0, 0), shares)
            if not shares or self._last_share(found, message):
                self._close(ClosingReply(window.id, message.id, message.date, None))

    def _promises_kept(self, windows: Sequence[_Open], met: set[int],
                       message: MessageRow) -> list[int]:
        """The undertakings a reply keeps with the request it meets: what its sender
        promised in answer to that request, after it ("For the trainer, I will check
        availability and revert", "I will send it by Friday", "Q26/16 will prepare a
        reply"), is the same work, done when the request is ("good news: our colleague
        will come"), whichever words the delivery uses; and so when a colleague of the
        same Bureau meets it for the promiser ("I will ask the co-rapporteurs to prepare a
        reply" - another BDT officer: "The reply liaison ... was sent today")."""
        sender = Address(message.sender_name or "", message.sender_address or "")
        if not sender.address:
            return []
        requests = [w for w in windows if w.id in met]
        return [w.id for w in windows
                if w.id not in self.closed and w.item.kind == ACTION
                and same_side(self.senders.get(w.message_pk, _NOBODY), sender,
                              self.context.members)
                and any(r.asked < w.asked and r.message_pk != w.message_pk
                        and promised_for(w.read.sentence, r.read.sentence)
                        for r in requests)]

    def _window(self, item: ItemRow) -> _Open | None:
        """When the item is open, or None when no reply can close it: an item asked at
        no known date, or closed by a reply of no known date."""
        asked = self.dates.get(item.message_pk)
        if asked is None:
            return None
        until = None
        if item.status != OPEN:
            closer = (self.dates.get(item.closed_by_message_pk)
                      if item.closed_by_message_pk is not None else None)
            if closer is None:
                return None
            until = closer
        return _Open(item, item.id, item.message_pk, asked, until,
                     OpenItem(item.id, item.owner, item.owner_kind, item.sentence,
                              self.points.get(item.id)), self.keys.get(item.message_pk, ""))

    def _last_share(self, found: Closure, message: MessageRow) -> bool:
        """Record the owners' shares "Done for BDT" closes; True when none is left open."""
        item_done = self.done.setdefault(found.item_id, {})
        for owner in found.owners:
            if owner.casefold() not in item_done:
                item_done[owner.casefold()] = message.id
                assert message.date is not None
                self.shares.append(ShareClosure(found.item_id, owner, message.id,
                                                message.date, found.sentence))
        owners = {part.strip().casefold()
                  for part in (self.by_id[found.item_id].owner or "").split(",")
                  if part.strip()}
        # An item naming no owner is everyone's: a reply does the sender's share only.
        return bool(owners) and owners <= set(item_done)

    def _close(self, closure: ClosingReply) -> None:
        self.closures.append(closure)
        self.closed.add(closure.item_id)
        thread = self.by_thread.get(self.by_id[closure.item_id].thread_id or -1)
        if thread is not None:
            thread.drop(closure.item_id)


_NOBODY = Address("", "")
# "I will send it", "we will do so": an undertaking whose object is the request answered.
_IT = re.compile(r"\b(?:will|shall|'ll|\u2019ll|can|to)\s+(?:\w+\s+)?(?:send|share|provide|do|prepare|"
                 r"circulate|write|draft|forward|post)\s+(?:it|them|this|these|so)\b",
                 re.IGNORECASE)


def promised_for(promise: str, request: str) -> bool:
    """Whether an undertaking is made for a request: it takes up the request's words
    ("For the trainer, I will check ..." of "Could TSB send one trainer ...") or refers
    to it ("I will send it by Friday")."""
    return bool(_IT.search(promise)) or talks_about(promise, request)


def _message_facts(session: Session, pks: Sequence[int], known: dict[int, MessageRow]
                   ) -> tuple[dict[int, datetime | None], dict[int, Address], dict[int, str]]:
    """Date, sender and Message-ID of each message (those of ``known`` from there)."""
    dates: dict[int, datetime | None] = {}
    senders: dict[int, Address] = {}
    keys: dict[int, str] = {}
    for pk in set(pks).intersection(known):
        message = known[pk]
        dates[pk] = message.date
        senders[pk] = Address(message.sender_name or "", message.sender_address or "")
        keys[pk] = message.message_id or ""
    for chunk in chunks(sorted(set(pks).difference(known))):
        for pk, when, name, address, key in session.execute(
            select(Message.id, Message.date, Message.sender_name, Message.sender_address,
                   Message.message_id)
            .where(Message.id.in_(chunk))
        ):
            dates[pk], senders[pk] = when, Address(name or "", address or "")
            keys[pk] = key or ""
    return dates, senders, keys


def _texts(session: Session, items: Sequence[ItemRow],
           known: dict[int, MessageRow]) -> dict[int, str]:
    """The new text of each item's message (those of ``known`` from there)."""
    wanted = {item.message_pk for item in items}
    texts = {pk: known[pk].new_text or "" for pk in wanted.intersection(known)}
    for chunk in chunks(sorted(wanted.difference(known))):
        for pk, text in session.execute(select(Message.id, Message.new_text)
                                        .where(Message.id.in_(chunk))):
            texts[pk] = text or ""
    return texts


def _points(texts: dict[int, str], items: Sequence[ItemRow]) -> dict[int, int | None]:
    """Which point of its message each item came from (a list entry, one of several
    questions), so that "On the second point: ..." closes that point's items only."""
    by_message: dict[int, list[ItemRow]] = defaultdict(list)
    for item in items:
        by_message[item.message_pk].append(item)
    points: dict[int, int | None] = {}
    for pk, its in by_message.items():  # each message's text read once for its items
        # The items' offsets are in the text the extractor read, its shorthand spelt out
        # ("pls" as "please": extraction._input), not in the stored text.
        found = points_of(spelt_out(texts.get(pk) or ""), [item.span_start for item in its])
        points.update(zip((item.id for item in its), found, strict=True))
    return {item.id: points[item.id] for item in items}
