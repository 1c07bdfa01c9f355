"""Topic tagging as a service: re-tag threads, record people's decisions, tune the list.

The analysis that follows an import or a sync tags the threads it touched with
:func:`tag_threads_in_session`; ``iscg-mailbot topics retag`` (:func:`retag`)
re-applies the topic list to every stored thread (or those active since a date) after
the secretariat edited it. Each re-tag rewrites the automatic tags, evidence and
entities of its threads, never the decisions people made with :func:`set_manual_tags`.

Tuning: :func:`explain_text` / :func:`explain_thread` show which phrases fired,
:func:`stats` counts threads per topic and hits per phrase, :func:`suggest` proposes
phrases, :func:`evaluate` measures the tagger against people's decisions.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from iscg_mailbot.analyse import textcat
from iscg_mailbot.analyse.topics import Evaluation, TopicQuality
from iscg_mailbot.errors import ConfigError, NotFound
from iscg_mailbot.records import EntityMention, ThreadTags, ThreadText
from iscg_mailbot.report.digest import list_tags
from iscg_mailbot.services.app import App
from iscg_mailbot.services.config_cache import cached
from iscg_mailbot.services.forwards import replies_to_nothing, text_to_read
from iscg_mailbot.settings.itu_bodies import check_itu_bodies, itu_bodies_path, load_itu_bodies
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.models import Message, Thread
from iscg_mailbot.store.models_topics import AUTO, ThreadTopic
from iscg_mailbot.text import analysis_text

if TYPE_CHECKING:
    # spaCy comes in with the tagger, on first use: commands that never tag start fast.
    from iscg_mailbot.analyse.topics import TopicTagger
from iscg_mailbot.settings.topics import (
    Topic,
    TopicsConfig,
    check_topics_file,
    load_topics,
    topics_path,
)

log = logging.getLogger(__name__)

# Characters of one message read when no settings say otherwise (Settings default).
DEFAULT_MAX_CHARS = 100_000
# Threads re-tagged per transaction (and per call of the tagger).
RETAG_BATCH = 500
# Threads read per side (the topic's, the others') when looking for phrases to suggest.
SUGGEST_SAMPLE = 3000

# The actions feature filters by topic through this look-up.


# --- the tagger, built once per topic file version -------------------------------

_taggers: dict[tuple[str, int], TopicTagger] = {}


def topics_file(app: App) -> Path:
    """The topic list of the configuration directory."""
    return topics_path(app.settings.config_dir)


def load_config(app: App) -> TopicsConfig:
    """The validated topic list (ConfigError naming file, key and fix); parsed once per
    version of the file."""
    return cached(topics_file(app), load_topics)


def _stamp(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1  # load_topics reports a missing topic list; no table is an empty one


def tagger_for(app: App) -> TopicTagger:
    """The tagger of the current topic list and ITU-structure table; rebuilt when
    either file changes."""
    path = topics_file(app)
    table = itu_bodies_path(app.settings.config_dir)
    key = (str(path.resolve()), _stamp(path) * 31 + _stamp(table))
    if key not in _taggers:
        from iscg_mailbot.analyse.topics import TopicTagger
        from iscg_mailbot.services.tagger_cache import cached_tagger

        config = load_topics(path)
        _taggers.clear()
        # Built once per content of the topic list and the ITU-structure table, and
        # kept on disk: see services/tagger_cache.py.
        _taggers[key] = cached_tagger(
            path, lambda: TopicTagger(config, bodies=load_itu_bodies(table, missing_ok=True)),
            config.nlp.model, also=(table,))
    return _taggers[key]


# --- re-tagging -----------------------------------------------------------------


@dataclass
class RetagReport:
    """What a re-tag changed: threads read, and per topic the threads that gained or
    lost it (as people see them: manual decisions applied)."""

    threads: int = 0
    added: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    renamed: int = 0

    def changes(self) -> list[tuple[str, int, int]]:
        """(topic, added, removed) for every topic that changed, by topic id."""
        topics = sorted(set(self.added) | set(self.removed))
        return [(topic, self.added[topic], self.removed[topic]) for topic in topics]

    def merge(self, other: RetagReport) -> None:
        self.threads += other.threads
        self.added.update(other.added)
        self.removed.update(other.removed)
        self.renamed += other.renamed


def _thread_texts(session: Session, thread_ids: Sequence[int],
                  max_chars: int = DEFAULT_MAX_CHARS) -> list[ThreadText]:
    """Subject and the new text of each message (quotes and signatures left out) with
    the text it forwarded, in the order messages were written; at most ``max_chars``
    characters of each."""
    subjects = dict(
        session.execute(select(Thread.id, Thread.subject).where(Thread.id.in_(thread_ids))).all()
    )
    texts: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(Message.thread_id, Message.new_text, Message.forwarded_text, Message.id,
               Message.in_reply_to, Message.references, Message.quoted_text != "")
        .where(Message.thread_id.in_(thread_ids))
        .order_by(Message.thread_id, Message.date, Message.id)
    ).all()
    # A message replying to nothing brings what it holds below a header block as new
    # content (services.forwards): its whole body is read for those few messages only.
    roots = [pk for _, _, _, pk, parent, refs, quoted in rows
             if quoted and replies_to_nothing(parent, refs)]
    bodies = dict(session.execute(
        select(Message.id, Message.body_text).where(Message.id.in_(roots))).all()) if roots else {}
    for thread_id, new_text, mime_forwarded, pk, parent, refs, _quoted in rows:
        if thread_id is not None:
            text = new_text or ""
            if pk in bodies:
                text = text_to_read(text, "quoted", bodies[pk] or "", parent, refs)[0]
            texts[thread_id].append(analysis_text(text, mime_forwarded or "", max_chars))
    return [
        ThreadText(thread_id, (subjects[thread_id] or "")[:max_chars],
                   tuple(texts[thread_id]))
        for thread_id in thread_ids
        if thread_id in subjects
    ]


_WARNED_MISSING: set[Path] = set()


def tag_threads_in_session(app: App, session: Session, thread_ids: Sequence[int]) -> RetagReport:
    """Re-tag threads inside the caller's transaction (for the analysis that follows an
    import or a sync). Leaves ``needs_analysis`` to the caller; unknown ids are skipped.
    Reads at most ``analysis_max_chars`` (settings) characters of each message. The same
    as :func:`thread_texts`, :func:`tag_texts` and :func:`save_tags` in a row.
    """
    return save_tags(session, tag_texts(app, thread_texts(app, session, thread_ids)))


def thread_texts(app: App, session: Session, thread_ids: Sequence[int]) -> list[ThreadText]:
    """What the tagger reads of these threads; none when no topic list is configured."""
    missing = topics_file(app)
    if not missing.exists():
        # No topic list configured: threads get no topics (the commands of the topics
        # group say how to fix it), the rest of the analysis goes on. Said once per
        # file and process, not once per chunk of threads or per poll of the worker.
        if missing not in _WARNED_MISSING:
            _WARNED_MISSING.add(missing)
            log.warning("%s not found: threads are not tagged with topics", missing)
        return []
    return _thread_texts(session, thread_ids, app.settings.analysis_max_chars)


def tag_texts(app: App, inputs: Sequence[ThreadText]) -> list[ThreadTags]:
    """Tag threads read by :func:`thread_texts` (no database)."""
    if not inputs:
        return []
    return _with_model(app, inputs, tagger_for(app).tag_threads(inputs))


def save_tags(session: Session, results: Sequence[ThreadTags]) -> RetagReport:
    """Store the automatic tags and entities of :func:`tag_texts`; report what people
    see change."""
    report = RetagReport()
    if not results:
        return report
    ids = [result.thread_id for result in results]
    before = store.effective_topics(session, ids)
    store.replace_auto_tags(session, results)
    after = store.effective_topics(session, ids)
    for thread_id in ids:
        old, new = set(before.get(thread_id, ())), set(after.get(thread_id, ()))
        report.added.update(new - old)
        report.removed.update(old - new)
    report.threads = len(ids)
    return report


def retag_threads(app: App, thread_ids: Collection[int]) -> RetagReport:
    """Re-tag these threads with the current topic list, one transaction per
    :data:`RETAG_BATCH` threads; unknown ids are skipped."""
    report = RetagReport()
    ordered = sorted(set(thread_ids))
    for start in range(0, len(ordered), RETAG_BATCH):
        with app.session() as session:
            report.merge(
                tag_threads_in_session(app, session, ordered[start:start + RETAG_BATCH])
            )
    return report


def retag(app: App, since: datetime | None = None) -> RetagReport:
    """Re-apply the current topic list to every stored thread, or to those active since
    ``since`` (after the secretariat edited the list).

    Tags stored under a former topic id (``replaces:``) are first moved to the new id.
    """
    config = load_config(app)
    report = RetagReport()
    with app.session() as session:
        report.renamed = store.rename_topics(session, config.renamed())
        query = select(Thread.id)
        if since is not None:
            query = query.where(Thread.last_activity >= since)
        thread_ids = list(session.scalars(query.order_by(Thread.id)).all())
    report.merge(retag_threads(app, thread_ids))
    return report


# --- people's decisions ----------------------------------------------------------


@dataclass(frozen=True)
class TopicView:
    """A topic of a thread as ``threads show`` and ``tag`` print it."""

    topic: str
    name: str
    source: str  # "auto", "manual" or "auto+manual"
    score: float | None
    evidence: tuple[dict[str, object], ...] = ()


@dataclass(frozen=True)
class ThreadTopicsView:
    """A thread's topics (best first), the topics people removed, and its entities."""

    thread_id: int
    subject: str
    topics: tuple[TopicView, ...]
    removed: tuple[str, ...]
    entities: tuple[EntityMention, ...]


