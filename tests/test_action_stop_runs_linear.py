"""A run of stops is read in linear time: the sentence split's stop pattern was tried
from each dot of a run, to the run's end each time (a message of 50,000 dots took
minutes to extract). It now starts only at a run's first stop; the splits are the same."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


@pytest.mark.parametrize("run", ["." * 50_000, "!?" * 25_000, ". " * 25_000 + "x"])
def test_a_long_run_of_stops_is_read_in_linear_time(run: str) -> None:
    message = ActionInput(new_text="Could TSB send the list by 3 May? " + run,
                          date=datetime(2027, 3, 3, tzinfo=UTC), sender=SENDER)
    started = time.process_time()  # this process's CPU: holds under other jobs' load
    owners = [c.owner for c in extract_actions(message)]
    assert time.process_time() - started < 3.0
    assert owners == ["TSB"]


def test_stops_still_end_sentences_where_they_did() -> None:
    text = 'He said "Done!" Then... Next one?! Yes. e.g. this. 3 items. "Quoted." End'
    assert [s.text for s in split_sentences(text)] == [
        'He said "Done!"', "Then...", "Next one?!", "Yes. e.g. this.", "3 items.",
        '"Quoted."', "End"]
