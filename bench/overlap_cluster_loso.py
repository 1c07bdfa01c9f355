"""The duplication watch's three-Sector rule (``OverlapRules.meaning_cluster``), leave one
set out over the five sets of dev pairs of ``bench/overlap_meaning_loso.py``.

    python bench/overlap_cluster_loso.py

For each value (None: off; k: the two threads among each other's k nearest in meaning,
with a thread of a third Sector flagged beside both) and each set, the dev pairs found
and false with and without the subject concepts; then, for each set in turn, the value
chosen on the other four (most overlaps gained with no false pair added, ties to the
stricter) and the left-out set's figures before and after. Held-out pairs are left out
before anything is read of them; the windows hold every thread of a set, as ``overlaps
evaluate`` runs them.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_meaning_loso import Window, eval_windows, sample_windows
from iscg_mailbot.analyse.overlaps import OverlapRules, find_overlaps
from iscg_mailbot.settings.main import load_settings

VALUES: tuple[int | None, ...] = (None, 2, 3, 4)


def counts(window: Window, value: int | None, concepts: bool) -> tuple[int, int, int]:
    """Found, false and labelled overlaps of the dev pairs at ``value``."""
    views, pairs = window
    rules = replace(OverlapRules(subject_concepts=concepts), meaning_cluster=value)
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, rules)}
    hits = [(label, frozenset((a, b)) in flagged) for a, b, label in pairs]
    return (sum(o and h for o, h in hits), sum(h and not o for o, h in hits),
            sum(o for o, _ in hits))


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    sets = {name: eval_windows(settings, name)
            for name in ("overlaps", "overlaps2", "overlaps3", "overlaps4")}
    sets["sample"] = sample_windows(settings)
    for concepts in (True, False):
        table = {name: {value: counts(windows[concepts], value, concepts) for value in VALUES}
                 for name, windows in sets.items()}
        print(f"\n{'with' if concepts else 'without'} the concepts: found/overlaps +false")
        for value in VALUES:
            print(f"  {value!s:>4}: " + " | ".join(
                f"{name} {c[0]}/{c[2]} +{c[1]}" for name, c in
                ((n, table[n][value]) for n in sets)))
        for name in sets:
            chosen = choose(table, name)
            old, new = table[name][None], table[name][chosen]
            print(f"  left out {name}: chosen {chosen}; {old[0]}/{old[2]} +{old[1]} -> "
                  f"{new[0]}/{new[2]} +{new[1]}")


Table = dict[str, dict[int | None, tuple[int, int, int]]]


def choose(table: Table, left_out: str) -> int | None:
    """The value that gains most on the other sets with no false pair added, ties to the
    stricter (None first, then the smaller k)."""
    best: tuple[tuple[int, int], int | None] | None = None
    for rank, value in enumerate(VALUES):
        pairs = [(table[n][value], table[n][None]) for n in table if n != left_out]
        if any(new[1] > old[1] for new, old in pairs):
            continue
        key = (sum(new[0] - old[0] for new, old in pairs), -rank)
        if best is None or key > best[0]:
            best = (key, value)
    return None if best is None else best[1]


if __name__ == "__main__":
    main()
