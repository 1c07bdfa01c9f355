"""A reply's "let me check ... and come back to you" to what was asked of the sender (or
their unit) is an acceptance: the request stays the item, no second one is made.

Minimal pairs of our own wording, through the stored pipeline (SQLite and PostgreSQL).
The class: writers `w4` and `w8` both leave such replies unlabelled (eval/README.md,
acceptances create nothing). The same words stay an item when nobody asked the sender
or their unit, and a question that only ``find_questions`` reads (not the rules) counts
as asked, as a rule's item does. Likewise the talk of a speaker who was asked for
("I will cover the SG17 work" after "Could TSB nominate a speaker?"; `w7`, `w8`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.analyse.action_acceptances import Earlier, drop_restated
from iscg_mailbot.records import ActionCandidate, Address
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

CHECK = "Let me check with the regional offices and come back to you."


def ask(body: str) -> object:
    return mail("c1", "Ingrid Solheim <ingrid@example.no>", "2027-02-01T09:00:00+01:00",
                f"Dear all,\n\n{body}\n\nIngrid\n", subject="Regional events")


def reply(body: str, sender: str = "Pierre Lefebvre <pierre@example.int>") -> object:
    return mail("c2", sender, "2027-02-01T15:00:00+01:00", f"Hola Ingrid,\n\n{body}\n\nBye\n",
                subject="Regional events", parent="c1")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def reply_items(app: App) -> list[str]:
    with app.session() as session:
        return [i.sentence for i in session.scalars(select(ActionItem))
                if "regional offices and come back" in i.sentence]


@pytest.mark.parametrize("request_text", [
    "Could BDT send me the table of regional events by 19 February?",   # a rule's item
    "BDT: could a regional training be organized with the Dakar office?",  # a question
])
def test_let_me_check_accepts_what_was_asked(app: App, request_text: str) -> None:
    extraction.extract_for_messages(app, store(app, ask(request_text), reply(CHECK)))
    assert reply_items(app) == []


def test_let_me_check_by_someone_not_asked_stays(app: App) -> None:
    extraction.extract_for_messages(app, store(app, ask(
        "Could BDT send me the table of regional events by 19 February?"),
        reply(CHECK, "Chen Lihua <chen@example.int>")))
    assert reply_items(app) == [CHECK]


def _promise(said: str, owner: str) -> ActionCandidate:
    return ActionCandidate(kind="action", sentence=said, span=(0, len(said)), owner=owner,
                           owner_kind="person", due=None, due_text=None, confidence=0.7,
                           rule="i_will")


def test_the_talk_of_a_speaker_asked_for_is_the_nomination() -> None:
    said = "I will cover the SG17 work on routing security."
    promise = _promise(said, "TSB")
    # The sender is read as speaking for TSB (its display name here; members.yaml too).
    sender = Address("TSB", "tsb@example.int")
    speaker = Earlier("TSB", date(2027, 8, 31), "action",
                      "Could TSB nominate a speaker for the session by 31 August?")
    table = Earlier("TSB", date(2027, 8, 31), "action",
                    "Could TSB send the table of workshops by 31 August?")
    assert drop_restated([promise], sender, [speaker], None) == []
    assert drop_restated([promise], sender, [table], None) == [promise]
