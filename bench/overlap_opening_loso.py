"""Which meaning vector finds the same subject in other words: leave one set out over the
seven sets of dev pairs (``eval/overlaps`` .. ``eval/overlaps6`` and the sample's).

    python bench/overlap_opening_loso.py

Needs the ``wordllama`` package. Held-out pairs are left out before anything is read of
them (``bench/overlap_meaning_loso.py``: the windows hold every thread of a set, as
``overlaps evaluate`` runs them). For each dev pair that passes the watch's gates and is
not flagged by the rules without the openings' evidence, each family ranks the pair's
threads among each other's candidates (another Sector, active within the window) by a
cosine: of the whole threads' vectors (``W``), of their headlines' (``H``, embedded
here), of their openings' (``F``: headline and first message, as stored), or a sum of
these and of the text cosine (``T``). A rule adds the pair when each is among the
other's k nearest (k = 1-3), alone or with both headlines naming a piece of work, or
with 2-3 terms in common. Each family's value is chosen on six sets (most overlaps
gained, no false pair added, ties to the stricter) and scored on the seventh. Prints one
line per family: the gains on every dev part, and the left-out set's gain per fold.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_meaning_loso import WINDOW, Window, eval_windows, sample_windows
from iscg_mailbot.analyse.overlap_headlines import headline, names_work
from iscg_mailbot.analyse.overlap_meaning import embedded, terms_text
from iscg_mailbot.analyse.overlap_text import TextSimilarity, thread_terms
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps, why_not
from iscg_mailbot.analyse.sectors import SECTORS
from iscg_mailbot.settings.main import load_settings

SETS = ("overlaps", "overlaps2", "overlaps3", "overlaps4", "overlaps5", "overlaps6")
CONDITIONS = ("alone", "work", "2 terms", "3 terms")
Effect = dict[str, tuple[int, int]]


def ordered_ranks(scores: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Per ordered pair (i, j), the rank of j among i's candidates (10**6 if none)."""
    size = len(scores)
    rank = np.full((size, size), 10 ** 6)
    for i in range(size):
        row = scores[i][candidates[i]]
        for j in np.flatnonzero(candidates[i]):
            rank[i, j] = 1 + int(np.sum(row > scores[i, j]))
    return rank


def _ranks(cosines: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Per ordered pair, the worse of the two threads' ranks of each other."""
    rank = ordered_ranks(cosines, candidates)
    return np.maximum(rank, rank.T)


def _matrices(views: list[ThreadView]) -> dict[str, np.ndarray]:
    led = [v for v in views if v.sector in SECTORS and v.meaning]
    whole = np.array([v.meaning for v in led])
    opening = np.array([v.opening or v.meaning for v in led])
    heads = np.array(embedded([terms_text(thread_terms(v.subject, headline(v.subject)))
                               for v in led]))
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views})
    texts = np.array([[text.text_cosine(a.id, b.id) if a is not b else 0.0 for b in led]
                      for a in led])
    w, h, f = whole @ whole.T, heads @ heads.T, opening @ opening.T
    return {"W": w, "H": h, "F": f, "W+H": w + h, "W+T": w + texts, "W+H+T": w + h + texts,
            "F+W": f + w, "F+T": f + texts}


def set_effects(window: Window) -> dict[tuple[str, int, str], tuple[int, int]]:
    """Per (family, k, condition): dev overlaps gained and false pairs added."""
    views, pairs = window
    rules = replace(OverlapRules(), meaning_opening=None)
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, rules)}
    led = [v for v in views if v.sector in SECTORS and v.meaning]
    at = {v.id: n for n, v in enumerate(led)}
    candidates = np.array([[a.sector != b.sector and _close(a, b) for b in led] for a in led])
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views})
    ranks = {name: _ranks(m, candidates) for name, m in _matrices(views).items()}
    open_pairs = [(a, b, label) for a, b, label in pairs
                  if a in at and b in at and frozenset((a, b)) not in flagged
                  and _gated(led[at[a]], led[at[b]], text)]
    found: dict[tuple[str, int, str], tuple[int, int]] = {}
    for name, rank in ranks.items():
        for k in (1, 2, 3):
            for condition in CONDITIONS:
                hits = [label for a, b, label in open_pairs if rank[at[a], at[b]] <= k
                        and _holds(condition, led[at[a]], led[at[b]], text)]
                found[(name, k, condition)] = (sum(hits), len(hits) - sum(hits))
    return found


def _close(a: ThreadView, b: ThreadView) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return a.first - WINDOW <= b.last and b.first - WINDOW <= a.last


def _gated(a: ThreadView, b: ThreadView, text: TextSimilarity) -> bool:
    """Whether only the wording keeps the pair out (not a Sector, window or gate)."""
    reason = why_not(a, b, text, replace(OverlapRules(), meaning_opening=None))
    return reason is not None and reason.startswith("similarity")


def _holds(condition: str, a: ThreadView, b: ThreadView, text: TextSimilarity) -> bool:
    if condition == "work":
        return names_work(a.subject) and names_work(b.subject)
    if condition.endswith("terms"):
        return text.common(a.id, b.id)[0] >= int(condition.split()[0])
    return True


def loso(effects: dict[str, dict[tuple[str, int, str], tuple[int, int]]]) -> None:
    """One line per family: its gains on all dev parts, and per left-out set the value
    chosen on the others and what it gains there."""
    families = sorted({key[0] for one in effects.values() for key in one})
    strictness: Callable[[tuple[str, int, str]], tuple[int, int]] = (
        lambda key: (-key[1], CONDITIONS.index(key[2])))
    for family in families:
        keys = [key for key in next(iter(effects.values())) if key[0] == family]
        best_all = max(keys, key=lambda key: (sum(e[key][0] - 2 * e[key][1]
                                                  for e in effects.values()), strictness(key)))
        cells = []
        for left in effects:
            tried = []
            for key in keys:
                train = [effects[name][key] for name in effects if name != left]
                if not any(false for _, false in train) and sum(g for g, _ in train):
                    tried.append(((sum(g for g, _ in train), strictness(key)), key))
            if not tried:
                cells.append(f"{left}: -")
                continue
            key = max(tried)[1]
            cells.append(f"{left}: {key[1]},{key[2]} +{effects[left][key][0]}"
                         f"/+{effects[left][key][1]}")
        total = [effects[name][best_all] for name in effects]
        print(f"{family:6} best {best_all[1]},{best_all[2]}: +{sum(g for g, _ in total)} found "
              f"+{sum(f for _, f in total)} false | " + " | ".join(cells))


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    windows = {name: eval_windows(settings, name)[True] for name in SETS}
    windows["sample"] = sample_windows(settings)[True]
    loso({name: set_effects(window) for name, window in windows.items()})


if __name__ == "__main__":
    main()
