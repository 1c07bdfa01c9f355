"""Paraphrase evidence beyond the watch's rules, leave one set out over the seven sets of
dev pairs (``eval/overlaps`` .. ``eval/overlaps6`` and the sample's), with the pairs no
label names counted as false.

    python bench/overlap_paraphrase_loso.py [--labelled-only]

Needs the ``wordllama`` package. Held-out pairs are left out before anything is read of
them (a pair of ``eval/overlapsN`` is dev when neither thread is held out; the sample's
held-out pairs are left out by id); the windows hold every thread of a set, as
``overlaps evaluate`` runs them, so a held-out thread takes its place among a dev
thread's neighbours without being read.

The pairs scored are those of two dev threads that pass the watch's gates (two Sectors,
active together, not working together) and that the rules as they are do not flag: the
dev overlaps still missed, the labelled negatives, and every *unlabelled* pair of two dev
threads (a writer labels the pairs of a subject and its hard negatives; a pair between
two subjects is not labelled and nearly always false). Earlier benches scored the
labelled pairs only; ``--labelled-only`` does that here (and then a family can look safe
while it flags pairs nobody labelled).

For each pair, each signal ranks the two threads among each other's candidates (another
Sector, active within the window; the worse of the two ranks):

* ``W``, ``F``: the stored meaning vectors of the whole thread and of its opening;
* ``H``: the headline's terms embedded alone;
* ``T``, ``TO``: the TF-IDF cosine of the whole texts, of the openings;
* ``SO``, ``SH``: a word-by-word soft match of the openings' (headlines') terms: each
  term's best cosine with the other's terms by WordLlama's vectors of the words alone,
  weighted by the term's IDF over the window, averaged both ways;
* ``rrf:F+SO`` ...: reciprocal-rank fusion (1 / (3 + rank), summed) of two or three.

A family adds a pair when its rank is at most k (1-3) and a condition holds (none; both
headlines name work; 2 or 3 terms in common), or a value reaches a threshold beside a rank
gate. Each family's value is chosen on six sets (most overlaps gained with no false pair
added, ties to the stricter) and scored on the seventh. Prints one line per family: the
best value on all seven with what it gains and adds, and per left-out set the value chosen
and the gain / false pairs there. docs/duties.md, "Issue 15, fourth round", has the table.
"""

from __future__ import annotations

import logging
import math
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_opening_loso import ordered_ranks
from iscg_mailbot.analyse.overlap_headlines import headline, is_news, names_work
from iscg_mailbot.analyse.overlap_meaning import _model, embedded, terms_text
from iscg_mailbot.analyse.overlap_text import TextSimilarity, thread_terms
from iscg_mailbot.analyse.overlaps import OverlapRules, ThreadView, find_overlaps, why_not
from iscg_mailbot.analyse.sectors import SECTORS
from iscg_mailbot.services.app import App
from iscg_mailbot.services.eval_set import DEV, load_eval_set
from iscg_mailbot.services.evaluation import analysed_set, stored_thread_ids
from iscg_mailbot.services.overlap_eval import load_pairs
from iscg_mailbot.services.overlap_meaning import _opening_texts
from iscg_mailbot.services.overlaps import window_views
from iscg_mailbot.services.threads import shown_subject
from iscg_mailbot.settings.main import Settings, load_settings
from tests.sample_config import analysed_sample
from tests.test_overlaps import LABELS, held_out

SETS = ("overlaps", "overlaps2", "overlaps3", "overlaps4", "overlaps5", "overlaps6")
WINDOW = timedelta(days=OverlapRules().window_days)
CONDITIONS = ("alone", "work", "2 terms", "3 terms")
FUSIONS = (("F", "SO"), ("F", "SH"), ("F", "TO"), ("F", "H"), ("W", "SO"), ("W", "T"),
           ("F", "W", "TO"), ("F", "W", "SO"))


@dataclass
class Window:
    """A set's threads, its dev pairs (ids, label), the pairs to leave out (held out),
    which threads are dev, and each thread's first message."""

    views: list[ThreadView]
    pairs: list[tuple[int, int, bool]]
    skip: set[frozenset[int]]
    dev: set[int]
    openings: dict[int, str]


