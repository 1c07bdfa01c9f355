"""Reads and writes of ``thread_topics`` and ``thread_entities``, in the caller's session.

Automatic rows are replaced wholesale for the threads being re-tagged
(:func:`replace_auto_tags`); manual rows are written only by :func:`set_manual`. A
thread's topics are its manual additions, plus its automatic tags, minus its manual
removals (:func:`effective_topics`)::

    >>> effective_topics(session, [12])  # doctest: +SKIP
    {12: ('cybersecurity', 'events')}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Delete, Select, Table, delete, or_, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.store.bulk import insert_rows
from iscg_mailbot.store.chunks import among, chunks
from iscg_mailbot.store.models_topics import AUTO, MANUAL, ThreadEntity, ThreadTopic

if TYPE_CHECKING:  # a thread list reads topics without creating the records' dataclasses
    from iscg_mailbot.records import Evidence, ThreadTags
from iscg_mailbot.store.types import utcnow


@dataclass
class TopicState:
    """What is stored about one topic of one thread."""

    topic: str
    auto_score: float | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    manual: bool | None = None  # True: added by a person; False: removed; None: no decision
    note: str | None = None
    decided_at: datetime | None = None

    @property
    def effective(self) -> bool:
        """Whether the thread carries the topic (a manual decision wins)."""
        return self.manual if self.manual is not None else self.auto_score is not None


_TOPICS = cast(Table, ThreadTopic.__table__)
_ENTITIES = cast(Table, ThreadEntity.__table__)
_STATE_COLUMNS = tuple(_TOPICS.c[name] for name in (
    "thread_id", "topic", "source", "assigned", "score", "evidence", "note", "tagged_at"))


class _ByIds(NamedTuple):
    """The statements every analysed chunk sends by a list of thread ids (bound as
    ``ids``), built once a dialect (store/analysis_rows.py says why): one array on
    PostgreSQL (``store/chunks.among``), one text whatever the list's length."""

    states: Select[*tuple[Any, ...]]  # the topics' rows of threads
    forget_auto: Delete  # their automatic topics
    forget_entities: Delete  # their entities


@cache
def _by_ids(dialect: str) -> _ByIds:
    return _ByIds(
        states=(select(*_STATE_COLUMNS).where(among(_TOPICS.c.thread_id, dialect))
                .order_by(_TOPICS.c.tagged_at, _TOPICS.c.id)),
        forget_auto=delete(_TOPICS).where(among(_TOPICS.c.thread_id, dialect),
                                          _TOPICS.c.source == AUTO),
        forget_entities=delete(_ENTITIES).where(among(_ENTITIES.c.thread_id, dialect)))


def topic_states(session: Session, thread_ids: Collection[int]) -> dict[int, dict[str, TopicState]]:
    """Per thread, per topic: automatic score and evidence, and the latest manual decision."""
    states: dict[int, dict[str, TopicState]] = defaultdict(dict)
    session.flush()  # the caller's pending ORM rows first (Core statements do not autoflush)
    statement = _by_ids(session.get_bind().dialect.name).states
    for chunk in chunks(sorted(thread_ids)):
        # The table's columns, not the ORM entity: plain rows, read many per analysis.
        rows = session.execute(statement, {"ids": chunk})
        for row in rows:
            state = states[row.thread_id].setdefault(row.topic, TopicState(row.topic))
            if row.source == MANUAL:
                # Rows come oldest first: the last decision wins (merged threads may
                # bring two).
                state.manual, state.note, state.decided_at = row.assigned, row.note, row.tagged_at
            elif state.auto_score is None or (row.score or 0) > state.auto_score:
                state.auto_score = row.score or 0.0
                state.evidence = list(row.evidence or [])
    return dict(states)


def effective_topics(session: Session, thread_ids: Collection[int]) -> dict[int, tuple[str, ...]]:
    """Topic ids of each thread, best first: manual additions, then by automatic score.

    Threads without topics are left out of the result.
    """
    result = {}
    for thread_id, states in topic_states(session, thread_ids).items():
        chosen = [state for state in states.values() if state.effective]
        chosen.sort(key=lambda s: (s.manual is not True, -(s.auto_score or 0.0), s.topic))
        if chosen:
            result[thread_id] = tuple(state.topic for state in chosen)
    return result


def retagged_topics(states: Mapping[str, TopicState], tagged: Collection[str]) -> set[str]:
    """The topics a thread of ``states`` (:func:`topic_states`) carries once
    :func:`replace_auto_tags` stored its automatic tags of the ``tagged`` topics: a
    person's decision as it was, the automatic tags otherwise (what
    :func:`effective_topics` would read back, without reading it)."""
    decided = {topic: state.manual for topic, state in states.items()
               if state.manual is not None}
    return ({topic for topic, assigned in decided.items() if assigned}
            | {topic for topic in tagged if topic not in decided})


