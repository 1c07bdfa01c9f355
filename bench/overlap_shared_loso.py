"""One neighbourhood in meaning (``OverlapRules.meaning_shared``), leave one set out over
the eight sets of dev pairs (``eval/overlaps`` .. ``eval/overlaps7`` and the sample's),
with the pairs no label names counted as false.

    python bench/overlap_shared_loso.py

Needs the ``wordllama`` package. Held-out pairs are left out before anything is read of
them: a pair is scored only when both threads are dev threads (every stored part of a
thread whose id is not held out; the sample's held-out pairs are left out by id). The
windows hold every thread of a set, as ``overlaps evaluate`` runs them.

The pairs scored are those of two dev threads that pass the watch's gates and that the
rules without the neighbourhood leave out (``meaning_shared=None``): the dev overlaps
still missed, the labelled negatives and every unlabelled pair. For each, a thread's
neighbours are its k nearest threads of any Sector active within the window, by the
whole threads' vectors (W) and by the openings' (F); the pair's score is the neighbours
shared plus one for each thread holding the other, by W, by F or the lower of both;
"held" asks one thread to hold the other. A rule adds a pair when its score reaches m
with a condition (none; both headlines name work; 3 or 4 terms in common). Each rule is
chosen on seven sets (most overlaps gained with no false or unlabelled pair added, ties
to the stricter) and scored on the eighth. Prints the best rules on all eight, and per
left-out set the rule chosen and what it gains / adds there.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_paraphrase_loso import Window, sample_window
from iscg_mailbot.analyse.overlap_headlines import is_news, names_work
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import OverlapRules, find_overlaps, why_not
from iscg_mailbot.analyse.sectors import SECTORS
from iscg_mailbot.services.eval_set import DEV, load_eval_set
from iscg_mailbot.services.evaluation import analysed_set, stored_thread_ids
from iscg_mailbot.services.overlap_eval import load_pairs
from iscg_mailbot.services.overlaps import window_views
from iscg_mailbot.settings.main import Settings, load_settings

SETS = tuple(f"overlaps{n}" for n in ("", 2, 3, 4, 5, 6, 7))
WINDOW = timedelta(days=OverlapRules().window_days)
BEFORE = replace(OverlapRules(), meaning_shared=None)
CONDITIONS = ("any", "work", "3 terms", "4 terms")
Rule = tuple[str, int, int, str, bool]   # vectors, k, m, condition, held
Row = tuple[bool, bool, dict[str, Any]]   # label, unlabelled, features


def eval_window(settings: Settings, name: str) -> Window:
    """A set's threads and dev pairs; dev threads: every stored part of a dev thread."""
    folder = ROOT / "eval" / name
    loaded = load_eval_set(folder / "threads.yaml")
    pairs = [p for p in load_pairs(folder) if p.split == DEV]
    dates = [m.date.astimezone(UTC) for t in loaded.threads for m in t.messages]
    with analysed_set(settings, loaded) as (app, _report):
        stored = stored_thread_ids(app, loaded.threads)
        views, _ = window_views(app, since=min(dates).date(), until=max(dates).date(),
                                now=max(dates) + timedelta(days=1))
    dev = {i for t, ids in stored.items()
           if int(hashlib.sha1(t.encode()).hexdigest(), 16) % 3 for i in ids}
    labelled = [(min(stored[p.a]), min(stored[p.b]), p.overlap) for p in pairs]
    return Window(views, labelled, set(), dev, {})


def _nearest(matrix: np.ndarray, close: np.ndarray, k: int) -> list[set[int]]:
    found = []
    for i in range(len(matrix)):
        allowed = np.flatnonzero(close[i])
        order = allowed[np.argsort(-(matrix[allowed] @ matrix[i]), kind="stable")][:k]
        found.append({int(j) for j in order})
    return found


