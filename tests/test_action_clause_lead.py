"""``split_clauses`` looks for the words that ask ("ask", "will", ...) only where they
are, given the sentence in lower case: the same clauses as its plain search."""

from __future__ import annotations

import mailbox

from hypothesis import given, settings
from hypothesis import strategies as st

from iscg_mailbot.analyse.action_clauses import _LEAD, split_clauses
from iscg_mailbot.analyse.action_text import Sentence, split_sentences
from iscg_mailbot.analyse.pattern_words import StartedSearch, leading_strings
from iscg_mailbot.parse.message import parse_message
from iscg_mailbot.records import Provenance, RawMessage
from iscg_mailbot.services.demo import sample_archive

_LEAD_SEARCH = StartedSearch(_LEAD)

# The lead's first words in their cases, parties, a verb, joins and other letters.
_PIECES = [*leading_strings(_LEAD), "ASK", "Will", "cAn", "tasks", "urges", "propose that",
           "suggest  that", "TSB", "BDT", "the Bureaux", "ITU-T SG17", "Ms Petrova", "all",
           "to", "review", "send it", "and", ",", ";", " ", "  ", "\t", "x", "pre", "s"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16),
       st.lists(st.sampled_from(["", " "]), min_size=16, max_size=16))
def test_the_lead_is_found_where_its_words_are(pieces: list[str], joins: list[str]) -> None:
    text = "".join(p + j for p, j in zip(pieces, joins, strict=False))
    plain = _LEAD.search(text)
    fast = _LEAD_SEARCH.search(text, text.lower())
    assert (fast and fast.span()) == (plain and plain.span())


def test_the_sample_archive_is_split_into_the_same_clauses() -> None:
    sentences = [s for m in mailbox.mbox(sample_archive()) for s in split_sentences(
        parse_message(RawMessage(m.as_bytes(), Provenance())).new_text)]
    sentences += [Sentence("We ask TSB to draft X, and BDT to review it by 4 December.", 0, 57),
                  Sentence("Could TSB confirm X, and could BDT say Y?", 0, 41)]
    split = 0
    for sentence in sentences:
        variants = [sentence, Sentence(sentence.text.upper(), sentence.start, sentence.end)]
        for each in variants:
            plain = split_clauses(each)
            if each.text.isascii():
                assert split_clauses(each, asking=True, lowered=each.text.lower()) == plain
            split += len(plain) > 1
    assert split >= 2
