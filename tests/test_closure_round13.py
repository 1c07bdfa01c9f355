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
