"""A topic a document counts: in a thread whose subject names a document the group
drafts -- a report, a work plan, an operational plan ("Council 2035 report on Sector
cooperation - one paragraph per Bureau", "ISCG work plan July-December - please confirm
your lines") -- and not the topic, the topic's words in the messages are what the
document counts or lists ("the number of joint workshops held in 2033", "line 5, the two
AI workshops", "events and webinars now counted separately"), not what the thread is
about. The writers of the evaluation set label such threads governance and not events
(issue 13, tk-r25: the six dev threads of `w29`, `w30`, `w34`, `w35` so tagged were all
false; none labelled events lost). The words are a topic's ``counted_in`` in
topics.yaml (whole words, any case, as :class:`.topic_personal.SubjectWords` reads them);
a meeting's record (:mod:`topic_records`) is about each of its items, and is left alone.
Both scorers ask :func:`leave_out` of a verdict.

    >>> documents = CountedIn({"events": ["report", "work plan"]})
    >>> documents.left_out("ISCG work plan 2034 - your lines", ["events", "ai"])
    {'events': 'work plan'}
    >>> documents.left_out("Joint events 2027 - lists for the report", [])
    {}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from iscg_mailbot.analyse.topic_personal import SubjectWords
from iscg_mailbot.records import ThreadTags, TopicTag

SUBJECT = "subject"


class CountedIn:
    """Per topic, the documents whose content it is when the subject names one."""

    def __init__(self, documents: Mapping[str, Iterable[str]]) -> None:
        self._words = {topic: SubjectWords(words) for topic, words in documents.items()
                       if words}

    def __bool__(self) -> bool:
        return bool(self._words)

    def left_out(self, subject: str, topics: Iterable[str]) -> dict[str, str]:
        """Of ``topics`` (tagged, the subject giving them no points), those whose
        document the subject names, with the word it names it by."""
        found: dict[str, str] = {}
        for topic in topics:
            words = self._words.get(topic)
            word = words.named_in(subject) if words is not None else None
            if word is not None:
                found[topic] = word
        return found


def counted_note(word: str) -> str:
    """What ``topics explain`` says of a topic left out."""
    return (f"the subject names a document ({word!r}) the messages name it in: what it "
            "counts or lists, not what the thread is about")


def leave_out(tags: list[TopicTag], rejected: list[TopicTag], subject: str,
              counted: CountedIn) -> tuple[list[TopicTag], list[TopicTag]]:
    """The tags and rejected topics of a thread after :class:`CountedIn`: a topic the
    subject gives no points, whose document the subject names, moves to the rejected
    with a note."""
    if not counted or not tags:
        return tags, rejected
    left = counted.left_out(subject, [tag.topic for tag in tags if not any(
        item.where == SUBJECT and item.points > 0 for item in tag.evidence)])
    if not left:
        return tags, rejected
    return ([tag for tag in tags if tag.topic not in left],
            rejected + [replace(tag, passing=counted_note(left[tag.topic]))
                        for tag in tags if tag.topic in left])


def without_counted(verdict: ThreadTags, subject: str, counted: CountedIn) -> ThreadTags:
    """A verdict of the fast path after :func:`leave_out` (rejected by score)."""
    tags, rejected = leave_out(list(verdict.tags), list(verdict.rejected), subject, counted)
    if len(tags) == len(verdict.tags):
        return verdict
    return replace(verdict, tags=tuple(tags),
                   rejected=tuple(sorted(rejected, key=lambda tag: -tag.score)))
