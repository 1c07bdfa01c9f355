"""A request made by naming the party after a verb of asking, however the clause that
says what is asked opens (action round 19; minimal pairs of our own wording, the first
assertion of each test failed before): "I would ask BDT if the Regional Office could
help" (`w14`-004, -037), "We suggest TSB to organize joint meeting" and "we wish if ITU-T
SG5 experts can review it" (`w13`-035, -013), "notre Administration souhaiterait que le BR
précise si ...", "le Sénégal invite le TSB à examiner ..." (`w15`-026), "Pedimos à TSB e
ao BDT que indiquem ... se podem apoiar" (`w7`-027) were no item. Only when a party is
named; asking it whether something is so is a question, the sender's own "I will ask
them whether" stays the sender's errand.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

SENT = datetime(2027, 9, 6, 9, 0, tzinfo=timezone(timedelta(hours=-3)))


def found(text: str, members: MembersConfig) -> list[tuple[str, str | None]]:
    message = ActionInput(text, SENT, sender=Address("María Fernández",
                                                     "maria.fernandez@example.gob.ar"))
    items = extract_actions(message, members=members)
    items += find_questions(message, items, members)
    return [(c.kind, c.owner) for c in items]


def test_asking_a_party_whether(members: MembersConfig) -> None:
    assert found("Also, I would ask BR if the regional seminar could be held in "
                 "Spanish.", members) == [("question", "BR")]
    assert found("Also, I would ask if the regional seminar could be held in Spanish.",
                 members) == []


def test_suggesting_or_wishing_a_party_to_act(members: MembersConfig) -> None:
    assert found("We suggest BDT to organize a joint webinar before end of October.",
                 members) == [("action", "BDT")]
    assert found("We wish if ITU-T SG12 experts can review the questionnaire.",
                 members) == [("action", "ITU-T SG12")]
    assert found("We suggest to organize a joint webinar before end of October.",
                 members) == []


def test_other_languages(members: MembersConfig) -> None:
    assert found("Notre Administration souhaiterait que le BR précise si un séminaire "
                 "est prévu à Dakar.", members) == [("question", "BR")]
    assert found("Le Sénégal invite le TSB à examiner la possibilité d'organiser une "
                 "session.", members) == [("action", "TSB")]
    assert found("Le Sénégal a examiné la possibilité d'organiser une session.",
                 members) == []


def test_the_senders_own_errand_stays_an_action(members: MembersConfig) -> None:
    kinds = [kind for kind, _ in found("I will ask Sofia whether the room can be booked.",
                                       members)]
    assert kinds == ["action"]
