"""The duplication watch's terms as they were read before the speed-ups: one
case-insensitive alternation of every concept phrase (longest first) and a lemma lookup
and stemming of every word's every occurrence. The trie of phrases and the remembered
words must give the same terms, spelled alike, in the same order."""

from __future__ import annotations

import hashlib
import mailbox
import random
import re

import pytest

from iscg_mailbot.analyse import overlap_text
from iscg_mailbot.analyse.nlp import LemmaKeys, common_words
from iscg_mailbot.analyse.overlap_concepts import CONCEPTS, FORM_CONCEPTS
from iscg_mailbot.analyse.overlap_text import (
    LIST_WORDS,
    PROCEDURE_WORDS,
    TERMS_VERSION,
    spelled_terms,
    thread_terms,
)
from iscg_mailbot.analyse.text_gates import folded
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive


def reference_terms(text: str, *, subjects: bool = True,
                    procedure: bool = True) -> list[tuple[str, str]]:
    """spelled_terms as written before: every phrase tried at every character."""
    table = CONCEPTS if subjects else FORM_CONCEPTS
    wordings = {phrase: concept for concept, phrases in table.items() for phrase in phrases}
    alternatives = "|".join(re.escape(p) for p in sorted(wordings, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    marked = pattern.sub(lambda m: f" zzconcept{wordings[folded(m.group(0))]} ", text)
    keys, skip = LemmaKeys.load(), common_words()
    found = []
    for word in re.findall(r"[^\W\d_][\w-]{2,}", marked.lower()):
        if word.startswith("zzconcept"):
            found.append((word[len("zzconcept"):],) * 2)
            continue
        key = keys.table_key(word)
        if (word not in LIST_WORDS and key not in LIST_WORDS and key not in skip
                and (procedure or key not in PROCEDURE_WORDS)):
            stem = key
            for ending in ("ations", "ation", "ments", "ment", "ings", "ing", "ities", "ity",
                           "ions", "ion", "ates", "ate", "ed"):
                if key.endswith(ending) and len(key) - len(ending) >= 4:
                    stem = key[: -len(ending)]
                    break
            found.append((stem, key))
    return found


def archive_texts() -> list[str]:
    texts = []
    for message in mailbox.mbox(sample_archive()):
        parsed = parse_message(RawMessage(message.as_bytes(), Provenance()))
        texts += [parsed.subject, parsed.new_text]
    return texts


def phrase_texts() -> list[str]:
    """Every phrase alone, in capitals, inside words, hyphenated, next to a longer phrase
    that starts alike, and runs of random phrases with odd separators and letters."""
    phrases = sorted({p for ps in CONCEPTS.values() for p in ps})
    texts = [f"About {p}." for p in phrases] + [p.upper() for p in phrases]
    texts += [f"x{p} {p}x {p}-based non-{p} {p}s" for p in phrases]
    rng = random.Random(5)
    glue = [" ", "  ", "-", "\n", ", ", "/", "_", "'", "\u2013", " the ", ""]
    for _ in range(300):
        picked = rng.sample(phrases, 6)
        texts.append("".join(p + rng.choice(glue) for p in picked))
    # The letters a case-insensitive pattern reads as i and s.
    texts += ["\u017fatellite capacity for \u0130oT in \u017fmall towns",
              "d\u0131g\u0131tal \u0131dent\u0131ty and the \u0131ncident response team"]
    return texts


@pytest.mark.parametrize("subjects", [True, False])
def test_terms_are_read_as_before(subjects: bool) -> None:
    texts = archive_texts() + phrase_texts()
    overlap_text._WORD_TERMS.clear()
    for text in texts:
        assert spelled_terms(text, subjects=subjects) == reference_terms(
            text, subjects=subjects), text
    # Again with every word remembered, and with the memory full (cleared as it fills).
    for text in texts:
        assert spelled_terms(text, subjects=subjects) == reference_terms(
            text, subjects=subjects), text
    limit = overlap_text._MOST_WORDS
    overlap_text._MOST_WORDS = 3
    try:
        for text in texts[:50]:
            assert spelled_terms(text, subjects=subjects) == reference_terms(
                text, subjects=subjects), text
    finally:
        overlap_text._MOST_WORDS = limit


@pytest.mark.parametrize("subjects", [True, False])
def test_text_terms_are_read_as_before(subjects: bool) -> None:
    """Without the procedure words (the words' own table): the same terms as the
    reference, a concept's mark written in a mail ("zzconceptfoo") read as before, with
    the table empty, full and cleared as it fills."""
    texts = [*archive_texts()[:120], *phrase_texts()[:120],
             "Liaison statement: zzconceptfoo, Action required. \u0130stanbul comments"]
    for limit in (overlap_text._MOST_WORDS, 3):
        saved, overlap_text._MOST_WORDS = overlap_text._MOST_WORDS, limit
        overlap_text._TEXT_TERMS.clear()
        try:
            for text in texts + texts:
                assert spelled_terms(text, subjects=subjects, procedure=False) == (
                    reference_terms(text, subjects=subjects, procedure=False)), text
        finally:
            overlap_text._MOST_WORDS = saved


def test_concept_phrases_are_lower_case_ascii_and_each_one_concept() -> None:
    """What the trie of phrases relies on: no two branches take one character."""
    phrases = [p for ps in CONCEPTS.values() for p in ps]
    assert all(p == p.lower() and p.isascii() for p in phrases)
    assert len(phrases) == len(set(phrases))


# The terms of the texts above, as read under TERMS_VERSION 1.
FINGERPRINT = (2, "be27ec1b31d9de6f1a861419a13b1c4856dd5c47")


def test_stored_terms_are_read_again_when_the_reading_changes() -> None:
    """Terms stored by analysis (thread_overlap_terms) are used while terms_version()
    is unchanged: a change in what texts give must raise TERMS_VERSION (then record the
    new fingerprint here)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for text in archive_texts() + phrase_texts():
        digest.update(repr(spelled_terms(text)).encode())
        digest.update(repr(thread_terms("", text)).encode())
    assert (TERMS_VERSION, digest.hexdigest()) == FINGERPRINT, (
        "the terms changed: raise overlap_text.TERMS_VERSION and record the fingerprint")