def _names(app: App) -> dict[str, str]:
    """Topic names by id; ids stand for themselves when the list cannot be read."""
    try:
        return {topic.id: topic.name for topic in load_config(app).topics}
    except ConfigError:
        return {}


def _view(session: Session, thread: Thread, names: dict[str, str]) -> ThreadTopicsView:
    states = store.topic_states(session, [thread.id]).get(thread.id, {})
    chosen = [state for state in states.values() if state.effective]
    chosen.sort(key=lambda s: (s.manual is not True, -(s.auto_score or 0.0), s.topic))
    topics = tuple(
        TopicView(
            topic=state.topic,
            name=names.get(state.topic, state.topic),
            source=("auto+manual" if state.auto_score is not None else "manual")
            if state.manual else AUTO,
            score=state.auto_score,
            evidence=tuple(state.evidence),
        )
        for state in chosen
    )
    removed = tuple(sorted(topic for topic, s in states.items() if s.manual is False))
    entities = tuple(
        EntityMention(row.label, row.key, row.text, row.count)
        for row in store.entity_rows(session, thread.id)
    )
    return ThreadTopicsView(thread.id, thread.subject, topics, removed, entities)


def _thread(session: Session, thread_id: int) -> Thread:
    thread = session.get(Thread, thread_id)
    if thread is None:
        # The same words as every other command naming a missing thread.
        raise NotFound(f"no thread with id {thread_id}; see 'iscg-mailbot threads list'")
    return thread


