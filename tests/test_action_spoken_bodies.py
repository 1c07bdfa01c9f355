"""A body spoken to before "you" with a comma or a hyphen ("BDT - could you ...",
"BDT, in addition, could you ...") owns the request (issue 13, sixth-writer round).
Our own wording; each assertion failed before the change."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 4, 12, 14, 0, tzinfo=timezone(timedelta(hours=2)))


def owners(text: str) -> list[str | None]:
    message = ActionInput(new_text="Dear colleagues,\n\nThe statement is below. " + text,
                          date=SENT, sender=Address("Ana Kovac", "ana.kovac@example.org"))
    return [c.owner for c in extract_actions(message)]


def test_a_body_spoken_to_owns_the_request() -> None:
    assert owners("BDT - could you please make sure the rapporteur sees it?") == ["BDT"]
    assert owners("BDT, in addition, could you let us know which countries are in "
                  "transition?") == ["BDT"]
