"""The duplication watch over a year of many threads: ``find_overlaps`` at 250, 1,000
and 5,000 threads, every pair (``overlaps list``, the annual report) and the pairs of 10
threads (a week's digest).

    python bench/overlaps_scale.py [--threads 250,1000,5000] [--runs 3]

The threads are those of the five labelled sets (``eval/overlaps*``, analysed as
``overlaps evaluate`` analyses them, with their meaning vectors), renumbered and copied
to the size asked: each copy keeps its Sector, its terms (read once, passed as the
stored terms are) and its vector with a little noise (a fixed seed), and its dates move
by a random number of days within a year. Copies of one thread lead for one Sector and
are never flagged together; copies of an overlap within 90 days of each other are, as
a real year holds a few subjects several times. Prints, per size, the median wall time
of ``runs`` runs (a fresh process's first run apart: the headline readings are cached
per subject) and the number of flags. The rules are those the shipped configuration
sets (``[overlaps]``: ``services/overlaps.overlap_rules``); ``--wording off`` leaves the
near-in-wording rule out.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from iscg_mailbot.analyse.overlap_text import ReadTerms, thread_terms
from iscg_mailbot.analyse.overlaps import OverlapFlag, ThreadView, find_overlaps
from iscg_mailbot.services.eval_set import load_eval_set
from iscg_mailbot.services.evaluation import analysed_set
from iscg_mailbot.services.overlaps import overlap_rules, window_views
from iscg_mailbot.settings.main import load_settings

SETS = ("overlaps", "overlaps2", "overlaps3", "overlaps4", "overlaps5")


def labelled_views() -> list[ThreadView]:
    """The threads of the five sets as the watch reads them, numbered 1, 2, ..."""
    settings = load_settings(ROOT / "config")
    views: list[ThreadView] = []
    for name in SETS:
        loaded = load_eval_set(ROOT / "eval" / name / "threads.yaml")
        dates = [m.date.astimezone(UTC) for t in loaded.threads for m in t.messages]
        with analysed_set(settings, loaded) as (app, _report):
            found, _ = window_views(app, since=min(dates).date(), until=max(dates).date(),
                                    now=max(dates) + timedelta(days=1))
        views += [replace(v, id=len(views) + n) for n, v in enumerate(found, 1)]
    return views


def grown(views: list[ThreadView], size: int, seed: int = 15
          ) -> tuple[list[ThreadView], dict[int, ReadTerms]]:
    """``size`` threads copied from ``views`` (see the module's text), and their terms."""
    rnd = random.Random(seed)
    read = {v.id: thread_terms(v.subject, v.text) for v in views}
    start = min(v.first for v in views if v.first is not None)
    threads: list[ThreadView] = []
    terms: dict[int, ReadTerms] = {}
    for n in range(1, size + 1):
        origin = views[(n - 1) % len(views)]
        shift = timedelta(days=rnd.randrange(365)) if n > len(views) else timedelta(0)
        first = start + shift + (origin.first - start if origin.first else timedelta(0))
        last = first + ((origin.last - origin.first) if origin.first and origin.last
                        else timedelta(0))
        meaning = (origin.meaning if n <= len(views)
                   else tuple(x + rnd.gauss(0.0, 0.01) for x in origin.meaning))
        threads.append(replace(origin, id=n, first=first, last=last, meaning=meaning))
        terms[n] = read[origin.id]
    return threads, terms


def timed(runs: int, call: Callable[[], list[OverlapFlag]]) -> tuple[float, float, int]:
    """The first run's and the median of the next ``runs`` runs' seconds, and the flags."""
    times, count = [], 0
    for _ in range(runs + 1):
        began = time.perf_counter()
        count = len(call())
        times.append(time.perf_counter() - began)
    return times[0], statistics.median(times[1:]), count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="250,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wording", choices=("shipped", "off"), default="shipped")
    args = parser.parse_args()
    rules = overlap_rules(load_settings(None))
    if args.wording == "off":
        rules = replace(rules, meaning_wording=None)
    views = labelled_views()
    for size in (int(x) for x in args.threads.split(",")):
        threads, terms = grown(views, size)
        week = {t.id for t in threads[-10:]}
        first, median, count = timed(args.runs, partial(find_overlaps, threads, rules,
                                                         terms=terms))
        print(f"{size:>6} threads, every pair: first run {first:.2f} s, then {median:.2f} s "
              f"({count} flags)", flush=True)
        first, median, count = timed(args.runs, partial(find_overlaps, threads, rules,
                                                         terms=terms, involving=week))
        print(f"{size:>6} threads, pairs of 10: first run {first:.2f} s, then {median:.2f} s "
              f"({count} flags)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
