"""Closure, twelfth round (minimal pairs): a reply is matched to what the item asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.analyse.closure_items import answers_question, detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from tests.action_samples import action_app, mail, statuses, store

CHEN = Address("Chen Lihua", "chen@example.int")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)



# --- a delivery completes what asked for a thing ---------------------------------------

SEND = OpenItem(1, "TSB, BR", "group",
                "Each Bureau is asked to send its contribution to the Secretary-General's "
                "office by 23 April.")
SAY = OpenItem(2, "TSB, BR", "group",
               "I would ask the Bureaux to indicate by 16 April any case of overlap they "
               "would prefer not to mention publicly.")


def _closed(reply: str) -> set[int]:
    return {c.item_id for c in detect_closure(reply, [SEND, SAY], sender=CHEN)}


def test_a_delivery_completes_the_request_for_a_thing_not_one_to_say_something() -> None:
    assert _closed("Please find attached TSB's input.") == {1}
    assert _closed("TSB's contribution was sent to the Secretary-General today.") == {1}


def test_a_delivery_that_talks_about_the_other_request_completes_it_too() -> None:
    assert _closed("Please find attached TSB's input, which lists the one case of "
                   "overlap we would prefer not to mention publicly.") == {1, 2}


def test_a_confirmation_completes_both() -> None:
    assert _closed("Done for TSB.") == {1, 2}


# --- a delivery to one person does not answer a question put to another ---------------

def _ask(greeting: str, question: str) -> str:
    return f"""\
{greeting}

Could BDT please circulate the draft questionnaire by 10 March?

{question} tell us whether your regulator intends to field the module on
meaningful connectivity again this year?

Ingrid
"""


# The question put to Klaus by the greeting (round 12), or by name in the question itself,
# which keeps it for Klaus whatever another member's reply says (close-r10).
BY_GREETING = ("Dear Klaus, dear colleagues,", "Could you", "Could you tell us whether your")
BY_NAME = ("Dear colleagues,", "Klaus, could you", "Klaus, could you tell us wheth")


@pytest.mark.parametrize(("asked", "reply", "status"), [
    (BY_GREETING, "The draft questionnaire is attached in English, French and Spanish.",
     "open"),
    (BY_GREETING, ("The draft questionnaire is attached; the module on meaningful "
                   "connectivity stays in it, as an option."), "done"),
    (BY_NAME, "The draft questionnaire is attached in English, French and Spanish.", "open"),
    (BY_NAME, ("The draft questionnaire is attached; the module on meaningful connectivity "
               "stays in it, as an option."), "open"),
])
def test_a_delivery_answers_another_persons_question_only_when_it_talks_about_it(
        app: App, asked: tuple[str, str, str], reply: str, status: str) -> None:
    ask = mail("q", "Ingrid Solheim <ingrid@example.no>", "2027-03-01T09:00:00+01:00",
               _ask(asked[0], asked[1]), subject="Household survey")
    extraction.extract_for_messages(app, store(app, ask))
    sent = mail("r", "Pierre Lefebvre <pierre@example.int>", "2027-03-05T09:00:00+01:00",
                f"Dear Ingrid, dear all,\n\n{reply}\n\nPierre\n", subject="Household survey",
                parent="q")
    extraction.extract_for_messages(app, store(app, sent))
    shown = statuses(app, 30)
    assert shown["Could BDT please circulate the"] == "done"
    assert shown[asked[2]] == status


# --- the deed asked, reported done in the item's own verb --------------------------------

PIERRE = Address("Pierre Lefebvre", "pierre@example.int")
ASK_THEM = OpenItem(1, "Pierre Lefebvre", "member",
                    "I will ask the Q6/2 co-rapporteurs to put this on the agenda of their "
                    "meeting.")


@pytest.mark.parametrize(("reply", "closed"), [
    (("Please send it to me and I will pass it on. Update: I asked the co-rapporteurs on "
     "Friday."), True),
    (("Please send it to me and I will pass it on. Update: I checked the agenda on "
     "Friday."), False),
    ("I will ask them on Friday.", False),
])
def test_the_owner_reporting_the_deed_done_closes_it(reply: str, closed: bool) -> None:
    assert bool(detect_closure(reply, [ASK_THEM], sender=PIERRE)) is closed


APT = mail("apt", "Chen Lihua <chen@example.int>", "2026-03-30T09:00:00+02:00", """\
Dear BDT colleagues,

