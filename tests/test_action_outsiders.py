"""Requests that are somebody else's business (issue 13, formal mail; minimal pairs of our
own wording, the first assertion of each test failed before): the membership at large
asked by a pasted Circular or a forwarded press release (`w25`; the sender's own call to
administrations, `w5`-005 and tests/data, stays), outsiders' questions reported or pasted (`w14`,
`w23`, `w26`, a Mission's letter in `w25`), records of earlier decisions (`w19`, `w25`),
and requests quoted only as background (`w24`). A party of the list asked, the sender's
own request, and a meeting's fresh decisions stay items.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2031, 5, 14, 10, 0, tzinfo=timezone(timedelta(hours=2)))
LIST = "iscg@lists.itu.int"


def items(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text + "\n\nBest regards,\nElena\n", SENT,
                          sender=Address("Elena Petrova", "elena.petrova@itu.int"),
                          to=(Address("", LIST),), list_address=LIST)
    return [(c.kind, c.owner) for c in extract_actions(message)]


PASTED = "Please find below the text of the Circular.\n\n---\n\nDear Sir/Madam,\n\n"
FORWARDED = "FYI.\n\n---------- Forwarded message ---------\nFrom: ITU Press Office\n\n"


def test_the_membership_at_large_asked_is_no_item_of_the_list() -> None:
    assert items(FORWARDED + "Governments and operators are urged to speed up the roll-out "
                 "of emergency alerting before the end of 2032.") == []
    assert items(FORWARDED + "Member States are invited to submit their nominations by "
                 "30 June 2031.") == []
    assert items(PASTED + "3  Administrations are requested to reply, using the form in "
                 "Annex 2, no later than 1 July 2031.") == []
    assert items("TSB Circular 402, issued today, invites Member States and Sector Members "
                 "to answer the survey by 30 June 2031.") == []
    assert items("The Assembly also encourages industry to take part in the pilot.") == []
    # The sender's own call, in a liaison statement's manner, stays an item.
    assert items("Administrations are requested to reply, using the form in Annex 2, "
                 "no later than 1 July 2031.") != []
    # A party of the list asked: an item, also to pass the call on.
    assert items(PASTED + "BDT is invited to submit its nominations by 30 June 2031.") == [
        ("action", "BDT")]
    assert items("ITU-D SG2 is invited to encourage administrations to answer the survey "
                 "by 30 June 2031.") == [("action", "ITU-D SG2")]


def test_outsiders_questions_are_theirs_not_the_lists() -> None:
    assert items("Regulators ask which bands should be reserved for the service.") == []
    assert items("Several Pacific administrations ask me whom they should contact.") == []
    assert items("Researchers in the testbed run with SG13 ask for real measurements.") == []
    assert items("The Permanent Mission would be grateful to be informed whether the report "
                 "will contain indicators.") == []
    # The sender's own request stays.
    assert items("We would be grateful to be informed whether the report will contain "
                 "indicators.") != []


def test_a_record_of_an_earlier_decision_is_history() -> None:
    assert items("Council also approved the budget, and decided that CWG-FHR would meet "
                 "twice in 2032.") == []
    assert items("In 2027 the Group agreed that the three Bureaux would each designate a "
                 "focal point.") == []
    assert items("At its meeting of 2 March, the Group had already agreed that BR would "
                 "prepare the calendar.") == []
    # The decisions a meeting's summary reports stay items.
    assert items("The Group agreed that BR would prepare the calendar by 30 May.") == [
        ("action", "BR")]
    assert items("In 2031 the Group agreed that BR would prepare the calendar by 30 May.") == [
        ("action", "BR")]


def test_a_request_quoted_only_as_background_is_not_the_lists() -> None:
    assert items('(Background, from the GSMA list, not addressed to us: "Please send '
                 'comments on the draft by 20 June.")') == []
    assert items("From the APT list, which I quote only as background: please send "
                 "comments on the draft by 20 June.") == []
    assert items("From the APT list: please send comments on the draft by 20 June.") != []


def test_members_of_the_group_invited_to_note_are_the_list() -> None:
    assert items("Members of the Group are invited to note the statement below.") == [
        ("note", "ISCG")]
    assert items("Members are invited to note the statement below.") == [("note", "ISCG")]


def reply(text: str) -> list[tuple[str, str | None]]:
    message = ActionInput(text + "\n\nRegards,\nSofia\n", SENT,
                          sender=Address("Sofia Lindqvist", "sofia.lindqvist@itu.int"),
                          to=(Address("", LIST),), list_address=LIST,
                          parent_sender=Address("Elena Petrova", "elena.petrova@itu.int"),
                          parent_asks=True)
    return [(c.kind, c.owner) for c in extract_actions(message) if c.kind == "action"]


def test_an_undated_promise_only_to_come_back_is_no_item() -> None:
    assert reply("Thank you. BR will revert with a name in due course.") == []
    assert reply("Noted; we will inform the Group of any change.") == []
    assert reply("Passed to the WP 5D chairman, will revert.") == []
    # Work of its own, or a day, keeps it.
    assert reply("Thank you. BR will check with WP 5D and revert.") != []
    assert reply("Thank you. BR will revert with a name by 30 May.") != []


def test_a_deadline_of_others_dates_nothing_the_list_owes() -> None:
    assert items("The organisers need the abstracts by 2 June 2031 (their deadline for "
                 "the programme).") == []
    assert items("The registration page says 2 June 2031; I understand that is the "
                 "participants' deadline.") == []
    assert items("** Call for papers: special issue on 6G ** Submission deadline: "
                 "2 June 2031") == []
    # The list's own deadline stays.
    assert items("Deadline for comments: 2 June 2031.") != []
