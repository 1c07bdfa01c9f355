"""A request to say whether you will attend is an action, a head count each reader owes,
not a question answered once (action round 17; minimal pairs of our own wording, the
first assertion failed before): "Please let me know by Wednesday 29 September whether you
will attend in person" (`w14`-002), "Please let me know by 1 December whether you will
join" (`w15`-033) were questions; both writers label an action. Asking whether something
else holds stays a question.
"""

from __future__ import annotations

from tests.letter_items import kinds


def test_whether_you_will_attend_is_an_action() -> None:
    assert kinds("Please let me know by 12 May whether you will attend in person.") == [
        "action"]
    assert kinds("Please let me know by 12 May whether the room is free.") == ["question"]


def test_whether_you_will_join_is_an_action() -> None:
    assert kinds("Could you tell me by Friday whether you will join the dinner?") == [
        "action"]
