"""The duplication watch as a service: flags over recent threads, the chair's dismissals.

``list_overlaps(app)`` recomputes the flags from the stored threads of the window (default:
the last 365 days) every time (the digest keeps its share per data version:
:mod:`overlap_cache <iscg_mailbot.services.overlap_cache>`);
``dismiss_overlap(app, "12-40")`` stores the chair's decision, after which the pair is never flagged again. The digest and the annual report
show the same flags.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from iscg_mailbot.analyse.overlap_rules import NEAR_IN_WORDING
from iscg_mailbot.analyse.overlaps import OverlapFlag, OverlapRules, ThreadView, find_overlaps
from iscg_mailbot.analyse.sectors import leading_sector
from iscg_mailbot.errors import MailbotError, NotFound
from iscg_mailbot.services.app import App
from iscg_mailbot.services.overlap_meaning import meaning_on, with_meaning, with_stored_meaning
from iscg_mailbot.services.overlap_terms import keep_thread_terms, window_threads
from iscg_mailbot.services.threads import shown_subject
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.settings.members import MembersConfig
from iscg_mailbot.store.annual import (
    ThreadFacts,
    dismiss_pair,
    dismissed_pairs,
    entities_of,
    threads_active,
)
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.topics import effective_topics
from iscg_mailbot.store.types import utcnow


def overlap_rules(settings: Settings) -> OverlapRules:
    """The watch's rules as ``[overlaps]`` sets them: near in wording
    (``near_in_wording``) on or off; the rest as :class:`OverlapRules` has them."""
    wording = NEAR_IN_WORDING if settings.overlaps.wording_on else None
    return replace(OverlapRules(), meaning_wording=wording)


@dataclass(frozen=True)
class OverlapRow:
    """A flag as the chair sees it: id (pair key), both threads, Sectors and evidence."""

    id: str
    thread_a: int
    subject_a: str
    sector_a: str
    thread_b: int
    subject_b: str
    sector_b: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    similarity: float
    evidence: str


def thread_views(session: Session, members: MembersConfig, start: datetime,
                 end: datetime) -> list[ThreadView]:
    """The threads active in [start, end) as the watch reads them."""
    return _views(session, members, threads_active(session, start, end))


def _views(session: Session, members: MembersConfig,
           threads: list[ThreadFacts]) -> list[ThreadView]:
    ids = [t.id for t in threads]
    topics = effective_topics(session, ids)
    entities = entities_of(session, ids)
    return [ThreadView(
        id=t.id, subject=t.subject, text=t.text,
        sector=leading_sector(members.by_address(t.starter), entities.get(t.id, ())),
        topics=tuple(topics.get(t.id, ())),
        entities=tuple((label, key) for label, key, _ in entities.get(t.id, ())),
        first=t.first_activity, last=t.last_activity) for t in threads]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _window(app: App, since: date | None, until: date | None,
            now: datetime | None) -> tuple[MembersConfig, datetime, datetime]:
    """The members and the window's bounds (default: the 365 days to today in the
    list's time zone, as action items count days). Read from the configuration without
    the action services: the digest needs none of their extraction code."""
    until = until or (now or utcnow()).astimezone(app.config.actions().zone).date()
    since = since or until - timedelta(days=365)
    return app.config.members(), _midnight(since), _midnight(until + timedelta(days=1))


def window_views(app: App, *, since: date | None = None, until: date | None = None,
                 now: datetime | None = None, meaning: bool = True,
                 subjects: bool = True) -> tuple[list[ThreadView], set[str]]:
    """The threads of the window (default: the 365 days to today) as the watch reads
    them (``meaning``: with their meaning vectors, as stored; without the subject
    concepts, embedded now from their texts), and the dismissed pair keys."""
    members, start, end = _window(app, since, until, now)
    with app.session() as session:
        views = thread_views(session, members, start, end)
        dismissed = dismissed_pairs(session)
        if meaning and subjects:
            views = with_stored_meaning(session, app.settings, views)
        elif meaning and meaning_on(app.settings):
            views = with_meaning(session, views, start, end, subjects=False)
    return views, set(dismissed)


def find_flags(app: App, *, since: date | None = None, until: date | None = None,
               now: datetime | None = None, rules: OverlapRules | None = None,
               involving: set[int] | None = None) -> tuple[list[OverlapFlag],
                                                           dict[int, str]]:
    """The flags of the window, dismissed pairs left out, and the threads' subjects
    (``involving``: only pairs with one of these threads).

    The threads' terms come from what analysis stored (:mod:`overlap_terms
    <iscg_mailbot.services.overlap_terms>`); a thread without a current row is read
    from its texts, and its row stored for the next time. Without the subject concepts
    (an evaluation), every thread is read from its texts.
    """
    rules = rules or overlap_rules(app.settings)
    terms = None
    if rules.subject_concepts:
        members, start, end = _window(app, since, until, now)
        with app.session() as session:
            facts, terms, unread = window_threads(session, start, end)
            views = _views(session, members, facts)
            dismissed = dismissed_pairs(session)
            if rules.meaning_neighbours is not None:
                views = with_stored_meaning(session, app.settings, views)
        keep_thread_terms(app, unread)
    else:
        views, dismissed = window_views(app, since=since, until=until, now=now,
                                        meaning=rules.meaning_neighbours is not None,
                                        subjects=False)
    subjects = {v.id: shown_subject(app.settings, v.subject) for v in views}
    return find_overlaps(views, rules, dismissed, involving, terms=terms), subjects


def list_overlaps(app: App, *, since: date | None = None, until: date | None = None,
                  now: datetime | None = None,
                  involving: set[int] | None = None) -> list[OverlapRow]:
    """The possible duplications of the window (default: the last 365 days), strongest
    first; with ``involving``, only those with one of these threads."""
    flags, subjects = find_flags(app, since=since, until=until, now=now, involving=involving)
    return [OverlapRow(f.pair_key, f.thread_a, subjects.get(f.thread_a, ""), f.sector_a,
                       f.thread_b, subjects.get(f.thread_b, ""), f.sector_b, f.topics,
                       f.entities, f.similarity, f.evidence) for f in flags]


def dismiss_overlap(app: App, pair: str, *, note: str | None = None) -> str:
    """Dismiss the flag ``pair`` ("12-40"): the two threads are never flagged again.

    NotFound for threads that do not exist; MailbotError for a malformed id or a pair
    already dismissed.
    """
    try:
        first, second = (int(part) for part in pair.split("-"))
    except ValueError:
        raise MailbotError(f"{pair!r} is not an overlap id; write two thread ids, e.g. 12-40") \
            from None
    with app.session() as session:
        for thread_id in (first, second):
            if session.get(Thread, thread_id) is None:
                raise NotFound(f"no thread {thread_id}")
        if not dismiss_pair(session, first, second, note):
            raise MailbotError(f"overlap {min(first, second)}-{max(first, second)} is already "
                               "dismissed")
    return f"{min(first, second)}-{max(first, second)}"

__all__ = ["OverlapRow", "dismiss_overlap", "find_flags", "list_overlaps", "overlap_rules", "thread_views",
           "window_views"]
