"""Several study groups named together are each an owner (issue 13, action round 8):
"ITU-D Study Groups 1 and 2 are invited to ..." was owed by ITU-D, and "ITU-T Study
Groups 13 and 5 are invited to note ..." by ITU-T (the plural was not read as study
groups). The eighth and tenth writers' dev parts (w8-009, w10-001) label them
[ITU-D SG1, ITU-D SG2] and [ITU-T SG13, ITU-T SG5]. Our own wording; the first test
failed before."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.action_owners import find_mentions
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput

SENT = datetime(2027, 4, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def owners(text: str) -> list[str | None]:
    return [c.owner for c in extract_actions(ActionInput(text, SENT))]


def test_study_groups_named_together_are_each_an_owner() -> None:
    assert owners("ITU-D Study Groups 1 and 2 are invited to send their views by 15 May.") == [
        "ITU-D SG1, ITU-D SG2"]
    assert owners("ITU-T Study Groups 13, 17 and 20 are invited to note the report.") == [
        "ITU-T SG13, ITU-T SG17, ITU-T SG20"]


def test_one_study_group_and_a_sector_alone_are_read_as_before() -> None:
    # The pairs: one study group keeps its name, a Sector's study groups unnumbered the Sector.
    assert owners("ITU-D Study Group 1 is invited to send its views by 15 May.") == ["ITU-D SG1"]
    assert [m.owner for m in find_mentions("the ITU-T study groups are invited", None)] == [
        "ITU-T"]
