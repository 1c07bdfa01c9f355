"""The topic rule of ``topics.yaml``, written out plainly: what ``topics explain`` runs.

The header of ``config/topics.yaml`` is the rule the secretariat edits against. This
module does what it says, step by step, with no shortcut taken for speed; the tagger
(:class:`iscg_mailbot.analyse.topics.TopicTagger`) does the same on thousands of threads
a second with index arithmetic, and ``tests/test_topic_scoring.py`` checks with
generated texts and topic lists that both give the same topics and the same points.

Matching (which words are a phrase: case, inflection, hyphens, acronyms' exact
spelling) is the phrase finder's job (:mod:`iscg_mailbot.analyse.nlp`); this module
takes what it found in each text and applies the rule::

    >>> from iscg_mailbot.analyse.nlp import TextFindings, PhraseHit
    >>> from iscg_mailbot.settings.topics import Scoring, TopicsConfig
    >>> config = TopicsConfig.model_validate({"topics": [
    ...     {"id": "cyber", "name": "Cybersecurity", "phrases": ["malware"]}]})
    >>> rule = TopicRule(config)
    >>> found = TextFindings((PhraseHit("0", 0, 7, "Malware"),))
    >>> [tag] = rule.verdict(1, [ReadText(SUBJECT, "Malware alert", found)]).tags
    >>> tag.topic, tag.score, tag.evidence[0].points
    ('cyber', 3.0, 3.0)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from iscg_mailbot.analyse import topic_contexts as contexts
from iscg_mailbot.analyse.entities import QUESTION, SECTOR, STUDY_GROUP, WORKING_PARTY
from iscg_mailbot.analyse.itu_structure import (
    agenda_items,
    conferences,
    focus_groups_at,
    recommendations,
    resolve,
)
from iscg_mailbot.analyse.topic_documents import CountedIn, leave_out
from iscg_mailbot.analyse.topic_mentions import entity_mentions
from iscg_mailbot.analyse.topic_names import distinct_names
from iscg_mailbot.analyse.topic_overviews import is_overview, overview_note
from iscg_mailbot.analyse.topic_personal import PersonalNotes, personal_note
from iscg_mailbot.analyse.topic_phrases import RulePhrase, body_phrases, rule_phrases
from iscg_mailbot.analyse.topic_places import first_named, place_note, place_of
from iscg_mailbot.analyse.topic_records import MeetingRecords, record_note
from iscg_mailbot.analyse.topic_replies import aside_note, reply_asides
from iscg_mailbot.analyse.topic_roles import named_in_role
from iscg_mailbot.analyse.topic_spans import TopicSpans, weak_in_names
from iscg_mailbot.records import Evidence, ThreadTags, TopicTag
from iscg_mailbot.settings.itu_bodies import ItuBodies
from iscg_mailbot.settings.topics import Scoring, TopicsConfig

if TYPE_CHECKING:
    from iscg_mailbot.analyse.nlp import PhraseHit, TextFindings

SUBJECT = "subject"
BODY = "body"
# A message that names many topics (``scoring.overview_topics``): its evidence's place.
OVERVIEW = "overview"
# How many spellings an Evidence shows: enough to show "cyber security" next to
# "cybersecurity", not a list of every occurrence.
MAX_FORMS = 3
BODY_LABELS = frozenset({STUDY_GROUP, WORKING_PARTY, QUESTION})
# Why a topic whose only evidence is companion phrases is not tagged (``topics explain``).
COMPANIONS_ONLY = ("only companion terms (who the work is for, where it is held), "
                   "no term of the topic itself")
# A number right after a term: "AI 1.13" (a WRC agenda item), "Resolution 191".
NUMBER_AFTER = re.compile(r"[ \t]*(?:No\.?\s*)?\d")


@dataclass(frozen=True)
class ReadText:
    """One text of a thread as the phrase finder read it: ``where`` (the subject or a
    message's new text), the text itself (hyphens and white space as the finder saw
    them: :func:`iscg_mailbot.analyse.nlp.matching_text`) and what it found there."""

    where: str
    text: str
    findings: TextFindings


@dataclass(frozen=True)
class Occurrence:
    """One occurrence that counts: which phrase, where, spelled how."""

    phrase: RulePhrase
    where: str
    form: str


class TopicRule:
    """The rule of one topic list (and ITU-bodies table), applied to one thread at a time."""

    def __init__(self, topics: TopicsConfig, bodies: ItuBodies | None = None) -> None:
        self.topics = topics
        self.phrases = rule_phrases(topics)
        self.bodies = body_phrases(topics, bodies)
        self.known_bodies = frozenset(body.body for body in bodies.bodies) if bodies else frozenset()
        self.thresholds = {topic.id: topics.threshold(topic) for topic in topics.topics}
        self.shares = {topic.id: topics.min_share(topic) for topic in topics.topics}
        self.order = [topic.id for topic in topics.topics]
        self.personal = PersonalNotes(topics.scoring.personal_subjects)
        self.records = MeetingRecords(topics.scoring.record_subjects)
        self.counted = CountedIn({topic.id: topic.counted_in for topic in topics.topics})
        self.negation = contexts.negation_pattern(topics.scoring.negated_by)
        self.by_place = any(phrase.by_place for phrase in self.phrases)

    def verdict(self, thread_id: int, texts: Sequence[ReadText]) -> ThreadTags:
        """Every topic with evidence in the thread: tagged when "the sum reaches the
        topic's threshold" (and a weak phrase has support), else rejected; each with
        its evidence, most points first. Only the texts given are read: "quoted
        replies and signatures are never read"."""
        found: list[Occurrence] = []
        notes: list[str] = []
        # Per topic, the messages (0 the first read) where a phrase of it counts.
        reached: dict[str, set[int]] = {}
        message = 0
        subject = next((text.text for text in texts if text.where == SUBJECT), "")
        record = self.records.named_in(subject)
        notes += [record_note(record)] if record else []
        for text in texts:
            found_here = self.phrases_counted(text, notes) + self.bodies_named(text, notes)
            occurrences = found_here if record else self.overview(text, found_here, notes)
            found += occurrences
            if text.where == BODY:
                for item in occurrences:
                    if not item.phrase.negative:
                        reached.setdefault(item.phrase.topic, set()).add(message)
                message += 1
        found += self.named_by_place(texts, found, notes)
        evidence_of = self.evidence(found)
        in_subject = {topic for topic, evidence in evidence_of.items()
                      if any(item.where == SUBJECT and item.points > 0 and not phrase.weak
                             for item, phrase in evidence)}
        tags: list[TopicTag] = []
        rejected: list[TopicTag] = []
        for topic, evidence in evidence_of.items():
            score = round(sum(item.points for item, _ in evidence), 3)
            tag = TopicTag(topic, score, tuple(item for item, _ in evidence))
            why = self.unsupported(evidence, in_subject - {topic})
            if score >= self.thresholds[topic] and not why:
                tags.append(tag)
            else:
                rejected.append(tag)
                notes += [f"{topic}: {why}"] if why and score >= self.thresholds[topic] else []
        tags, rejected = self.passing_mentions(tags, rejected, reached, record=bool(record))
        if not record:  # topic_documents: events a report counts
            tags, rejected = leave_out(tags, rejected, subject, self.counted)
        word = self.personal.named_in(subject)
        if word is not None and tags:
            # "A thread whose subject says it is a personal note has no topic."
            rejected += tags
            notes += [f"{tag.topic}: {personal_note(word)}" for tag in tags]
            tags = []
        mentions = entity_mentions([entity for text in texts for entity in text.findings.entities])
        return ThreadTags(thread_id, tuple(sorted(tags, key=self.rank)), mentions,
                          tuple(sorted(rejected, key=self.rank)), tuple(notes))

    def phrases_counted(self, text: ReadText, notes: list[str] | None = None) -> list[Occurrence]:
        """The phrases of one text that count. "Overlapping phrases of one topic count
        once: the first, the longest when they start together ("mobile broadband", not
        also "broadband")." "A negative phrase cancels this topic's phrases inside it"
        (any it overlaps) "and takes its weight off": of overlapping negatives of a
        topic, the first counts. "A weak phrase followed by a number ("AI 1.13", an
        agenda item) is not counted": nor does it hide another phrase; nor is a weak
        phrase inside another topic's name (:func:`.topic_spans.weak_in_names`). A phrase
        next to its "not_near" words, or after a "negated_by" cue, is not counted but
        hides its topic's phrases inside it ("not the Global Cybersecurity Index")."""
        hits = [(self.phrases[int(hit.key)], hit) for hit in text.findings.hits]
        negatives = [(phrase, hit) for phrase, hit in hits if phrase.negative]
        named = {id(hit) for hit in self.weak_in_names(text, hits, notes)}
        negative_spans = TopicSpans()  # (a hit against every hit counted was quadratic)
        for phrase, hit in sorted(negatives, key=lambda pair: pair[1].start):
            negative_spans.add(phrase.topic, hit.start, hit.end)
        counted: list[tuple[RulePhrase, PhraseHit]] = []
        counted_spans = TopicSpans()
        # Per topic, where the hits read but not counted (out of context) end: they still
        # hide what they hold. Hits come in text order: the furthest end is all it needs.
        hidden_to: dict[str, int] = {}
        negated_at = contexts.negated_starts(text.text, self.negation) if self.negation else set()
        for phrase, hit in hits:
            if phrase.negative or (phrase.weak and NUMBER_AFTER.match(text.text, hit.end)):
                continue
            if id(hit) in named:
                continue
            if (hit.start < hidden_to.get(phrase.topic, -1)
                    or counted_spans.overlaps(phrase.topic, hit.start, hit.end)
                    or negative_spans.overlaps(phrase.topic, hit.start, hit.end)):
                continue
            if self.out_of_context(phrase, hit, text, negated_at, notes):
                hidden_to[phrase.topic] = max(hit.end, hidden_to.get(phrase.topic, -1))
            else:
                counted.append((phrase, hit))
                counted_spans.add(phrase.topic, hit.start, hit.end)
        counted_negatives: list[tuple[RulePhrase, PhraseHit]] = []
        negatives_spans = TopicSpans()
        for phrase, hit in negatives:
            if not negatives_spans.overlaps(phrase.topic, hit.start, hit.end):
                counted_negatives.append((phrase, hit))
                negatives_spans.add(phrase.topic, hit.start, hit.end)
        return [Occurrence(phrase, text.where, hit.text)
                for phrase, hit in counted + counted_negatives]

    def named_by_place(self, texts: Sequence[ReadText], found: Sequence[Occurrence],
                       notes: list[str]) -> list[Occurrence]:
        """The event a subject names by its place (:mod:`topic_places`): "the event's
        phrase counts once in the subject" when a message writes a ``by_place`` phrase
        with a place the subject names, for a topic the subject names no other way."""
        subject = next((text.text for text in texts if text.where == SUBJECT), None)
        if subject is None or not self.by_place:
            return []
        candidates = ((int(hit.key), self.phrases[int(hit.key)].topic, place)
                      for text in texts if text.where != SUBJECT
                      for hit in text.findings.hits if self.phrases[int(hit.key)].by_place
                      and not self.phrases[int(hit.key)].negative
                      and (place := place_of(text.text, hit.start, hit.end)) is not None)
        named = {item.phrase.topic for item in found
                 if item.where == SUBJECT and not item.phrase.negative}
        chosen = first_named(subject, candidates, named)
        if chosen is None:
            return []
        phrase = self.phrases[chosen[0]]
        notes.append(place_note(phrase.topic, phrase.phrase, chosen[1]))
        return [Occurrence(phrase, SUBJECT, chosen[1])]

    def out_of_context(self, phrase: RulePhrase, hit: PhraseHit, text: ReadText,
                       negated_at: set[int], notes: list[str] | None = None) -> bool:
        """Whether a hit is left out for its context (:func:`topic_contexts.left_out`:
        "not_near" words, a "negated_by" cue), noted for ``topics explain``."""
        note = contexts.left_out(phrase.topic, text.text, text.where, (hit.start, hit.end),
                        phrase.context, negated_at)
        if not note:
            note = contexts.out_of_place(phrase.topic, text.text, text.where,
                                         (hit.start, hit.end), phrase.near,
                                         phrase.subject_only and text.where != SUBJECT)
        if note and notes is not None:
            notes.append(note)
        return bool(note)

    def weak_in_names(self, text: ReadText, hits: Sequence[tuple[RulePhrase, PhraseHit]],
                      notes: list[str] | None = None) -> list[PhraseHit]:
        """The weak phrases of a text that belong to another topic's name: "a weak
        phrase inside another topic's name ("Global Cybersecurity Index") belongs to
        that name", each with a note for ``topics explain`` (:func:`weak_in_names`)."""
        if not self.topics.scoring.weak_in_names:
            return []
        return weak_in_names(text.text, text.where, hits, notes)

    def bodies_named(self, text: ReadText, notes: list[str] | None = None) -> list[Occurrence]:
        """The ITU bodies of the table a text names, for each topic the table gives them:
        study groups, working parties and Questions the entity finder found, focus groups
        by their "FG-" name, WRC agenda items ("AI 1.13"), Recommendations cited by
        number ("X.1254": the table's narrowest series block holding it), but not a body
        named as a party to a liaison or for its meeting, with
        ``bodies_as_parties_count: false`` (:mod:`topic_roles`: "LS from ITU-T SG17 on
        ...", "before the SG16 meeting"), nor one next to its ``not_near`` words (noted
        for ``topics explain``). A body written
        without its Sector ("Q7/5") or conference is the one the table lists, or the one
        of a Sector or conference the same text names (``resolve``)."""
        if not self.bodies:
            return []
        entities = text.findings.entities
        sectors = {entity.key for entity in entities if entity.label == SECTOR}
        names: list[tuple[str, str, int | None]] = []
        starts = text.findings.entity_starts
        placed = len(starts) == len(entities)
        skip_parties = not self.topics.scoring.bodies_as_parties_count and placed
        for rank, entity in enumerate(entities):
            if entity.label in BODY_LABELS:
                if entity.key.startswith("ITU-"):
                    sectors.add(entity.key.split(" ", 1)[0])
                start = starts[rank] if placed else None
                if skip_parties and named_in_role(text.text, starts[rank],
                                                  starts[rank] + len(entity.text),
                                                  message=text.where != SUBJECT):
                    continue  # "LS from ITU-T SG17", "the SG17 meeting": not what it is about
                names.append((entity.key, entity.text, start))
        names += [(name, name, at) for at, name in focus_groups_at(text.text)]
        names += [(name, form, at)
                  for at, name, form in agenda_items(text.text) + recommendations(text.text)]
        sectors.update(conference for _, conference in conferences(text.text))
        found: list[Occurrence] = []
        for name, form, at in names:
            for phrase in self.bodies.get(resolve(name, sectors, self.known_bodies) or "", ()):
                note = contexts.body_left_out(phrase.topic, phrase.phrase,
                                              (text.text, text.where), form, at, phrase.context)
                if not note:
                    found.append(Occurrence(phrase, text.where, form))
                elif notes is not None:
                    notes.append(note)
        return found

    def overview(self, text: ReadText, found: list[Occurrence],
                 notes: list[str] | None = None) -> list[Occurrence]:
        """A message's occurrences, placed in an overview when "a message names at least
        overview_topics topics, each with at least overview_min_points points": a plan
        listing its initiatives, questions to each Bureau on its own subject. Each of
        the topics is named in passing there, so its phrases and bodies give
        overview_weight of their points (the topic needs more than that one listing)."""
        scoring = self.topics.scoring
        if not scoring.overview_topics or text.where != BODY or not found:
            return found
        points = {topic: sum(item.points for item, _ in evidence)
                  for topic, evidence in self.evidence(found).items()}
        if not is_overview(points, scoring):
            return found
        if notes is not None:
            notes.append(overview_note(points, scoring))
        return [replace(item, where=OVERVIEW) for item in found]

    def evidence(self, found: Sequence[Occurrence]) -> dict[str, list[tuple[Evidence, RulePhrase]]]:
        """Per topic, one Evidence per phrase and place: "points = weight x place x
        min(count, max_count), where place is subject_weight for the thread subject and
        body_weight for the new text of each message" (times overview_weight in an
        overview, whose occurrences count only up to what the phrase's other messages
        left of max_count: :func:`overview_cap`); a negative phrase's points are taken
        off. Sorted most points first (gained or lost), then positive before negative,
        then by phrase and place."""
        scoring = self.topics.scoring
        place = place_weights(scoring)
        forms: dict[tuple[RulePhrase, str], list[str]] = {}
        for item in found:
            forms.setdefault((item.phrase, item.where), []).append(item.form)
        evidence: dict[str, list[tuple[Evidence, RulePhrase]]] = {}
        for (phrase, where), seen in forms.items():
            count = len(seen)
            points = round(phrase.weight * place[where]
                           * min(count, overview_cap(where, len(forms.get((phrase, BODY), ())),
                                                     scoring.max_count)), 3)
            spellings = tuple(dict.fromkeys(seen))[:MAX_FORMS]
            record = Evidence(phrase.phrase, where, count, -points if phrase.negative else points,
                              phrase.negative, spellings)
            evidence.setdefault(phrase.topic, []).append((record, phrase))
        for items in evidence.values():
            items.sort(key=lambda pair: evidence_order(pair[0]))
        return evidence

    def unsupported(self, evidence: Sequence[tuple[Evidence, RulePhrase]],
                    others_in_subject: set[str]) -> str:
        """Why a topic's evidence lacks support, or "" when it has it. "weak: true ...
        tags a thread only with a second, independent signal of the topic -- another
        phrase, an ITU body of itu_bodies.yaml, or a weak phrase in the other place (one
        in the subject and one in a message; weak phrases in the messages alone are not
        enough)." With ``weak_repeat_needs_clear_subject``, "the same weak phrase in the
        subject and in the messages is one signal, not two, when the subject names
        another topic with a phrase that is not weak" (``others_in_subject``); "a weak
        acronym ("AI") is a name: repeated, it still counts". With
        ``weak_pairs_in_messages``, "two different weak phrases of a topic in the
        messages support each other" (an acronym and the words it abbreviates are one
        name). A phrase that gives no points (a negative one) is no signal. "companion:
        true ... adds points only next to a phrase of the topic that is not a companion":
        evidence of companions alone has no support."""
        signals = [(item, phrase) for item, phrase in evidence if item.points > 0]
        if signals and all(phrase.companion for _, phrase in signals):
            return COMPANIONS_ONLY
        if not signals or any(not phrase.weak for _, phrase in signals):
            return ""
        subject = {id(phrase) for item, phrase in signals if item.where == SUBJECT}
        body = {id(phrase) for item, phrase in signals if item.where != SUBJECT}
        if not subject and self.topics.scoring.weak_pairs_in_messages and distinct_names(
                phrase.phrase for _, phrase in signals) >= 2:
            return ""  # "two different weak phrases of a topic in the messages"
        if not subject or not body:
            return "weak phrases in one place only, no second signal"
        if subject != body or len(subject) > 1:
            return ""
        [(_, repeated)] = [pair for pair in signals if pair[0].where == SUBJECT]
        if (self.topics.scoring.weak_repeat_needs_clear_subject and others_in_subject
                and not repeated.exact_case):
            return (f"the same weak phrase in the subject and the messages is one signal; "
                    f"the subject names {', '.join(sorted(others_in_subject))}")
        return ""

    def passing_mentions(self, tags: list[TopicTag], rejected: list[TopicTag],
                         reached: dict[str, set[int]] | None = None, *,
                         record: bool = False) -> tuple[list[TopicTag], list[TopicTag]]:
        """"A topic the subject does not name needs at least min_share of the score of
        the thread's strongest topic" (the topic's own min_share, else the scoring's):
        the others are passing mentions, rejected with a note saying next to which
        topic. With ``reply_asides``, so is a topic that only one message other than the
        first names (``reached``: per topic, the messages giving it points;
        :mod:`topic_replies`). The share is of the strongest topic that is not such an
        aside: one reply dwelling on a subject says nothing of how strongly the thread
        is about its own. In a meeting's ``record`` (:mod:`topic_records`) min_share
        does not apply."""
        scoring = self.topics.scoring
        if len(tags) < 2 or not (self.topics.any_min_share() or scoring.reply_asides):
            return tags, rejected
        asides = (reply_asides([tag.topic for tag in tags],
                               {tag.topic for tag in tags if named_in_subject(tag)},
                               reached or {})
                  if scoring.reply_asides else set())
        strongest = min((tag for tag in tags if tag.topic not in asides), key=self.rank)
        kept: list[TopicTag] = []
        for tag in tags:
            if tag.topic in asides:
                rejected.append(replace(tag, passing=aside_note((reached or {})[tag.topic])))
            elif record or (share := self.shares[tag.topic]) <= 0 or (
                    tag.score >= share * strongest.score or named_in_subject(tag)):
                kept.append(tag)
            else:
                rejected.append(replace(tag, passing=passing_note(share, strongest)))
        return kept, rejected

    def rank(self, tag: TopicTag) -> tuple[float, int]:
        """Highest score first, then the order of the topic list."""
        return (-tag.score, self.order.index(tag.topic))


