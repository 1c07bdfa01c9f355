"""A request of one party followed by another party's "is invited to" clause, joined by
", and" or "; and", is two items, each with its own owner and date: "TSB asks BDT to
confirm X by 30 June, and RAG is invited to nominate Y". A party named with its Question
("SG20 Q3/20") opens such a clause as a plain one does."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from iscg_mailbot.settings.action_rules import PARTIES
from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import found

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def items(text: str, members: MembersConfig) -> list[tuple[str, str | None, date | None]]:
    return [(c.kind, c.owner, c.due) for c in found(text, members, sent=SENT)]


def test_an_invited_party_after_a_comma_and_is_a_second_item(members: MembersConfig) -> None:
    asked = ("For the joint workshop, TSB asks BDT to confirm the two trainers by 30 June, "
             "and RAG is invited to nominate a young engineer for the panel.")
    told = asked.replace("RAG is invited", "RAG was invited")  # a report, not a request
    assert [(o, d) for _, o, d in items(asked, members)] == [
        ("BDT", date(2027, 6, 30)), ("RAG", None)]
    assert [(o, d) for _, o, d in items(told, members)] == [("BDT", date(2027, 6, 30))]


def test_a_question_then_a_note_joined_by_semicolon_and(members: MembersConfig) -> None:
    both = ("TSB asks BDT whether it can share the survey results before the meeting; and "
            "SG20 is invited to note the figures for its work on smart villages.")
    one = both.replace("SG20 is invited", "SG20 was invited")
    assert [k for k, _, _ in items(both, members)] == ["question", "note"]
    assert [o for _, o, _ in items(both, members)] == ["BDT", "ITU-T SG20"]
    assert [k for k, _, _ in items(one, members)] == ["question"]


def test_a_party_named_with_its_question_opens_the_clause(members: MembersConfig) -> None:
    text = ("TSB asks BDT to share the survey results before the meeting; and SG20 Q3/20 is "
            "invited to note the figures for its work on smart villages.")
    assert [(k, o) for k, o, _ in items(text, members)] == [
        ("action", "BDT"), ("note", "ITU-T Q3/20")]
    assert re.fullmatch(PARTIES, "SG20 Q3/20")
    assert re.fullmatch(PARTIES, "ITU-T SG17 and SG20 Q3/20")
    assert not re.fullmatch(PARTIES, "SG20 Q3/")
