"""One reply's aside: a topic that only one answer in a thread names.

A thread is about what its subject and its opening message say; a reply that names
another subject in passing ("our SG17 colleagues also looked at security", "the
webinar on this is next week") does not make the thread about it. With ``scoring:
reply_asides: true`` in ``topics.yaml``, a topic that the subject does not name and
whose evidence all comes from one message other than the thread's first is such an
aside, and is not tagged next to a topic the thread is about (issue 13, round 12: the
dev parts of ``w1``, ``w8``, ``w10`` and ``w13`` tagged IMT, e-health, IoT and events
from one reply's words).

Both the plain rule (:mod:`iscg_mailbot.analyse.topic_scoring`) and the tagger's fast
path (:mod:`iscg_mailbot.analyse.topics`) call :func:`reply_asides` with the message
positions each topic was found in, so both give the same verdict.

    >>> sorted(reply_asides({"imt", "ai"}, set(), {"ai": {0, 1}, "imt": {2}}))
    ['imt']
    >>> sorted(reply_asides({"imt", "ai"}, {"imt"}, {"ai": {0}, "imt": {2}}))
    []
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

# The position of the thread's first message among the texts the tagger reads.
FIRST_MESSAGE = 0


def reply_asides(shown: Collection[str], in_subject: Collection[str],
                 reached: Mapping[str, Collection[int]]) -> set[str]:
    """The topics of ``shown`` that are one reply's aside: not in the subject
    (``in_subject``: the topics the subject gives points), found in exactly one message
    (``reached``: per topic, the positions of the messages giving it points, the first
    message being 0) and that message not the first. None when every topic shown is an
    aside: then nothing says what else the thread is about."""
    asides = {topic for topic in shown
              if topic not in in_subject and len(reached.get(topic, ())) == 1
              and FIRST_MESSAGE not in reached[topic]}
    return asides if len(asides) < len(shown) else set()


def aside_note(topic_messages: Collection[int]) -> str:
    """What ``topics explain`` says of a reply's aside."""
    [position] = topic_messages
    return f"passing mention: only message {position + 1} names it, not the subject"


def by_topic(reached: Iterable[tuple[str, int]]) -> dict[str, set[int]]:
    """(topic, message position) pairs, as the tagger's fast path keeps them, grouped
    per topic as :func:`reply_asides` takes them."""
    messages: dict[str, set[int]] = {}
    for topic, message in reached:
        messages.setdefault(topic, set()).add(message)
    return messages
