"""Lines of an action list (issue 13, sixth-writer round): several parties before "to
<verb>" ("1. BR and TSB to prepare ...", from the fifth writer's misses) and the labels
such lists use ("AI-2", "AP3:", "Action 4."), each line an item of its own, a counted
party ("All three Bureaux to send ...") asked as the bodies it counts (from the sixth
writer's). Our own wording; each assertion failed before the change."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 5, 10, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def items(text: str, members: MembersConfig) -> list[tuple[str, frozenset[str], date | None]]:
    message = ActionInput(new_text=text, date=SENT,
                          sender=Address("Ana Kovac", "ana.kovac@example.org"))
    return [(c.kind, frozenset((c.owner or "").split(", ")) - {""}, c.due)
            for c in extract_actions(message, members=members)]


def test_several_parties_before_to_verb_in_a_numbered_list(members: MembersConfig) -> None:
    text = ("Conclusions of our meeting of 1 June:\n\n"
            "1. BR and TSB to prepare a joint note on energy efficiency by 30 June.\n"
            "2. TSB, BR and BDT to update their rows of the tracker by 15 July.\n")
    assert items(text, members) == [
        ("action", frozenset({"BR", "TSB"}), date(2027, 6, 30)),
        ("action", frozenset({"TSB", "BR", "BDT"}), date(2027, 7, 15))]
    # Lower-case words before "to" are no parties.
    assert items("1. papers and slides to send later.\n", members) == []


def test_labelled_lines_of_an_action_list_are_items_each(members: MembersConfig) -> None:
    text = ("The actions as I noted them:\n\n"
            "AI-1  BR to circulate the note on rural schools - by 15 June\n"
            "AI-2  TSB and BDT to agree on dates for the joint workshop - by\n"
            "      end of June\n"
            "AI-3  All three Bureaux to send their inputs for the annual report - by\n"
            "      20 July\n")
    assert items(text, members) == [
        ("action", frozenset({"BR"}), date(2027, 6, 15)),
        ("action", frozenset({"TSB", "BDT"}), date(2027, 6, 30)),
        ("action", frozenset({"TSB", "BR", "BDT"}), date(2027, 7, 20))]
