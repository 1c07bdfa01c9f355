"""Closure, fourteenth round (minimal pairs): a document number is nobody acting, an
answer handed to somebody else is not given."""

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


def _after(app: App, ask: str, reply: str, sender: str = "Pierre Lefebvre <pierre@example.int>",
           asker: str = "Ingrid Solheim <ingrid@example.no>") -> dict[str, str]:
    extraction.extract_for_messages(app, store(app, mail(
        "q", asker, "2027-03-01T09:00:00+01:00",
        f"Dear colleagues,\n\n{ask}\n\nBest\n", subject="Workshop")))
    extraction.extract_for_messages(app, store(app, mail(
        "r", sender, "2027-03-04T09:00:00+01:00",
        f"Dear {asker.split()[0]},\n\n{reply}\n\nRegards\n", subject="Workshop",
        parent="q")))
    return statuses(app, 60)


# --- a body's name opening a document number ------------------------------------------

TABLE = ("Could TSB prepare a comparison table of the SG17 and SG2 outputs? "
         "ISCG to consider this matter at its next meeting.")
CONSIDER = "ISCG to consider this matter at its next meeting."


@pytest.mark.parametrize(("reply", "status"), [
    ("The comparison table is attached (ISCG-26/5-011).", "open"),
    ("The comparison table is attached (ISCG-26/5-011). ISCG has considered it.", "done"),
])
def test_a_document_number_names_nobody_acting(app: App, reply: str, status: str) -> None:
    found = _after(app, TABLE, reply, sender="Chen Lihua <chen@example.int>")
    assert found[CONSIDER[:60]] == status


# --- an answer handed to somebody else ----------------------------------------------------

IDI = ("Two questions on the index: when will the 2027 edition be published? And will "
       "the new connectivity indicators be integrated in it?")


@pytest.mark.parametrize(("second", "first_status", "second_status"), [
    ("On the second point I'll let Grace reply, she is in the expert group.", "done", "open"),
    # Answering the second point only (as before): the first stays open.
    ("On the second point: the connectivity indicators will stay separate from it.",
     "open", "done"),
])
def test_a_point_handed_to_somebody_else_is_not_answered(
        app: App, second: str, first_status: str, second_status: str) -> None:
    found = _after(app, IDI, f"The 2027 edition is planned for the end of June. {second}",
                   asker="Klaus Brenner <klaus@example.de>")
    assert found[IDI[:60]] == first_status
    assert found["And will the new connectivity indicators be integrated in it"] == second_status


INTERPRETERS = ("Could TSB and BDT tell me by 10 December whether you can each cover one "
                "International Sign interpreter?")


@pytest.mark.parametrize(("reply", "status"), [
    (("From TSB side we can cover one interpreter. The registration page is managed by "
      "BDT, so I leave it to Pierre."), "open"),
    (("From TSB side we can cover one interpreter. BDT has confirmed it can cover the "
      "other one."), "done"),
])
def test_a_share_handed_on_is_not_answered_for(app: App, reply: str, status: str) -> None:
    found = _after(app, INTERPRETERS, reply, sender="Chen Lihua <chen@example.int>")
    assert found[INTERPRETERS[:60]] == status
