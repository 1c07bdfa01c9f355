"""Training the action gate (:mod:`iscg_mailbot.analyse.action_model`) from labelled threads.

``iscg-mailbot actions train --set eval`` reads the evaluation set's **dev** threads only
(held-out threads are never read here), runs them through the pipeline with the gate
off, and labels each candidate the rules produce with the evaluator's own matcher
(:func:`~iscg_mailbot.services.eval_scores.match_items`): does it match a labelled item
of its message, and of which kind. Then, leave one group out (a group is a writer: the
part of the file name before the first "-", ``w3-02.yaml`` -> ``w3``): for each writer,
fit on the other writers' candidates and score that writer's, strict and per field,
with the evaluator's scorer. The regularisation, the threshold under which a candidate
is dropped and the probability at which the model's kind replaces the rules' are chosen
on those folds only (the best mean strict F1, then kind right); the model written is
fitted on every dev candidate with them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import select

from iscg_mailbot.analyse.action_model import GateModel, gate_features
from iscg_mailbot.analyse.action_model_fit import fit_binary, fit_classes
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.records import ActionCandidate, ActionInput
from iscg_mailbot.services import evaluation
from iscg_mailbot.services.actions import extraction
from iscg_mailbot.services.actions.context import load_context
from iscg_mailbot.services.eval_scores import (
    ActionScores,
    PredictedItem,
    match_items,
    score_actions,
)
from iscg_mailbot.services.eval_set import EvalSet, EvalThread, read_set
from iscg_mailbot.settings.actions import ACTIONS_FILE_NAME
from iscg_mailbot.settings.main import Settings
from iscg_mailbot.store.models import Message

DEV = "dev"
MODEL_FILE = "action-gate.json"  # in the configuration folder, unless told otherwise
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(15))  # 0 keeps every candidate
KIND_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
KEEP_KINDS = 1.01  # a kind threshold no probability reaches: the rules' kinds stay
HURT = 0.005  # a fold may lose this much F1 (about one item in two hundred) and still count
L2 = (0.003, 0.01, 0.03)


@dataclass(frozen=True)
class GateExample:
    """One candidate of the rules, its features and what the labels say of it."""

    group: str
    key: tuple[str, str]  # (thread id, message id) in the set
    features: tuple[str, ...]
    item: bool  # it matches a labelled item of its message
    kind: str | None  # the matched item's labelled kind
    predicted: PredictedItem


@dataclass(frozen=True)
class Choice:
    """The gate's settings: regularisation and threshold of the keep/drop model, and of
    the kind model (a kind threshold over 1 keeps the rules' kinds)."""

    l2: float = 0.01
    threshold: float = 0.0
    kind_l2: float = 0.01
    kind_threshold: float = KEEP_KINDS


@dataclass
class Fold:
    """One writer's dev candidates scored without and with the gate of the other writers."""

    group: str
    threads: int
    before: ActionScores
    after: ActionScores


@dataclass
class GateTraining:
    """The model fitted on every dev candidate, the folds that chose its settings."""

    model: GateModel
    examples: int
    folds: list[Fold] = field(default_factory=list)
    choice: Choice | None = None


def writer_of(thread: EvalThread) -> str:
    """The group of a thread: its file name up to the first "-" (``w3-02.yaml`` -> w3)."""
    return Path(thread.source).name.split("-", 1)[0] if thread.source else "set"


def dev_threads(path: Path) -> list[EvalThread]:
    """The set's dev threads (ConfigError when there are none); held-out ones are dropped
    unread."""
    threads = [t for t in read_set(path).threads if t.split == DEV]
    if not threads:
        raise ConfigError(f"{path}: no dev thread to train on")
    return threads


@contextmanager
def gate_settings(settings: Settings, model: GateModel | None) -> Iterator[Settings]:
    """The settings with a copy of the configuration folder whose ``actions.yaml`` turns
    the gate off (``model`` None) or uses ``model``."""
    with tempfile.TemporaryDirectory(prefix="iscg-gate-") as folder:
        config = Path(folder) / "config"
        shutil.copytree(settings.config_dir, config)
        file = config / ACTIONS_FILE_NAME
        data = (yaml.safe_load(file.read_text(encoding="utf-8")) if file.exists()
                else None) or {}
        data["gate"] = model is not None
        if model is not None:
            (config / "gate.json").write_text(model.to_json(), encoding="utf-8")
            data["gate_model"] = "gate.json"
        file.write_text(yaml.safe_dump(data), encoding="utf-8")
        yield settings.model_copy(update={"config_dir": str(config)})


def read_candidates(settings: Settings, threads: Sequence[EvalThread]
                    ) -> list[tuple[tuple[str, str], ActionInput, list[ActionCandidate]]]:
    """Per message of these threads (by set ids): what the extractor reads of it and the
    rules' candidates, the gate off."""
    where = {t.message_id(m.id): (t.id, m.id) for t in threads for m in t.messages}
    with gate_settings(settings, None) as plain, \
            evaluation.analysed_set(plain, EvalSet(list(threads))) as (app, _):
        context = load_context(app)
        with app.session() as session:
            keys = {pk: where[mid] for pk, mid in session.execute(
                select(Message.id, Message.message_id)) if mid in where}
            return [(keys[message.id], found, candidates) for message, found, candidates
                    in extraction.read_items(session, sorted(keys), context)]


def collect_examples(settings: Settings, threads: Sequence[EvalThread]) -> list[GateExample]:
    """Every candidate the rules find in these threads (gate off), labelled by the
    evaluator's matcher."""
    group = {t.id: writer_of(t) for t in threads}
    gold = {(t.id, m.id): m.actions for t in threads for m in t.messages}
    examples: list[GateExample] = []
    for key, found, candidates in read_candidates(settings, threads):
        predicted = [_predicted(c) for c in candidates]
        matched = {j: i for i, j in match_items(gold[key], predicted)}
        for j, candidate in enumerate(candidates):
            examples.append(GateExample(
                group[key[0]], key, gate_features(candidate, found, j, len(candidates)),
                j in matched, gold[key][matched[j]].kind if j in matched else None,
                predicted[j]))
    return examples


def _predicted(candidate: ActionCandidate) -> PredictedItem:
    """A candidate as the evaluator reads a stored item (owners as stored: joined by ",")."""
    owners = tuple(p.strip() for p in (candidate.owner or "").split(",") if p.strip())
    return PredictedItem(candidate.kind, owners, candidate.due, candidate.sentence)


def fit(examples: Sequence[GateExample], *, l2: float, threshold: float,
        kind_threshold: float, kind_l2: float | None = None, seed: int = 0) -> GateModel:
    """The gate fitted on these examples with these settings."""
    weights, bias = fit_binary([e.features for e in examples], [e.item for e in examples],
                               seed=seed, l2=l2)
    kinds: dict[str, dict[str, float]] = {}
    kind_bias: dict[str, float] = {}
    matched = [e for e in examples if e.kind is not None]
    if kind_threshold <= 1.0 and len({e.kind for e in matched}) > 1:
        kinds, kind_bias = fit_classes([e.features for e in matched],
                                       [e.kind or "" for e in matched], seed=seed,
                                       l2=l2 if kind_l2 is None else kind_l2)
    return GateModel(weights, bias, threshold, kinds, kind_bias, kind_threshold)


def score(threads: Sequence[EvalThread], examples: Sequence[GateExample],
          model: GateModel | None = None) -> ActionScores:
    """The evaluator's scores of these candidates, all of them or those ``model`` keeps
    (with the kinds it gives): what the gate alone changes, without re-running the
    pipeline (closures are not counted here: see bench/train_gate.py)."""
    predicted: dict[tuple[str, str], list[PredictedItem]] = defaultdict(list)
    for example in examples:
        item = example.predicted
        if model is not None:
            if model.probability(example.features) < model.threshold:
                continue
            kind = model.kind_for(example.features, item.kind)
            item = PredictedItem(kind, item.owners, item.due, item.sentence)
        predicted[example.key].append(item)
    return score_actions(threads, predicted)


def _deltas(folds: Sequence[tuple[Sequence[EvalThread], Sequence[GateExample], GateModel]],
            measure: Callable[[ActionScores], float]) -> list[float]:
    """Per fold: the measure with the gate minus the measure without."""
    return [measure(score(t, e, m)) - measure(score(t, e)) for t, e, m in folds]


def helps(deltas: Sequence[float]) -> bool:
    """Whether a change helps on most folds and hurts none by more than ``HURT``."""
    return (sum(d > 1e-9 for d in deltas) * 2 > len(deltas)
            and min(deltas, default=0.0) >= -HURT)


def choose(threads: Sequence[EvalThread], examples: Sequence[GateExample], *,
           seed: int = 0) -> Choice:
    """The settings chosen on leave-one-group-out folds: among those that help on most
    folds and hurt none (:func:`helps`), the best mean change of strict F1 for the
    threshold (kinds left alone), and apart from it the best mean change of kind F1
    for the kind threshold (nothing dropped). Nothing dropped and the rules' kinds kept
    when nothing helps."""
    groups = sorted({e.group for e in examples})
    if len(groups) < 2:
        raise ConfigError("the gate is chosen by leaving one writer out: the set needs "
                          "dev threads from at least two writers' files (w1-..., w2-...)")
    parts = {g: ([t for t in threads if writer_of(t) == g],
                 [e for e in examples if e.group == g]) for g in groups}
    drop: tuple[float, float, float] = (0.0, L2[0], 0.0)
    kind: tuple[float, float, float] = (0.0, L2[0], KEEP_KINDS)
    for l2 in L2:
        models = [fit([e for e in examples if e.group != g], l2=l2, threshold=0.0,
                      kind_threshold=KIND_THRESHOLDS[0], seed=seed) for g in groups]
        for threshold in THRESHOLDS:
            deltas = _deltas([(*parts[g], _with(m, threshold, KEEP_KINDS))
                              for g, m in zip(groups, models, strict=True)], lambda s: s.strict.f1)
            if helps(deltas) and sum(deltas) / len(deltas) > drop[0] + 1e-9:
                drop = (sum(deltas) / len(deltas), l2, threshold)
        for kind_threshold in KIND_THRESHOLDS:
            deltas = _deltas([(*parts[g], _with(m, 0.0, kind_threshold))
                              for g, m in zip(groups, models, strict=True)], lambda s: s.kind.f1)
            if helps(deltas) and sum(deltas) / len(deltas) > kind[0] + 1e-9:
                kind = (sum(deltas) / len(deltas), l2, kind_threshold)
    return Choice(drop[1], drop[2], kind[1], kind[2])


def _with(model: GateModel, threshold: float, kind_threshold: float) -> GateModel:
    return GateModel(model.weights, model.bias, threshold, model.kinds, model.kind_bias,
                     kind_threshold, model.about)


def folds(threads: Sequence[EvalThread], examples: Sequence[GateExample], choice: Choice,
          *, seed: int = 0) -> list[Fold]:
    """Per group: its candidates scored without the gate and with the other groups' gate."""
    result = []
    for group in sorted({e.group for e in examples}):
        mine = [t for t in threads if writer_of(t) == group]
        held = [e for e in examples if e.group == group]
        model = fit_choice([e for e in examples if e.group != group], choice, seed=seed)
        result.append(Fold(group, len(mine), score(mine, held), score(mine, held, model)))
    return result


def fit_choice(examples: Sequence[GateExample], choice: Choice, *, seed: int = 0,
               about: dict[str, object] | None = None) -> GateModel:
    """The gate with these settings fitted on these examples."""
    model = fit(examples, l2=choice.l2, threshold=choice.threshold,
                kind_threshold=choice.kind_threshold, kind_l2=choice.kind_l2, seed=seed)
    return GateModel(model.weights, model.bias, model.threshold, model.kinds,
                     model.kind_bias, model.kind_threshold, about or {})


def train_gate(settings: Settings, path: Path, *, seed: int = 0) -> GateTraining:
    """Choose the gate's settings on leave-one-writer-out folds of the set's dev threads,
    then fit it on all of them."""
    threads = dev_threads(path)
    examples = collect_examples(settings, threads)
    choice = choose(threads, examples, seed=seed)
    about: dict[str, object] = {
        "trained_on": f"{len(threads)} dev threads, {len(examples)} candidates",
        "groups": sorted({e.group for e in examples}), "seed": seed,
        "l2": choice.l2, "kind_l2": choice.kind_l2}
    return GateTraining(fit_choice(examples, choice, seed=seed, about=about),
                        len(examples), folds(threads, examples, choice, seed=seed), choice)


def _f1_pair(fold: Fold, name: str) -> list[float]:
    return [round(getattr(fold.before, name).f1, 3), round(getattr(fold.after, name).f1, 3)]


def training_figures(result: GateTraining) -> dict[str, object]:
    """What a training chose and each fold's figures, before and after (JSON-ready)."""
    return {
        "examples": result.examples,
        "choice": dict(vars(result.choice)) if result.choice else {},
        "folds": [{"writer": f.group, "threads": f.threads,
                   "strict_f1": _f1_pair(f, "strict"), "items_f1": _f1_pair(f, "items"),
                   "kind": [f.before.kind.correct, f.after.kind.correct],
                   "items": [f.before.items.predicted, f.after.items.predicted]}
                  for f in result.folds],
    }


def train_and_save(settings: Settings, path: Path, output: Path, *,
                   seed: int = 0) -> dict[str, object]:
    """:func:`train_gate` on the set at ``path``, the model written to ``output``; the
    figures of :func:`training_figures`."""
    result = train_gate(settings, path, seed=seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(result.model.to_json(), encoding="utf-8")
    return training_figures(result)