def eval_window(settings: Settings, name: str) -> Window:
    folder = ROOT / "eval" / name
    loaded = load_eval_set(folder / "threads.yaml")
    pairs = [p for p in load_pairs(folder) if p.split == DEV]
    dates = [m.date.astimezone(UTC) for t in loaded.threads for m in t.messages]
    with analysed_set(settings, loaded) as (app, _report):
        stored = {x: min(ids) for x, ids in stored_thread_ids(app, loaded.threads).items()}
        views, _ = window_views(app, since=min(dates).date(), until=max(dates).date(),
                                now=max(dates) + timedelta(days=1))
        with app.session() as session:
            openings = _opening_texts(session, [v.id for v in views])
    labelled = [(stored[p.a], stored[p.b], p.overlap) for p in pairs]
    # A thread is dev when a dev pair names it (every dev thread is in some pair).
    return Window(views, labelled, set(), {x for a, b, _ in labelled for x in (a, b)},
                  openings)


def sample_window(settings: Settings) -> Window:
    every = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["pairs"]
    with tempfile.TemporaryDirectory() as folder:
        app = App.open(load_settings(analysed_sample(Path(folder))))
        try:
            views, _ = window_views(app, now=datetime(2026, 12, 31, tzinfo=UTC))
            with app.session() as session:
                openings = _opening_texts(session, [v.id for v in views])
        finally:
            app.close()
    subjects = {v.id: shown_subject(settings, v.subject) for v in views}

    def thread(part: str) -> int:
        [found] = [t for t, s in subjects.items() if part in s]
        return found

    key = {id(p): frozenset((thread(p["a"]), thread(p["b"]))) for p in every}
    pairs = [(*sorted(key[id(p)]), p["overlap"]) for p in every if not held_out(p)]
    skip = {key[id(p)] for p in every if held_out(p)}  # ids only, labels unread
    return Window(views, pairs, skip, {v.id for v in views}, openings)


_WORDS: dict[str, np.ndarray] = {}


def _bag(subject: str, text: str) -> list[str]:
    return sorted({word.lower() for _term, word in thread_terms(subject, text).spelled()})


def _soft(bags: list[list[str]], idf: dict[str, float]) -> np.ndarray:
    """The soft match of every two bags of words (see the module's text)."""
    missing = sorted({w for bag in bags for w in bag} - set(_WORDS))
    for word, vector in zip(missing, _model().embed(missing, norm=True) if missing else [],
                            strict=True):
        _WORDS[word] = np.asarray(vector, dtype=float)
    mats = [np.array([_WORDS[w] for w in bag]) for bag in bags]
    weights = [np.array([idf.get(w, 1.0) for w in bag]) for bag in bags]
    size = len(bags)
    found = np.zeros((size, size))
    for i in range(size):
        for j in range(size):
            if i != j and bags[i] and bags[j]:
                best = mats[i] @ mats[j].T
                found[i, j] = ((best.max(1) @ weights[i]) / weights[i].sum()
                               + (best.max(0) @ weights[j]) / weights[j].sum()) / 2
    return found


def _close(a: ThreadView, b: ThreadView) -> bool:
    if a.first is None or b.first is None or a.last is None or b.last is None:
        return True
    return a.first - WINDOW <= b.last and b.first - WINDOW <= a.last


def _signals(led: list[ThreadView], window: Window, text: TextSimilarity
             ) -> dict[str, np.ndarray]:
    """Each signal's cosines between the led threads (see the module's text)."""
    openings = TextSimilarity({v.id: (v.subject, window.openings.get(v.id, v.subject))
                               for v in led})
    whole = np.array([v.meaning for v in led])
    first = np.array([v.opening or v.meaning for v in led])
    heads = np.array(embedded([terms_text(thread_terms(v.subject, headline(v.subject)))
                               for v in led]))
    opening_bags = [_bag(v.subject, window.openings.get(v.id, "")) for v in led]
    counts: dict[str, int] = {}
    for bag in opening_bags:
        for word in bag:
            counts[word] = counts.get(word, 0) + 1
    idf = {w: math.log((1 + len(led)) / (1 + n)) + 1 for w, n in counts.items()}
    return {"W": whole @ whole.T, "F": first @ first.T, "H": heads @ heads.T,
            "T": np.array([[text.text_cosine(a.id, b.id) if a is not b else 0.0
                            for b in led] for a in led]),
            "TO": np.array([[openings.text_cosine(a.id, b.id) if a is not b else 0.0
                             for b in led] for a in led]),
            "SO": _soft(opening_bags, idf),
            "SH": _soft([_bag(v.subject, headline(v.subject)) for v in led], idf)}


