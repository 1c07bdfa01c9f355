"""A party asked in the thread that apologises for putting the thing off ("Apologies - our
rows will come on Monday") owes the same request, still open: no new item for the new
day (issue 13, act-silence). Minimal pairs of our own wording: the same promise without
the apology, or from a party nobody asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.store.models_actions import ActionItem
from tests.action_samples import action_app, mail, store

ASK = mail("d1", "Ingrid Solheim <ingrid@example.no>", "2031-03-02T09:00:00+01:00",
           "Dear all,\n\nCould BR and BDT each send me their rows for the events table by "
           "Friday 6 March?\n\nIngrid\n", subject="Events table")
NEWS = mail("n1", "Ingrid Solheim <ingrid@example.no>", "2031-03-02T09:00:00+01:00",
            "Dear all,\n\nThe events calendar is now on the SharePoint.\n\nIngrid\n",
            subject="Events calendar")


def _reply(body: str, parent: str = "d1", subject: str = "Events table") -> object:
    return mail(parent[0] + "2", "Pierre Lefebvre <pierre@example.int>",
                "2031-03-06T15:00:00+01:00", f"Dear Ingrid,\n\n{body}\n\nPierre\n",
                subject=subject, parent=parent)


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    yield action_app(engine, tmp_path)


def _replys_items(app: App) -> list[str]:
    with app.session() as session:
        return [i.sentence for i in session.scalars(select(ActionItem))
                if "Pierre" in i.sentence or ("BDT" in i.sentence and "Could" not in i.sentence)]


LATE = "Apologies - BDT will send its rows on Monday 9 March, we are still checking them."


def test_a_request_put_off_with_an_apology_is_no_new_item(app: App) -> None:
    # The same promise in a thread where nobody asked BDT for anything stays an item.
    extraction.extract_for_messages(app, store(app, ASK, _reply(LATE), NEWS, _reply(
        LATE, "n1", "Events calendar")))
    assert _replys_items(app) == [LATE]


def test_a_promise_without_delay_is_no_lateness(app: App) -> None:
    """(review2) "without delay" says the thing comes promptly: the promise stays an
    item, as it does with no word of lateness ("Apologies - ..." above is dropped)."""
    prompt = "BDT will send its rows without delay, on Monday 9 March, once checked."
    extraction.extract_for_messages(app, store(app, ASK, _reply(prompt)))
    assert _replys_items(app) == [prompt]
