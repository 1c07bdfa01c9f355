"""Closure that reads the whole reply (minimal pairs): work left for later, the answer
put off, signatures, recipients that are not doers, a request only passed on, "It was
sent" after the sentence naming the doer, and items that name no owner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.actions import answers_question, detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.members import MembersConfig, load_members
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import MEMBERS, action_app, mail, store

PIERRE = Address("Pierre Lefebvre", "pierre@example.int")
TWO_FOR_BDT = (
    OpenItem(1, "BDT", "group", "update the table of regional indicators;"),
    OpenItem(2, "BDT", "group", "send two highlights of joint work."),
)


@pytest.fixture
def members(tmp_path: Path) -> MembersConfig:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    return load_members(tmp_path / "members.yaml")


def test_work_still_to_come_keeps_open_the_item_it_is_about() -> None:
    both = detect_closure("BDT's table and highlights are attached.", TWO_FOR_BDT)
    assert [c.item_id for c in both] == [1, 2]
    one = detect_closure("BDT's table is attached. The highlights are being cleared by "
                         "the Director and will follow next week.", TWO_FOR_BDT)
    assert [c.item_id for c in one] == [1]


def test_a_clause_saying_something_is_missing_does_not_close() -> None:
    items = (OpenItem(1, "TSB, BR", "group", "update the table of outputs"),
             OpenItem(2, "Lucia", "member", "I will circulate the draft."))
    lucia = Address("Lucia", "lucia@example.int")
    done = detect_closure("The draft is attached; TSB has sent its table.", items, sender=lucia)
    assert [(c.item_id, c.owners) for c in done] == [(1, ("TSB",)), (2, ())]
    missing = detect_closure("The draft is attached; TSB's table is still missing.", items,
                             sender=lucia)
    assert [c.item_id for c in missing] == [2]


ASK_BDT = (OpenItem(7, "BDT", "group", "Could BDT suggest three pilot cities?"),)
SIGNED = "\n\nPierre\nPierre Lefebvre, Counsellor\nTel: +41 22 730 5433\n"


def test_putting_off_the_answer_is_not_answering(members: MembersConfig) -> None:
    answer = detect_closure("Good idea. Kigali, Praia and Suva would be our candidates."
                            + SIGNED, ASK_BDT, sender=PIERRE, members=members)
    assert [c.item_id for c in answer] == [7]
    later = detect_closure("Good idea. I will check with the regional offices and come back "
                           "to you." + SIGNED, ASK_BDT, sender=PIERRE, members=members)
    assert later == []


def test_a_signature_says_nothing() -> None:
    assert answers_question("Yes, the course is given in French." + SIGNED) is True
    assert answers_question("Sure, will do." + SIGNED) is False


def test_an_answer_put_off_for_one_question_answers_the_other() -> None:
    reply = ("On the first point: yes, a workshop on counterfeit devices is planned in the "
             "Americas in 2027. On the survey of registers, I will ask BDT and come back.")
    assert answers_question(reply, "Will TSB hold a workshop in the Americas in 2027?")
    assert not answers_question(reply, "Is there a survey of national registers?")


PASS_ON = (OpenItem(1, "ITU-D Q6/2", "group", "Q6/2 is invited to comment on the draft."),
           OpenItem(2, "Amara Diallo", "member", "Amara, could you make sure the rapporteur "
                                                  "receives it?"))
AMARA = Address("Amara Diallo", "amara@example.int")


def test_a_body_named_as_recipient_is_not_the_doer() -> None:
    by_q62 = detect_closure("Q6/2 has sent its comments.", PASS_ON, sender=AMARA)
    assert [c.item_id for c in by_q62] == [1]
    to_q62 = detect_closure("Passed to the Q6/2 co-rapporteurs this morning.", PASS_ON,
                            sender=AMARA)
    assert [c.item_id for c in to_q62] == [2]


def test_passing_a_request_on_does_not_complete_it() -> None:
    item = (OpenItem(1, "ITU-D Q3/2", "group", "Q3/2 is invited to share its survey results."),)
    assert [c.item_id for c in detect_closure("Shared with SG17 today.", item)] == [1]
    assert detect_closure("Forwarded to the co-rapporteurs, who meet in January.", item) == []


def test_it_was_sent_takes_the_doer_of_the_sentence_before() -> None:
    items = (OpenItem(1, "ITU-T SG16", "group", "SG16 is invited to inform WP 5A of its work."),
             OpenItem(2, "Klaus Brenner", "member", "I will check with the ministry."))
    closed = detect_closure("SG16 agreed a reply liaison today. It was sent to the BR "
                            "secretariat this afternoon.", items)
    assert [c.item_id for c in closed] == [1]


EVERYONE = (OpenItem(1, None, None, "Each Bureau is asked to send its input by Friday."),)


def test_a_reply_does_its_senders_share_of_an_item_naming_no_owner() -> None:
    (share,) = detect_closure("Please find attached TSB's input.", EVERYONE)
    assert share.owners == ("TSB",)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


@pytest.fixture
def members_invited_app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    # A list whose request to everyone names nobody (requests_to_all: members_invited);
    # under the default (ISCG) the request below would be the group's.
    yield action_app(engine, tmp_path, "requests_to_all: members_invited\n")


def test_an_item_naming_no_owner_stays_open_for_the_others(members_invited_app: App) -> None:
    app = members_invited_app
    ask = mail("ask", "Ingrid Solheim <ingrid@example.no>", "2026-10-01T09:00:00+02:00",
               "Dear colleagues,\n\nPlease send me your inputs on the work plan by "
               "6 November.\n\nIngrid\n", subject="Work plan")
    extraction.extract_for_messages(app, store(app, ask))
    reply = mail("r", "Chen Lihua <chen@example.int>", "2026-10-02T09:00:00+02:00",
                 "Please find attached TSB's input.\n\nChen\n", subject="Work plan",
                 parent="ask")
    extraction.extract_for_messages(app, store(app, reply))
    with app.session() as session:
        item = session.scalars(select(ActionItem)).one()
        shares = list(session.scalars(select(ActionShare.owner)))
    assert (item.owner, item.status, shares) == (None, "open", ["TSB"])


def test_a_question_is_answered_by_a_reply_to_its_asker(app: App) -> None:
    ask = mail("q1", "Ingrid Solheim <ingrid@example.no>", "2026-10-01T09:00:00+02:00",
               "Dear all,\n\nCould BDT send me the list of regional workshops?\n\nIngrid\n",
               subject="Workshops")
    extraction.extract_for_messages(app, store(app, ask))
    question = mail("q2", "Klaus Brenner <klaus@example.de>", "2026-10-01T10:00:00+02:00",
                    "Which room is booked for the ISCG meeting on 12 November?\n",
                    subject="Workshops", parent="q1")
    extraction.extract_for_messages(app, store(app, question))
    to_ingrid = mail("r1", "Pierre Lefebvre <pierre@example.int>", "2026-10-02T09:00:00+02:00",
                     "Dear Ingrid,\n\nThe list is attached: six workshops in 2027.\n\nPierre\n",
                     subject="Workshops", parent="q1")
    extraction.extract_for_messages(app, store(app, to_ingrid))
    assert _open_questions(app) == 1
    to_klaus = mail("r2", "Chen Lihua <chen@example.int>", "2026-10-02T10:00:00+02:00",
                    "Dear Klaus,\n\nRoom K is booked for the whole day.\n\nChen\n",
                    subject="Workshops", parent="q2")
    extraction.extract_for_messages(app, store(app, to_klaus))
    assert _open_questions(app) == 0


def _open_questions(app: App) -> int:
    with app.session() as session:
        return len(session.scalars(select(ActionItem).where(
            ActionItem.kind == "question", ActionItem.status == "open")).all())


def test_the_sender_delivering_closes_their_promise_and_their_bodys_request(
        members: MembersConfig) -> None:
    items = (OpenItem(1, "BDT", "group", "Could BDT share its draft outline?"),
             OpenItem(2, "Pierre Lefebvre", "member", "I will send the outline once cleared."))
    closed = detect_closure("Here is the cleared outline (attached).", items, sender=PIERRE,
                            members=members)
    assert [c.item_id for c in closed] == [1, 2]


def test_a_request_to_deliver_is_not_answered_by_what_is_still_to_come(
        members: MembersConfig) -> None:
    say = (OpenItem(1, "BDT", "group", "Pierre, just checking whether BDT will propose a "
                                       "session?"),)
    send = (OpenItem(2, "BDT", "group", "Could BDT send its abstract by Friday?"),)
    reply = "Yes - one session on rural connectivity; the abstract follows tomorrow."
    assert [c.item_id for c in detect_closure(reply, say, sender=PIERRE, members=members)] == [1]
    assert detect_closure(reply, send, sender=PIERRE, members=members) == []


def test_an_owners_report_on_something_else_does_not_close_their_item(
        members: MembersConfig) -> None:
    item = (OpenItem(1, "BDT", "group", "BDT will compile the comments into one table."),)
    about = detect_closure("The comments are now in one table, sorted by chapter.", item,
                           sender=PIERRE, members=members)
    assert [c.item_id for c in about] == [1]
    other = detect_closure("Unfortunately not: the translations start in December.", item,
                           sender=PIERRE, members=members)
    assert other == []


def test_a_name_and_title_line_ending_the_reply_is_a_signature() -> None:
    assert answers_question("Yes, Geneva.") is True
    assert answers_question("Sure, will do.\n\nAmara Diallo\nDigital Networks and "
                            "Environment Division, Development Bureau\n") is False


def test_somebody_passing_on_what_was_asked_of_a_member() -> None:
    item = (OpenItem(1, "Ahmed El-Sayed", "member", "I will ask BDT about the survey."),)
    closed = detect_closure("Ahmed passed on the question.", item,
                            sender=Address("Amara Diallo", "amara@example.int"))
    assert [c.item_id for c in closed] == [1]


def test_a_greeting_with_a_title_answers_the_asker() -> None:
    """"Dear Dr Park" greets the asker "Dr. Mi-rae Park": the title is no name."""
    from iscg_mailbot.analyse.closure_greetings import addressees

    assert addressees("Dear Dr Park,\n\nRoom K is booked.") == {"park"}
    assert addressees("Dear Ms. Okafor, dear Amara,\n") == {"okafor", "amara"}
    assert addressees("Dear Drew,\n") == {"drew"}


def test_a_question_from_a_titled_sender_is_answered_by_a_titled_greeting(app: App) -> None:
    ask = mail("t1", "Dr. Mi-rae Park <park@example.kr>", "2026-10-01T09:00:00+02:00",
               "Dear all,\n\nWhich room is booked for the ISCG meeting on 12 November?\n",
               subject="Rooms")
    extraction.extract_for_messages(app, store(app, ask))
    assert _open_questions(app) == 1
    answer = mail("t2", "Chen Lihua <chen@example.int>", "2026-10-02T10:00:00+02:00",
                  "Dear Dr Park,\n\nRoom K is booked for the whole day.\n\nChen\n",
                  subject="Rooms", parent="t1")
    extraction.extract_for_messages(app, store(app, answer))
    assert _open_questions(app) == 0
