"""Near in wording among the candidates (``OverlapRules.meaning_wording``,
``wording_text``, ``wording_similarity``), leave one set out over the ten sets of dev
pairs (``eval/overlaps`` .. ``eval/overlaps9`` and the sample's), with the pairs no
label names counted as false.

    python bench/overlap_wording_loso.py

Needs the ``wordllama`` package. Held-out pairs are left out before anything is read of
them (``bench/overlap_shared_loso.py``'s windows: a pair is scored only when both threads
are dev threads; the sample's held-out pairs are left out by id). Each setting runs the
whole watch (``find_overlaps``, the three-Sector rule included) on every set, and counts
per set the dev overlaps found and the dev pairs flagged that are labelled false or not
labelled at all, against the watch without the rule. A setting is chosen on nine sets
(most overlaps gained with no false or unlabelled pair added on any of them, ties to the
stricter) and scored on the tenth. Prints the best settings on all ten, and per left-out
set the setting chosen and what it gains / adds there.
"""

from __future__ import annotations

import itertools
import logging
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_paraphrase_loso import Window, sample_window
from bench.overlap_shared_loso import SETS, eval_window
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps
from iscg_mailbot.settings.main import load_settings

Setting = tuple[int, int, int]   # meaning_wording, wording_text, wording_similarity


def scored(views: list[ThreadView], window: Window, rules: OverlapRules) -> tuple[int, int]:
    """Dev overlaps found, and dev pairs flagged that are labelled false or unlabelled."""
    flags = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, rules)}
    labels = {frozenset((a, b)): label for a, b, label in window.pairs}
    found = sum(1 for key, label in labels.items() if label and key in flags)
    wrong = sum(1 for key in flags if labels.get(key) is False
                or (key not in labels and key not in window.skip and key <= window.dev))
    return found, wrong


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    windows = {name: eval_window(settings, name) for name in (*SETS, "overlaps8", "overlaps9")}
    windows["sample"] = sample_window(settings)
    base = OverlapRules()
    before = {n: scored(w.views, w, replace(base, meaning_wording=None))
              for n, w in windows.items()}
    settings_tried: list[Setting] = list(itertools.product((2, 3, 4), (1, 2, 3), (2, 3, 4)))
    effect: dict[Setting, dict[str, tuple[int, int]]] = {}
    for k, t, s in settings_tried:
        rules = replace(base, meaning_wording=k, wording_text=t, wording_similarity=s)
        effect[(k, t, s)] = {}
        for name, window in windows.items():
            found, wrong = scored(window.views, window, rules)
            effect[(k, t, s)][name] = (found - before[name][0], wrong - before[name][1])
    names = list(windows)
    ranked = sorted(settings_tried, key=lambda r: -sum(g - 3 * f for g, f in effect[r].values()))
    for r in ranked[:6]:
        print(f"best on all: {r}: {({n: e for n, e in effect[r].items() if e != (0, 0)})}")
    for left in names:
        tried = [r for r in settings_tried
                 if not any(effect[r][n][1] > 0 for n in names if n != left)
                 and any(effect[r][n][0] for n in names if n != left)]
        if not tried:
            print(f"without {left}: nothing chosen")
            continue
        chosen = max(tried, key=lambda r: (sum(effect[r][n][0] for n in names if n != left),
                                           (-r[0], -r[1], -r[2])))
        print(f"without {left}: {chosen}, gains on the others "
              f"{sum(effect[chosen][n][0] for n in names if n != left)}; on {left}: "
              f"+{effect[chosen][left][0]} found, +{effect[chosen][left][1]} false")


if __name__ == "__main__":
    main()
