"""A list of parties is matched in linear time in a run of spaces after a party's name.

The separator between parties ("TSB and BDT", "TSB, BR", "TSB / BDT") began with a shared
"\\s*" before alternatives that scan spaces again ("\\s+and\\s+"): every split of a run of
spaces was tried, so "Could BDT", 50,000 spaces and "?" took 92 s in ``asks_if_so``. The
sentence split collapses such runs in the pipeline, but these readers are public and are
called on other text too."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from iscg_mailbot.analyse.action_say_forms import asks_if_so, confirms_thing


@pytest.mark.parametrize("reader", [asks_if_so, confirms_thing])
def test_a_run_of_spaces_after_a_party_costs_its_length(reader: Callable[[str], bool]) -> None:
    started = time.process_time()  # this process's CPU: holds under other jobs' load
    assert not reader("Could BDT" + " " * 20_000 + "?")
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize("text", [
    "Could TSB and BDT check whether the figures include webinars?",
    "Could TSB , and BR check whether the room is free?",
    "Could TSB & BR check whether the room is free?",
    "Could TSB/BDT check whether the room is free?",
])
def test_parties_are_still_read_with_every_separator(text: str) -> None:
    assert asks_if_so(text)
