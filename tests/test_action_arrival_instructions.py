"""When to come and what to show at the door, after "please", is no item (issue 13,
act-surplus; the thirty-fourth and thirty-fifth writers' dev parts label neither, nor do
the seventh, eleventh, fourteenth or twentieth writers' practical notes). Minimal pairs
of our own wording: the same sentence asking for a thing to be sent stays an action.
"""

from __future__ import annotations

from tests.letter_items import kinds


def test_allowing_time_at_the_door_is_no_item() -> None:
    assert kinds("The forum is held in a ministry with strict controls at the gate, so "
                 "please allow time on the opening day.") == []
    assert kinds("The forum is held in a ministry with strict controls at the gate, so "
                 "please send the guest names on the opening day.") == ["action"]


def test_coming_early_is_no_item() -> None:
    assert kinds("Queues at the gate are long before the plenary, so please come early "
                 "with your registration e-mail.") == []
    assert kinds("Queues at the gate are long before the plenary, so please arrive in "
                 "good time.") == []
    assert kinds("Queues at the gate are long before the plenary, so please send the "
                 "registration list early.") == ["action"]


def test_bringing_a_photo_id_is_no_item() -> None:
    assert kinds("For the visit to the lab please bring a photo ID.") == []
    assert kinds("For the visit to the lab please bring the signed forms to Ana by "
                 "Monday.") == ["action"]
