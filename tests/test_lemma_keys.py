"""The duplication watch reads spacy-lookups-data's word tables without spaCy
(``analyse/lemma_keys.py``): the same tables as spaCy's reader, in the same order, and
a reading of terms from texts that imports no spaCy."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import spacy_lookups_data
from spacy.util import load_language_data

from iscg_mailbot.analyse.lemma_keys import LemmaKeys, lookups_table


def test_the_tables_are_read_as_spacy_reads_them() -> None:
    for name in ("lexeme_norm", "lemma_lookup"):
        ours, spacys = lookups_table(spacy_lookups_data.en[name]), load_language_data(
            spacy_lookups_data.en[name])
        assert len(ours) > 1000
        assert list(ours.items()) == list(spacys.items())


def test_reading_terms_from_a_text_imports_no_spacy() -> None:
    probe = ("import sys\n"
             "from iscg_mailbot.analyse.overlap_text import thread_terms\n"
             "read = thread_terms('BDT guidelines on organisations', 'Monitoring networks "
             "and collecting e-waste (DPI) deep packet inspection.')\n"
             "assert read.counts\n"
             "print(' '.join(m for m in ('spacy', 'thinc') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    assert done.stdout.split() == []


# -- words the tables lack: their regular singular --------------------------------------


@cache
def _table(name: str) -> Any:
    return lookups_table(spacy_lookups_data.en[name])


def _table_key(word: str) -> str:
    """A word's key from the tables alone (lower case, American spelling, lemma)."""
    normal = _table("lexeme_norm").get(word.lower(), word.lower())
    return str(_table("lemma_lookup").get(normal, normal))


@pytest.mark.parametrize(("plural", "singular"), [
    ("webinars", "webinar"), ("Chatbots", "chatbot"), ("hackathons", "hackathon"),
    ("plugtests", "plugtest"), ("deepfakes", "deepfake"), ("ewastes", "ewaste"),
    ("e-wastes", "e-waste"), ("cryptocurrencies", "cryptocurrency"),
    ("hotpatches", "hotpatch"), ("metaverses", "metaverse"), ("IMTs", "IMT"),
])
def test_a_plural_the_tables_lack_has_its_singulars_key(plural: str, singular: str) -> None:
    keys = LemmaKeys.load()
    assert keys(plural) == keys(singular) == singular.lower()


@pytest.mark.parametrize("word", [
    # Words of their own that end like a plural: the tables know them.
    "news", "gas", "analysis", "series", "species", "always", "lens", "bias",
    # Acronyms and short words, and singulars' endings ("-ss", "-us", "-is").
    "SMS", "ITS", "its", "QoS", "WTIS", "wireless", "coronavirus", "cryptanalysis",
    # Compounds whose head the tables know as a word of its own.
    "K-series", "e-news", "ai-generated",
    # A number's "s"; words of other languages and names.
    "1990s", "Andrés", "très",
])
def test_words_that_are_not_regular_plurals_keep_their_key(word: str) -> None:
    assert LemmaKeys.load()(word) == _table_key(word) == word.lower()


def test_no_word_the_tables_know_changes_its_key_but_to_meet_its_other_number() -> None:
    """The fallback reads only words the tables lack: every word they hold (as an
    inflection, a lemma or a WordNet word), and every English stop word, keeps the key
    the tables give it ("analyses" -> "analyze", "data" -> "datum", "hers" -> "hers"),
    but for the corrections that give a noun and its plural one key (tk-r22): a noun
    the table reads as another word keeps itself ("number", not "numb"), or a British
    lemma is made American ("normalisations" -> "normalisation" -> "normalization")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    keys = LemmaKeys.load()
    lemmas, index = _table("lemma_lookup"), _table("lemma_index")
    words = {*lemmas, *lemmas.values(), *STOP_WORDS}.union(*index.values())
    # Keys are of lower-case words (the few capitalised entries, "Polaroids", are never
    # looked up as such), less the contractions taken out ("ai" is not "have").
    words = {word for word in words if word.islower()} - {"ai", "ca", "wo", "sha"}
    changed = {word: keys(word) for word in words if keys(word) != _table_key(word)}
    assert len(words) > 100_000
    assert len(changed) < 2_000
    assert {"number", "agenda", "normalisations"} <= set(changed)
    assert [word for word, key in changed.items()
            if key not in (word, _table_key(_table_key(word)))] == []


def test_the_duplication_watch_reads_the_tables_keys() -> None:
    """Its thresholds were fitted on them and its embedding reads the words as written."""
    from iscg_mailbot.analyse.overlap_text import terms

    assert terms("Hackathons and webinars") == ["hackathons", "webinars"]
    assert LemmaKeys.load().table_key("Webinars") == "webinars"