def topic_thread_ids(session: Session, topic: str) -> set[int]:
    """Threads carrying ``topic`` (automatic tag not removed by hand, or added by hand)."""
    candidates = set(
        session.scalars(select(ThreadTopic.thread_id).where(ThreadTopic.topic == topic)).all()
    )
    return {
        thread_id
        for thread_id, states in topic_states(session, candidates).items()
        if topic in states and states[topic].effective
    }


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """The JSON form of one piece of evidence."""
    return {
        "phrase": evidence.phrase,
        "where": evidence.where,
        "count": evidence.count,
        "points": evidence.points,
        "negative": evidence.negative,
        "forms": list(evidence.forms),
    }


def replace_auto_tags(session: Session, results: Sequence[ThreadTags]) -> None:
    """Rewrite the automatic tags and the entities of the threads in ``results``."""
    thread_ids = [result.thread_id for result in results]
    now = utcnow()
    statements = _by_ids(session.get_bind().dialect.name)
    for chunk in chunks(sorted(thread_ids)):
        session.execute(statements.forget_auto, {"ids": chunk})
        session.execute(statements.forget_entities, {"ids": chunk})
    tags = [
        {
            "thread_id": result.thread_id,
            "topic": tag.topic,
            "source": AUTO,
            "assigned": True,
            "score": tag.score,
            "evidence": [evidence_record(e) for e in tag.evidence],
            "note": None,
            "tagged_at": now,
        }
        for result in results
        for tag in result.tags
    ]
    entities = [
        {
            "thread_id": result.thread_id,
            "label": mention.label,
            "key": mention.key[:200],
            "search_key": mention.key[:200].upper(),
            "text": mention.text[:500],
            "count": mention.count,
        }
        for result in results
        for mention in result.entities
    ]
    # Core rows in one statement (a COPY on PostgreSQL, store/bulk.py): the ORM's bulk
    # insert of the same rows cost as much again.
    insert_rows(session, _TOPICS, tags)
    insert_rows(session, _ENTITIES, entities)


def set_manual(
    session: Session, thread_id: int, topic: str, assigned: bool | None, note: str | None = None
) -> None:
    """Record a person's decision: add (True) or remove (False) ``topic``, or forget the
    decision (None) so that the automatic tag applies again."""
    session.execute(
        delete(ThreadTopic).where(
            ThreadTopic.thread_id == thread_id,
            ThreadTopic.topic == topic,
            ThreadTopic.source == MANUAL,
        )
    )
    if assigned is not None:
        session.add(
            ThreadTopic(
                thread_id=thread_id, topic=topic, source=MANUAL, assigned=assigned,
                score=None, evidence=[], note=note, tagged_at=utcnow(),
            )
        )
    session.flush()


def manual_decisions(session: Session) -> dict[int, dict[str, bool]]:
    """Every thread with manual decisions: topic -> added (True) or removed (False)."""
    thread_ids = set(
        session.scalars(select(ThreadTopic.thread_id).where(ThreadTopic.source == MANUAL)).all()
    )
    decisions: dict[int, dict[str, bool]] = {}
    for thread_id, states in topic_states(session, thread_ids).items():
        chosen = {topic: s.manual for topic, s in states.items() if s.manual is not None}
        if chosen:
            decisions[thread_id] = chosen
    return decisions


def rename_topics(session: Session, renamed: Mapping[str, str]) -> int:
    """Move stored tags from former topic ids to current ones (``replaces:``)."""
    moved = 0
    for old, new in renamed.items():
        result = session.execute(
            update(ThreadTopic).where(ThreadTopic.topic == old).values(topic=new)
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    return moved


def threads_mentioning(session: Session, key: str) -> set[int]:
    """Threads naming an entity: by normalised key, any case ("tsag-td409"); a bare
    group also finds its sector-qualified form ("SG17" finds "ITU-T SG17")."""
    wanted = " ".join(key.split()).upper()
    return set(
        session.scalars(
            select(ThreadEntity.thread_id).where(
                or_(ThreadEntity.search_key == wanted,
                    ThreadEntity.search_key.like(f"% {wanted}"))
            )
        ).all()
    )


def entity_rows(session: Session, thread_id: int) -> list[ThreadEntity]:
    """The entities stored for a thread, most mentioned first."""
    return list(
        session.scalars(
            select(ThreadEntity).where(ThreadEntity.thread_id == thread_id)
            .order_by(ThreadEntity.count.desc(), ThreadEntity.key)
        ).all()
    )
