"""Action items by the structure of the request (minimal pairs; each failed before).

Questions with a plural subject, two requests in one sentence, a deadline for a
bulleted list, commitments by structure, passive commitments of secretariat staff,
event days that are not deadlines, and mail that owes nothing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from iscg_mailbot.analyse.actions import extract_actions, find_questions
from iscg_mailbot.records import ActionInput, Address
from iscg_mailbot.settings.members import MembersConfig

GENEVA = timezone(timedelta(hours=1))
SENT = datetime(2026, 10, 30, 10, 0, tzinfo=GENEVA)  # a Friday


def items(text: str, members: MembersConfig, sender: str = "ingrid.solheim@example.no",
          subject: str = "ISCG coordination") -> list[tuple[str, str | None, date | None]]:
    member = members.by_address(sender)
    message = ActionInput(text, SENT, sender=Address(member.name if member else "", sender),
                          subject=subject)
    return [(c.kind, c.owner, c.due) for c in extract_actions(message, members=members)]


def test_a_request_as_a_question_keeps_its_plural_owners_and_date(
    members: MembersConfig,
) -> None:
    assert items("Could TSB and BDT send the list of focal points by 6 November?",
                 members) == [("action", "TSB, BDT", date(2026, 11, 6))]
    assert items("Could the three Bureaux confirm their participation by 6 November 2026?",
                 members) == [("action", "BR, TSB, BDT", date(2026, 11, 6))]


def test_one_sentence_two_requests_each_with_its_owner_and_date(
    members: MembersConfig,
) -> None:
    text = ("I suggest we ask the General Secretariat to prepare a consolidated table, and "
            "the three Bureaux to indicate their focal points by 4 December.")
    assert items(text, members) == [
        ("action", "General Secretariat", None),
        ("action", "BR, TSB, BDT", date(2026, 12, 4)),
    ]
    # Two subjects of one verb stay one request.
    assert items("We ask TSB and BDT to review the draft by 4 December.", members) == [
        ("action", "TSB, BDT", date(2026, 12, 4))]


def test_a_deadline_stated_once_applies_to_each_bullet(members: MembersConfig) -> None:
    text = ("By 20 November, please provide:\n\n- TSB: the list of events\n"
            "- BDT: the survey results\n- ITU-R WP 5D: its work plan by 1 December\n")
    assert items(text, members) == [
        ("action", "TSB", date(2026, 11, 20)),
        ("action", "BDT", date(2026, 11, 20)),
        ("action", "ITU-R WP5D", date(2026, 12, 1)),
    ]


def test_commitments_by_structure_and_who_owns_them(members: MembersConfig) -> None:
    assert items("I will put the item on the agenda of the next meeting.", members) == [
        ("action", "Ingrid Solheim", None)]
    assert items("I will ask them to update the table by 10 November.", members,
                 sender="hiroshi.takemura@itu.int") == [
        ("action", "Hiroshi Takemura", date(2026, 11, 10))]
    # Secretariat staff writing in the passive commit their unit; anybody else states a fact.
    assert items("The summary will be posted on the SharePoint by 6 November.", members,
                 sender="hiroshi.takemura@itu.int") == [("action", "TSB", date(2026, 11, 6))]
    assert items("The summary will be posted on the SharePoint by 6 November.", members,
                 sender="klaus.brenner@example.de") == []
    assert items("I will be in Geneva next week.", members) == []


def test_plain_statements_and_event_days_are_no_deadlines(members: MembersConfig) -> None:
    assert items("The documents are posted on the SharePoint.", members,
                 sender="hiroshi.takemura@itu.int") == []
    assert items("Please send your comments, as we discussed on Friday.", members) == [
        ("action", None, None)]
    assert items("Please send your comments by Friday.", members) == [
        ("action", None, date(2026, 11, 6))]


def test_auto_replies_and_hand_over_notes_owe_nothing(members: MembersConfig) -> None:
    ooo = ("I am out of the office until 15 November with limited access to e-mail. "
           "Could you please contact Elena Petrova for urgent matters?")
    assert items(ooo, members, subject="Automatic reply: ISCG coordination") == []
    assert items(ooo, members) == []
    message = ActionInput(ooo, SENT, subject="Out of Office: ISCG")
    assert find_questions(message) == []
    handover = ("As of next week I am handing over the ISCG file to my colleague Elena "
                "Petrova, who will be your contact.")
    assert items(handover, members, sender="hiroshi.takemura@itu.int") == []


def test_bullets_labelled_with_topics_stay_parts_of_one_request(members: MembersConfig) -> None:
    text = ("I would be grateful if BR and TSB could send by 15 November information on:\n\n"
            "- ITU-D: national emergency telecommunication plans\n"
            "- ITU-R: satellite links for disaster relief\n")
    assert items(text, members) == [("action", "BR, TSB", date(2026, 11, 15))]


def test_a_date_relative_to_a_named_event_is_counted_from_it_or_left_open(
    members: MembersConfig,
) -> None:
    assert items("Please send your comments two weeks before the meeting on 4 December.",
                 members) == [("action", None, date(2026, 11, 20))]
    assert items("Please send your comments a week after the meeting.", members) == [
        ("action", None, None)]


def test_an_away_message_owes_nothing_but_a_traveller_asking_does(
    members: MembersConfig,
) -> None:
    assert items("I am away until 3 November; for urgent matters please contact Elena "
                 "Petrova.", members) == []
    assert items("I am travelling this week, so please send your comments to Elena by "
                 "Friday.", members) == [("action", None, date(2026, 11, 6))]


def test_a_body_named_without_its_sector_gets_it_when_knowable(members: MembersConfig) -> None:
    assert items("SG17 is invited to comment by 1 December.", members) == [
        ("action", "ITU-T SG17", date(2026, 12, 1))]
    assert items("SG5 is invited to comment by 1 December.", members,
                 subject="LS from ITU-T SG5 on e-waste") == [
        ("action", "ITU-T SG5", date(2026, 12, 1))]
    # ITU-T's or ITU-R's SG5? The message does not say: left as written.
    assert items("SG5 is invited to comment by 1 December.", members) == [
        ("action", "SG5", date(2026, 12, 1))]


def test_we_of_secretariat_staff_is_their_unit_and_i_is_the_person(
    members: MembersConfig,
) -> None:
    hiroshi = "hiroshi.takemura@itu.int"
    assert items("We will circulate the draft by 6 November.", members, sender=hiroshi) == [
        ("action", "TSB", date(2026, 11, 6))]
    assert items("I will circulate the draft by 6 November.", members, sender=hiroshi) == [
        ("action", "Hiroshi Takemura", date(2026, 11, 6))]
    assert items("We will circulate the draft by 6 November.", members,
                 sender="klaus.brenner@example.de") == [
        ("action", "Klaus Brenner", date(2026, 11, 6))]


def test_each_bureau_and_tasks_listed_under_a_request(members: MembersConfig) -> None:
    text = ("By 15 January 2027, each Bureau is kindly requested to:\n\n"
            "- update the table of outputs\n- confirm the focal point\n")
    assert items(text, members) == [("action", "BR, TSB, BDT", date(2027, 1, 15))] * 2


def test_who_will_ask_owes_the_asking(members: MembersConfig) -> None:
    assert items("BDT will ask the regional offices to identify speakers.", members,
                 sender="pierre.lefebvre@itu.int") == [("action", "BDT", None)]
    assert items("I will also ask the regional office to open registration.", members,
                 sender="amara.diallo@itu.int") == [("action", "Amara Diallo", None)]


def test_a_label_names_the_owner_and_a_short_sentence_dates_the_request(
    members: MembersConfig,
) -> None:
    assert items("TSB: could you confirm by 3 December that the references are current?",
                 members) == [("action", "TSB", date(2026, 12, 3))]
    assert items("Could TSB and BR nominate a speaker for the Digital Day? Names please by "
                 "20 November.", members) == [("action", "TSB, BR", date(2026, 11, 20))]
    assert items("Action required: ITU-D Q6/2 is invited to comment on the draft.",
                 members) == [("action", "ITU-D Q6/2", None)]
    assert items("Q26/16 is invited to prepare a reply.", members) == [
        ("action", "ITU-T Q26/16", None)]


def test_a_body_addressed_by_name_owns_the_request(members: MembersConfig) -> None:
    # As "Olga, could you ..." is owed by Olga, "BDT, could you ..." is owed by BDT
    # (a comma where a label has a colon); the comma alone names nobody acting.
    # After a greeting to everybody, whose "you" is then nobody in particular.
    assert items("Dear colleagues,\n\nBDT, could you fill in the attached survey for all "
                 "offices by 30 November?", members) == [("action", "BDT", date(2026, 11, 30))]
    assert items("Dear all,\n\nBDT and TSB, could you send a short status before the call?",
                 members) == [("action", "BDT, TSB", None)]
    assert items("Hello everyone,\n\nTSB colleagues, could you please post the report by "
                 "20 November?", members) == [("action", "TSB", date(2026, 11, 20))]
    # Not a request to BDT: the sentence goes on as BDT's own statement.
    assert items("BDT, as agreed, will send the list by 30 November.", members,
                 sender="pierre.lefebvre@itu.int") == [("action", "BDT", date(2026, 11, 30))]


def test_the_party_a_question_asks_owns_it(members: MembersConfig) -> None:
    # A request to say something is a question (tests/test_action_questions.py).
    assert items("Could BDT tell us by 30 November how many fellowships it can fund?",
                 members) == [("question", "BDT", date(2026, 11, 30))]
    message = ActionInput("Does BDT plan to collect the measurement results?", SENT)
    assert [(q.kind, q.owner) for q in find_questions(message, [], members)] == [
        ("question", "BDT")]


def test_things_listed_under_a_dated_request_are_items(members: MembersConfig) -> None:
    text = ("To prepare, could TSB, BR and BDT send by 25 November:\n\n"
            "- the list of outputs serving more than one goal\n- the KPIs to be dropped\n")
    assert items(text, members) == [("action", "TSB, BR, BDT", date(2026, 11, 25))] * 2
    assert items("Could BDT, with the regional office in Addis Ababa, propose five cities "
                 "by 1 December?", members) == [("action", "BDT", date(2026, 12, 1))]
