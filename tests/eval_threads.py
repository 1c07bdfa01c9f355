"""Small threads written in the evaluation set's format (eval/README.md) and run through
the whole pipeline: the closure rounds' minimal pairs."""

from __future__ import annotations

from pathlib import Path

import yaml

from iscg_mailbot.services.eval_set import load_eval_set
from iscg_mailbot.services.evaluation import PipelineOutput, run_pipeline
from iscg_mailbot.settings.main import Settings

ROOT = Path(__file__).resolve().parents[1]


def _message(number: int, sender: str, body: str) -> dict[str, str]:
    return {"id": f"m{number}", "from": sender,
            "date": f"2027-03-0{number}T10:00:00+01:00", "body": body}


def thread(ident: str, subject: str, *messages: tuple[str, str]) -> dict[str, object]:
    """A thread of ``(sender, body)`` messages, one a day from 1 March 2027, ids m1, m2..."""
    return {"id": ident, "subject": f"[int-sect-team] {subject}", "topics": [],
            "messages": [_message(n, sender, body)
                         for n, (sender, body) in enumerate(messages, start=1)]}


def run_threads(folder: Path, threads: list[dict[str, object]]) -> PipelineOutput:
    """The threads stored, analysed and read back with the shipped configuration."""
    (folder / "threads.yaml").write_text(yaml.safe_dump({"threads": threads}),
                                         encoding="utf-8")
    settings = Settings(config_dir=str(ROOT / "config"), data_dir=str(folder / "data"))
    return run_pipeline(settings, load_eval_set(folder / "threads.yaml"))
