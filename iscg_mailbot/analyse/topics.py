"""Topic tagging: which topics of mutual interest a thread is about, and why.

A :class:`TopicTagger` is built once from the topic list and a pipeline, then tags
threads in batches::

    >>> tagger = TopicTagger(load_topics("config/topics.yaml"))
    >>> [tag] = tagger.tag_threads([ThreadText(1, "Child online protection guidelines")])[0].tags
    >>> tag.topic, tag.evidence[0].where
    ('child-online-protection', 'subject')

Scoring, in the words ``topics explain`` uses: each phrase gives ``weight × place ×
min(count, max_count)`` points, place being the subject or body factor of
``scoring``; overlapping phrases of one topic count once (the longest); a negative
phrase cancels the topic's phrases inside it and takes its own points off. A topic is
tagged when its score reaches its threshold. Only the subject and each message's new
text are read: quotes and signatures never reach the tagger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iscg_mailbot.analyse.entities import LABELS
from iscg_mailbot.analyse.nlp import (
    Language,
    PhraseFinder,
    PhraseHit,
    PhrasePattern,
    TextFindings,
    build_pipeline,
)
from iscg_mailbot.records import EntityMention, Evidence, ThreadTags, ThreadText, TopicTag
from iscg_mailbot.topics_config import Topic, TopicsConfig

SUBJECT = "subject"
BODY = "body"
# How many matched spellings an Evidence keeps: enough to show "cyber security" next to
# "cybersecurity", not a list of every occurrence.
_MAX_FORMS = 3


@dataclass(frozen=True)
class _Spec:
    """One pattern of the topic list: the phrase as written and what it is worth."""

    topic: str
    phrase: str
    weight: float
    negative: bool


class TopicTagger:
    """Tags threads with the topics of a :class:`TopicsConfig`.

    ``nlp`` defaults to :func:`build_pipeline` with the model named in the topic list.
    Building compiles every phrase (a fraction of a second); reuse the tagger.
    """

    def __init__(self, topics: TopicsConfig, nlp: Language | None = None) -> None:
        self.config = topics
        self.nlp = nlp if nlp is not None else build_pipeline(topics.nlp.model)
        self._specs: list[_Spec] = []
        patterns: list[PhrasePattern] = []
        for topic in topics.topics:
            for phrase in topic.positives():
                patterns.append(self._add(topic, phrase.phrase, phrase.weight, False, False))
            for phrase in topic.acronyms:
                patterns.append(self._add(topic, phrase.phrase, phrase.weight, False, True))
            for phrase in topic.negatives:
                patterns.append(self._add(topic, phrase.phrase, phrase.weight, True, False))
        self._finder = PhraseFinder(self.nlp, patterns)
        self._thresholds = {topic.id: topics.threshold(topic) for topic in topics.topics}
        self._order = {topic.id: index for index, topic in enumerate(topics.topics)}

    def _add(
        self, topic: Topic, text: str, weight: float, negative: bool, exact: bool
    ) -> PhrasePattern:
        self._specs.append(_Spec(topic.id, text, weight, negative))
        return PhrasePattern(str(len(self._specs) - 1), text, exact_case=exact)

    def tag_threads(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        """Tags and entities of each thread, in the order given.

        All texts of all threads go through ``nlp.pipe`` together, in batches of
        ``nlp.batch_size`` of the topic list.
        """
        places: list[tuple[int, str]] = []
        texts: list[str] = []
        for index, thread in enumerate(threads):
            for place, text in [(SUBJECT, thread.subject), *((BODY, t) for t in thread.texts)]:
                if text and not text.isspace():
                    places.append((index, place))
                    texts.append(text)
        found: list[list[tuple[str, TextFindings]]] = [[] for _ in threads]
        batch_size = self.config.nlp.batch_size
        for (index, place), findings in zip(
            places, self._finder.find(texts, batch_size=batch_size), strict=True
        ):
            found[index].append((place, findings))
        return [self._verdict(thread.thread_id, found[i]) for i, thread in enumerate(threads)]

    def explain(self, subject: str, texts: Iterable[str] = ()) -> ThreadTags:
        """The verdict on one text (or a subject and message texts), rejected topics
        included, for ``topics explain``."""
        return self.tag_threads([ThreadText(0, subject, tuple(texts))])[0]

    def _verdict(self, thread_id: int, found: list[tuple[str, TextFindings]]) -> ThreadTags:
        counts: dict[tuple[int, str], int] = defaultdict(int)
        forms: dict[tuple[int, str], dict[str, None]] = defaultdict(dict)
        entity_text: dict[tuple[str, str], str] = {}
        entity_count: dict[tuple[str, str], int] = defaultdict(int)
        for place, findings in found:
            for hit in self._kept_hits(findings.hits):
                spec_key = (int(hit.key), place)
                counts[spec_key] += 1
                forms[spec_key].setdefault(hit.text, None)
            for entity in findings.entities:
                entity_text.setdefault((entity.label, entity.key), entity.text)
                entity_count[(entity.label, entity.key)] += 1
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        scoring = self.config.scoring
        factor = {SUBJECT: scoring.subject_weight, BODY: scoring.body_weight}
        for (spec_index, place), count in counts.items():
            spec = self._specs[spec_index]
            points = spec.weight * factor[place] * min(count, scoring.max_count)
            evidence[spec.topic].append(
                Evidence(
                    phrase=spec.phrase,
                    where=place,
                    count=count,
                    points=round(-points if spec.negative else points, 3),
                    negative=spec.negative,
                    forms=tuple(forms[(spec_index, place)])[:_MAX_FORMS],
                )
            )
        tags, rejected = [], []
        for topic, items in evidence.items():
            items.sort(key=lambda e: (-abs(e.points), e.negative, e.phrase, e.where))
            score = round(sum(e.points for e in items), 3)
            tag = TopicTag(topic=topic, score=score, evidence=tuple(items))
            (tags if score >= self._thresholds[topic] else rejected).append(tag)
        rank = lambda tag: (-tag.score, self._order[tag.topic])  # noqa: E731
        mentions = [
            EntityMention(label=label, key=key, text=text, count=entity_count[(label, key)])
            for (label, key), text in entity_text.items()
        ]
        mentions.sort(key=lambda m: (LABELS.index(m.label), -m.count, m.key))
        return ThreadTags(
            thread_id=thread_id,
            tags=tuple(sorted(tags, key=rank)),
            entities=tuple(mentions),
            rejected=tuple(sorted(rejected, key=rank)),
        )

    def _kept_hits(self, hits: Sequence[PhraseHit]) -> list[PhraseHit]:
        """Per topic: the longest of overlapping phrases, minus those inside a negative.

        Negative hits are kept (they take points off); "mobile broadband" and "broadband"
        at the same place count once, as "mobile broadband".
        """
        by_topic: dict[str, list[PhraseHit]] = defaultdict(list)
        for hit in hits:
            by_topic[self._specs[int(hit.key)].topic].append(hit)
        kept: list[PhraseHit] = []
        for topic_hits in by_topic.values():
            negatives = [h for h in topic_hits if self._specs[int(h.key)].negative]
            positives = [h for h in topic_hits if not self._specs[int(h.key)].negative]
            positives.sort(key=lambda h: (h.start - h.end, h.start))
            taken: list[PhraseHit] = []
            for hit in positives:
                if any(_overlap(hit, other) for other in negatives):
                    continue
                if any(_overlap(hit, other) for other in taken):
                    continue
                taken.append(hit)
            kept.extend(taken)
            kept.extend(_longest_apart(negatives))
        return kept


def _overlap(a: PhraseHit, b: PhraseHit) -> bool:
    return a.start < b.end and b.start < a.end


def _longest_apart(hits: list[PhraseHit]) -> list[PhraseHit]:
    taken: list[PhraseHit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if not any(_overlap(hit, other) for other in taken):
            taken.append(hit)
    return taken
