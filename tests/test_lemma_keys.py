"""The duplication watch reads spacy-lookups-data's word tables without spaCy
(``analyse/lemma_keys.py``): the same tables as spaCy's reader, in the same order, and
a reading of terms from texts that imports no spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy_lookups_data
from spacy.util import load_language_data

from iscg_mailbot.analyse.lemma_keys import lookups_table


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
