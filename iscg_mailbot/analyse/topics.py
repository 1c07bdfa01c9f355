"""Topic tagging: which topics of mutual interest a thread is about, and why.

A :class:`TopicTagger` is built once from the topic list and a pipeline, then tags
threads in batches::

    >>> from iscg_mailbot.settings.topics import load_topics
    >>> tagger = TopicTagger(load_topics("config/topics.yaml"))
    >>> [tag] = tagger.tag_threads([ThreadText(1, "Child online protection guidelines")])[0].tags
    >>> tag.topic, tag.evidence[0].where
    ('child-online-protection', 'subject')

Scoring, in the words ``topics explain`` uses: each phrase gives ``weight × place ×
min(count, max_count)`` points, place being the subject or body factor of
``scoring``; overlapping phrases of one topic count once (the first, the longest when
they start together); a negative
phrase cancels the topic's phrases inside it and takes its own points off. A topic is
tagged when its score reaches its threshold. Only the subject and each message's new
text are read: quotes and signatures never reach the tagger.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from iscg_mailbot.analyse.entities import LABELS, QUESTION, SECTOR, STUDY_GROUP, WORKING_PARTY
from iscg_mailbot.analyse.itu_structure import focus_groups, resolve
from iscg_mailbot.records import EntityMention, Evidence, ThreadTags, ThreadText, TopicTag
from iscg_mailbot.settings.itu_bodies import ItuBodies
from iscg_mailbot.settings.topics import TopicsConfig

if TYPE_CHECKING:
    # spaCy is imported when a tagger is built, not when this module is: commands that
    # never tag (sync, status) start without it.
    from iscg_mailbot.analyse.nlp import EntityHit, GroupFindings, Language

SUBJECT = "subject"
BODY = "body"
# How many matched spellings an Evidence keeps: enough to show "cyber security" next to
# "cybersecurity", not a list of every occurrence.
_MAX_FORMS = 3
_LABEL_ORDER = {label: index for index, label in enumerate(LABELS)}


@dataclass(frozen=True)
class _Spec:
    """One pattern of the topic list: the phrase as written and what it is worth."""

    topic: str
    phrase: str
    weight: float
    negative: bool
    weak: bool = False


class TopicTagger:
    """Tags threads with the topics of a :class:`TopicsConfig`.

    ``nlp`` defaults to :func:`build_pipeline` with the model named in the topic list.
    Building compiles every phrase (a fraction of a second); reuse the tagger.
    """

    def __init__(self, topics: TopicsConfig, nlp: Language | None = None,
                 bodies: ItuBodies | None = None) -> None:
        from iscg_mailbot.analyse.nlp import PhraseFinder, PhrasePattern, build_pipeline

        self.config = topics
        self.nlp = nlp if nlp is not None else build_pipeline(topics.nlp.model)
        self._specs: list[_Spec] = []
        patterns: list[PhrasePattern] = []
        for topic in topics.topics:
            kinds = ((topic.positives(), False, False), (topic.acronyms, False, True),
                     (topic.negatives, True, False))
            for phrases, negative, exact in kinds:
                for phrase in phrases:
                    self._specs.append(_Spec(topic.id, phrase.phrase, phrase.weight, negative,
                                             phrase.weak))
                    patterns.append(
                        PhrasePattern(str(len(self._specs) - 1), phrase.phrase, exact_case=exact)
                    )
        self._finder = PhraseFinder(self.nlp, patterns)
        self._spec_of = {pattern.key: index for index, pattern in enumerate(patterns)}
        topic_index = {topic.id: index for index, topic in enumerate(topics.topics)}
        self._negative_keys = frozenset(
            pattern.key for pattern, spec in zip(patterns, self._specs, strict=True)
            if spec.negative
        )
        self._weak_keys = frozenset(
            pattern.key for pattern, spec in zip(patterns, self._specs, strict=True)
            if spec.weak
        )
        # The ITU-structure table: one spec per (body, topic), found by itu_structure
        # rather than the phrase matcher, scored like a phrase of its own weight.
        self._body_specs: dict[str, list[int]] = {}
        for body in bodies.bodies if bodies is not None else ():
            for topic_id in body.topics:
                if topic_id in topic_index:
                    self._specs.append(_Spec(topic_id, f"ITU body {body.body}",
                                             bodies.weight(body), False))  # type: ignore[union-attr]
                    self._body_specs.setdefault(body.body, []).append(len(self._specs) - 1)
        self._known_bodies = frozenset(b.body for b in bodies.bodies) if bodies else frozenset()
        self._topic_index_of = [topic_index[spec.topic] for spec in self._specs]
        # Per hit key (spec index * 2 + place: 0 subject, 1 body): the topic, what an
        # Evidence says of it, and its points for each count up to max_count.
        places = ((SUBJECT, topics.scoring.subject_weight), (BODY, topics.scoring.body_weight))
        keyed = [(spec, place) for spec in self._specs for place in places]
        self._key_topic = [spec.topic for spec, _ in keyed]
        self._key_evidence = [(spec.phrase, where, spec.negative) for spec, (where, _) in keyed]
        self._key_weak = [spec.weak for spec, _ in keyed]
        self._weak_hit_keys = frozenset(k for k, weak in enumerate(self._key_weak) if weak)
        self._key_points = [
            [_points(spec.weight * factor, count, spec.negative)
             for count in range(topics.scoring.max_count + 1)]
            for spec, (_, factor) in keyed
        ]
        self._thresholds = {topic.id: topics.threshold(topic) for topic in topics.topics}
        self._order = {topic.id: index for index, topic in enumerate(topics.topics)}

    def tag_threads(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        """Tags and entities of each thread, in the order given.

        All texts of all threads go through the pipeline together, ``nlp.batch_size``
        of the topic list at a time. ``rejected`` is left empty (see :meth:`explain`).
        """
        return self._tag(threads, explain=False)

    def explain(self, subject: str, texts: Iterable[str] = ()) -> ThreadTags:
        """The verdict on one text (or a subject and message texts), with the topics
        that had evidence but stayed below their threshold in ``rejected``, for
        ``topics explain``."""
        return self._tag([ThreadText(0, subject, tuple(texts))], explain=True)[0]

    def explain_threads(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        """:meth:`tag_threads` with ``rejected`` filled in."""
        return self._tag(threads, explain=True)

    def _tag(self, threads: Sequence[ThreadText], *, explain: bool) -> list[ThreadTags]:
        # places[i]: (thread index, 1 for a message text or 0 for the subject) of text i.
        places: list[tuple[int, int]] = []
        texts: list[str] = []
        for index, thread in enumerate(threads):
            if thread.subject and not thread.subject.isspace():
                places.append((index, 0))
                texts.append(thread.subject)
            for text in thread.texts:
                if text and not text.isspace():
                    places.append((index, 1))
                    texts.append(text)
        # What counts of each thread: (spec index * 2 + place, form) per hit, and the
        # entities. A thread's verdict is made as soon as the group holding its last
        # text is read, so the findings of a batch never pile up: fewer long-lived
        # objects for the garbage collector to go through again and again.
        hits: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)
        entities: defaultdict[int, list[EntityHit]] = defaultdict(list)
        results: list[ThreadTags] = []
        first = 0
        for group in self._finder.find_groups(texts, batch_size=self.config.nlp.batch_size):
            group_places = places[first:first + len(group.starts)]
            first += len(group.starts)
            self._count_hits(group, group_places, hits)
            if self._body_specs:
                self._count_bodies(group, group_places, hits)
            if group.entities:
                # A thread's texts are consecutive: its entities, one slice of the group's.
                first_text = 0
                for thread, texts_of_thread in groupby(group_places, key=_KEY):
                    stop = first_text + len(list(texts_of_thread))
                    entities[thread].extend(group.entities_of(first_text, stop))
                    first_text = stop
            # Threads before the next text's thread have all their texts read.
            done = places[first][0] if first < len(places) else len(threads)
            while len(results) < done:
                index = len(results)
                results.append(self._verdict(
                    threads[index].thread_id, hits.pop(index, []), entities.pop(index, []),
                    explain,
                ))
        while len(results) < len(threads):
            results.append(self._verdict(threads[len(results)].thread_id, [], [], explain))
        return results

    def _count_bodies(self, group: GroupFindings, places: list[tuple[int, int]],
                      hits: defaultdict[int, list[tuple[int, str]]]) -> None:
        """Hits of the ITU bodies of the table named in each text of a group: the study
        groups, working parties and Questions the entity finder found (no second pass
        over the text), focus groups by their "FG-" prefix; a body written without its
        Sector is resolved by itu_structure.resolve against the Sectors the text names."""
        starts = group.starts
        names: dict[int, list[tuple[str, str]]] = {}
        sectors: dict[int, set[str]] = {}
        for entity, offset in zip(group.entities, group.entity_offsets, strict=True):
            label = entity.label
            if label not in _BODY_LABELS and label != SECTOR:
                continue
            index = bisect_right(starts, offset) - 1
            if label == SECTOR:
                sectors.setdefault(index, set()).add(entity.key)
                continue
            names.setdefault(index, []).append((entity.key, entity.text))
            if entity.key.startswith("ITU-"):
                sectors.setdefault(index, set()).add(entity.key.split(" ", 1)[0])
        if "FG-" in group.text:
            for index, start in enumerate(starts):
                end = starts[index + 1] if index + 1 < len(starts) else len(group.text)
                for fg in focus_groups(group.text[start:end]):
                    names.setdefault(index, []).append((fg, fg))
        known, specs_of = self._known_bodies, self._body_specs
        for index, found in names.items():
            thread, body = places[index]
            named = sectors.get(index, set())
            for name, form in found:
                for spec in specs_of.get(resolve(name, named, known) or "", ()):
                    hits[thread].append((spec * 2 + body, form))

    def _count_hits(
        self,
        group: GroupFindings,
        places: list[tuple[int, int]],
        hits: defaultdict[int, list[tuple[int, str]]],
    ) -> None:
        """Add to ``hits[thread]`` (spec index * 2 + place, form) for each hit of a group
        that counts, ``places`` being the (thread, place) of each text of the group: per
        topic, the first of overlapping phrases (the longest when they start together),
        minus those inside a negative phrase of the topic.

        Negative hits are kept (they take points off); "mobile broadband" and "broadband"
        at the same place count once, as "mobile broadband". The texts of a group do not
        overlap and its hits come in text order, so one pass over the group, remembering
        where each topic's last counted phrase ends, does it for every text at once.
        """
        if not group.hits:
            return
        spec_of, topic_of = self._spec_of, self._topic_index_of
        negative_keys = self._negative_keys
        negatives: dict[int, list[tuple[int, int]]] = {}
        if not negative_keys.isdisjoint(hit[0] for hit in group.hits):
            for key, _, first, last in group.hits:
                if key in negative_keys:
                    negatives.setdefault(topic_of[spec_of[key]], []).append((first, last))
        text = group.text
        ends: dict[int, int] = {}
        weak_keys = self._weak_keys
        for key, index, first, last in group.hits:
            if key in negative_keys:
                continue
            if key in weak_keys and _NUMBER_AFTER.match(text, last):
                continue  # "AI 1.13": an ambiguous term numbered is an item, not the term
            spec = spec_of[key]
            topic = topic_of[spec]
            if first < ends.get(topic, -1):
                continue
            if negatives and topic in negatives and any(
                first < other_last and other_first < last
                for other_first, other_last in negatives[topic]
            ):
                continue
            ends[topic] = last
            thread, body = places[index]
            hits[thread].append((spec * 2 + body, text[first:last]))
        if negatives:
            negative_ends: dict[int, int] = {}
            for key, index, first, last in group.hits:
                if key not in negative_keys:
                    continue
                spec = spec_of[key]
                topic = topic_of[spec]
                if first >= negative_ends.get(topic, -1):
                    negative_ends[topic] = last
                    thread, body = places[index]
                    hits[thread].append((spec * 2 + body, text[first:last]))

    def _verdict(
        self,
        thread_id: int,
        hits: list[tuple[int, str]],
        entities: list[EntityHit],
        explain: bool = False,
    ) -> ThreadTags:
        """Scores, tags and evidence of a thread from its counted hits, keyed by
        spec index * 2 + place (0 subject, 1 body): ints hash fastest."""
        mentions = _mentions(entities) if entities else ()
        if not hits:
            return ThreadTags(thread_id, (), mentions)
        # Counted in C, in order of first occurrence.
        counts = Counter(map(_KEY, hits))
        # Scores first, from plain numbers; Evidence records only for the topics shown.
        key_points, topic_of = self._key_points, self._key_topic
        max_count = self.config.scoring.max_count
        points: dict[int, float] = {}
        scores: dict[str, float] = {}
        for key, count in counts.items():
            points[key] = value = key_points[key][min(max_count, count)]
            topic = topic_of[key]
            scores[topic] = scores.get(topic, 0.0) + value
        thresholds = self._thresholds
        # Only threads with a weak phrase can have an unsupported topic (most have none).
        unsupported = (self._unsupported(counts)
                       if not self._weak_hit_keys.isdisjoint(counts) else set())
        shown = {
            topic for topic, score in scores.items()
            if explain or (round(score, 3) >= thresholds[topic] and topic not in unsupported)
        }
        if not shown:
            return ThreadTags(thread_id, (), mentions)
        # The distinct spellings of each phrase and place, first seen first.
        forms: dict[int, list[str]] = {}
        for key, form in dict.fromkeys(hits):
            if topic_of[key] in shown:
                forms.setdefault(key, []).append(form)
        evidence: dict[str, list[Evidence]] = {}
        described = self._key_evidence
        for key, count in counts.items():
            topic = topic_of[key]
            if topic in shown:
                phrase, where, negative = described[key]
                evidence.setdefault(topic, []).append(Evidence(
                    phrase, where, count, points[key], negative, tuple(forms[key][:_MAX_FORMS])
                ))
        tags: list[TopicTag] = []
        rejected: list[TopicTag] = []
        for topic, items in evidence.items():
            if len(items) > 1:
                items.sort(key=_evidence_order)
            score = round(sum(map(_POINTS, items)), 3)
            tag = TopicTag(topic, score, tuple(items))
            (tags if score >= self._thresholds[topic] and topic not in unsupported
             else rejected).append(tag)
        rank = self._rank
        return ThreadTags(
            thread_id, tuple(sorted(tags, key=rank)), mentions, tuple(sorted(rejected, key=rank))
        )

    def _unsupported(self, counts: Counter[int]) -> set[str]:
        """Topics whose only evidence is one weak (ambiguous) phrase: "AI" in "AI 1.13",
        "security" at a venue. A weak phrase needs a second, independent signal of the
        topic: another phrase, an ITU body of the table, or a weak phrase in the other
        place (the subject and the messages are independent; two weak words of one
        message are not)."""
        weak, topic_of = self._key_weak, self._key_topic
        strong: set[str] = set()
        weak_specs: dict[str, set[int]] = {}
        for key in counts:
            if self._key_points[key][1] <= 0:
                continue  # a negative phrase is no signal
            if weak[key]:
                # The place: the subject (0) and the messages (1) are independent.
                weak_specs.setdefault(topic_of[key], set()).add(key % 2)
            else:
                strong.add(topic_of[key])
        return {topic for topic, places in weak_specs.items()
                if topic not in strong and len(places) < 2}

    def _rank(self, tag: TopicTag) -> tuple[float, int]:
        return (-tag.score, self._order[tag.topic])


_KEY = itemgetter(0)
_BODY_LABELS = frozenset({STUDY_GROUP, WORKING_PARTY, QUESTION})
# A number right after a term: "AI 1.13" (a WRC agenda item), "Resolution 191".
_NUMBER_AFTER = re.compile(r"[ \t]*(?:No\.?\s*)?\d")
_POINTS = attrgetter("points")


def _points(value: float, count: int, negative: bool) -> float:
    """Points of a phrase found ``count`` times (already capped), ``value`` each."""
    points = round(value * count, 3)
    return -points if negative else points


def _evidence_order(evidence: Evidence) -> tuple[float, bool, str, str]:
    """Most points first (gained or lost), then positive before negative, by phrase."""
    return (-abs(evidence.points), evidence.negative, evidence.phrase, evidence.where)


_LABEL_AND_KEY = itemgetter(0, 1)
_TEXT = itemgetter(2)


def _mentions(entities: list[EntityHit]) -> tuple[EntityMention, ...]:
    """Entities named in a thread, counted, each with its first spelling; by label,
    then most named first. Counting is done by ``Counter`` and ``dict`` in C: a thread
    names dozens of entities, mostly the same few."""
    keys = list(map(_LABEL_AND_KEY, entities))
    counts = Counter(keys)
    # Built from the end, so each key keeps the text of its first occurrence.
    first = dict(zip(reversed(keys), map(_TEXT, reversed(entities)), strict=True))
    return tuple(
        EntityMention(label, key, first[(label, key)], count)
        for (label, key), count in sorted(counts.items(), key=_mention_order)
    )


def _mention_order(item: tuple[tuple[str, str], int]) -> tuple[int, int, str]:
    (label, key), count = item
    return _LABEL_ORDER[label], -count, key


@dataclass(frozen=True)
class TopicQuality:
    """Counts of one topic (or of all, micro-averaged) against hand labels."""

    topic: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        """Share of tags given that were right (1.0 when none were given)."""
        given = self.true_positives + self.false_positives
        return self.true_positives / given if given else 1.0

    @property
    def recall(self) -> float:
        """Share of expected tags that were given (1.0 when none were expected)."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        total = 2 * self.true_positives + self.false_positives + self.false_negatives
        return 2 * self.true_positives / total if total else 1.0


