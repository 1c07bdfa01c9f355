"""Score the duplication watch on an independent set of labelled thread pairs.

The set is a folder (``eval/overlaps/``) holding ``threads.yaml`` (threads in the format
of ``eval/README.md``) and ``pairs.yaml`` (``{a, b, overlap}`` entries naming two thread
ids). The threads go through the whole pipeline in a throw-away database
(:func:`evaluation.analysed_set`), the watch runs over them as over the list's own
threads, and each labelled pair counts as found, false or missed. The split is by
thread, as for ``eval/threads/``: a thread is held out when the SHA-1 of its id is
divisible by 3, and a pair is *held out* when either of its threads is, so that whoever
improves the watch on the dev pairs never reads a held-out thread:

    >>> pair_split("ov-001", "ov-003") == pair_split("ov-003", "ov-001")
    True

    iscg-mailbot overlaps evaluate --set eval/overlaps
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import yaml

from iscg_mailbot.analyse.overlap_text import TextSimilarity
from iscg_mailbot.analyse.overlaps import (
    OverlapRules,
    ThreadView,
    find_overlaps,
    meaning_neighbours,
    why_not,
)
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.eval_set import DEV, HELD_OUT, SPLITS, read_set, split_of
from iscg_mailbot.services.evaluation import analysed_set, stored_thread_ids
from iscg_mailbot.services.overlaps import overlap_rules, window_views
from iscg_mailbot.settings.main import Settings


def pair_split(a: str, b: str) -> str:
    """``held-out`` when either thread is held out (:func:`eval_set.split_of`), else ``dev``."""
    return HELD_OUT if HELD_OUT in (split_of(a), split_of(b)) else DEV


@dataclass(frozen=True)
class LabelledPair:
    """Two threads of the set and whether they are duplicated effort."""

    a: str
    b: str
    overlap: bool
    why: str = ""

    @property
    def split(self) -> str:
        return pair_split(self.a, self.b)


@dataclass
class PairScores:
    """Counts of one split, and the pairs behind the errors."""

    pairs: int = 0
    positives: int = 0
    found: int = 0
    false: list[LabelledPair] = field(default_factory=list)
    missed: list[LabelledPair] = field(default_factory=list)
    # Per missed pair, the condition that kept it from being flagged (dev part only).
    reasons: dict[LabelledPair, str] = field(default_factory=dict)
    # Flagged pairs of two threads of the set that no labelled pair names (thread ids,
    # sorted): a writer labels the pairs of a subject and its hard negatives, not every
    # pair of the set, so a flag between two subjects falls outside precision. Nearly
    # all are false; none is flagged on any dev part (docs/duties.md, "Issue 15, fourth
    # round"): a rule that adds some loses precision the labels do not show.
    unlabelled: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.found + len(self.false)
        return self.found / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 0.0


def load_pairs(path: Path) -> list[LabelledPair]:
    """The labelled pairs of ``path/pairs.yaml``; ConfigError naming the entry when one is bad."""
    file = path / "pairs.yaml"
    try:
        data: Any = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{file}: cannot be read: {str(exc).splitlines()[0]}") from None
    entries = data.get("pairs") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{file}: expected a mapping with a 'pairs' list")
    pairs = []
    for position, entry in enumerate(entries):
        if (not isinstance(entry, dict) or not isinstance(entry.get("overlap"), bool)
                or not all(isinstance(entry.get(k), str) for k in ("a", "b"))):
            raise ConfigError(f"{file}: pairs[{position}]: needs a, b (thread ids) and "
                              "overlap: true or false")
        pairs.append(LabelledPair(entry["a"], entry["b"], entry["overlap"],
                                  str(entry.get("why", ""))))
    return pairs


def evaluate_overlaps(settings: Settings, path: Path,
                      rules: OverlapRules | None = None) -> dict[str, PairScores]:
    """Run the set at ``path`` through the pipeline and the watch (``rules``, default
    those of ``settings``' ``[overlaps]``: :func:`overlaps.overlap_rules`); scores per
    split."""
    rules = rules or overlap_rules(settings)
    threads_file = path / "threads.yaml"
    if not threads_file.is_file():
        raise ConfigError(f"{threads_file}: not found; an overlap set is a folder with "
                          "threads.yaml and pairs.yaml")
    loaded = read_set(threads_file)
    pairs = load_pairs(path)
    known = {t.id for t in loaded.threads}
    unknown = sorted({x for p in pairs for x in (p.a, p.b)} - known)
    if unknown:
        raise ConfigError(f"{path / 'pairs.yaml'}: names threads not in threads.yaml "
                          f"(or unreadable): {', '.join(unknown[:5])}")
    dates = [m.date.astimezone(UTC) for t in loaded.threads for m in t.messages]
    with analysed_set(settings, loaded) as (app, _report):
        stored = stored_thread_ids(app, loaded.threads)
        views, _dismissed = window_views(app, since=min(dates).date(),
                                         until=max(dates).date(),
                                         now=max(dates) + timedelta(days=1),
                                         meaning=rules.meaning_neighbours is not None,
                                         subjects=rules.subject_concepts)
    flags = find_overlaps(views, rules)
    flagged = {frozenset((f.thread_a, f.thread_b)) for f in flags}
    scores = _score(pairs, stored, flagged)
    _explain(scores[DEV], stored, views, rules)
    return scores


def _explain(score: PairScores, stored: dict[str, set[int]], views: list[ThreadView],
             rules: OverlapRules) -> None:
    """Why each missed pair of ``score`` was not flagged (:func:`overlaps.why_not`)."""
    by_id = {view.id: view for view in views}
    text = TextSimilarity({v.id: (v.subject, v.text) for v in views},
                          subjects=rules.subject_concepts)
    neighbours = meaning_neighbours(views, rules, text)
    for pair in score.missed:
        first, second = (by_id.get(min(stored.get(x, {-1}))) for x in (pair.a, pair.b))
        if first is None or second is None:
            score.reasons[pair] = "a thread is not among the window's threads"
            continue
        score.reasons[pair] = why_not(first, second, text, rules, neighbours) or "flagged"


def _score(pairs: list[LabelledPair], stored: dict[str, set[int]],
           flagged: set[frozenset[int]]) -> dict[str, PairScores]:
    scores = {split: PairScores() for split in SPLITS}
    _unlabelled(scores, pairs, stored, flagged)
    for pair in pairs:
        # A thread of the set is one stored thread; were it split, any part counts.
        hit = any(frozenset((x, y)) in flagged
                  for x in stored.get(pair.a, ()) for y in stored.get(pair.b, ()))
        score = scores[pair.split]
        score.pairs += 1
        score.positives += pair.overlap
        if pair.overlap and hit:
            score.found += 1
        elif pair.overlap:
            score.missed.append(pair)
        elif hit:
            score.false.append(pair)
    return scores


def _unlabelled(scores: dict[str, PairScores], pairs: list[LabelledPair],
                stored: dict[str, set[int]], flagged: set[frozenset[int]]) -> None:
    """Each flagged pair of two of the set's threads that no labelled pair names, in the
    part its threads put it in (:attr:`PairScores.unlabelled`)."""
    thread_of = {tid: name for name, ids in stored.items() for tid in ids}
    labelled = {frozenset((p.a, p.b)) for p in pairs}
    found = {tuple(sorted({thread_of[t] for t in pair})) for pair in flagged
             if all(t in thread_of for t in pair)}
    for a, b in sorted(p for p in found if len(p) == 2):
        if frozenset((a, b)) not in labelled:
            scores[pair_split(a, b)].unlabelled.append((a, b))


def rules_without_concepts(settings: Settings) -> OverlapRules:
    """The watch's rules (as ``settings`` set them) without the subject concepts, for a
    dev check of how far the figures rest on that table (the CLI has no business
    importing the analysis)."""
    return replace(overlap_rules(settings), subject_concepts=False)


def dev_misses(scores: dict[str, PairScores]) -> list[tuple[str, LabelledPair]]:
    """The dev part's errors, each "false" or "missed". The held-out part's are never
    shown: that part is only scored."""
    dev = scores[DEV]
    return [("false", p) for p in dev.false] + [("missed", p) for p in dev.missed]


def overlap_figures(scores: dict[str, PairScores], *, misses: bool = False
                    ) -> dict[str, dict[str, object]]:
    """JSON-ready figures per split; with ``misses``, the dev part's errors too."""
    result: dict[str, dict[str, object]] = {
        split: {"pairs": score.pairs, "overlaps": score.positives, "found": score.found,
                "false": len(score.false), "missed": len(score.missed),
                "precision": round(score.precision, 3), "recall": round(score.recall, 3),
                "unlabelled_flagged": len(score.unlabelled)}
        for split, score in scores.items()}
    if misses:
        errors = dev_misses(scores)
        for label in ("false", "missed"):
            result[DEV][f"{label}_pairs"] = [
                f"{p.a} {p.b}: {p.why}" + (f" [not flagged: {scores[DEV].reasons[p]}]"
                                           if p in scores[DEV].reasons else "")
                for kind, p in errors if kind == label]
        if DEV in scores:
            result[DEV]["unlabelled_pairs"] = [f"{a} {b}" for a, b in scores[DEV].unlabelled]
    return result


__all__ = ["LabelledPair", "PairScores", "dev_misses", "evaluate_overlaps", "load_pairs",
           "overlap_figures", "pair_split", "rules_without_concepts"]
