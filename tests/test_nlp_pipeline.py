"""The common words the topic suggestions and the duplication watch leave out."""

from __future__ import annotations

import subprocess
import sys

from iscg_mailbot.analyse.lemma_keys import common_words
from iscg_mailbot.analyse.nlp_pipeline import common_words_from_tables


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
