"""Build the digest of a period from stored threads: data only, no HTML.

:func:`collect_week` reads the period once per list (threads, topics, action items,
threads awaiting a reply); :func:`digest_for` cuts it to one member's preferences.
:func:`build_digest` does both::

    >>> digest = build_digest(session, (start, end), member, now,
    ...                       list_config=settings.lists[0], config=DigestConfig())  # doctest: +SKIP
    >>> [section.title for section in digest.sections]                          # doctest: +SKIP
    ['Spectrum management', 'Other']

Action items come from the action feature's ``action_items`` table; topics plug in
at :func:`thread_topics` once the topic feature stores its tags.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from urllib.parse import quote

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, load_only

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.parse.subjects import display_subject
from iscg_mailbot.records import (
    Digest,
    DigestAction,
    DigestAwaiting,
    DigestCounts,
    DigestSection,
    DigestThread,
)
from iscg_mailbot.report.digest_actions import (
    DUE_SOON,
    NEWLY_OVERDUE,
    STALE_AFTER,
    STALE_UNDATED_AFTER,
    open_item_rows,
)
from iscg_mailbot.report.threads import list_tags
from iscg_mailbot.settings.delivery import ARCHIVE_URL_FIELDS, DigestConfig, check_url_template
from iscg_mailbot.settings.main import ListConfig
from iscg_mailbot.settings.members import Member
from iscg_mailbot.store.models import MailingList, Message, Thread
from iscg_mailbot.store.topics import effective_topics

OTHER_TITLE = "Other"
# A digest is read on a phone: past this many open items it points to the full list.
MAX_ACTIONS = 30


@dataclass(frozen=True)
class WeekThread:
    """A thread active in the period, with its topics (best first; empty: "Other")."""

    row: DigestThread
    topics: tuple[str, ...]
    awaiting: DigestAwaiting | None


@dataclass(frozen=True)
class Week:
    """Everything that happened on one list in one period, before any member's filter."""

    base: Digest
    threads: tuple[WeekThread, ...]
    topic_titles: Mapping[str, str]


# A line at least this long that runs on into the next line of its paragraph was cut by
# the sender's mailer (which wraps at 72-78 columns), not by the writer.
_WRAPPED_LINE_MIN = 50
# "- item", "* item", "• item", "1. item", "a) item", "(ii) item": a line of its own.
_LIST_ITEM = re.compile(r"(?:[-*•–]|\(?[0-9a-zA-Z]{1,3}[.)])\s")
# Where a shortened excerpt may end: after a sentence (or clause) or at a line's end.
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def excerpt(text: str, lines: int, chars: int) -> str:
    """The start of ``text`` for the digest: its first ``lines`` lines, at most ``chars``
    characters.

    A line is a line as the writer meant it: lines that the sender's mailer wrapped are
    joined again, so that the digest can wrap the excerpt to its own width without ragged
    one-word lines; a paragraph break, a short line (a greeting, a sign-off) or a list
    item starts a new line. Text cut at ``chars`` ends after the last sentence that fits
    (or, failing that, at a word) and says so with "…".

    >>> excerpt("\\n\\nDear all,\\n\\nthe draft is attached.\\nBest", 2, 300)
    'Dear all,\\nthe draft is attached.'
    >>> excerpt("Thank you, very timely. Brazil would support an information session; a\\n"
    ...         "short webinar.\\nBest regards,\\nJoão", 3, 300)
    'Thank you, very timely. Brazil would support an information session; a short webinar.\\nBest regards,\\nJoão'
    >>> excerpt("One sentence here. Another one that is far too long to fit.", 1, 30)
    'One sentence here. …'
    """
    joined = "\n".join(unwrapped_lines(text)[:lines])
    if len(joined) <= chars:
        return joined
    limit = chars - 2  # room for " …"
    ends = [m.end() for m in _SENTENCE_END.finditer(joined, 0, limit + 1)]
    if ends and ends[-1] >= limit // 2:
        return joined[: ends[-1]].rstrip() + " …"
    space = joined.rfind(" ", 0, limit + 1)
    cut = space if space >= limit // 2 else limit
    return joined[:cut].rstrip() + "…"


