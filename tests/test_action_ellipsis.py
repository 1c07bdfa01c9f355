"""A second party asked in a shortened clause, and a "let me know by ..." sentence that
only dates what was asked (minimal pairs; each failed before)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 5, 4, 9, 0, tzinfo=timezone(timedelta(hours=2)))  # a Tuesday


def owed(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    """Items and questions of a message from a member outside the secretariat."""
    message = ActionInput(text, SENT, sender=Address("Andrés Gutiérrez",
                                                     "andres.gutierrez@example.gov.co"))
    items = extract_actions(message, members=members)
    found = items + find_questions(message, items, members=members)
    return [(c.owner, c.due) for c in sorted(found, key=lambda c: c.span)]


def test_and_one_from_another_party_is_that_partys_item(members: MembersConfig) -> None:
    text = ("For the rural connectivity webinar we would welcome an expert from BDT on "
            "community networks, and one from BR on spectrum for fixed wireless access.")
    assert owed(text, members) == [("BDT", None), ("BR", None)]
    assert owed(text.replace(", and one from BR", "; another from BR"), members) == [
        ("BDT", None), ("BR", None)]
    # "one from" naming no party, or the same party again, is no second item.
    assert owed(text.replace("one from BR", "one from the operators"), members) == [
        ("BDT", None)]
    assert owed(text.replace("one from BR", "one from BDT"), members) == [("BDT", None)]


def test_let_me_know_by_a_date_dates_what_was_just_asked(members: MembersConfig) -> None:
    asked = ("We would welcome an expert from BDT on community networks, and one from BR "
             "on spectrum for fixed wireless access. ")
    assert owed(asked + "Could you let me know by 21 May?", members) == [
        ("BDT", date(2027, 5, 21)), ("BR", date(2027, 5, 21))]
    assert owed("Could TSB share the draft programme of the forum? Please let us know "
                "before the programme committee meeting in June.", members) == [("TSB", None)]
    # Asking to be told something else is a request of its own.
    assert owed("Could TSB share the draft programme of the forum? Could you let me know by "
                "21 May whether remote speakers are possible?", members) == [
        ("TSB", None), (None, date(2027, 5, 21))]
