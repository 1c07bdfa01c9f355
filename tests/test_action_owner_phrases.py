"""Owners written in other ways: a Bureau by a short name, the people of a body
("colleagues in BDT", "BR colleagues", "the BDT team"), a chair's title in the plural,
"It would be great if BR could ...", a label "To the TDAG vice-chairs:", and a frame
"For ITU-D, BDT will ..." that names the acting body after a comma."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

MONDAY = datetime(2026, 10, 5, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def owners(text: str) -> list[str | None]:
    return [item.owner for item in extract_actions(ActionInput(new_text=text, date=MONDAY))]


@pytest.mark.parametrize(("text", "owner"), [
    ("Could the Development Bureau send the figures by 15 November?", "BDT"),
    ("Could the Standardization Bureau send the figures by 15 November?", "TSB"),
    ("Could the Standardisation Bureau send the figures by 15 November?", "TSB"),
    ("ITU-T SG-17 is invited to comment by 15 November.", "ITU-T SG17"),
    ("The TDAG vice-chairs are invited to comment by 15 November.", "TDAG"),
])
def test_bodies_by_other_names(text: str, owner: str) -> None:
    assert owners(text) == [owner]


def test_a_development_sector_is_not_its_bureau() -> None:
    assert owners("The Development Sector is invited to comment by 15 November.") == ["ITU-D"]


@pytest.mark.parametrize(("text", "owner"), [
    ("Could colleagues in BDT send the figures by 15 November?", "BDT"),
    ("Could our colleagues in the Radiocommunication Bureau send the figures by 15 November?",
     "BR"),
    ("Could someone at TSB send the figures by 15 November?", "TSB"),
    ("Could the BDT team send the figures by 15 November?", "BDT"),
    ("BR colleagues are invited to comment by 15 November.", "BR"),
    ("Our BDT colleagues are requested to comment by 15 November.", "BDT"),
    ("TSB and BDT colleagues are invited to comment by 15 November.", "TSB, BDT"),
])
def test_the_people_of_a_body_are_the_body(text: str, owner: str) -> None:
    assert owners(text) == [owner]


def test_colleagues_of_nobody_named_stay_the_readers() -> None:
    # No body named: whom the message addresses (nobody here), not a guess.
    assert owners("Could colleagues send the figures by 15 November?") in ([], [None])


def test_it_would_be_great_if_a_body_could() -> None:
    assert owners("It would be great if the Radiocommunication Bureau could send the "
                  "figures by 15 November.") == ["BR"]
    assert owners("It would be great to see you all in Geneva.") == []


def test_a_label_addressed_to_a_body() -> None:
    assert owners("To the TDAG vice-chairs: please send the figures by 15 November.") == ["TDAG"]
    assert owners("Attention TSAG chairman: please send the figures by 15 November.") == ["TSAG"]


def test_a_frame_before_the_acting_body() -> None:
    (item,) = extract_actions(ActionInput(new_text="For ITU-D, BDT will advise on Q5/2 by "
                                          "20 October.", date=MONDAY))
    assert (item.owner, item.due) == ("BDT", date(2026, 10, 20))
    assert owners("For ITU-D, BDT colleagues will advise on Q5/2.") == ["BDT"]
    # A label listing several stays all of them.
    assert owners("For BR, TSB and BDT: please advise on Q5/2.") == ["BR, TSB, BDT"]


@pytest.mark.parametrize(("text", "owner"), [
    ("The summary record will be posted by the General Secretariat within a week.",
     "General Secretariat"),
    ("The guide for Member States will be published by BDT by the end of April.", "BDT"),
    ("The figures will be provided by the Radiocommunication Bureau by 15 November.", "BR"),
    ("The draft will be circulated to the group by TSB before 20 November.", "TSB"),
])
def test_the_agent_of_a_passive_commitment(text: str, owner: str) -> None:
    assert owners(text) == [owner]


def test_a_passive_by_no_body_owes_nothing() -> None:
    # Not secretariat staff, no agent: a statement of fact, as before.
    assert owners("The LS will be sent by e-mail by 20 November.") == []


def test_we_would_welcome_asks_the_readers() -> None:
    sender = Address("Jane Roe", "jane.roe@example.org")  # not a listed member

    def read(text: str) -> list[tuple[str | None, date | None]]:
        return [(item.owner, item.due) for item in extract_actions(ActionInput(
            new_text="Dear colleagues,\n\n" + text, date=MONDAY, sender=sender))]

    assert read("We would welcome case studies from your administrations by 11 December.") == [
        (None, date(2026, 12, 11))]
    # The sender asks: the readers owe it, not the sender.
    assert read("We would appreciate your comments by 11 December.") == [
        (None, date(2026, 12, 11))]
    assert read("I would welcome a short contribution from BDT by 11 December.") == [
        ("BDT", date(2026, 12, 11))]
    # An opinion asks nothing.
    assert read("We would welcome this initiative.") == []


def test_please_welcome_is_a_greeting_not_a_request() -> None:
    assert owners("Please welcome two new subscribers: Priya Raman and Omar Khalil.") == []
    assert owners("Please join me in welcoming Ms Costa, who joins BDT this week.") == []
    # A request about a welcome pack still is one.
    assert owners("Please send the welcome pack to the new members by Friday.") == [None]
