"""Lists that follow one another are read in linear time (issue 13, hostile).

A bullet that ends with ":" is read as one sentence with the next list's introduction
("- BR: send x; By Friday, kindly:"), so in a message that repeats "By Friday, kindly:"
above a bullet every list ran over every later line, and `apply_list_frame` filtered all
items per list with the dropped spans' set rebuilt per item: 4.8 / 15.8 / 60 s at 100 /
200 / 400 repeats. A list now ends after such a bullet and a frame reads only its own
lines' items. The closing-line reader (`apply_list_tail`) walked back over the run of
bullets and over every item for each such line, and now walks each once. Timing-free: the bullets read at n and 2n repeats are counted.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse import action_forwards, action_party_lists
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 7, 9, 0, tzinfo=UTC)  # a Wednesday
UNIT = "By Friday, kindly:\n- BR: send x;\n"


def _bullets_read(repeats: int, monkeypatch: pytest.MonkeyPatch, module: object) -> int:
    """How many times ``module`` asks of a list line whether it is a bullet."""
    calls = 0
    is_bullet = action_party_lists.is_bullet

    def counted(text: str, start: int) -> bool:
        nonlocal calls
        calls += 1
        return is_bullet(text, start)

    monkeypatch.setattr(module, "is_bullet", counted)
    extract_actions(ActionInput("Dear all,\n\n" + UNIT * repeats, SENT))
    return calls


# apply_list_frame, and apply_list_tail: ";\nBy Friday" is also a closing line dating
# its list ("- BR: send x;\nby 3 May."), whose run of bullets was walked back per line.
@pytest.mark.parametrize("module", [action_party_lists, action_forwards])
def test_lists_one_after_another_are_read_in_linear_time(
        monkeypatch: pytest.MonkeyPatch, module: object) -> None:
    small = _bullets_read(100, monkeypatch, module)
    large = _bullets_read(200, monkeypatch, module)
    assert large <= 2.5 * small  # quadratic (4x) before


def test_a_list_still_runs_over_its_bullets() -> None:
    text = ("By Friday, kindly:\n- BR: send the list of events;\n- TSB: book a room;\n"
            "- BDT: share the agenda.\n\nThanks.")
    items = extract_actions(ActionInput(text, SENT))
    assert [(i.owner, str(i.due)) for i in items] == [
        ("BR", "2027-04-09"), ("TSB", "2027-04-09"), ("BDT", "2027-04-09")]


def test_a_closing_line_still_dates_its_list_only() -> None:
    text = ("Could BR check the survey?\n\n- BR to send the list of events;\n"
            "- TSB to book a room;\nboth by 3 May 2027.\n\nCould BDT share the agenda?")
    items = extract_actions(ActionInput(text, SENT))
    assert [(i.owner, str(i.due)) for i in items] == [
        ("BR", "None"), ("BR", "2027-05-03"), ("TSB", "2027-05-03"), ("BDT", "None")]
