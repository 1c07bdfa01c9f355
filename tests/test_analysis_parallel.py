"""Analysis in several processes gives what one process gives (issue 17, points 1-2).

* Import with analysis worker processes running beside it (every thread analysed as
  soon as a batch stored it, then again as more mail reaches it) stores exactly the
  topics, entities, action items, closures, overlap terms and meaning vectors of an
  import followed by analysis in one process: on the sample archive and on a generated corpus of real list mail, on
  SQLite and PostgreSQL. Every stored column is compared except row ids and the
  times rows were written; references to rows are compared by Message-ID.
* Two separate processes analysing one PostgreSQL database share the work: each
  thread is analysed by exactly one of them, and the result equals one process's.
* Claims: an expired lease is taken over, a live one is left alone; a claim of a
  process of this machine that is gone is taken over at once.
"""

from __future__ import annotations

import json
import mailbox
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from bench.ingest import corpus_messages, variant
from iscg_mailbot.services.analysis import analyse_pending
from iscg_mailbot.services.analysis_pool import beside_ingest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.demo import sample_archive
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store import work
from iscg_mailbot.store.database import connect, upgrade
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_action_shares import ActionShare
from iscg_mailbot.store.models_actions import ActionItem
from iscg_mailbot.store.models_duties import ThreadOverlapTerms
from iscg_mailbot.store.models_topics import ThreadEntity, ThreadTopic
from iscg_mailbot.store.models_work import AnalysisWork
from iscg_mailbot.store.types import utcnow

ROOT = Path(__file__).resolve().parents[1]
GENERATED = 1200
#: Messages per import batch of the generated corpus.
GENERATED_BATCH = 100
#: Columns that say when or in which order a row was written, not what analysis found.
WRITTEN = {"id", "created_at", "updated_at", "tagged_at"}


