"""Unit tests of action extraction and closure detection (pure functions, no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from iscg_mailbot.analyse.action_dates import find_due
from iscg_mailbot.analyse.action_text import split_sentences
from iscg_mailbot.analyse.actions import (
    ActionRules,
    closing_sentences,
    detect_closure,
    extract_actions,
)
from iscg_mailbot.conventions import Conventions
from iscg_mailbot.records import ActionInput, Address, OpenItem
from iscg_mailbot.settings.members import MembersConfig, load_members

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = Path(__file__).resolve().parent / "data" / "action_members.yaml"
GENEVA = timezone(timedelta(hours=1))
WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=GENEVA)
KENJI = Address("Kenji Watanabe", "kenji.watanabe@example.org")
MARC = Address("Marc Dubois", "marc.dubois@example.int")
LIST = Address("ISCG list", "iscg@lists.example.int")


@pytest.fixture(scope="module")
def members() -> MembersConfig:
    return load_members(MEMBERS)


def one(text: str, when: datetime | None = WEDNESDAY, **kwargs: object) -> ActionInput:
    return ActionInput(new_text=text, date=when, **kwargs)  # type: ignore[arg-type]


# --- the liaison statement form ------------------------------------------------------


def test_action_required_note_and_provide_guidance_is_an_action_for_tdag() -> None:
    text = ("Action required: TDAG is invited to note this document and provide guidance "
            "as deemed appropriate.")
    (item,) = extract_actions(one(text))
    assert (item.kind, item.owner, item.owner_kind, item.due) == ("action", "TDAG", "group", None)
    # "as deemed appropriate" makes the request optional: less sure than a plain request.
    (plain,) = extract_actions(one("TDAG is invited to provide guidance."))
    assert item.confidence < plain.confidence


def test_invited_to_note_alone_is_a_note() -> None:
    (item,) = extract_actions(one("Action required: TSAG is invited to note this document."))
    assert (item.kind, item.owner) == ("note", "TSAG")


def test_full_liaison_statement_uses_header_lines_as_context() -> None:
    text = """LIAISON STATEMENT

For action to: ITU-T SG17
For information to: ITU-R WP5D, ITU-D SG2
Deadline: 15 April 2027
Contact: Marc Dubois, TSB

ITU-T SG13 thanks SG17 for its liaison on quantum-safe networks.

Comments on the attached draft are requested.
ITU-R WP5D is invited to note the progress of this work.
"""
    items = extract_actions(one(text))
    by_kind = {(i.kind, i.owner, i.due) for i in items}
    # The body item names nobody: the "For action to" line owns it, "Deadline" dates it.
    assert ("action", "ITU-T SG17", date(2027, 4, 15)) in by_kind
    assert ("note", "ITU-R WP5D", None) in by_kind
    # The header lines are context, not separate items: "For information to:" says who
    # is informed; the body's own note is the item (blind labellers of the independent
    # set never counted the header line).
    assert sum(1 for i in items if i.kind == "action") == 1
    assert ("note", "ITU-R WP5D, ITU-D SG2", None) not in by_kind


def test_header_lines_alone_make_one_item() -> None:
    items = extract_actions(one("For action to: TSAG\nDeadline: 1 May 2027\n\nPlease see the annex."))
    assert [(i.kind, i.owner, i.due) for i in items] == [("action", "TSAG", date(2027, 5, 1))]


def test_span_points_at_the_sentence_in_the_new_text() -> None:
    text = "Dear all,\n\nTSAG is invited to review the draft\nand send comments by 1 April 2027.\n"
    (item,) = extract_actions(one(text))
    start, end = item.span
    assert " ".join(text[start:end].split()) == item.sentence
    assert item.sentence.startswith("TSAG is invited")


# --- quoted text is never read ----------------------------------------------------------


def test_quoted_lines_and_reply_headers_are_ignored() -> None:
    text = """Thanks, Olga.

