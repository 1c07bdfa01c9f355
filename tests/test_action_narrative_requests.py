"""Requests that hide in narrative mail, without "please" or a question mark (issue 13,
act-missed round; minimal pairs of our own wording, the first assertion of each test
failed before): a thing that has to *arrive* somewhere by a day ("the posters must
reach the print shop by 3 May", `w12`, `w14`, `w23`, `w37`), and a question announced by
the wish to know it ("My question to BR is whether ...", "What we would like to know
from BDT is which ...", `w15`, `w37`). A forecast of what reaches the reader, a thing's
journey with no day, and a wish to know a thing (not whether or which) stay no item.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2031, 4, 7, 10, 0, tzinfo=timezone(timedelta(hours=2)))
SENDER = Address("Sofia Lindqvist", "sofia.lindqvist@itu.int")


def found(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=SENDER)
    items = extract_actions(message, members=members)
    items += find_questions(message, items, members)
    return [(c.kind, str(c.due)) for c in items]


def kinds_owners(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=SENDER)
    items = extract_actions(message, members=members)
    items += find_questions(message, items, members)
    return [(c.kind, c.owner) for c in items]


def test_a_thing_that_has_to_arrive_by_a_day(members: MembersConfig) -> None:
    assert found("The posters for the stand must reach the print shop by 3 May.",
                 members) == [("action", "2031-05-03")]
    assert found("For the visas, the scanned forms have to be with the protocol office "
                 "by Friday 11 April.", members) == [("action", "2031-04-11")]
    # No day to arrive by: the thing's journey is told, nobody is asked.
    assert found("The posters for the stand must reach the print shop in good time.",
                 members) == []


def test_arriving_at_the_reader_is_a_forecast(members: MembersConfig) -> None:
    assert found("The printed posters should reach you by 3 May.", members) == []


def test_a_question_announced_by_the_wish_to_know(members: MembersConfig) -> None:
    assert kinds_owners("My question to BDT is whether the Lomé training still has "
                        "free places for regulators.", members) == [("question", "BDT")]
    assert kinds_owners("What we would like to know from TSB is which study group "
                        "handles smart water meters.", members) == [("question", "TSB")]
    # A wish to know a thing, not whether or which: no question put to anybody.
    assert kinds_owners("We would like to know more about the Lomé training.",
                        members) == []


def test_an_announced_question_naming_nobody_leads_in(members: MembersConfig) -> None:
    # Whom it asks is named by the request that follows, which is the item.
    assert kinds_owners("We would like to know whether ITU has a guide on flood alerts. "
                        "Could BDT share it?", members) == [("action", "BDT")]
    assert kinds_owners("Our question to BR is whether there is a guide on flood alerts. "
                        "Could BDT share it?", members) == [("question", "BR"),
                                                            ("action", "BDT")]


def test_an_application_procedure_asks_nobody(members: MembersConfig) -> None:
    assert found("Requests must reach the host by 3 September.", members) == []
    assert found("Nominations must reach the host by 3 September.", members) == [
        ("action", "2031-09-03")]


def test_the_patterns_stay_linear(members: MembersConfig) -> None:
    hostile = ("my question to " + "the group of the " * 3000 + "must " + "reach " * 2000
               + "would like to know " * 300)[:50_000]
    start = time.perf_counter()
    kinds_owners(hostile, members)
    assert time.perf_counter() - start < 5.0
