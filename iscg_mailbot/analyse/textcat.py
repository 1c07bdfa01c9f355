"""A trained text classifier that backs up the topic rules where it measurably helps.

``iscg-mailbot topics train`` fits a spaCy ``textcat_multilabel`` (bag of words on a
blank English pipeline: no download, CPU, seconds) on the threads people labelled with
``tag``. Per topic, k-fold cross-validation compares the F1 of the rules alone with
the F1 of "rules OR model" (the model adds the topic when its probability reaches a
threshold chosen on the training folds). The model is enabled only for topics where
the combined F1 is strictly higher; elsewhere the rules alone decide::

    >>> result = train_topic_model(examples, rule_topics, topic_ids)  # doctest: +SKIP
    >>> result.model.enabled                                          # doctest: +SKIP
    {'space-weather': 0.6}

At tagging time :func:`add_model_tags` adds the enabled topics the model finds and the
rules missed, with the evidence ``(trained model)`` so people can see why.

spaCy is imported inside the functions that train or load: importing this module is
cheap (``iscg-mailbot sync --help`` must not pay for spaCy).
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iscg_mailbot.errors import MailbotError
from iscg_mailbot.records import Evidence, ThreadTags, ThreadText, TopicTag

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PHRASE = "(trained model)"
MODEL_WHERE = "model"
META_FILE = "topics.json"
META_VERSION = 1
# Thresholds tried on the training folds (a probability at or above adds the topic).
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Characters of a thread given to the model: enough for what it is about, bounded cost.
MAX_CHARS = 20_000
LEARN_RATE = 0.01
BATCH_SIZE = 8  # examples per update: few labelled threads, so small batches


class NotEnoughLabels(MailbotError):
    """Too few labelled threads (or positives) to train and judge a model honestly."""


@dataclass(frozen=True)
class TrainingExample:
    """One labelled thread: its text, the topics people's decisions say it is about
    (``topics``) and those they say it is not (``absent``). Any other topic is unknown for
    this thread: it is left out of the thread's training labels (``textcat_multilabel``
    ignores missing labels in its loss) and out of the cross-validated figures.

    >>> TrainingExample(1, "text", frozenset({"ai"}), frozenset({"imt"})).cats(["ai", "imt", "its"])
    {'ai': 1.0, 'imt': 0.0}
    """

    thread_id: int
    text: str
    topics: frozenset[str]
    absent: frozenset[str] = frozenset()

    def label(self, topic: str) -> bool | None:
        """True (about it), False (not about it) or None (nobody said)."""
        if topic in self.topics:
            return True
        return False if topic in self.absent else None

    def cats(self, topics: Sequence[str]) -> dict[str, float]:
        """The spaCy ``cats`` of this example: known labels only, missing ones left out."""
        return {topic: 1.0 if topic in self.topics else 0.0
                for topic in topics if topic in self.topics or topic in self.absent}


@dataclass(frozen=True)
class TopicTraining:
    """Cross-validated quality of one topic: rules alone against rules OR model."""

    topic: str
    labelled_threads: int  # threads labelled for this topic (positive or negative)
    positives: int
    f1_rules: float
    f1_combined: float
    used: bool
    threshold: float | None
    skipped: str | None = None  # why the topic was not trained, if it was not


@dataclass
class TopicModel:
    """A trained classifier and the topics (with thresholds) it may add."""

    nlp: Language | None
    enabled: dict[str, float] = field(default_factory=dict)

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per text, the probability of each label the model knows."""
        if self.nlp is None:
            return [{} for _ in texts]
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]


@dataclass(frozen=True)
class TrainResult:
    """What ``topics train`` measured and the model it keeps."""

    labelled_threads: int
    folds: int
    topics: tuple[TopicTraining, ...]
    model: TopicModel


def thread_document(thread: ThreadText) -> str:
    """The text the model reads: the subject and the new texts, lower-cased (few labels:
    case would only split the counts)."""
    text = "\n".join([thread.subject, *thread.texts])
    return text[:MAX_CHARS].lower()


def _f1(tp: int, fp: int, fn: int) -> float:
    total = 2 * tp + fp + fn
    return 2 * tp / total if total else 1.0


def _counts(truth: Sequence[bool], guess: Sequence[bool]) -> tuple[int, int, int]:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    return tp, fp, fn


