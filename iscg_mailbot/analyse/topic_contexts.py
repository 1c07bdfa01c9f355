"""Negative contexts: a phrase that is not counted when certain words stand next to it
(``not_near:`` in topics.yaml, and for a body of itu_bodies.yaml). "index" next to "documents", "papers" or "folder" is a
list of a group's documents ("the index of ISCG documents is updated"), not a statistical
index; without them it is still read as one (issue 13, tk-r20: `w12`, `w13`, `w14`,
`w18`, `w20` label no statistics in such threads). Read by both scorers
(:mod:`topic_scoring`, :mod:`topics`).

The words are looked for within ``CONTEXT_CHARS`` characters on either side of the
phrase and in its paragraph only (the phrase finder's texts separate paragraphs, and the
texts of a group, by a blank line), so the cost per hit is bounded whatever the mail's
length::

    >>> near = context_pattern(("document", "paper"))
    >>> text = "The index of 2027 ISCG documents is updated."
    >>> in_context(text, 4, 9, near)
    True
    >>> in_context("The index fell in 2026.\\n\\nSee the documents.", 4, 9, near)
    False
    >>> in_context("batteries stolen from base stations", 23, 35, context_pattern(["battery"]))
    True
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

# How far from a phrase its context words are looked for: a few words either side
# ("the index of 2027 ISCG documents", "ISCG papers - the index is refreshed").
CONTEXT_CHARS = 40
PARAGRAPH = "\n\n"


@lru_cache(maxsize=256)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words in any case, with their plural ("document", "documents", "battery",
    # "batteries"); a phrase of several words matches with any white space or hyphen
    # between them.
    forms = "|".join(r"[\s-]+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<!\w)(?:{forms})(?:e?s)?(?!\w)|(?<!\w)(?:{_ies(words)})(?!\w)",
                      re.IGNORECASE)


def _ies(words: tuple[str, ...]) -> str:
    """The plurals in "-ies" of the words ending in "y" ("batteries"), or a pattern
    that matches nothing."""
    plurals = [re.escape(word[:-1]) + "ies" for word in words
               if word.endswith("y") and " " not in word]
    return "|".join(plurals) or "(?!)"


def context_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """The pattern of a phrase's ``not_near`` words, or None when it has none."""
    cleaned = tuple(sorted({" ".join(word.split()) for word in words if word.strip()}))
    return _compiled(cleaned) if cleaned else None


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """Where context words of ``text[start:end]`` are looked for: CONTEXT_CHARS
    characters either side, within its paragraph."""
    low = max(0, start - CONTEXT_CHARS)
    before = text.rfind(PARAGRAPH, low, start)
    if before >= 0:
        low = before + len(PARAGRAPH)
    high = min(len(text), end + CONTEXT_CHARS)
    after = text.find(PARAGRAPH, end, high)
    return low, (after if after >= 0 else high)


