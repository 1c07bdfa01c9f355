"""Editing one topic of ``topics.yaml`` from the website: draft, preview, save, retag.

:func:`draft_topic` turns the page's fields into a validated :class:`Topic`;
:func:`preview_topic` says which stored threads would gain or lose the topic (people's
own tag decisions still win); :func:`save_topic` refuses a draft that ``topics check``
would fault, keeps a dated copy of the file, rewrites only that topic's block (so the
secretariat's comments elsewhere stay), checks the written file reads back as intended,
records who saved it and re-tags the stored threads.

>>> draft = draft_topic(app, "ai", phrases="machine learning | 2\\nneural network", ...)  # doctest: +SKIP
>>> preview_topic(app, draft).gaining                                              # doctest: +SKIP
[ThreadChange(thread_id=12, subject='ML for spectrum monitoring')]
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics import (
    RetagReport,
    load_config,
    retag,
    tagger_for,
    topics_file,
)
from iscg_mailbot.services.topics.texts import thread_texts
from iscg_mailbot.settings.topic_phrase import Phrase
from iscg_mailbot.settings.topics import (
    Topic,
    TopicsConfig,
    check_topics,
    load_topics,
    validate_topic,
)
from iscg_mailbot.store import topics as store
from iscg_mailbot.store.models import Thread
from iscg_mailbot.store.models_web import TopicEdit
from iscg_mailbot.store.types import utcnow

_BATCH = 500


@dataclass(frozen=True)
class ThreadChange:
    """A thread that would gain or lose the topic."""

    thread_id: int
    subject: str


@dataclass(frozen=True)
class TopicPreview:
    """What saving the draft would change among the stored threads."""

    topic: str
    threads: int
    gaining: list[ThreadChange]
    losing: list[ThreadChange]


@dataclass(frozen=True)
class SavedTopic:
    """A saved draft: the dated copy of the previous file and what the retag changed."""

    topic: str
    backup: str
    retag: RetagReport


@dataclass(frozen=True)
class TopicEditRow:
    """One recorded save: topic, who, when, the previous file's copy, what changed."""

    topic: str
    actor: str
    at: datetime
    backup: str
    summary: str


#: Marks a line of the form may carry after ``|`` besides a weight (topics.yaml's flags).
_FLAGS = ("weak", "companion", "subject_only", "by_place")
#: A phrase's negative context on the form: "index | weak | not near: document, paper";
#: the words it needs next to it: "notes | subject only | only near: call, meeting".
_NOT_NEAR = re.compile(r"not[ _]near\s*:\s*(.*)", re.IGNORECASE)
_ONLY_NEAR = re.compile(r"only[ _]near\s*:\s*(.*)", re.IGNORECASE)


def phrase_lines(text: str) -> list[dict[str, Any]]:
    """Lines ``phrase``, ``phrase | weight`` or ``phrase | weight | weak`` (or
    ``companion``, ``subject only``, ``by place``, ``not near: word, word`` or ``only
    near: word, word``) as topics.yaml items.

    >>> phrase_lines("machine learning | 2\\n\\nAI | weak")
    [{'phrase': 'machine learning', 'weight': 2.0}, {'phrase': 'AI', 'weak': True}]
    >>> phrase_lines("index | weak | not near: document, paper")
    [{'phrase': 'index', 'weak': True, 'not_near': ['document', 'paper']}]
    >>> phrase_lines("notes | subject only | only near: call, meeting")
    [{'phrase': 'notes', 'subject_only': True, 'only_near': ['call', 'meeting']}]
    >>> phrase_lines("workshop | 2 | by place")
    [{'phrase': 'workshop', 'weight': 2.0, 'by_place': True}]
    """
    items: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        phrase, *marks = line.split("|")
        item: dict[str, Any] = {"phrase": " ".join(phrase.split())}
        for mark in (m.strip() for m in marks):
            flag = "_".join(mark.lower().split())
            if flag in _FLAGS:
                item[flag] = True
            elif (near := _NOT_NEAR.match(mark) or _ONLY_NEAR.match(mark)) is not None:
                key = "not_near" if near.re is _NOT_NEAR else "only_near"
                item[key] = [word.strip() for word in near.group(1).split(",") if word.strip()]
            elif mark:
                try:
                    item["weight"] = float(mark)
                except ValueError:
                    raise ConfigError(
                        f"line {number} ({line.strip()!r}): after | write a weight or "
                        "'weak' or 'companion' (or 'subject only', 'by place', 'not near: word, "
                        "word', 'only near: word, word'), e.g. "
                        "'machine learning | 2' or 'AI | 2 | weak'") from None
        items.append(item)
    return items