def unwrapped_lines(text: str) -> list[str]:
    """The non-blank lines of ``text`` with the mailer's wrapping undone (see :func:`excerpt`).

    >>> unwrapped_lines("Dear all,\\n\\nPlease find the draft of the report attached; "
    ...                 "comments\\nare welcome.\\n- first\\n- second")
    ['Dear all,', 'Please find the draft of the report attached; comments are welcome.', '- first', '- second']
    """
    kept: list[str] = []
    previous_length = 0  # of the previous source line of the same paragraph; 0 after a blank
    for source_line in text.splitlines():
        line = " ".join(source_line.split())
        if not line:
            previous_length = 0
            continue
        if previous_length >= _WRAPPED_LINE_MIN and not _LIST_ITEM.match(line):
            kept[-1] += " " + line
        else:
            kept.append(line)
        previous_length = len(line)
    return kept


def archive_link(template: str | None, *, message_id: str, thread_id: int,
                 list_key: str) -> str | None:
    """The archive URL of a message from ``template`` ({message_id}, {thread_id}, {list})."""
    if not template:
        return None
    try:
        return template.format(message_id=quote(message_id, safe=""), thread_id=thread_id,
                               list=quote(list_key, safe=""))
    except (KeyError, IndexError, ValueError):
        check_url_template(template, ARCHIVE_URL_FIELDS)  # raises with the fix
        raise


def _archive_template(list_config: ListConfig, config: DigestConfig) -> str | None:
    template = list_config.archive_url or config.archive_url
    if template is not None and list_config.archive_url:
        try:
            check_url_template(template, ARCHIVE_URL_FIELDS)
        except ValueError as exc:
            raise ConfigError(f"lists.{list_config.id}.archive_url: {exc}") from None
    return template


