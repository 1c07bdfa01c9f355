"""``overlaps evaluate`` counts the flags no labelled pair names: a rule that adds flags
between two subjects loses precision the labels do not show (docs/duties.md, "Issue 15,
fourth round")."""

from __future__ import annotations

from iscg_mailbot.services.eval_set import split_of
from iscg_mailbot.services.overlap_eval import LabelledPair, _score, overlap_figures

# t-1, t-4, t-6 and t-8 are dev threads, t-2 is held out (sha1 of the id).
STORED = {"t-1": {11}, "t-4": {14, 24}, "t-6": {16}, "t-8": {18}, "t-2": {12}}
PAIRS = [LabelledPair("t-1", "t-4", True), LabelledPair("t-6", "t-8", False)]


def test_the_ids_fall_in_the_parts_the_test_assumes() -> None:
    assert [split_of(t) for t in ("t-1", "t-4", "t-6", "t-8", "t-2")] == [
        "dev", "dev", "dev", "dev", "held-out"]


def test_a_flag_no_label_names_is_counted_in_its_part() -> None:
    flagged = {frozenset((11, 14)),   # labelled: found
               frozenset((11, 16)),   # two dev threads, no label: unlabelled, dev
               frozenset((16, 11)),   # the same pair again: counted once
               frozenset((14, 24)),   # two stored parts of one thread: no pair
               frozenset((24, 18)),   # part of t-4 beside t-8: unlabelled, dev
               frozenset((12, 18))}   # with a held-out thread: the held-out part's
    scores = _score(PAIRS, STORED, flagged)
    assert scores["dev"].found == 1 and not scores["dev"].false
    assert scores["dev"].unlabelled == [("t-1", "t-6"), ("t-4", "t-8")]
    assert scores["held-out"].unlabelled == [("t-2", "t-8")]
    figures = overlap_figures(scores, misses=True)
    assert figures["dev"]["unlabelled_flagged"] == 2
    assert figures["held-out"]["unlabelled_flagged"] == 1
    # Only the dev part's pairs are named; the held-out part is only counted.
    assert figures["dev"]["unlabelled_pairs"] == ["t-1 t-6", "t-4 t-8"]
    assert "unlabelled_pairs" not in figures["held-out"]


def test_a_labelled_false_flag_is_not_unlabelled() -> None:
    scores = _score(PAIRS, STORED, {frozenset((16, 18))})
    assert [(p.a, p.b) for p in scores["dev"].false] == [("t-6", "t-8")]
    assert scores["dev"].unlabelled == [] and scores["held-out"].unlabelled == []
