"""Several members named to open a request all owe it (action round 13; minimal pairs
of our own wording, the first assertion of each test failed before): "Yuki, Priya: if
RAG or TDAG have written inputs, please send them to me by 20 September." (`w13`-009)
and "James, Omar and Luis: as you do not hold one, please send me ..." (`w7`-003) were
the first name's alone; both writers label every name. A name followed by a statement
("Sofia, Rajesh has the file") still speaks to the first name only.
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


def test_two_names_then_a_colon(members: MembersConfig) -> None:
    assert owners("Yuki, Priya: if RAG or TDAG have written inputs, please send them to me "
                  "by 20 September.", members) == ["Yuki Sato, Priya Raman"]
    assert owners("Yuki: if RAG has written inputs, please send them to me by 20 "
                  "September.", members) == ["Yuki Sato"]


def test_three_names_joined_by_and(members: MembersConfig) -> None:
    assert owners("James, Omar and Luis: as you do not hold a badge, please send me your "
                  "full names by 7 April.", members) == [
        "James Whitfield, Omar Khalil, Luis Ramírez"]


def test_a_name_then_a_statement_about_another(members: MembersConfig) -> None:
    assert owners("Yuki, Priya sent the inputs already, please forward them to me by "
                  "20 September.", members) == ["Yuki Sato"]
