"""Plain, frozen records passed between pipeline stages (no ORM, no I/O).

source -> RawMessage; parse -> ParsedMessage; thread -> ThreadRef / ThreadNode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Defined apart: the ORM models and queries read them without creating these dataclasses.
from iscg_mailbot.action_codes import (
    ACTION,
    ACTION_KINDS,
    ACTION_STATUSES,
    DONE,
    DROPPED,
    NOTE,
    OPEN,
    QUESTION,
)
from iscg_mailbot.conventions import DEFAULT_CONVENTIONS, Conventions

__all__ = ["ACTION", "ACTION_KINDS", "ACTION_STATUSES", "DONE", "DROPPED", "NOTE", "OPEN",
           "QUESTION", "ActionCandidate", "ActionInput", "Address", "Attachment", "Closure",
           "Digest", "DigestAction", "DigestAwaiting", "DigestCounts", "DigestOverlap",
           "DigestSection", "DigestThread", "EntityMention", "Evidence", "MailboxState",
           "OpenItem", "ParsedMessage", "Provenance", "RawBatch", "RawMessage", "ThreadNode",
           "ThreadRef", "ThreadTags", "ThreadText", "TopicTag"]


@dataclass(frozen=True)
class Provenance:
    """Where a message came from: an IMAP mailbox position or an archive file."""

    mailbox: str | None = None
    uidvalidity: int | None = None
    uid: int | None = None
    archive_path: str | None = None


@dataclass(frozen=True)
class RawMessage:
    """The bytes of one message as delivered, plus where it came from.

    ``received_at`` is the server's INTERNALDATE or the mbox ``From_`` date when known;
    it stands in for a missing or unreadable ``Date:`` header.
    """

    data: bytes
    provenance: Provenance
    received_at: datetime | None = None


@dataclass(frozen=True)
class Address:
    """A mailbox: display name (may be empty) and address (lower-cased)."""

    name: str
    address: str


@dataclass(frozen=True)
class Attachment:
    """Metadata of one attachment; the bytes are never kept."""

    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True)
class ParsedMessage:
    """A message reduced to what the rest of the pipeline needs.

    ``message_id`` is without angle brackets; ``synthetic_id`` is true when the
    message had none and one was derived from a hash of its headers and body.
    ``date`` is timezone-aware UTC, or None when neither the header nor the
    delivery date is known. ``new_text`` is the body without quoted replies and
    signature, which are kept in ``quoted_text`` and ``signature``.
    """

    message_id: str
    synthetic_id: bool
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    normalised_subject: str
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    date: datetime | None
    body_text: str
    new_text: str
    quoted_text: str
    signature: str
    attachments: tuple[Attachment, ...]
    raw_size: int
    list_id: str | None
    provenance: Provenance
    defects: tuple[str, ...] = ()
    # The sender's UTC offset from the Date header ("+0200" -> 120), None when unknown:
    # "by tomorrow" in the message means the sender's tomorrow.
    utc_offset_minutes: int | None = None
    # The text of messages forwarded as ``message/rfc822`` parts, each under a
    # "Forwarded message" header block: content of this message that analysis reads.
    forwarded_text: str = ""
    # Sent by a program (an out-of-office reply, a notification), as its header fields
    # say (see :func:`iscg_mailbot.parse.headers.is_automatic`): it owes and closes nothing.
    automatic: bool = False


@dataclass(frozen=True)
class ThreadRef:
    """The threading facts of one message (input of the JWZ algorithm)."""

    message_id: str
    in_reply_to: str | None
    references: tuple[str, ...]
    normalised_subject: str
    is_reply: bool
    date: datetime | None


@dataclass
class ThreadNode:
    """A node of a JWZ thread tree; ``message_id`` is None for a missing (ghost) parent."""

    message_id: str | None
    children: list[ThreadNode] = field(default_factory=list)

    def walk(self) -> list[str]:
        """All real message IDs in this subtree, depth first in sibling order.

        Iterative: reply chains can be far deeper than Python's recursion limit.
        """
        found: list[str] = []
        stack = [self]
        while stack:
            node = stack.pop()
            if node.message_id is not None:
                found.append(node.message_id)
            stack.extend(reversed(node.children))
        return found


@dataclass(frozen=True)
class MailboxState:
    """How far a mailbox has been read: the UIDVALIDITY seen and the highest UID stored."""

    uidvalidity: int | None = None
    last_uid: int = 0


@dataclass(frozen=True)
class RawBatch:
    """A batch of fetched messages and the mailbox state once they are stored.

    ``reset`` is true on the first batch after a UIDVALIDITY change: the mailbox is
    being re-read from UID 1 and messages already stored are recognised by Message-ID.
    """

    messages: tuple[RawMessage, ...]
    state: MailboxState
    reset: bool = False


# --- report: digest ---

from datetime import date


@dataclass(frozen=True)
class DigestThread:
    """One thread row of a digest: what happened in it during the period.

    ``participants`` are display names (or addresses when a name is missing) of
    everyone who wrote in the thread during the period; ``excerpt`` is the first
    lines of the latest message's new text (quotes and signature removed);
    ``url`` is set when an archive URL template is configured.
    """

    thread_id: int
    subject: str
    participants: tuple[str, ...]
    message_count: int
    new_messages: int
    excerpt: str
    latest_sender: str
    last_activity: datetime | None
    started_in_period: bool
    url: str | None = None


@dataclass(frozen=True)
class DigestSection:
    """Threads of one topic; ``topic_id`` is None for the "Other" section (untagged)."""

    topic_id: str | None
    title: str
    threads: tuple[DigestThread, ...]


@dataclass(frozen=True)
class DigestAction:
    """An open action item as the digest lists it (overdue ones come first)."""

    description: str
    owner: str
    due: date | None
    overdue: bool
    thread_subject: str = ""
    url: str | None = None
    # Long past its date (or long undated) with nothing written in its thread since:
    # shown apart as "stale, unconfirmed", after the items that are truly open.
    stale: bool = False
    # The stored item (action_items.id), for the website's link to the item's page.
    item_id: int | None = None


@dataclass(frozen=True)
class DigestAwaiting:
    """A thread whose latest message has had no reply since ``since``."""

    thread_id: int
    subject: str
    last_sender: str
    since: datetime
    url: str | None = None


@dataclass(frozen=True)
class DigestCounts:
    """Totals for the period (over the whole list, before a member's topic filter)."""

    messages: int = 0
    active_threads: int = 0
    new_threads: int = 0
    participants: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    awaiting_reply: int = 0


@dataclass(frozen=True)
class DigestOverlap:
    """A possible duplication of effort the digest points out: two threads, their Sectors,
    and the evidence (from the duplication watch)."""

    subject_a: str
    sector_a: str
    subject_b: str
    sector_b: str
    evidence: str


@dataclass(frozen=True)
class Digest:
    """Everything one member's digest shows for one period; data only, no HTML.

    ``period_start`` (inclusive) and ``period_end`` (exclusive) are aware UTC;
    ``timezone`` is the IANA zone dates are shown in. ``period_key`` names the
    period in the outbox and in the stable Message-ID (e.g. ``2024-03-04/2024-03-11``).
    ``topic_filter`` says how a member's preferences narrowed the sections, for the
    footer ("only: spectrum, ai" / "muted: gender"), or is empty.
    """

    list_key: str
    list_name: str
    list_address: str
    period_start: datetime
    period_end: datetime
    period_key: str
    timezone: str
    generated_at: datetime
    sections: tuple[DigestSection, ...] = ()
    actions: tuple[DigestAction, ...] = ()
    awaiting_reply: tuple[DigestAwaiting, ...] = ()
    counts: DigestCounts = DigestCounts()
    topic_filter: str = ""
    overlaps: tuple[DigestOverlap, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when no message reached the list during the period."""
        return self.counts.messages == 0


# --- analyse: actions ---


@dataclass(frozen=True)
class ActionInput:
    """What the action extractor reads of one message: its new text, never its quotes.

    ``date`` should keep the sender's own UTC offset (e.g. ``+09:00``) so that "by tomorrow" is
    the sender's tomorrow (UTC dates with a UTC value; with None, relative dates such as "within
    two weeks" give no due date). ``to``/``cc`` are the people addressed: they own an item whose
    sentence names nobody; ``list_address`` (the list's own) is never an owner.
    """

    new_text: str
    date: datetime | None
    sender: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    subject: str = ""
    list_address: str | None = None
    # The message forwards other mail (new to the list): a header block in the text
    # introduces content to read, not a quote. Its subject ("Fwd: ...") also says so.
    forwarded: bool = False
    # The header fields say a program sent it (Auto-Submitted, X-Autoreply, ...): an
    # auto-reply owes nothing, however its text reads.
    automatic: bool = False
    # The message it replies to: who wrote it (a question that greets nobody asks them)
    # and whether its new text asked something (then "Yes, please ..." answers it).
    parent_sender: Address | None = None
    parent_asks: bool = False
    # Its new text and date (in its sender's zone): "one week after the deadline" in a
    # reply counts from the deadline the parent gave (action_parent_dates).
    parent_text: str = ""
    parent_date: datetime | None = None
    conventions: Conventions = DEFAULT_CONVENTIONS  # the list's (config/actions.yaml)


@dataclass(frozen=True)
class ActionCandidate:
    """One action or note found in a message's new text.

    ``kind`` is "action" (open work) or "note" (for information). ``span`` is the
    (start, end) offsets of ``sentence`` in the input's ``new_text``. ``owner`` is a
    canonical body ("TSAG", "ITU-T SG17", "General Secretariat"), a member's or the
    sender's name, or the addressees' names; ``owner_kind`` says which: "group",
    "member", "sender", "addressees". ``due`` is None when no date is given or none can
    be known ("before the next TSAG meeting"); ``due_text`` holds the words read.
    ``rule`` names the pattern that fired; ``confidence`` is in [0, 1].
    """

    kind: str
    sentence: str
    span: tuple[int, int]
    owner: str | None
    owner_kind: str | None
    due: date | None
    due_text: str | None
    confidence: float
    rule: str
    # The id of the meetings.yaml entry the date was read from ("before the next TSAG
    # meeting"), else None.
    due_meeting: str | None = None


@dataclass(frozen=True)
class OpenItem:
    """An open action item as closure detection sees it (``id`` is the stored item's)."""

    id: int
    owner: str | None
    owner_kind: str | None = None
    sentence: str = ""
    point: int | None = None  # which point of its message (a list entry, a question), from 1


@dataclass(frozen=True)
class Closure:
    """A reply sentence closing an item: the item, the sentence, the phrase and its span."""

    item_id: int
    sentence: str
    phrase: str
    span: tuple[int, int]
    # Of an item owned by several bodies, the owners whose share this reply completes
    # ("Done for BDT"); empty when it completes the whole item.
    owners: tuple[str, ...] = ()


# --- analyse: topics ---


@dataclass(frozen=True)
class ThreadText:
    """What the topic tagger reads of a thread: its subject and each message's new text.

    Quoted replies and signatures are left out (``ParsedMessage.new_text``), so a
    phrase quoted all the way down a thread counts once, where it was written.
    """

    thread_id: int
    subject: str
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Why a topic fired: one phrase, where it matched, how often, and the points it gave.

    ``where`` is "subject" or "body"; ``negative`` evidence takes points off;
    ``forms`` are the spellings found (e.g. "cyber security" for phrase "cybersecurity").
    """

    phrase: str
    where: str
    count: int
    points: float
    negative: bool = False
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicTag:
    """A topic of a thread with its score and evidence; ``source`` is "auto" or "manual".

    ``passing`` (only on a rejected tag): the score reached the threshold, but the topic
    is a passing mention next to a stronger one; says which, for ``topics explain``.
    """

    topic: str
    score: float
    evidence: tuple[Evidence, ...] = ()
    source: str = "auto"
    passing: str = ""


@dataclass(frozen=True)
class EntityMention:
    """An ITU body, group, document or resolution named in a thread.

    ``key`` is the normalised form look-ups compare ("ITU-T SG17", "TSAG-TD409");
    ``text`` the first spelling seen; ``count`` the mentions over subject and new texts.
    """

    label: str
    key: str
    text: str
    count: int


@dataclass(frozen=True)
class ThreadTags:
    """The tagger's verdict on one thread: topics reaching their threshold (best first),
    the entities named, and ``rejected``: topics with evidence below their threshold.
    ``notes`` (from the plain rule only, for ``topics explain``): why a topic that
    reached its threshold lacks support, and which weak phrases belong to another
    topic's name."""

    thread_id: int
    tags: tuple[TopicTag, ...]
    entities: tuple[EntityMention, ...] = ()
    rejected: tuple[TopicTag, ...] = ()
    notes: tuple[str, ...] = ()
