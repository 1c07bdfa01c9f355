"""How the tagger's fast path (:class:`~iscg_mailbot.analyse.topics.TopicTagger`) lays
out a batch of threads for the phrase finder: every text that is read, in order, with
where it comes from (split from :mod:`topics` for its length).

    >>> from iscg_mailbot.records import ThreadText
    >>> layout([ThreadText(1, "Subject", ("first", " ", "second")), ThreadText(2, "", ("x",))])
    ([(0, 0), (0, 1), (0, 1), (1, 1)], [-1, 0, 1, 0], ['Subject', 'first', 'second', 'x'])
"""

from __future__ import annotations

from collections.abc import Sequence

from iscg_mailbot.records import ThreadText


def layout(threads: Sequence[ThreadText]) -> tuple[list[tuple[int, int]], list[int], list[str]]:
    """The texts of ``threads`` that are read (blank ones skipped), in order, with for
    each text i ``places[i]``: (thread index, 0 for the subject or 1 for a message text)
    and ``messages[i]``: its position among the thread's message texts (-1: the
    subject)."""
    places: list[tuple[int, int]] = []
    messages: list[int] = []
    texts: list[str] = []
    for index, thread in enumerate(threads):
        if thread.subject and not thread.subject.isspace():
            places.append((index, 0))
            messages.append(-1)
            texts.append(thread.subject)
        read = [text for text in thread.texts if text and not text.isspace()]
        places += [(index, 1)] * len(read)
        messages += range(len(read))
        texts += read
    return places, messages, texts