def window_rows(window: Window) -> list[Row]:
    """The pairs of two dev threads the rules without the neighbourhood leave out."""
    views = window.views
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, BEFORE)}
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views})
    every = [v for v in views if v.meaning]
    at = {v.id: i for i, v in enumerate(every)}
    close = np.array([[a is not b and _close(a, b) for b in every] for a in every])
    kinds = {"W": np.array([v.meaning for v in every]),
             "F": np.array([v.opening or v.meaning for v in every])}
    near = {(s, k): _nearest(m, close, k) for s, m in kinds.items() for k in (2, 3, 4, 5)}
    labels = {frozenset((a, b)): label for a, b, label in window.pairs}
    led = [v for v in every if v.sector in SECTORS]
    rows: list[Row] = []
    for n, a in enumerate(led):
        for b in led[n + 1:]:
            key = frozenset((a.id, b.id))
            if key in flagged or key in window.skip or not key <= window.dev:
                continue
            reason = why_not(a, b, text, BEFORE)
            if reason is None or not reason.startswith("similarity"):
                continue
            i, j = at[a.id], at[b.id]
            features: dict[str, Any] = {
                "common": text.common(a.id, b.id)[0], "news": is_news(a.subject) or is_news(b.subject),
                "work": names_work(a.subject) and names_work(b.subject)}
            for (s, k), sets in near.items():
                held = (j in sets[i]) + (i in sets[j])
                features[f"{s}{k}"] = (len(sets[i] & sets[j]) + held, bool(held))
            rows.append((labels.get(key, False), key not in labels, features))
    return rows


def _close(a: Any, b: Any) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return bool(a.first - WINDOW <= b.last and b.first - WINDOW <= a.last)


def holds(rule: Rule, f: dict[str, Any]) -> bool:
    kinds, k, m, condition, held = rule
    if f["news"] or (condition == "work" and not f["work"]):
        return False
    if condition.endswith("terms") and f["common"] < int(condition.split()[0]):
        return False
    return all(f[f"{s}{k}"][0] >= m and (f[f"{s}{k}"][1] or not held)
               for s in (("W", "F") if kinds == "both" else (kinds,)))


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    windows = {name: eval_window(settings, name) for name in SETS}
    windows["sample"] = sample_window(settings)
    sets = {name: window_rows(window) for name, window in windows.items()}
    for name, rows in sets.items():
        print(f"{name}: {len(rows)} pairs left out, {sum(r[0] for r in rows)} overlaps, "
              f"{sum(r[1] for r in rows)} unlabelled")
    rules: list[Rule] = [(kinds, k, m, c, held) for kinds in ("W", "F", "both")
                         for k in (2, 3, 4, 5) for m in range(1, 2 * k + 3)
                         for c in CONDITIONS for held in (False, True)]
    effect = {r: {n: (sum(1 for label, _, f in rows if label and holds(r, f)),
                      sum(1 for label, _, f in rows if not label and holds(r, f)))
                  for n, rows in sets.items()} for r in rules}

    def strictness(r: Rule) -> tuple[int, bool, bool, int, int]:
        return (r[2], r[4], r[0] == "both", -r[1], CONDITIONS.index(r[3]))

    ranked = sorted(rules, key=lambda r: (-sum(g - 3 * f for g, f in effect[r].values()),
                                          [-x for x in strictness(r)]))
    for r in ranked[:6]:
        gains = {n: e for n, e in effect[r].items() if e != (0, 0)}
        print(f"best on all: {r}: {gains}")
    for left in sets:
        tried = [r for r in rules if not any(effect[r][n][1] for n in sets if n != left)
                 and any(effect[r][n][0] for n in sets if n != left)]
        if not tried:
            print(f"without {left}: nothing chosen")
            continue
        chosen = max(tried, key=lambda r: (sum(effect[r][n][0] for n in sets if n != left),
                                           strictness(r)))
        print(f"without {left}: {chosen}, gains on the others "
              f"{sum(effect[chosen][n][0] for n in sets if n != left)}; on {left}: "
              f"+{effect[chosen][left][0]} found, +{effect[chosen][left][1]} false")


if __name__ == "__main__":
    main()
