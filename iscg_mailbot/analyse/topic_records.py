"""A thread whose subject names the record of a meeting -- its report, summary, minutes,
notes, decisions or action log ("Report of ISCG call 2/2032 - decisions and actions",
"Call 2/2029 - summary, AP 9/2029 to AP 15/2029", "Action log - consolidated status") --
is about each subject the meeting worked on: every item of the record is the group's
work, not a passing mention. Such a record names many topics in one message, which the
overview rule (:mod:`topic_overviews`) reads as a list of subjects named in passing, and
its shorter items fall under ``min_share`` of its longest one; the evaluation set's
writers label every topic the record's items are about (issue 13, tk-r24: `w15`, `w21`,
`w27`). So in such a thread no message is an overview and ``min_share`` does not apply;
the topic still needs its threshold, a weak phrase its second signal, and a reply's
aside is still an aside. The words are the topic list's ``scoring.record_subjects``
(whole words, any case); both scorers ask :class:`MeetingRecords` of a subject.

    >>> records = MeetingRecords(["action log", "report of", "minutes"])
    >>> records.named_in("Report of ISCG call 4/2032 (24 June) - decisions")
    'Report of'
    >>> records.named_in("Council 2027 - report on PP Resolution 191") is None
    True
"""

from __future__ import annotations

from iscg_mailbot.analyse.topic_personal import SubjectWords


class MeetingRecords(SubjectWords):
    """The words that make a subject a meeting's record (read as every list of subject
    words is: :class:`.topic_personal.SubjectWords`). A word ending in " #" counts only
    before a number: "AP #" is an action point ("AP 9/2029"), not the Asia-Pacific
    region ("the AP region").

        >>> MeetingRecords(["AP #"]).named_in("Call 2 - AP 9/2029 to AP 15/2029")
        'AP 9'
        >>> MeetingRecords(["AP #"]).named_in("Draft report on the AP region") is None
        True
    """


def record_note(word: str) -> str:
    """What ``topics explain`` says of a thread that is a meeting's record."""
    return (f"the subject names a meeting's record ({word!r}): no message is an overview "
            "and min_share does not apply, each item being the meeting's work")