def thread_topics(app: App, thread_id: int) -> ThreadTopicsView:
    """A thread's topics with their evidence, people's removals and its entities."""
    names = _names(app)
    with app.session() as session:
        return _view(session, _thread(session, thread_id), names)


def set_manual_tags(
    app: App,
    thread_id: int,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    forget: Sequence[str] = (),
    *,
    note: str | None = None,
) -> ThreadTopicsView:
    """Add or remove topics of a thread by hand (kept through every re-tag), or forget
    earlier decisions so that the automatic tag applies again. Topic ids must be in
    the topic list (a former id of ``replaces:`` is accepted and stored as the new one).
    """
    config = load_config(app)
    decisions = [
        *((config.by_id(topic).id, True) for topic in add),
        *((config.by_id(topic).id, False) for topic in remove),
        *((config.by_id(topic).id, None) for topic in forget),
    ]
    names = {topic.id: topic.name for topic in config.topics}
    with app.session() as session:
        thread = _thread(session, thread_id)
        for topic, assigned in decisions:
            store.set_manual(session, thread_id, topic, assigned, note)
        return _view(session, thread, names)


def threads_mentioning(app: App, key: str) -> list[int]:
    """Ids of the threads naming an entity (``TSAG-TD409``, ``SG17``...), in id order."""
    with app.session() as session:
        return sorted(store.threads_mentioning(session, key))


def threads_with_topic(app: App, topic: str) -> list[int]:
    """Ids of the threads carrying a topic, in id order."""
    with app.session() as session:
        return sorted(thread_ids_with_topic(app, session, topic))


