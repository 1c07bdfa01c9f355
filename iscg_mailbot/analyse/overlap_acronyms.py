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
from collections.abc import Callable, Collection, Iterator, Mapping

# An acronym: two to eight letters and digits, at least two of them capitals ("D2D",
# "QoS", "NETP"), as a whole word.
_ACRONYM = r"[A-Z][A-Za-z0-9]{1,7}"
# "words words (ACR)" and "ACR (words words)".
# As a whole word: not after a word character or a hyphen. The look-behind comes after
# the first capital (two characters back: the one before it), not before it: a pattern
# that starts with a character class lets the regex engine skip ahead to the next
# capital instead of trying the look-behind at every character (a thread's text is read
# three times; the same matches at a third of the cost).
_WHOLE_ACRONYM = r"[A-Z](?<![\w-].)[A-Za-z0-9]{1,7}"
_AFTER = re.compile(rf"\((?P<acr>{_ACRONYM})\)")
_BEFORE = re.compile(rf"(?P<acr>{_WHOLE_ACRONYM})\s*\((?P<words>[^()]{{3,80}})\)")
# "ACR means words", "by ACR we mean words", "ACR = words", "ACR stands for words".
_MEANS = re.compile(rf"(?P<acr>{_WHOLE_ACRONYM})(?:,)?\s+(?:(?:we|I)\s+mean|means|"
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
        parts = _parts(phrase)  # empty for a run of "_" alone ("DPI means DPI _")
        if (parts and parts[0] not in _SMALL and parts[-1] not in _SMALL
                and _fits(letters[0], parts[0]) and _spells(letters, parts)):
            return phrase
    return None


def _sentence_before(text: str, end: int) -> str:
    """The text of the sentence (or line) that ends at ``end``."""
    start = max(text.rfind(". ", 0, end), text.rfind("\n\n", 0, end),
                text.rfind(": ", 0, end))
    return text[start + 1:end]


def _capitals(acronym: str) -> bool:
    return sum(c.isupper() for c in acronym) >= 2


def _definitions(text: str, skip: Callable[[str], bool]) -> Iterator[tuple[str, str]]:
    """The definitions of acronyms in ``text`` (acronym, words as written), in the order
    :func:`defined` weighs them, but for acronyms ``skip`` says yes to (asked at each
    one met: :func:`defined` skips those it has found)."""
    for match in _AFTER.finditer(text):
        acronym = match.group("acr")
        if _capitals(acronym) and not skip(acronym):
            words = _run_spelling(_sentence_before(text, match.start()), acronym,
                                  last=True)
            if words:
                yield acronym, words
    for match in _BEFORE.finditer(text):
        acronym, words = match.group("acr"), match.group("words").strip()
        if (_capitals(acronym) and not skip(acronym)
                and _spells(_letters(acronym), _parts(words))):
            yield acronym, words
    for match in _MEANS.finditer(text):
        acronym = match.group("acr")
        if _capitals(acronym) and not skip(acronym):
            words = _run_spelling(match.group("rest"), acronym, last=False)
            if words and match.group("rest").startswith(words):
                yield acronym, words


def defined(text: str) -> dict[str, str]:
    """The acronyms ``text`` spells out, each with its words as written (the first
    definition of each counts)."""
    found: dict[str, str] = {}
    for acronym, words in _definitions(text, found.__contains__):
        found[acronym] = words
    return found


def defines_other(text: str, keep: Collection[str]) -> bool:
    """Whether ``text`` spells out an acronym that ``keep`` does not hold in lower case:
    ``any(a.lower() not in keep for a in defined(text))``, without spelling out the
    acronyms ``keep`` holds nor looking further than the first other one."""
    return next(_definitions(text, lambda acronym: acronym.lower() in keep), None) is not None


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


__all__ = ["defined", "defines_other", "expand", "spelled_out"]
