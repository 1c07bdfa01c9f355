"""A request made to several units at once is owned by each unit the words stand for
(minimal pairs of our own wording; each first case failed before): "I would propose that
each Bureau provide ...", the people of several bodies asked ("the focal points in BR,
TSB and BDT", "the vice-chairs for RAG, TSAG and TDAG"), a distributive "each Bureau" /
"chaque Bureau" in a request put to nobody in particular, and a label opening a list line
whose request is a later sentence of it ("- Bureaux: ... Please tell me ...")."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2026, 9, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
CHAIR = Address("Ingrid Solheim", "ingrid.solheim@example.no")
BUREAUX = "BR, TSB, BDT"


def owners(text: str) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=CHAIR)
    items = extract_actions(message, members=MEMBERS)
    found = items + find_questions(message, items, MEMBERS)
    return [(c.kind, c.owner, c.due) for c in found]


def test_a_proposal_with_a_modal_asks_the_parties_it_names() -> None:
    assert owners("I would propose that each Bureau provide a one-page update by "
                  "20 September.") == [("action", BUREAUX, date(2026, 9, 20))]
    assert owners("I would propose that TSB and BDT provide a one-page update by "
                  "20 September.") == [("action", "TSB, BDT", date(2026, 9, 20))]
    # As "I suggest that ..." already was.
    assert owners("I suggest that each Bureau provide a one-page update by 20 September.") == [
        ("action", BUREAUX, date(2026, 9, 20))]


def test_the_people_of_several_bodies_are_the_bodies() -> None:
    assert owners("Could the focal points in BR, TSB and BDT tell me by 18 September "
                  "whether they can attend?") == [("question", BUREAUX, date(2026, 9, 18))]
    assert owners("Could the vice-chairs for RAG, TSAG and TDAG each send me a "
                  "one-paragraph update by 15 September?") == [
        ("action", "RAG, TSAG, TDAG", date(2026, 9, 15))]
    # As "colleagues in BR" and "the RAG, TSAG and TDAG vice-chairs" already were.
    assert owners("Could the RAG, TSAG and TDAG vice-chairs each send me a one-paragraph "
                  "update by 15 September?") == [("action", "RAG, TSAG, TDAG", date(2026, 9, 15))]


def test_each_bureau_in_a_request_to_nobody_named() -> None:
    assert owners("Please let me know by 25 September the name of the speaker that each "
                  "Bureau wishes to propose.") == [("action", BUREAUX, date(2026, 9, 25))]
    assert owners("Nous vous saurions gré de bien vouloir nous indiquer, avant le 25 "
                  "septembre, le nom de l'intervenant que chaque Bureau souhaite proposer.") == [
        ("action", BUREAUX, date(2026, 9, 25))]
    # Without the distributive words, or of each member: nobody named.
    assert owners("Please let me know by 25 September the name of the speaker you wish "
                  "to propose.") == [("action", None, date(2026, 9, 25))]
    assert owners("Please let me know by 25 September the name of the speaker that each "
                  "member wishes to propose.") == [("action", None, date(2026, 9, 25))]


def test_a_list_line_label_owns_its_later_request() -> None:
    text = ("1. Bureaux: the old attachments will not be migrated to the new server. Please\n"
            "   tell me by 6 September which of them must be kept.\n"
            "2. Everyone: please add the new address to your safe senders.\n")
    assert owners(text)[0] == ("question", BUREAUX, date(2026, 9, 6))
    # A paragraph opened by the label, the same.
    assert owners("Bureaux: old attachments will not be migrated. Please tell me by 6 "
                  "September which of them must be kept.\n\nThanks") == [
        ("question", BUREAUX, date(2026, 9, 6))]
    # Without the label (or with one that names no body): nobody named.
    assert owners(text.replace("Bureaux: the", "The"))[0] == ("question", None, date(2026, 9, 6))
    assert owners(text.replace("Bureaux: the", "Server move: the"))[0] == (
        "question", None, date(2026, 9, 6))


def test_each_of_the_groups_and_the_units_only_told() -> None:
    assert owners("Could each of the advisory groups send me a short update by 20 "
                  "September?") == [("action", "RAG, TSAG, TDAG", date(2026, 9, 20))]
    assert owners("Please let me know by 20 September which speaker each of the three "
                  "Bureaux would like to propose.") == [("question", BUREAUX, date(2026, 9, 20))]
    # The Bureaux given something, or told what they will get: not the owners.
    assert owners("Please send each Bureau the draft by 20 September.") == [
        ("action", None, date(2026, 9, 20))]
    assert owners("Please send me your comments by 20 September; each Bureau will then "
                  "receive the consolidated text.") == [("action", None, date(2026, 9, 20))]
