"""The common words the topic suggestions and the duplication watch leave out; the
tokenizer's searches answered without their patterns for plain ASCII words; the lexical
attributes computed for new words (only those read)."""

from __future__ import annotations

import itertools
import re
import string
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IDS, NORM

from iscg_mailbot.analyse.entities import entity_patterns
from iscg_mailbot.analyse.lemma_keys import LemmaKeys, common_words
from iscg_mailbot.analyse.nlp_pipeline import (
    READ_ATTRIBUTES,
    build_pipeline,
    common_words_from_tables,
)

IDS_BY_VALUE = {value: name for name, value in IDS.items()}


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


# -- the lexical attributes computed for new words: only those read ----------------------


def _full_attributes_pipeline() -> Any:
    """The pipeline as it was, computing every lexical attribute spaCy's English has."""
    nlp = build_pipeline()
    nlp.vocab.lex_attr_getters = {**spacy.blank("en").vocab.lex_attr_getters,
                                  NORM: LemmaKeys.load()}
    return nlp


_READ = [IDS_BY_VALUE[attr] for attr in READ_ATTRIBUTES]


def test_new_words_get_no_attribute_nothing_reads() -> None:
    """A word first seen after the pipeline is built gets its lower case, lemma key and
    the flags the patterns read, and no shape or number test (spaCy's English computes
    them all: "Xxxxx", "dd,ddd")."""
    nlp, full = build_pipeline(), _full_attributes_pipeline()
    for word in ("Quuxifying", "12,345", "https://x.example/a"):
        ours, theirs = nlp.vocab[word], full.vocab[word]
        assert (ours.shape_, ours.like_num, ours.like_url, ours.suffix_) == ("", False, False, "")
        assert theirs.shape_ != ""
        assert [ours.vocab.strings[ours.lower], ours.norm_, ours.is_alpha, ours.is_digit,
                ours.is_stop] == [theirs.lower_, theirs.norm_, theirs.is_alpha,
                                  theirs.is_digit, theirs.is_stop]
    assert nlp.vocab.lang == "en"


@cache
def _both_pipelines() -> tuple[Any, Any]:
    return build_pipeline(), _full_attributes_pipeline()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "Word", "WORD", "word", "the", "THE", "5G", "12", "1,234", "two", "e-mail", "I'm",
    "x@y.org", "www.itu.int", " ", "\n\n", "\u00a0", "Rev.", "(", "'", "’s", "Ünïcode",
    "SG17", "-", "TD409", "co-operation", "https://a.b/c", "—", "$", "\t", "é",
]), max_size=14).map(" ".join))
def test_the_attributes_read_are_those_of_every_attribute_computed(text: str) -> None:
    """Token by token, each attribute the pipeline's patterns and code read (LOWER, NORM,
    the flags) is what a pipeline computing every attribute gives."""
    ours, full = _both_pipelines()
    attrs = list(READ_ATTRIBUTES)
    assert ours(text).to_array(attrs).tolist() == full(text).to_array(attrs).tolist()


def _token_pattern_attributes(pattern: Any) -> set[str]:
    return {key for token in pattern for key in token if key != "OP"}


def test_the_patterns_read_only_attributes_computed() -> None:
    """Every attribute an entity token pattern or the shared PhraseMatcher matches on is
    one the vocabulary computes (or a token's own text): a pattern on another (SHAPE,
    LIKE_NUM) would silently never match."""
    used = {"NORM"}  # SharedMatchers' PhraseMatcher
    for pattern in entity_patterns():
        if isinstance(pattern["pattern"], list):
            used |= _token_pattern_attributes(pattern["pattern"])
    assert used - {"ORTH", "TEXT"} <= set(_READ)
    assert "LOWER" in used and "IS_DIGIT" in used


# An attribute read in code ("token.is_punct", "doc[0].shape_"), not a method called.
_ATTRIBUTE_READ = re.compile(r"\.([a-z_]+)\b(?!\()")


def test_the_code_reads_only_attributes_computed() -> None:
    """The modules that hold spaCy tokens read no lexical attribute the vocabulary leaves
    unset (a token's ``whitespace_`` is its own, not its word's)."""
    lexical = {IDS_BY_VALUE[attr].lower() for attr in spacy.blank("en").vocab.lex_attr_getters}
    package = Path(build_pipeline.__code__.co_filename).parent
    read = set()
    for source in sorted(package.glob("nlp*.py")) + sorted(package.glob("topic*.py")):
        names = _ATTRIBUTE_READ.findall(source.read_text(encoding="utf-8"))
        read |= {name.rstrip("_") for name in names} & lexical
    assert {"is_alpha", "is_space", "is_stop", "is_upper", "norm"} <= read
    assert read <= {name.lower() for name in _READ}
