"""A long line of clauses after semicolons is read in linear time (review of session
36's merges; the split itself is older). Each ";" had the parties named in the whole
rest of the sentence looked up, to see whether one opens the clause after it: ~30-45 s
for a 50,000-character line "To: ITU-T SG9 (for information); ..." (a statement's
addressee line gone wrong, or a pasted list). Only the clause's head is read now.
"""

from __future__ import annotations

import time

import pytest

from tests.letter_items import letter_items


@pytest.mark.parametrize("unit", ["To: ITU-T SG9 (for information); ",
                                  "ITU-T SG9, BR and BDT; "])
def test_many_semicolons_are_read_in_linear_time(unit: str) -> None:
    started = time.process_time()
    letter_items(unit * (50_000 // len(unit)))
    assert time.process_time() - started < 2.0


def test_a_party_asked_after_a_semicolon_is_still_its_own_item() -> None:
    items = letter_items("The draft is attached; BR inputs are needed by 20 November.")
    assert [(c.kind, c.owner) for c in items] == [("action", "BR")]
