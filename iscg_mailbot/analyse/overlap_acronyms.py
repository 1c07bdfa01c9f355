"""Acronyms a thread spells out, for the duplication watch's text comparison
(:mod:`iscg_mailbot.analyse.overlap_text`).

One acronym often means two things on the list: "DPI" is digital public infrastructure
to BDT and deep packet inspection to ITU-T SG13, "D2D" direct-to-device satellite
service or device-to-device sidelinks, "DFS" digital financial services or dynamic
frequency selection. Compared as written, two threads using one acronym in two meanings
share their heaviest headline term. A thread that defines the acronym ("deep packet
inspection (DPI)", "DFS (dynamic frequency selection)") says which it means: the
comparison reads the acronym as those words, so two threads that spell it out alike still
share them and two that do not share nothing.

    >>> defined("SG13 agreed a new draft on device-to-device (D2D) sidelinks.")
    {'D2D': 'device-to-device'}
    >>> expand("D2D in IMT-2030", defined("Framework for device-to-device (D2D) links"))
    'device-to-device in IMT-2030'

Pure: strings in, strings out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

# An acronym: two to eight letters and digits, at least two of them capitals ("D2D",
# "QoS", "NETP"), as a whole word.
_ACRONYM = r"[A-Z][A-Za-z0-9]{1,7}"
# "words words (ACR)" and "ACR (words words)".
_AFTER = re.compile(rf"\((?P<acr>{_ACRONYM})\)")
_BEFORE = re.compile(rf"(?<![\w-])(?P<acr>{_ACRONYM})\s*\((?P<words>[^()]{{3,80}})\)")
# "ACR means words", "by ACR we mean words", "ACR = words", "ACR stands for words".
_MEANS = re.compile(rf"(?<![\w-])(?P<acr>{_ACRONYM})(?:,)?\s+(?:(?:we|I)\s+mean|means|"
                    rf"stands\s+for|refers\s+to|=)\s+(?P<rest>[^.;:()\n]{{3,100}})")
# How far before "(ACR)" its words may stand, in words: "Requirements for deep packet
# inspection in next generation networks" (DPI).
_REACH = 12
# Small words an expansion may hold without a letter in the acronym ("Internet of Things").
_SMALL = frozenset({"of", "and", "for", "the", "in", "on", "to", "a", "de", "des", "du",
                    "la", "et", "&"})
# Digits standing for words ("D2D", "B2B", "EW4All").
_DIGIT_WORDS = {"2": ("to", "two"), "4": ("for", "four")}
_WORD = re.compile(r"[\w&]+")


def _letters(acronym: str) -> list[str]:
    return [c.lower() for c in acronym if c.isalnum()]


def _fits(letter: str, word: str) -> bool:
    """Whether ``word`` can stand for ``letter`` of an acronym."""
    return word in _DIGIT_WORDS.get(letter, ()) or word[:1] == letter


def _spells(letters: list[str], words: list[str]) -> bool:
    """Whether ``words`` (in order, all of them) spell ``letters``: each word gives the
    next letter by its first letter, a small word may give none."""

    if len(letters) < 2:
        return False
    # Memoised by hand: a functools.cache made at each call cost more than the search.
    known: dict[tuple[int, int], bool] = {}

    def match(i: int, j: int) -> bool:
        found = known.get((i, j))
        if found is None:
            if j == len(words):
                found = i == len(letters)
            else:
                word = words[j]
                found = ((i < len(letters) and _fits(letters[i], word)
                          and match(i + 1, j + 1))
                         or (word in _SMALL and match(i, j + 1)))
            known[(i, j)] = found
        return found

    return match(0, 0)


def _parts(text: str) -> list[str]:
    """The words of ``text``, hyphenated ones in parts ("device-to-device": 3)."""
    return [w.lower() for w in _WORD.findall(text.replace("_", " "))]


def _run_spelling(text: str, acronym: str, *, last: bool) -> str | None:
    """A run of words of ``text`` (at most :data:`_REACH` words) spelling ``acronym``,
    as written: the one nearest the end when ``last``, else the one nearest the start."""
    letters = _letters(acronym)
    words = list(re.finditer(r"[\w&][\w&-]*", text))
    words = words[-_REACH:] if last else words[:_REACH]
    spans = [(i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    spans.sort(key=lambda s: (-s[1], s[1] - s[0]) if last else (s[0], s[1] - s[0]))
    for i, j in spans:
        phrase = text[words[i].start():words[j - 1].end()]
        parts = _parts(phrase)
        if (parts[0] not in _SMALL and parts[-1] not in _SMALL
                and _fits(letters[0], parts[0]) and _spells(letters, parts)):
            return phrase
    return None


def _sentence_before(text: str, end: int) -> str:
    """The text of the sentence (or line) that ends at ``end``."""
    start = max(text.rfind(". ", 0, end), text.rfind("\n\n", 0, end),
                text.rfind(": ", 0, end))
    return text[start + 1:end]


def defined(text: str) -> dict[str, str]:
    """The acronyms ``text`` spells out, each with its words as written (the first
    definition of each counts)."""
    found: dict[str, str] = {}
    for match in _AFTER.finditer(text):
        acronym = match.group("acr")
        if sum(c.isupper() for c in acronym) >= 2 and acronym not in found:
            words = _run_spelling(_sentence_before(text, match.start()), acronym,
                                  last=True)
            if words:
                found[acronym] = words
    for match in _BEFORE.finditer(text):
        acronym, words = match.group("acr"), match.group("words").strip()
        if (sum(c.isupper() for c in acronym) >= 2 and acronym not in found
                and _spells(_letters(acronym), _parts(words))):
            found[acronym] = words
    for match in _MEANS.finditer(text):
        acronym = match.group("acr")
        if sum(c.isupper() for c in acronym) >= 2 and acronym not in found:
            words = _run_spelling(match.group("rest"), acronym, last=False)
            if words and match.group("rest").startswith(words):
                found[acronym] = words
    return found


def expand(text: str, definitions: Mapping[str, str]) -> str:
    """``text`` with each acronym of ``definitions`` (as a whole word, in its case)
    replaced by its words."""
    if not definitions:
        return text
    alternatives = "|".join(re.escape(a) for a in sorted(definitions, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    return pattern.sub(lambda m: definitions[m.group(0)], text)


def spelled_out(subject: str, text: str,
                keep: Collection[str] = ()) -> tuple[str, str]:
    """A thread's subject and text with the acronyms it defines (in either) spelled out,
    but for those ``keep`` holds in lower case (the list's own names, "ISCG", "RAG":
    spelled out they would become words the comparison counts)."""
    definitions = {acronym: words for acronym, words in defined(subject + "\n" + text).items()
                   if acronym.lower() not in keep}
    return expand(subject, definitions), expand(text, definitions)


__all__ = ["defined", "expand", "spelled_out"]
