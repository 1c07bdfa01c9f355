"""A standing instruction is no item (action round 14; the fifth, eighth, ninth,
eleventh and twelfth writers' dev parts label none; minimal pairs of our own wording,
each first assertion failed before):

- after "please", a prohibition ("Please do not share the draft outside the group"),
  being kept in copy ("please keep us in cc"), copying someone in ("Please copy her on
  the invitation"), how to cite a thing ("Please cite it as ...");
- "we will keep <doing>" ("We will keep monitoring the list"): going on as before.

"Please do not forget to send ..." reminds of a task and stays one, and the plain
request beside each instruction stays an action.
"""

from __future__ import annotations

from tests.letter_items import kinds


def test_a_prohibition_is_no_item() -> None:
    assert kinds("Please do not share the draft outside the group.") == []
    assert kinds("Please share the draft with the group.") == ["action"]
    assert kinds("Please don't circulate the figures yet.") == []


def test_a_reminder_of_a_task_stays_one() -> None:
    assert kinds("Please do not forget to send your nominations by 20 March.") == ["action"]


def test_being_kept_in_copy_is_no_item() -> None:
    assert kinds("Thanks - TSB will not join this time, but please keep us in cc of "
                 "the exchanges.") == []
    assert kinds("Please keep me in copy of your reply to the Rapporteur.") == []
    assert kinds("Please reply to the Rapporteur.") == ["action"]


def test_copying_someone_in_and_citing_is_no_item() -> None:
    assert kinds("Please copy her on the invitation.") == []
    assert kinds("Please cite it as \"Ministry of ICT, preliminary data\".") == []
    assert kinds("Please send her the invitation.") == ["action"]


def test_going_on_as_before_is_no_commitment() -> None:
    assert kinds("We will keep monitoring the discussion from Nairobi.") == []
    assert kinds("We will circulate the discussion paper from Nairobi.") == ["action"]
