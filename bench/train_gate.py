"""Does the learned action gate help on a writer it was not trained on?

    python bench/train_gate.py --set FOLDER [--seed 0] [--nested] [--power both|drop|kind]
    python bench/train_gate.py --set FOLDER --model FILE

Leave one writer out over the evaluation set's **dev** threads only (held-out threads
are never read): the gate's settings are chosen on these folds as ``actions train``
chooses them; then, for each writer, the gate fitted on the other writers' dev
candidates runs inside the whole pipeline (ingest, threading, extraction, closures) on
that writer's dev threads, against the same pipeline with the gate off. Prints, per
fold: strict and items P/R, kind right, closure accuracy, before -> after; then the
gate's own cost per message (features and look-ups, timed apart from the rules).

``--nested`` chooses each fold's settings on the other writers' folds only (the strict
test: the left-out writer has no say in its own gate); ``--power`` keeps one of the
gate's two powers (dropping, correcting the kind); ``--threshold``/``--kind-threshold``
force the settings instead of choosing them. ``--model FILE`` trains nothing: it runs a
model already fitted (the shipped one, say) over each writer's dev threads, gate off ->
on, to compare it with a retrained one on the same folds.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select

from iscg_mailbot.analyse.action_model import GateModel, load_gate
from iscg_mailbot.services import action_gate_training as training
from iscg_mailbot.services import evaluation
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.eval_scores import ActionScores, score_actions
from iscg_mailbot.services.eval_set import EvalSet, EvalThread
from iscg_mailbot.settings.main import Settings, load_settings
from iscg_mailbot.store.models import Message

HEADER = ("| writer | strict P/R before | after | items P/R before | after "
          "| kind right | closures agree | strict F1 before -> after (change) "
          "| strict, items c/p/e before -> after |\n|---|---|---|---|---|---|---|---|---|")


def _pipeline(settings: Settings, threads: list[EvalThread],
              model: training.GateModel | None) -> ActionScores:
    with training.gate_settings(settings, model) as chosen:
        output = evaluation.run_pipeline(chosen, EvalSet(list(threads)))
    return score_actions(threads, output.items)


def _pr(scores: ActionScores, name: str) -> str:
    counts = getattr(scores, name)
    return f"{counts.precision:.3f}/{counts.recall:.3f}"


def _counts(scores: ActionScores, name: str) -> str:
    counts = getattr(scores, name)
    return f"{counts.correct}/{counts.predicted}/{counts.expected}"


def _row(group: str, before: ActionScores, after: ActionScores, closures: bool = True) -> str:
    shares = (f"{before.closure.agree}/{before.closure.shares} -> "
              f"{after.closure.agree}/{after.closure.shares}" if closures else "not run")
    # Unrounded F1 and the counts: whether a writer is better or worse is read on these,
    # not on the rounded P/R.
    change = after.strict.f1 - before.strict.f1
    return (f"| {group} | {_pr(before, 'strict')} | {_pr(after, 'strict')} "
            f"| {_pr(before, 'items')} | {_pr(after, 'items')} "
            f"| {before.kind.correct} -> {after.kind.correct} of {after.items.correct} "
            f"| {shares} | {before.strict.f1:.6f} -> {after.strict.f1:.6f} ({change:+.6f}) "
            f"| {_counts(before, 'strict')} -> {_counts(after, 'strict')}; "
            f"{_counts(before, 'items')} -> {_counts(after, 'items')} |")


def _power(choice: training.Choice, power: str) -> training.Choice:
    """The settings with one of the gate's powers turned off (``both`` keeps them)."""
    if power == "drop":
        return dataclasses.replace(choice, kind_threshold=training.KEEP_KINDS)
    if power == "kind":
        return dataclasses.replace(choice, threshold=0.0)
    return choice


def _writer_order(group: str) -> tuple[int, str]:
    """w2 before w10."""
    digits = "".join(c for c in group if c.isdigit())
    return (int(digits) if digits else 0, group)


def _cost(settings: Settings, threads: list[EvalThread], model: training.GateModel) -> str:
    """The gate's CPU time per message, and the rules' (extraction of the same messages,
    gate off), measured on every dev message."""
    with training.gate_settings(settings, None) as plain, \
            evaluation.analysed_set(plain, EvalSet(list(threads))) as (app, _):
        context = load_context(app)
        with app.session() as session:
            ids = list(session.scalars(select(Message.id)))
            # CPU time, not the wall clock: the machine is shared, and the analysis's
            # own cost per message (docs/performance.md) is given in CPU time too.
            started = time.process_time()
            read = [(found, candidates) for _, found, candidates
                    in extraction.read_items(session, ids, context)]
            rules = time.process_time() - started
    started = time.process_time()
    for _ in range(5):
        for found, candidates in read:
            model.apply(candidates, found)
    gate = (time.process_time() - started) / 5
    per = 1e6 / max(len(read), 1)
    return (f"gate cost: {gate * per:.0f} us of CPU per message; the rules' extraction of "
            f"the same messages {rules * per:.0f} us ({len(read)} messages, "
            f"{sum(len(c) for _, c in read)} candidates)")


def _add(total: ActionScores, part: ActionScores) -> None:
    for name in ("items", "kind", "strict"):
        getattr(total, name).add(getattr(part, name))
    total.closure.agree += part.closure.agree
    total.closure.shares += part.closure.shares