@dataclass(frozen=True)
class Evaluation:
    """Per-topic and micro-averaged quality of tags against hand labels."""

    threads: int
    topics: tuple[TopicQuality, ...]
    micro: TopicQuality

    def by_topic(self, topic: str) -> TopicQuality:
        """The counts of one topic (zeros when it never occurred)."""
        for quality in self.topics:
            if quality.topic == topic:
                return quality
        return TopicQuality(topic, 0, 0, 0)


def evaluate_tags(
    expected: Mapping[int, Collection[str]],
    predicted: Mapping[int, Collection[str]],
    topic_ids: Sequence[str] = (),
) -> Evaluation:
    """Compare predicted topics with hand labels, thread by thread.

    Only threads in ``expected`` count (a thread nobody labelled says nothing about
    the tagger). ``topic_ids`` fixes the order of the rows; topics met in the labels
    or predictions but not listed are appended in alphabetical order.

    >>> evaluate_tags({1: {"ai"}, 2: set()}, {1: {"ai", "imt"}, 2: set()}).micro.precision
    0.5
    """
    counts: dict[str, list[int]] = {}
    for thread_id, wanted in expected.items():
        got = set(predicted.get(thread_id, ()))
        for topic in got | set(wanted):
            row = counts.setdefault(topic, [0, 0, 0])
            if topic in got and topic in wanted:
                row[0] += 1
            elif topic in got:
                row[1] += 1
            else:
                row[2] += 1
    order = list(dict.fromkeys([*topic_ids, *sorted(counts)]))
    rows = tuple(TopicQuality(topic, *counts.get(topic, [0, 0, 0])) for topic in order)
    micro = TopicQuality(
        "(all)",
        sum(row.true_positives for row in rows),
        sum(row.false_positives for row in rows),
        sum(row.false_negatives for row in rows),
    )
    return Evaluation(threads=len(expected), topics=rows, micro=micro)
