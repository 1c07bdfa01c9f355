"""Whom a request or question to a member of staff is owed by: a Bureau's staff stand for
their Bureau ("Dear Sofia, could BR ..." is BR's to answer), while the General
Secretariat's staff (the list's own secretaries, Lucia and Nadia in members.yaml) stand
for themselves: "General Secretariat" names hundreds of people and tells the chair
nothing, and the blind writers label such questions with the person (w1-032, w2-014,
w3-105, w7-003, w7-038, w10-003) far more often than with the unit (w2-006, w8-005)."""

from __future__ import annotations

from datetime import UTC, datetime

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
OMAR = Address("Omar Khalil", "omar.khalil@example.edu.eg")


def owners(text: str, members: MembersConfig, parent: Address | None = None) -> list[str | None]:
    message = ActionInput(text, SENT, sender=OMAR, parent_sender=parent,
                          parent_asks=parent is not None)
    found = extract_actions(message, members=members)
    found += find_questions(message, found, members)
    return [item.owner for item in found]


def test_a_greeted_secretary_owes_the_answer_a_greeted_bureau_officer_their_bureau(
    members: MembersConfig,
) -> None:
    question = "{},\n\nIs the room booked from 09:00, or only from 10:00?\n"
    assert owners(question.format("Dear Lucia"), members) == ["Lucia Bianchi"]
    assert owners(question.format("Dear Sofia"), members) == ["BR"]


def test_a_question_in_reply_to_a_secretary_is_theirs(members: MembersConfig) -> None:
    question = "Thanks. Is the document restricted to Member States?\n"
    assert owners(question, members, Address("Nadia Haddad", "nadia.haddad@itu.int")) == [
        "Nadia Haddad"]
    assert owners(question, members, Address("Hiroshi Takemura", "hiroshi.takemura@itu.int")
                  ) == ["TSB"]
