"""Act-r21's minimal pairs: the status of owed work chased in a reply, a known fact
recalled, a hand-over, a promise of what was asked named as such, and the list's
secretariat asked (each first assertion failed before)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from iscg_mailbot.analyse.action_acceptances import Earlier, drop_restated
from iscg_mailbot.analyse.actions import extract_actions
from iscg_mailbot.records import ActionCandidate, ActionInput, Address
from iscg_mailbot.settings.actions import ActionRules, load_actions_config
from tests.reply_items import MEMBERS, SENT, found

CHAIR = Address("Ingrid Solheim", "ingrid.solheim@example.no")
LIST = "int-sect-team@lists.itu.int"
ROOT = Path(__file__).resolve().parents[1]


def _items(text: str) -> list[tuple[str | None, date | None]]:
    message = ActionInput(text, SENT, sender=CHAIR)
    return [(c.owner, c.due) for c in extract_actions(message, members=MEMBERS)]


def test_a_status_asked_in_a_reply_is_a_chase() -> None:
    assert found("Thanks Elena. Pierre, where are we on the BDT figures?") == 0
    assert found("Thanks both. Where are we? Only the TDAG check is missing.") == 0
    assert found("Thanks BR! Grace, Tomás - any word from BDT?") == 0
    assert found("Hola Andrés, ¿alguna novedad?") == 0
    # The same words put as a new request, or a place asked, stay items.
    assert found("Pierre, where are we on the BDT figures? Could you send them by "
                 "Friday 12 March?") == 1
    assert found("Where are we meeting on Thursday?") == 1
    # In a first message nothing was asked before: a question.
    assert found("Pierre, where are we on the BDT figures?", reply=False) == 1


def test_a_fact_recalled_is_no_item() -> None:
    assert _items("It is recalled that the TDAG contribution deadline is "
                  "20 April 2027.") == []
    assert _items("For convenience, it is recalled that RAG will meet on 4 May 2027 and "
                  "that BR will present the report there.") == []
    assert _items("It is noted, for information, that the hotel block closes on "
                  "30 April 2027.") == []
    assert _items("A reminder that BR will hold its workshop in spring.") == []
    # A request told the same way stays one.
    assert _items("A reminder that members are kindly invited to send comments by "
                  "20 April 2027.") == [(None, date(2027, 4, 20))]
    assert _items("BR will present the report at RAG on 4 May 2027.") != []


def test_the_new_patterns_are_linear_on_hostile_text() -> None:
    for text in (" " * 50_000 + "x", "a " * 25_000 + ", it is recalled", "it is recalled ,"
                 * 3_000, "A reminder" + " that" * 10_000 + "?",
                 "questions " * 5_000 + "may be addressed", "I will take over " * 3_000,
                 "we plan to " * 5_000 + "will", "Summary:" * 6_000,
                 "Pierre, Grace, " * 3_000 + "where are we on it?"):
        start = time.process_time()
        extract_actions(ActionInput(text, SENT, sender=CHAIR), members=MEMBERS)
        found(text)
        assert time.process_time() - start < 5


def test_a_hand_over_is_no_item() -> None:
    assert _items("From 1 May I will take up a new post in the Regional Office in "
                  "Nairobi.") == []
    assert _items("I will take over Amara's ISCG files until a successor is named.") == []
    assert _items("Mr Diallo will take over from me; I shall remain the TSB focal point "
                  "for TSAG.") == []
    assert _items("I should like to inform you that, as from 1 May, questions on the "
                  "indicators may be addressed to the team's mailbox.") == []
    assert _items("After 1 May please write to me at n.m@example.org instead.") == []
    # New work said with the same verbs stays an item.
    assert _items("I will take over the drafting of the reply LS.") == [
        ("Ingrid Solheim", None)]
    assert _items("Comments should be sent to the secretariat no later than 20 April 2027.") != []


def test_the_list_secretariat_asked_in_a_wish_is_asked() -> None:
    # The list's secretariat is a party of the list, not a body off it whose wish
    # nobody owes.
    assert _items("It would be appreciated if the secretariat could update the list of "
                  "focal points.") == [("Secretariat", None)]


def test_a_promise_of_what_was_asked_named_as_such_is_an_acceptance() -> None:
    asked = [Earlier(owner="BR, TSB, BDT", due=date(2027, 3, 5), kind="action",
                     sentence="Could each Bureau send its paragraph by 5 March?")]
    tsb = Address("Elena Petrova", "elena.petrova@itu.int")

    def kept(said: str) -> int:
        item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
                               owner="TSB", owner_kind="group", due=None, due_text=None,
                               confidence=0.75, rule="entity_will")
        return len(drop_restated([item], tsb, asked, MEMBERS))

    assert kept("TSB will send the paragraph as requested.") == 0
    assert kept("TSB will send ours after the SG17 meeting.") == 0
    assert kept("TSB will also send a note on the SG17 work.") == 1


def test_a_statement_summary_is_no_item() -> None:
    assert _items("Summary: SG13 will hold its next meeting in Geneva and will review "
                  "the draft by 30 June 2027.") == []
    # The summary that asks somebody stays an item; so does the same sentence alone.
    assert _items("Summary: TSAG is invited to send comments by 30 June 2027.") == [
        ("TSAG", date(2027, 6, 30))]
    assert _items("SG13 will review the draft by 30 June 2027.") != []


def test_the_groups_representatives_addressed_are_the_groups() -> None:
    assert _items("RAG and TDAG representatives: please review the table by "
                  "4 June 2027.") == [("RAG, TDAG", date(2027, 6, 4))]
    assert _items("For the record: RAG and TDAG representatives, please review the table "
                  "by 4 June 2027.") == [("RAG, TDAG", date(2027, 6, 4))]
    # Named without the people, the label was read before too.
    assert _items("RAG and TDAG: please review the table by 4 June 2027.") == [
        ("RAG, TDAG", date(2027, 6, 4))]


def test_a_speaker_asked_for_taking_the_session_accepts() -> None:
    asked = [Earlier(owner="TSB", due=None, kind="action",
                     sentence="TSB: could you confirm a speaker for the SG17 session?")]
    tsb = Address("Elena Petrova", "elena.petrova@itu.int")

    def kept(said: str) -> int:
        item = ActionCandidate(kind="action", sentence=said, span=(0, len(said)),
                               owner="Elena Petrova", owner_kind="member", due=None,
                               due_text=None, confidence=0.75, rule="i_will")
        return len(drop_restated([item], tsb, asked, MEMBERS))

    assert kept("Confirmed for TSB - I will take the SG17 session myself.") == 0
    assert kept("Confirmed for TSB - I will also send the SG17 slides to the list.") == 1


def test_the_members_invited_are_the_list_whoever_is_greeted() -> None:
    text = ("Dear Nadia, dear colleagues,\n\nThank you, Nadia. Members are kindly invited "
            "to send comments on the draft by 20 April 2027.\n\nIngrid")
    message = ActionInput(text, SENT, sender=CHAIR, to=(Address("", LIST),),
                          list_address=LIST)
    assert [(c.owner, c.due) for c in extract_actions(message, members=MEMBERS)] == [
        ("ISCG", date(2027, 4, 20))]
    # A request that names the greeted member stays hers.
    asked = text.replace("Members are kindly invited", "Nadia is kindly invited")
    message = ActionInput(asked, SENT, sender=CHAIR, to=(Address("", LIST),),
                          list_address=LIST)
    assert [c.owner for c in extract_actions(message, members=MEMBERS)] == ["Nadia Haddad"]


def test_an_intention_without_a_day_is_no_item() -> None:
    assert _items("We plan to submit a contribution on the pilot.") == []
    assert _items("It matters for the figures we intend to show at TDAG.") == []
    # A promise, or a plan with a day, is an undertaking.
    assert _items("We will submit a contribution on the pilot.") != []
    assert _items("We plan to submit a contribution on the pilot by 20 April 2027.") == [
        ("Ingrid Solheim", date(2027, 4, 20))]


def test_the_list_secretariat_is_the_unit_configured() -> None:
    text = "The secretariat is requested to compile the replies by 9 April 2027."
    message = ActionInput(text, SENT, sender=CHAIR)
    served = ActionRules(secretariat="General Secretariat")
    assert [(c.owner, c.due) for c in extract_actions(message, served, MEMBERS)] == [
        ("General Secretariat", date(2027, 4, 9))]
    # Unset (the default), the owner is "Secretariat" as before.
    assert _items(text) == [("Secretariat", date(2027, 4, 9))]
    shipped = load_actions_config(ROOT / "config" / "actions.yaml")
    assert shipped.rules.secretariat == "General Secretariat"
