"""Tagging stored threads with the topic list: after each import or sync, and ``retag``.

The analysis that follows an import or a sync tags the threads it touched with
:func:`tag_threads_in_session`; ``iscg-mailbot topics retag`` (:func:`retag`)
re-applies the topic list to every stored thread (or those active since a date) after
the secretariat edited it. Each re-tag rewrites the automatic tags, evidence and
entities of its threads, never the decisions people made (services/topics/decisions.py).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from iscg_mailbot.records import ThreadTags, ThreadText
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import load_config, tagger_for, with_model
from iscg_mailbot.services.topics.texts import RETAG_BATCH, chunk_texts, thread_texts
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.analysis_rows import ThreadMessages
from iscg_mailbot.store.models import Thread

log = logging.getLogger(__name__)


@dataclass
class RetagReport:
    """What a re-tag changed: threads read, and per topic the threads that gained or
    lost it (as people see them: manual decisions applied)."""

    threads: int = 0
    added: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    renamed: int = 0

    def changes(self) -> list[tuple[str, int, int]]:
        """(topic, added, removed) for every topic that changed, by topic id."""
        topics = sorted(set(self.added) | set(self.removed))
        return [(topic, self.added[topic], self.removed[topic]) for topic in topics]

    def merge(self, other: RetagReport) -> None:
        self.threads += other.threads
        self.added.update(other.added)
        self.removed.update(other.removed)
        self.renamed += other.renamed


_WARNED_MISSING: set[Path] = set()


def tag_threads_in_session(app: App, session: Session, thread_ids: Sequence[int]) -> RetagReport:
    """Re-tag threads inside the caller's transaction (for the analysis that follows an
    import or a sync). Leaves ``needs_analysis`` to the caller; unknown ids are skipped.
    Reads at most ``analysis_max_chars`` (settings) characters of each message. The same
    as :func:`texts_to_tag`, :func:`tag_texts` and :func:`save_tags` in a row (which the
    parallel analysis runs with no transaction open while it tags).
    """
    return save_tags(session, tag_texts(app, texts_to_tag(app, session, thread_ids)))


def texts_to_tag(app: App, session: Session, thread_ids: Sequence[int]) -> list[ThreadText]:
    """What the tagger reads of these threads; none when no topic list is configured."""
    if not _has_topics(app):
        return []
    return thread_texts(session, thread_ids, app.settings.analysis_max_chars)


def chunk_texts_to_tag(app: App, messages: ThreadMessages,
                       thread_ids: Sequence[int]) -> list[ThreadText]:
    """:func:`texts_to_tag` of threads whose messages were read already."""
    if not _has_topics(app):
        return []
    return chunk_texts(messages, thread_ids, app.settings.analysis_max_chars)


def _has_topics(app: App) -> bool:
    if not app.config.has_topics():
        missing = app.config.topics_path
        # No topic list configured: threads get no topics (the commands of the topics
        # group say how to fix it), the rest of the analysis goes on. Said once per
        # file and process, not once per chunk of threads or per poll of the worker.
        if missing not in _WARNED_MISSING:
            _WARNED_MISSING.add(missing)
            log.warning("%s not found: threads are not tagged with topics", missing)
        return False
    return True


def tag_texts(app: App, inputs: Sequence[ThreadText]) -> list[ThreadTags]:
    """Tag threads read by :func:`texts_to_tag` (no database)."""
    if not inputs:
        return []
    return with_model(app, inputs, tagger_for(app).tag_threads(inputs))


def save_tags(session: Session, results: Sequence[ThreadTags]) -> RetagReport:
    """Store the automatic tags and entities of :func:`tag_texts`; report what people
    see change."""
    report = RetagReport()
    if not results:
        return report
    ids = [result.thread_id for result in results]
    # What the threads carry after, from what they carried before and the new tags:
    # reading it back read every topic row (and its evidence) of the chunk again.
    states = store.topic_states(session, ids)
    tagged: dict[int, set[str]] = {thread_id: set() for thread_id in ids}
    for result in results:
        tagged[result.thread_id].update(tag.topic for tag in result.tags)
    store.replace_auto_tags(session, results)
    for thread_id in ids:
        old = {topic for topic, state in states.get(thread_id, {}).items() if state.effective}
        new = store.retagged_topics(states.get(thread_id, {}), tagged[thread_id])
        report.added.update(new - old)
        report.removed.update(old - new)
    report.threads = len(ids)
    return report


def retag_threads(app: App, thread_ids: Collection[int]) -> RetagReport:
    """Re-tag these threads with the current topic list, one transaction per
    :data:`RETAG_BATCH` threads; unknown ids are skipped."""
    report = RetagReport()
    ordered = sorted(set(thread_ids))
    for start in range(0, len(ordered), RETAG_BATCH):
        with app.session() as session:
            report.merge(
                tag_threads_in_session(app, session, ordered[start:start + RETAG_BATCH])
            )
    return report


def retag(app: App, since: datetime | None = None) -> RetagReport:
    """Re-apply the current topic list to every stored thread, or to those active since
    ``since`` (after the secretariat edited the list).

    Tags stored under a former topic id (``replaces:``) are first moved to the new id.
    The topic list is read again first: re-tagging is what follows an edit of the file.
    """
    app.reload_config()
    config = load_config(app)
    report = RetagReport()
    with app.session() as session:
        report.renamed = store.rename_topics(session, config.renamed())
        query = select(Thread.id)
        if since is not None:
            query = query.where(Thread.last_activity >= since)
        thread_ids = list(session.scalars(query.order_by(Thread.id)).all())
    report.merge(retag_threads(app, thread_ids))
    return report
