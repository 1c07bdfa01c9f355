"""``threads list`` and ``actions list`` are bounded (issue 17, point 5): 50 rows by
default, a line with the exact number of the rest, ``--limit N`` and ``--all``. Through
the CLI on SQLite and PostgreSQL, with the sample archive and added threads (60 in all).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from click.testing import Result
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.store.models import MailingList, Thread
from iscg_mailbot.store.models_actions import ActionItem
from tests.test_cli_newcomer import _postgres_database, as_json, invoke

ADDED = 14  # the sample archive's 46 threads and these make 60: more than one screen


def _add_threads(url: str) -> None:
    engine = create_engine(url)
    try:
        with Session(engine) as session, session.begin():
            list_id = session.scalar(select(MailingList.id).limit(1))
            assert list_id is not None
            for n in range(ADDED):
                when = datetime(2020, 1, 1 + n, tzinfo=UTC)
                session.add(Thread(list_id=list_id, root_message_id=f"<added-{n}@test>",
                                   subject=f"Added thread {n}", first_activity=when,
                                   last_activity=when, message_count=0, participants=[],
                                   needs_analysis=False))
    finally:
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def many_url(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The analysed sample archive and ``ADDED`` more threads, once per engine."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('many') / 'm.db'}"])
    else:
        urls = _postgres_database()
    url = next(urls)
    assert invoke(url, "db", "upgrade").exit_code == 0
    imported = invoke(url, "import", str(sample_archive()), "--no-progress")
    assert imported.exit_code == 0, imported.output
    _add_threads(url)
    yield url
    for _ in urls:  # drop the PostgreSQL database
        pass


def _counts(url: str) -> tuple[int, int]:
    """Threads and action items (any kind, any status) as the database holds them."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            threads = connection.scalar(select(func.count()).select_from(Thread))
            items = connection.scalar(select(func.count()).select_from(ActionItem))
            return int(threads or 0), int(items or 0)
    finally:
        engine.dispose()


def _table_rows(result: Result) -> list[str]:
    """The rows of a table: the lines whose first cell is an id (a wrapped row's other
    lines leave it empty)."""
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if re.match(r"│ *\d+ *│", line)]


def test_threads_list_shows_50_and_counts_the_rest(many_url: str) -> None:
    threads, _ = _counts(many_url)
    assert threads == 46 + ADDED
    result = invoke(many_url, "threads", "list")
    assert len(_table_rows(result)) == 50
    assert result.stdout.rstrip().endswith(
        f"... and {threads - 50} more threads: --limit N or --all")
    assert len(as_json(invoke(many_url, "threads", "list", "--json"))) == 50


def test_threads_list_all_and_limit(many_url: str) -> None:
    threads, _ = _counts(many_url)
    everything = invoke(many_url, "threads", "list", "--all")
    assert len(_table_rows(everything)) == threads
    assert "more thread" not in everything.stdout
    assert len(as_json(invoke(many_url, "threads", "list", "--all", "--json"))) == threads
    five = invoke(many_url, "threads", "list", "--limit", "5")
    assert len(_table_rows(five)) == 5
    assert f"... and {threads - 5} more threads: --limit N or --all" in five.stdout
    # The added threads are the oldest: the last page of the full list holds them.
    assert "Added thread 0" in everything.stdout and "Added thread 0" not in five.stdout


def test_open_threads_limit_counts_the_rest(many_url: str) -> None:
    open_all = as_json(invoke(many_url, "threads", "list", "--open", "--all", "--json"))
    assert len(open_all) > 5
    five = invoke(many_url, "threads", "list", "--open", "--limit", "5")
    assert len(_table_rows(five)) == 5
    rest = len(open_all) - 5
    assert f"... and {rest} more thread{'' if rest == 1 else 's'}: --limit N or --all" \
        in five.stdout


def test_actions_list_shows_50_and_counts_the_rest(many_url: str) -> None:
    _, items = _counts(many_url)
    assert items > 50, "the sample archive should hold more than 50 action items"
    result = invoke(many_url, "actions", "list", "--kind", "all")
    assert len(_table_rows(result)) == 50
    assert result.stdout.rstrip().endswith(
        f"... and {items - 50:,} more action items: --limit N or --all")
    assert len(as_json(invoke(many_url, "actions", "list", "--kind", "all", "--json"))) == 50
    everything = invoke(many_url, "actions", "list", "--kind", "all", "--all")
    assert len(_table_rows(everything)) == items
    assert "more action item" not in everything.stdout
    assert len(as_json(invoke(many_url, "actions", "list", "--kind", "all", "--all",
                              "--json"))) == items


def test_actions_list_limit_and_owner_count(many_url: str) -> None:
    five = invoke(many_url, "actions", "list", "--kind", "all", "--limit", "5")
    _, items = _counts(many_url)
    assert len(_table_rows(five)) == 5
    assert f"... and {items - 5:,} more action items: --limit N or --all" in five.stdout
    # With --owner the count keeps only owners that really match, as the list does.
    owned = as_json(invoke(many_url, "actions", "list", "--kind", "all", "--owner", "TSAG",
                           "--all", "--json"))
    assert len(owned) > 1
    one = invoke(many_url, "actions", "list", "--kind", "all", "--owner", "TSAG",
                 "--limit", "1")
    rest = len(owned) - 1
    assert f"... and {rest} more action item{'' if rest == 1 else 's'}" in one.stdout


@pytest.mark.parametrize("command", [["threads", "list"], ["actions", "list"],
                                     ["threads", "list", "--open"]])
def test_all_with_limit_is_a_usage_error(many_url: str, command: list[str]) -> None:
    result = invoke(many_url, *command, "--all", "--limit", "5")
    assert result.exit_code == 2
    assert "--all and --limit" in result.stderr
    assert result.stdout == ""
