"""Action extraction: this tree against a baseline revision, timed in the same run.

Reads the shipped sample archive, the labelled action sentences (three to a message, as
``bench/queries.py`` builds them) and, when present, the real list archives under
``../shared/corpus/archive`` (up to ``--messages`` in all), parsed once with this tree.
Then, for this tree and for ``--baseline`` (a git revision, unpacked with
``git archive`` into a temporary folder), each in a fresh process, A/B interleaved
``--rounds`` times, it times what analysis does with each message's new text:
``extract_actions`` and ``find_questions``, ``detect_closure`` of the previous
message's action items, and ``answers_question``. It prints the median seconds of
each side, messages/s, the speed-up (goal: >= 2x) and whether both found exactly the
same items, closures and answers (a digest of all of them).

Usage: python bench/actions.py [--baseline eac7e94] [--messages 6000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import mailbox
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "archive"
# The tree as it was before the one-pass rule gate and the sentence cache.
DEFAULT_BASELINE = "eac7e94"
MAX_CHARS = 20_000


def _parsed_inputs(limit: int) -> list[dict[str, Any]]:
    """The messages to analyse, as plain data both trees can read."""
    sys.path.insert(0, str(ROOT))
    import yaml

    from iscg_mailbot.errors import UnparseableMessage
    from iscg_mailbot.parse.message import parse_message
    from iscg_mailbot.parse.subjects import is_forward_subject
    from iscg_mailbot.records import Provenance, RawMessage
    from iscg_mailbot.services.demo import sample_archive

    files = [sample_archive()] + (sorted(CORPUS.glob("*.mbox")) if CORPUS.is_dir() else [])
    found: list[dict[str, Any]] = []
    for path in files:
        for message in mailbox.mbox(path):
            if len(found) >= limit:
                return found
            try:
                parsed = parse_message(RawMessage(message.as_bytes(), Provenance()))
            except UnparseableMessage:  # quarantined by an import: no input here
                continue
            sender = parsed.sender
            found.append({
                "text": parsed.new_text[:MAX_CHARS],
                "date": parsed.date.isoformat() if parsed.date else None,
                "sender": [sender.name, sender.address] if sender else None,
                "to": [[a.name, a.address] for a in parsed.to],
                "subject": parsed.subject or "",
                "forwarded": is_forward_subject(parsed.subject or ""),
            })
    data = yaml.safe_load((ROOT / "tests" / "data" / "action_sentences.yaml").read_text("utf-8"))
    sentences = [entry["text"] for entry in data["sentences"]]
    random.Random(7).shuffle(sentences)
    for start in range(0, len(sentences), 3):
        body = "Dear colleagues,\n\n" + "\n".join(sentences[start:start + 3]) + "\n\nBest regards"
        found.append({"text": body, "date": "2026-11-25T12:00:00+01:00", "sender": None,
                      "to": [], "subject": "Follow-up on coordination matters",
                      "forwarded": False})
    return found[:limit]


def child(tree: str, inputs_path: str) -> None:
    """Time the analysis of every input with the code of ``tree``; print JSON."""
    sys.path.insert(0, tree)
    from iscg_mailbot.analyse.actions import (
        ACTION,
        answers_question,
        detect_closure,
        extract_actions,
        find_questions,
    )
    from iscg_mailbot.records import ActionInput, Address, OpenItem
    from iscg_mailbot.settings.actions import load_actions_config
    from iscg_mailbot.settings.members import load_members

    config = load_actions_config(Path(tree) / "config" / "actions.yaml")
    members = load_members(Path(tree) / "config" / "members.yaml")
    rules = config.rules
    raw = json.loads(Path(inputs_path).read_text("utf-8"))
    inputs = [ActionInput(
        r["text"], datetime.fromisoformat(r["date"]) if r["date"] else None,
        sender=Address(*r["sender"]) if r["sender"] else None,
        to=tuple(Address(*a) for a in r["to"]), subject=r["subject"],
        forwarded=r["forwarded"]) for r in raw]

    def analyse(batch: list[ActionInput]) -> str:
        digest = hashlib.sha256()
        open_items: list[OpenItem] = []
        for item in batch:
            found = extract_actions(item, rules, members)
            found = found + find_questions(item, found, members)
            closed = detect_closure(item.new_text, open_items, config.closure_phrases,
                                    sender=item.sender, members=members)
            answered = answers_question(item.new_text)
            digest.update(repr((found, closed, answered)).encode())
            open_items = [OpenItem(n, c.owner, c.owner_kind, c.sentence)
                          for n, c in enumerate(found) if c.kind == ACTION]
        return digest.hexdigest()

    # Warm-up on other texts: compiled patterns, imports; no input is seen twice.
    analyse([ActionInput(f"Warm-up {n}: TSB is invited to reply by 1 May.", None)
             for n in range(20)])
    # CPU time of this process: the machine's other load does not count.
    began = time.process_time()
    digest = analyse(inputs)
    seconds = time.process_time() - began
    print(json.dumps({"seconds": seconds, "digest": digest}))


def _run(tree: str, inputs_path: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", tree, inputs_path],
        check=True, capture_output=True, text=True, cwd=tree,
    ).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision to compare")
    parser.add_argument("--messages", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("TREE", "INPUTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.baseline],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        inputs = _parsed_inputs(args.messages)
        inputs_path = Path(folder) / "inputs.json"
        inputs_path.write_text(json.dumps(inputs), "utf-8")
        print(f"{len(inputs)} messages; baseline {args.baseline}; {args.rounds} rounds A/B")
        times: dict[str, list[float]] = {"baseline": [], "this tree": []}
        digests: dict[str, set[str]] = {"baseline": set(), "this tree": set()}
        for _ in range(args.rounds):
            for name, tree in (("baseline", str(base)), ("this tree", str(ROOT))):
                result = _run(tree, str(inputs_path))
                times[name].append(result["seconds"])
                digests[name].add(result["digest"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:10} {median:7.2f} s median ({', '.join(f'{v:.2f}' for v in values)}), "
              f"{len(inputs) / median:,.0f} msg/s")
    ratio = statistics.median(times["baseline"]) / statistics.median(times["this tree"])
    same = digests["baseline"] == digests["this tree"] and len(digests["baseline"]) == 1
    print(f"speed-up: {ratio:.2f}x (goal >= 2x); same items, closures and answers: "
          f"{'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