def _fit(examples: Sequence[TrainingExample], topics: Sequence[str],
         *, epochs: int, seed: int) -> Language:
    """A fresh bag-of-words ``textcat_multilabel`` fitted to the examples (reproducible);
    a topic unknown for an example is missing from its ``cats``, so it neither pulls the
    model towards the topic nor away from it."""
    import spacy
    from spacy.training import Example
    from thinc.api import Adam, fix_random_seed

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
        "ngram_size": 1, "no_output_layer": False, "length": 262144,
    }})
    for topic in topics:
        textcat.add_label(topic)  # type: ignore[attr-defined]
    gold = [
        Example.from_dict(nlp.make_doc(example.text), {"cats": example.cats(topics)})
        for example in examples
    ]
    nlp.initialize(lambda: gold)
    # A higher rate than spaCy's default (0.001): a few dozen labelled threads and a few
    # epochs must be enough for the bag of words to separate them.
    optimizer = Adam(LEARN_RATE)
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(gold)
        for start in range(0, len(gold), BATCH_SIZE):
            nlp.update(gold[start:start + BATCH_SIZE], sgd=optimizer, drop=0.0)
    return nlp


def _best_threshold(truth: Sequence[bool], rules: Sequence[bool],
                    probs: Sequence[float]) -> float:
    """The threshold giving the best F1 of rules OR model on these examples; ties go to
    the one nearest 0.5 (on its own training data the model is over-confident, and the
    extreme thresholds that tie there generalise worse)."""
    best, best_f1 = 0.5, -1.0
    for threshold in sorted(THRESHOLDS, key=lambda t: (abs(t - 0.5), -t)):
        guess = [r or p >= threshold for r, p in zip(rules, probs, strict=True)]
        score = _f1(*_counts(truth, guess))
        if score > best_f1:
            best, best_f1 = threshold, score
    return best


