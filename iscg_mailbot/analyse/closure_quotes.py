"""A reply answering inline: which open item each answer is written under.

Netiquette trims the quote to the point answered and writes the answer below it, one
point after another::

    > Could you run the three files through both rigs?

    Yes, will do; the rig is booked for next week.

    > Is there any reason to keep producing untagged PDFs?

    None that I know of.

Each answer is about the item quoted above it: "None that I know of" answers the
question, and the acceptance under the request leaves the request open. Read apart, the
reply's whole text would answer both. :func:`inline_answers` finds the pairs of quote and
answer of a reply with two or more of them (one quote and one answer is any bottom-posted
reply: its whole new text is that answer); :func:`quoted_at` says which of the quotes
quotes an item's sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from iscg_mailbot.parse.quoting import split_new_text

_QUOTED = re.compile(r"[ \t]*>")
_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_WORD = re.compile(r"\w+")
# A quote shorter than this many words is no quote of an item ("> Thanks").
_MIN_WORDS = 3
# Of a longer quote, this many words in a row of the item's sentence pin it (a quote
# trimmed to "> report reading-order errors by 2031-02-21?").
_RUN = 5
# The words compared (a pasted document quoted whole is read no further).
_MAX_WORDS = 300


def inline_answers(body: str) -> list[tuple[str, str]]:
    """The ``(quote, answer)`` pairs of a body answering two or more quotes inline, in
    order (each answer without attribution lines or signature); ``[]`` otherwise.

    >>> inline_answers("> Can you come?\\n\\nYes.\\n\\n> And BR?\\n\\nNo.\\n")
    [('Can you come?', 'Yes.'), ('And BR?', 'No.')]
    """
    if ">" not in body:
        return []
    blocks: list[tuple[list[str], list[str]]] = []
    quote: list[str] = []
    answer: list[str] = []
    for line in body.split("\n"):
        if _QUOTED.match(line):
            if answer:
                blocks.append((quote, answer))
                quote, answer = [], []
            quote.append(_MARKS.sub("", line))
        elif quote or line.strip():
            answer.append(line)
    blocks.append((quote, answer))
    # Most replies quote once (bottom- or top-posted): fewer than two blocks with a
    # quote and a line of answer can make no two pairs, and the answers' quote split,
    # the costly part, is not needed.
    if sum(1 for quoted, answered in blocks
           if quoted and any(line.strip() for line in answered)) < 2:
        return []
    pairs = []
    for quoted, answered in blocks:
        if not quoted:
            # (the text above the first quote: no pair, so its answer's quote split,
            # the costly part, is not made)
            continue
        said = split_new_text("\n".join(answered))[0].strip() if answered else ""
        if said:
            pairs.append((" ".join(q.strip() for q in quoted if q.strip()), said))
    return pairs if len(pairs) >= 2 else []


def quoted_at(sentence: str, quotes: Sequence[str]) -> int | None:
    """Which of ``quotes`` quotes an item's sentence (whole, or trimmed to at least a
    few words of it in a row): the one quoting most of it; None when none does."""
    words = _words(sentence)
    if not words:
        return None
    best, found = 0, None
    for index, quote in enumerate(quotes):
        quoted = _words(quote)
        if len(quoted) < _MIN_WORDS:
            continue
        need = min(_RUN, len(quoted), len(words))
        # Most quotes share no run of ``need`` words with the sentence (a reply's
        # quotes against every open item of the thread): told apart by the sets of the
        # two texts' runs (each text's read once) before the longest common run is
        # measured, which is the costly part (it was ~30% of the analysis on the
        # generated corpus).
        if _runs(sentence, need).isdisjoint(_runs(quote, need)):
            continue  # the longest common run is shorter than ``need``
        run = SequenceMatcher(None, words, quoted, autojunk=False).find_longest_match(
            0, len(words), 0, len(quoted)).size
        if run > best:
            best, found = run, index
    return found


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` compared, at most ``_MAX_WORDS`` (a reply's quotes
    are compared with each open item of its thread: read once; a few hundred texts
    kept, so a long pasted quote is not held for the rest of an import)."""
    if text.isascii():  # (most mail) folded as a whole: the same words, the same case
        return tuple(_WORD.findall(text.lower())[:_MAX_WORDS])
    return tuple(w.casefold() for w in _WORD.findall(text)[:_MAX_WORDS])


@lru_cache(maxsize=512)
def _runs(text: str, need: int) -> frozenset[tuple[str, ...]]:
    """The runs of ``need`` words of ``text``'s :func:`_words` (a reply's quotes are
    compared with each open item of its thread, and an item with each reply: read once)."""
    words = _words(text)
    return frozenset(zip(*(words[i:] for i in range(need)), strict=False))
