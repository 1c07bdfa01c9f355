"""What a save of automatic tags reports (the topics people see a thread gain or lose)
is worked out from the topics read before and the new tags, without reading them back
(docs/performance-history.md, "one count a chunk"): the same report as reading the
threads' topics again, for every kind of manual decision and old and new automatic
tags, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from itertools import product

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from iscg_mailbot.records import ThreadTags, TopicTag
from iscg_mailbot.services.topics.tagging import save_tags
from iscg_mailbot.store import topics
from tests.test_open_items import threads_and_messages

TOPICS = ("ai", "cop", "e-health")
#: A thread's decision on a topic: none, added by hand, removed by hand, added then
#: removed (the later wins), removed then forgotten.
DECISIONS = ("none", "add", "remove", "add-remove", "forget")


def _decide(session: Session, thread: int, topic: str, decision: str) -> None:
    steps = {"none": (), "add": (True,), "remove": (False,), "add-remove": (True, False),
             "forget": (False, None)}[decision]
    for assigned in steps:
        topics.set_manual(session, thread, topic, assigned)
        session.flush()


def _tags(thread: int, chosen: tuple[str, ...], score: float) -> ThreadTags:
    # A topic twice in one verdict: stored twice, carried once.
    return ThreadTags(thread, tuple(TopicTag(t, score) for t in (*chosen, *chosen[:1])))


def test_the_report_is_what_reading_the_topics_again_gives(engine: Engine) -> None:
    cases = list(product(DECISIONS, (False, True), (False, True)))  # decision, old, new
    with Session(engine) as session:
        _list_id, threads, _messages = threads_and_messages(session, len(cases) + 1)
        first: list[ThreadTags] = []
        second: list[ThreadTags] = []
        for thread, (decision, old, new) in zip(threads, cases, strict=False):
            # Each thread's case on its first topic; the others tagged as the case says too.
            first.append(_tags(thread, TOPICS if old else TOPICS[1:2], 0.5))
            second.append(_tags(thread, TOPICS if new else (), 0.7))
            _decide(session, thread, TOPICS[0], decision)
        save_tags(session, first)
        ids = [result.thread_id for result in second]
        before = topics.effective_topics(session, ids)
        report = save_tags(session, [*second, ThreadTags(threads[-1], ())])
        after = topics.effective_topics(session, ids)
        added: Counter[str] = Counter()
        removed: Counter[str] = Counter()
        for thread in ids:
            old_topics, new_topics = set(before.get(thread, ())), set(after.get(thread, ()))
            added.update(new_topics - old_topics)
            removed.update(old_topics - new_topics)
        assert (report.added, report.removed, report.threads) == (added, removed, len(cases) + 1)
        assert added and removed
