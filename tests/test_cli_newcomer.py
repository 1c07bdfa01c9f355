"""A newcomer's first hour (issue 11): what the command line does with the sample archive
and with the mistakes a new user makes. Through the CLI (Click's runner, or a process
where imports or the terminal matter), on SQLite and PostgreSQL where a database is used.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from iscg_mailbot.cli import cli
from iscg_mailbot.services import tagger_cache as topic_service
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.store.database import connect, head_revisions, script_heads
from tests.conftest import postgres_admin_url, require_service

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "config"
MISSING_THREAD = "error: no thread with id 9999; see 'iscg-mailbot threads list'\n"


def _postgres_database() -> Iterator[str]:
    """A PostgreSQL database of this module's own (other modules reset theirs)."""
    admin_url = postgres_admin_url()
    name = f"iscg_test_cli_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        require_service(False, f"PostgreSQL not reachable at {admin_url}")
        raise
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_url(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database holding the analysed sample archive, once per engine for the module."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('sample') / 's.db'}"])
    else:
        urls = _postgres_database()
    url = next(urls)
    env = {"ISCG_DATABASE_URL": url}
    assert CliRunner().invoke(cli, ["--config", str(CONFIG), "db", "upgrade"],
                              env=env).exit_code == 0
    imported = CliRunner().invoke(cli, ["--config", str(CONFIG), "import",
                                        str(sample_archive()), "--no-progress"], env=env)
    assert imported.exit_code == 0, imported.output
    yield url
    for _ in urls:  # drop the PostgreSQL database
        pass


def invoke(url: str, *args: str, **env: str) -> Result:
    return CliRunner().invoke(cli, ["--config", str(CONFIG), *args],
                              env={"ISCG_DATABASE_URL": url, "COLUMNS": "120", **env})


