"""The threads' meaning vectors are computed by analysis and stored beside their terms
(``thread_overlap_terms.meaning``, revision 0022), on SQLite and PostgreSQL: the vectors
the texts give, packed as float32, given to the rows without a current one when analysis
has nothing else to do; the watch reads them without loading the model; and
``[overlaps] meaning = false`` turns it all off."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select, update

from iscg_mailbot.analyse.overlap_meaning import meaning_similarity, meaning_vectors
from iscg_mailbot.cli import cli
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.app import App
from iscg_mailbot.services.overlap_meaning import fill_meaning, stored_pairs, stored_vectors
from iscg_mailbot.services.overlap_terms import read_thread_terms, save_thread_terms
from iscg_mailbot.settings.main import OverlapsConfig, Settings
from iscg_mailbot.store.annual import threads_active
from iscg_mailbot.store.database import session_scope
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_duties import ThreadOverlapTerms
from iscg_mailbot.store.overlap_terms import dated_messages, message_texts

ROOT = Path(__file__).resolve().parents[1]
FIRST, LAST = datetime(2024, 1, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
OFF = Settings(overlaps=OverlapsConfig(meaning=False))


def test_analysis_stores_the_vectors_the_texts_give_and_fills_the_missing(
        engine: Engine) -> None:
    from bench.queries import fill

    fill(engine, 200)
    app = App(settings=Settings(), engine=engine)
    with session_scope(engine) as session:
        ids = session.scalars(select(Thread.id).order_by(Thread.id)).all()
        save_thread_terms(session, read_thread_terms(session, ids))
        assert stored_vectors(session, app.settings, ids) == {}
    assert fill_meaning(app, batch=50) == len(ids)
    with session_scope(engine) as session:
        stored = stored_vectors(session, app.settings, ids)
        packed = session.scalars(select(ThreadOverlapTerms.meaning)).all()
        threads = threads_active(session, FIRST, LAST)
    # Each row: the thread's vector, then its opening's (headline and first message).
    assert set(stored) == set(ids) and {len(p or b"") for p in packed} == {2 * 256 * 4}
    # The vectors the texts give (float32: to 1e-6), not those of the terms alone.
    from_texts = meaning_vectors([(t.subject, t.text) for t in threads])
    for thread, vector in zip(threads, from_texts, strict=True):
        assert stored[thread.id] == pytest.approx(vector, abs=1e-6)
        assert meaning_similarity(stored[thread.id], vector) > 0.99999
    # Its opening: what the headline and first message give; a thread kept whole (it
    # spells out an acronym: no parts stored) opens as it goes on.
    with session_scope(engine) as session:
        pairs = stored_pairs(session, app.settings, ids)
        firsts = {tid: found[0] for tid, found in dated_messages(session, ids).items()}
        texts = message_texts(session, list(firsts.values()))
        whole = {tid for tid, parts in session.execute(
            select(ThreadOverlapTerms.thread_id, ThreadOverlapTerms.parts)) if not parts}
    openings = meaning_vectors([(t.subject, "\n".join(texts[firsts[t.id]])) for t in threads])
    for thread, vector in zip(threads, openings, strict=True):
        expected = stored[thread.id] if thread.id in whole else vector
        assert pairs[thread.id][1] == pytest.approx(expected, abs=1e-6)
    # Threads of several messages open otherwise than they go on.
    assert any(pairs[t.id][0] != pairs[t.id][1] for t in threads
               if t.messages > 1 and t.id not in whole)
    # Rows of an older model, or without a vector, get theirs from analysis; and then
    # no row is left to fill.
    with session_scope(engine) as session:
        session.execute(update(ThreadOverlapTerms)
                        .where(ThreadOverlapTerms.thread_id.in_(ids[::3]))
                        .values(meaning_version="1-l2_supercat-256-0.3"))
        session.execute(update(ThreadOverlapTerms)
                        .where(ThreadOverlapTerms.thread_id.in_(ids[1::3]))
                        .values(meaning=None))
        assert len(stored_vectors(session, app.settings, ids)) == len(ids[2::3])
    assert fill_meaning(app, batch=7) == len(ids[::3]) + len(ids[1::3])
    assert fill_meaning(app) == 0
    with session_scope(engine) as session:
        assert stored_vectors(session, app.settings, ids) == stored
        # Off: the watch reads none, and analysis computes none.
        assert stored_vectors(session, OFF, ids) == {}
        session.execute(update(ThreadOverlapTerms).values(meaning=None, meaning_version=None))
    assert fill_meaning(App(settings=OFF, engine=engine)) == 0


@pytest.mark.slow
@pytest.mark.parametrize("processes", [1, 2])
def test_the_pipeline_stores_a_vector_for_every_thread(tmp_path: Path, processes: int) -> None:
    """In one process, or in worker processes that leave the embedding to their parent."""
    from iscg_mailbot.services.analysis_pool import analyse_in_processes
    from iscg_mailbot.services.demo import sample_archive
    from iscg_mailbot.services.ingest import import_archive
    from iscg_mailbot.store.database import upgrade

    app = App.open(Settings(database={"url": f"sqlite:///{tmp_path / 'a.db'}"}),
                   check_schema=False)
    try:
        upgrade(app.engine)
        import_archive(app, sample_archive())
        if processes == 1:
            analyse_pending(app)
        else:
            analyse_in_processes(app, processes)
        with app.session() as session:
            ids = session.scalars(select(ThreadOverlapTerms.thread_id)).all()
            assert len(ids) == len(session.scalars(select(Thread.id)).all())
            assert len(stored_vectors(session, app.settings, ids)) == len(ids)
    finally:
        app.close()


def test_config_check_names_the_setting_and_the_missing_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iscg_mailbot.services import configcheck

    config = tmp_path / "config"
    config.mkdir()
    (config / "iscg-mailbot.toml").write_text("[overlaps]\nmeaning = true\n", encoding="utf-8")
    (config / "members.yaml").write_text("members: []\n", encoding="utf-8")
    ok = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert "overlap meaning evidence on" in ok.output
    monkeypatch.setattr(configcheck, "meaning_available", lambda: False)
    missing = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert missing.exit_code == 1
    assert ("[overlaps] meaning is on but the wordllama package is not installed"
            in missing.output)
    (config / "iscg-mailbot.toml").write_text("[overlaps]\nmeaning = false\n", encoding="utf-8")
    off = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert "overlap meaning evidence off" in off.output and "wordllama" not in off.output
    (config / "iscg-mailbot.toml").write_text("[overlaps]\nmeaning = 'yes please'\n",
                                              encoding="utf-8")
    bad = CliRunner().invoke(cli, ["--config", str(config), "config", "check"])
    assert bad.exit_code == 1 and "overlaps.meaning" in bad.output


def test_the_digest_reads_the_vectors_without_loading_the_model(tmp_path: Path) -> None:
    """With the vectors stored, ``digest preview`` (overlaps included) imports neither
    wordllama nor the model's libraries."""
    from tests.sample_config import analysed_sample

    config = analysed_sample(tmp_path)
    out = tmp_path / "oct.html"
    probe = (
        "import sys\nfrom click.testing import CliRunner\nfrom iscg_mailbot.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['--config', {str(config)!r}, 'digest',"
        f" 'preview', '--week', '2026-10-01', '--out', {str(out)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(m for m in ('wordllama', 'tokenizers', 'safetensors') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "Possible overlaps" in (tmp_path / "oct.txt").read_text(encoding="utf-8")
    assert done.stdout.split() == []


def test_a_vector_for_a_row_gone_meanwhile_is_dropped_not_an_error(engine: Engine) -> None:
    """A thread merged away between reading the rows to fill and writing their vectors:
    the others are stored, the missing one is skipped."""
    from bench.queries import fill
    from iscg_mailbot.store.overlap_terms import save_meaning

    fill(engine, 200)
    with session_scope(engine) as session:
        ids = session.scalars(select(Thread.id).order_by(Thread.id)).all()[:3]
        save_thread_terms(session, read_thread_terms(session, ids))
    with session_scope(engine) as session:
        save_meaning(session, {ids[0]: b"\x00" * 4, ids[2]: b"\x01" * 4, 10**9: b"\x02" * 4},
                     "v-test")
    with session_scope(engine) as session:
        rows = dict(session.execute(select(ThreadOverlapTerms.thread_id,
                                           ThreadOverlapTerms.meaning_version)).all())
    assert rows == {ids[0]: "v-test", ids[1]: None, ids[2]: "v-test"}
