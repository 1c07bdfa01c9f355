"""A second party asked the same after a comma, its verb or modal left out (action round
19; minimal pairs of our own wording, the first assertion of each test failed before):
"Could TSB send the mapping by 5 February, BR its table by 12 February and BDT the
mapping by 19 February?" (`w6`-039) and "Could TSB and BDT send their comments by 6
October, BR confirm by 1 October whether ..." (`w7`-019) were one item for the first two
parties. Each party's clause is an item of its own, with its own date; a list of things
after a comma stays one request.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 1, 11, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def found(text: str, members: MembersConfig) -> list[tuple[str | None, str | None]]:
    message = ActionInput(text, SENT, sender=Address("Ingrid Solheim",
                                                     "ingrid.solheim@example.no"))
    return [(c.owner, c.due and c.due.isoformat())
            for c in extract_actions(message, members=members)]


def test_a_party_and_its_thing_after_a_comma(members: MembersConfig) -> None:
    assert found("Could BDT send its table by 3 February, TSB its list by 10 February "
                 "and BR the summary by 17 February?", members) == [
        ("BDT", "2027-02-03"), ("TSB", "2027-02-10"), ("BR", "2027-02-17")]
    assert found("Could BDT send its table, the list and the summary by 3 February?",
                 members) == [("BDT", "2027-02-03")]


def test_a_party_and_its_verb_after_a_comma(members: MembersConfig) -> None:
    assert found("Could TSB send its comments by 8 February, BR confirm by 4 February "
                 "whether the room is free?", members) == [
        ("TSB", "2027-02-08"), ("BR", "2027-02-04")]
    # A party named after a comma without a verb of work is no second request.
    assert len(found("Could TSB send its comments by 8 February, BR being busy until "
                     "then?", members)) == 1
