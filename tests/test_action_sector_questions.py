"""A question put to a Sector ("Does ITU-T still have a Focus Group on ...?") is its
Bureau's to answer (issue 13, action round 6: the fifth and eighth writers' dev parts
put such questions to TSB, the seventh's reads the Sector named in it so), and a member's
guess that points to the Bureau ("I think it finished - TSB will know") does not answer
it. Our own wording; each first assertion failed before, the others are its pairs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import find_questions
from iscg_mailbot.analyse.closure_items import question_owners
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 4, 19, 10, 0, tzinfo=timezone(timedelta(hours=2)))
ASKER = Address("Luis Ramírez", "luis.ramirez@example.gob.mx")
MEMBER = Address("Klaus Brenner", "klaus.brenner@example.de")
QUESTION = "Does ITU-T still have a Focus Group on digital currency, or is it finished?"


def owners(text: str, members: MembersConfig) -> list[str | None]:
    message = ActionInput("Dear colleagues,\n\n" + text, SENT, sender=ASKER)
    return [q.owner for q in find_questions(message, (), members)]


def test_a_sector_asked_is_answered_by_its_bureau(members: MembersConfig) -> None:
    assert owners(QUESTION, members) == ["TSB"]
    assert owners("And is ITU-R working on HIBS coordination?", members) == ["BR"]
    # The pairs: a study group asked is its Bureau's too (action round 7: every writer's
    # dev part labels so); a Sector the question is about (not its subject) is not whom
    # it is put to.
    assert owners("Does ITU-T SG17 still have a Question on digital currency?",
                  members) == ["TSB"]
    assert owners("Does the exchange database include the ITU-R texts?", members) != ["BR"]


def test_a_guess_pointing_to_the_bureau_does_not_answer(members: MembersConfig) -> None:
    guess = "Luis, I think it finished some years ago, but I'm not sure - TSB will know."
    assert question_owners(guess, "TSB", sender=MEMBER, members=members,
                           question=QUESTION) is None
    said = "Luis, TSB closed it some years ago; the reports are published."
    assert question_owners(said, "TSB", sender=MEMBER, members=members,
                           question=QUESTION) == ()
