"""The close of business with the place or zone its hour is told in ("COB Geneva", "EOD
CET"), and then the day it is of: that day, not the message's ("by COB Geneva on
Friday"). The sixteenth writer's notes name "COB Geneva" among its forms. A month's
middle in the other languages the list writes ("até meados de setembro", "a mediados
de octubre", "d'ici la mi-novembre", "bis Mitte Mai") is its 15th, as "mid-September" is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

# A Wednesday.
SENT = datetime(2027, 1, 13, 10, 0, tzinfo=UTC)


def _dues(text: str) -> list[date | None]:
    return [item.due for item in extract_actions(ActionInput(text, SENT))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Please send me your lines by COB Geneva on Friday.", date(2027, 1, 15)),
    ("Please send me your lines by COB (Geneva time) on Friday.", date(2027, 1, 15)),
    ("Please send me your lines by COB Geneva time tomorrow.", date(2027, 1, 14)),
    ("Please send me your lines by EOD CET Thursday.", date(2027, 1, 14)),
    ("Please send me your lines by COB Geneva, 22 January.", date(2027, 1, 22)),
])
def test_the_day_after_the_place(text: str, expected: date) -> None:
    assert _dues(text) == [expected]


@pytest.mark.parametrize("text", [
    "Please send me your lines by COB Geneva.",
    "Please send me your lines by COB today.",
])
def test_the_close_of_todays_business(text: str) -> None:
    assert _dues(text) == [date(2027, 1, 13)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Agrade\u00e7o uma resposta at\u00e9 meados de setembro.", date(2027, 9, 15)),
    ("\u00bfPodr\u00eda la BDT enviarnos los datos hasta mediados de octubre?",
     date(2027, 10, 15)),
    ("Pourriez-vous nous envoyer les chiffres d'ici la mi-novembre ?", date(2027, 11, 15)),
    ("K\u00f6nnten Sie die Zahlen bis Mitte Mai schicken?", date(2027, 5, 15)),
    ("Please send the figures by mid-September.", date(2027, 9, 15)),
])
def test_mid_month_in_other_languages(text: str, expected: date) -> None:
    found = find_due(text, SENT)
    assert found is not None and found.value == expected


@pytest.mark.parametrize("text", [
    "Please send the semi-final draft to the list.",
    "Agrade\u00e7o uma resposta at\u00e9 meados do ano.",  # no month: no day
])
def test_no_mid_month(text: str) -> None:
    found = find_due(text, SENT)
    assert found is None or found.value is None
