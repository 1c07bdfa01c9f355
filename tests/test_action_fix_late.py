"""Fix-late (extraction, owners): a party invited to an event after another party's
request is a guest, not asked to act ("..., and RAG is invited to the opening dinner":
"invited to" and a noun phrase, not a verb); a party thanked beside another party's
request is not its owner. Minimal pairs: each fixed case fails on main b4eac38a."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_mailbot.settings.members import MembersConfig
from tests.action_found import found

SENT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def items(text: str, members: MembersConfig) -> list[tuple[str | None, date | None]]:
    return [(c.owner, c.due) for c in found(text, members, sent=SENT)]


def test_a_party_invited_to_an_event_is_no_second_item(members: MembersConfig) -> None:
    guest = ("For the regional forum, TSB asks BDT to check the venue costs by 15 May, and "
             "the RAG is invited to the welcome reception.")
    asked = guest.replace("to the welcome reception", "to propose a speaker")
    assert items(guest, members) == [("BDT", date(2027, 5, 15))]
    assert items(asked, members) == [("BDT", date(2027, 5, 15)), ("RAG", None)]


def test_a_party_thanked_is_not_an_owner(members: MembersConfig) -> None:
    thanked = "We warmly thank TSB, and SG20 is invited to review the draft questionnaire."
    listed = "TSB, and SG20 are invited to review the draft questionnaire."
    assert items(thanked, members) == [("ITU-T SG20", None)]
    assert items(listed, members) == [("TSB, ITU-T SG20", None)]
