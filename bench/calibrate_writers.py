"""Does ``actions calibrate`` find a list's conventions? Measured on the evaluation writers.

For each writer whose notes state conventions that differ from the defaults (``STATED``:
from ``eval/notes/wN.md``, and ``eval/README.md`` for ``w5``-``w6``, as tabled in
docs/evaluation.md "conventions as settings"; never read from the labels), and for each
of ``--draws`` seeded draws of 20 of its **dev** threads:

* the 36 combinations are run once on the 20 threads (``calibration.try_conventions``)
  and the calibration's choice is made on the first 5, 10 and all 20 of them
  (``calibration.narrowed``: each thread's items depend on it alone), with the
  configuration in use (the defaults) as the tie-break, exactly as the command does;
* each choice is compared with what the notes state, key by key (keys a writer does
  not state are not counted);
* the writer's **held-out** threads are scored (only scored: nothing of them is printed
  but pooled counts) with the defaults, with each 10-thread choice, and with the notes'
  settings (the best a secretariat that knew its conventions could do).

Usage (from the repository root; ~1 min a writer with four draws)::

    .venv/bin/python bench/calibrate_writers.py --draws 4 --out /tmp/cal.json [--writers w14,w15]
    .venv/bin/python bench/calibrate_writers.py --report /tmp/cal.json [/tmp/cal2.json ...]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import random
import sys
from pathlib import Path

from iscg_mailbot.conventions import DEFAULT_CONVENTIONS, Conventions
from iscg_mailbot.services import calibration
from iscg_mailbot.services.eval_scores import ActionScores
from iscg_mailbot.services.eval_set import DEV, HELD_OUT, EvalThread, load_eval_set
from iscg_mailbot.settings.main import Settings

ROOT = Path(__file__).resolve().parents[1]
SIZES = (5, 10, 20)

#: What each writer's notes state, only where they state it (docs/evaluation.md, "conventions
#: as settings", and eval/notes/w21-w23.md); writers whose stated conventions are all
#: the defaults (w5, w7, w8, w10, w12) are left out.
STATED: dict[str, dict[str, str]] = {
    "w6": {"before": "day_before", "requests_to_all": "nobody", "staff_i_will": "person"},
    "w9": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person"},
    "w11": {"before": "day_before", "requests_to_all": "nobody", "staff_i_will": "person",
            "commitments": "item"},
    "w13": {"before": "day_before", "requests_to_all": "ISCG"},
    "w14": {"before": "that_day", "requests_to_all": "ISCG", "staff_i_will": "person"},
    "w15": {"before": "that_day", "requests_to_all": "ISCG", "staff_i_will": "person",
            "commitments": "item"},
    "w16": {"before": "that_day", "requests_to_all": "members_invited",
            "staff_i_will": "person"},
    "w17": {"before": "day_before", "requests_to_all": "nobody"},
    "w18": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person",
            "commitments": "item"},
    "w19": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person",
            "commitments": "item"},
    "w20": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person",
            "commitments": "item"},
    "w21": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person"},
    "w22": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person",
            "commitments": "item"},
    "w23": {"before": "day_before", "requests_to_all": "ISCG", "staff_i_will": "person"},
}


def _threads(writer: str) -> tuple[list[EvalThread], list[EvalThread]]:
    threads = [t for f in sorted((ROOT / "eval" / "threads").glob(f"{writer}-*.yaml"))
               for t in load_eval_set(f).threads]
    return ([t for t in threads if t.split == DEV], [t for t in threads if t.split == HELD_OUT])


def _counts(scores: ActionScores) -> dict[str, int]:
    return {"correct": scores.strict.correct, "predicted": scores.strict.predicted,
            "expected": scores.strict.expected, "agree": scores.closure.agree,
            "shares": scores.closure.shares}


def measure_writer(settings: Settings, writer: str, draws: int) -> dict[str, object]:
    """One writer's choices per draw and size, and its held-out counts per setting."""
    dev, held = _threads(writer)
    stated = STATED[writer]
    choices: list[dict[str, object]] = []
    for draw in range(draws):
        sample = random.Random(f"{writer}-{draw}").sample(dev, min(max(SIZES), len(dev)))
        tried = list(calibration.try_conventions(settings, sample, calibration.combinations()))
        for size in SIZES:
            chosen = calibration.choose(calibration.narrowed(tried, sample[:size]), size,
                                        DEFAULT_CONVENTIONS)
            conventions = dataclasses.asdict(chosen.best.conventions)
            choices.append({"draw": draw, "size": size, "chosen": conventions,
                            "right": {k: conventions[k] == v for k, v in stated.items()},
                            "warnings": len(calibration.warnings(chosen))})
    noted = dataclasses.replace(DEFAULT_CONVENTIONS, **stated)
    settings_tried = {DEFAULT_CONVENTIONS, noted, *(
        Conventions(**c["chosen"]) for c in choices if c["size"] == 10)}  # type: ignore[arg-type]
    scored = calibration.score_conventions(settings, held, sorted(settings_tried, key=str))
    return {"writer": writer, "dev": len(dev), "held_out": len(held), "stated": stated,
            "choices": choices,
            "held_out_scores": [{"conventions": dataclasses.asdict(c), **_counts(s)}
                                for c, s in scored.items()]}