def in_context(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """Whether one of ``pattern``'s words is within CONTEXT_CHARS characters of
    ``text[start:end]``, in the same paragraph."""
    low, high = _window(text, start, end)
    # Searched in place (no slices): the word boundaries see the characters around.
    return (pattern.search(text, low, start) is not None
            or pattern.search(text, end, high) is not None)


def context_word(text: str, start: int, end: int, pattern: re.Pattern[str]) -> str:
    """The word of ``pattern`` that puts ``text[start:end]`` in context, as written
    (:func:`in_context`), or "" when there is none: ``topics explain`` names it.

    >>> context_word("The index of ISCG documents", 4, 9, context_pattern(["document"]))
    'documents'
    """
    low, high = _window(text, start, end)
    match = pattern.search(text, low, start) or pattern.search(text, end, high)
    return "" if match is None else match.group()


def context_note(topic: str, form: str, where: str, word: str) -> str:
    """What ``topics explain`` says of a phrase left out for its context ``word``."""
    return (f"{topic}: {form!r} ({where}) stands next to {word!r}, one of its not_near "
            "words, not counted")


def body_left_out(topic: str, body: str, read: tuple[str, str], form: str, at: int | None,
                  context: re.Pattern[str] | None) -> str:
    """Why a mention of an ITU body (``body``: "ITU body ITU-T SG11"), written ``form``
    at ``at`` in the text of ``read`` (its text and where it is), is left out for
    ``topic``, for ``topics explain`` ("" when it is not): one of the body's
    ``not_near`` words (``context``) next to it ("SG11" next to "SS7" is signalling
    security, not testing). A mention whose place is not known (``at`` None) counts."""
    text, where = read
    word = "" if context is None or at is None else context_word(text, at, at + len(form),
                                                                 context)
    return (f"{topic}: {body} ({form!r}, {where}) stands next to {word!r}, one of the "
            "body's not_near words, not counted") if word else ""


@dataclass(frozen=True)
class Negations:
    """The cues of ``scoring.negated_by``: their pattern (a cue, white space on the
    same line, an article allowed after it) and the cues' first words, lower-cased,
    looked for first in lower, title or upper case (a search for "not" costs a
    fraction of a regular expression's pass over the text)."""

    pattern: re.Pattern[str]
    first_words: tuple[str, ...]


def negation_pattern(cues: Sequence[str]) -> Negations | None:
    """The cues of ``scoring.negated_by`` (None when empty), for :func:`negated_starts`.

    >>> cue = negation_pattern(["nothing to do with", "not"])
    >>> sorted(negated_starts("It is nothing to do with machine learning", cue))
    [25]
    >>> sorted(negated_starts("This is NOT the ICT Development Index", cue))
    [12, 16]
    >>> sorted(negated_starts("This is not\\n\\nthe index; cannot say", cue))
    []
    """
    cleaned = sorted({" ".join(cue.split()) for cue in cues if cue.strip()}, key=len,
                     reverse=True)
    if not cleaned:
        return None
    forms = "|".join(_SPACE.join(map(re.escape, cue.split())) for cue in cleaned)
    pattern = re.compile(rf"(?<!\w)(?:{forms})({_SPACE})((?:the|a|an|any){_SPACE})?",
                         re.IGNORECASE)
    return Negations(pattern, tuple(sorted({cue.split()[0].lower() for cue in cleaned})))


# White space within a line: the phrase finder's texts hold their paragraphs on one
# line each, a blank line apart (and the texts of a group too): a cue ending one
# paragraph never negates the next.
_SPACE = r"[^\S\n]+"


def negated_starts(text: str, negations: Negations) -> set[int]:
    """Where in ``text`` a phrase would start that a negation cue negates: right after
    the cue, or after the article that follows it. One pass over the text per cue's
    first word, so each hit then costs a set lookup ("Not only the index" negates
    nothing: "only" is no article, and no phrase starts at "only")."""
    starts: set[int] = set()
    for word in negations.first_words:
        # "not", "Not", "NOT": each occurrence is read on its own, so a text gives the
        # same answer alone or joined to others (the fast path's groups).
        for form in {word, word.capitalize(), word.upper()}:
            at = text.find(form)
            while at >= 0:
                match = negations.pattern.match(text, at)
                if match is not None:
                    starts.add(match.end(1))
                    if match.group(2):
                        starts.add(match.end())
                at = text.find(form, at + 1)
    return starts


def negation_note(topic: str, form: str, where: str) -> str:
    """What ``topics explain`` says of a phrase left out as negated."""
    return f"{topic}: {form!r} ({where}) is negated ('not the ...'), not counted"


def left_out(topic: str, text: str, where: str, span: tuple[int, int],
             context: re.Pattern[str] | None, negated_at: Collection[int]) -> str:
    """Why the hit ``text[span[0]:span[1]]`` of ``topic`` is left out for its context,
    for ``topics explain`` ("" when it is not): one of its ``not_near`` words
    (``context``) next to it, or a ``negated_by`` cue right before it (it starts at
    one of ``negated_at``: :func:`negated_starts`)."""
    start, end = span
    word = "" if context is None else context_word(text, start, end, context)
    if word:
        return context_note(topic, text[start:end], where, word)
    if start in negated_at:
        return negation_note(topic, text[start:end], where)
    return ""


def out_of_place(topic: str, text: str, where: str, span: tuple[int, int],
                 near: re.Pattern[str] | None, outside_subject: bool) -> str:
    """Why the hit ``text[span[0]:span[1]]`` of ``topic`` is left out for want of its
    place, for ``topics explain`` ("" when it is not): a ``subject_only`` phrase read
    outside the subject (``outside_subject``), or none of its ``only_near`` words
    (``near``) next to it. Such a hit, like one out of context, still hides its topic's
    phrases inside it."""
    start, end = span
    if outside_subject:
        return f"{topic}: {text[start:end]!r} ({where}) counts in the subject only"
    if near is not None and not in_context(text, start, end, near):
        return (f"{topic}: {text[start:end]!r} ({where}) stands next to none of its "
                "only_near words, not counted")
    return ""


def misplaced(rule: tuple[re.Pattern[str] | None, bool], text: str, first: int, last: int,
              in_message: int) -> bool:
    """:func:`out_of_place` for the tagger's fast path, without its note: whether a hit of
    a phrase with ``rule`` (its ``only_near`` pattern, whether it is ``subject_only``) at
    ``text[first:last]`` is out of its place (``in_message``: it is not in the subject)."""
    near, subject_only = rule
    return bool(subject_only and in_message) or (
        near is not None and not in_context(text, first, last, near))