def as_json(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output
    loaded: list[dict[str, object]] = json.loads(result.stdout)
    return loaded


# --- 1 and 6: search ----------------------------------------------------------------


def test_a_word_starting_with_a_dash_is_excluded_not_an_option(sample_url: str) -> None:
    spectrum = as_json(invoke(sample_url, "search", "spectrum", "--json", "--limit", "100"))
    without = as_json(invoke(sample_url, "search", "spectrum", "-draft", "--json",
                             "--limit", "100"))
    with_draft = as_json(invoke(sample_url, "search", "spectrum", "draft", "--json"))
    assert with_draft and without
    assert {h["message_id"] for h in without} == (
        {h["message_id"] for h in spectrum} - {h["message_id"] for h in with_draft})
    # The command's own options still work, before or after the words.
    limited = as_json(invoke(sample_url, "search", "--limit", "1", "spectrum", "-draft",
                             "--json"))
    assert len(limited) == 1
    # A word with two dashes is a mistyped option, not a word.
    bogus = invoke(sample_url, "search", "spectrum", "--bogus")
    assert bogus.exit_code == 1 and bogus.stderr.startswith("error: search has no option --bogus")


def test_prefix_search_on_both_databases(sample_url: str) -> None:
    assert as_json(invoke(sample_url, "search", "cyber", "--json")) == []
    hits = as_json(invoke(sample_url, "search", "cyber*", "--json", "--limit", "100"))
    assert len(hits) >= 5
    assert any("Cybersecurity" in str(hit["subject"]) for hit in hits)
    assert all("cyber" in (str(h["subject"]) + str(h["snippet"])).lower() for h in hits)
    # A prefix combines with the rest of the syntax.
    narrowed = as_json(invoke(sample_url, "search", "cyber*", "-index", "--json",
                              "--limit", "100"))
    assert 0 < len(narrowed) < len(hits)


@pytest.mark.parametrize("query", ["", "   ", "*", '"', "-draft", "- -"])
def test_a_query_with_nothing_to_find_is_an_error_showing_the_syntax(query: str) -> None:
    # No database is needed (nor touched) to refuse it.
    result = invoke("sqlite:////nonexistent/x.db", "search", "--", query)
    assert result.exit_code == 1 and result.stdout == ""
    assert re.fullmatch(r"error: the search query (has no word to look for|only excludes "
                        r"words \(.*\); add a word to look for)\. Syntax: .*cyber\*.*\n",
                        result.stderr), result.stderr


def test_no_match_says_what_to_try(sample_url: str) -> None:
    result = invoke(sample_url, "search", "zebra")
    assert (result.exit_code, result.output) == (
        0, ("no message matches zebra: try fewer words, OR between them, or a prefix "
           "(cyber*)\n"))


def test_an_empty_thread_list_says_why_and_what_the_database_holds(sample_url: str) -> None:
    result = invoke(sample_url, "threads", "list", "--since", "7d")
    assert result.exit_code == 0
    first, second = result.output.splitlines()
    assert re.fullmatch(r"no thread matches --since \d{4}-\d\d-\d\d \d\d:\d\d", first)
    assert second == ("46 threads are stored, active from 2026-07-01 08:12 to 2026-10-29 "
                      "10:00; try an earlier --since or fewer filters")
    result = invoke(sample_url, "threads", "list", "--open", "--participant", "nobody-at-all")
    assert result.output.startswith("no thread matches --open --participant nobody-at-all\n")


# --- 2: tables fit the terminal ---------------------------------------------------------


def _subject_cells(output: str) -> list[str]:
    """The subject column of a ``threads list`` table (the 4th cell of each row)."""
    cells = []
    for line in output.splitlines():
        parts = line.split("│")
        if len(parts) == 8 and parts[1].strip().isdigit():
            cells.append(parts[4].strip())
    return cells


@pytest.mark.parametrize("columns", ["80", "100", "120"])
def test_tables_fit_the_width_and_cut_subjects_at_a_word(sample_url: str, columns: str) -> None:
    subjects = {str(t["subject"]) for t in as_json(invoke(sample_url, "threads", "list",
                                                          "--json"))}
    result = invoke(sample_url, "threads", "list", COLUMNS=columns)
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= int(columns)
    cells = _subject_cells(result.output)
    assert len(cells) == 46
    cut = [cell for cell in cells if cell.endswith("…")]
    assert cut  # 46 subjects do not all fit in 80 to 120 columns
    for cell in cut:
        start = cell[:-1]
        # Cut after a whole word of a real subject (tables drop the list's [tag] and Re:),
        # unless its first word alone is wider than the column.
        after_word = re.escape(start) + (r"(\W|$)" if " " in start else "")
        assert any(re.search(after_word, subject) for subject in subjects), cell
        assert not start.endswith(" ")


def test_piped_output_is_120_columns_without_columns_set(sample_url: str) -> None:
    env = {**os.environ, "ISCG_DATABASE_URL": sample_url, "ISCG_CONFIG": str(CONFIG)}
    env.pop("COLUMNS", None)
    output = subprocess.run([sys.executable, "-m", "iscg_mailbot", "threads", "list"],
                            env=env, capture_output=True, text=True, check=True).stdout
    assert max(len(line) for line in output.splitlines()) == 120


# --- 3: the demo ---------------------------------------------------------------------


def test_demo_says_how_many_more_open_items_and_how_to_see_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo", "--db", "data/demo.db"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    open_items = as_json(invoke(f"sqlite:///{tmp_path / 'data/demo.db'}", "actions", "list",
                                "--open", "--json", "--limit", "1000"))
    assert len(open_items) > 15
    assert f"Open action items (overdue first): 15 of {len(open_items)}" in result.output
    assert (f"... and {len(open_items) - 15} more open items; all of them: "
            "ISCG_DATABASE_URL=sqlite:///data/demo.db iscg-mailbot actions list --open --all\n"
            ) in result.output


# --- 4: database URLs and read-only commands -------------------------------------------


def test_a_database_url_without_a_scheme_is_one_error_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(CONFIG), "threads", "list"],
                                env={"ISCG_DATABASE_URL": "data/demo.db"})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr == (
        "error: ISCG_DATABASE_URL = 'data/demo.db': not a database URL; write "
        "sqlite:///data/demo.db for a SQLite file (sqlite:////abs/path.db for an absolute "
        "path) or postgresql+psycopg://user@host/database\n")
    unknown = CliRunner().invoke(cli, ["--config", str(CONFIG), "status"],
                                 env={"ISCG_DATABASE_URL": "mysqll://me:secret@db/x"})
    assert unknown.exit_code == 1 and "secret" not in unknown.stderr
    assert unknown.stderr.startswith(
        "error: ISCG_DATABASE_URL = 'mysqll://…@db/x': unknown kind of database 'mysqll'; ")
    config = tmp_path / "config"
    config.mkdir()
    (config / "iscg-mailbot.toml").write_text('[database]\nurl = "iscg.db"\n', encoding="utf-8")
    from_file = CliRunner().invoke(cli, ["--config", str(config), "status"],
                                   env={"ISCG_DATABASE_URL": None})
    assert from_file.stderr.startswith(
        f"error: {config}/iscg-mailbot.toml: database.url = 'iscg.db': not a database URL; "
        "write sqlite:///iscg.db")


