"""A thread whose subject says it is a personal note (a farewell, a retirement) has no
topic: the work its sender looks back on ("twelve years on quality of service") is not
what the thread is about. Every writer of the independent set labels such threads with
no topic (issue 13, round 5). The words are the topic list's
``scoring.personal_subjects``; both scorers ask :class:`PersonalNotes` of a subject.

    >>> PersonalNotes(["farewell", "retiring"]).named_in("Retiring at the end of December")
    'Retiring'
    >>> PersonalNotes(["farewell"]).named_in("Farewells and welcomes at TSAG") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class SubjectWords:
    """Words a subject may name, as one case-insensitive pattern of whole words; a word
    ending in " #" counts only before a number ("AP #": "AP 9/2029", not "the AP
    region"). The scoring's lists of subject words (``personal_subjects``,
    ``record_subjects``: :mod:`topic_records`) are each read by one.

        >>> SubjectWords(["AP #"]).named_in("Call 2 - AP 9/2029 to AP 15/2029")
        'AP 9'
    """

    def __init__(self, words: Iterable[str]) -> None:
        alternatives = sorted({" ".join(word.split()) for word in words if word.strip()},
                              key=len, reverse=True)
        body = "|".join(re.escape(word).replace(r"\ \#", r"\s*\d+").replace(r"\ ", r"\s+")
                        for word in alternatives)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def named_in(self, subject: str) -> str | None:
        """The word of the list the subject names, as written, or None."""
        if self._pattern is None or not subject:
            return None
        found = self._pattern.search(subject)
        return found.group(0) if found else None


class PersonalNotes(SubjectWords):
    """The words that make a subject a personal note."""


def personal_note(word: str) -> str:
    """What ``topics explain`` says of a topic rejected in a personal note."""
    return f"personal note: the subject says {word!r}, no topic"