def thread_ids_with_topic(app: App, session: Session, topic: str) -> set[int]:
    """The threads carrying ``topic``: what the ``--topic`` filters of the queries select.

    An id that ``topics.yaml`` ``replaces`` means its new topic. An id the file does not
    know still selects the threads whose stored tags carry it (a retired topic that was
    not re-tagged away); with no such thread it is a ConfigError naming the known topics,
    not an empty answer that looks like "no thread". Without a readable ``topics.yaml``
    there is nothing to check against: the stored tags alone answer.
    """
    try:
        config = load_config(app)
    except ConfigError:
        return store.topic_thread_ids(session, topic)
    try:
        topic_id = config.by_id(topic).id
    except ConfigError:
        stored = store.topic_thread_ids(session, topic)
        if not stored:
            raise
        return stored
    return store.topic_thread_ids(session, topic_id)


# --- explaining -----------------------------------------------------------------


@dataclass(frozen=True)
class Explanation:
    """Scores of every topic with evidence, tagged or not, and the thresholds."""

    verdict: ThreadTags
    thresholds: dict[str, float]
    names: dict[str, str]


def _explanation(app: App, verdict: ThreadTags) -> Explanation:
    config = tagger_for(app).config
    return Explanation(
        verdict=verdict,
        thresholds={topic.id: config.threshold(topic) for topic in config.topics},
        names={topic.id: topic.name for topic in config.topics},
    )


def explain_text(app: App, text: str, subject: str = "") -> Explanation:
    """Which phrases of the current topic list fire on a text, and the scores."""
    return _explanation(app, tagger_for(app).explain(subject, [text]))


def explain_thread(app: App, thread_id: int) -> Explanation:
    """The same for a stored thread (its subject and its messages' new text)."""
    with app.session() as session:
        _thread(session, thread_id)
        [thread] = _thread_texts(session, [thread_id])
    verdict = tagger_for(app).explain(thread.subject, thread.texts)
    return _explanation(app, _with_model(app, [thread], [verdict])[0])


# --- tuning ---------------------------------------------------------------------


@dataclass(frozen=True)
class TopicCount:
    """Threads per topic: as shown (``threads``), tagged automatically, decided by hand."""

    topic: str
    name: str
    threads: int
    auto: int
    manual_added: int
    manual_removed: int


@dataclass(frozen=True)
class PhraseCount:
    """How often a phrase of the list fired in the stored automatic tags."""

    topic: str
    phrase: str
    kind: str  # phrase, synonym, acronym, negative
    threads: int
    hits: int


@dataclass(frozen=True)
class TopicStats:
    """Threads per topic and hits per phrase (phrases that never fire included)."""

    threads: int
    topics: tuple[TopicCount, ...]
    phrases: tuple[PhraseCount, ...]

    def never_fired(self) -> list[PhraseCount]:
        """Phrases with no hit in any stored tag."""
        return [p for p in self.phrases if p.threads == 0]


def _all_states(session: Session) -> Iterator[tuple[int, dict[str, store.TopicState]]]:
    tagged = sorted(set(session.scalars(select(ThreadTopic.thread_id)).all()))
    for start in range(0, len(tagged), RETAG_BATCH):
        yield from store.topic_states(session, tagged[start:start + RETAG_BATCH]).items()


def stats(app: App) -> TopicStats:
    """Threads per topic (as shown, automatic, manual) and hits per phrase.

    Phrase hits come from the evidence of the stored automatic tags (run ``topics
    retag`` after editing the list); phrases of topics below their threshold in a
    thread are not stored and so not counted there.
    """
    config = load_config(app)
    shown: Counter[str] = Counter()
    auto: Counter[str] = Counter()
    added: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    phrase_threads: Counter[tuple[str, str]] = Counter()
    phrase_hits: Counter[tuple[str, str]] = Counter()
    with app.session() as session:
        total = session.scalar(select(func.count()).select_from(Thread)) or 0
        for _, states in _all_states(session):
            for topic, state in states.items():
                shown[topic] += state.effective
                auto[topic] += state.auto_score is not None
                added[topic] += state.manual is True
                removed[topic] += state.manual is False
                seen: set[str] = set()
                for item in state.evidence:
                    phrase = str(item.get("phrase", ""))
                    phrase_hits[(topic, phrase)] += int(str(item.get("count", 0)))
                    seen.add(phrase)
                for phrase in seen:
                    phrase_threads[(topic, phrase)] += 1
    topics = tuple(
        TopicCount(t.id, t.name, shown[t.id], auto[t.id], added[t.id], removed[t.id])
        for t in config.topics
    )
    phrases: list[PhraseCount] = []
    for listed in config.topics:
        for kind, items in (("phrase", listed.phrases), ("synonym", listed.synonyms),
                            ("acronym", listed.acronyms), ("negative", listed.negatives)):
            for phrase_item in items:
                key = (listed.id, phrase_item.phrase)
                phrases.append(PhraseCount(listed.id, phrase_item.phrase, kind,
                                           phrase_threads[key], phrase_hits[key]))
    return TopicStats(total, topics, tuple(phrases))


