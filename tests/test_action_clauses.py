"""One sentence, several requests (issue 13): each clause that asks a party of its own
is an item with its own owner and date, and a date said once for all of them ("both by
...") dates each. Written in our own words; each assertion failed before the change."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig, load_members

ROOT = Path(__file__).resolve().parents[1]
SENT = datetime(2026, 10, 30, 10, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(ROOT / "config" / "members.yaml")


def items(text: str, members: MembersConfig) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, SENT, sender=Address("", "someone@example.org"))
    return [(c.kind, c.owner, c.due) for c in extract_actions(message, members=members)]


def test_a_second_clause_with_a_request_of_its_own(members: MembersConfig) -> None:
    text = ("For the webinar, BR asks BDT to send the agenda by 20 November, and TSAG is "
            "requested to propose a moderator.")
    assert items(text, members) == [("action", "BDT", date(2026, 11, 20)),
                                    ("action", "TSAG", None)]


def test_requests_after_if_each_keep_their_party(members: MembersConfig) -> None:
    text = ("It would be appreciated if BR and TSB could draft, by 13 November, a list of "
            "the joint workshops, and if the TDAG could review it at its next meeting.")
    assert [(kind, owner) for kind, owner, _ in items(text, members)] == [
        ("action", "BR, TSB"), ("action", "TDAG")]
    assert items(text, members)[0][2] == date(2026, 11, 13)


def test_the_people_of_a_body_asked_in_a_second_clause(members: MembersConfig) -> None:
    text = ("I would ask TSB to circulate the draft by 6 November and RAG members to "
            "send their comments by 20 November.")
    assert items(text, members) == [("action", "TSB", date(2026, 11, 6)),
                                    ("action", "RAG", date(2026, 11, 20))]


def test_a_date_said_once_for_both_clauses(members: MembersConfig) -> None:
    text = ("We would like to ask BR to share the handbook, and BDT to indicate the pilot "
            "countries, both by 27 November if possible.")
    assert items(text, members) == [("action", "BR", date(2026, 11, 27)),
                                    ("action", "BDT", date(2026, 11, 27))]
    # A clause that has its own date keeps it.
    text = ("We would like to ask BR to share the handbook by 6 November, and BDT to "
            "indicate the pilot countries, both by 27 November.")
    assert items(text, members)[0] == ("action", "BR", date(2026, 11, 6))
