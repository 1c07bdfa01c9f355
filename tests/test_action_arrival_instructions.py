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


def test_time_allowed_for_work_due_by_a_day_is_an_item() -> None:
    # review3 (session 42): "allow time" that is time for work with a deadline asks for it.
    assert kinds("The text is long, so please allow time to go through it before "
                 "Thursday.") == ["action"]
    assert kinds("The text is long, so please allow enough time to go through it by "
                 "12 March.") == ["action"]
    assert kinds("The gate is slow, so please allow time on the first morning.") == []