@dataclass(frozen=True)
class Suggestion:
    """A term frequent in a topic's threads and rare elsewhere (lemma form: "spectrum
    share" also matches "spectrum sharing")."""

    term: str
    in_topic: int  # threads of the topic containing it
    elsewhere: int  # other threads containing it
    score: float  # smoothed log-odds ratio of the two shares


def _sample_texts(session: Session, thread_ids: list[int]) -> list[str]:
    return [
        "\n\n".join([thread.subject, *thread.texts])
        for start in range(0, len(thread_ids), RETAG_BATCH)
        for thread in _thread_texts(session, thread_ids[start:start + RETAG_BATCH])
    ]


def suggest(app: App, topic: str, limit: int = 20, min_threads: int = 2) -> list[Suggestion]:
    """Words and phrases worth adding to a topic: distinctive of its threads (those
    carrying it, manual decisions applied) against the rest, not already listed.

    Scored by the log-odds ratio of the share of the topic's threads containing the
    term to the share of the other threads, each smoothed by one half. The commonest
    English words, mail courtesies ("Dear colleagues") and the words of the list's own
    name (its subject tag) are never proposed, nor phrases built on them.
    """
    tagger = tagger_for(app)
    chosen = tagger.config.by_id(topic)
    with app.session() as session:
        inside = sorted(store.topic_thread_ids(session, chosen.id))[:SUGGEST_SAMPLE]
        others = list(
            session.scalars(
                select(Thread.id).where(Thread.id.not_in(inside) if inside else true())
                .order_by(Thread.id.desc()).limit(SUGGEST_SAMPLE)
            ).all()
        )
        inside_texts = _sample_texts(session, inside)
        other_texts = _sample_texts(session, others)
    if not inside_texts:
        return []
    from iscg_mailbot.analyse.nlp import LemmaKeys, common_words, content_terms

    nlp = tagger.nlp
    keys = LemmaKeys.load()
    list_words = {keys(word) for config in app.settings.lists for tag in list_tags(config)
                  for word in re.split(r"[^A-Za-z0-9]+", tag) if word}
    skip = common_words() | list_words
    in_counts: Counter[str] = Counter()
    for terms in content_terms(nlp, inside_texts, skip=skip):
        in_counts.update(terms)
    out_counts: Counter[str] = Counter()
    for terms in content_terms(nlp, other_texts, skip=skip):
        out_counts.update(terms)
    known = _listed_keys(chosen)
    n_in, n_out = len(inside_texts), max(len(other_texts), 1)
    found = []
    for term, count in in_counts.items():
        if count < min_threads or term in known:
            continue
        other = out_counts[term]
        share_in = (count + 0.5) / (n_in - count + 0.5)
        share_out = (other + 0.5) / (n_out - other + 0.5)
        found.append(Suggestion(term, count, other, round(math.log(share_in / share_out), 3)))
    found.sort(key=lambda s: (-s.score, -s.in_topic, s.term))
    return found[:limit]


def _listed_keys(topic: Topic) -> set[str]:
    """Lemma keys of the phrases a topic already has (in every spelling variant)."""
    from iscg_mailbot.analyse.nlp import LemmaKeys, spelling_variants

    keys = LemmaKeys.load()
    listed = set()
    for kind in ("phrases", "synonyms", "acronyms", "negatives"):
        for item in getattr(topic, kind):
            for variant in spelling_variants(item.phrase):
                listed.add(" ".join(keys(word) for word in variant.replace("-", " ").split()))
    return listed


# --- evaluation against people's decisions ---------------------------------------


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
        inputs = [
            thread
            for start in range(0, len(decisions), RETAG_BATCH)
            for thread in _thread_texts(session, sorted(decisions)[start:start + RETAG_BATCH])
        ]
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


def check(app: App) -> list[str]:
    """Every problem of the topic list file (schema errors included) and of the
    ITU-structure table beside it, for ``topics check``."""
    problems = check_topics_file(topics_file(app))
    try:
        ids = set(load_config(app).ids())
    except ConfigError:
        return problems
    return problems + check_itu_bodies(itu_bodies_path(app.settings.config_dir), ids)


