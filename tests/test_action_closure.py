"""Closure that understands the reply (minimal pairs; the database tests run on SQLite
and PostgreSQL): the thing asked for arriving, per-owner shares of a multi-owner item,
acceptance that is not completion, and questions answered only by an answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_closure import delivery_statement
from iscg_mailbot.analyse.actions import answers_question, detect_closure
from iscg_mailbot.records import Address, OpenItem
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.members import load_members
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import MEMBERS, action_app, mail, store


@pytest.mark.parametrize(("sentence", "said"), [
    ("The input was sent to the Secretary-General yesterday.", "delivered"),
    ("Please find attached TSB's input.", "attached"),
    ("Confirmed.", "confirmed"),
    ("BDT has provided its list.", "delivered"),
    ("Sure, will do.", None),
    ("It will be sent to the Secretary-General tomorrow.", None),
    ("Has the input been sent?", None),
    ("Once it has been sent, I will let you know.", None),
])
def test_what_a_reply_sentence_reports(sentence: str, said: str | None) -> None:
    assert delivery_statement(sentence) == said


TWO_OWNERS = (OpenItem(1, "TSB, BDT", "group", "Could TSB and BDT send their lists?"),)


def test_done_for_one_owner_completes_that_share_only() -> None:
    (share,) = detect_closure("Done for BDT.", TWO_OWNERS)
    assert share.owners == ("BDT",)
    (whole,) = detect_closure("Both lists have been sent.", TWO_OWNERS)
    assert whole.owners == ()


def test_an_answer_answers_a_question_and_thanks_do_not() -> None:
    assert answers_question("Thanks, Ingrid!\n\nBest regards,\nKlaus") is False
    assert answers_question("Sure, will do.") is False
    assert answers_question("Could you say which meeting?") is False
    assert answers_question("Yes, the workshop is on 12 November in Geneva.") is True


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


ASK = mail("ask", "Ingrid Solheim <ingrid@example.no>", "2026-10-01T09:00:00+02:00",
           "Dear colleagues,\n\nCould TSB and BDT send their lists of focal points by "
           "6 November?\n\nIngrid\n", subject="Focal points")


def _status(app: App) -> tuple[str, int | None, list[str]]:
    with app.session() as session:
        item = session.scalars(select(ActionItem).where(ActionItem.owner == "TSB, BDT")).one()
        shares = sorted(session.scalars(select(ActionShare.owner)
                                        .where(ActionShare.item_id == item.id)))
        return item.status, item.closed_by_message_pk, shares


def test_a_multi_owner_item_closes_with_its_last_share(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ASK))
    accept = mail("r0", "Chen Lihua <chen@example.int>", "2026-10-01T10:00:00+02:00",
                  "Sure, will do.\n\nChen\n", subject="Focal points", parent="ask")
    extraction.extract_for_messages(app, store(app, accept))
    assert _status(app) == ("open", None, [])  # acceptance is not completion
    bdt = mail("r1", "Pierre Lefebvre <pierre@example.int>", "2026-10-02T10:00:00+02:00",
               "Done for BDT.\n\nPierre\n", subject="Focal points", parent="ask")
    extraction.extract_for_messages(app, store(app, bdt))
    assert _status(app) == ("open", None, ["BDT"])
    tsb = mail("r2", "Chen Lihua <chen@example.int>", "2026-10-03T10:00:00+02:00",
               "Please find attached TSB's list.\n\nChen\n", subject="Focal points",
               parent="r1")
    ids = store(app, tsb)
    extraction.extract_for_messages(app, ids)
    status, closer, shares = _status(app)
    assert (status, closer, shares) == ("done", ids[0], ["BDT", "TSB"])
    # Analysing the replies again changes nothing.
    assert extraction.extract_for_messages(app, ids).closed == 0


def test_a_question_waits_for_an_answer_not_for_thanks(app: App) -> None:
    question = mail("q", "Ingrid Solheim <ingrid@example.no>", "2026-10-01T09:00:00+02:00",
                    "Which room is booked for the ISCG meeting on 12 November?\n",
                    subject="Room")
    extraction.extract_for_messages(app, store(app, question))
    thanks = mail("t", "Klaus Brenner <klaus@example.de>", "2026-10-01T10:00:00+02:00",
                  "Thanks, Ingrid!\n", subject="Room", parent="q")
    assert extraction.extract_for_messages(app, store(app, thanks)).closed == 0
    answer = mail("a", "Chen Lihua <chen@example.int>", "2026-10-01T11:00:00+02:00",
                  "Room K is booked for the whole day.\n", subject="Room", parent="t")
    assert extraction.extract_for_messages(app, store(app, answer)).closed == 1


ASK_TO_SAY = (OpenItem(7, "BDT", "group", "Could BDT confirm the date of the workshop?"),)
PIERRE = "pierre@example.int"


def test_the_owner_answering_closes_and_the_owner_promising_does_not(tmp_path: Path) -> None:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    members = load_members(tmp_path / "members.yaml")
    sender = Address("Pierre Lefebvre", PIERRE)
    answered = detect_closure("The workshop is on 12 November in Geneva.", ASK_TO_SAY,
                              sender=sender, members=members)
    assert [(c.item_id, c.phrase) for c in answered] == [(7, "answered")]
    promised = detect_closure("BDT will check the date with the host and revert.", ASK_TO_SAY,
                              sender=sender, members=members)
    assert promised == []


def test_a_reply_naming_a_body_without_its_sector_closes_its_share() -> None:
    items = (OpenItem(1, "ITU-T SG17, BDT", "group", "SG17 and BDT are invited to reply."),)
    (closure,) = detect_closure("SG17 has sent its reply.", items)
    assert closure.owners == ("ITU-T SG17",)


@pytest.mark.parametrize("sentence", [
    "Circulated to both management teams this morning.",
    "Checked.",
    "Here is the cleared outline (attached).",
    "Ci-joint la liste des sessions BDT.",
    "Adjunto la contribución de BDT.",
    "SG16 approved its reply to WP 6B today.",
])
def test_completion_said_by_the_deed_or_in_other_languages(sentence: str) -> None:
    assert delivery_statement(sentence) is not None


def test_the_owner_reporting_what_was_asked_closes_it(tmp_path: Path) -> None:
    (tmp_path / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    members = load_members(tmp_path / "members.yaml")
    nominate = (OpenItem(3, "BDT", "group", "BDT is invited to nominate a speaker."),)
    pierre = Address("Pierre Lefebvre", PIERRE)
    report = detect_closure("Our nominee is Ms Grace Mwangi.", nominate, sender=pierre,
                            members=members)
    assert [c.item_id for c in report] == [3]
    assert detect_closure("We will nominate a speaker next week.", nominate, sender=pierre,
                          members=members) == []
