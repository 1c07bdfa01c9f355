"""Closure by shares and by what a reply refers to: a question asked of several owners
is answered per owner, a reply's reference to numbered points closes those points only,
and what a reply says about an item (still to come, promised, answered) decides it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services import actions as service
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _statuses(app: App) -> dict[str, str]:
    with app.session() as session:
        return {row.sentence[:40]: row.status for row in session.scalars(select(ActionItem))}


ASK = mail("f1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00", """\
Hello Chen, hello Pierre,

We are organising a summer school on test methods in Accra. Would TSB and BDT be able
to pay for travel grants for the participants from the least developed countries?

Klaus
""", subject="Summer school grants")




def test_a_question_to_two_bureaux_stays_open_until_both_answer(app: App) -> None:
    service.extract_for_messages(app, store(app, ASK))
    [(sentence, status)] = [(s, st) for s, st in _statuses(app).items() if "Would" in s]
    assert status == "open"
    tsb = mail("f2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
               "Dear Klaus,\n\nYes, TSB can give three travel grants from its fund.\n\nChen\n",
               subject="Summer school grants", parent="f1")
    service.extract_for_messages(app, store(app, tsb))
    assert _statuses(app)[sentence] == "open"  # BDT has not answered yet
    bdt = mail("f3", "Pierre Lefebvre <pierre@example.int>", "2026-05-06T09:00:00+02:00",
               "Dear Klaus,\n\nBDT can add two grants through the Africa initiative.\n\n"
               "Pierre\n", subject="Summer school grants", parent="f1")
    service.extract_for_messages(app, store(app, bdt))
    assert _statuses(app)[sentence] == "done"


def test_a_member_answering_for_another_body_answers_none_of_it(app: App) -> None:
    ask = mail("g1", "Klaus Brenner <klaus@example.de>", "2026-05-04T09:00:00+02:00",
               "Hello,\n\nDoes BDT keep a list of the national test labs in West Africa?\n\n"
               "Klaus\n", subject="Test labs")
    service.extract_for_messages(app, store(app, ask))
    other = mail("g2", "Chen Lihua <chen@example.int>", "2026-05-05T09:00:00+02:00",
                 "Dear Klaus,\n\nThe ITU-T conformity database lists the labs recognised "
                 "under the CASC scheme.\n\nChen\n", subject="Test labs", parent="g1")
    service.extract_for_messages(app, store(app, other))
    assert "done" not in set(_statuses(app).values())
