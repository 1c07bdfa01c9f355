"""Silence procedures: a text, a date or a plan stands unless somebody objects by a day.

"If no objection is received by Friday 11 March, the text is considered approved",
"Unless somebody objects by the end of next week, I will consider v0.3 final", "If I hear
nothing by Friday, I will issue it", "If you have an objection, please say so by 14
November", "A new silence period applies to this change only, until 16 March": the
readers are given until a day to object. That is one item, owed by the list as a whole
(the list's convention ``requests_to_all`` says whether the ISCG or nobody), due that
day (`w24`, `w30`, `w32` label it so). It is not the sender's promise of what follows the
silence ("I will consider it final", "we will tell Web TV yes": `w30`-032, `w32`-018),
nor the secretariat's "will be submitted" (`w30`-011), and a question whether anyone
objects put with it ("Does anyone object? If I hear nothing by Friday, ...", `w30`-035)
is the same item. Without a day to object by ("In the absence of objection, the table
will be transmitted") the sentence stays what the rules read (`w19`-008).

    >>> from datetime import datetime
    >>> from iscg_mailbot.analyse.action_text import split_sentences
    >>> text = "Unless somebody objects by 30 June, we will tell Web TV yes."
    >>> item, = silence_items(split_sentences(text), datetime(2033, 6, 20))
    >>> item.owner, item.due.isoformat(), item.rule
    (None, '2033-06-30', 'silence')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from iscg_mailbot.analyse.action_dates import DueMention, find_dates, pick_due
from iscg_mailbot.analyse.action_text import Sentence
from iscg_mailbot.analyse.text_gates import GatedPattern
from iscg_mailbot.records import ActionCandidate
from iscg_mailbot.settings.action_rules import ACTION

SILENCE = "silence"

# The condition of the silence, each alternative a short run of words (linear): no
# objection received, somebody objecting, hearing nothing, an objection to be said, the
# silence period running until a day. Past and reported forms ("no objection was
# received", "the silence procedure is closed") name no condition still to come.
_SILENCE = GatedPattern(re.compile(
    r"\bif\s+(?:there\s+(?:is|are)\s+)?no\s+(?:\w+\s+)?objections?\b(?!\s+(?:was|were|had)\b)"
    r"|\bunless\s+(?:(?:some|any)(?:one|body)|a\s+member|we|I)\s+(?:\w+\s+)?(?:objects?|"
    r"hears?\s+otherwise|disagrees?)\b"
    r"|\bunless\s+(?:an\s+|any\s+)?objections?\s+(?:is|are)\b"
    r"|\bif\s+(?:I|we)\s+(?:hear|receive)\s+(?:nothing|no\s+objections?)\b"
    r"|\bif\s+you\s+(?:have|see)\s+(?:an|any)\s+objections?\b"
    r"|\bsilence\s+(?:period|procedure)\b(?:(?!\b(?:ran|ended|expired|closed|was|were|had)\b)"
    r"[^.;?]){0,60}?\b(?:until|till|ends?\s+on|"
    r"runs?\s+(?:until|till|to))\b",
    re.IGNORECASE), ("object", "hear", "silence"))

# "Does anyone object?", "Is anybody against?", "Any objections from your side?": asking
# whether anyone objects, which the silence put with it already asks.
_OBJECT_QUESTION = re.compile(
    r"^\W*(?:(?:does|do|would|will)\s+(?:any(?:one|body)|some(?:one|body)|you)\s+"
    r"(?:\w+\s+)?(?:object|disagree)|(?:is|are)\s+(?:any(?:one|body)|you)\s+(?:against|"
    r"opposed)|(?:are\s+there\s+|is\s+there\s+)?any\s+objections?)\b[^?]{0,60}\?$",
    re.IGNORECASE)


def silence_items(sentences: Sequence[Sentence], sent: datetime | None,
                  lowered: str | None = None) -> list[ActionCandidate]:
    """One item for each sentence that gives the readers until a day to object (see the
    module); ``lowered``: the folded text, when the caller has it."""
    if lowered is not None and not _SILENCE.may_match(lowered):
        return []
    items: list[ActionCandidate] = []
    for sentence in sentences:
        if _SILENCE.search(sentence.text) is None:
            continue
        due = _day_to_object_by(sentence.text, sent)
        if due is None:
            continue  # no day to object by: not a silence the list must keep track of
        items.append(ActionCandidate(
            kind=ACTION, sentence=sentence.text, span=(sentence.start, sentence.end),
            owner=None, owner_kind=None, due=due.value, due_text=due.text, confidence=0.8,
            rule=SILENCE))
    return items


def _day_to_object_by(text: str, sent: datetime | None) -> DueMention | None:
    """The sentence's deadline; failing one marked, its only day still to come (the
    silence runs "until 14:00 on Wednesday 16 March", a day with its hour that the
    rules read as when something is held; "the silence period for the text circulated
    on 20 February runs to 16 March": the day past is the text's)."""
    base = sent.date() if sent is not None else None
    mentions = find_dates(text, sent)
    due = pick_due(mentions, sent)
    if due is None:
        days = {m.value: m for m in mentions if m.value is not None and not m.opens
                and (base is None or m.value >= base)}
        due = next(iter(days.values())) if len(days) == 1 else None
    if due is None or due.value is None or (base is not None and due.value < base):
        return None
    return due


def is_silence(text: str) -> bool:
    """Whether a sentence puts a silence to its readers (the day aside)."""
    return _SILENCE.search(text) is not None


def with_silences(candidates: list[ActionCandidate],
                  silences: list[ActionCandidate]) -> list[ActionCandidate]:
    """The candidates with each silence item in place of what the rules read in its
    sentence (the sender's promise after the silence, a unit's "will be submitted"), in
    text order."""
    if not silences:
        return candidates
    kept = [c for c in candidates
            if not any(_overlap(c.span, s.span) for s in silences)]
    return sorted(kept + silences, key=lambda c: c.span[0])


def without_objection_questions(questions: list[ActionCandidate],
                                items: Sequence[ActionCandidate]) -> list[ActionCandidate]:
    """The questions less those asking whether anyone objects, when the message puts a
    silence to the readers (the silence is that question's item)."""
    if not any(i.rule == SILENCE for i in items):
        return questions
    return [q for q in questions if _OBJECT_QUESTION.search(q.sentence) is None]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


__all__ = ["SILENCE", "is_silence", "silence_items", "with_silences", "without_objection_questions"]
