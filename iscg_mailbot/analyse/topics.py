"""Topic tagging: which topics of mutual interest a thread is about, and why.

A :class:`TopicTagger`, built once from the topic list and a pipeline, tags threads::

    >>> from iscg_mailbot.settings.topics import load_topics
    >>> tagger = TopicTagger(load_topics("config/topics.yaml"))
    >>> [tag] = tagger.tag_threads([ThreadText(1, "Child online protection guidelines")])[0].tags
    >>> tag.topic, tag.evidence[0].where
    ('child-online-protection', 'subject')

The rule is that of ``topics.yaml``'s header, written out plainly in
:mod:`iscg_mailbot.analyse.topic_scoring` (:meth:`TopicTagger.explain` runs that version):
each phrase gives ``weight × place × min(count, max_count)`` points, place being the
subject or body factor of ``scoring``; overlapping phrases of one topic count once (the
first, the longest when they start together); a negative phrase cancels the topic's
phrases inside it and takes its own points off; a weak phrase needs a second, independent
signal; a companion, a phrase of the topic that is not one. A topic is tagged when its
score reaches its threshold. Only the subject and each message's new text are read.

:meth:`TopicTagger.tag_threads` applies the same rule to thousands of threads a second:
every (phrase, place) pair is a small int (``spec * 3 + place``), so counting is done by
``Counter`` in C and points are looked up in a table. ``tests/test_topic_scoring.py``
checks on generated texts and topic lists that the two give the same tags and points.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from iscg_mailbot.analyse.itu_structure import resolve
from iscg_mailbot.analyse.topic_batches import layout
from iscg_mailbot.analyse.topic_companions import Companions
from iscg_mailbot.analyse.topic_contexts import in_context, misplaced, negated_starts
from iscg_mailbot.analyse.topic_documents import without_counted
from iscg_mailbot.analyse.topic_entities import bodies_and_sectors, collect_entities
from iscg_mailbot.analyse.topic_mentions import entity_mentions
from iscg_mailbot.analyse.topic_names import distinct_names, in_other_name_at
from iscg_mailbot.analyse.topic_negatives import count_negatives, negative_spans
from iscg_mailbot.analyse.topic_overviews import overview_texts
from iscg_mailbot.analyse.topic_phrases import RulePhrase
from iscg_mailbot.analyse.topic_places import add_subject_hit, collect_places
from iscg_mailbot.analyse.topic_quality import Evaluation, TopicQuality, evaluate_tags
from iscg_mailbot.analyse.topic_replies import by_topic, reply_asides
from iscg_mailbot.analyse.topic_scoring import (
    BODY,
    MAX_FORMS,
    NUMBER_AFTER,
    OVERVIEW,
    SUBJECT,
    ReadText,
    TopicRule,
    evidence_order,
    place_weights,
)
from iscg_mailbot.records import Evidence, ThreadTags, ThreadText, TopicTag
from iscg_mailbot.settings.itu_bodies import ItuBodies
from iscg_mailbot.settings.topics import Scoring, TopicsConfig

if TYPE_CHECKING:
    # spaCy is imported when a tagger is built, not when this module is: commands that
    # never tag (sync, status) start without it.
    from iscg_mailbot.analyse.nlp import EntityHit, GroupFindings, Language

# Re-exported: the evaluation's figures were defined here first.
__all__ = ["BODY", "SUBJECT", "Evaluation", "TopicQuality", "TopicTagger", "evaluate_tags"]

# What counts of a thread: (spec index * _PLACES + place, form) per hit, place 0 for
# the subject, 1 for a message text and 2 for a message that is an overview.
_Hits = defaultdict[int, list[tuple[int, str]]]
# Per thread, (topic, message position) of each hit that counts in a message text, for
# reply_asides (0 is the thread's first message read).
_Reached = defaultdict[int, set[tuple[str, int]]]
_PLACES = 3
# What a group of texts holds that counts, before it is placed: (text index in the
# group, spec index, form) per hit, in the order found.
_Found = list[tuple[int, int, str]]
_Places = list[tuple[int, int]]


class TopicTagger:
    """Tags threads with the topics of a :class:`TopicsConfig`. ``nlp`` defaults to
    :func:`build_pipeline` with the model named in the topic list. Building compiles
    every phrase (a fraction of a second); reuse the tagger."""

    def __init__(self, topics: TopicsConfig, nlp: Language | None = None,
                 bodies: ItuBodies | None = None) -> None:
        from iscg_mailbot.analyse.nlp import PhraseFinder, PhrasePattern, build_pipeline

        self.config = topics
        self.nlp = nlp if nlp is not None else build_pipeline(topics.nlp.model)
        self.rule = TopicRule(topics, bodies)
        # A spec per phrase of the list (the finder reports it by its index), then one
        # per (body, topic) row of the ITU-structure table, found by itu_structure
        # rather than the phrase matcher and scored like a phrase of its own weight.
        self._specs: list[RulePhrase] = list(self.rule.phrases)
        topic_index = {topic.id: index for index, topic in enumerate(topics.topics)}
        self._finder = PhraseFinder(self.nlp, [
            PhrasePattern(str(index), spec.phrase, exact_case=spec.exact_case)
            for index, spec in enumerate(self._specs)
        ])
        self._spec_of = {str(index): index for index in range(len(self._specs))}
        self._negative_keys = frozenset(str(i) for i, s in enumerate(self._specs) if s.negative)
        self._weak_keys = frozenset(str(i) for i, s in enumerate(self._specs) if s.weak)
        # Phrases a subject may name by the place of the event (topic_places).
        self._by_place = {str(i): (i, s.topic) for i, s in enumerate(self._specs) if s.by_place}
        # Phrases with a negative context ("not_near"): key -> its words' pattern.
        self._context_of = {str(i): s.context for i, s in enumerate(self._specs)
                            if s.context is not None}
        # Phrases counted only next to certain words ("only_near") or in the subject:
        # key -> (its words' pattern or None, subject_only).
        self._placed = {str(i): (s.near, s.subject_only) for i, s in enumerate(self._specs)
                        if s.near is not None or s.subject_only}
        # The topic of each phrase that can hold a weak phrase in its name (topic_names).
        self._strong_topic = {str(i): topic_index[s.topic] for i, s in enumerate(self._specs)
                              if not s.weak and not s.negative}
        self._body_specs: dict[str, list[int]] = {}
        for body, rows in self.rule.bodies.items():
            for row in rows:
                self._specs.append(row)
                self._body_specs.setdefault(body, []).append(len(self._specs) - 1)
        self._topic_index_of = [topic_index[spec.topic] for spec in self._specs]
        self._index_keys(topics.scoring)
        self._thresholds = {topic.id: topics.threshold(topic) for topic in topics.topics}
        self._order = topic_index

    def _index_keys(self, scoring: Scoring) -> None:
        """Per hit key (spec index * _PLACES + place: 0 subject, 1 body, 2 overview): the
        topic, its Evidence's words, whether it is weak, its points per count."""
        weights = place_weights(scoring)
        places = tuple((where, weights[where]) for where in (SUBJECT, BODY, OVERVIEW))
        keyed = [(spec, place) for spec in self._specs for place in places]
        self._key_topic = [spec.topic for spec, _ in keyed]
        self._key_evidence = [(spec.phrase, where, spec.negative) for spec, (where, _) in keyed]
        self._key_weak = [spec.weak for spec, _ in keyed]
        # A weak word (not a weak acronym) repeated needs a subject about nothing else.
        self._key_word = [spec.weak and not spec.exact_case for spec, _ in keyed]
        self._weak_hit_keys = frozenset(k for k, weak in enumerate(self._key_weak) if weak)
        self._key_points = [
            [_points(spec.weight * factor, count, spec.negative)
             for count in range(scoring.max_count + 1)]
            for spec, (_, factor) in keyed
        ]
        self._companions = Companions(keyed, self._key_topic, self._key_points)

    def tag_threads(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        """Tags and entities of each thread, in the order given: all texts of all
        threads go through the pipeline together, ``nlp.batch_size`` of the topic list
        at a time. ``rejected`` is left empty (see :meth:`explain`)."""
        return self._tag(threads)

    def explain(self, subject: str, texts: Iterable[str] = ()) -> ThreadTags:
        """The verdict on one text (or a subject and message texts), with the topics
        that had evidence but stayed below their threshold in ``rejected``, for
        ``topics explain``: the plain rule of :mod:`~iscg_mailbot.analyse.topic_scoring`."""
        return self.explain_threads([ThreadText(0, subject, tuple(texts))])[0]

    def explain_threads(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        """:meth:`tag_threads` with ``rejected`` filled in, by the plain rule."""
        return [self.rule.verdict(thread.thread_id, texts)
                for thread, texts in zip(threads, self.read(threads), strict=True)]

    def read(self, threads: Sequence[ThreadText]) -> list[list[ReadText]]:
        """What the phrase finder reads of each thread: the subject, then each message
        text (blank ones skipped), with its findings."""
        from iscg_mailbot.analyse.nlp import matching_text

        placed = [[(where, text) for where, text in
                   ((SUBJECT, thread.subject), *((BODY, text) for text in thread.texts))
                   if text and not text.isspace()] for thread in threads]
        found = iter(self._finder.find([text for texts in placed for _, text in texts],
                                       batch_size=self.config.nlp.batch_size))
        return [[ReadText(where, matching_text(text), next(found)) for where, text in texts]
                for texts in placed]

    def _tag(self, threads: Sequence[ThreadText]) -> list[ThreadTags]:
        places, messages, texts = layout(threads)  # where each text read comes from
        # A thread's verdict is made as soon as the group holding its last text is
        # read, so the findings of a batch never pile up: fewer long-lived objects for
        # the garbage collector to go through again and again.
        hits: _Hits = defaultdict(list)
        reached: _Reached | None = defaultdict(set) if self.config.scoring.reply_asides else None
        entities: defaultdict[int, list[EntityHit]] = defaultdict(list)
        records = {index for index, thread in enumerate(threads)
                   if self.rule.records.named_in(thread.subject)}  # topic_records
        results: list[ThreadTags] = []
        by_place: dict[int, list[tuple[int, str, str]]] = {}  # topic_places' candidates
        first = 0
        for group in self._finder.find_groups(texts, batch_size=self.config.nlp.batch_size):
            group_places = places[first:first + len(group.starts)]
            group_messages = messages[first:first + len(group.starts)]
            first += len(group.starts)
            found: _Found = []
            self._count_hits(group, found, group_places)
            if self._by_place:
                collect_places(group.text, group.hits, group_places, self._by_place, by_place)
            if self._body_specs:
                self._count_bodies(group, found, group_places)
            self._place(found, group_places, hits, group_messages, reached, records)
            if group.entities:
                collect_entities(group, group_places, entities)
            # Threads before the next text's thread have all their texts read.
            done = places[first][0] if first < len(places) else len(threads)
            while len(results) < done:
                index = len(results)
                if index in by_place:  # topic_places: an event the subject names by place
                    add_subject_hit(threads[index].subject, hits[index], by_place.pop(index),
                                    self._key_topic, self._key_points, _PLACES)
                results.append(self._verdict(
                    threads[index].thread_id, hits.pop(index, []), entities.pop(index, []),
                    reached.pop(index, set()) if reached is not None else set(),
                    index in records))
        while len(results) < len(threads):
            results.append(self._verdict(threads[len(results)].thread_id, [], [], set(), False))
        # No topic for a thread whose subject says it is a personal note (a farewell).
        personal, counted = self.rule.personal.named_in, self.rule.counted
        if counted:  # topic_documents: events a report counts (not in a meeting's record)
            results = [result if index in records else without_counted(
                result, threads[index].subject, counted) for index, result in enumerate(results)]
        return [replace(result, tags=()) if result.tags and personal(thread.subject) is not None
                else result for thread, result in zip(threads, results, strict=True)]

    def _place(self, found: _Found, places: list[tuple[int, int]], hits: _Hits,
               messages: list[int], reached: _Reached | None, records: set[int]) -> None:
        """Add a group's hits to ``hits[thread]`` as (spec index * _PLACES + place, form),
        ``places`` being the (thread, place) of each text of the group; a message that is
        an overview (TopicRule.overview; never in a meeting's ``records``) puts its hits
        in place 2. With ``reached`` (for reply_asides), also add (topic, position of the
        message, ``messages[index]``) of each hit in a message text, not a negative one."""
        overviews = {index for index in overview_texts(
            found, places, _PLACES, self._key_points, self._key_topic, self.config.scoring)
            if places[index][0] not in records}
        specs = self._specs
        for index, spec, form in found:
            thread, place = places[index]
            hits[thread].append((spec * _PLACES + (2 if index in overviews else place), form))
            if reached is not None and place and not specs[spec].negative:
                reached[thread].add((specs[spec].topic, messages[index]))

    def _count_bodies(self, group: GroupFindings, found: _Found, places: _Places) -> None:
        """Hits of the ITU bodies of the table named in each text of a group (``places``:
        its (thread, place)): study groups, working parties and Questions the entity finder
        found, focus groups by their "FG-" prefix; a body without its Sector is resolved
        by itu_structure.resolve against the Sectors the text names. A mention next to
        one of the body's ``not_near`` words is not counted."""
        names, sectors = bodies_and_sectors(group, places, self.config.scoring)
        known, specs_of, specs = self.rule.known_bodies, self._body_specs, self._specs
        # In text order, as the plain rule reads them: the first spelling seen is shown
        # first ("X.1254" in one message, "ITU-T X.1254" in the next).
        for index, named_bodies in sorted(names.items()):
            named = sectors.get(index, set())
            for name, form, (first, last) in named_bodies:
                for spec in specs_of.get(resolve(name, named, known) or "", ()):
                    context = specs[spec].context  # the body's not_near words
                    if context is None or not in_context(group.text, first, last, context):
                        found.append((index, spec, form))

    def _count_hits(self, group: GroupFindings, found: _Found, places: _Places) -> None:
        """Add to ``found`` (text index, spec index, form) for each phrase hit of a group
        that counts: per topic, the first of overlapping phrases (the longest when they
        start together), minus those inside a negative phrase of the topic, weak ones
        followed by a number and those out of context (``not_near``, ``negated_by``) or
        place (``only_near``, ``subject_only``: ``places`` gives each text's place): they
        still hide the topic's phrases inside them. "mobile broadband" and "broadband"
        at the same place count once. Hits come in text order and texts do not overlap:
        one pass, remembering where each topic's last counted phrase ends, does all.
        """
        if not group.hits:
            return
        spec_of, topic_of = self._spec_of, self._topic_index_of
        negative_keys, weak_keys = self._negative_keys, self._weak_keys
        negatives = negative_spans(group, negative_keys, spec_of, topic_of)
        context_of, negation = self._context_of, self.rule.negation
        placed = self._placed
        negated_at = negated_starts(group.text, negation) if negation else set()
        text, all_hits = group.text, group.hits
        names = self._strong_topic if self.config.scoring.weak_in_names else None
        ends: dict[int, int] = {}
        for position, (key, index, first, last) in enumerate(all_hits):
            if key in negative_keys:
                continue
            spec = spec_of[key]
            topic = topic_of[spec]
            if key in weak_keys and (NUMBER_AFTER.match(text, last) or (
                    names and in_other_name_at(text, all_hits, position, topic, names))):
                continue  # "AI 1.13" is an agenda item; "Global Cybersecurity Index" a name
            if first < ends.get(topic, -1):
                continue
            if negatives and topic in negatives and any(
                first < other_last and other_first < last
                for other_first, other_last in negatives[topic]
            ):
                continue
            ends[topic] = last
            # Out of context ("the index of ISCG documents", "nothing to do with machine
            # learning") or place: not counted, but it hides the topic's phrases inside it.
            if ((key in context_of and in_context(text, first, last, context_of[key]))
                    or first in negated_at
                    or (key in placed and misplaced(placed[key], text, first, last,
                                                    places[index][1]))):
                continue
            found.append((index, spec, text[first:last]))
        if negatives:
            count_negatives(group, negative_keys, spec_of, topic_of, found)

    def _verdict(self, thread_id: int, hits: list[tuple[int, str]],
                 entities: list[EntityHit], reached: set[tuple[str, int]],
                 record: bool) -> ThreadTags:
        """Scores, tags and evidence of a thread from its counted hits, keyed by
        spec index * _PLACES + place (0 subject, 1 body, 2 overview): ints hash fastest.
        ``reached``: (topic, message position) of the hits in message texts, for
        reply_asides; ``record``: a meeting's record, where min_share does not apply."""
        mentions = entity_mentions(entities)
        if not hits:
            return ThreadTags(thread_id, (), mentions)
        # Counted in C, in order of first occurrence.
        counts = Counter(map(_KEY, hits))
        points, scores = self._scores(counts)
        # Only threads with a weak or companion phrase can have an unsupported topic.
        unsupported = self._companions.alone(counts) | (
            self._unsupported(counts) if not self._weak_hit_keys.isdisjoint(counts) else set())
        thresholds = self._thresholds
        shown = {topic for topic, score in scores.items()
                 if round(score, 3) >= thresholds[topic] and topic not in unsupported}
        scoring = self.config.scoring
        if len(shown) > 1 and (scoring.reply_asides or self.config.any_min_share()):
            shown -= self._passing(shown, scores, counts, reached, record)
        if not shown:
            return ThreadTags(thread_id, (), mentions)
        tags: list[TopicTag] = []
        rejected: list[TopicTag] = []
        for topic, items in self._evidence(hits, counts, points, shown).items():
            if len(items) > 1:
                items.sort(key=evidence_order)
            score = round(sum(map(_POINTS, items)), 3)
            tag = TopicTag(topic, score, tuple(items))
            (tags if score >= thresholds[topic] and topic not in unsupported
             else rejected).append(tag)
        rank = self._rank
        return ThreadTags(
            thread_id, tuple(sorted(tags, key=rank)), mentions, tuple(sorted(rejected, key=rank))
        )

    def _scores(self, counts: Counter[int]) -> tuple[dict[int, float], dict[str, float]]:
        """Points per hit key and scores per topic, from plain numbers."""
        key_points, topic_of = self._key_points, self._key_topic
        max_count = self.config.scoring.max_count
        points: dict[int, float] = {}
        scores: dict[str, float] = {}
        for key, count in counts.items():
            if key % _PLACES == 2:  # an overview: what the other messages left (overview_cap)
                count = min(count, max_count - min(counts.get(key - 1, 0), max_count))
            points[key] = value = key_points[key][min(max_count, count)]
            topic = topic_of[key]
            scores[topic] = scores.get(topic, 0.0) + value
        return points, scores

    def _evidence(self, hits: list[tuple[int, str]], counts: Counter[int],
                  points: dict[int, float], shown: set[str]) -> dict[str, list[Evidence]]:
        """Evidence records, only for the topics shown, each with the distinct
        spellings of its phrase and place, first seen first."""
        topic_of = self._key_topic
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
                    phrase, where, count, points[key], negative, tuple(forms[key][:MAX_FORMS])
                ))
        return evidence

    def _unsupported(self, counts: Counter[int]) -> set[str]:
        """Topics whose only evidence is weak (ambiguous) phrases ("AI" in "AI 1.13"),
        lacking a second, independent signal of the topic (TopicRule.unsupported):
        another phrase, an ITU body of the table, a weak phrase in the other place; the
        same weak word (not acronym) in both places only when the subject names no other
        topic with a phrase that is not weak (weak_repeat_needs_clear_subject); two
        different weak phrases in the messages (weak_pairs_in_messages)."""
        weak, topic_of, key_points = self._key_weak, self._key_topic, self._key_points
        strong: set[str] = set()
        in_subject: set[str] = set()
        # Per topic, the weak specs of the subject (place 0) and of the messages (1).
        weak_specs: dict[str, tuple[set[int], set[int]]] = {}
        for key in counts:
            if key_points[key][1] <= 0:
                continue  # a negative phrase is no signal
            topic = topic_of[key]
            if weak[key]:
                weak_specs.setdefault(topic, (set(), set()))[min(key % _PLACES, 1)].add(
                    key // _PLACES)
            else:
                strong.add(topic)
                if key % _PLACES == 0:
                    in_subject.add(topic)
        clear = self.config.scoring.weak_repeat_needs_clear_subject
        pairs = self.config.scoring.weak_pairs_in_messages
        return {topic for topic, (subject, body) in weak_specs.items()
                if topic not in strong and not (pairs and not subject and distinct_names(
                    self._specs[spec].phrase for spec in body) >= 2)
                and (not subject or not body or (
                    subject == body and len(subject) == 1 and clear
                    and self._key_word[_PLACES * min(subject)] and bool(in_subject - {topic})))}

    def _passing(self, shown: set[str], scores: dict[str, float],
                 counts: Counter[int], reached: set[tuple[str, int]], record: bool) -> set[str]:
        """Passing mentions (topic_scoring.TopicRule.passing_mentions): with reply_asides
        the topics only one message after the first names, and topics the subject gives
        no points below their min_share of the strongest topic that is no such aside."""
        # key % _PLACES == 0: a subject hit; its points for one occurrence tell a negative.
        in_subject = {self._key_topic[key] for key in counts
                      if key % _PLACES == 0 and self._key_points[key][1] > 0}
        asides = (reply_asides(shown, in_subject, by_topic(reached))
                  if self.config.scoring.reply_asides else set())
        rounded = {topic: round(scores[topic], 3) for topic in shown}
        order = self._order
        strongest = min(shown - asides, key=lambda topic: (-rounded[topic], order[topic]))
        top, shares = rounded[strongest], self.rule.shares
        return {topic for topic in shown if not record
                and rounded[topic] < shares[topic] * top} - in_subject | asides

    def _rank(self, tag: TopicTag) -> tuple[float, int]:
        return (-tag.score, self._order[tag.topic])


_KEY = itemgetter(0)
_POINTS = attrgetter("points")


def _points(value: float, count: int, negative: bool) -> float:
    """Points of a phrase found ``count`` times (already capped), ``value`` each."""
    points = round(value * count, 3)
    return -points if negative else points