def _f(correct: int, predicted: int, expected: int) -> str:
    p = correct / predicted if predicted else 0.0
    r = correct / expected if expected else 0.0
    return f"{p:.3f} / {r:.3f} ({correct}/{predicted}/{expected})"


def _held(entry: dict, conventions: dict[str, str]) -> dict[str, int]:
    return next(s for s in entry["held_out_scores"] if s["conventions"] == conventions)


DEFAULTS = dataclasses.asdict(DEFAULT_CONVENTIONS)


def report(entries: list[dict]) -> None:
    """Markdown tables: recovery per size and per value, held-out figures per writer."""
    _recovery(entries)
    print()
    _per_value(entries)
    print()
    _held_out(entries)


def _recovery(entries: list[dict]) -> None:
    defaults = DEFAULTS
    print("| dev threads | stated keys recovered | of them, keys not the default | "
          "writers' samples with every stated key | with any warning |")
    print("|---|---|---|---|---|")
    for size in SIZES:
        keys = differing = all_right = samples = warned = right = right_differing = 0
        for entry in entries:
            for c in (c for c in entry["choices"] if c["size"] == size):
                samples += 1
                warned += c["warnings"] > 0
                all_right += all(c["right"].values())
                for key, ok in c["right"].items():
                    keys += 1
                    right += ok
                    if entry["stated"][key] != defaults[key]:
                        differing += 1
                        right_differing += ok
        print(f"| {size} | {right}/{keys} ({right / keys:.2f}) | {right_differing}/{differing} "
              f"({right_differing / differing:.2f}) | {all_right}/{samples} | {warned}/{samples} |")


def _per_value(entries: list[dict]) -> None:
    defaults = DEFAULTS
    print("| stated value (not the default) | writers | chosen on 5 / 10 / 20 dev threads |")
    print("|---|---|---|")
    wanted = sorted({(k, v) for e in entries for k, v in e["stated"].items()
                     if v != defaults[k]})
    for key, value in wanted:
        mine = [e for e in entries if e["stated"].get(key) == value]
        shares = []
        for size in SIZES:
            picks = [c["chosen"][key] == value for e in mine for c in e["choices"]
                     if c["size"] == size]
            shares.append(f"{sum(picks)}/{len(picks)}")
        print(f"| `{key}: {value}` | {len(mine)} | {' / '.join(shares)} |")


def _held_out(entries: list[dict]) -> None:
    defaults = DEFAULTS
    print("| writer | stated (not default) | chosen on 10 dev threads, per draw | held-out strict "
          "P / R: defaults | calibrated (sum over draws) | notes' settings | closures "
          "defaults; calibrated; notes |")
    print("|---|---|---|---|---|---|---|")
    pooled = {"defaults": [0] * 5, "calibrated": [0] * 5, "noted": [0] * 5}
    for entry in entries:
        stated = {k: v for k, v in entry["stated"].items() if v != defaults[k]}
        noted = {**defaults, **entry["stated"]}
        tens = [c for c in entry["choices"] if c["size"] == 10]
        base, mine = _held(entry, defaults), _held(entry, noted)
        cal = [0] * 5
        for c in tens:
            s = _held(entry, c["chosen"])
            cal = [a + s[k] for a, k in zip(cal, ("correct", "predicted", "expected",
                                                  "agree", "shares"), strict=True)]
        draws = len(tens)
        rows = {"defaults": [base[k] * draws for k in ("correct", "predicted", "expected",
                                                       "agree", "shares")],
                "calibrated": cal,
                "noted": [mine[k] * draws for k in ("correct", "predicted", "expected",
                                                    "agree", "shares")]}
        for name, row in rows.items():
            pooled[name] = [a + b for a, b in zip(pooled[name], row, strict=True)]
        shown = "; ".join(",".join(f"{k}={v}" for k, v in c["chosen"].items()
                                   if v != defaults[k]) or "defaults" for c in tens)
        print(f"| `{entry['writer']}` | {', '.join(f'{k}={v}' for k, v in stated.items())} | "
              f"{shown} | {_f(base['correct'], base['predicted'], base['expected'])} | "
              f"{_f(*cal[:3])} | {_f(mine['correct'], mine['predicted'], mine['expected'])} | "
              f"{base['agree']}/{base['shares']}; {cal[3]}/{cal[4]}; "
              f"{mine['agree']}/{mine['shares']} |")
    print("| **pooled** (each writer x draws) | | | " + " | ".join(
        _f(*pooled[n][:3]) for n in ("defaults", "calibrated", "noted")) + " | " + "; ".join(
        f"{pooled[n][3]}/{pooled[n][4]}" for n in ("defaults", "calibrated", "noted")) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=4)
    parser.add_argument("--writers", default=",".join(STATED))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--report", type=Path, nargs="+")
    args = parser.parse_args()
    if args.report:
        report([e for path in args.report for e in json.loads(path.read_text())])
        return
    logging.disable(logging.WARNING)
    settings = Settings(config_dir=str(ROOT / "config"), data_dir="/tmp/calibrate-bench")
    entries = []
    for writer in args.writers.split(","):
        entries.append(measure_writer(settings, writer, args.draws))
        print(f"{writer} done", file=sys.stderr, flush=True)
        if args.out:
            args.out.write_text(json.dumps(entries, indent=1))
    report(entries)


if __name__ == "__main__":
    main()
