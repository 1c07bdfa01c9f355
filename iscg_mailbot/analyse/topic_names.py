"""A weak phrase inside another topic's name belongs to that name.

"index" is weak evidence of ICT statistics, but the "index" of "Global Cybersecurity
Index" is the name of a cybersecurity index; "Council Working Group" is governance, but
the "Council Working Group on Child Online Protection" (and "CWG-COP") is named after
child online protection. Both scorers (:mod:`iscg_mailbot.analyse.topic_scoring` and the
tagger's fast path) ask :func:`in_other_name` of each weak phrase they find, when the
topic list's ``scoring.weak_in_names`` is on. A weak phrase belongs to a name when

- a longer phrase of another topic holds it ("Global Cybersecurity Index"), or
- it is capitalised, heads a name, and the name goes on with "on", "for", "of" or a
  hyphen straight into a capitalised phrase of another topic ("Council Working Group
  on Child Online Protection", "CWG-COP").

A weak phrase that only qualifies another topic's word ("AI Workshop", "satellite
phones") stays its own: the name is about it.

    >>> in_other_name("the Global Cybersecurity Index", 23, 28, [(4, 28)])
    True
    >>> in_other_name("Council Working Group on Child Online Protection", 0, 21, [(25, 48)])
    True
    >>> in_other_name("AI Workshop", 0, 2, [(3, 11)])
    False
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What joins the head of a name to what it is named after: "Group on Child ...",
# "Index of the ...", "CWG-COP".
COMPLEMENT = re.compile(r"(?: (?:on|for|of)(?: the)? |-)")
# How far from a weak phrase another phrase can start and still hold it or complete
# its name: longer than any phrase of a topic list as a mail spells it.
REACH = 120


def in_other_name(text: str, first: int, last: int, others: Iterable[tuple[int, int]]) -> bool:
    """Whether the weak phrase at ``text[first:last]`` belongs to the name of another
    topic, ``others`` being where that topic's (not weak, not negative) phrases are."""
    complement = COMPLEMENT.match(text, last) if text[first:first + 1].isupper() else None
    named_after = complement.end() if complement else -1
    for start, end in others:
        if start <= first and last <= end and end - start > last - first:
            return True
        if start == named_after and text[start:start + 1].isupper():
            return True
    return False


def in_other_name_at(text: str, hits: list[tuple[str, int, int, int]], position: int,
                     topic: int, strong_topic: dict[str, int]) -> bool:
    """:func:`in_other_name` for ``hits[position]`` of a group of texts (the phrase
    finder's (key, text index, first, last), in text order, the longest first at a
    tie) of topic ``topic``; ``strong_topic`` gives the topic of each key that is
    neither weak nor negative. Only the hits that can answer are looked at, without
    building a list: one that holds it comes before it and starts at most REACH
    characters earlier; one that completes its name starts just after the joint."""
    first, last = hits[position][2], hits[position][3]
    index = position - 1
    while index >= 0 and hits[index][2] >= first - REACH:
        key, _, start, end = hits[index]
        if end >= last and end - start > last - first and strong_topic.get(key, topic) != topic:
            return True
        index -= 1
    complement = COMPLEMENT.match(text, last) if text[first:first + 1].isupper() else None
    if complement is None:
        return False
    joint = complement.end()
    index = position + 1
    while index < len(hits) and hits[index][2] <= joint:
        key, _, start, _ = hits[index]
        if (start == joint and text[start:start + 1].isupper()
                and strong_topic.get(key, topic) != topic):
            return True
        index += 1
    return False


def distinct_names(phrases: Iterable[str]) -> int:
    """How many different names a set of weak phrases holds: an acronym that spells the
    initials of another phrase of the set is that phrase's name again.

    >>> distinct_names(["health", "clinic"]), distinct_names(["CWG", "Council Working Group"])
    (2, 1)
    """
    found = set(phrases)
    initials = {"".join(word[0] for word in phrase.split()).upper()
                for phrase in found if " " in phrase}
    return sum(1 for phrase in found if phrase not in initials)
