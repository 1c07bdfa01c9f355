"""Whose a request is when the message names a party it does not ask (minimal pairs of
our own wording; each first case failed on 6037fb3): the Bureaux asked for something of
their own in one line do not also owe the line beside it that names nobody, and a member
named after a dash, before a question, is the one asked ("Sorry to butt in - Lucia, will
...?"), not the writer of the message replied to."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import load_members

SENT = datetime(2027, 4, 19, 9, 0, tzinfo=timezone(timedelta(hours=2)))
MEMBERS = load_members(Path(__file__).resolve().parents[1] / "config" / "members.yaml")
LUCIA = Address("Lucia Bianchi", "lucia.bianchi@itu.int")
ELENA = Address("Elena Petrova", "elena.petrova@itu.int")
ZHANG = Address("Zhang Wei", "zhang.wei@example.cn")


def owners(text: str, sender: Address = LUCIA, parent: Address | None = None
           ) -> list[tuple[str, str | None, date | None]]:
    message = ActionInput(text, SENT, sender=sender, parent_sender=parent)
    items = extract_actions(message, members=MEMBERS)
    found = sorted(items + find_questions(message, items, MEMBERS), key=lambda c: c.span)
    return [(c.kind, c.owner, c.due) for c in found]


def test_the_bureaux_asked_in_their_own_line_do_not_owe_the_line_beside_it() -> None:
    text = ("Dear members,\n\nThe meeting on 4 May will be held in room B.\n\n"
            "Some practical points:\n"
            "- Please tell me by Monday 26 April whether you come in person, so that I "
            "can book lunch.\n"
            "- The Bureaux are requested to send their slides by 30 April.\n\nLucia\n")
    found = owners(text)
    assert found[0][1] != "TSB, BR, BDT"  # everyone's (the list's convention), not theirs
    assert {p.strip() for p in (found[1][1] or "").split(",")} == {"BR", "TSB", "BDT"}
    # With no request of their own, a request about "the Bureaux" is still theirs.
    text = ("Dear colleagues,\n\nFor the report we need three figures that only the "
            "Bureaux can give.\n\nPlease send me your figures by 30 April.\n\nLucia\n")
    assert owners(text) == [("action", "TSB, BR, BDT", date(2027, 4, 30))]


def test_a_member_named_after_a_dash_is_asked_the_question() -> None:
    text = "Sorry to butt in on another matter - Lucia, will the briefing on 9 May be online?"
    assert owners(text, ELENA, ZHANG) == [("question", "Lucia Bianchi", None)]
    # A name after a dash that is not followed by a question is no addressee.
    text = ("Sorry to butt in on another matter - Lucia, as you know, is away. Will the "
            "briefing on 9 May be online?")
    assert owners(text, ELENA, ZHANG) == [("question", "Zhang Wei", None)]


def test_a_request_speaking_to_the_sectors_is_theirs_beside_the_bureaux_own() -> None:
    # (review4) The Bureaux named in a line of their own hold back a request naming
    # nobody, not one that speaks to them itself.
    head = "Dear colleagues,\n\nNote: the Bureaux will each present a report on 4 May.\n\n"
    found = owners(head + "Please send me the outputs of your Sector by 30 April.\n\nLucia\n")
    assert {p.strip() for p in (found[1][1] or "").split(",")} == {"BR", "TSB", "BDT"}
    found = owners(head + "Please send me your travel dates by 30 April.\n\nLucia\n")
    assert found[1][1] != "TSB, BR, BDT"
