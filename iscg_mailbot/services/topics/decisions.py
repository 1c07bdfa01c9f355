"""People's decisions on a thread's topics, and the threads a topic or an entity selects.

A topic added or removed by hand (``tag``, the website) is kept through every re-tag;
forgetting the decision lets the automatic tag apply again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import EntityMention
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import load_config
from iscg_mailbot.services.topics.loading import names as topic_names
from iscg_mailbot.services.topics.texts import find_thread
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_topics import AUTO


@dataclass(frozen=True)
class TopicView:
    """A topic of a thread as ``threads show`` and ``tag`` print it."""

    topic: str
    name: str
    source: str  # "auto", "manual" or "auto+manual"
    score: float | None
    evidence: tuple[dict[str, object], ...] = ()


@dataclass(frozen=True)
class ThreadTopicsView:
    """A thread's topics (best first), the topics people removed, and its entities."""

    thread_id: int
    subject: str
    topics: tuple[TopicView, ...]
    removed: tuple[str, ...]
    entities: tuple[EntityMention, ...]


def _view(session: Session, thread: Thread, names: dict[str, str]) -> ThreadTopicsView:
    states = store.topic_states(session, [thread.id]).get(thread.id, {})
    chosen = [state for state in states.values() if state.effective]
    chosen.sort(key=lambda s: (s.manual is not True, -(s.auto_score or 0.0), s.topic))
    topics = tuple(
        TopicView(
            topic=state.topic,
            name=names.get(state.topic, state.topic),
            source=("auto+manual" if state.auto_score is not None else "manual")
            if state.manual else AUTO,
            score=state.auto_score,
            evidence=tuple(state.evidence),
        )
        for state in chosen
    )
    removed = tuple(sorted(topic for topic, s in states.items() if s.manual is False))
    entities = tuple(
        EntityMention(row.label, row.key, row.text, row.count)
        for row in store.entity_rows(session, thread.id)
    )
    return ThreadTopicsView(thread.id, thread.subject, topics, removed, entities)


def thread_topics(app: App, thread_id: int) -> ThreadTopicsView:
    """A thread's topics with their evidence, people's removals and its entities."""
    names = topic_names(app)
    with app.session() as session:
        return _view(session, find_thread(session, thread_id), names)


def set_manual_tags(
    app: App,
    thread_id: int,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    forget: Sequence[str] = (),
    *,
    note: str | None = None,
) -> ThreadTopicsView:
    """Add or remove topics of a thread by hand (kept through every re-tag), or forget
    earlier decisions so that the automatic tag applies again. Topic ids must be in
    the topic list (a former id of ``replaces:`` is accepted and stored as the new one).
    """
    config = load_config(app)
    decisions = [
        *((config.by_id(topic).id, True) for topic in add),
        *((config.by_id(topic).id, False) for topic in remove),
        *((config.by_id(topic).id, None) for topic in forget),
    ]
    names = {topic.id: topic.name for topic in config.topics}
    with app.session() as session:
        thread = find_thread(session, thread_id)
        for topic, assigned in decisions:
            store.set_manual(session, thread_id, topic, assigned, note)
        return _view(session, thread, names)


def threads_mentioning(app: App, key: str) -> list[int]:
    """Ids of the threads naming an entity (``TSAG-TD409``, ``SG17``...), in id order."""
    with app.session() as session:
        return sorted(store.threads_mentioning(session, key))


def threads_with_topic(app: App, topic: str) -> list[int]:
    """Ids of the threads carrying a topic, in id order."""
    with app.session() as session:
        return sorted(thread_ids_with_topic(app, session, topic))


def thread_ids_with_topic(app: App, session: Session, topic: str) -> set[int]:
    """The threads carrying ``topic``: what the ``--topic`` filters of the queries select.

    An id that ``topics.yaml`` ``replaces`` means its new topic. An id the file does not
    know still selects the threads whose stored tags carry it (a retired topic that was
    not re-tagged away); with no such thread it is a ConfigError naming the known topics,
    not an empty answer that looks like "no thread". Without a readable ``topics.yaml``
    there is nothing to check against: the stored tags alone answer.
    """
    try:
        config = load_config(app)
    except ConfigError:
        return store.topic_thread_ids(session, topic)
    try:
        topic_id = config.by_id(topic).id
    except ConfigError:
        stored = store.topic_thread_ids(session, topic)
        if not stored:
            raise
        return stored
    return store.topic_thread_ids(session, topic_id)
