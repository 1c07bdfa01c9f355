"""The duplication watch's meaning evidence, leave one set out over five sets of dev pairs.

    python bench/overlap_meaning_loso.py

Needs the ``wordllama`` package. The five sets are the dev pairs of ``eval/overlaps``,
``eval/overlaps2``, ``eval/overlaps3``, ``eval/overlaps4`` (pairs of which neither thread
is held out) and of the sample's labelled pairs
(``tests/data/overlap_pairs.yaml``, pairs not held out as ``tests/test_overlaps.py``
splits them). Held-out pairs are left out before anything is read of them; the windows
hold every thread of a set, as ``overlaps evaluate`` runs them.

For each dev pair that passes the watch's gates (two Sectors, active together, not
working together) and is not flagged by the rules as they are, it measures the text
cosine and the cosine of the two meaning vectors, the rank of each thread among the
other's neighbours by meaning (``all``: every thread of the window led by a Sector;
``cand``: the threads it could be paired with, another Sector and active within the
window) and the z-score of the pair's cosine among each thread's. Each family of rules
(a raw cosine, mutual or one-sided k nearest neighbours, a z-score, each with a floor on
the text cosine; the nearest alone with no floor, beside the 2 nearest with one) has its
values chosen on four sets' dev pairs and is scored on the fifth, for each set in turn,
with the subject concepts and without them (``--without-concepts``: how the evidence
fares on subjects the concept table, written with the dev threads in view, does not
know). Prints one line per family and way of choosing: the values chosen in each fold
and the left-out set's precision / recall before and after.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from iscg_mailbot.analyse.overlap_headlines import names_work
from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps
from iscg_mailbot.analyse.sectors import SECTORS
from iscg_mailbot.services.app import App
from iscg_mailbot.services.eval_set import DEV, load_eval_set
from iscg_mailbot.services.evaluation import analysed_set, stored_thread_ids
from iscg_mailbot.services.overlap_eval import load_pairs
from iscg_mailbot.services.overlaps import window_views
from iscg_mailbot.services.threads import shown_subject
from iscg_mailbot.settings.main import Settings, load_settings
from tests.sample_config import analysed_sample
from tests.test_overlaps import LABELS, held_out

POOLS = ("all", "cand")
TEXT_FLOORS = (0.0, 0.03, 0.05, 0.08, 0.09, 0.10, 0.11, 0.12)
WINDOW = timedelta(days=OverlapRules().window_days)


@dataclass
class Row:
    """One dev pair: its label, whether the rules flag it, and its measures."""

    overlap: bool
    flagged: bool
    gated: bool = False   # passes the gates: the meaning evidence can flag it
    work: bool = False    # both headlines name a piece of work (meaning alone may flag it)
    text: float = 0.0
    cosine: float = 0.0
    rank: dict[str, tuple[int, int]] = field(default_factory=dict)  # pool: (best, worst)
    z: dict[str, float] = field(default_factory=dict)               # pool: the lower


def _pools(views: list[ThreadView]) -> dict[str, np.ndarray]:
    """Per pool, which threads count as each thread's neighbours."""
    led = np.array([v.sector in SECTORS for v in views])
    both = np.outer(led, led) & ~np.eye(len(views), dtype=bool)
    sectors = np.array([v.sector or "" for v in views])
    other = sectors[:, None] != sectors[None, :]
    together = np.array([[a.first is None or b.first is None or a.last is None
                          or b.last is None
                          or (a.first - WINDOW <= b.last and b.first - WINDOW <= a.last)
                          for b in views] for a in views])
    return {"all": both, "cand": both & other & together}


def window_rows(views: list[ThreadView], pairs: list[tuple[int, int, bool]],
                concepts: bool) -> list[Row]:
    """The measures of ``pairs`` (thread ids, label) in the window ``views``."""
    # The rules without the meaning evidence: what each family would add to them.
    rules = OverlapRules(subject_concepts=concepts, meaning_neighbours=None)
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, rules)}
    # At these values every pair that passes the gates is close in meaning.
    every = replace(rules, meaning_neighbours=len(views), meaning_text=-2.0, meaning_terms=0)
    gated = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, every)}
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views}, subjects=concepts)
    vectors = np.array([v.meaning for v in views], dtype=float)
    cosines = vectors @ vectors.T
    pools = _pools(views)
    at = {v.id: n for n, v in enumerate(views)}
    rows = []
    for a, b, overlap in pairs:
        row = Row(overlap, frozenset((a, b)) in flagged)
        rows.append(row)
        if row.flagged or frozenset((a, b)) not in gated:
            continue
        i, j = at[a], at[b]
        row.gated, row.text, row.cosine = True, text.text_cosine(a, b), float(cosines[i, j])
        row.work = names_work(views[i].subject) and names_work(views[j].subject)
        for pool, mask in pools.items():
            ranks = [int(np.sum(cosines[k][mask[k]] > row.cosine)) + 1 for k in (i, j)]
            spread = [(row.cosine - cosines[k][mask[k]].mean())
                      / (cosines[k][mask[k]].std() or 1.0) for k in (i, j)]
            row.rank[pool] = (min(ranks), max(ranks))
            row.z[pool] = float(min(spread))
    return rows


