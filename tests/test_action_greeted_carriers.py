"""A short sentence that only dates what was just asked stays a date when the greeting
gave it an owner (issue 13, sixth-writer round). Our own wording; failed before."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
SENT = datetime(2027, 9, 6, 12, 0, tzinfo=timezone(timedelta(hours=2)))


def items(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput(new_text=text, date=SENT,
                          sender=Address("Ana Kovac", "ana.kovac@example.org"))
    return [(c.owner, c.due) for c in extract_actions(message, members=MEMBERS)]


def test_let_me_know_by_dates_the_request_under_a_named_greeting() -> None:
    text = ("Dear Hiroshi,\n\nCould BR give a short briefing at the TSAG meeting? "
            "Please let me know by 1 October.")
    assert items(text) == [("BR", date(2027, 10, 1))]
    # Alone, it is the greeted person's request.
    assert items("Dear Hiroshi,\n\nPlease let me know by 1 October.") == [
        ("TSB", date(2027, 10, 1))]
