"""Which point of its message an item is ("On the second point: done") is read in the
text the extractor read, its shorthand spelt out ("pls" as "please"): the items' offsets
are in that text, not in the stored one (review3; failed before: the third "pls" put
TSB's item, the second point, on the third)."""

from __future__ import annotations

from datetime import UTC, datetime

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.analyse.terse_words import spelt_out
from iscg_mailbot.records import ActionInput
from iscg_mailbot.services.actions.closures import _points
from iscg_mailbot.store.actions import NewItem

TEXT = ("Hi all, pls see below, u & ur teams pls check b4 Fri, til then pls hold:\n"
        "1. BR: pls send the table.\n2. TSB: pls check it.\n3. BDT: pls add a line.\n")


def test_the_points_of_a_message_written_in_shorthand() -> None:
    # As extraction._input reads it: the shorthand spelt out.
    found = extract_actions(ActionInput(spelt_out(TEXT), datetime(2027, 3, 1, tzinfo=UTC)))
    assert [c.owner for c in found] == ["BR", "TSB", "BDT"]
    items = [NewItem(n, 7, 1, c.kind, "open", c.sentence, c.span[0], c.owner, "group", None)
             for n, c in enumerate(found)]
    # The texts of the items' messages by id, as closure_scan.read gives them.
    assert _points({7: TEXT}, items) == {0: 1, 1: 2, 2: 3}
