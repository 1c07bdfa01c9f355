"""How to conduct oneself, after "please", is no item (action round 15; the sixth,
seventh, eighth, eleventh and twelfth writers' dev parts label none; minimal pairs of
our own wording, each first assertion failed before):

- how to come: "please travel light", "please allow 20 minutes for security", "please
  leave by the west staircase";
- what to use: "please use:" before a link, "please use the form on the TDAG page",
  with no day to do anything by;
- where to write: "please write to Ana, not to me".

A task beside each stays an action: "please send ...", "please use the template and
send it by 5 May", "please allow observers from regulators" (a change asked of a text),
"please write to the TDAG chair".
"""

from __future__ import annotations

from tests.letter_items import kinds


def test_how_to_come_is_no_item() -> None:
    assert kinds("The lifts are closed on Monday, so please allow 20 minutes for the "
                 "stairs.") == []
    assert kinds("Bags are screened at the west gate, so please travel light.") == []
    assert kinds("If the alarm rings please leave by the west staircase.") == []
    assert kinds("The lifts are closed on Monday, so please send the posters by "
                 "Friday.") == ["action"]


def test_a_change_asked_with_the_same_verb_stays_an_action() -> None:
    assert kinds("Please allow observers from regulators in the mentoring scheme.") == [
        "action"]


def test_what_to_use_is_no_item() -> None:
    assert kinds("The link has changed. For Tuesday's call please use:\n\n"
                 "https://meet.example.org/j/123") == []
    assert kinds("Please use the form on the TDAG page and submit it online.") == []
    assert kinds("Please use the form on the TDAG page and send it by 5 May.") == ["action"]


def test_where_to_write_is_no_item() -> None:
    assert kinds("From 1 May please write to Ana, not to me - this mailbox closes.") == []
    assert kinds("From 1 May please write to the TDAG chair about the agenda.") == ["action"]
