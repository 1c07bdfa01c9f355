"""A second request joined by "and" in one sentence is an item of its own (action
round 15; minimal pairs of our own wording, the first assertion of each test failed
before). The second clause may ask the people of a body ("Could BR prepare a note, and
could someone from BR present it?", `w7`-004) or repeat the "if" of a wish ("I would be
grateful if BR could tell us ..., and if Lucia could book a room", `w13`-020), with a
member named; both were one item, the first party's. A second clause that asks nobody
("..., and if possible by Friday") leaves one item.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 9, 6, 9, 0, tzinfo=timezone(timedelta(hours=2)))
KLAUS = Address("Klaus Brenner", "klaus.brenner@example.de")


def owners(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=KLAUS)
    return [c.owner for c in extract_actions(message, members=members)]


def test_a_wish_repeated_with_if_asks_a_second_party(members: MembersConfig) -> None:
    assert owners("I would be grateful if TSB could tell us by 30 September how many "
                  "experts will attend, and if Lucia could book a room for 40 people.",
                  members) == ["TSB", "Lucia Bianchi"]
    assert owners("I would be grateful if TSB could tell us by 30 September how many "
                  "experts will attend, and if possible their names.", members) == ["TSB"]


def test_the_people_of_a_body_asked_in_a_second_clause(members: MembersConfig) -> None:
    assert owners("Could BDT prepare a two-page note, and could someone from TSB present "
                  "it at TDAG?", members) == ["BDT", "TSB"]
    assert owners("Could BDT prepare a two-page note, and could TSB present it at TDAG?",
                  members) == ["BDT", "TSB"]
