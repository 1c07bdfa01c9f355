"""A deadline stated after the request dates it (analyse/action_followups.py).

Minimal pairs of our own wording: a sentence that only states the deadline or the need
by a day ("Decision needed by 12 June.", "The registration deadline is 12 June.", "The
hosts need speaker names by 12 June.") gives its day to the undated request right before
it; the same day in a sentence that states no deadline ("The decision was taken on 2
May.", "The registration opened on 2 May.") does not.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import dues

SENT = datetime(2030, 5, 6, 9, 30, tzinfo=timezone(timedelta(hours=1)))
REQUEST = "Dear all,\n\nCould TSB confirm two speakers for the webinar on drones? "


@pytest.mark.parametrize(("stated", "told"), [
    ("Decision needed by 12 June.", "The decision on the venue was taken on 2 May."),
    ("The registration deadline is 12 June.", "The registration opened on 2 May."),
    ("The hosts need speaker names and short bios by 12 June.",
     "The hosts sent speaker names and short bios on 2 May."),
])
def test_a_stated_deadline_dates_the_request_before_it(
        stated: str, told: str, members: MembersConfig) -> None:
    dated = dues(REQUEST + stated + "\n\nKlaus", members, sent=SENT)
    undated = dues(REQUEST + told + "\n\nKlaus", members, sent=SENT)
    assert ("TSB", date(2030, 6, 12)) in dated
    assert ("TSB", None) in undated
    assert all(due is None for _, due in undated)


def test_a_partys_own_task_by_a_day_is_no_stated_deadline(members: MembersConfig) -> None:
    # "The hosts need speaker names by 12 June" states what is needed by the day; "The
    # chair needs to circulate ... by 12 June" is the chair's own task, an item of its own.
    need = dues(REQUEST + "The hosts need the final programme by 12 June.\n\nKlaus",
                members, sent=SENT)
    task = dues(REQUEST + "The chair needs to circulate the final programme by 12 June."
                "\n\nKlaus", members, sent=SENT)
    assert need == [("TSB", date(2030, 6, 12))]
    assert ("TSB", None) in task
    assert len(task) == 2


@pytest.mark.parametrize("other", [
    "The new deadline will be announced on 12 June.",
    "The deadline is not 12 June as first said.",
])
def test_a_deadline_sentence_that_states_no_deadline_dates_nothing(
        other: str, members: MembersConfig) -> None:
    # "The deadline is 12 June." dates the request; the day another thing happens to the
    # deadline ("will be announced on"), or a day it is not, does not.
    assert dues(REQUEST + "The deadline is 12 June.\n\nKlaus", members, sent=SENT) == [
        ("TSB", date(2030, 6, 12))]
    assert ("TSB", None) in dues(REQUEST + other + "\n\nKlaus", members, sent=SENT)