def _score_fixed(settings: Settings, threads: list[EvalThread], model: GateModel) -> None:
    """Each writer's dev threads through the whole pipeline, gate off -> ``model``."""
    print(f"{len(threads)} dev threads; fixed model {dict(model.about)}\n" + HEADER)
    total_before, total_after = ActionScores(), ActionScores()
    for group in sorted({training.writer_of(t) for t in threads}, key=_writer_order):
        mine = [t for t in threads if training.writer_of(t) == group]
        before, after = _pipeline(settings, mine, None), _pipeline(settings, mine, model)
        print(_row(group, before, after), flush=True)
        _add(total_before, before)
        _add(total_after, after)
    print(_row("all", total_before, total_after))


def _examples(settings: Settings, threads: list[EvalThread],
              cache: Path | None) -> list[training.GateExample]:
    """The rules' candidates of these threads, labelled; from ``cache`` when it exists."""
    if cache is not None and cache.exists():
        with cache.open("rb") as file:
            loaded: list[training.GateExample] = pickle.load(file)  # our own file, just written
        return loaded
    examples = training.collect_examples(settings, threads)
    if cache is not None:
        with cache.open("wb") as file:
            pickle.dump(examples, file)
    return examples


def _nested_only(settings: Settings, threads: list[EvalThread],
                 examples: list[training.GateExample], writers: list[str],
                 args: argparse.Namespace) -> None:
    """The nested whole-pipeline folds of these writers only (each fold's settings chosen
    on the other writers' folds), as ``main`` prints them."""
    print(f"{len(threads)} dev threads, {len(examples)} candidates; nested folds of "
          f"{', '.join(writers)}\n" + HEADER, flush=True)
    for group in writers:
        mine = [t for t in threads if training.writer_of(t) == group]
        rest = [e for e in examples if e.group != group]
        chosen = _power(training.choose([t for t in threads if training.writer_of(t) != group],
                                        rest, seed=args.seed), args.power)
        model = training.fit_choice(rest, chosen, seed=args.seed)
        before, after = _pipeline(settings, mine, None), _pipeline(settings, mine, model)
        print(_row(group, before, after) + f" {chosen}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", required=True, type=Path,
                        help="the labelled set: a folder or a file (its dev threads only)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=None,
                        help="force this drop threshold (and keep the rules' kinds) "
                             "instead of the chosen settings: what dropping would do")
    parser.add_argument("--l2", type=float, default=0.01, help="with --threshold")
    parser.add_argument("--kind-threshold", type=float, default=None,
                        help="with --threshold: also give the model's kind when it is this "
                             "sure (0.5 as shipped before session 33); default: rules' kinds")
    parser.add_argument("--nested", action="store_true",
                        help="choose each fold's settings on the other writers only (the "
                             "left-out writer plays no part in its own gate's settings)")
    parser.add_argument("--power", choices=("both", "drop", "kind"), default="both",
                        help="keep only one of the gate's two powers (drop: the rules' "
                             "kinds stay; kind: nothing is dropped)")
    parser.add_argument("--model", type=Path, default=None,
                        help="train nothing: score this model file on each writer, off -> on")
    parser.add_argument("--writers", default=None,
                        help="comma-separated: run the whole-pipeline folds of these writers "
                             "only, in this order (with --nested, the table of settings "
                             "chosen on all folds is then skipped); to split a long run "
                             "over processes")
    parser.add_argument("--examples", type=Path, default=None,
                        help="a pickle of the collected candidates: read if it exists, "
                             "else written after collecting (one pipeline run over the set "
                             "saved per process)")
    parser.add_argument("--candidates-only", action="store_true",
                        help="stop after the candidates-only table (no pipeline run per fold)")
    parser.add_argument("--cost-only", action="store_true",
                        help="only time the gate fitted with the chosen settings")
    args = parser.parse_args()
    settings = load_settings(ROOT / "config")
    threads = training.dev_threads(args.set)
    if args.model is not None:
        _score_fixed(settings, threads, load_gate(args.model.resolve()))
        return
    examples = _examples(settings, threads, args.examples)
    writers = args.writers.split(",") if args.writers else None
    if writers and args.nested:
        _nested_only(settings, threads, examples, writers, args)
        return
    if args.threshold is None:
        choice = training.choose(threads, examples, seed=args.seed)
    else:
        choice = training.Choice(args.l2, args.threshold, args.l2,
                                 args.kind_threshold or training.KEEP_KINDS)
    choice = _power(choice, args.power)
    print(f"{len(threads)} dev threads, {len(examples)} candidates "
          f"({sum(e.item for e in examples)} match a labelled item); settings: {choice}")
    if args.cost_only:
        print(_cost(settings, threads, training.fit_choice(examples, choice, seed=args.seed)))
        return
    print("\ncandidates only (what the gate changes, closures not run):\n" + HEADER)
    for fold in training.folds(threads, examples, choice, seed=args.seed):
        print(_row(fold.group, fold.before, fold.after, closures=False))
    if args.candidates_only:
        return
    print("\nwhole pipeline (closures run after the gate):\n" + HEADER)
    total_before, total_after = ActionScores(), ActionScores()
    for group in writers or sorted({e.group for e in examples}, key=_writer_order):
        mine = [t for t in threads if training.writer_of(t) == group]
        rest = [e for e in examples if e.group != group]
        chosen = (_power(training.choose([t for t in threads if training.writer_of(t) != group],
                                         rest, seed=args.seed), args.power)
                  if args.nested else choice)
        model = training.fit_choice(rest, chosen, seed=args.seed)
        before, after = _pipeline(settings, mine, None), _pipeline(settings, mine, model)
        print(_row(group, before, after) + (f" {chosen}" if args.nested else ""), flush=True)
        _add(total_before, before)
        _add(total_after, after)
    print(_row("all", total_before, total_after))
    print("\n" + _cost(settings, threads, training.fit_choice(examples, choice,
                                                              seed=args.seed)))


if __name__ == "__main__":
    main()
