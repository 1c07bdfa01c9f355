"""A Sector named as the owner is its Bureau (action round 11; minimal pairs of our own
wording, the first assertion of each test failed before):

"Is there an ITU-T text on ...?" was owned by "ITU-T", which no writer labels: a Sector
answers on the list through its Bureau (TSB, BR, BDT), as `w2`-002 and `w9`-034 label
it. A Sector's bodies ("ITU-T SG13") and the Bureaux themselves keep their names.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.action_addressee import sectors_as_bureaux
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 1, 20, 12, 0, tzinfo=timezone(timedelta(hours=1)))


def owners(text: str) -> list[str | None]:
    found = extract_actions(ActionInput(new_text="Dear all,\n\n" + text, date=SENT))
    return [c.owner for c in found]


def test_a_sector_asked_is_its_bureau() -> None:
    assert owners("Is there an ITU-T text on how regulators should publish such "
                  "results, and would SG12 be interested in our study?") == ["TSB"]
    assert owners("Could ITU-T SG13 provide information on network integration?") == [
        "ITU-T SG13"]


def test_the_bureau_named_stays() -> None:
    assert owners("Could TSB tell us whether there is a text on publishing "
                  "such results?") == ["TSB"]


def test_owner_strings() -> None:
    assert sectors_as_bureaux("ITU-R, BDT") == "BR, BDT"
    assert sectors_as_bureaux("ITU-D, BDT") == "BDT"
    assert sectors_as_bureaux("ITU-T SG17, TSAG") == "ITU-T SG17, TSAG"
    assert sectors_as_bureaux(None) is None


def test_a_sector_a_liaison_statement_addresses_stays() -> None:
    assert owners("For information to: ITU-R, ITU-D") == ["ITU-R, ITU-D"]
    assert owners("The Development Sector is invited to comment by 15 November.") == ["ITU-D"]
