"""Evidence by role: an ITU body named as a party to a liaison is not evidence of its
topics. "LS from ITU-T SG17 on age assurance", "liaisons from WP 5D should always go
in", "copied to WP 5D", "For information to: ITU-R WP 5D" say who sent or receives a
text, not what the thread is about; the thread's own words say that (issue 13, topics
round 10: `w4-015`, `w7-022`, `w9-011`). A body whose work the thread discusses ("SG17
has agreed a new work item on ...") still counts. Read by both scorers (:mod:`topic_scoring`, :mod:`topics`) with the scoring
setting ``bodies_as_parties_count: false``.

So is a body named in a message for its meeting: "before the SG16 meeting in April", "on
the agenda of the Q28/16 e-meeting", "Deadline: 15 September (next meeting of ITU-D SG2
rapporteur group Q1/2)" say when something is due or discussed, the occasion, not the
work the thread is about (issue 13, tk-r17: `w14-013`, `w16-001` were tagged IoT and
e-health from a liaison's meeting dates). A subject naming a body's meeting ("ITU-D Q6/2
meeting report") says the thread is about that meeting's work."""

from __future__ import annotations

import re

# How far before a body's name its role is looked for: "liaison statements from the
# ITU-R " is 37 characters; a "For information to:" field names a few bodies.
_WINDOW = 80
# A liaison (or a reply) from or to the body, or a text copied, addressed, sent or
# forwarded to it, right before its name (an optional "the" and Sector between).
_PARTY_BEFORE = re.compile(
    r"\b(?:(?:LSs?|liaisons?|liaison\s+statements?|repl(?:y|ies))\s+(?:from|to)"
    r"|(?:copied|cop(?:y|ies)|addressed|sent|forwarded)\s+to)"
    r"\s+(?:the\s+)?(?:ITU-[RTD]\s+)?$",
    re.IGNORECASE,
)

# A copy or an information addressee of a forwarded liaison's header: "Cc: ITU-R WP 5D
# secretariat", "For information to: ITU-T SG17, ITU-D SG2", "For: Action - ITU-R
# WP 5A; information - ITU-T SG17" (the action addressee is left: its mandate is most
# often what the liaison asks about). The field runs to the next colon or full stop.
_FOR_INFORMATION = re.compile(
    r"\b(?:cc|bcc|copie|copia|for\s+information(?:\s+to)?|information(?:\s+to)?)"
    r"\s*[:\-]\s*[^:.;?!]{0,60}$",
    re.IGNORECASE,
)


# The body's meeting, right after its name ("SG17 meeting", "Q28/16 e-meeting", "WP 5D
# meetings"), or a meeting "of" it right before ("next meeting of ITU-D SG2 rapporteur
# group Q1/2", "the e-meeting of Question 9/5").
_MEETING_AFTER = re.compile(r"[ \t]+(?:e-?)?meetings?\b", re.IGNORECASE)
_MEETING_BEFORE = re.compile(
    r"\b(?:e-?)?meetings?\s+of\s+(?:the\s+)?(?:ITU-[RTD]\s+)?"
    r"(?:(?:SG|Study\s+Group)\s?\d+\s+)?(?:rapporteur\s+group\s+)?$",
    re.IGNORECASE,
)


def named_in_role(text: str, start: int, end: int, floor: int = 0,
                  message: bool = True) -> bool:
    """Whether the body named from ``start`` to ``end`` of ``text`` is named in a role
    that is no evidence of its topics: a party to a liaison (:func:`named_as_party`)
    or, in a ``message`` (not a subject), the meeting where something is due or
    discussed (:func:`named_for_meeting`). A subject naming a body's meeting ("Q6/2
    meeting report") says the thread is about that meeting's work.

    >>> named_in_role("before the SG16 meeting in April", 11, 15)
    True
    >>> named_in_role("ITU-D Q6/2 meeting report", 6, 10, message=False)
    False
    """
    return named_as_party(text, start, floor) or (
        message and named_for_meeting(text, start, end, floor))


def named_for_meeting(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the body named from ``start`` to ``end`` of ``text`` stands for its
    meeting; ``floor`` as for :func:`named_as_party`.

    >>> named_for_meeting("on the agenda of the Q28/16 e-meeting in March", 21, 27)
    True
    >>> text = "Deadline: 15 September (next meeting of ITU-D SG2 rapporteur group Q1/2)"
    >>> named_for_meeting(text, text.index("Q1/2"), text.index("Q1/2") + 4)
    True
    >>> named_for_meeting("SG17 has a draft on telematics security", 0, 4)
    False
    """
    return (_MEETING_AFTER.match(text, end) is not None
            or _MEETING_BEFORE.search(text, max(floor, start - _WINDOW), start) is not None)


def named_as_party(text: str, start: int, floor: int = 0) -> bool:
    """Whether the body named at ``start`` of ``text`` is named as the sender or a
    recipient of a liaison; ``floor`` is where the text starts in a joined group
    (the look-back never crosses into the text before).

    >>> named_as_party("FW: LS from ITU-T SG17 on age assurance", 12)
    True
    >>> named_as_party("Cc: ITU-R WP 5D secretariat", 10)
    True
    >>> named_as_party("SG17 has agreed a new work item", 0)
    False
    """
    begin = max(floor, start - _WINDOW)
    return (_PARTY_BEFORE.search(text, begin, start) is not None
            or _FOR_INFORMATION.search(text, begin, start) is not None)
