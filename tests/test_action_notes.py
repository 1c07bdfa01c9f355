"""Whose a note or request is when it names the people of a body, or nobody.

Minimal pairs of our own wording: "I attach the report for your information" in mail to
the list is the group's (ISCG) to note, while a fact told for information stays a note
of nobody's; "the ISCG members" and "BDT colleagues, please ..." name the body whose
people they are.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))
LIST = "int-sect-team@lists.itu.int"
SENDER = Address("Klaus Brenner", "klaus.brenner@example.de")


def found(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=SENDER, to=(Address("", LIST),),
                          list_address=LIST)
    return [(c.kind, c.owner) for c in extract_actions(message, members=members)]


def test_a_document_sent_for_information_is_the_group_s_to_note(members: MembersConfig) -> None:
    assert found("I attach the updated checklist for your information.", members) == [
        ("note", "ISCG")]
    assert found("The updated checklist is on the SharePoint for your information.",
                 members) == [("note", None)]
    # What was done, told for information, is news and no note at all (action round 14,
    # tests/test_action_news_for_information.py); this deployment's `notes: addressed`
    # dropped it as a note of nobody's before.
    assert found("The checklist was updated for your information.", members) == []


def test_the_people_of_a_body_stand_for_the_body(members: MembersConfig) -> None:
    assert found("BR invites the ISCG members to note the new contribution deadline.",
                 members) == [("note", "ISCG")]
    assert found("TSB and BDT colleagues, please pass the liaison to the rapporteurs.",
                 members) == [("action", "TSB, BDT")]


NADIA = Address("Nadia Haddad", "nadia.haddad@itu.int")  # General Secretariat


def test_the_secretariat_asking_about_your_sector_asks_the_bureaux(
    members: MembersConfig,
) -> None:
    # Under requests_to_all: members_invited, so that a request naming no Sector stays
    # nobody's; the default (ISCG) would give it to the group, hiding the contrast.
    def owners(text: str, sender: Address) -> list[str | None]:
        message = ActionInput(text, SENT, sender=sender, to=(Address("", LIST),),
                              list_address=LIST,
                              conventions=Conventions(requests_to_all="members_invited"))
        return [c.owner for c in extract_actions(message, members=members)]

    sectors = ("Dear colleagues,\n\nFor the operational plan, please send me by 20 March "
               "the outputs of your Sector that serve two strategic goals.\n\nNadia")
    plain = sectors.replace(" of your Sector", "")
    assert owners(sectors, NADIA) == ["TSB, BR, BDT"]
    assert owners(plain, NADIA) == [None]
    assert owners(sectors, SENDER) == [None]  # a member asking the list asks nobody in particular
