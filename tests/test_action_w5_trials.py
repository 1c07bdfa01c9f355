"""Two classes from the fifth writer's dev misses (issue 13, cross-writer round with
w5): parties that share a request between them ("Could BR and BDT each nominate ...")
and several parties before "to <verb>" in a list of actions ("1. BR and TSB to
prepare ..."). Minimal pairs through the extractor."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address

SENT = datetime(2027, 5, 10, 9, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Ana Kovac", "ana.kovac@example.org")


def items(text: str) -> list[tuple[str, str | None, date | None]]:
    found = extract_actions(ActionInput(new_text=text, date=SENT, sender=SENDER))
    return [(c.kind, c.owner, c.due) for c in found]


def test_parties_that_each_do_the_work_are_asked() -> None:
    plain = "Could BR, BDT and the General Secretariat nominate one focal point by 21 May?"
    shared = "Could BR, BDT and the General Secretariat each nominate one focal point by 21 May?"
    want = [("action", "BR, BDT, General Secretariat", date(2027, 5, 21))]
    assert items(plain) == want
    assert items(shared) == want
    assert items("Could TSB and BDT jointly prepare a note by 21 May?") == [
        ("action", "TSB, BDT", date(2027, 5, 21))]
    # The word alone asks nothing: "each" after a party that is told, not asked.
    assert items("TSB and BDT each sent a note on 3 May.") == []


def test_a_list_of_actions_gives_each_line_its_parties() -> None:
    text = ("Conclusions of our meeting of 1 June:\n\n"
            "1. BR and TSB to prepare a joint note on energy efficiency by 30 June.\n"
            "2. TSB, BR and BDT to update their rows of the tracker by 15 July.\n"
            "3. BDT to report at our next meeting.\n")
    found = [(kind, owner, due) for kind, owner, due in items(text)]
    assert ("action", "BR, TSB", date(2027, 6, 30)) in found
    assert ("action", "TSB, BR, BDT", date(2027, 7, 15)) in found
    assert any(owner == "BDT" for _, owner, _ in found)
    # Lower-case words before "to" are no parties.
    assert items("1. papers and slides to send later.\n") == []