def phrase_text(phrases: tuple[Phrase, ...]) -> str:
    """The inverse of :func:`phrase_lines`, for the edit form (a flag the form does not
    show would be lost at the next save)."""
    return "\n".join(" | ".join([p.phrase, *([f"{p.weight:g}"] if p.weight != 1.0 else []),
                                 *(flag.replace("_", " ") for flag in _FLAGS if getattr(p, flag)),
                                 *([f"not near: {', '.join(p.not_near)}"] if p.not_near else []),
                                 *([f"only near: {', '.join(p.only_near)}"] if p.only_near
                                   else [])])
                     for p in phrases)


def draft_topic(app: App, topic_id: str, *, phrases: str, acronyms: str, negatives: str,
                threshold: str) -> Topic:
    """The topic as the form describes it (name, synonyms, replaces kept); ConfigError
    with one line per problem when it is not valid."""
    current = load_config(app).by_id(topic_id)
    data = current.model_dump(exclude_none=True)
    data.update(phrases=phrase_lines(phrases), acronyms=phrase_lines(acronyms),
                negatives=phrase_lines(negatives))
    data["threshold"] = None
    if threshold.strip():
        try:
            data["threshold"] = float(threshold)
        except ValueError:
            raise ConfigError("threshold: must be a number, e.g. 2 (or empty for the "
                              "default)") from None
    return validate_topic(data)


def _with(config: TopicsConfig, topic: Topic) -> TopicsConfig:
    return config.model_copy(update={"topics": tuple(
        topic if t.id == topic.id else t for t in config.topics)})


def new_problems(app: App, topic: Topic) -> list[str]:
    """What ``topics check`` would say of the list with this draft and not of the list now."""
    config = load_config(app)
    path = topics_file(app)
    before = set(check_topics(config, path))
    return [p for p in check_topics(_with(config, topic), path) if p not in before]


def preview_topic(app: App, topic: Topic) -> TopicPreview:
    """Stored threads that would gain or lose ``topic`` with this draft (rules only; a
    person's decision on a thread still wins)."""
    config = load_config(app)
    alone = TopicsConfig(nlp=config.nlp, scoring=config.scoring, topics=(topic,))
    from iscg_mailbot.analyse.topics import TopicTagger

    # The pipeline of the current tagger, so a preview does not build spaCy again.
    tagger = TopicTagger(alone, nlp=tagger_for(app).nlp)
    gaining: list[ThreadChange] = []
    losing: list[ThreadChange] = []
    with app.session() as session:
        ids = list(session.scalars(select(Thread.id).order_by(Thread.id)))
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start:start + _BATCH]
            texts = thread_texts(session, chunk)
            tagged = {v.thread_id for v in tagger.tag_threads(texts)
                      if any(t.topic == topic.id for t in v.tags)}
            states = store.topic_states(session, chunk)
            for text in texts:
                state = states.get(text.thread_id, {}).get(topic.id)
                now = state is not None and state.effective
                manual = state.manual if state is not None else None
                then = manual if manual is not None else text.thread_id in tagged
                if then and not now:
                    gaining.append(ThreadChange(text.thread_id, text.subject))
                elif now and not then:
                    losing.append(ThreadChange(text.thread_id, text.subject))
    return TopicPreview(topic.id, len(ids), gaining, losing)