def place_weights(scoring: Scoring) -> dict[str, float]:
    """What one occurrence's weight is multiplied by in each place: the subject, a
    message, a message that is an overview (``Scoring.overview_topics``)."""
    return {SUBJECT: scoring.subject_weight, BODY: scoring.body_weight,
            OVERVIEW: scoring.body_weight * scoring.overview_weight}


def overview_cap(where: str, in_messages: int, max_count: int) -> int:
    """How many of a phrase's occurrences in ``where`` count: max_count, less, in an
    overview, those the phrase has in the thread's other messages (``in_messages``).
    Both places are the messages: were the overview's counted apart, a phrase found
    max_count times elsewhere would gain points from being listed in passing, and
    turning the overview rule on could tag a topic it left untagged."""
    if where != OVERVIEW:
        return max_count
    return max_count - min(in_messages, max_count)


def named_in_subject(tag: TopicTag) -> bool:
    """Whether the subject line gives the topic points: the thread says it is about it."""
    return any(item.where == SUBJECT and item.points > 0 for item in tag.evidence)


def passing_note(share: float, strongest: TopicTag) -> str:
    """What ``topics explain`` says of a passing mention."""
    return (f"passing mention: below {share:g} x {strongest.topic}'s {strongest.score:g}, "
            f"not in the subject")


def evidence_order(evidence: Evidence) -> tuple[float, bool, str, str]:
    """Most points first (gained or lost), then positive before negative, by phrase."""
    return (-abs(evidence.points), evidence.negative, evidence.phrase, evidence.where)
