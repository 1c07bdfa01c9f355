""""Invited to take <something> into account" asks to note, as "invited to take into
account" does; a "For information to:" header then adds no note of its own (minimal
pairs; both failed before)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 1, 20, 14, 0, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def found(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.owner) for c in extract_actions(
        ActionInput(new_text=text, date=SENT, sender=SENDER))]


def test_taking_a_named_thing_into_account_is_a_note() -> None:
    # Minimal pair: the object between "take" and "into account" keeps it a note.
    assert found("ITU-T SG3 is invited to take into account the tariff survey.") == [
        ("note", "ITU-T SG3")]
    assert found("ITU-T SG3 is invited to take the revised tariff survey into "
                 "account.") == [("note", "ITU-T SG3")]
    # Going on to ask for work makes it an action.
    assert found("ITU-T SG3 is invited to take the survey into account and to send "
                 "comments.") == [("action", "ITU-T SG3")]


def test_a_for_information_header_informs_the_bodys_note() -> None:
    text = ("For information to: ITU-T SG3, ITU-D SG1\n\n"
            "ITU-T SG3 is invited to take the revised tariff survey into account.")
    assert found(text) == [("note", "ITU-T SG3")]
