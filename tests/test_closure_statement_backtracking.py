"""A run of dashes before a delivery word: the statements' headline forms ("TSB rows
updated.", "BR slides attached.") tried every split of the run between the punctuation
before the thing and its words, at every dash, and took seconds on one long clause (the
square of the run: ~1.4 s at 800 "- ", ~30 s at 3,000, before the fix)."""

from __future__ import annotations

import time

import pytest

from iscg_mailbot.analyse.action_closure import delivery_statement

RUN = "- " * 3000


@pytest.mark.parametrize(("clause", "expected"), [
    (RUN + "x updated by", None),
    (RUN + "x attached to", None),
    ("Lucia, " + RUN + "rows posted by", None),
    # The headline forms still read the deed after such a run.
    ("- - - BR slides attached.", "attached"),
    ("Lucia, TSB rows updated.", "delivered"),
])
def test_a_long_run_of_dashes_is_read_in_linear_time(clause: str, expected: str | None) -> None:
    started = time.process_time()
    assert delivery_statement(clause) == expected
    assert time.process_time() - started < 1.0