The APT survey below is mostly about regulatory frameworks. Could BDT reply to APT
directly before their 10 April deadline?

Chen
""", subject="APT survey")


@pytest.mark.parametrize(("reply", "status"), [
    ("I replied to APT this morning: BDT will contribute the QoS chapter of the toolkit.",
     "done"),
    ("I will reply to APT this week: BDT will contribute the QoS chapter of the toolkit.",
     "open"),
])
def test_a_request_put_as_a_question_is_answered_by_the_deed_done(
        app: App, reply: str, status: str) -> None:
    extraction.extract_for_messages(app, store(app, APT))
    answer = mail("r", "Pierre Lefebvre <pierre@example.int>", "2026-04-02T11:00:00+02:00",
                  f"Chen,\n\n{reply}\n\nPierre\n", subject="APT survey", parent="apt")
    extraction.extract_for_messages(app, store(app, answer))
    assert statuses(app, 30)["Could BDT reply to APT directl"] == status


# --- a promise that tells what will be done answers a question on it -------------------

FUND = "Could TSB and BDT co-fund fellowships for the least developed countries?"
PUBLIC = "Will the ISCG note on the EPFD limits be made public, or stay on the TIES page?"


def test_a_promise_telling_what_will_be_done_answers_the_question() -> None:
    assert answers_question("BDT will cover Bhutan, Nepal and Bangladesh (2 each) through "
                            "the Asia-Pacific regional initiative.", FUND)
    assert answers_question("It will be public: once RAG has taken note of it in November "
                            "we will move it to the open ISCG page.", PUBLIC)


def test_acceptance_a_thing_still_to_deliver_or_an_answer_put_off_does_not() -> None:
    assert not answers_question("Sure, we will do it.", FUND)
    assert not answers_question("From the BDT side we would be ready to fund some. I will "
                                "raise it with the regional office and come back to you.", FUND)
    assert not answers_question(
        "Yes, we have the template; I will send it with the EAC case study this week.",
        "Does BDT have a model agreement? Could you share it by the end of June?")


# --- what may be is neither an answer beside one put off, nor an owner answering --------

SESSION = "Could BR and TSB consider a joint session of the two groups before June?"


def test_what_might_be_beside_an_answer_put_off_does_not_answer() -> None:
    assert not answers_question("From the TSB side, SG13 would be ready to hold a joint "
                                "session. I will raise it with the chair and come back.",
                                SESSION)
    assert answers_question("From the TSB side, SG13 has agreed to a joint session with WP 5D in "
                            "May. I will come back on the date.", SESSION)


DIVIDE = mail("v", "Klaus Brenner <klaus@example.de>", "2026-09-15T10:00:00+02:00", """\
Dear experts,

Could BR and TSB explain how the work on vehicular communications is divided between
ITU-T SG16 and ITU-R WP 5A?

