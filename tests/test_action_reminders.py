"""A reminder of what was asked before, a chase after a greeting, and a party still
silent are chases in a reply, no new item (round 10: `w4`-019, `w11`-019, `w11`-024,
`w11`-007, `w9`-024). Each first assertion failed before; the other half of each pair
keeps its item: the reminder with a day of its own asks anew (`w1`-055), "remind" asked
of others is a request, and the same words in a first message are read as before."""

from __future__ import annotations

from tests.reply_items import found


def test_a_reminder_noun_is_a_chase_unless_dated() -> None:
    assert found("Reminder: TSB and BR inputs are due Friday.") == 0
    assert found("Thank you Ahmed. Reminder to BDT on point (b), please, meeting is on "
                 "Thursday.") == 0
    # With a day of its own, the reminder asks anew.
    assert found("Just a gentle reminder about the TSB speaker - could you let me know "
                 "by Wednesday?") == 1


def test_reminding_as_the_sender_is_a_chase_reminding_as_asked_is_a_request() -> None:
    assert found("Dear colleagues, May I kindly remind BDT about question (2) below? The "
                 "Pacific administrations will meet again in February.") == 0
    assert found("Thanks. Could the advisory group vice-chairs remind their networks "
                 "in August?") == 1


def test_a_chase_after_a_greeting() -> None:
    assert found("Hola Tomás, any news from the laboratories in Campinas and Mexico? The "
                 "regulator asks me again.") == 0
    assert found("Hola Tomás, could you ask the laboratories in Campinas and Mexico? The "
                 "regulator asks me again.") == 1


def test_a_party_still_silent_is_a_chase() -> None:
    assert found("Thank you Klaus and Yuki. Still nobody from TDAG - María, Andrés, "
                 "Priya?") == 0
    assert found("Thank you Klaus and Yuki. Could someone from TDAG join - María, Andrés, "
                 "Priya?") == 1
