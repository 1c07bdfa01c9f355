"""What a kind of reader has to do by a day is an item owed by whoever it describes
(action round 12, missed items; minimal pairs of our own wording, the first assertion of
each test failed before):

"Participants who do not hold a valid ITU badge must register in the online badge system
by Thursday 8 March." (`w10`-003), "Staff who need to work late ... should request the
activation through the Service Desk by 22 June." (`w10`-028), "Observers who wish to
follow the meeting should register through the usual form by the same date." (`w4`-002)
and the bullet "- Guests without an ITU badge: send me their full names and
organisations by 5 November" (`w11`-002) gave no item: no body is named, so the rule of
"X must / should <verb>" (which needs one) did not apply. Every dev writer labels them,
owned by nobody. Without a day to do it by ("will have to go through the security
screening"), or said as a state ("must be accompanied after 20:00"), or at an event's
day ("on Thursday 8 March"), it stays no item, as before.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2029, 3, 1, 15, 22, tzinfo=timezone(timedelta(hours=1)))


def items(text: str) -> list[tuple[str, str | None, date | None]]:
    found = extract_actions(ActionInput(new_text="Dear ISCG members,\n\n" + text, date=SENT))
    return [(c.kind, c.owner, c.due) for c in found]


def test_readers_described_must_do_it_by_a_day() -> None:
    assert items("Participants who do not hold a valid ITU badge must register in the "
                 "online badge system by Thursday 8 March.") == [
        ("action", None, date(2029, 3, 8))]
    # The same readers, told of a place on the day: no item.
    assert items("Participants who do not hold a valid ITU badge must register in the "
                 "online badge system on Thursday 8 March.") == []
    # No day, or a state rather than work: no item.
    assert items("Guests without an ITU badge will have to go through the security "
                 "screening at the main entrance and collect a day badge.") == []
    assert items("ISCG members who are not ITU staff must be accompanied after 20:00 "
                 "until 22 June.") == []


def test_staff_who_need_it_should_request_it() -> None:
    assert items("Staff who need to work late during the preparations for WTDC-29 should "
                 "request the activation through the Service Desk by 22 June.") == [
        ("action", None, date(2029, 6, 22))]
    assert items("Staff who need to work late during the preparations for WTDC-29 can "
                 "use the side entrance.") == []


def test_by_the_same_date_as_the_request_before() -> None:
    text = ("Could each advisory group let me know by Friday 16 March how many of its "
            "vice-chairs will attend? Observers who wish to follow the meeting should "
            "register through the usual form by the same date.")
    assert items(text)[-1] == ("action", None, date(2029, 3, 16))
    assert len(items(text.replace("by the same date", "if they wish"))) == 1


def test_a_label_of_readers_then_what_they_do() -> None:
    assert items("Practical information:\n- Guests without an ITU badge: send me their full "
                 "names and organisations by 5 November so that day badges can be "
                 "printed.") == [("action", None, date(2029, 11, 5))]
    assert items("Practical information:\n- Guests without an ITU badge: welcome from "
                 "08:30 at the main door.") == []
