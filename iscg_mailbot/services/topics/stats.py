"""``topics stats``: threads per topic (as shown, automatic, decided by hand) and hits
per phrase, phrases that never fire included."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import load_config
from iscg_mailbot.services.topics.texts import RETAG_BATCH
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_topics import ThreadTopic


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