def generated_corpus(path: Path, count: int = GENERATED) -> Path:
    """The sample archive and the shared list archives, cycled with fresh ids
    (``bench/ingest.py``'s generator), ``count`` messages."""
    base = corpus_messages()
    box = mailbox.mbox(path)
    for n in range(count):
        box.add(variant(base[n % len(base)], n // len(base)))
    box.close()
    return path


def stored_analysis(url: str) -> dict[str, Any]:
    """Every analysis row, with row references replaced by Message-IDs."""
    engine = connect(url, create=False)
    try:
        with engine.connect() as connection:
            mids = dict(connection.execute(select(Message.id, Message.message_id)).all())
            roots = dict(connection.execute(select(Thread.id, Thread.root_message_id)).all())
            items = {row.id: (mids[row.message_pk], row.span_start)
                     for row in connection.execute(select(ActionItem))}
            refs: dict[str, Callable[[Any], Any]] = {
                "message_pk": mids.get, "closed_by_message_pk": mids.get,
                "thread_id": roots.get, "item_id": items.get,
                "message_ids": lambda pks: [mids[int(pk)] for pk in pks.split()],
            }
            tables = {}
            # The overlap terms with their meaning vectors (bytes) too.
            for model in (ActionItem, ActionShare, ThreadTopic, ThreadEntity,
                          ThreadOverlapTerms):
                rows = []
                for row in connection.execute(select(model)).mappings():
                    rows.append(repr(sorted(
                        (key, refs[key](value) if key in refs and value is not None else value)
                        for key, value in row.items() if key not in WRITTEN)))
                tables[model.__tablename__] = sorted(rows)
            tables["pending"] = [
                connection.scalar(select(func.count()).where(Thread.needs_analysis)),
                connection.scalar(select(func.count()).select_from(AnalysisWork)),
            ]
        return tables
    finally:
        engine.dispose()


def _fresh(url: str) -> App:
    engine = create_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    app = App(settings=Settings(), engine=connect(url))
    upgrade(app.engine)
    return app


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated corpus, written once for the module's tests."""
    return generated_corpus(tmp_path_factory.mktemp("generated") / "generated.mbox")


#: One process's results by (database, archive, batch size): the reference several tests
#: compare with, computed once per test process (the module's tests share a worker: they
#: share a module fixture, see tests/conftest.py).
_ONE_PROCESS: dict[tuple[str, Path, int], dict[str, Any]] = {}


def _one_process(url: str, archive: Path, batch_size: int) -> dict[str, Any]:
    key = (make_url(url).get_backend_name(), archive, batch_size)
    if key not in _ONE_PROCESS:
        app = _fresh(url)
        import_archive(app, archive, batch_size=batch_size)
        report = analyse_pending(app)
        assert report.failed == [] and report.threads > 0
        app.close()
        _ONE_PROCESS[key] = stored_analysis(url)
    return _ONE_PROCESS[key]


def _beside_ingest(url: str, archive: Path, batch_size: int) -> dict[str, Any]:
    app = _fresh(url)
    # settle=0: threads are analysed as soon as a batch stores them, and again and again
    # as their mail keeps coming: the hardest case for the result to stay the same.
    with beside_ingest(app, 2, expected_messages=10**6, settle=timedelta(0)) as analysis:
        import_archive(app, archive, batch_size=batch_size)
    assert analysis.report is not None and analysis.report.failed == []
    assert analysis.report.transactions > 1
    app.close()
    return stored_analysis(url)


def _urls(db_url: str, tmp_path: Path) -> tuple[str, str]:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'many.db'}"
    return db_url, db_url  # one database, emptied in between


@pytest.mark.parametrize("corpus", ["sample", "generated"])
def test_analysis_beside_ingest_equals_one_process(db_url: str, tmp_path: Path,
                                                   corpus: str, generated: Path) -> None:
    if corpus == "sample":
        archive, batch = sample_archive(), 20
    else:
        archive, batch = generated, GENERATED_BATCH
    one, many = _urls(db_url, tmp_path)
    expected = _one_process(one, archive, batch)
    assert expected["action_items"] and expected["thread_topics"]
    assert expected["thread_entities"]
    assert expected["thread_overlap_terms"] and all(
        "('meaning', None)" not in row for row in expected["thread_overlap_terms"])
    assert expected["pending"] == [0, 0]
    assert _beside_ingest(many, archive, batch) == expected


_ANALYSER = """
import json, sys, time
from pathlib import Path
from iscg_mailbot.services.analysis import Analyser
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect
url, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
app = App(settings=Settings(), engine=connect(url, create=False))
analyser = Analyser(app, target_seconds=0.05)  # the tagger is loaded here
ready.touch()
while not go.exists():
    time.sleep(0.01)
report = analyser.run()
print(json.dumps({"threads": sorted(report.thread_ids), "failed": report.failed}))
"""


@pytest.fixture
def postgres_url(db_url: str) -> str:
    if not db_url.startswith("postgresql"):
        pytest.skip("SKIP LOCKED claims: PostgreSQL")
    return db_url


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_processes_analyse_one_postgresql_database_once(
    postgres_url: str, tmp_path: Path, generated: Path
) -> None:
    expected = _one_process(postgres_url, generated, GENERATED_BATCH)
    app = _fresh(postgres_url)
    import_archive(app, generated, batch_size=GENERATED_BATCH)
    with app.session() as session:
        threads = set(session.scalars(select(Thread.id)))
    app.close()
    go = tmp_path / "go"
    ready = [tmp_path / f"ready{n}" for n in range(2)]
    children = [
        subprocess.Popen([sys.executable, "-c", _ANALYSER, postgres_url, str(flag), str(go)],
                         stdout=subprocess.PIPE, cwd=ROOT, text=True)
        for flag in ready
    ]
    deadline = time.monotonic() + 120
    while not all(flag.exists() for flag in ready) and time.monotonic() < deadline:
        time.sleep(0.05)
    go.touch()
    outputs = [json.loads(child.communicate(timeout=300)[0]) for child in children]
    assert all(child.returncode == 0 for child in children)
    first, second = (set(out["threads"]) for out in outputs)
    assert first and second, "both processes took a share"
    assert not first & second, "no thread analysed twice"
    assert first | second == threads
    assert stored_analysis(postgres_url) == expected


def test_expired_claims_are_taken_over_live_ones_left(engine: Engine) -> None:
    app = App(settings=Settings(), engine=engine)
    import_archive(app, sample_archive())
    now = utcnow()
    with app.session() as session:
        ids = sorted(session.scalars(select(AnalysisWork.thread_id)))
        assert len(ids) == 46
        live, expired, gone = ids[0], ids[1], ids[2]
        claims = {live: ("elsewhere:1:a", now + timedelta(minutes=5)),
                  expired: ("elsewhere:2:b", now - timedelta(seconds=1)),
                  gone: (f"{work.new_holder().split(':')[0]}:{_dead_pid()}:c",
                         now + timedelta(minutes=5))}
        for thread_id, (holder, until) in claims.items():
            row = session.get(AnalysisWork, thread_id)
            assert row is not None
            row.holder, row.lease_until = holder, until
    report = analyse_pending(app)
    assert report.thread_ids == set(ids) - {live}
    with app.session() as session:
        left = session.scalars(select(AnalysisWork.thread_id)).all()
        flagged = session.scalars(select(Thread.id).where(Thread.needs_analysis)).all()
    assert list(left) == [live] and list(flagged) == [live]
    assert inspect(engine).has_table("analysis_work")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
