"""The list's parties named collectively are the parties asked (minimal pairs; each
failed before): a lower-case collective in a request ("could each advisory group let me
know ...", from the reverted trial 018ccd7) and "your Sectors" in a question put after a
lead that ends with a colon ("To update the table: have your Sectors received ...?")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2026, 9, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
CHAIR = Address("Ingrid Solheim", "ingrid.solheim@example.no")


def owners(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=CHAIR)
    items = extract_actions(message, members=MEMBERS)
    found = items + find_questions(message, items, MEMBERS)
    return [(c.owner, c.due) for c in found]


def test_a_collective_party_in_lower_case_is_asked() -> None:
    assert owners("So that we can plan the room, could each advisory group let me know by "
                  "20 November how many delegates will attend?") == [
        ("RAG, TSAG, TDAG", date(2026, 11, 20))]


def test_your_sectors_asked_after_a_lead() -> None:
    text = ("To update the coordination table before our October meeting: have your "
            "Sectors received any liaison statements of inter-Sector interest since June? "
            "Please reply by 10 September.")
    assert owners(text) == [("BR, TSB, BDT", date(2026, 9, 10))]
    # Put to "you", the question asks whom the message is addressed to: nobody named.
    assert owners(text.replace("have your Sectors received", "have you received")) == [
        (None, date(2026, 9, 10))]
