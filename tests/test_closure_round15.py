"""Closure, fifteenth round (minimal pairs; docs/evaluation.md, "Closure round 15"): a
Question's work is done when its study group reports it done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.analyse.closure_speaker import item_parts
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from tests.action_samples import action_app, mail, statuses, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _after(app: App, ask: str, reply: str, sender: str = "Chen Lihua <chen@example.int>",
           asker: str = "Ingrid Solheim <ingrid@example.no>") -> dict[str, str]:
    extraction.extract_for_messages(app, store(app, mail(
        "q", asker, "2027-03-01T09:00:00+01:00",
        f"Dear colleagues,\n\n{ask}\n\nBest\n", subject="Liaison")))
    extraction.extract_for_messages(app, store(app, mail(
        "r", sender, "2027-03-04T09:00:00+01:00",
        f"Dear {asker.split()[0]},\n\n{reply}\n\nRegards\n", subject="Liaison",
        parent="q")))
    return statuses(app, 60)


# --- a Question's work, reported done by its study group ---------------------------------

REPLY = "Q26/16 will prepare a reply at the SG16 meeting in January 2027."


@pytest.mark.parametrize(("reply", "status"), [
    ("SG16 approved its reply to WP 6B today (SG16-LS77, attached).", "done"),
    # another study group's reply is not the Question's
    ("SG13 approved its reply to WP 6B today (SG13-LS12, attached).", "open"),
])
def test_a_study_group_does_its_questions_work(app: App, reply: str, status: str) -> None:
    assert _after(app, REPLY, reply)[REPLY[:60]] == status


def test_a_question_is_not_its_study_group() -> None:
    assert {"itu-t sg16", "sg16"} <= item_parts("ITU-T Q26/16")
    assert {"itu-d sg2", "sg2", "bdt"} <= item_parts("ITU-D Q6/2, BDT")
    assert item_parts("ITU-T SG16") == frozenset({"itu-t sg16", "sg16"})  # not its Questions
