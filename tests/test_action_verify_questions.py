"""A request to verify what may or should be done with a thing owes an answer (a
question); verifying what a party will do, or a plain fact, stays a task (minimal pairs;
the questions were actions before)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 3, 3, 9, 15, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def kinds(text: str) -> list[tuple[str, str | None]]:
    found = extract_actions(ActionInput(new_text=text, date=SENT, sender=SENDER))
    return [(c.kind, c.owner) for c in found]


def test_verifying_what_may_be_done_with_a_thing_is_a_question() -> None:
    # Minimal pair: a modal of permission or duty in the clause to verify asks for a
    # yes or a no; a plain fact to verify is work on the text.
    assert kinds("Could TSB confirm that the draft handbook may be translated by "
                 "volunteers?") == [("question", "TSB")]
    assert kinds("Could TSB confirm that the draft handbook is attached to the "
                 "report?") == [("action", "TSB")]
    assert kinds("Could BR check whether the annex should be published as well?") == [
        ("question", "BR")]
    # Whether a party can act needs asking them: still a task.
    assert kinds("Could BR check whether Kenya can host the workshop?") == [("action", "BR")]
