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
    pairs = []
    for quoted, answered in blocks:
        said = split_new_text("\n".join(answered))[0].strip() if answered else ""
        if quoted and said:
            pairs.append((" ".join(q.strip() for q in quoted if q.strip()), said))
    return pairs if len(pairs) >= 2 else []


def quoted_at(sentence: str, quotes: Sequence[str]) -> int | None:
    """Which of ``quotes`` quotes an item's sentence (whole, or trimmed to at least a
    few words of it in a row): the one quoting most of it; None when none does."""
    words = [w.casefold() for w in _WORD.findall(sentence)][:_MAX_WORDS]
    best, found = 0, None
    for index, quote in enumerate(quotes):
        quoted = [w.casefold() for w in _WORD.findall(quote)][:_MAX_WORDS]
        if len(quoted) < _MIN_WORDS or not words:
            continue
        run = SequenceMatcher(None, words, quoted, autojunk=False).find_longest_match(
            0, len(words), 0, len(quoted)).size
        if run >= min(_RUN, len(quoted), len(words)) and run > best:
            best, found = run, index
    return found
