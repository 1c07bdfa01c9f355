"""The topics a thread is tagged with by both of the tagger's scorers, which must agree
(the topic rounds' minimal pairs)."""

from __future__ import annotations

from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.records import ThreadText


def tagged(tagger: TopicTagger, subject: str, *bodies: str) -> list[str]:
    """The topics both scorers give a thread (they must agree)."""
    thread = ThreadText(1, subject, bodies)
    [plain] = tagger.explain_threads([thread])
    [fast] = tagger.tag_threads([thread])
    assert [t.topic for t in fast.tags] == [t.topic for t in plain.tags]
    return sorted(tag.topic for tag in plain.tags)
