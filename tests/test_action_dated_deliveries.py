"""What secretariat staff say will be delivered by a day is their unit's item, whoever
the sentence's subject is (issue 13: commitments by structure, passive commitments by
staff are owned by the sender's unit); the day an event takes place is no deadline.
Our own wording; the first two tests failed before the change."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 11, 4, 10, 0, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday


def items(text: str, sender: str, members: MembersConfig
          ) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, sender=Address("", sender))
    return [(c.owner, c.due) for c in extract_actions(message, members=members)]


def test_a_delivery_by_a_day_is_the_staff_units(members: MembersConfig) -> None:
    # Lucia Bianchi is General Secretariat staff, Grace Mwangi BDT's.
    assert items("Thanks all. Moderators will receive the logistics note by 20 November.",
                 "lucia.bianchi@itu.int", members) == [
        ("General Secretariat", date(2026, 11, 20))]
    assert items("The regional office in Bangkok will contact the ministries this week.",
                 "grace.mwangi@itu.int", members) == [("BDT", date(2026, 11, 6))]


def test_a_passive_commitment_is_due_on_the_day_it_names(members: MembersConfig) -> None:
    assert items("The final report will be posted on the ISCG page on Monday.",
                 "lucia.bianchi@itu.int", members) == [
        ("General Secretariat", date(2026, 11, 9))]


def test_the_day_of_an_event_or_a_member_of_the_list_owes_nothing(
    members: MembersConfig,
) -> None:
    assert items("The SG3 workshop will take place in Geneva on 3 December.",
                 "lucia.bianchi@itu.int", members) == []
    assert items("The new edition will go online on 1 December.", "grace.mwangi@itu.int",
                 members) == []
    assert items("Our regulator will publish the consultation by 20 November.",
                 "someone@example.org", members) == []