On Tue, 2 Mar 2027 at 09:12, Olga Petrova <olga.petrova@example.org> wrote:
> TSB is requested to circulate the report by 5 March 2027.
> Please send comments by Friday.
"""
    assert extract_actions(one(text)) == []
    inline = "> RAG is invited to provide input by 1 April 2027.\nAgreed, thanks.\n"
    assert extract_actions(one(inline)) == []


def test_outlook_style_forward_block_is_cut() -> None:
    text = ("Forwarding for awareness.\n\n-----Original Message-----\nFrom: TSB\n"
            "TSAG is requested to reply by 1 April 2027.\n")
    assert [i.kind for i in extract_actions(one(text))] == ["note"]


# --- due dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by 15 March 2027", date(2027, 3, 15)),
        ("by 2027-03-15", date(2027, 3, 15)),
        ("by 15/03/2027", date(2027, 3, 15)),
        ("by 15.03.2027", date(2027, 3, 15)),
        ("by March 15, 2027", date(2027, 3, 15)),
        ("by 15th of March", date(2027, 3, 15)),
        ("by 03/15/2027", date(2027, 3, 15)),  # only month-first can be valid
        ("within two weeks", date(2027, 3, 17)),
        ("within 5 working days", date(2027, 3, 10)),
        ("by Friday", date(2027, 3, 5)),
        ("by next Friday", date(2027, 3, 12)),
        ("by the end of the month", date(2027, 3, 31)),
        ("by the end of next month", date(2027, 4, 30)),
        ("by end of April", date(2027, 4, 30)),
        ("by mid-April", date(2027, 4, 15)),
        ("by COB Thursday", date(2027, 3, 4)),
        ("by tomorrow", date(2027, 3, 4)),
        ("by 10 January", date(2028, 1, 10)),  # long past this year: next year's
    ],
)
def test_due_date_forms(phrase: str, expected: date) -> None:
    (item,) = extract_actions(one(f"Please send your comments {phrase}."))
    assert item.due == expected


def test_relative_dates_use_the_senders_own_day() -> None:
    # 23:30 on Friday in New York is already Saturday in UTC.
    new_york = datetime(2027, 3, 5, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    same_instant_utc = new_york.astimezone(UTC)
    text = "Please send me your slides by tomorrow."
    assert extract_actions(one(text, new_york))[0].due == date(2027, 3, 6)
    assert extract_actions(one(text, same_instant_utc))[0].due == date(2027, 3, 7)
    # Saturday morning in Tokyo is still Friday in UTC: "by Monday" is the 8th either way,
    # but "within two days" counts from the sender's Saturday.
    tokyo = datetime(2027, 3, 6, 8, 0, tzinfo=timezone(timedelta(hours=9)))
    assert extract_actions(one("Could you confirm within two days?", tokyo))[0].due == date(2027, 3, 8)
    assert extract_actions(
        one("Could you confirm within two days?", tokyo.astimezone(UTC)))[0].due == date(2027, 3, 7)


def test_next_meeting_without_a_date_gives_no_date() -> None:
    (item,) = extract_actions(one("TSAG is requested to send its views before the next TSAG meeting."))
    assert item.kind == "action"
    assert item.due is None
    assert item.due_text == "before the next TSAG meeting"


def test_next_meeting_with_its_date_takes_the_date() -> None:
    # "before" it: the day before its first day, as any event's (act-due2); "by" it: that day.
    (item,) = extract_actions(one(
        "TSAG is requested to send its views before the next TSAG meeting (20-24 January 2028)."))
    assert item.due == date(2028, 1, 19)
    (item,) = extract_actions(one(
        "TSAG is requested to send its views by the next TSAG meeting (20-24 January 2028)."))
    assert item.due == date(2028, 1, 20)


def test_deadline_header_does_not_override_next_meeting() -> None:
    text = "Deadline: 1 April 2027\n\nRAG is invited to reply before its next meeting."
    (item,) = extract_actions(one(text))
    assert (item.owner, item.due) == ("RAG", None)


def test_relative_dates_need_the_message_date_absolute_ones_do_not() -> None:
    assert extract_actions(one("Please reply by Friday.", None))[0].due is None
    assert extract_actions(one("Please reply by 1 April 2027.", None))[0].due == date(2027, 4, 1)


def test_past_and_event_dates_are_not_due_dates() -> None:
    assert find_due("TSAG met on 20 January 2027 and agreed.", WEDNESDAY) is None
    (note,) = extract_actions(one("For your information, the Forum runs from 10 to 14 May 2027."))
    assert (note.kind, note.due) == ("note", None)
    assert extract_actions(one("We received 12 replies by the deadline of 1 March 2027.")) == []


# --- owners ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("ITU-T Study Group 17 is invited to reply.", "ITU-T SG17"),
        ("WP 5D is invited to provide the figures.", "ITU-R WP5D"),
        ("The Telecommunication Development Bureau is requested to prepare a summary.", "BDT"),
        ("We invite RAG, TSAG and TDAG to nominate focal points.", "RAG, TSAG, TDAG"),
        ("BDT, as TDAG secretariat, will share the survey results.", "BDT"),
        ("Could TSB please create a folder for the report?", "TSB"),
        ("Comments from RAG would be appreciated.", "RAG"),
        ("We would be grateful if BR could provide the extract.", "BR"),
        ("The three Bureaux are requested to report.", "BR, TSB, BDT"),
    ],
)
def test_bodies_as_owners(text: str, owner: str) -> None:
    (item,) = extract_actions(one(text))
    assert (item.owner, item.owner_kind) == (owner, "group")


def test_members_by_name_title_address_and_vocative(members: MembersConfig) -> None:
    cases = {
        "Ms Petrova is requested to present the TSAG report.": "Olga Petrova",
        "Lucia Fernandez will coordinate the RAG contribution.": "Lucía Fernández",
        "Olga, could you please share the table?": "Olga Petrova",
        "ACTION: Henrik to update the coordination table.": "Henrik Solberg",
        "The chair will circulate a draft agenda.": "Amina Diallo",
        "kenji.watanabe@example.org is requested to send the list.": "Kenji Watanabe",
    }
    for text, owner in cases.items():
        (item,) = extract_actions(one(text, sender=MARC), members=members)
        assert (item.owner, item.owner_kind) == (owner, "member"), text


def test_names_addressed_just_before_the_request(members: MembersConfig) -> None:
    text = "We still need a speaker from ITU-T: Kenji, Olga, could you please confirm a name?"
    (item,) = extract_actions(one(text, sender=MARC), members=members)
    assert (item.owner, item.owner_kind) == ("Kenji Watanabe, Olga Petrova", "member")


def test_commitments_belong_to_the_sender(members: MembersConfig) -> None:
    (item,) = extract_actions(one("I will circulate a revised draft within two weeks.",
                                  sender=KENJI), members=members)
    assert (item.owner, item.owner_kind, item.due) == ("Kenji Watanabe", "member", date(2027, 3, 17))
    stranger = Address("Jane Roe", "jane@example.com")
    (item,) = extract_actions(one("We will send the reply by Friday.", sender=stranger))
    assert (item.owner, item.owner_kind) == ("Jane Roe", "sender")


def test_unnamed_requests_belong_to_the_people_addressed_not_the_list(
    members: MembersConfig,
) -> None:
    message = one("Please send me the room allocation.", sender=KENJI, to=(MARC, LIST),
                  list_address=LIST.address)
    (item,) = extract_actions(message, members=members)
    assert (item.owner, item.owner_kind) == ("Marc Dubois", "addressees")
    # The list is not one of the people addressed: under requests_to_all:
    # members_invited, a request to the list alone names nobody ...
    to_list_only = one("Please send your comments by Friday.", sender=KENJI, to=(LIST,),
                       list_address=LIST.address,
                       conventions=Conventions(requests_to_all="members_invited"))
    (item,) = extract_actions(to_list_only, members=members)
    assert (item.owner, item.owner_kind) == (None, None)
    # ... and under the default (ISCG) it is the group's, by the list's convention.
    by_default = one("Please send your comments by Friday.", sender=KENJI, to=(LIST,),
                     list_address=LIST.address)
    (item,) = extract_actions(by_default, members=members)
    assert (item.owner, item.owner_kind) == ("ISCG", "group")


# --- kinds and configuration --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please find attached the liaison statement from ITU-T SG20.",
        "TSAG was invited to note the report at its last meeting.",
        "Please let me know if you have any questions.",
        "If you are not the intended recipient, please notify the sender immediately.",
        "The deadline for the previous round of comments was 15 January 2027.",
        "We thank ITU-T SG17 for its liaison statement.",
        "No reply is expected.",
        "Action items:",
        "Please do not reply to this message.",
    ],
)
def test_not_items(text: str) -> None:
    assert extract_actions(one(text)) == []


def test_notes_can_be_kept_counted_or_dropped() -> None:
    text = "RAG is invited to take note of Annex A.\nTSB is requested to publish it."
    kinds = [i.kind for i in extract_actions(one(text))]
    assert kinds == ["note", "action"]
    assert [i.kind for i in extract_actions(one(text), ActionRules(notes="action"))] == [
        "action", "action"]
    assert [i.kind for i in extract_actions(one(text), ActionRules(notes="drop"))] == ["action"]


def test_added_phrases_and_confidence_floor() -> None:
    text = "The ad hoc group shall look at the budget."
    assert extract_actions(one(text)) == []
    rules = ActionRules(action_phrases=("shall look at",))
    (item,) = extract_actions(one(text), rules)
    assert (item.kind, item.rule) == ("action", "custom_action")
    assert extract_actions(one(text), ActionRules(action_phrases=("shall look at",),
                                                 min_confidence=0.95)) == []


def test_sentence_splitting_keeps_abbreviations_and_folds_wrapped_lines() -> None:
    text = ("Dear all,\nSee Doc. 12 and e.g. the annex (cf. Res. 18). Mr. J. Smith agreed.\n"
            "TSAG is invited\nto reply.\n- first bullet\n- second bullet\n")
    assert [s.text for s in split_sentences(text)] == [
        "Dear all,",
        "See Doc. 12 and e.g. the annex (cf. Res. 18).",
        "Mr. J. Smith agreed.",
        "TSAG is invited to reply.",
        "first bullet",
        "second bullet",
    ]


# --- closure --------------------------------------------------------------------------------

ITEMS = (
    OpenItem(1, "TSAG", "group", "TSAG is requested to send a reply liaison."),
    OpenItem(2, "BDT", "group", "BDT will prepare a summary."),
    OpenItem(3, "Olga Petrova", "member", "Olga, could you share the table?"),
)


def test_closure_by_the_owner_named_in_the_reply() -> None:
    closed = detect_closure("Update: TSAG has sent the liaison; it has been sent to SG17.", ITEMS)
    assert [c.item_id for c in closed] == [1]
    assert closed[0].phrase == "has been sent"


def test_closure_by_the_senders_own_items(members: MembersConfig) -> None:
    olga = Address("Olga Petrova", "olga.petrova@example.org")
    closed = detect_closure("Done, see the attached table.", ITEMS, sender=olga, members=members)
    assert [c.item_id for c in closed] == [3]
    # Kenji speaks for TSAG (advisory_group in action_members.yaml): his "we have sent the
    # liaison" closes TSAG's item.
    closed = detect_closure("We have sent the liaison this morning.", ITEMS, sender=KENJI,
                            members=members)
    assert [(c.item_id, c.phrase) for c in closed] == [(1, "we have sent the liaison")]


def test_closure_of_the_only_open_item_and_of_all_items() -> None:
    assert [c.item_id for c in detect_closure("Please find attached our reply.", ITEMS[:1])] == [1]
    assert detect_closure("Please find attached our reply.", ITEMS) == []  # ambiguous
    assert [c.item_id for c in detect_closure("All actions are now completed.", ITEMS)] == [1, 2, 3]


@pytest.mark.parametrize(
    "reply",
    [
        "This is not done yet.",
        "Has the reply been sent?",
        "What remains to be done is the budget.",
        "Once it is done I will let you know.",
        "> Done.\nThanks, I will check.",
    ],
)
def test_no_closure_for_negations_questions_and_quotes(reply: str) -> None:
    assert detect_closure(reply, ITEMS[:1]) == []


def test_closure_phrases_are_configurable() -> None:
    assert detect_closure("Finished the table.", ITEMS[2:]) == []
    closed = detect_closure("Finished the table.", ITEMS[2:], phrases=["finished"])
    assert [c.item_id for c in closed] == [3]
    assert [s.phrase for s in closing_sentences("It is done.", ["done", "it is done"])] == [
        "it is done"]
