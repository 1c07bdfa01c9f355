"""The tagger fills spaCy's tokenizer cache chunk by chunk (analyse/nlp_chunks.py): a
word met again after a special case ("I'm", "e.g.", a line break) is looked up, not
split again, and the tokens are the same as a tokenizer without that step gives."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.nlp import PhraseFinder, PhrasePattern, build_pipeline
from iscg_mailbot.analyse.nlp_chunks import CHUNK_LIMIT, ChunkCache
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.source.archive import read_archive

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARCHIVE = ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox"


def _counting_suffix_search(tokenizer: Any) -> list[str]:
    """Record each string the tokenizer looks for a suffix in (it does so only when it
    splits a chunk, never for one found in its cache)."""
    calls: list[str] = []
    search = tokenizer.suffix_search

    def counted(text: str) -> Any:
        calls.append(text)
        return search(text)

    tokenizer.suffix_search = counted  # (setting it empties the cache)
    return calls


def test_words_after_a_special_case_are_split_once() -> None:
    nlp = build_pipeline()
    calls = _counting_suffix_search(nlp.tokenizer)
    finder = PhraseFinder(nlp, [PhrasePattern("0", "spectrum")])
    # "I'm" is a special case of spaCy's: before, nothing of the Doc after it was
    # cached, and every word below was split again on the second reading.
    text = "Dear colleagues, I'm glad to share:\n\n" + " ".join(
        f"(item{n}), see doc-{n}." for n in range(40))
    list(finder.find_groups([text]))
    assert calls
    calls.clear()
    list(finder.find_groups([text, text]))
    assert calls == []


def _tokens(nlp: Any, text: str) -> list[tuple[str, str, int, str]]:
    return [(t.text, t.norm_, t.idx, t.whitespace_) for t in nlp.make_doc(text)]


def _sample_texts() -> list[str]:
    texts = []
    for batch in read_archive(SAMPLE_ARCHIVE):
        for raw in batch.messages:
            message = parse_message(raw)
            texts += [message.subject, message.new_text, message.quoted_text]
    return [text for text in texts if text]


def test_the_same_tokens_on_the_sample_archive() -> None:
    plain, filled = build_pipeline(), build_pipeline()
    chunks = ChunkCache(filled.tokenizer)
    texts = _sample_texts()
    joined = "\n\n".join(texts)
    for text in [*texts, joined, joined]:
        chunks.fill(text)
        assert _tokens(filled, text) == _tokens(plain, text)


# Specials (contractions, abbreviations, emoticons, "5G", line breaks), punctuation
# that is split off or kept, and plain words, in any order and spacing.
_PIECES = ["don't", "e.g.", "5G,", "5G.", ":)", "(", ")", "\n", "\n\n", " ", "  ", "\t",
           "TSAG-TD409", "Q7/5", "word", "it's", "U.S.", "a.m.", "...", "\u2014", "\u00a0",
           "'quoted'", "http://itu.int/x?y=1", "co-operation", "e-mail:", "I'm", "3rd"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), max_size=4))
def test_the_same_tokens_on_generated_texts(texts: list[str]) -> None:
    plain, filled = _pipelines()
    chunks = ChunkCache(filled.tokenizer, limit=50)  # starts over now and then
    for text in texts:
        chunks.fill(text)
        assert _tokens(filled, text) == _tokens(plain, text)


class _CountingTokenizer:
    """A tokenizer that records each text it is called on (the Docs it makes)."""

    def __init__(self, tokenizer: Any) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)
        object.__setattr__(self, "calls", [])

    def __call__(self, text: str) -> Any:
        self.calls.append(text)
        return self.tokenizer(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.tokenizer, name, value)


def test_new_chunks_that_meet_no_special_case_share_one_doc() -> None:
    nlp, plain = _pipelines()
    counting = _CountingTokenizer(nlp.tokenizer)
    text = "Dear colleagues, please see (e.g.) the TSAG-TD409 draft. I'm glad"
    ChunkCache(counting).fill(text)
    # One Doc of the chunks that cannot meet a special case; one for each of the others
    # ("(e.g.)", "I'm", and the paragraph break cached when the cache starts). Before,
    # a Doc a chunk: eleven.
    joined, *alone = counting.calls
    assert sorted(alone) == ["\n\n", "(e.g.)", "I'm"]
    assert sorted(joined.split(" ")) == sorted(
        ["Dear", "colleagues,", "please", "see", "the", "TSAG-TD409", "draft.", "glad"])
    assert _tokens(nlp, text) == _tokens(plain, text)


# Two pipelines whose tokenizers record what they split (set once: setting a search
# reloads the tokenizer's special cases, ~1 s).
_COUNTED: list[tuple[Any, list[str]]] = []


def _counted() -> list[tuple[Any, list[str]]]:
    if not _COUNTED:
        for nlp in (build_pipeline(), build_pipeline()):
            _COUNTED.append((nlp, _counting_suffix_search(nlp.tokenizer)))
    return _COUNTED


def _split_again(nlp: Any, chunks: ChunkCache, calls: list[str], texts: list[str]
                 ) -> list[list[str]]:
    """What the tokenizer splits (looks for a suffix in) when tokenizing each text after
    ``chunks`` filled its cache with it."""
    found = []
    for text in texts:
        chunks.fill(text)
        calls.clear()
        nlp.make_doc(text)
        found.append(list(calls))
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), max_size=4))
def test_one_doc_of_new_chunks_caches_what_a_doc_a_chunk_did(texts: list[str]) -> None:
    """Whatever the chunks, the joined Doc leaves in the cache what a Doc a chunk left:
    a chunk said to meet no special case that met one would have stopped the caching of
    the chunks after it, to be split again in every text."""
    found = []
    for (nlp, calls), always_alone in zip(_counted(), (False, True), strict=True):
        nlp.tokenizer._flush_cache()
        chunks = ChunkCache(nlp.tokenizer)
        if always_alone:  # as before: a Doc a chunk
            chunks._may_be_special = lambda chunk: True  # type: ignore[method-assign]
        found.append(_split_again(nlp, chunks, calls, texts))
    assert found[0] == found[1]


_PIPELINES: list[Any] = []


def _pipelines() -> list[Any]:
    if not _PIPELINES:
        _PIPELINES.extend([build_pipeline(), build_pipeline()])
    return _PIPELINES


def test_a_pickled_cache_forgets_the_chunks_it_saw() -> None:
    nlp = build_pipeline()
    chunks = ChunkCache(nlp.tokenizer)
    chunks.fill("see TSAG-TD409, please")
    copy = pickle.loads(pickle.dumps(chunks))
    # The tokenizer comes back with an empty cache and spaCy's default limit.
    calls = _counting_suffix_search(copy._tokenizer)
    copy.fill("see TSAG-TD409, please")
    assert calls
    assert copy._tokenizer.max_cache_size >= CHUNK_LIMIT


def test_a_pickled_finder_fills_the_cache_of_its_own_tokenizer() -> None:
    """The tagger is pickled into the cache directory: its chunk cache must still fill
    the tokenizer its pipeline runs, not a copy of it."""
    finder = PhraseFinder(build_pipeline(), [PhrasePattern("0", "spectrum")])
    copy = pickle.loads(pickle.dumps(finder, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy._chunks._tokenizer is copy.nlp.tokenizer
