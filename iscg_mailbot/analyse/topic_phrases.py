"""The items of the topic list and the rows of the ITU-bodies table as the topic rule
reads them: one :class:`RulePhrase` each, with what it is worth and where it counts
(moved out of :mod:`iscg_mailbot.analyse.topic_scoring`, which reads them, for its
length)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from iscg_mailbot.analyse import topic_contexts as contexts
from iscg_mailbot.settings.itu_bodies import ItuBodies, body_kind
from iscg_mailbot.settings.topics import TopicsConfig


@dataclass(frozen=True, eq=False)
class RulePhrase:
    """One item of the topic list, or one row of the ITU-bodies table for one topic:
    the phrase as written and what it is worth. Each item counts on its own, even
    when two are written alike (hence ``eq=False``)."""

    topic: str
    phrase: str
    weight: float
    negative: bool = False
    weak: bool = False
    exact_case: bool = False
    # "companion: true": it adds points only next to a phrase of its topic that is not
    # a companion (who the work is for, where it is held).
    companion: bool = False
    # Its "not_near" words (another meaning next to them), compiled; None if none.
    context: re.Pattern[str] | None = None
    # Its "only_near" words (counted only next to one of them), compiled; None if none.
    near: re.Pattern[str] | None = None
    # "subject_only: true": counted in the thread's subject only.
    subject_only: bool = False
    # "by_place: true": a subject naming its place names it (topic_places).
    by_place: bool = False


def rule_phrases(topics: TopicsConfig) -> list[RulePhrase]:
    """Every phrase of the topic list, topic by topic: its phrases and synonyms ("match
    in any case and inflection"), its acronyms ("match their exact spelling only"),
    its negatives. The phrase finder reports each under its position in this list."""
    phrases: list[RulePhrase] = []
    for topic in topics.topics:
        kinds = ((topic.positives(), False, False), (topic.acronyms, False, True),
                 (topic.negatives, True, False))
        for items, negative, exact in kinds:
            phrases.extend(
                RulePhrase(topic.id, item.phrase, item.weight, negative, item.weak, exact,
                           item.companion, contexts.context_pattern(item.not_near),
                           contexts.context_pattern(item.only_near), item.subject_only,
                           item.by_place)
                for item in items
            )
    return phrases


def body_phrases(topics: TopicsConfig, bodies: ItuBodies | None) -> dict[str, list[RulePhrase]]:
    """"ITU bodies named in a thread are evidence too": per body of the table, a phrase
    "ITU body <name>" ("ITU Recommendations <series>" for a series block or a
    Recommendation) for each topic of the list it names, worth the body's weight, with
    the body's ``not_near`` words as its context."""
    if bodies is None:
        return {}
    known = set(topics.ids())
    phrases: dict[str, list[RulePhrase]] = {}
    for body in bodies.bodies:
        weight = bodies.weight(body)
        label = "ITU Recommendations" if body_kind(body.body) == "recommendation" else "ITU body"
        context = contexts.context_pattern(body.not_near)
        for topic in body.topics:
            if topic in known:
                phrases.setdefault(body.body, []).append(
                    RulePhrase(topic, f"{label} {body.body}", weight, context=context))
    return phrases