Klaus
""", subject="Connected vehicles")


@pytest.mark.parametrize(("named", "status"), [
    ("BR may want to add the radio side.", "open"),
    ("BR agrees with this division.", "done"),
])
def test_an_owner_named_with_what_it_may_do_has_not_answered(
        app: App, named: str, status: str) -> None:
    extraction.extract_for_messages(app, store(app, DIVIDE))
    answer = mail("r", "Chen Lihua <chen@example.int>", "2026-09-15T11:00:00+02:00",
                  "Dear Klaus,\n\nOn the ITU-T side, SG16 covers the in-vehicle multimedia and "
                  f"the services layer of connected vehicles. {named}\n\nChen\n",
                  subject="Connected vehicles", parent="v")
    extraction.extract_for_messages(app, store(app, answer))
    assert statuses(app, 30)["Could BR and TSB explain how t"] == status


# --- deliveries said in other languages ---------------------------------------------------

SPEAKER = OpenItem(1, "TSB", "group", "Could TSB propose one speaker for the side session?")


@pytest.mark.parametrize(("reply", "closed"), [
    ("Pour TSB, nous proposons M. Fall. Sa biographie est jointe.", True),
    ("Vous trouverez en pi\u00e8ce jointe la biographie de M. Fall.", True),
    ("La biographie de M. Fall a \u00e9t\u00e9 envoy\u00e9e hier.", True),
    ("La biograf\u00eda del Sr. Fall fue enviada ayer.", True),
    ("Die Biografie von Herrn Fall wurde gestern \u00fcbermittelt.", True),
    ("Die Biografie finden Sie im Anhang.", True),
    ("La biographie de M. Fall sera envoy\u00e9e demain.", False),
    ("Ce message et ses pi\u00e8ces jointes sont confidentiels.", False),
])
def test_a_delivery_in_another_language_closes(reply: str, closed: bool) -> None:
    assert bool(detect_closure(reply, [SPEAKER], sender=CHEN)) is closed


def test_a_deed_done_while_another_part_is_to_come_keeps_the_item_open() -> None:
    check = OpenItem(1, "Pierre Lefebvre", "member",
                     "Could you check the figures and send me the corrections by Friday?")
    assert not detect_closure("I checked the figures; the corrections will follow next "
                              "week.", [check], sender=PIERRE)
    assert detect_closure("I checked the figures and they are right.", [check], sender=PIERRE)
    assert not answers_question("I checked the figures; the corrections will follow next "
                                "week.", "Could you check the figures and send corrections?")


def test_what_could_be_done_beside_an_answer_put_off_still_answers() -> None:
    host = "Could BDT host the workshop in May?"
    assert answers_question("Yes, BDT could host the workshop in Nairobi in May. For the "
                            "dates, I will come back to you.", host)
    assert not answers_question("BDT would be happy to host the workshop in Nairobi. For "
                                "the dates, I will come back to you.", host)


def test_a_delivery_answers_a_question_when_it_delivers_nothing_else_asked() -> None:
    klaus = "Klaus, is the report on meaningful connectivity out yet?"
    circulate = "Could BDT please circulate the draft questionnaire by 10 March?"
    pierre = Address("Pierre Lefebvre", "pierre@example.int")
    assert answers_question("It was posted on the website yesterday.", klaus,
                            owner="Klaus Brenner", sender=pierre, others=[circulate])
    assert not answers_question("The draft questionnaire is attached.", klaus,
                                owner="Klaus Brenner", sender=pierre, others=[circulate])


# --- deliveries said otherwise in English -------------------------------------------------


@pytest.mark.parametrize(("reply", "closed"), [
    ("I am attaching the biography of Mr Fall.", True),
    ("TSB's proposal is in the attached draft (section 1).", True),
    ("Yes - it went to the SG13 secretariat on 2 July.", True),
    ("TSB's proposal for the session has gone to the SG13 secretariat.", True),
    ("I went to the SG13 meeting last week.", False),
    ("Could you comment on the figures in the attached draft?", False),
    ("The proposal will go to the SG13 secretariat next week.", False),
])
def test_a_delivery_said_otherwise_closes(reply: str, closed: bool) -> None:
    assert bool(detect_closure(reply, [SPEAKER], sender=CHEN)) is closed


# --- a reply dated before its parent (a wrong clock) ---------------------------------------


@pytest.mark.parametrize(("parent", "status"), [("ls", "done"), (None, "open")])
def test_a_reply_dated_before_the_item_it_answers_still_closes_it(
        app: App, parent: str | None, status: str) -> None:
    ask = mail("ls", "Ingrid Solheim <ingrid@example.no>", "2026-07-08T12:05:00+02:00",
               "Dear Chen,\n\nCould TSB confirm that the LS was also sent to ITU-D SG1?\n\n"
               "Ingrid\n", subject="LS on terminology")
    extraction.extract_for_messages(app, store(app, ask))
    # Written after the question, dated an hour before it by a wrong clock.
    answer = mail("r", "Chen Lihua <chen@example.int>", "2026-07-08T11:20:00+02:00",
                  "Dear Ingrid,\n\nYes, it went to ITU-D SG1 on 2 July.\n\nChen\n",
                  subject="LS on terminology", parent=parent)
    extraction.extract_for_messages(app, store(app, answer))
    assert statuses(app, 30)["Could TSB confirm that the LS "] == status
