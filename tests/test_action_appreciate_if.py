"""A request put as the sender's appreciation is owed by the party after "if" (action
round 13; minimal pairs of our own wording, the first assertion of each test failed
before):

"I would appreciate if BR and TSB could indicate ..." (`w12`-019) was owned by nobody,
"We would also appreciate if TSB can indicate ..." (`w10`-008) was no item, and
"BR would appreciate it if BDT could confirm ..." (`w10`-001) was BR's, the party that
only wishes, as "Could BR ask WP 5D to ...?" is BR's (it asks the asking).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 20, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def owners(text: str) -> list[str | None]:
    found = extract_actions(ActionInput(new_text="Dear colleagues,\n\n" + text, date=SENT))
    return [c.owner for c in found]


def test_appreciate_without_it() -> None:
    assert owners("I would appreciate if BR and TSB could indicate the relevant texts "
                  "by 28 May.") == ["BR, TSB"]
    assert owners("I would appreciate it if BR and TSB could indicate the relevant texts "
                  "by 28 May.") == ["BR, TSB"]


def test_appreciate_with_an_adverb_between() -> None:
    assert owners("We would also appreciate if TSB can indicate the Recommendations on "
                  "the security of small devices.") == ["TSB"]
    assert owners("We would also like TSB's view on the security of small devices.") == []


def test_the_party_that_wishes_does_not_owe_it() -> None:
    assert owners("In addition, BR would appreciate it if BDT could confirm by 2 February "
                  "who will coordinate the reply.") == ["BDT"]
    # The party asked to pass a request on still owes the asking.
    assert owners("Could BR ask WP 5D to provide the study by 2 February?") == ["BR"]
