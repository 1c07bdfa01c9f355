"""A party spoken to before a dash owns the request, however the dash is typed.

Mail clients leave a hyphen between spaces where the writer meant a dash: "BDT - could
you ..." reads as "BDT \u2013 could you ..." does. Minimal pairs of our own wording: the
same sentence with an en dash, with a spaced hyphen, and with a hyphen that joins words.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 2, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Klaus Brenner", "klaus.brenner@example.de")


def owners(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=SENDER)
    return [c.owner for c in extract_actions(message, members=members)]


@pytest.mark.parametrize(("text", "owner"), [
    ("BDT {} could you make sure the rapporteur of the Question sees it?", "BDT"),
    ("A short video would be great, Sofia {} could you send it by 30 June?",
     "Sofia Lindqvist"),
])
def test_a_spaced_hyphen_is_a_dash_after_the_party_spoken_to(
    members: MembersConfig, text: str, owner: str,
) -> None:
    assert owners(text.format("\u2013"), members) == [owner]
    assert owners(text.format("-"), members) == [owner]


def test_a_hyphen_inside_words_speaks_to_nobody(members: MembersConfig) -> None:
    assert owners("Any follow-up - could you make sure the rapporteur sees it?",
                  members) == [None]
