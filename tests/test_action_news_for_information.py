"""What somebody did, told "for information", is news and no note (action round 14; the
first, eighth, eleventh and thirteenth writers' dev parts label none; minimal pairs of
our own wording, each first assertion failed before): "For your information, SG12 has
approved its reply today", "For information: TSAG adopted the guidelines in May", "FYI
I have also forwarded the LS to the rapporteur", "For your information, there were
field trials in 2026". What the message brings or points to for information stays a note.
"""

from __future__ import annotations

from tests.letter_items import kinds


def test_an_approval_told_for_information_is_news() -> None:
    assert kinds("For your information, ITU-T SG12 has approved its reply to WP 5D today.") == []
    assert kinds("For information: TSAG adopted the guidelines at its May meeting.") == []
    # What is sent to a body for information is a note for it.
    assert kinds("The draft reply is sent to ITU-T SG12 for information.") == ["note"]


def test_a_step_taken_told_fyi_is_news() -> None:
    assert kinds("FYI I have also forwarded the LS to the ITU-T Q4/12 rapporteur.") == []
    assert kinds("For your information, there were field trials in two regions in 2026.") == []


def test_what_the_message_brings_stays_a_note() -> None:
    assert kinds("I attach the list of focal points for your information.") == ["note"]
