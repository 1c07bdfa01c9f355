"""A bare "let me know" after a sentence that asks parties is theirs (action round 11;
minimal pairs of our own wording, the first assertion of each test failed before):

"RCC also asks whether TSB and BDT could each provide a speaker. Please let me know by
15 December." (`w11`-037) and "one volunteer from each advisory group (RAG, TSAG,
TDAG) ... Please let me know by 19 February who from your group can take part."
(`w9`-024) were owned by nobody; both writers label the parties asked. A sentence
that only names a body, or names a member too, gives no owner.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2026, 12, 2, 11, 0, tzinfo=timezone(timedelta(hours=1)))


def owners(text: str) -> list[str | None]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [c.owner for c in found]


def test_the_parties_a_reported_request_asks() -> None:
    asked = ("The RCC has invited ITU to its seminar in Tashkent. RCC also asks whether "
             "TSB and BDT could each provide a speaker. Please let me know by 15 December.")
    assert owners(asked) == ["TSB, BDT"]
    named = ("The RCC has invited ITU to its seminar in Tashkent. The SG17 meeting is in "
             "April. Please let me know by 15 December.")
    assert owners(named) == [None]


def test_one_from_each_advisory_group() -> None:
    asked = ("I would like a small drafting group with one volunteer from each advisory "
             "group (RAG, TSAG, TDAG), meeting online on Thursdays. Please let me know by "
             "19 February who from your group can take part.")
    assert owners(asked) == ["RAG, TSAG, TDAG"]
    mentioned = ("I would like a small drafting group, meeting online after the RAG, TSAG "
                 "and TDAG meetings. Please let me know by 19 February who can take part.")
    assert owners(mentioned) == [None]