Row = tuple[bool, bool, dict[str, Any]]   # label, unlabelled, features


def window_rows(window: Window) -> list[Row]:
    """The pairs of two dev threads the rules leave out on their wording alone."""
    rules = OverlapRules()
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(window.views, rules)}
    led = [v for v in window.views if v.sector in SECTORS and v.meaning]
    candidates = np.array([[a.sector != b.sector and _close(a, b) for b in led] for a in led])
    text = TextSimilarity({v.id: (v.subject, v.text) for v in window.views})
    values = _signals(led, window, text)
    ranks = {name: ordered_ranks(m, candidates) for name, m in values.items()}
    for fused in FUSIONS:
        # Each thread fuses its own ranks of its candidates.
        ranks["rrf:" + "+".join(fused)] = ordered_ranks(sum(1.0 / (3 + ranks[s]) for s in fused),
                                                 candidates)
    ranks = {name: np.maximum(rank, rank.T) for name, rank in ranks.items()}
    labels = {frozenset((a, b)): label for a, b, label in window.pairs}
    partners: dict[int, set[int]] = {}
    for flag in find_overlaps(window.views, rules):
        partners.setdefault(flag.thread_a, set()).add(flag.thread_b)
        partners.setdefault(flag.thread_b, set()).add(flag.thread_a)
    sector = {v.id: v.sector for v in window.views}
    rows: list[Row] = []
    for i, a in enumerate(led):
        for j in range(i + 1, len(led)):
            b, key = led[j], frozenset((a.id, led[j].id))
            if (not candidates[i, j] or key in flagged or key in window.skip
                    or not key <= window.dev):
                continue
            reason = why_not(a, b, text, rules)
            if reason is None or not reason.startswith("similarity"):
                continue
            features: dict[str, Any] = {k: int(r[i, j]) for k, r in ranks.items()}
            features.update({"v" + k: float(m[i, j]) for k, m in values.items()})
            features.update(common=text.common(a.id, b.id)[0],
                            work=names_work(a.subject) and names_work(b.subject),
                            news=is_news(a.subject) or is_news(b.subject),
                            third=any(sector[c] not in (a.sector, b.sector) for c in
                                      partners.get(a.id, set()) & partners.get(b.id, set())))
            rows.append((labels.get(key, False), key not in labels, features))
    return rows


Rule = Callable[[dict[str, Any]], bool]


def _condition(condition: str, f: dict[str, Any]) -> bool:
    if f["news"]:
        return False
    if condition == "work":
        return bool(f["work"])
    if condition.endswith("terms"):
        return bool(f["common"] >= int(condition.split()[0]))
    return True


Tried = list[tuple[tuple[float, ...], str, Rule]]


def families(signals: list[str]) -> dict[str, Tried]:
    """Per family, (strictness, value, rule) for every value tried (larger: stricter)."""
    found: dict[str, Tried] = {}
    for s in signals:
        found[f"rank {s}"] = [
            ((-k, n), f"{k}, {c}", lambda f, s=s, k=k, c=c: f[s] <= k and _condition(c, f))
            for k in (1, 2, 3) for n, c in enumerate(CONDITIONS)]
    grids = {"vSO": np.arange(0.40, 0.80, 0.02), "vTO": np.arange(0.04, 0.30, 0.01),
             "vF": np.arange(0.30, 0.80, 0.02), "vT": np.arange(0.04, 0.20, 0.01)}
    gates = {"any rank": 10 ** 6, "W <= 2": 2, "F <= 2": 2, "F <= 1": 1}
    for feature, grid in grids.items():
        for gate, most in gates.items():
            by = gate.split()[0] if most < 10 ** 6 else "W"
            for c in ("alone", "work"):
                found[f"{feature} >= t, {gate}, {c}"] = [
                    ((float(t), 0), f"{t:.2f}", lambda f, x=feature, t=t, by=by, most=most, c=c:
                     f[x] >= t - 1e-12 and f[by] <= most and _condition(c, f))
                    for t in grid]
    return found


