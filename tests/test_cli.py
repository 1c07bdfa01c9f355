"""The CLI end to end (Click's runner): the demo, migrations, import, thread queries,
status and one-line errors. Runs on SQLite and PostgreSQL where a database is used."""

from __future__ import annotations

import json
import mailbox
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iscg_mailbot.cli import cli
from iscg_mailbot.services.demo import sample_archive

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def run(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Invoke the CLI against a fresh database with the shipped config."""
    monkeypatch.setenv("ISCG_DATABASE_URL", db_url)
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--config", str(ROOT / "config"), *args])

    return invoke


def test_demo_needs_no_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    total = len(mailbox.mbox(sample_archive()))
    assert f"stored {total} messages in 46 threads (0 quarantined)" in result.output
    assert "Early Warnings for All" in result.output
    assert "action items found" in result.output
    # Run twice: a fresh database each time, same result.
    again = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")])
    assert f"stored {total} messages" in again.output


def test_digest_excerpts_undo_the_senders_line_wrapping(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample archive's mails are wrapped at ~72 columns; the digest re-wraps their
    excerpts to its own width, so a wrapped line must not leave a one-word line behind."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ISCG_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    assert CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.db")]).exit_code == 0
    result = CliRunner().invoke(cli, ["digest", "preview", "--week", "2026-08-05",
                                      "--out", str(tmp_path / "week.html")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "week.txt").read_text(encoding="utf-8")
    assert """  | Dear Rajesh,
  | Thank you, very timely. Brazil would support an information session;
  | a short webinar in English, French and Spanish would reach more
  | regulators than a session during the study group meeting.
  | From the RAG side, we could ask WP 4C to prepare a short
  | non-technical summary.
""" in text
    # Subjects without the list's own tag and reply markers: the digest is about that list.
    assert ("\n* WRC-27 agenda item 1.13 (direct-to-device satellite): information for ITU-D "
            "members [new]\n") in text
    assert "[int-sect-team]" not in text and "\n* RE:" not in text
    excerpt_lines = [line[4:] for line in text.splitlines() if line.startswith("  | ")]
    assert len(excerpt_lines) > 15
    ragged = [line for line in excerpt_lines if len(line.split()) < 3
              and not line.endswith((",", ".", ":", "!", "?", "…"))]
    assert ragged == []
    html = (tmp_path / "week.html").read_text(encoding="utf-8")
    assert ("Brazil would support an information session; a short webinar in English, French "
            "and Spanish would reach more regulators than a session during the study group "
            "meeting.") in html


def test_unmigrated_database_is_refused_in_one_line(run) -> None:  # type: ignore[no-untyped-def]
    result = run("threads", "list")
    assert result.exit_code == 1
    assert result.output.strip().endswith("run: iscg-mailbot db upgrade")
    assert "Traceback" not in result.output


def test_db_upgrade_names_the_database_without_its_password(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``db upgrade`` says which database it migrated; a password in the URL is hidden."""
    if db_url.startswith("postgresql"):
        # The test server trusts every local login, so any password connects.
        db_url = db_url.replace("://postgres@", "://postgres:not-for-output@", 1)
        assert "not-for-output" in db_url
    monkeypatch.setenv("ISCG_DATABASE_URL", db_url)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--config", str(ROOT / "config"), "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("database at revision ")
    assert "not-for-output" not in result.output
    if db_url.startswith("postgresql"):
        assert "postgres:***@127.0.0.1" in result.output
    else:
        assert db_url in result.output


def test_import_threads_and_status(run) -> None:  # type: ignore[no-untyped-def]
    assert run("db", "upgrade").exit_code == 0
    first = run("import", str(sample_archive()), "--no-progress")
    assert first.exit_code == 0, first.output
    assert "156 new, 0 already stored, 0 quarantined, 46 threads touched" in first.output
    second = run("import", str(sample_archive()), "--no-progress")
    assert "0 new, 156 already stored" in second.output

    listed = json.loads(run("threads", "list", "--json").output)
    assert len(listed) == 46
    assert listed[0]["last_activity"] >= listed[-1]["last_activity"]
    assert listed[0]["subject"].startswith("[int-sect-team] ")  # JSON: as written
    table = run("threads", "list").output  # tables: without the list's tag
    assert "[int-sect-team]" not in table and "PP-26 (Doha): ISCG information session" in table
    for query in (["threads", "list", "--open"], ["actions", "list"], ["search", "liaison"]):
        assert "[int-sect-team]" not in run(*query).output, query
    recent = json.loads(run("threads", "list", "--since", "2026-10-15", "--json").output)
    assert 0 < len(recent) < 46
    assert all(t["last_activity"] >= "2026-10-15" for t in recent)

    early = next(t for t in listed if "Early Warnings" in t["subject"])
    shown = run("threads", "show", str(early["id"]))
    assert shown.exit_code == 0
    assert f"Thread {early['id']}: " in shown.output and "Early Warnings for All" in shown.output
    page = json.loads(run("threads", "show", str(early["id"]), "--json").output)
    detail = page["thread"]
    assert len(detail["messages"]) == early["message_count"]
    assert detail["messages"][0]["depth"] == 0
    assert all("\n> " not in m["new_text"] for m in detail["messages"])
    assert {t["topic"] for t in page["topics"]["topics"]} == set(early["topics"])
    assert "emergency-telecoms" in early["topics"]
    assert all(t["evidence"] for t in page["topics"]["topics"])
    assert "topic emergency-telecoms (" in shown.output

    status = json.loads(run("status", "--json").output)
    assert status["messages"] == 156 and status["threads"] == 46
    assert status["threads_awaiting_analysis"] == 0


def test_open_and_participant_queries(run) -> None:  # type: ignore[no-untyped-def]
    run("db", "upgrade")
    run("import", str(sample_archive()), "--no-progress")
    opened = json.loads(run("threads", "list", "--open", "--json").output)
    assert opened and all(r["open_actions"] + r["open_questions"] > 0 for r in opened)
    stalled = json.loads(run("threads", "list", "--stalled", "30d", "--json").output)
    assert {r["thread_id"] for r in stalled} <= {r["thread_id"] for r in opened}
    mine = json.loads(run("threads", "list", "--participant", "brenner", "--json").output)
    everyone = json.loads(run("threads", "list", "--json").output)
    assert 0 < len(mine) < len(everyone)
    cyber = json.loads(run("threads", "list", "--topic", "cybersecurity", "--json").output)
    assert cyber and all("cybersecurity" in t["topics"] for t in cyber)
    assert any("Global Cybersecurity Index" in t["subject"] for t in cyber)
    cyber_open = json.loads(run("threads", "list", "--topic", "cybersecurity", "--open", "--json").output)
    assert {r["thread_id"] for r in cyber_open} <= {t["id"] for t in cyber}
    for query in (["threads", "list"], ["threads", "list", "--open"],
                  ["threads", "list", "--stalled", "30d"], ["actions", "list"]):
        typo = run(*query, "--topic", "cybersecurty")
        assert typo.exit_code == 1, typo.output
        assert typo.output.startswith("error: no topic 'cybersecurty'; known topics: imt, ")
    td409 = json.loads(run("threads", "list", "--mentions", "tsag-td409", "--json").output)
    assert td409
    for thread in td409:
        page = json.loads(run("threads", "show", str(thread["id"]), "--json").output)
        assert any("TD409" in m["subject"] + m["new_text"] for m in page["thread"]["messages"])
        assert "TSAG-TD409" in {e["key"] for e in page["topics"]["entities"]}


def test_errors_are_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("db", "upgrade")
    missing = run("threads", "show", "999999")
    assert missing.exit_code == 1
    assert missing.output == "error: no thread with id 999999; see 'iscg-mailbot threads list'\n"
    no_mailbox = run("sync")
    assert no_mailbox.exit_code == 1 and "no [[mailboxes]] in the configuration" in no_mailbox.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[database]\nurll = 1\n")
    result = CliRunner().invoke(cli, ["--config", str(bad), "status"])
    assert result.exit_code == 1
    assert result.output == f"error: {bad}: database.urll: unknown key; remove it or check its spelling\n"
    wrong = run("threads", "list", "--since", "yesterday-ish")
    assert wrong.exit_code == 2 and "is neither a date" in wrong.output


def test_digest_preview_groups_the_analysed_threads_by_topic(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("db", "upgrade")
    run("import", str(sample_archive()), "--no-progress")
    out = tmp_path / "week.html"
    result = run("digest", "preview", "--week", "2026-09-14", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert "== Child online protection (1 thread) ==" in text
    assert "Child Online Protection guidelines 2026" in text.split("== Child online protection", 1)[1]
    assert "<h2" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ["calendar", "export", "--out"],
    ["report", "annual", "--year", "2026", "--out"],
    ["report", "areas", "--csv"],
    ["digest", "preview", "--out"],
])
def test_a_file_that_cannot_be_written_is_a_usage_error_not_a_traceback(
        args: list[str], tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "sub" / "out.file"
    result = CliRunner().invoke(cli, [*args, str(target)])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{args[-1]}': cannot make folder '{target.parent}'" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
