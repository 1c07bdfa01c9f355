"""Which kind, on forms the writers label one way by a clear majority (action kind round,
act-kind; minimal pairs of our own wording, the first assertion of each test failed
before). A request to say put as a statement, an undated request to confirm a thing, and
a request to check whether a thing is so are questions; a request to work put to people
named without a capital ("the data team"), and a request told to the readers about their
own ("Please tell me which of your files ..."), are actions.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from tests.letter_items import kinds

SENT = datetime(2027, 3, 3, 13, 40, tzinfo=timezone(timedelta(hours=1)))
SENDER = Address("Kenji Watanabe", "kenji.watanabe@example.org")


def all_kinds(text: str) -> list[str]:
    """The kinds of the actions and questions of ``text`` sent as a letter to the list."""
    message = ActionInput(new_text="Dear colleagues,\n\n" + text + "\n\nBest regards,\nKenji",
                          date=SENT, sender=SENDER)
    found = extract_actions(message)
    return [c.kind for c in found + find_questions(message, found)]


def test_a_stated_request_to_say_is_a_question() -> None:
    # "We would request TSB to clarify whether ..." (`w14`-022), "I would like TSB to tell
    # us whether ..." (`w17`-021): asked, as "Could TSB tell us whether ...?" is.
    assert kinds("We would request BR to clarify whether the new band plan applies to "
                 "drones.") == ["question"]
    assert kinds("We would request BR to prepare a note on the new band plan for "
                 "drones.") == ["action"]
    assert kinds("I would be grateful if BDT could tell us how many schools are in the "
                 "pilot.") == ["question"]
    assert kinds("I would be grateful if BDT could send us the list of schools in the "
                 "pilot.") == ["action"]


def test_confirming_a_thing_undated_is_a_question() -> None:
    # "Could TSB confirm the right Question in SG3" (`w1`-065), "Could TSB confirm the
    # room availability" (`w3`-064): an answer; with a day it settles an arrangement.
    assert kinds("Could TSB confirm the latest edition of the handbook?") == ["question"]
    assert kinds("Could TSB confirm the latest edition of the handbook by 20 March?") == [
        "action"]
    # Settling dates stays work, dated or not.
    assert kinds("Could TSB confirm the dates of the workshop?") == ["action"]


def test_checking_whether_a_thing_is_so_is_a_question() -> None:
    # "Could TSB check whether the SG3 work ... covers agent liquidity?" (`w11`-011),
    # "BR: could you check whether the Ku-band terminals need ...?" (`w15`-039).
    assert kinds("Could BR check whether the draft report covers maritime radar?") == [
        "question"]
    # Whether a party can act needs asking them: a task.
    assert kinds("Could BR check whether Kenya can host the workshop?") == ["action"]


def test_a_request_to_people_without_a_capital_is_an_action() -> None:
    # "Could the conference service test the set-up ...?" (`w2`-067), "Could the data team
    # check?" (`w7`-036), "could one of you raise this at the TSAG meeting?" (`w17`-011).
    assert all_kinds("Could the data team update the figures for Kenya?") == ["action"]
    assert all_kinds("Could the data team tell us whether the figures for Kenya are "
                     "final?") == ["question"]
    assert all_kinds("Could one of you present the survey at the TDAG meeting?") == [
        "action"]
    # A thing that could include something is asked about, not asked to work.
    assert all_kinds("Could the report include the figures for Kenya?") == ["question"]


def test_telling_readers_to_say_their_own_is_an_action() -> None:
    # "Please tell me by 6 August which of your old attachments must be kept." (`w14`-023),
    # "Please let me know by 19 February who from your group can take part." (`w9`-024).
    assert kinds("Please tell me by 6 April which of your documents must be kept.") == [
        "action"]
    # About a thing, or put as a question, it stays one.
    assert kinds("Please tell me by 6 April which documents are still in the folder.") == [
        "question"]
