"""The common words the topic suggestions and the duplication watch leave out; the
tokenizer's searches answered without their patterns for plain ASCII words."""

from __future__ import annotations

import itertools
import string
import subprocess
import sys
from functools import cache
from typing import Any

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.lemma_keys import common_words
from iscg_mailbot.analyse.nlp_pipeline import build_pipeline, common_words_from_tables


@cache
def build_pipeline_once() -> Any:
    return build_pipeline()


@cache
def _plain_english() -> Any:
    """spaCy's English tokenizer with the pipeline's special cases ("5G,"), without the
    shortcuts."""
    nlp = spacy.blank("en")
    for generation in ("2G", "3G", "4G", "5G", "6G"):
        nlp.tokenizer.add_special_case(generation, [{"ORTH": generation}])
        nlp.tokenizer.add_special_case(f"{generation}.", [{"ORTH": generation}, {"ORTH": "."}])
    return nlp.tokenizer


def test_the_shipped_common_words_are_those_of_the_word_tables() -> None:
    """iscg_mailbot/data/common-words.txt is what the installed spacy-lookups-data gives:
    after an upgrade of it, regenerate the file (its header says how)."""
    assert common_words() == common_words_from_tables()
    assert {"give", "day", "dear", "thanks"} <= common_words()
    assert not {"spectrum", "cybersecurity", "liaison"} & common_words()


def test_reading_the_common_words_loads_no_probability_table() -> None:
    """Every analysis worker reads them: the million-word probability table (about a
    second of CPU) is read only to check the shipped list."""
    code = ("import sys; from iscg_mailbot.analyse.lemma_keys import common_words; "
            "words = common_words(); "
            "print(len(words) > 400, 'spacy_lookups_data' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "False"]


# -- the tokenizer's searches answered without their patterns for plain ASCII words -------

_LETTERS = string.ascii_letters
_LETTERS_DIGITS = string.ascii_letters + string.digits


def _spans(found: Any) -> Any:
    if found is None or hasattr(found, "span"):
        return found and found.span()
    return [match.span() for match in found]


def _short_strings(alphabet: str, longest: int) -> list[str]:
    return ["".join(chars) for size in range(1, longest + 1)
            for chars in itertools.product(alphabet, repeat=size)]


def test_plain_words_have_no_suffix_and_no_infix() -> None:
    """Every letter, digit and pair of them, and the triples of letters: what the
    patterns' look-behinds and look-aheads can see of a word."""
    tokenizer: Any = build_pipeline().tokenizer
    suffix, infix = tokenizer.suffix_search, tokenizer.infix_finditer
    for text in _short_strings(_LETTERS, 3):
        assert suffix.search(text) is None, text
    for text in _short_strings(_LETTERS_DIGITS, 2):
        assert list(infix.search(text)) == [], text


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"aZ09.-,'’:/()…$%_", "km", "5G", "é", "\u00a9", "s"]),
                max_size=12).map("".join))
def test_the_shortcuts_answer_as_the_patterns(text: str) -> None:
    tokenizer: Any = build_pipeline_once().tokenizer
    for shortcut in (tokenizer.suffix_search, tokenizer.infix_finditer):
        assert _spans(shortcut(text)) == _spans(shortcut.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=20))
def test_the_same_tokens_as_spacy_english(text: str) -> None:
    plain = _plain_english()
    ours = build_pipeline_once().tokenizer
    assert [t.text for t in ours(text)] == [t.text for t in plain(text)]