def thread_topics(session: Session, thread_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Topic ids of each thread as people see them (manual decisions applied)."""
    return effective_topics(session, thread_ids)


def open_actions(session: Session, list_row_id: int, today: date, *, template: str | None,
                 list_key: str, limit: int = MAX_ACTIONS, as_of: datetime | None = None,
                 list_tags: Collection[str] = ()) -> tuple[tuple[DigestAction, ...], int, int]:
    """Open action items of the list, overdue first (see :func:`sort_actions`), at most
    ``limit``; also how many are open and how many overdue in all. Thread subjects are
    shown without reply markers and the ``list_tags`` (see :func:`list_tags`).

    With ``as_of``, the items as they stood then: asked in a message dated no later, and
    open or closed only afterwards (the digest of a past week shows what it showed).
    Notes and questions (the other kinds the action feature stores) are not listed.
    Only the rows shown are read (see :mod:`iscg_mailbot.report.digest_actions`).
    """
    rows, total, overdue = open_item_rows(session, list_row_id, today, limit=limit, as_of=as_of)
    actions = tuple(DigestAction(
        description=row.sentence, owner=row.owner, due=row.due,
        overdue=row.due is not None and row.due < today,
        thread_subject=display_subject(row.subject, list_tags),
        url=archive_link(template, message_id=row.message_id, thread_id=row.thread_id or 0,
                         list_key=list_key),
        stale=row.stale, item_id=row.item_id)
        for row in rows)
    return actions, total, overdue




def is_stale(due: date | None, asked: datetime | None, last_activity: datetime | None,
             today: date) -> bool:
    """Whether an open item is long past (or long undated) with no follow-up since.

    >>> is_stale(date(2026, 1, 5), None, datetime(2026, 1, 1), date(2026, 3, 1))
    True
    """
    if due is not None:
        reference = due
        if today - due <= STALE_AFTER:
            return False
    elif asked is not None:
        reference = asked.date()
        if today - reference <= STALE_UNDATED_AFTER:
            return False
    else:
        return False
    return last_activity is None or last_activity.date() <= reference


def sort_actions(actions: Sequence[DigestAction],
                 today: date | None = None) -> tuple[DigestAction, ...]:
    """Newly overdue and due soon first, then the other overdue items, then by due date,
    undated after them and stale ones last; ties by owner. Without ``today``: overdue
    first, then by due date."""
    def group(action: DigestAction) -> int:
        if action.stale:
            return 5
        if today is None or action.due is None:
            return (0 if action.overdue else 3) if action.due is not None else 4
        if action.overdue:
            return 0 if today - action.due <= NEWLY_OVERDUE else 2
        return 1 if action.due - today <= DUE_SOON else 3

    return tuple(sorted(actions, key=lambda a: (group(a), a.due or datetime.max.date(),
                                                a.owner)))


def _awaiting(thread: Thread, latest: Message, count_in_thread: int, period_end: datetime,
              now: datetime, config: DigestConfig, url: str | None,
              tags: Collection[str]) -> DigestAwaiting | None:
    # A thread waits for a reply when nothing came after its latest message for
    # awaiting_reply_hours, and that message asks something or was never answered.
    if latest.date is None:
        return None
    if thread.last_activity is not None and thread.last_activity > max(latest.date, period_end):
        return None  # somebody wrote after the period
    if now - latest.date < timedelta(hours=config.awaiting_reply_hours):
        return None
    if count_in_thread > 1 and "?" not in latest.new_text:
        return None
    return DigestAwaiting(thread_id=thread.id, subject=display_subject(thread.subject, tags),
                          last_sender=latest.sender_name or latest.sender_address,
                          since=latest.date, url=url)


_DIGEST_COLUMNS = (Message.id, Message.thread_id, Message.message_id, Message.sender_name,
                   Message.sender_address, Message.date, Message.subject, Message.new_text)


def collect_week(session: Session, *, list_config: ListConfig, period: tuple[datetime, datetime],
                 now: datetime, config: DigestConfig,
                 topic_titles: Mapping[str, str] | None = None,
                 as_of: datetime | None = None) -> Week:
    """Read the period's threads, topics and open action items of one list.

    ``as_of`` (for a past week) takes the action items as they stood then; without it
    they are the ones open now.
    """
    start, end = period
    base = Digest(
        list_key=list_config.id, list_name=list_config.name or list_config.id,
        list_address=list_config.address, period_start=start, period_end=end,
        period_key=config.period_key(start, end), timezone=config.timezone, generated_at=now)
    list_row = session.scalar(select(MailingList).where(MailingList.key == list_config.id))
    if list_row is None:
        return Week(base=base, threads=(), topic_titles=dict(topic_titles or {}))
    # Only the columns the digest reads (not the bodies, quotes and headers).
    messages = session.scalars(
        select(Message).options(load_only(*_DIGEST_COLUMNS))
        .where(Message.list_id == list_row.id, Message.date >= start, Message.date < end)
        .order_by(Message.date, Message.id)).all()
    by_thread: dict[int, list[Message]] = defaultdict(list)
    for message in messages:
        if message.thread_id is not None:
            by_thread[message.thread_id].append(message)
    threads = {t.id: t for t in session.scalars(select(Thread).where(Thread.id.in_(by_thread)))}
    topics = thread_topics(session, list(by_thread))
    template = _archive_template(list_config, config)
    tags = list_tags(list_config)
    sizes = {thread_id: thread.message_count for thread_id, thread in threads.items()}
    if as_of is not None:
        sizes = _sizes_as_of(session, list(by_thread), as_of)
    rows = [_week_thread(threads[thread_id], items, max(sizes.get(thread_id, 0), len(items)),
                         topics.get(thread_id, ()), period, now, config, template,
                         list_config.id, tags)
            for thread_id, items in by_thread.items()]
    rows.sort(key=lambda w: (-w.row.new_messages, -(w.row.last_activity or start).timestamp(),
                             w.row.thread_id))
    actions, open_count, overdue_count = open_actions(
        session, list_row.id, now.astimezone(config.zone).date(), template=template,
        list_key=list_config.id, as_of=as_of, list_tags=tags)
    counts = DigestCounts(
        messages=len(messages), active_threads=len(by_thread),
        new_threads=sum(1 for w in rows if w.row.started_in_period),
        participants=len({m.sender_address or m.sender_name for m in messages}),
        open_actions=open_count, overdue_actions=overdue_count,
        awaiting_reply=sum(1 for w in rows if w.awaiting is not None))
    return Week(base=replace(base, actions=actions, counts=counts), threads=tuple(rows),
                topic_titles=dict(topic_titles or {}))


def _week_thread(thread: Thread, items: list[Message], size: int, topics: tuple[str, ...],
                 period: tuple[datetime, datetime], now: datetime, config: DigestConfig,
                 template: str | None, list_key: str, tags: Collection[str]) -> WeekThread:
    """One active thread of the period: its digest row, topics and whether it awaits a
    reply (``items``: its messages of the period, oldest first)."""
    start, end = period
    latest = items[-1]
    url = archive_link(template, message_id=latest.message_id, thread_id=thread.id,
                       list_key=list_key)
    row = DigestThread(
        thread_id=thread.id,
        subject=display_subject(thread.subject or latest.subject, tags),
        participants=tuple(dict.fromkeys(m.sender_name or m.sender_address for m in items)),
        message_count=size, new_messages=len(items),
        excerpt=excerpt(latest.new_text, config.excerpt_lines, config.excerpt_chars),
        latest_sender=latest.sender_name or latest.sender_address,
        last_activity=latest.date,
        started_in_period=thread.first_activity is not None and thread.first_activity >= start,
        url=url)
    awaiting = _awaiting(thread, latest, size, end, now, config, url, tags)
    return WeekThread(row=row, topics=topics, awaiting=awaiting)


def _sizes_as_of(session: Session, thread_ids: list[int], as_of: datetime) -> dict[int, int]:
    """How many messages each thread had at ``as_of`` (undated messages count)."""
    rows = session.execute(
        select(Message.thread_id, func.count())
        .where(Message.thread_id.in_(thread_ids),
               or_(Message.date.is_(None), Message.date <= as_of))
        .group_by(Message.thread_id))
    return {thread_id: count for thread_id, count in rows if thread_id is not None}


def _section_for(topics: tuple[str, ...], member: Member | None) -> str | bool | None:
    """The topic a thread is shown under for ``member``: a topic id, None ("Other"), or
    False when the member's preferences hide it."""
    if not topics:
        return None if member is None or member.topics_only is None else False
    for topic in topics:
        if member is None or member.wants_topic(topic):
            return topic
    return False


def topic_filter(member: Member | None) -> str:
    """How the member's preferences narrow the digest, for its footer ("" when they do not)."""
    if member is None:
        return ""
    if member.topics_only is not None:
        return "only: " + ", ".join(member.topics_only)
    if member.topics_muted:
        return "muted: " + ", ".join(member.topics_muted)
    return ""


def digest_for(week: Week, member: Member | None) -> Digest:
    """The digest ``member`` receives (None: everything, as for a generic preview)."""
    grouped: dict[str | None, list[DigestThread]] = defaultdict(list)
    awaiting = []
    for item in week.threads:
        section = _section_for(item.topics, member)
        if section is False:
            continue
        assert section is None or isinstance(section, str)
        grouped[section].append(item.row)
        if item.awaiting is not None:
            awaiting.append(item.awaiting)
    order = [t for t in week.topic_titles if t in grouped]
    order += sorted(t for t in grouped if t is not None and t not in week.topic_titles)
    sections = [DigestSection(topic_id=t, title=week.topic_titles.get(t, t.replace("-", " ")
                                                                      .capitalize()),
                              threads=tuple(grouped[t])) for t in order]
    if None in grouped:
        sections.append(DigestSection(topic_id=None, title=OTHER_TITLE,
                                      threads=tuple(grouped[None])))
    awaiting.sort(key=lambda a: a.since)
    return replace(week.base, sections=tuple(sections), awaiting_reply=tuple(awaiting),
                   topic_filter=topic_filter(member))


def build_digest(session: Session, period: tuple[datetime, datetime], member: Member | None,
                 now: datetime, *, list_config: ListConfig, config: DigestConfig,
                 topic_titles: Mapping[str, str] | None = None) -> Digest:
    """The digest of ``period`` on one list for ``member`` (None: unfiltered)."""
    week = collect_week(session, list_config=list_config, period=period, now=now,
                        config=config, topic_titles=topic_titles)
    return digest_for(week, member)