def _folds(count: int, folds: int, seed: int) -> list[int]:
    """A fold number per example, shuffled with the seed."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    fold_of = [0] * count
    for rank, index in enumerate(order):
        fold_of[index] = rank % folds
    return fold_of


def train_topic_model(
    examples: Sequence[TrainingExample],
    rule_topics: Mapping[int, frozenset[str]],
    topic_ids: Sequence[str],
    *,
    folds: int = 3,
    epochs: int = 10,
    seed: int = 0,
    min_threads: int = 20,
    min_positives: int = 3,
) -> TrainResult:
    """Cross-validate per topic, then fit the final model on every example.

    ``rule_topics`` are the topics the rules give each example's thread. Per topic only
    the examples labelled for it (:meth:`TrainingExample.label` not None) are scored. A
    topic with fewer than ``min_positives`` positives (or fewer than ``folds``
    negatives) is not trained and reported as skipped. Raises :class:`NotEnoughLabels`
    below ``min_threads`` examples or when no topic can be trained.
    """
    if len(examples) < min_threads:
        raise NotEnoughLabels(
            f"{len(examples)} labelled threads; training needs at least {min_threads}: "
            "label more threads with `iscg-mailbot tag THREAD +topic -topic`"
        )
    labels = _Labels(
        truth={t: [ex.label(t) for ex in examples] for t in topic_ids},
        rules={t: [t in rule_topics.get(ex.thread_id, frozenset()) for ex in examples]
               for t in topic_ids},
    )
    skipped = _skipped(labels, topic_ids, folds=folds, min_positives=min_positives)
    trainable = [topic for topic in topic_ids if topic not in skipped]
    if not trainable:
        raise NotEnoughLabels(
            f"no topic has {min_positives} positive and {folds} negative labelled threads: "
            "label more threads with `iscg-mailbot tag THREAD +topic -topic`"
        )
    combined = _cross_validate(examples, labels, trainable, folds=folds, epochs=epochs,
                               seed=seed)
    final = _fit(examples, trainable, epochs=epochs, seed=seed)
    final_probs = TopicModel(final).probabilities([ex.text for ex in examples])
    rows = tuple(_topic_row(topic, labels, combined.get(topic), final_probs, skipped.get(topic))
                 for topic in topic_ids)
    enabled = {row.topic: row.threshold for row in rows
               if row.used and row.threshold is not None}
    return TrainResult(len(examples), folds, rows, TopicModel(final, enabled))


@dataclass(frozen=True)
class _Labels:
    """Per topic and example: what people said (True, False, None for nobody) and
    whether the rules tag it."""

    truth: dict[str, list[bool | None]]
    rules: dict[str, list[bool]]


def _skipped(labels: _Labels, topic_ids: Sequence[str], *, folds: int,
             min_positives: int) -> dict[str, str]:
    """The topics too few threads are labelled for, with the reason."""
    skipped = {}
    for topic in topic_ids:
        positives = labels.truth[topic].count(True)
        negatives = labels.truth[topic].count(False)
        if positives < min_positives:
            skipped[topic] = f"{positives} positive(s), needs {min_positives}"
        elif negatives < folds:
            skipped[topic] = f"{negatives} negative(s), needs {folds}"
    return skipped


def _cross_validate(examples: Sequence[TrainingExample], labels: _Labels,
                    trainable: Sequence[str], *, folds: int, epochs: int,
                    seed: int) -> dict[str, list[bool]]:
    """Per topic and example, "rules OR model" with the model fitted on the other folds
    and its threshold chosen on them."""
    fold_of = _folds(len(examples), folds, seed)
    combined: dict[str, list[bool]] = {t: [False] * len(examples) for t in trainable}
    truth, rules = labels.truth, labels.rules
    for fold in range(folds):
        train_ix = [i for i, f in enumerate(fold_of) if f != fold]
        test_ix = [i for i, f in enumerate(fold_of) if f == fold]
        nlp = _fit([examples[i] for i in train_ix], trainable, epochs=epochs, seed=seed)
        model = TopicModel(nlp)
        train_probs = model.probabilities([examples[i].text for i in train_ix])
        test_probs = model.probabilities([examples[i].text for i in test_ix])
        for topic in trainable:
            known = [(i, p) for i, p in zip(train_ix, train_probs, strict=True)
                     if truth[topic][i] is not None]
            threshold = _best_threshold([bool(truth[topic][i]) for i, _ in known],
                                        [rules[topic][i] for i, _ in known],
                                        [p[topic] for _, p in known])
            for i, probs in zip(test_ix, test_probs, strict=True):
                combined[topic][i] = rules[topic][i] or probs[topic] >= threshold
    return combined


def _topic_row(topic: str, labels: _Labels, combined: list[bool] | None,
               final_probs: Sequence[dict[str, float]], skipped: str | None) -> TopicTraining:
    """One topic's figures over the examples labelled for it: rules alone, rules OR
    model (cross-validated), and whether the model is used (strictly better)."""
    known_ix = [i for i, label in enumerate(labels.truth[topic]) if label is not None]
    truth = [bool(labels.truth[topic][i]) for i in known_ix]
    rules = [labels.rules[topic][i] for i in known_ix]
    f1_rules = _f1(*_counts(truth, rules))
    if skipped is not None or combined is None:
        return TopicTraining(topic, len(known_ix), sum(truth), round(f1_rules, 3),
                             round(f1_rules, 3), False, None, skipped)
    f1_combined = _f1(*_counts(truth, [combined[i] for i in known_ix]))
    used = round(f1_combined, 6) > round(f1_rules, 6)
    threshold = _best_threshold(truth, rules, [final_probs[i][topic] for i in known_ix])
    return TopicTraining(topic, len(known_ix), sum(truth), round(f1_rules, 3),
                         round(f1_combined, 3), used, threshold)


# --- on disk ----------------------------------------------------------------------


def save_model(result: TrainResult, folder: Path) -> None:
    """Write the model (spaCy ``to_disk``) and ``topics.json`` (per topic: used,
    threshold, figures) to ``folder``, replacing an earlier model in one rename."""
    folder = Path(folder)
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    assert result.model.nlp is not None
    result.model.nlp.to_disk(staging)
    meta: dict[str, Any] = {
        "version": META_VERSION,
        "labelled_threads": result.labelled_threads,
        "folds": result.folds,
        "topics": {
            row.topic: {"used": row.used, "threshold": row.threshold,
                        "positives": row.positives, "f1_rules": row.f1_rules,
                        "f1_combined": row.f1_combined, "skipped": row.skipped}
            for row in result.topics
        },
    }
    (staging / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def enabled_topics(folder: Path) -> dict[str, float]:
    """Topics the saved model may add, with their thresholds ({} without a model)."""
    try:
        meta = json.loads((Path(folder) / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {
        topic: float(row["threshold"])
        for topic, row in meta.get("topics", {}).items()
        if row.get("used") and row.get("threshold") is not None
    }


def load_model(folder: Path) -> TopicModel | None:
    """The saved model, or None when there is none or it enables no topic (then spaCy
    is not even loaded)."""
    enabled = enabled_topics(folder)
    if not enabled:
        return None
    import spacy

    return TopicModel(spacy.load(Path(folder)), enabled)


def add_model_tags(model: TopicModel, threads: Sequence[ThreadText],
                   results: Sequence[ThreadTags]) -> list[ThreadTags]:
    """The rules' verdicts plus the enabled topics the model finds and the rules missed,
    each with ``(trained model)`` evidence whose points are the probability."""
    if not model.enabled or not threads:
        return list(results)
    probabilities = model.probabilities([thread_document(t) for t in threads])
    combined = []
    for result, probs in zip(results, probabilities, strict=True):
        have = {tag.topic for tag in result.tags}
        extra = [
            TopicTag(topic, round(probs[topic], 3), (
                Evidence(MODEL_PHRASE, MODEL_WHERE, 1, round(probs[topic], 3)),))
            for topic, threshold in sorted(model.enabled.items())
            if topic not in have and probs.get(topic, 0.0) >= threshold
        ]
        if extra:
            result = ThreadTags(result.thread_id, (*result.tags, *extra), result.entities,
                                result.rejected, result.notes)
        combined.append(result)
    return combined