def _effect(rows: list[Row], rule: Rule, labelled_only: bool) -> tuple[int, int]:
    hits = [label for label, unlabelled, f in rows
            if rule(f) and not (labelled_only and unlabelled)]
    return sum(hits), len(hits) - sum(hits)


def loso(sets: dict[str, list[Row]], labelled_only: bool) -> None:
    signals = [k for k in next(r for rows in sets.values() for r in rows)[2]
               if not k.startswith("v") and k not in ("common", "work", "news", "third")]
    for family, tried in families(signals).items():
        effects = {n: [_effect(rows, rule, labelled_only) for _, _, rule in tried]
                   for n, rows in sets.items()}
        cells = []
        for left in sets:
            best: tuple[tuple[Any, ...], int] | None = None
            for index, (strict, _, _) in enumerate(tried):
                train = [effects[n][index] for n in sets if n != left]
                if any(false for _, false in train) or not sum(g for g, _ in train):
                    continue
                key = (sum(g for g, _ in train), strict)
                best = max(best or (key, index), (key, index))
            if best is None:
                cells.append(f"{left}: -")
                continue
            gained, false = effects[left][best[1]]
            cells.append(f"{left}: {tried[best[1]][1]} +{gained}/+{false}")
        top = max(range(len(tried)), key=lambda i: (
            sum(effects[n][i][0] - 2 * effects[n][i][1] for n in sets), tried[i][0]))
        gained = sum(effects[n][top][0] for n in sets)
        false = sum(effects[n][top][1] for n in sets)
        print(f"{family:30} best on all: {tried[top][1]} +{gained}/+{false} | "
              + " | ".join(cells))


def three_sectors(sets: dict[str, list[Row]]) -> None:
    """The three-Sector rule (``meaning_cluster``) asked of the openings' vectors too: a
    pair left out, a thread of a third Sector flagged beside both, and each among the
    other's k nearest by the whole thread's vector (``W``, as the rule is) or by either
    vector; the pairs it would add per set (found / false, the unlabelled counted)."""
    cells: dict[str, list[str]] = {}
    for name, rows in sets.items():
        for k in (2, 3):
            for signal in ("W", "either"):
                hits = [label for label, _, f in rows
                        if f["third"] and min(f["W"], f["F"] if signal == "either"
                                              else f["W"]) <= k]
                cells.setdefault(f"{signal} <= {k}", []).append(
                    f"{name} +{sum(hits)}/+{len(hits) - sum(hits)}")
    for rule, line in cells.items():
        print(f"three Sectors, {rule}: " + " | ".join(line))


def _sif(subject: str, text: str, weight: float | None) -> tuple[float, ...]:
    """A text's terms embedded word by word and summed, each word weighted by
    ``weight / (weight + p(word))`` (SIF; p from spacy-lookups-data's ``lexeme_prob``),
    or 1 (``None``: the composition alone)."""
    import spacy_lookups_data
    from spacy.util import load_language_data

    global _PROBABILITY
    if not _PROBABILITY:
        _PROBABILITY = dict(load_language_data(spacy_lookups_data.en["lexeme_prob"]))
    read = thread_terms(subject, text)
    words = [(word.lower(), min(read.counts[term], 3)) for term, word in read.spelled()]
    _soft([[w for w, _ in words]], {})  # the words' vectors
    total = np.zeros(256)
    for word, count in words:
        total += count * _WORDS[word] * (1.0 if weight is None else weight / (
            weight + math.exp(_PROBABILITY.get(word, -20.0))))
    norm = float(np.linalg.norm(total))
    return tuple(float(x) for x in total / norm) if norm else ()