#: A labelled set's thread views and its dev pairs (thread ids and label).
Window = tuple[list[ThreadView], list[tuple[int, int, bool]]]


def eval_windows(settings: Settings, name: str) -> dict[bool, Window]:
    """The views of ``eval/name`` (with and without the concepts) and its dev pairs."""
    folder = ROOT / "eval" / name
    loaded = load_eval_set(folder / "threads.yaml")
    pairs = [p for p in load_pairs(folder) if p.split == DEV]
    dates = [m.date.astimezone(UTC) for t in loaded.threads for m in t.messages]
    found = {}
    with analysed_set(settings, loaded) as (app, _report):
        stored = {x: min(ids) for x, ids in stored_thread_ids(app, loaded.threads).items()}
        for concepts in (True, False):
            views, _ = window_views(app, since=min(dates).date(), until=max(dates).date(),
                                    now=max(dates) + timedelta(days=1), subjects=concepts)
            found[concepts] = (views, [(stored[p.a], stored[p.b], p.overlap) for p in pairs])
    return found


def sample_windows(settings: Settings) -> dict[bool, Window]:
    """The sample's views (the year to 2026-12-31) and its dev pairs."""
    pairs = [p for p in yaml.safe_load(LABELS.read_text(encoding="utf-8"))["pairs"]
             if not held_out(p)]
    found = {}
    with tempfile.TemporaryDirectory() as folder:
        app = App.open(load_settings(analysed_sample(Path(folder))))
        try:
            for concepts in (True, False):
                views, _ = window_views(app, now=datetime(2026, 12, 31, tzinfo=UTC),
                                        subjects=concepts)
                subjects = {v.id: shown_subject(settings, v.subject) for v in views}
                ids = {}
                for part in {part for p in pairs for part in (p["a"], p["b"])}:
                    [ids[part]] = [t for t, s in subjects.items() if part in s]  # just one
                found[concepts] = (views, [(ids[p["a"]], ids[p["b"]], p["overlap"])
                                           for p in pairs])
        finally:
            app.close()
    return found


def eval_set_rows(settings: Settings, name: str) -> dict[bool, list[Row]]:
    """The dev pairs of ``eval/name``, with and without the subject concepts."""
    return {concepts: window_rows(views, pairs, concepts)
            for concepts, (views, pairs) in eval_windows(settings, name).items()}


def sample_rows(settings: Settings) -> dict[bool, list[Row]]:
    """The sample's dev pairs, in the window ``test_overlaps`` reads (the year to
    2026-12-31), with and without the subject concepts."""
    return {concepts: window_rows(views, pairs, concepts)
            for concepts, (views, pairs) in sample_windows(settings).items()}


Rule = Callable[[Row], bool]


def families() -> Iterator[tuple[str, tuple[float, float], Rule]]:
    """(family, (value, text floor), rule) for every value tried."""
    # The control: the text cosine alone, no meaning (what the evidence adds over it).
    for t in np.arange(0.08, 0.20, 0.01):
        yield "text cosine alone", (round(t, 2), 0.0), lambda r, t=t: r.text >= t
    for floor in TEXT_FLOORS:
        def rule(test: Callable[[Row], bool], floor: float = floor) -> Rule:
            return lambda r: test(r) and r.text >= floor
        for t in np.arange(0.30, 0.62, 0.01):
            yield "raw cosine", (round(t, 2), floor), rule(lambda r, t=t: r.cosine >= t)
        for pool in POOLS:
            for k in (1, 2, 3, 4, 5):
                yield (f"mutual kNN ({pool})", (k, floor),
                       rule(lambda r, k=k, p=pool: r.rank[p][1] <= k))
            for k in (1, 2, 3):
                yield (f"one-sided kNN ({pool})", (k, floor),
                       rule(lambda r, k=k, p=pool: r.rank[p][0] <= k))
            for z in np.arange(1.0, 4.01, 0.25):
                yield (f"z-score ({pool})", (round(z, 2), floor),
                       rule(lambda r, z=z, p=pool: r.z[p] >= z))
        for t in np.arange(0.30, 0.50, 0.02):
            yield ("mutual 1NN (cand) and cosine", (round(t, 2), floor),
                   rule(lambda r, t=t: r.rank["cand"][1] <= 1 and r.cosine >= t))
    yield from _nearest_alone()


