"""A note to the members as a whole, in mail to the list, is the group's (ISCG) (action
round 12, missed items; minimal pairs of our own wording, the first assertion of each
test failed before): "3. Members are invited to note the updated liaison tracker
(rev.4)." in a meeting's conclusions (`w5`-040) and "All are invited to note that slides
and handouts must be provided in accessible formats" (`w4`-026) named nobody, and a
note of nobody's is dropped in the deployment (``notes: addressed``); both writers, like
`w8` for "ISCG members are invited to note", label the ISCG. A body invited to note
keeps its own name; a fact told with "please note" names nobody, and mail to one
person stays that person's.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 6, 4, 8, 10, tzinfo=timezone(timedelta(hours=2)))
LIST = "iscg@lists.itu.int"


def noted(text: str, to: str = LIST) -> list[str | None]:
    message = ActionInput("Dear all,\n\n" + text, SENT, to=(Address("", to),),
                          list_address=LIST)
    return [c.owner for c in extract_actions(message) if c.kind == "note"]


def test_members_invited_to_note() -> None:
    assert noted("3. Members are invited to note the updated liaison tracker (rev.4).") == [
        "ISCG"]
    assert noted("3. TDAG is invited to note the updated liaison tracker (rev.4).") == [
        "TDAG"]
    # Mail to one person: theirs, as before, not the list's.
    assert noted("Members are invited to note the updated liaison tracker (rev.4).",
                 to="ingrid.solheim@example.no") == ["ingrid.solheim@example.no"]


def test_all_invited_to_note_that() -> None:
    assert noted("All are invited to note that slides and handouts must be provided in "
                 "accessible formats.") == ["ISCG"]
    assert noted("Please note that slides and handouts must be provided in accessible "
                 "formats.") == [None]