_PROBABILITY: dict[str, float] = {}


def _transformed(window: Window, how: str) -> list[ThreadView]:
    """The window's threads with both vectors replaced (``how``: "centred" on the
    window's mean, or "sif <weight>" / "words" for :func:`_sif`)."""
    if how == "centred":
        led = [v for v in window.views if v.meaning]
        new = {}
        for part in ("meaning", "opening"):
            matrix = np.array([getattr(v, part) or v.meaning for v in led])
            matrix = matrix - matrix.mean(0)
            matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
            for v, row in zip(led, matrix, strict=True):
                new.setdefault(v.id, {})[part] = tuple(float(x) for x in row)
        return [replace(v, **new[v.id]) if v.id in new else v for v in window.views]
    weight = float(how.split()[1]) if how.startswith("sif") else None
    return [replace(v, meaning=_sif(v.subject, v.text, weight),
                    opening=_sif(v.subject, window.openings.get(v.id, v.subject), weight))
            for v in window.views]


def replaced_vectors(windows: dict[str, Window]) -> None:
    """The rules as they are with other meaning vectors: found, false and unlabelled
    dev pairs flagged per set (the held-out pairs not counted)."""
    for how in ("stored", "words", "sif 0.001", "sif 0.0001", "centred"):
        cells = []
        for name, window in windows.items():
            views = window.views if how == "stored" else _transformed(window, how)
            flagged = {frozenset((f.thread_a, f.thread_b))
                       for f in find_overlaps(views, OverlapRules())}
            labels = {frozenset((a, b)): label for a, b, label in window.pairs}
            found = sum(1 for k, label in labels.items() if label and k in flagged)
            false = sum(1 for k, label in labels.items() if not label and k in flagged)
            unlabelled = sum(1 for k in flagged if k not in labels
                             and k not in window.skip and k <= window.dev)
            cells.append(f"{name} {found}/{false}/{unlabelled}")
        print(f"vectors {how} (found/false/unlabelled): " + " | ".join(cells))


def ceiling(sets: dict[str, list[Row]], signals: list[str]) -> None:
    """In hindsight (no set left out): the two-signal rank conjunctions that gain most
    on all seven sets less twice the false pairs they add, and the sets they gain on."""
    rows = [(name, row) for name, many in sets.items() for row in many]
    found = []
    for i, first in enumerate(signals):
        for second in signals[i + 1:]:
            for k1 in (1, 2, 3):
                for k2 in (1, 2, 3):
                    for c in ("alone", "work"):
                        hits = [(name, label) for name, (label, _, f) in rows
                                if f[first] <= k1 and f[second] <= k2 and _condition(c, f)]
                        gained = sum(label for _, label in hits)
                        where = sorted({name for name, label in hits if label})
                        found.append((gained - 2 * (len(hits) - gained), gained,
                                      len(hits) - gained, where,
                                      f"{first} <= {k1} and {second} <= {k2}, {c}"))
    for _score, gained, false, where, rule in sorted(found, reverse=True)[:5]:
        print(f"ceiling: {rule}: +{gained}/+{false} ({', '.join(where)})")


def main() -> None:
    logging.disable(logging.INFO)
    settings = load_settings(None)
    windows = {name: eval_window(settings, name) for name in SETS}
    windows["sample"] = sample_window(settings)
    sets = {name: window_rows(window) for name, window in windows.items()}
    for name, rows in sets.items():
        print(f"{name}: {len(rows)} pairs left out by the rules, "
              f"{sum(label for label, _, _ in rows)} overlaps, "
              f"{sum(unlabelled for _, unlabelled, _ in rows)} unlabelled")
    loso(sets, labelled_only="--labelled-only" in sys.argv)
    ceiling(sets, [k for k in next(r for rows in sets.values() for r in rows)[2]
                   if not k.startswith(("v", "rrf"))
                   and k not in ("common", "work", "news", "third")])
    three_sectors(sets)
    replaced_vectors(windows)


if __name__ == "__main__":
    main()
