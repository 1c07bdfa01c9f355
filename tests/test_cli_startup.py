"""Start-up of the chair's queries (issue 17): what a query imports, in a fresh process.

`threads list`, `actions list` and `search` are run as a new process would run them
(Click's runner inside ``python -c``, on a migrated SQLite database), and the modules
they loaded are read from ``sys.modules``. Each module named here is one a query used
to import for nothing: the extractor and its patterns, the digest, the topic service,
the records' dataclasses. Times are not asserted (``bench/cli.py`` measures them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from iscg_mailbot.cli import cli
from iscg_mailbot.cli.base import COMMAND_MODULES, load_all_commands

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config"

#: Modules no query below needs (a prefix stands for its submodules too).
NOT_FOR_QUERIES = (
    "iscg_mailbot.analyse",  # the extractor, the tagger, closure reading
    "iscg_mailbot.settings.action_rules",  # ~100 extraction patterns compiled at import
    "iscg_mailbot.services.actions.extraction",
    "iscg_mailbot.services.actions.closures",
    "iscg_mailbot.services.forwards",
    "iscg_mailbot.parse.quoting",
    "iscg_mailbot.services.topics",  # only with --topic
    "iscg_mailbot.report.digest",  # report.digest_actions too
    "iscg_mailbot.records",  # 25 dataclasses; the queries need only action_codes
    "wordllama",  # the duplication watch's meaning model: analysis only
    "rich",  # tables are drawn by cli/plain_table.py (rich: import's progress bar)
    # Tables no query reads: each is declared (and its mapper configured) only where used.
    "iscg_mailbot.store.all_models",
    "iscg_mailbot.store.models_action_shares",
    "iscg_mailbot.store.models_archive",
    "iscg_mailbot.store.models_delivery",
    "iscg_mailbot.store.models_duties",
    "iscg_mailbot.store.models_ingest",  # mailboxes, references, quarantine, failures
    "iscg_mailbot.store.models_work",
    # The website's tables: the data version is read by the website and the digest's
    # kept overlaps only (store/versions.py builds its SELECT at first use).
    "iscg_mailbot.store.models_web",
    # People's decisions and their writers (services.actions imports them at first use).
    "iscg_mailbot.services.actions.decisions",
    "iscg_mailbot.store.actions",
)

QUERIES = [
    ["threads", "list"],
    ["threads", "list", "--open"],
    ["threads", "list", "--stalled", "14d"],
    ["actions", "list", "--open"],
    ["actions", "list", "--overdue"],
    ["search", "spectrum", "-draft"],
]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('startup') / 'q.db'}"
    result = CliRunner().invoke(cli, ["--config", str(CONFIG), "db", "upgrade"],
                                env={"ISCG_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    return url


def _modules_after(args: list[str], env: dict[str, str],
                   prefixes: tuple[str, ...] = ()) -> list[str]:
    """The modules (those starting with ``prefixes``, or all) a fresh process has loaded
    after running ``args``."""
    return [m for m in _all_modules_after(tuple(args), tuple(sorted(env.items())))
            if not prefixes or m.startswith(prefixes)]


# A query's fresh process loads the same modules each time it runs: the tests of one
# query on one database read one process's list (a dozen processes instead of ~40, each
# ~0.6 s of CPU). Only lists of successful runs are kept (a failed run raises).
_RUNS: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], list[str]] = {}


def _all_modules_after(args: tuple[str, ...], env: tuple[tuple[str, str], ...]) -> list[str]:
    """Every module a fresh process has loaded after running ``args`` (run once per
    ``args`` and ``env`` in this test process)."""
    key = (args, env)
    if key not in _RUNS:
        probe = (
            "import json, sys\n"
            "from click.testing import CliRunner\n"
            "from iscg_mailbot.cli import cli\n"
            f"result = CliRunner().invoke(cli, {list(args)!r})\n"
            "assert result.exit_code == 0, result.output\n"
            "print(json.dumps(sorted(sys.modules)))"
        )
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                              check=True, env={**os.environ, **dict(env)}, cwd=ROOT)
        _RUNS[key] = json.loads(done.stdout.splitlines()[-1])
    return list(_RUNS[key])


def _loaded_by(args: list[str], url: str) -> list[str]:
    """The iscg_mailbot (and wordllama, rich) modules a fresh process has loaded after
    running ``args``."""
    return _modules_after(args, {"ISCG_DATABASE_URL": url, "ISCG_CONFIG": str(CONFIG)},
                          ("iscg_mailbot", "wordllama", "rich"))


@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_a_query_imports_only_what_it_uses(args: list[str], database: str) -> None:
    loaded = _loaded_by(args, database)
    assert "iscg_mailbot.store.tables" in loaded  # the probe did run the query
    needless = [m for m in loaded
                if any(m == name or m.startswith(name + ".") for name in NOT_FOR_QUERIES)]
    assert needless == []


#: The command line's own helpers, which every command module imports.
CLI_HELPERS = {"base", "eval_output", "output", "params", "plain_table"}


@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_a_query_imports_only_the_module_of_its_command(args: list[str], database: str) -> None:
    # The root group imports a command's module when the command is asked for: the
    # other ~80 commands' options (and their modules' imports) are not declared.
    loaded = {m.removeprefix("iscg_mailbot.cli.") for m in _loaded_by(args, database)
              if m.startswith("iscg_mailbot.cli.")}
    assert loaded - CLI_HELPERS == {COMMAND_MODULES[args[0]]}


@pytest.mark.parametrize("args", [q for q in QUERIES if q != ["threads", "list"]], ids=" ".join)
def test_a_query_without_topics_declares_no_topic_table(args: list[str], database: str) -> None:
    # Only the plain thread list shows topics; the action queries take shown_subject
    # from the thread service, which imports the topic store where it is used.
    loaded = _loaded_by(args, database)
    assert not [m for m in loaded if m.startswith(("iscg_mailbot.store.topics",
                                                   "iscg_mailbot.store.models_topics"))]
    # The action services' package imports each module at the first use of its names:
    # search reads neither the action queries nor their tables, the lists no search store.
    searching = args[0] == "search"
    assert ("iscg_mailbot.services.actions.search" in loaded) == searching
    # The thread lists (--open, --stalled) are services.actions.thread_lists, over the
    # Core tables: not the action queries. The action list reads the same Core tables:
    # no query declares the action items' mapped classes.
    acting = args[0] == "actions"
    assert ("iscg_mailbot.services.actions.queries" in loaded) == acting
    assert "iscg_mailbot.store.models_actions" not in loaded


def test_the_action_services_package_gives_each_name_from_its_module() -> None:
    import importlib

    import iscg_mailbot.services.actions as package

    assert sorted(package._MODULE_OF) == sorted(package.__all__)
    for name, module in package._MODULE_OF.items():
        where = importlib.import_module(f"{package.__name__}.{module}")
        assert getattr(package, name) is getattr(where, name)
    with pytest.raises(AttributeError):
        package.no_such_service  # noqa: B018


# (`threads list --open`, `--stalled`, `actions list` and `search` declare none: they read
# the Core tables, test_the_chairs_lists_run_without_the_orm.)
@pytest.mark.parametrize("args", [["threads", "list"]], ids=" ".join)
def test_a_query_declares_only_the_tables_it_reads(args: list[str], database: str) -> None:
    # Each mapped class costs its declaring and its mapper's configuring (issue 17,
    # start-up); the mailboxes, references, quarantine and analysis failures are
    # declared by the commands that write them (store/models_ingest.py).
    probe = (
        "import json\n"
        "from click.testing import CliRunner\n"
        "from iscg_mailbot.cli import cli\n"
        "from iscg_mailbot.store.base import Base\n"
        f"result = CliRunner().invoke(cli, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        "print(json.dumps(sorted(m.local_table.name for m in Base.registry.mappers)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={**os.environ, "ISCG_DATABASE_URL": database,
                                                     "ISCG_CONFIG": str(CONFIG)})
    tables = set(json.loads(done.stdout.splitlines()[-1]))
    assert {"messages", "threads", "mailing_lists"} <= tables
    assert not tables & {"mailboxes", "message_references", "quarantine", "analysis_failures"}


def test_the_models_module_still_gives_the_tables_declared_apart() -> None:
    from iscg_mailbot.store import models, models_ingest

    for name in sorted(models._INGEST_TABLES):
        assert getattr(models, name) is getattr(models_ingest, name)
    assert set(models.__all__) >= models._INGEST_TABLES
    with pytest.raises(AttributeError):
        models.NoSuchTable  # noqa: B018


def test_the_command_table_names_the_module_of_every_command() -> None:
    load_all_commands()
    declared = {name: command.callback.__module__.removeprefix("iscg_mailbot.cli.")
                for name, command in cli.commands.items() if command.callback is not None}
    assert declared == COMMAND_MODULES
    assert cli.list_commands(click.Context(cli)) == sorted(COMMAND_MODULES)


def test_help_and_a_mistyped_command_see_every_command() -> None:
    # Run as a user runs them (fresh processes): --help lists every command, and a
    # mistyped name is answered with the closest command's name.
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "iscg_mailbot", *args],
                              capture_output=True, text=True, cwd=ROOT, check=False)

    listed = run("--help").stdout
    assert all(f"  {name} " in listed for name in COMMAND_MODULES)
    mistyped = run("threds", "list")
    assert mistyped.returncode == 2
    assert "Did you mean 'threads'?" in mistyped.stderr


def test_a_topic_filter_still_brings_the_topic_service(database: str) -> None:
    loaded = _loaded_by(["actions", "list", "--topic", "Cybersecurity"], database)
    assert "iscg_mailbot.services.topics" in loaded


@pytest.mark.parametrize("args", [["threads", "list"], ["search", "spectrum"]], ids=" ".join)
def test_a_query_that_reads_no_yaml_file_imports_no_yaml_reader(args: list[str],
                                                                database: str) -> None:
    # These need the settings (TOML) only: actions.yaml, members.yaml and meetings.yaml
    # are read (and PyYAML imported) by the queries that use them (--open, actions list).
    loaded = _loaded_by(args, database)
    assert not [m for m in loaded if m.startswith(("iscg_mailbot.settings.yamlfile",
                                                   "iscg_mailbot.settings.actions",
                                                   "iscg_mailbot.settings.members",
                                                   "iscg_mailbot.settings.meetings"))]


@pytest.mark.parametrize("args", [["threads", "list", "--open"], ["actions", "list", "--overdue"],
                                  ["threads", "list", "--stalled", "14d"]], ids=" ".join)
def test_a_query_reads_the_member_list_only_to_resolve_a_name(args: list[str],
                                                              database: str) -> None:
    # "Overdue" needs actions.yaml's time zone; members.yaml (and its module) is read when
    # --participant names a person, meetings.yaml by extraction, never by these queries.
    members = ("iscg_mailbot.settings.members", "iscg_mailbot.settings.meetings")
    assert not [m for m in _loaded_by(args, database) if m.startswith(members)]
    with_a_name = _loaded_by([*args, "--participant", "Brenner"] if args[0] == "threads"
                             else ["threads", "list", "--open", "--participant", "Brenner"],
                             database)
    assert "iscg_mailbot.settings.members" in with_a_name


def test_a_command_that_opens_the_database_collects_as_python_does_afterwards(
        database: str) -> None:
    # The process's entry point (cli(), as the console script calls it) holds the
    # collector back while the command starts; once it opens the database (a worker, an
    # import, the website run on from there) Python's thresholds are back, with the
    # start-up's objects frozen out of every later collection.
    probe = (
        "import gc, json\n"
        "from iscg_mailbot.cli import cli\n"
        "before = gc.get_threshold()\n"
        "seen = {}\n"
        "import iscg_mailbot.cli.base as base\n"
        "opened = base.CliState.app\n"
        "def app(self, **kw):\n"
        "    seen['starting'] = gc.get_threshold()\n"
        "    handle = opened(self, **kw)\n"
        "    seen['after'] = gc.get_threshold()\n"
        "    seen['frozen'] = gc.get_freeze_count()\n"
        "    return handle\n"
        "base.CliState.app = app\n"
        "try:\n"
        "    cli(['threads', 'list'])\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print(json.dumps({'before': before, **seen}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT,
                          env={**os.environ, "ISCG_DATABASE_URL": database,
                               "ISCG_CONFIG": str(CONFIG)})
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["starting"][0] > seen["before"][0]  # held back while starting
    assert seen["after"] == seen["before"]  # Python's defaults once the database is open
    assert seen["frozen"] > 10_000  # the start-up's objects, out of later collections


def test_the_models_annotations_are_objects_not_text() -> None:
    # SQLAlchemy evaluates an annotation given as text (``from __future__ import
    # annotations``) for every column at import: about a quarter of the models' import.
    from iscg_mailbot.store.all_models import Base

    texts = {f"{mapper.class_.__name__}.{name}"
             for mapper in Base.registry.mappers
             for name, annotation in vars(mapper.class_).get("__annotations__", {}).items()
             if isinstance(annotation, str)}
    assert len(Base.registry.mappers) > 20
    assert texts == set()


#: Modules ``digest preview`` needs not import once the week's overlaps are kept
#: (``services/overlap_cache.py``): the comparison of a year of threads, the sending
#: code and what it imports.
NOT_FOR_THE_PREVIEW = (
    "iscg_mailbot.analyse",  # the duplication watch's reading and comparison, the tagger
    "iscg_mailbot.services.overlaps",
    "iscg_mailbot.services.overlap_terms",
    "iscg_mailbot.services.actions.extraction",
    "iscg_mailbot.settings.action_rules",
    "iscg_mailbot.services.digest.sending",
    "iscg_mailbot.services.digest.run",
    "iscg_mailbot.services.digest.status",
    "iscg_mailbot.deliver",  # the mail composer
    "spacy",
    "apscheduler",
)


def test_a_digest_preview_with_its_overlaps_kept_imports_no_comparison(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.sample_config import analysed_sample

    base = tmp_path_factory.mktemp("preview-startup")
    config = analysed_sample(base)
    args = ["--config", str(config), "digest", "preview", "--week", "2026-10-01",
            "--out", str(base / "week.html")]
    first = CliRunner().invoke(cli, args)  # computes the week's overlaps, keeps them
    assert first.exit_code == 0, first.output
    loaded = _modules_after(args, {})
    assert "Possible overlaps" in (base / "week.txt").read_text(encoding="utf-8")
    assert "iscg_mailbot.services.digest.preview" in loaded
    needless = [m for m in loaded
                if any(m == name or m.startswith(name + ".") for name in NOT_FOR_THE_PREVIEW)]
    assert needless == []


@pytest.mark.parametrize("args", QUERIES, ids=" ".join)
def test_a_query_on_sqlite_imports_no_postgresql_dialect(args: list[str], database: str) -> None:
    # SQLAlchemy's PostgreSQL package imports every driver's dialect (~55 ms of a SQLite
    # query's start-up when store/open_items.py imported it for its INSERT ... ON CONFLICT).
    loaded = _modules_after(args, {"ISCG_DATABASE_URL": database, "ISCG_CONFIG": str(CONFIG)},
                            ("sqlalchemy.dialects", "psycopg"))
    assert "sqlalchemy.dialects.sqlite" in loaded
    assert not [m for m in loaded if m.startswith(("sqlalchemy.dialects.postgresql", "psycopg"))]


@pytest.fixture(scope="module")
def open_thread_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated SQLite database holding one thread with an open action, quiet for a
    month and overdue: ``threads list --open``, ``--stalled 14d``, ``actions list``
    (``--overdue``) and ``search liaison`` all print it in a table."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert

    from iscg_mailbot.store.database import connect
    from iscg_mailbot.store.models import MailingList
    from iscg_mailbot.store.search import index_messages
    from iscg_mailbot.store.tables import action_items, messages, thread_open_items, threads

    url = f"sqlite:///{tmp_path_factory.mktemp('lists') / 'q.db'}"
    result = CliRunner().invoke(cli, ["--config", str(CONFIG), "db", "upgrade"],
                                env={"ISCG_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    quiet = datetime.now(UTC) - timedelta(days=30)
    engine = connect(url, create=False)
    with engine.begin() as connection:
        connection.execute(insert(MailingList.__table__).values(
            id=1, key="int-sect-team", address="int-sect-team@lists.itu.int", name="ISCG"))
        connection.execute(insert(threads).values(
            id=7, list_id=1, root_message_id="r@x", subject="Liaison on spectrum sharing",
            normalised_subject="liaison on spectrum sharing", first_activity=quiet,
            last_activity=quiet, message_count=2, participants=["a@example.org"]))
        connection.execute(insert(messages).values(
            id=3, list_id=1, thread_id=7, message_id="r@x", subject="Liaison on spectrum sharing",
            sender_name="Olga Petrova", sender_address="olga@example.org", date=quiet,
            body_text="SG17 to send the liaison.", new_text="SG17 to send the liaison."))
        connection.execute(insert(action_items).values(
            id=5, list_id=1, message_pk=3, thread_id=7, sentence="SG17 to send the liaison.",
            owner="SG17", due=quiet.date()))
        index_messages(connection, [3])  # as ingest does: `search liaison` finds it
        connection.execute(insert(thread_open_items).values(
            thread_id=7, open_actions=1, dated_actions=0, open_questions=0,
            counted_on=quiet.date(), overdue_then=0))
    engine.dispose()
    return url


@pytest.mark.parametrize("args", [["threads", "list", "--open"],
                                  ["threads", "list", "--stalled", "14d"],
                                  ["actions", "list"], ["actions", "list", "--overdue"],
                                  ["actions", "list", "--json"], ["search", "liaison"],
                                  ["search", "liaison", "--json"]], ids=" ".join)
def test_the_chairs_lists_run_without_the_orm(args: list[str], open_thread_database: str) -> None:
    # Issue 17: importing sqlalchemy.orm, declaring the mapped classes and configuring
    # their mappers were ~a quarter of the process's CPU; the lists read the Core tables
    # of store/tables.py on a connection (services/actions/thread_lists.py, and
    # report/queries.py for the action list, store/search.py for a search). Fails as
    # soon as anything on their path imports the ORM again (a model, a Session, the
    # thread service's read models).
    probe = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from iscg_mailbot.cli import cli\n"
        f"result = CliRunner().invoke(cli, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        "print(json.dumps([result.output, sorted(m for m in sys.modules\n"
        "                  if m.startswith(('sqlalchemy.orm', 'iscg_mailbot.store.models')))]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, cwd=ROOT,
                          env={**os.environ, "ISCG_DATABASE_URL": open_thread_database,
                               "ISCG_CONFIG": str(CONFIG)})
    output, orm_modules = json.loads(done.stdout.splitlines()[-1])
    assert "Liaison on spectrum sharing" in output  # the table (or JSON) was printed
    assert orm_modules == []
