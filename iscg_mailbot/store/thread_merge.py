"""Fold threads into one: what a merge does with every table that points at a thread.

Threading (:mod:`iscg_mailbot.store.threads`) merges threads when a late message links
them; topic editing may merge them by hand. Both go through :func:`merge_threads`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from iscg_mailbot.store.models import AnalysisFailure, Message, Thread
from iscg_mailbot.store.models_actions import ActionItem, ThreadOpenItems
from iscg_mailbot.store.models_duties import ThreadOverlapTerms
from iscg_mailbot.store.models_topics import AUTO, MANUAL, ThreadEntity, ThreadTopic
from iscg_mailbot.store.open_items import forget_threads, refresh_open_items

#: Every table with a column pointing at ``threads.id``, and what a merge does with it:
#: messages and action items move to the kept thread; automatic topic tags and entities
#: are dropped (the merged thread is re-analysed); people's topic decisions move; the
#: open items' counts of the merged threads go and the kept thread's are counted again.
THREAD_REFERENCES = (
    (Message, Message.thread_id),
    (ActionItem, ActionItem.thread_id),
    (ThreadOpenItems, ThreadOpenItems.thread_id),
    (ThreadTopic, ThreadTopic.thread_id),
    (ThreadEntity, ThreadEntity.thread_id),
    (AnalysisFailure, AnalysisFailure.thread_id),
    (ThreadOverlapTerms, ThreadOverlapTerms.thread_id),
)


def merge_threads(session: Session, keep_id: int, drop_ids: Iterable[int]) -> None:
    """Fold threads ``drop_ids`` into ``keep_id``: move what points at them, delete them.

    A new table referencing ``threads.id`` must be added to :data:`THREAD_REFERENCES`
    (``tests/test_store_threads.py`` checks the list against the metadata).

    >>> merge_threads(session, keep_id=7, drop_ids=[9, 12])  # doctest: +SKIP
    """
    drops = sorted(set(drop_ids) - {keep_id})
    if not drops:
        return
    session.execute(delete(ThreadEntity).where(ThreadEntity.thread_id.in_(drops)))
    # The kept thread's terms are read again by its analysis (its messages changed).
    session.execute(delete(ThreadOverlapTerms).where(ThreadOverlapTerms.thread_id.in_(drops)))
    # The merged thread is analysed afresh: failures of the parts no longer apply.
    session.execute(delete(AnalysisFailure).where(AnalysisFailure.thread_id.in_(drops)))
    session.execute(
        delete(ThreadTopic).where(ThreadTopic.thread_id.in_(drops), ThreadTopic.source == AUTO)
    )
    # A decision already made on the kept thread wins over one on a merged-away thread.
    decided = select(ThreadTopic.topic).where(
        ThreadTopic.thread_id == keep_id, ThreadTopic.source == MANUAL
    )
    session.execute(
        delete(ThreadTopic).where(ThreadTopic.thread_id.in_(drops), ThreadTopic.topic.in_(decided))
    )
    forget_threads(session, drops)
    for model, column in THREAD_REFERENCES:
        session.execute(update(model).where(column.in_(drops)).values({column: keep_id}))
    refresh_open_items(session, [keep_id])
    session.execute(delete(Thread).where(Thread.id.in_(drops)))
