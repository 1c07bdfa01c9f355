"""Another body's vice-chair or co-chair is not the ISCG chair: "Maria, as SG1
vice-chair, could you ..." is owed by the member greeted, and "the chair" still names
the ISCG chair (minimal pair)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig, load_members

SENT = datetime(2027, 1, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members("config/members.yaml")


def _owners(sentence: str, members: MembersConfig) -> list[str | None]:
    text = f"Dear colleagues,\n\n{sentence}\n\nRegards,\nChen Lihua"
    found = extract_actions(ActionInput(new_text=text, date=SENT,
                                        sender=Address("Chen Lihua", "chen.lihua@itu.int")),
                            members=members)
    return [item.owner for item in found]


@pytest.mark.parametrize("office", ["SG2 vice-chair", "SG2 vice chair", "SG2 co-chair"])
def test_another_bodys_officer_is_not_the_iscg_chair(office: str,
                                                      members: MembersConfig) -> None:
    sentence = f"Luis, as {office}, could you kindly share the statement with the rapporteurs of Question 4/2?"
    assert _owners(sentence, members) == ["Luis Ram\u00edrez"]


def test_the_chair_still_names_the_iscg_chair(members: MembersConfig) -> None:
    assert _owners("Could the chair kindly share the statement with the rapporteurs of Question 4/2?",
                   members) == ["Ingrid Solheim"]