READ_ONLY = [["threads", "list"], ["threads", "show", "1"], ["actions", "list"],
             ["search", "spectrum"], ["status"], ["digest", "status"], ["topics", "stats"],
             ["topics", "check"], ["topics", "explain", "spectrum sharing"],
             ["sync"], ["import", str(sample_archive())], ["digest", "preview"]]


def test_commands_never_create_a_database_only_db_upgrade_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From a folder without config/ (the shipped config is used, data/ in the current
    folder), and with a mistyped file name: an error naming the file, nothing created."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for args in READ_ONLY:
        result = CliRunner().invoke(cli, args, env={"ISCG_DATABASE_URL": None, "ISCG_CONFIG": None})
        assert list(elsewhere.iterdir()) == [], args
        if args[:2] in (["topics", "check"], ["topics", "explain"]):
            assert result.exit_code == 0, (args, result.output)  # no database needed
            continue
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr == (
            f"error: no database at {elsewhere / 'data' / 'iscg-mailbot.db'} (the file does "
            "not exist): check ISCG_DATABASE_URL or [database] url, try the sample with "
            "iscg-mailbot demo, or create it; run: iscg-mailbot db upgrade\n"), args
    mistyped = f"sqlite:///{tmp_path / 'dmeo.db'}"
    result = CliRunner().invoke(cli, ["--config", str(CONFIG), "threads", "list"],
                                env={"ISCG_DATABASE_URL": mistyped})
    assert result.exit_code == 1 and str(tmp_path / "dmeo.db") in result.stderr
    assert not (tmp_path / "dmeo.db").exists()
    created = CliRunner().invoke(cli, ["--config", str(CONFIG), "db", "upgrade"],
                                 env={"ISCG_DATABASE_URL": f"sqlite:///{tmp_path}/new/x.db"})
    assert created.exit_code == 0 and (tmp_path / "new" / "x.db").is_file()


def test_a_postgresql_database_that_does_not_exist_is_one_error_line(sample_url: str) -> None:
    if not sample_url.startswith("postgresql"):
        pytest.skip("SQLite: see test_commands_never_create_a_database_only_db_upgrade_does")
    missing = make_url(sample_url).set(database=f"missing_{uuid.uuid4().hex[:8]}")
    url = missing.render_as_string(hide_password=False)
    result = invoke(url, "threads", "list")
    assert result.exit_code == 1 and result.stdout == "" and "Traceback" not in result.output
    assert result.stderr.startswith(f"error: database unavailable ({url}): ")
    assert f'database "{missing.database}" does not exist' in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_quick_schema_check_reads_the_same_heads_as_alembic(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'x.db'}")
    assert script_heads() == head_revisions(engine)
    engine.dispose()


def test_the_quick_schema_check_reads_identifiers_wherever_a_script_sets_them(
        tmp_path: Path) -> None:
    # The quick reading parses what comes before a script's first function; identifiers
    # set after it, or a docstring with a line starting "def " (the cut falls inside a
    # string), make it read the whole script.
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n\ndef upgrade():\n'
                                   '    pass\n', encoding="utf-8")
    (versions / "b.py").write_text('"""B."""\n\ndef upgrade():\n    pass\n\nrevision = "b"\n'
                                   'down_revision = "a"\n', encoding="utf-8")
    (versions / "c.py").write_text('"""Notes:\ndef upgrade() is below\n"""\nrevision = "c"\n'
                                   'down_revision = ("b",)\n\ndef upgrade():\n    pass\n',
                                   encoding="utf-8")
    assert script_heads(tmp_path) == {"c"}
    (versions / "d.py").write_text('revision = "d"\ndown_revision = "a"\n', encoding="utf-8")
    assert script_heads(tmp_path) == {"c", "d"}


# --- 5: start-up ------------------------------------------------------------------------

HEAVY = ("sqlalchemy", "alembic", "pydantic", "spacy", "rich", "apscheduler", "mailparser",
         "jinja2", "tqdm", "imapclient", "psycopg")


def _imported_after(code: str, env: dict[str, str] | None = None) -> list[str]:
    probe = (f"import sys\n{code}\n"
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env={**os.environ, **(env or {})}, cwd=ROOT)
    return done.stdout.split()


def test_the_cli_knows_the_kinds_of_action_item() -> None:
    from iscg_mailbot import records
    from iscg_mailbot.cli import actions

    assert actions.ACTION_KINDS == records.ACTION_KINDS


