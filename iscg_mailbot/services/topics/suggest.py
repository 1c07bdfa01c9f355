"""``topics suggest``: words and phrases worth adding to a topic, distinctive of its
threads against the rest."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from iscg_mailbot.report.threads import list_tags
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import tagger_for
from iscg_mailbot.services.topics.texts import thread_texts_batched
from iscg_mailbot.settings.topics import Topic
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.models import Thread

# Threads read per side (the topic's, the others') when looking for phrases to suggest.
SUGGEST_SAMPLE = 3000


@dataclass(frozen=True)
class Suggestion:
    """A term frequent in a topic's threads and rare elsewhere (lemma form: "spectrum
    share" also matches "spectrum sharing")."""

    term: str
    in_topic: int  # threads of the topic containing it
    elsewhere: int  # other threads containing it
    score: float  # smoothed log-odds ratio of the two shares


def _sample_texts(session: Session, thread_ids: list[int]) -> list[str]:
    return ["\n\n".join([thread.subject, *thread.texts])
            for thread in thread_texts_batched(session, thread_ids)]


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