def _scalar(value: object) -> str:
    """One YAML scalar on one line, quoted when YAML needs it."""
    dumped: str = yaml.safe_dump(value, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _topic_block(topic: Topic) -> str:
    """The topic as an item of the file's ``topics:`` list, in the file's own style
    (``- {phrase: text, weight: 2}``)."""
    lines = [f"  - id: {_scalar(topic.id)}", f"    name: {_scalar(topic.name)}"]
    if topic.description:
        lines.append(f"    description: {_scalar(topic.description)}")
    for key in ("phrases", "acronyms", "synonyms", "negatives"):
        phrases = getattr(topic, key)
        if phrases:
            lines.append(f"    {key}:")
            lines += [f"      - {{phrase: {_scalar(p.phrase)}, weight: {p.weight:g}"
                      + "".join(f", {flag}: true" for flag in _FLAGS if getattr(p, flag))
                      + (f", not_near: [{', '.join(map(_scalar, p.not_near))}]"
                         if p.not_near else "")
                      + (f", only_near: [{', '.join(map(_scalar, p.only_near))}]"
                         if p.only_near else "")
                      + "}" for p in phrases]
    if topic.threshold is not None:
        lines.append(f"    threshold: {topic.threshold:g}")
    if topic.min_share is not None:
        lines.append(f"    min_share: {topic.min_share:g}")
    if topic.counted_in:
        lines.append(f"    counted_in: [{', '.join(_scalar(w) for w in topic.counted_in)}]")
    if topic.replaces:
        lines.append(f"    replaces: [{', '.join(_scalar(r) for r in topic.replaces)}]")
    return "\n".join(lines) + "\n"


def _rewrite(text: str, topic: Topic) -> str | None:
    """``text`` with the topic's block replaced, or None when the block cannot be found."""
    start = re.search(rf"^  - id: ['\"]?{re.escape(topic.id)}['\"]?\s*$", text, re.MULTILINE)
    if start is None:
        return None
    following = re.compile(r"^(  - |\S)", re.MULTILINE).search(text, start.end())
    end = following.start() if following else len(text)
    block = _topic_block(topic)
    tail = text[end:]
    return text[:start.start()] + block + ("\n" if tail else "") + tail


def save_topic(app: App, topic: Topic, *, actor: str, now: datetime | None = None) -> SavedTopic:
    """Write the draft into topics.yaml (after a dated copy of the old file), record who
    saved it and re-tag every stored thread; ConfigError when ``topics check`` objects."""
    problems = new_problems(app, topic)
    if problems:
        raise ConfigError("\n".join(problems))
    now = now or utcnow()
    path = topics_file(app)
    config = load_config(app)
    wanted = _with(config, topic)
    old_text = path.read_text(encoding="utf-8")
    backup = path.with_name(f"topics-{now:%Y-%m-%dT%H%M%SZ}.yaml")
    backup.write_text(old_text, encoding="utf-8")
    new_text = _rewrite(old_text, topic)
    temporary = path.with_name(path.name + ".new")
    if new_text is not None:
        temporary.write_text(new_text, encoding="utf-8")
    if new_text is None or load_topics(temporary) != wanted:
        # The block could not be replaced in place: write the whole list instead (its
        # comments stay in the dated copy).
        temporary.write_text(_whole_file(wanted, backup), encoding="utf-8")
        if load_topics(temporary) != wanted:
            temporary.unlink()
            raise ConfigError(f"{path}: the edited list did not read back as saved; nothing "
                              "was changed")
    os.replace(temporary, path)
    # The new list for this process (the website's later pages, the re-tag below); the
    # worker reads it at its SIGHUP or restart.
    app.reload_config()
    with app.session() as session:
        session.add(TopicEdit(topic=topic.id, actor=actor, at=now, backup=backup.name,
                              summary=_summary(config.by_id(topic.id), topic)))
    return SavedTopic(topic.id, backup.name, retag(app))


def _whole_file(config: TopicsConfig, backup: Path) -> str:
    data = config.model_dump(exclude_none=True)
    dumped: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return (f"# Written by the website; the previous version (with its comments) is "
            f"{backup.name}.\n" + dumped)


def _summary(old: Topic, new: Topic) -> str:
    parts = []
    for key in ("phrases", "acronyms", "negatives"):
        before = {p.phrase: (p.weight, p.weak, p.companion, p.not_near, p.only_near,
                             p.subject_only, p.by_place) for p in getattr(old, key)}
        after = {p.phrase: (p.weight, p.weak, p.companion, p.not_near, p.only_near,
                            p.subject_only, p.by_place) for p in getattr(new, key)}
        added = [p for p in after if p not in before]
        removed = [p for p in before if p not in after]
        changed = [p for p in after if p in before and after[p] != before[p]]
        for label, items in (("+", added), ("−", removed), ("~", changed)):
            if items:
                parts.append(f"{key} {label}{', '.join(items)}")
    if old.threshold != new.threshold:
        parts.append(f"threshold {old.threshold or 'default'} → {new.threshold or 'default'}")
    return "; ".join(parts) or "no change"


def topic_edits(app: App, topic: str | None = None, limit: int = 50) -> list[TopicEditRow]:
    """Saves made from the website, newest first (of one topic, or of all)."""
    with app.session() as session:
        query = select(TopicEdit).order_by(TopicEdit.at.desc(), TopicEdit.id.desc()).limit(limit)
        if topic is not None:
            query = query.where(TopicEdit.topic == topic)
        return [TopicEditRow(e.topic, e.actor, e.at, e.backup, e.summary)
                for e in session.scalars(query)]
