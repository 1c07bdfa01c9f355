"""Closure, thirteenth round (minimal pairs): two ways a reply reports the deed done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from tests.action_samples import action_app, mail, statuses, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _status_after(app: App, ask: str, reply: str, key: str) -> str:
    extraction.extract_for_messages(app, store(app, mail(
        "q", "Ingrid Solheim <ingrid@example.no>", "2027-03-01T09:00:00+01:00",
        f"Dear colleagues,\n\n{ask}\n\nIngrid\n", subject="Workshop")))
    extraction.extract_for_messages(app, store(app, mail(
        "r", "Pierre Lefebvre <pierre@example.int>", "2027-03-04T09:00:00+01:00",
        f"Ingrid,\n\n{reply}\n\nPierre\n", subject="Workshop", parent="q")))
    return statuses(app, 30)[key]


SLIDES = "Pierre, please send your slides for the workshop by Friday 5 March."


# The reply names the thing in words of its own ("deck" for "slides"): only the
# statement can tell that it came.
@pytest.mark.parametrize(("reply", "status"), [
    ("Sorry for the delay \u2013 deck attached.", "done"),
    ("Deck attached.", "done"),
    ("Sorry for the delay \u2013 deck to be attached.", "open"),
    ("Sorry, nothing attached.", "open"),
])
def test_a_clause_of_only_the_thing_and_attached_delivers_it(
        app: App, reply: str, status: str) -> None:
    assert _status_after(app, SLIDES, reply, SLIDES[:30]) == status


TRACKER = "Pierre, please correct your rows of the liaison tracker by 15 March."


@pytest.mark.parametrize(("reply", "status"), [
    ("All our entries are updated.", "done"),
    ("Sorry for the wait: all our entries are updated.", "done"),
    ("All our entries are updated weekly.", "open"),
    ("All our entries are updated by the secretariat.", "open"),
])
def test_the_state_the_deed_left_reports_it_done(app: App, reply: str, status: str) -> None:
    assert _status_after(app, TRACKER, reply, TRACKER[:30]) == status


# --- a Bureau answers for its Sector -----------------------------------------------------

SECTOR_ASK = "Does ITU-T still have a focus group on quantum networks, or is it finished?"


@pytest.mark.parametrize(("sender", "status"), [
    ("Chen Lihua <chen@example.int>", "done"),  # TSB, the Bureau of ITU-T
    ("Pierre Lefebvre <pierre@example.int>", "open"),  # BDT speaks for ITU-D
])
def test_a_question_put_to_a_sector_is_answered_by_its_bureau(
        app: App, sender: str, status: str) -> None:
    extraction.extract_for_messages(app, store(app, mail(
        "q", "Klaus Brenner <klaus@example.de>", "2027-03-01T09:00:00+01:00",
        f"Dear colleagues,\n\n{SECTOR_ASK}\n\nKlaus\n", subject="Quantum")))
    extraction.extract_for_messages(app, store(app, mail(
        "r", sender, "2027-03-04T09:00:00+01:00",
        "Dear Klaus,\n\nThe focus group concluded its work in 2024 and its reports are "
        "published; the work continues in SG13.\n\nBest regards\n",
        subject="Quantum", parent="q")))
    assert statuses(app, 30)[SECTOR_ASK[:30]] == status
