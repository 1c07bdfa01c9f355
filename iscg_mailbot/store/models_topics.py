"""The ``thread_topics`` and ``thread_entities`` tables: what threads are about.

``thread_topics`` holds two kinds of rows per (thread, topic):

- ``source = "auto"``: the tagger's verdict, with its score and evidence (the phrases
  that fired, how often, where). Re-tagging a thread deletes and rewrites these rows.
- ``source = "manual"``: a person's decision (``iscg-mailbot tag THREAD +topic -topic``):
  ``assigned`` true adds the topic, false removes it. Re-tagging never touches them.

A thread's topics are its manual additions plus its automatic tags minus its manual
removals (:func:`iscg_mailbot.store.topics.effective_topics`).

``thread_entities`` holds the ITU bodies, groups, documents and resolutions a thread
names, with a normalised ``key`` ("TSAG-TD409", "ITU-T SG17") and its upper-case
``search_key`` for look-ups (``threads list --mentions``); re-tagging rewrites them.

Both reference ``threads.id`` with ON DELETE CASCADE and carry no unique constraint
on (thread, ...): ``merge_threads`` moves rows from merged threads with a plain
UPDATE, which may leave two rows for one (thread, topic); readers take the latest
manual decision, and the next re-tag of the merged thread rewrites the rest.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iscg_mailbot.store.base import Base
from iscg_mailbot.store.types import utcnow

AUTO, MANUAL = "auto", "manual"


class ThreadTopic(Base):
    """A topic of a thread: the tagger's verdict or a person's decision."""

    __tablename__ = "thread_topics"
    __table_args__ = (
        # Threads of a topic (digest sections, filters, stats).
        Index("ix_thread_topics_topic_thread", "topic", "thread_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(10))
    assigned: Mapped[bool] = mapped_column(Boolean, default=True)
    score: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str | None] = mapped_column(Text)
    tagged_at: Mapped[datetime] = mapped_column(default=utcnow)


class ThreadEntity(Base):
    """An ITU body, group, document or resolution named in a thread, and how often."""

    __tablename__ = "thread_entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("threads.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    text: Mapped[str] = mapped_column(String(500))
    count: Mapped[int] = mapped_column(Integer, default=1)
