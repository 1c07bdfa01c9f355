"""The spaCy pipeline the tagger runs: blank English whose NORM is the lower-cased lemma
(see :mod:`iscg_mailbot.analyse.nlp` for why), and the word statistics ``topics suggest``
uses."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

import spacy
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_SPACE, IS_STOP, IS_UPPER, LANG, LOWER, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_language_data

from iscg_mailbot.analyse.lemma_keys import LemmaKeys
from iscg_mailbot.analyse.nlp_text import flatten_whitespace

log = logging.getLogger(__name__)

LEMMA_KEYS_COMPONENT = "iscg_lemma_keys"


@Language.factory(LEMMA_KEYS_COMPONENT)
def _make_lemma_keys_component(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Per-token lemma keys, for pretrained pipelines whose lexeme NORM must stay as is."""
    keys = LemmaKeys.load()

    def set_norms(doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = keys(token.text)
        return doc

    return set_norms


def _use_lemma_keys_as_norm(nlp: Language) -> None:
    """Make every lexeme's NORM its lemma key, now and for words seen later."""
    keys = LemmaKeys.load()
    nlp.vocab.lex_attr_getters[NORM] = keys  # type: ignore[attr-defined]
    for lexeme in nlp.vocab:
        lexeme.norm_ = keys(lexeme.orth_)


# The lexical attributes anything of the blank pipeline reads: LOWER and IS_DIGIT in the
# entities' token patterns (``analyse.entities``), NORM in the shared PhraseMatcher,
# IS_SPACE and IS_ALPHA in :mod:`~iscg_mailbot.analyse.nlp_entities`, IS_ALPHA, IS_STOP
# and IS_UPPER in :func:`content_terms`; LANG is the vocabulary's language
# (``Vocab.lang``). ``tests/test_nlp_pipeline.py`` holds the patterns and code to them.
READ_ATTRIBUTES = (LOWER, NORM, IS_ALPHA, IS_DIGIT, IS_SPACE, IS_STOP, IS_UPPER, LANG)


def _compute_read_attributes_only(nlp: Language) -> None:
    """Give the words the vocabulary meets from now on only :data:`READ_ATTRIBUTES`.

    spaCy computes every lexical attribute of a word when it first sees it (its shape,
    whether it looks like a number, a URL or an e-mail address, its prefix and suffix,
    a dozen punctuation flags: about 25 Python calls), whether or not anything reads
    them: three quarters of that work, and 15-20% of tagging text whose words are new,
    went to attributes no pattern or code here reads. The others stay 0 / False; the
    words the vocabulary holds already keep all of theirs. A pretrained pipeline keeps
    them all (its models read the shape, prefix and suffix)."""
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    nlp.vocab.lex_attr_getters = {  # type: ignore[attr-defined]
        attr: getters[attr] for attr in READ_ATTRIBUTES if attr in getters
    }


def _keep_generations_whole(nlp: Language) -> None:
    """Make "5G" one token whatever follows it: the English tokenizer splits "5G," into
    "5", "G", "," but leaves "5G." whole, so a phrase "5G" would miss both."""
    for generation in ("2G", "3G", "4G", "5G", "6G"):
        tokenizer: Any = nlp.tokenizer
        tokenizer.add_special_case(generation, [{ORTH: generation}])
        tokenizer.add_special_case(f"{generation}.", [{ORTH: generation}, {ORTH: "."}])


#: How far from a long chunk's end its suffix is looked for (longer than any suffix of
#: spaCy's English but a run of dots).
SUFFIX_WINDOW = 16


class _Shortcut:
    """One of the English tokenizer's searches (its suffix or infix pattern), answered
    without the pattern for the strings it never matches: plain ASCII words, the most
    common thing the tokenizer splits. Every suffix of spaCy's English needs a
    character other than a letter (a point, an apostrophe, a digit before a unit) and
    every infix one other than a letter or a digit, yet each search tried its dozens of
    alternatives at every character of every new word: an eighth of the CPU of
    tokenizing the words a tagger meets for the first time. ``plain`` tells which ASCII
    strings those are, ``nothing`` makes the answer for them (no match; no matches);
    ``tests/test_nlp_pipeline.py`` holds the shortcuts to the patterns' answers."""

    def __init__(self, search: Callable[..., Any], plain: Callable[[str], bool],
                 nothing: Callable[[], Any], window: int | None = None) -> None:
        self.search, self.plain, self.nothing = search, plain, nothing
        self.window = window

    def __call__(self, text: str) -> Any:
        if text.isascii() and self.plain(text):
            return self.nothing()
        if self.window is not None and len(text) > self.window:
            # The suffix search, for a long chunk, from its last ``window`` characters
            # (lookbehinds still see before them): spaCy takes one suffix off at a
            # time and each search tried every character, so a chunk of 50,000
            # colons or brackets took minutes. Only "\.\.+" of the suffixes is longer
            # than the window, and a match of it starting before the window also
            # matches at its start: then (a run of dots) the whole chunk is searched.
            start = len(text) - self.window
            found = self.search(text, start)
            if found is None or found.start() > start:
                return found
        return self.search(text)

    @property
    def __self__(self) -> Any:
        """The compiled pattern, for spaCy's serialisation (which writes its source)."""
        return getattr(self.search, "__self__", None)


def _no_match() -> None:
    return None


def _no_matches() -> Iterator[Any]:
    return iter(())


# The user part of spaCy's URL pattern ("user:password@"): from every ":" of a chunk its
# "\S*" ran to the chunk's end looking for an "@", so a chunk of URLs without spaces
# ("https://itu.int/https://...") took the square of its length (64,000 characters:
# 4 s). Without an "@" in the chunk the part cannot match, and the pattern without it
# says the same.
_URL_USER = r"(?:\S+(?::\S*)?@)?"


class _UrlMatch:
    """The tokenizer's URL match, without its user part for a chunk holding no "@"."""

    def __init__(self, match: Callable[[str], Any]) -> None:
        self.match = match
        pattern = getattr(match, "__self__", None)
        source = pattern.pattern if isinstance(pattern, re.Pattern) else ""
        self.plain = (re.compile(source.replace(_URL_USER, "", 1), pattern.flags).match
                      if isinstance(pattern, re.Pattern) and _URL_USER in source else match)

    def __call__(self, text: str) -> Any:
        return (self.match if "@" in text else self.plain)(text)

    @property
    def __self__(self) -> Any:
        """The compiled pattern, for spaCy's serialisation (which writes its source)."""
        return getattr(self.match, "__self__", None)


def _use_shortcuts(nlp: Language) -> None:
    """Answer the English tokenizer's suffix and infix searches for plain ASCII words
    without their patterns (:class:`_Shortcut`; the same tokens), and its URL match of
    a chunk without "@" without the URL's user part (:class:`_UrlMatch`)."""
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = _Shortcut(tokenizer.suffix_search, str.isalpha, _no_match,
                                        window=SUFFIX_WINDOW)
    tokenizer.infix_finditer = _Shortcut(tokenizer.infix_finditer, str.isalnum, _no_matches)
    if tokenizer.url_match is not None:
        tokenizer.url_match = _UrlMatch(tokenizer.url_match)


def build_pipeline(model: str | None = None) -> Language:
    """The tagging pipeline: blank English whose NORM is the lower-cased lemma.

    ``model`` names a pretrained pipeline (e.g. ``en_core_web_sm``): when it is installed
    it is loaded instead, with a component setting the same lemma keys per token; when
    it is not, a warning is logged and the blank pipeline is used, so the default
    always works offline.
    """
    if model and spacy.util.is_package(model):
        nlp = spacy.load(model)
        _keep_generations_whole(nlp)
        nlp.add_pipe(LEMMA_KEYS_COMPONENT, last=True)
    else:
        if model:
            log.warning("spaCy pipeline %r is not installed; using blank English", model)
        nlp = spacy.blank("en")
        _keep_generations_whole(nlp)
        _use_shortcuts(nlp)
        _use_lemma_keys_as_norm(nlp)
        _compute_read_attributes_only(nlp)
    return nlp



# English words at least this frequent (natural log probability in spacy-lookups-data's
# ``lexeme_prob`` table, about the 470 commonest: "give", "day", "instead") say nothing
# about a subject; nor do a mail's courtesies.
COMMON_WORD_LOG_PROB = -9.0
MAIL_COURTESIES = ("dear", "regard", "colleague", "thank", "thanks", "sincerely", "hello")


def common_words_from_tables() -> frozenset[str]:
    """:func:`common_words` computed from spacy-lookups-data's ``lexeme_prob`` table (a
    million words): those above :data:`COMMON_WORD_LOG_PROB`, as the tables' lemma keys
    (:meth:`LemmaKeys.table_key`: the duplication watch, which reads those, was fitted
    with this list; the tagger's corrected keys of a few nouns, "number" for "numb",
    are not in it)."""
    import spacy_lookups_data

    keys = LemmaKeys.load()
    probabilities: dict[str, float] = dict(load_language_data(spacy_lookups_data.en["lexeme_prob"]))
    frequent = {keys.table_key(word) for word, probability in probabilities.items()
                if probability > COMMON_WORD_LOG_PROB and word.isalpha()}
    return frozenset(frequent | set(MAIL_COURTESIES))


def content_terms(nlp: Language, texts: Iterable[str], *, longest: int = 3,
                  skip: Collection[str] = frozenset()) -> Iterator[set[str]]:
    """The distinct terms of each text, as lemma keys: content words and runs of up to
    ``longest`` of them not broken by a stop word, a ``skip`` word, a number or
    punctuation (with the blank pipeline, the closest thing to noun phrases). For
    ``topics suggest``.

    >>> sorted(next(content_terms(build_pipeline(), ["Spectrum sharing studies."])))
    ['share', 'share study', 'spectrum', 'spectrum share', 'spectrum share study', 'study']
    """
    keys = LemmaKeys.load()
    for doc in nlp.pipe(flatten_whitespace(text) for text in texts):
        terms: set[str] = set()
        run: list[str] = []
        for token in [*doc, None]:
            key = keys(token.text) if token is not None and _is_content(token) else None
            if key is not None and key not in skip:
                run.append(key)
                for size in range(1, min(longest, len(run)) + 1):
                    terms.add(" ".join(run[-size:]))
            else:
                run = []
        yield terms


def _is_content(token: Any) -> bool:
    return bool(
        token.is_alpha and len(token.text) > 2 and not token.is_stop
        and not (token.is_upper and len(token.text) <= 2)
    )