def _nearest_alone() -> Iterator[tuple[str, tuple[float, float], Rule]]:
    """The rules as shipped: each the other's ``alone`` nearest whatever the wording (when
    both headlines name a piece of work), or among the other's 2 nearest with the text
    floor (alone 0: the floor always)."""
    for alone in (0, 1, 2):
        yield ("nearest alone, 2 nearest at 0.11", (alone, 0.11),
               lambda r, a=alone: ((r.work and r.rank["cand"][1] <= a)
                                   or (r.rank["cand"][1] <= 2 and r.text >= 0.11)))
        for floor in TEXT_FLOORS:
            yield ("nearest alone, or 2 nearest (cand)", (alone, floor),
                   lambda r, a=alone, f=floor: ((r.work and r.rank["cand"][1] <= a)
                                                or (r.rank["cand"][1] <= 2 and r.text >= f)))


def counts(rows: list[Row], rule: Rule | None) -> tuple[int, int, int]:
    """Found, false and labelled overlaps when ``rule`` adds flags (None: the rules alone)."""
    hits = [(r.overlap, r.flagged or (rule is not None and r.gated and rule(r))) for r in rows]
    return (sum(o and h for o, h in hits), sum(h and not o for o, h in hits),
            sum(o for o, _ in hits))


def precision_recall(found: int, false: int, overlaps: int) -> tuple[float, float]:
    return (found / (found + false) if found + false else 0.0,
            found / overlaps if overlaps else 0.0)


def choose(train: list[list[Row]], tried: list[tuple[tuple[float, float], Rule]],
           criterion: str, strict: Callable[[tuple[float, float]], tuple[float, float]]
           ) -> tuple[tuple[float, float], Rule] | None:
    """The values that do best on the ``train`` sets (``f1``: the sum of each set's F1;
    ``safe``: most overlaps gained with no false pair added), ties to the stricter."""
    best: tuple[tuple[float, tuple[float, float]], tuple[float, float], Rule] | None = None
    for values, rule in tried:
        scored = [(counts(rows, rule), counts(rows, None)) for rows in train]
        if criterion == "f1":
            score = sum(2 * p * r / (p + r) if p + r else 0.0
                        for p, r in (precision_recall(*new) for new, _ in scored))
        elif any(new[1] > old[1] for new, old in scored):
            continue
        else:
            score = sum(new[0] - old[0] for new, old in scored)
        key = (round(score, 6), strict(values))
        if best is None or key > best[0]:
            best = (key, values, rule)
    return None if best is None else (best[1], best[2])


def loso(sets: dict[str, dict[bool, list[Row]]], criterion: str, concepts: bool) -> None:
    """One line per family: the values chosen on four sets, the fifth's figures."""
    by_family: dict[str, list[tuple[tuple[float, float], Rule]]] = {}
    for family, values, rule in families():
        by_family.setdefault(family, []).append((values, rule))
    for family, tried in by_family.items():
        def strict(values: tuple[float, float], family: str = family) -> tuple[float, float]:
            larger_is_stricter = "cosine" in family or "z-score" in family
            if family.startswith("nearest alone"):
                larger_is_stricter = False
            return (values[0] if larger_is_stricter else -values[0], values[1])
        cells, gained, added, holds = [], 0, 0, True
        for name, rows in sets.items():
            chosen = choose([r[concepts] for n, r in sets.items() if n != name], tried,
                            criterion, strict)
            if chosen is None:
                cells.append(f"{name}: nothing safe")
                continue
            (value, floor), rule = chosen
            old, new = counts(rows[concepts], None), counts(rows[concepts], rule)
            gained, added = gained + new[0] - old[0], added + new[1] - old[1]
            holds = holds and new[1] == old[1] and precision_recall(*new)[0] >= 0.8
            cells.append("{} {:g}/{:.2f}: {:.2f}/{:.2f} -> {:.2f}/{:.2f}".format(
                name, value, floor, *precision_recall(*old), *precision_recall(*new)))
        print(f"{'holds' if holds else 'FAILS'} {family:29} | " + " | ".join(cells)
              + f" || +{gained} found, +{added} false")


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    sets = {name: eval_set_rows(settings, name)
            for name in ("overlaps", "overlaps2", "overlaps3", "overlaps4")}
    sets["sample"] = sample_rows(settings)
    for name, rows in sets.items():
        for concepts in (True, False):
            print(f"{name} dev, {'with' if concepts else 'without'} the concepts: "
                  "precision {:.2f} recall {:.2f}".format(
                      *precision_recall(*counts(rows[concepts], None))))
    for concepts in (True, False):
        for criterion in ("f1", "safe"):
            print(f"\nchosen by {'the sum of F1' if criterion == 'f1' else 'most gained, no false'}"
                  f" on four sets ({'with' if concepts else 'without'} the concepts), scored "
                  "on the fifth:")
            loso(sets, criterion, concepts)


if __name__ == "__main__":
    main()