def test_help_imports_no_heavy_module() -> None:
    assert _imported_after(
        "from click.testing import CliRunner\nfrom iscg_mailbot.cli import cli\n"
        "for args in (['--help'], ['threads', '--help'], ['search', '--help'],"
        " ['topics', 'explain', '--help']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args") == []


def test_a_query_imports_neither_spacy_nor_alembic_nor_the_mail_parser(sample_url: str) -> None:
    loaded = _imported_after(
        "from click.testing import CliRunner\nfrom iscg_mailbot.cli import cli\n"
        "result = CliRunner().invoke(cli, ['threads', 'list', '--topic', 'Cybersecurity'])\n"
        "assert result.exit_code == 0, result.output",
        {"ISCG_DATABASE_URL": sample_url, "ISCG_CONFIG": str(CONFIG)})
    assert "sqlalchemy" in loaded
    assert {"spacy", "alembic", "mailparser", "imapclient", "jinja2"}.isdisjoint(loaded), loaded


def test_the_tagger_is_cached_by_content_and_rebuilt_when_damaged(
        sample_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sample_url.startswith("sqlite"):
        pytest.skip("the cache does not depend on the database")
    cache = tmp_path / "cache"
    config = tmp_path / "config"
    config.mkdir()
    for name in ("iscg-mailbot.toml", "topics.yaml", "members.yaml", "actions.yaml"):
        (config / name).write_bytes((CONFIG / name).read_bytes())

    def explain() -> str:
        topic_service._taggers.clear()  # as a new process would start
        result = CliRunner().invoke(cli, ["--config", str(config), "topics", "explain",
                                          "--thread", "5"],
                                    env={"ISCG_DATABASE_URL": sample_url,
                                         "ISCG_CACHE_DIR": str(cache), "COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        return result.output

    first = explain()
    [cached] = cache.glob("tagger-*.pickle")
    stamp = cached.stat().st_mtime_ns
    assert explain() == first and cached.stat().st_mtime_ns == stamp  # read, not rebuilt
    cached.write_bytes(b"not a pickle")
    assert explain() == first  # damaged: rebuilt and replaced
    assert cached.read_bytes()[:1] == b"\x80"
    # Another topic list: another key, and the answer follows the file.
    topics = config / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    explain()
    assert len(list(cache.glob("tagger-*.pickle"))) == 2


# --- 7: topic ids in any case; one wording for a missing thread --------------------------


def test_topic_ids_are_case_insensitive(sample_url: str) -> None:
    lower = as_json(invoke(sample_url, "threads", "list", "--topic", "cybersecurity", "--json"))
    assert lower
    assert as_json(invoke(sample_url, "threads", "list", "--topic", "Cybersecurity",
                          "--json")) == lower
    assert as_json(invoke(sample_url, "actions", "list", "--topic", "CYBERSECURITY",
                          "--json")) == as_json(invoke(sample_url, "actions", "list",
                                                       "--topic", "cybersecurity", "--json"))
    unknown = invoke(sample_url, "threads", "list", "--topic", "Nonsense")
    assert unknown.exit_code == 1 and unknown.stderr.startswith("error: no topic 'nonsense'")


@pytest.mark.parametrize("args", [["threads", "show", "9999"],
                                  ["topics", "explain", "--thread", "9999"],
                                  ["tag", "9999", "+ai"]])
def test_a_missing_thread_is_worded_the_same_by_every_command(sample_url: str,
                                                               args: list[str]) -> None:
    result = invoke(sample_url, *args)
    assert (result.exit_code, result.stderr) == (1, MISSING_THREAD)


# --- 8: digest preview --------------------------------------------------------------------


def test_digest_preview_writes_into_the_data_directory_by_default(
        sample_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sample_url.startswith("sqlite"):
        pytest.skip("where files go does not depend on the database")
    checkout = tmp_path / "checkout"
    (checkout / "config").mkdir(parents=True)
    for name in ("iscg-mailbot.toml", "topics.yaml", "members.yaml", "actions.yaml"):
        (checkout / "config" / name).write_bytes((CONFIG / name).read_bytes())
    monkeypatch.chdir(checkout)
    result = CliRunner().invoke(cli, ["digest", "preview", "--week", "2026-08-05"],
                                env={"ISCG_DATABASE_URL": sample_url, "ISCG_CONFIG": None})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == ("wrote data/previews/digest-2026-08-03.html and "
                                              "data/previews/digest-2026-08-03.txt")
    html = checkout / "data" / "previews" / "digest-2026-08-03.html"
    assert sorted(p.name for p in checkout.iterdir()) == ["config", "data"]  # data/ is ignored
    assert "<html" in html.read_text(encoding="utf-8").lower()
