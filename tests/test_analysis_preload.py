"""Analysis worker processes load the tagger once between them (issue 17).

Each worker used to load spaCy, the topic tagger and the word tables itself (~1.5 s of
CPU a process); now the first worker loads them and forks the others from itself. The
tagger's cache file here records every process that unpickles it. The importing
process, which only starts the workers and reads their reports, no longer imports the
analysis code (~0.2 s of CPU on the import's busiest process), nor the meaning model:
the workers, which inherit it, embed the threads they analyse.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from iscg_mailbot.services.app import App
from iscg_mailbot.services.tagger_cache import cache_key
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect

ROOT = Path(__file__).resolve().parents[1]


def unpickled(log: str, tagger: bytes) -> Any:
    """Called where the recording cache file is loaded: note the process, give the tagger."""
    with open(log, "a", encoding="ascii") as file:
        file.write(f"{os.getpid()}\n")
    return pickle.loads(tagger)


class _Recording:
    def __init__(self, log: Path, tagger: bytes) -> None:
        self.log, self.tagger = str(log), tagger

    def __reduce__(self) -> tuple[Any, tuple[str, bytes]]:
        return unpickled, (self.log, self.tagger)


_POOL = """
import sys
from iscg_mailbot.services.analysis_pool import AnalysisProcesses
from iscg_mailbot.services.app import App
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect

app = App(settings=Settings(), engine=connect(sys.argv[1]))
app.upgrade_schema()
report = AnalysisProcesses(app, 3).finish()
assert report.failed == [] and report.threads == 0, report
"""


@pytest.mark.slow
def test_three_analysis_workers_load_the_tagger_once(tmp_path: Path) -> None:
    app = App(settings=Settings(), engine=connect(f"sqlite:///{tmp_path / 'key.db'}"))
    topics = app.config.topics()
    key = cache_key(app.config.topics_path, topics.nlp.model,
                    also=(app.config.itu_bodies_path,))
    log = tmp_path / "loads.txt"
    cache = tmp_path / "cache"
    cache.mkdir()
    recording = _Recording(log, pickle.dumps(app.tagger(), protocol=pickle.HIGHEST_PROTOCOL))
    (cache / f"tagger-{key}.pickle").write_bytes(pickle.dumps(recording))
    app.close()
    done = subprocess.run(
        [sys.executable, "-c", _POOL, f"sqlite:///{tmp_path / 'pool.db'}"],
        cwd=ROOT, env={**os.environ, "ISCG_CACHE_DIR": str(cache)},
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    loads = log.read_text("ascii").split()
    assert len(loads) == 1, f"the tagger was unpickled by {len(loads)} processes"


_BESIDE_INGEST = """
import json, sys
from datetime import timedelta
from pathlib import Path
from iscg_mailbot.services.analysis_pool import beside_ingest
from iscg_mailbot.services.app import App
from iscg_mailbot.services.ingest import import_archive
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.database import connect

app = App(settings=Settings(), engine=connect(sys.argv[1]))
app.upgrade_schema()
with beside_ingest(app, 2, expected_messages=10**6, settle=timedelta(0)) as analysis:
    import_archive(app, Path(sys.argv[2]))
    # What ingest loaded, while the workers analyse.
    loaded = sorted(m for m in sys.modules if m.startswith((
        "iscg_mailbot.analyse", "iscg_mailbot.services.analysis.")))
    loaded += [m for m in ("iscg_mailbot.services.analysis",) if m in sys.modules]
# The workers embedded the threads they analysed (the model loaded once, before they
# forked): nothing was left for this process to embed, so it never loaded the model.
from sqlalchemy import text
with app.engine.connect() as connection:
    unembedded = connection.scalar(text(
        "SELECT count(*) FROM thread_overlap_terms WHERE meaning IS NULL"))
print(json.dumps({"threads": analysis.report.threads, "failed": analysis.report.failed,
                  "loaded": loaded, "model": "wordllama" in sys.modules,
                  "unembedded": unembedded}))
"""


def test_the_importing_process_leaves_the_analysis_code_to_its_workers(
        tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _BESIDE_INGEST, f"sqlite:///{tmp_path / 'import.db'}",
         str(ROOT / "iscg_mailbot" / "data" / "sample-iscg.mbox")],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["threads"] > 0 and result["failed"] == []
    assert result["loaded"] == []
    assert result["model"] is False and result["unembedded"] == 0


def test_preload_builds_the_extractors_gate_for_the_workers_it_forks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule gate (and the members' matcher) are built in the first worker before it
    forks the others (perf-r17): a message analysed after :func:`warm_extractor` builds
    no gate, and finds what it finds without the warm-up."""
    from iscg_mailbot.analyse import action_gate, actions
    from iscg_mailbot.records import ActionInput, Address
    from iscg_mailbot.services.actions.context import load_context
    from iscg_mailbot.services.analysis_pool import warm_extractor

    app = App(settings=Settings(), engine=connect(f"sqlite:///{tmp_path / 'warm.db'}"))
    context = load_context(app)
    message = ActionInput("Olga, could you please circulate the draft LS by 3 May 2024?",
                          None, Address("Ann", "ann@itu.int"))
    monkeypatch.setattr(actions, "_GATES", {})
    cold = actions.extract_actions(message, context.config.rules, context.members,
                                   products=context.products)
    monkeypatch.setattr(actions, "_GATES", {})
    built: list[object] = []
    real_gate = action_gate.RuleGate

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(args)
        return real_gate(*args, **kwargs)

    monkeypatch.setattr(actions, "RuleGate", counted)
    warm_extractor(app)
    assert len(built) == 1
    warm = actions.extract_actions(message, context.config.rules, context.members,
                                   products=context.products)
    assert len(built) == 1  # the message used the gate the warm-up built
    assert warm == cold and warm
    app.close()


def test_the_forkserver_imports_the_parse_stage_once_for_its_workers() -> None:
    """Parse workers are forked from a server that imported the parse stage (perf-r17)."""
    from multiprocessing import forkserver

    from iscg_mailbot.parse.parallel import FORKSERVER_PRELOAD, forkserver_context

    forkserver_context()
    assert "iscg_mailbot.parse.parallel" in FORKSERVER_PRELOAD
    assert forkserver._forkserver._preload_modules == FORKSERVER_PRELOAD  # type: ignore[attr-defined]
