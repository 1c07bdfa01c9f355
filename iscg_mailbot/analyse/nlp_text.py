"""Text as the phrase finder reads it: spelling variants of a phrase, hard-wrapped lines
joined, Unicode hyphens made plain (no spaCy here)."""

from __future__ import annotations

import itertools
import re

# Up to this many words, a phrase written with hyphens or spaces between its words is
# also matched with every mix of hyphen, space or nothing at each junction.
_MAX_VARIANT_WORDS = 4
_JUNCTION = re.compile(r"\s*[-‐‑–]\s*|\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Stands for a paragraph break while line breaks are made spaces: printable, so that
# str.isprintable() still tells whether other white space is left (a text containing
# one takes the general way).
_PILCROW = "\u00b6"
_MARKED_BREAK = f" {_PILCROW} "
# Unicode hyphens, which the tokenizer does not split on, read as "-" (one character
# for one, so offsets do not move); dashes between words match "-" too.
_HYPHENS = ("\u2010", "\u2011")
DASHES = frozenset({"\u2012", "\u2013"})


def spelling_variants(phrase: str) -> list[str]:
    """The spellings a phrase matches: each hyphen or space between words may be a
    hyphen, a space or nothing ("e-health" -> "e-health", "e health", "ehealth").

    >>> spelling_variants("cyber security")
    ['cyber security', 'cyber-security', 'cybersecurity']
    """
    words = [word for word in _JUNCTION.split(phrase.strip()) if word]
    if len(words) < 2:
        return [phrase.strip()]
    if len(words) > _MAX_VARIANT_WORDS:
        return list(dict.fromkeys([" ".join(words), "-".join(words)]))
    variants = []
    for joints in itertools.product((" ", "-", ""), repeat=len(words) - 1):
        text = words[0]
        for joint, word in zip(joints, words[1:], strict=True):
            text += joint + word
        variants.append(text)
    return list(dict.fromkeys(variants))


def plain_hyphens(text: str) -> str:
    """Unicode hyphens as "-", one character for one (offsets do not move)."""
    # str.translate looks every character up in a dict: ten times slower than this.
    for hyphen in _HYPHENS:
        if hyphen in text:
            text = text.replace(hyphen, "-")
    return text


def flatten_whitespace(text: str) -> str:
    """Join hard-wrapped lines: white space within a paragraph becomes one space and
    paragraphs are separated by one blank line. spaCy makes a token of a line break,
    so "screen\\nreaders" in a mail wrapped at 72 columns would otherwise never match
    "screen reader".

    >>> flatten_whitespace("screen\\n  readers\\n\\n\\nBR")
    'screen readers\\n\\nBR'
    """
    if "\n" not in text and "  " not in text and "\t" not in text:
        return text.strip()
    # Most mails hold wrapped lines and blank lines between paragraphs, and no other
    # white space: then making each line break a space is all it takes, a few passes
    # of C over the text instead of a string per word (flattening the sample archive
    # took a third less time). Other white space (none is printable: a tab, a
    # non-breaking space) or two side by side (they leave two spaces) take the
    # general way.
    flat = text.strip()
    spaced = flat.replace("\n\n", _MARKED_BREAK).replace("\n", " ")
    if "  " not in spaced and spaced.isprintable() and _PILCROW not in flat:
        return spaced.replace(_MARKED_BREAK, "\n\n")
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)



# A run of marks this long (no letter, digit or space) is no word: spaCy's tokenizer takes
# off one prefix or suffix at a time, each time copying the rest, so a run of 100,000
# "(" or ":" cost ~7 s a message (the square of its length). Read as a space instead.
_MARK_RUN = re.compile(r"[^\w\s]{100,}")


def matching_text(text: str) -> str:
    """A text as the phrase finder reads it (Unicode hyphens as "-", white space
    flattened, a run of 100 or more marks such as "((((" read as a space): the offsets of
    its hits and entities are offsets in this text.

    >>> matching_text("cyber\\u2011security\\n  matters")
    'cyber-security matters'
    >>> matching_text("e-waste " + ":" * 500 + " rules")
    'e-waste rules'
    """
    return flatten_whitespace(_MARK_RUN.sub(" ", plain_hyphens(text)))
