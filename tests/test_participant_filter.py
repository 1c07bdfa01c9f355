"""``--participant`` means one thing in every thread list (plain, ``--open``,
``--stalled``), on both databases: a member's name, a part of it naming one member, or
any of their addresses finds the threads the member wrote in from any of their
addresses; another address is matched whole; other text is part of a name or address
(``services/participants.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from iscg_mailbot.services import actions as action_service
from iscg_mailbot.services import threads as thread_service
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from tests.action_samples import mail, store

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
MEMBERS = """members:
  - {name: Klaus Brenner, address: klaus@example.de, aliases: [k.brenner@bund.example.de],
     role: representative, advisory_group: TSAG}
  - {name: Chen Lihua, address: chen@example.int, role: secretariat, organisation: TSB}
  - {name: Klara Brenneman, address: klara@example.se, role: representative,
     advisory_group: RAG}
"""
#: Each thread: its subject, and who wrote its first (and only) message. Each asks TSB
#: for something by a past date, so that it has open, overdue work.
THREADS = {
    "Work plan": "Klaus Brenner <klaus@example.de>",
    "Handbook": "Klaus Brenner <k.brenner@bund.example.de>",  # from his alias
    "Survey": "Chen Lihua <chen@example.int>",
    "Budget": "Klara Brenneman <klara@example.se>",
    "Webinar": "Mirela Klausen <mirela@klaus.example.org>",  # not a member
}


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> Iterator[App]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "members.yaml").write_text(MEMBERS, encoding="utf-8")
    (config / "actions.yaml").write_text("timezone: Europe/Zurich\n", encoding="utf-8")
    app = App(settings=Settings(config_dir=str(config)), engine=engine)
    raws = [mail(f"t{n}", sender, f"2026-08-{n + 3:02d}T10:00:00+02:00",
                 f"Dear colleagues,\n\nTSB is requested to send the {subject.lower()} "
                 "comments by 10 September 2026.\n\nBest regards\n", subject=subject)
            for n, (subject, sender) in enumerate(THREADS.items())]
    extraction.extract_for_messages(app, store(app, *raws))
    yield app


def _lists(app: App, participant: str) -> list[set[str]]:
    """The subjects each thread list finds for ``participant``."""
    plain = thread_service.threads(app, participant=participant)
    page = thread_service.threads_page(app, participant=participant)
    open_ = action_service.open_threads(app, participant=participant, now=NOW)
    stalled = action_service.stalled_threads(app, timedelta(days=7), participant=participant,
                                             now=NOW)
    return [{row.subject for row in rows} for rows in (plain, page.rows, open_, stalled)]


@pytest.mark.parametrize(("participant", "expected"), [
    # A member by name, by a part of it naming only them, by either address: both of
    # the member's addresses.
    ("Klaus Brenner", {"Work plan", "Handbook"}),
    ("klaus brenner", {"Work plan", "Handbook"}),
    ("Lihua", {"Survey"}),
    # (a member first: "klaus" names Klaus Brenner alone, so Mirela Klausen, no member,
    # is not searched for)
    ("klaus", {"Work plan", "Handbook"}),
    ("KLAUS@example.de", {"Work plan", "Handbook"}),
    ("k.brenner@bund.example.de", {"Work plan", "Handbook"}),
    # An address that is no member's: that address, whole (not "…klaus@…" elsewhere).
    ("mirela@klaus.example.org", {"Webinar"}),
    ("ra@example.se", set()),
    # A text naming no single member: part of any name or address.
    ("Brenn", {"Work plan", "Handbook", "Budget"}),
    ("Klausen", {"Webinar"}),
    ("example.de", {"Work plan", "Handbook"}),
])
def test_every_thread_list_reads_the_participant_alike(app: App, participant: str,
                                                       expected: set[str]) -> None:
    assert _lists(app, participant) == [expected] * 4
