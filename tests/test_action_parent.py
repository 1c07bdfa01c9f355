"""The extractor reads the message a reply answers (SQLite and PostgreSQL): whom a
question that greets nobody asks, and whether "Yes, please ..." answers a question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import QUESTION, action_app, mail, store

REPLY = mail("q2", "Klaus Brenner <klaus@example.de>", "2026-09-02T11:00:00+02:00",
             "Not yet. Will the joint session have remote participation?\n",
             subject="Joint session room", parent="q1")
ANSWER = mail("q3", "Pierre Lefebvre <pierre@example.int>", "2026-09-02T12:00:00+02:00",
              "Yes, please book room K for the joint session.\n",
              subject="Joint session room", parent="q2")


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def found(app: App) -> list[tuple[str, str, str]]:
    with app.session() as session:
        return sorted((i.kind, i.owner or "", i.sentence)
                      for i in session.scalars(select(ActionItem)))


def test_a_reply_reads_its_parent_in_the_same_batch_or_a_later_one(app: App) -> None:
    extraction.extract_for_messages(app, store(app, QUESTION, REPLY))
    # Klaus asks Pierre back: Pierre is BDT staff, so BDT owes the answer.
    assert ("question", "BDT", "Will the joint session have remote participation?") in found(app)
    # Pierre's answer to Klaus's question asks nothing new.
    before = found(app)
    extraction.extract_for_messages(app, store(app, ANSWER))
    assert found(app) == before
