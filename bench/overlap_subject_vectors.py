"""Meaning vectors of what names the work, not the whole thread: the headline alone, or
the headline with the opening's first two sentences that name a deliverable ("propose",
"Report", "toolkit" ...), over the dev pairs of the nine sets (``eval/overlaps`` ..
``eval/overlaps9``) that the shipped watch leaves out.

    python bench/overlap_subject_vectors.py [headline|sentences]

Needs the ``wordllama`` package. Held-out pairs are left out before anything is read of
them (``bench/overlap_shared_loso.py``'s windows: a pair is counted only when both
threads are dev threads); the candidates a thread is ranked among are every thread of
the set, as the watch ranks them. For each k of 1-3, with and without both headlines
naming work, prints per set the dev overlaps, labelled negatives and unlabelled pairs
in which each thread is among the other's k nearest by these vectors: a rule on them
would add those. Measured (ov-r4): no k adds an overlap without adding more negatives
and unlabelled pairs (docs/evaluation.md, "ov-r4").
"""

from __future__ import annotations

import collections
import logging
import re
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.overlap_shared_loso import eval_window
from iscg_mailbot.analyse.overlap_headlines import is_news, names_work
from iscg_mailbot.analyse.overlap_meaning import MeaningNeighbours, embedded, meaning_text
from iscg_mailbot.analyse.overlap_rules import ThreadView
from iscg_mailbot.analyse.overlaps import _candidates, _rejection, find_overlaps
from iscg_mailbot.analyse.sectors import SECTORS
from iscg_mailbot.services.overlaps import overlap_rules
from iscg_mailbot.settings.main import load_settings

SETS = tuple(f"overlaps{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9))
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_WORK = re.compile(r"\b(recommendation|supplement|handbook|toolkit|guidelines?|guide|report|"
                   r"study|survey|framework|methodology|indicators|propos\w*|draft|question|"
                   r"output|paper|brief|note)\b", re.IGNORECASE)


def subject_text(view: ThreadView, mode: str) -> str:
    """What is embedded of a thread: its headline, or with the sentences naming work."""
    if mode == "headline":
        return meaning_text(view.subject, "")
    body = view.text.split("\n", 1)[-1][:3000]
    named = [s for s in _SENTENCE.split(body) if _WORK.search(s)][:2]
    return meaning_text(view.subject, " ".join(named))


def main() -> None:
    logging.disable(logging.INFO)
    mode = sys.argv[1] if len(sys.argv) > 1 else "headline"
    settings = load_settings(None)
    rules = overlap_rules(settings)
    added: dict[tuple[int, bool], collections.Counter[str]] = collections.defaultdict(
        collections.Counter)
    for name in SETS:
        window = eval_window(settings, name)
        views = window.views
        flagged = {frozenset((f.thread_a, f.thread_b)) for f in find_overlaps(views, rules)}
        led = [v for v in views if v.sector in SECTORS and v.meaning]
        vectors = dict(zip([v.id for v in led],
                           embedded([subject_text(v, mode) for v in led]), strict=True))
        near = MeaningNeighbours(vectors, rows=_candidates(led, rules))
        labels = {frozenset((a, b)): label for a, b, label in window.pairs}
        for index, a in enumerate(led):
            for b in led[index + 1:]:
                key = frozenset((a.id, b.id))
                if (key in flagged or not key <= window.dev or a.sector == b.sector
                        or is_news(a.subject) or is_news(b.subject)
                        or _rejection(a, b, timedelta(days=rules.window_days)) is not None):
                    continue
                rank = near.mutual_rank(a.id, b.id)
                kind = {True: "overlap", False: "negative", None: "unlabelled"}[labels.get(key)]
                work = names_work(a.subject) and names_work(b.subject)
                for k in (1, 2, 3):
                    for needs_work in (False, True):
                        if rank is not None and rank <= k and (work or not needs_work):
                            added[(k, needs_work)][f"{name} {kind}"] += 1
    for (k, needs_work), counts in sorted(added.items()):
        print(f"k={k}{' (both name work)' if needs_work else ''}: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