# --- the trained model (``topics train``) -------------------------------------------
# Rules first; a model trained on people's decisions adds, for the topics where
# cross-validation showed it helps, the topics the rules missed. Without a model on
# disk (or with no topic enabled) tagging is the rules alone.

# Per-topic quality as ``topics evaluate`` prints it (for the shells, which import only
# services).
Quality = Evaluation
MODEL_DIR = "topic-model"
_models: dict[tuple[str, int], textcat.TopicModel | None] = {}


def model_dir(app: App) -> Path:
    """Where ``topics train`` keeps the model: ``<data_dir>/topic-model``."""
    return Path(app.settings.data_dir) / MODEL_DIR


def model_for(app: App) -> textcat.TopicModel | None:
    """The saved model if it enables some topic (None otherwise); reloaded when a new
    model is saved."""
    meta = model_dir(app) / textcat.META_FILE
    try:
        stamp = meta.stat().st_mtime_ns
    except OSError:
        return None
    key = (str(meta.resolve()), stamp)
    if key not in _models:
        _models.clear()
        _models[key] = textcat.load_model(model_dir(app))
    return _models[key]


def _with_model(app: App, threads: Sequence[ThreadText],
                results: Sequence[ThreadTags]) -> list[ThreadTags]:
    model = model_for(app)
    if model is None:
        return list(results)
    return textcat.add_model_tags(model, threads, results)


def _is_model_only(state: store.TopicState) -> bool:
    """An automatic tag that only the model gave (not a person's word, not the rules')."""
    return bool(state.evidence) and all(
        item.get("where") == textcat.MODEL_WHERE for item in state.evidence
    )


def training_examples(session: Session) -> list[textcat.TrainingExample]:
    """Threads with manual decisions, labelled by people's decisions only.

    ``tag`` records one decision per (thread, topic), not that a person reviewed the
    whole thread, so a label is what a person said or plainly saw: a topic added by hand
    is present, one removed by hand is absent, and an automatic tag the rules gave and
    the person left on a thread they decided on is present (it was shown to them and
    kept). Every other topic is unknown for that thread, not absent: topics the thread
    does not carry (nobody said it is not about them) and tags the trained model alone
    gave (taking them as labels would teach the model its own guesses).
    """
    return [example for example, _thread in _labelled_threads(session)]


def _labelled_threads(
    session: Session,
) -> list[tuple[textcat.TrainingExample, ThreadText]]:
    """Each thread with manual decisions: its training example and its texts."""
    labelled = sorted(store.manual_decisions(session))
    examples = []
    for start in range(0, len(labelled), RETAG_BATCH):
        chunk = labelled[start:start + RETAG_BATCH]
        states = store.topic_states(session, chunk)
        for thread in _thread_texts(session, chunk):
            present, absent = set(), set()
            for topic, state in states.get(thread.thread_id, {}).items():
                if state.manual is True:
                    present.add(topic)
                elif state.manual is False:
                    absent.add(topic)
                elif state.auto_score is not None and not _is_model_only(state):
                    present.add(topic)
            examples.append((textcat.TrainingExample(
                thread.thread_id, textcat.thread_document(thread), frozenset(present),
                frozenset(absent)), thread))
    return examples


def train(app: App, *, folds: int = 3, epochs: int = 10, seed: int = 0,
          min_threads: int = 20, min_positives: int = 3) -> textcat.TrainResult:
    """Train the model on people's decisions, cross-validate it against the rules per
    topic, and save it to :func:`model_dir` with the topics it may add.

    Raises :class:`textcat.NotEnoughLabels` with too few labelled threads.
    """
    tagger = tagger_for(app)
    with app.session() as session:
        labelled = _labelled_threads(session)
    examples = [example for example, _thread in labelled]
    inputs = [thread for _example, thread in labelled]
    rules = {r.thread_id: frozenset(t.topic for t in r.tags) for r in tagger.tag_threads(inputs)}
    result = textcat.train_topic_model(
        examples, rules, [topic.id for topic in tagger.config.topics],
        folds=folds, epochs=epochs, seed=seed, min_threads=min_threads,
        min_positives=min_positives,
    )
    model_dir(app).parent.mkdir(parents=True, exist_ok=True)
    textcat.save_model(result, model_dir(app))
    return result
