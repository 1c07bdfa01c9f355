"""``topics evaluate``: the automatic tags against people's decisions, per topic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from iscg_mailbot.analyse import textcat
from iscg_mailbot.analyse.topics import Evaluation, TopicQuality
from iscg_mailbot.records import ThreadTags
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import model_for, tagger_for
from iscg_mailbot.services.topics.texts import thread_texts_batched
from iscg_mailbot.settings.topics import TopicsConfig
from iscg_mailbot.store import topics as store

# Per-topic quality as ``topics evaluate`` prints it (for the shells, which import only
# services).
Quality = Evaluation


@dataclass(frozen=True)
class TopicEvaluation:
    """The automatic tagger (current topic list) against people's decisions.

    A decision labels one (thread, topic): added means the topic belongs, removed that
    it does not. Per topic, precision and recall are counted over the threads where
    that topic was decided; other topics of those threads are not judged.
    """

    labelled_threads: int
    decisions: int
    evaluation: Evaluation
    # With a trained model in use (``topics train``): the same counts for rules OR model.
    combined: Evaluation | None = None
    model_topics: tuple[str, ...] = ()


def evaluate(app: App) -> TopicEvaluation:
    """Per-topic precision, recall and F1 of the automatic tags against manual ones."""
    tagger = tagger_for(app)
    with app.session() as session:
        decisions = store.manual_decisions(session)
        inputs = thread_texts_batched(session, sorted(decisions))
    rule_results = tagger.tag_threads(inputs)
    rules = _decision_quality(tagger.config, decisions, rule_results)
    model = model_for(app)
    if model is None:
        return TopicEvaluation(len(decisions), sum(len(d) for d in decisions.values()), rules)
    combined = _decision_quality(tagger.config, decisions,
                                 textcat.add_model_tags(model, inputs, rule_results))
    return TopicEvaluation(len(decisions), sum(len(d) for d in decisions.values()), rules,
                           combined, tuple(sorted(model.enabled)))


def _decision_quality(config: TopicsConfig, decisions: dict[int, dict[str, bool]],
                      results: Sequence[ThreadTags]) -> Evaluation:
    """Per-topic counts of verdicts against the decided (thread, topic) pairs."""
    predicted = {r.thread_id: {t.topic for t in r.tags} for r in results}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for thread_id, decided in decisions.items():
        got = predicted.get(thread_id, set())
        for topic, belongs in decided.items():
            row = counts[topic]
            if belongs and topic in got:
                row[0] += 1
            elif topic in got:
                row[1] += 1
            elif belongs:
                row[2] += 1
    order = [t.id for t in config.topics if t.id in counts]
    order += sorted(set(counts) - set(order))
    rows = tuple(TopicQuality(topic, *counts[topic]) for topic in order)
    micro = TopicQuality("(all)", *(sum(r[i] for r in counts.values()) for i in range(3)))
    return Evaluation(threads=len(decisions), topics=rows, micro=micro)
