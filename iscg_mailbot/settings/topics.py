"""The topic list (``config/topics.yaml``): what the tagger looks for, edited by the secretariat.

``load_topics(path)`` returns a validated :class:`TopicsConfig` or raises
:class:`ConfigError` whose lines name the file, the key, the topic and the fix::

    >>> topics = load_topics("config/topics.yaml")
    >>> topics.by_id("cybersecurity").name
    'Cybersecurity and trust'

``check_topics(config)`` lists the problems that do not stop tagging but make it
worse (a phrase in two topics, a topic with nothing to match...); ``check_topics_file``
adds the schema errors of the file, for ``topics check``.

Phrases match whatever their case and inflection ("networks" for "network"); a phrase
written with a hyphen or a space between words ("cyber-security") also matches the
other spellings ("cyber security", "cybersecurity"). Acronyms match with their exact
case only, so "ITS" is not "its".
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.topic_phrase import Phrase, Strict, words
from iscg_mailbot.settings.validation import (
    Location,
    Where,
    entry_name,
    format_validation_error,
    key_path,
    problem_lines,
)
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

TOPICS_FILE_NAME = "topics.yaml"

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


_Strict = Strict


def _phrases(value: Any) -> Any:
    """Accept ``- text`` items as well as ``- {phrase: text, weight: 2}``."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple({"phrase": item} if isinstance(item, str) else item for item in value)
    return value


class Topic(_Strict):
    """One topic of mutual interest.

    ``phrases`` and ``synonyms`` match case- and inflection-insensitively; ``acronyms``
    match their exact spelling; a ``negatives`` match cancels any phrase of this topic it
    overlaps and takes its weight off the score. ``threshold`` is the score a thread
    needs (default: ``scoring.default_threshold``). ``min_share``: the share of the
    strongest topic's score this topic needs when the subject does not name it
    (default: ``scoring.min_share``), higher for a topic often named as the setting of
    other work (the workshop where a text is presented). ``replaces`` lists former ids
    merged into or renamed to this one: tags stored under them are moved here.
    """

    id: str = Field(pattern=_ID_PATTERN, max_length=64)
    name: str = Field(min_length=1)
    description: str = ""
    phrases: tuple[Phrase, ...] = ()
    acronyms: tuple[Phrase, ...] = ()
    synonyms: tuple[Phrase, ...] = ()
    negatives: tuple[Phrase, ...] = ()
    threshold: float | None = Field(default=None, gt=0)
    min_share: float | None = Field(default=None, ge=0, lt=1)
    # Documents a subject may name whose content the topic is, named in passing: in a
    # thread whose subject names one ("ISCG work plan", "Council report") and not the
    # topic, the topic is not tagged (events counted in a report: analyse.topic_documents).
    counted_in: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()

    @field_validator("phrases", "acronyms", "synonyms", "negatives", mode="before")
    @classmethod
    def _as_phrases(cls, value: Any) -> Any:
        return _phrases(value)

    @field_validator("counted_in", mode="before")
    @classmethod
    def _documents(cls, value: Any) -> Any:
        return words(value)

    @field_validator("replaces", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value

    def positives(self) -> tuple[Phrase, ...]:
        """Phrases and synonyms (matched without regard to case or inflection)."""
        return self.phrases + self.synonyms


class Scoring(_Strict):
    """How matches become a score.

    Each phrase gives ``weight × place × min(count, max_count)`` points where place is
    ``subject_weight`` for the thread subject and ``body_weight`` for the new text of
    its messages (quotes and signatures are never read). ``min_share``: a topic the
    subject does not name needs at least this share of the score of the thread's
    strongest topic (a passing mention in a thread about something else is not its
    topic); 0 turns the rule off. ``weak_repeat_needs_clear_subject``: the same weak
    phrase in the subject and in the messages supports itself only when the subject
    names no other topic with a phrase that is not weak ("satellite terminals" in a
    subject about a hurricane is the hurricane's). ``weak_in_names``: a weak phrase
    inside another topic's name ("Global Cybersecurity Index", "Council Working Group
    on Child Online Protection") belongs to that name and is not counted.
    ``personal_subjects``: words that make a subject a personal note ("farewell",
    "retiring"): such a thread gets no topic. ``record_subjects``: words that make a
    subject a meeting's record ("action log", "minutes", "report of"): there no message
    is an overview and min_share does not apply (:mod:`analyse.topic_records`).
    ``bodies_as_parties_count``: false, an ITU
    body named as the sender or a recipient of a liaison ("LS from ITU-T SG17 on ...",
    "copied to WP 5D", "Cc: WP 5D"), or in a message for its meeting ("before the SG16
    meeting"), gives its topics no points (:mod:`analyse.topic_roles`).
    ``reply_asides``: a topic the subject does not name, found in one message only and
    that one not the thread's first, is a passing mention next to a topic the thread is
    about (:mod:`analyse.topic_replies`). ``negated_by``: cues ("nothing to do with",
    "not the") that negate the phrase right after them, an article between allowed: it
    is not counted (:mod:`analyse.topic_contexts`).

    ``overview_topics``: a message that names at least this many topics, each with at
    least ``overview_min_points`` of its points, is an overview (a plan listing its
    initiatives, questions to each Bureau on its own subject): its phrases and bodies
    give ``overview_weight`` of their points; 0 turns the rule off.
    """

    subject_weight: float = Field(default=3.0, ge=0)
    body_weight: float = Field(default=1.0, ge=0)
    max_count: int = Field(default=3, ge=1)
    default_threshold: float = Field(default=2.0, gt=0)
    min_share: float = Field(default=0.0, ge=0, lt=1)
    weak_repeat_needs_clear_subject: bool = False
    weak_in_names: bool = False
    weak_pairs_in_messages: bool = False
    personal_subjects: tuple[str, ...] = ()
    record_subjects: tuple[str, ...] = ()
    bodies_as_parties_count: bool = True
    reply_asides: bool = False
    # Cues that negate the phrase right after them ("nothing to do with machine
    # learning", "this is NOT the ICT Development Index"): it is not counted.
    negated_by: tuple[str, ...] = ()

    overview_topics: int = Field(default=0, ge=0)
    overview_min_points: float = Field(default=2.0, gt=0)
    overview_weight: float = Field(default=0.5, ge=0, le=1)


class NlpSettings(_Strict):
    """The spaCy pipeline: ``model`` names an installed pretrained pipeline (e.g.
    ``en_core_web_sm``) to use instead of the built-in blank English one."""

    model: str | None = None
    batch_size: int = Field(default=256, ge=1, le=10_000)


class TopicsConfig(_Strict):
    """Everything read from ``topics.yaml``."""

    nlp: NlpSettings = NlpSettings()
    scoring: Scoring = Scoring()
    topics: tuple[Topic, ...] = ()

    def by_id(self, topic_id: str) -> Topic:
        """The topic with this id (or one it ``replaces``); ConfigError naming the known ids."""
        for topic in self.topics:
            if topic.id == topic_id or topic_id in topic.replaces:
                return topic
        raise ConfigError(
            f"no topic {topic_id!r}; known topics: {', '.join(self.ids()) or 'none'}"
        )

    def ids(self) -> list[str]:
        """Topic ids in file order."""
        return [topic.id for topic in self.topics]

    def threshold(self, topic: Topic) -> float:
        """The topic's threshold, or the default one."""
        return topic.threshold if topic.threshold is not None else self.scoring.default_threshold

    def min_share(self, topic: Topic) -> float:
        """The share of the strongest topic's score the topic needs when the subject
        does not name it: its own, or the scoring's."""
        return topic.min_share if topic.min_share is not None else self.scoring.min_share

    def any_min_share(self) -> bool:
        """Whether the share rule is on for any topic."""
        return self.scoring.min_share > 0 or any(topic.min_share for topic in self.topics)

    def renamed(self) -> dict[str, str]:
        """Former id -> current id, from every topic's ``replaces``."""
        return {old: topic.id for topic in self.topics for old in topic.replaces}


def topics_path(config_dir: Path | str) -> Path:
    """Where the topic list lives in a configuration directory."""
    return Path(config_dir) / TOPICS_FILE_NAME


def _where(data: Any) -> Where:
    """Places in the topic list: the key path, then the topic's id when there is one."""
    def where(loc: Location) -> str:
        text = key_path(loc)
        if len(loc) >= 2 and loc[0] == "topics" and isinstance(loc[1], int):
            topic_id = entry_name(data, "topics", loc[1], "id")
            text += f" (topic {topic_id!r})" if topic_id else ""
        return text
    return where


_FIXES = {
    "string_pattern_mismatch": "use lower-case letters, digits and '-' (e.g. 'e-health')",
    "string_too_short": "must not be empty",
    "greater_than": "must be a number greater than {gt:g}; e.g. 1",
    "greater_than_equal": "must be a number of at least {ge:g}",
    "less_than": "must be a number below {lt:g}",
    "less_than_equal": "must be a number of at most {le:g}",
    "float_parsing": "must be a number",
    "int_parsing": "must be a whole number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "tuple_type": "must be a list (items starting with '- ')",
    "model_type": "must be a mapping of keys (e.g. 'phrase: ...')",
    "model_attributes_type": "must be a mapping of keys (e.g. 'phrase: ...')",
}


def _read(path: Path) -> Any:
    data = read_yaml_mapping(path, "topic list", "a 'topics:' list", "topics.yaml")
    return {} if data is None else data


def _parse(path: Path, data: Any) -> tuple[TopicsConfig | None, list[str]]:
    try:
        return TopicsConfig.model_validate(data), []
    except ValidationError as exc:
        return None, problem_lines(path, exc, where=_where(data), fixes=_FIXES)


def _hard_problems(path: Path | str, config: TopicsConfig) -> list[str]:
    """Problems that make the list ambiguous: duplicate ids, a ``replaces`` clash."""
    lines = []
    seen: dict[str, int] = {}
    for index, topic in enumerate(config.topics):
        if topic.id in seen:
            lines.append(
                f"{path}: topics[{index}].id (topic {topic.id!r}): duplicate id, also "
                f"topics[{seen[topic.id]}]; give each topic its own id or merge the two"
            )
        else:
            seen[topic.id] = index
    replaced: dict[str, str] = {}
    for index, topic in enumerate(config.topics):
        for old in topic.replaces:
            if old in seen:
                lines.append(
                    f"{path}: topics[{index}].replaces (topic {topic.id!r}): {old!r} is still "
                    f"a topic (topics[{seen[old]}]); remove that topic or this entry"
                )
            elif old in replaced and replaced[old] != topic.id:
                lines.append(
                    f"{path}: topics[{index}].replaces (topic {topic.id!r}): {old!r} is also "
                    f"replaced by topic {replaced[old]!r}; keep it in one topic only"
                )
            replaced.setdefault(old, topic.id)
    return lines


def load_topics(path: Path | str) -> TopicsConfig:
    """Load and validate a topic list; raise ConfigError with one line per problem.

    Only problems that make the list unusable raise (schema errors, duplicate ids);
    the rest are reported by :func:`check_topics`.
    """
    file = Path(path)
    data = _read(file)
    config, lines = _parse(file, data)
    if config is not None:
        lines = _hard_problems(file, config)
    if lines:
        raise ConfigError("\n".join(lines))
    assert config is not None
    return config


def validate_topic(data: Any) -> Topic:
    """One topic as the website's form describes it; ConfigError with one
    ``key: problem; fix`` line per problem (the fixes of the file itself)."""
    try:
        return Topic.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(None, exc, where=key_path,
                                                  fixes=_FIXES)) from None


def phrase_key(text: str) -> str:
    """A spelling-insensitive key: case, hyphens and spaces ignored ("Cyber-security" ==
    "cybersecurity"). Used to find a phrase listed twice."""
    return re.sub(r"[\s\-‐‑–]+", "", text.casefold())


def check_topics(config: TopicsConfig, path: Path | str = TOPICS_FILE_NAME) -> list[str]:
    """Problems that weaken tagging, one line each (empty when the list is clean).

    Reports: a phrase, synonym or acronym listed in two topics (or twice in one; a
    ``subject_only`` one and one read anywhere are two readings of the words), a
    topic with nothing to match, a negative phrase that is also a positive one of the
    same topic or has ``only_near`` or ``subject_only`` (which negatives ignore), a word
    both in a phrase's ``only_near`` and ``not_near``, a ``replaces`` entry naming a
    current topic or a duplicate id.
    """
    problems = list(_hard_problems(path, config))
    owners: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for index, topic in enumerate(config.topics):
        problems.extend(_topic_lines(f"{path}: topics[{index}]", topic))
        for kind in ("phrases", "synonyms", "acronyms"):
            for position, phrase in enumerate(getattr(topic, kind)):
                # Acronyms are case-sensitive, so "ITS" and "its" are different keys. A
                # phrase read in the subject only is another reading of its words ("AI
                # for Good" in a subject is the summit): it may be in a second topic.
                key = phrase.phrase if kind == "acronyms" else phrase_key(phrase.phrase)
                owners[f"{kind == 'acronyms'}:{phrase.subject_only}:{key}"].append(
                    (index, f"{kind}[{position}]", phrase.phrase)
                )
    for places in owners.values():
        problems.extend(_listed_twice_lines(path, config, places))
    return problems


def _topic_lines(label: str, topic: Topic) -> list[str]:
    """A topic that never matches, and negatives that cancel one of its phrases."""
    problems = []
    if not topic.phrases and not topic.acronyms and not topic.synonyms:
        problems.append(
            f"{label} (topic {topic.id!r}): no phrases, acronyms or synonyms, so it never "
            "matches; add some or remove the topic"
        )
    positive = {phrase_key(p.phrase) for p in topic.positives()}
    for position, negative in enumerate(topic.negatives):
        if phrase_key(negative.phrase) in positive:
            problems.append(
                f"{label}.negatives[{position}] (topic {topic.id!r}): {negative.phrase!r} "
                "is also a phrase of this topic, so the two cancel out; remove one"
            )
        # A negative phrase counts wherever it stands: the tagger reads no place for it.
        placed = [key for key in ("only_near", "subject_only") if getattr(negative, key)]
        if placed:
            problems.append(
                f"{label}.negatives[{position}] (topic {topic.id!r}): {negative.phrase!r} "
                f"has {' and '.join(placed)}, which negative phrases ignore; remove it")
    for kind in ("phrases", "synonyms", "acronyms"):
        for position, phrase in enumerate(getattr(topic, kind)):
            both = sorted({w.casefold() for w in phrase.only_near}
                          & {w.casefold() for w in phrase.not_near})
            if both:
                problems.append(
                    f"{label}.{kind}[{position}] (topic {topic.id!r}): {phrase.phrase!r} "
                    f"has {', '.join(map(repr, both))} in both only_near and not_near, so "
                    "next to it the phrase never counts; keep the word in one of them")
    return problems


def _listed_twice_lines(path: Path | str, config: TopicsConfig,
                        places: list[tuple[int, str, str]]) -> list[str]:
    """Every place after the first of one phrase: (topic index, key, text) each."""
    problems = []
    first_index, first_key, _ = places[0]
    first_id = config.topics[first_index].id
    for index, key, text in places[1:]:
        topic_id = config.topics[index].id
        if index == first_index:
            problems.append(
                f"{path}: topics[{index}].{key} (topic {topic_id!r}): {text!r} is listed "
                f"twice in this topic (also {first_key}); remove one"
            )
        else:
            problems.append(
                f"{path}: topics[{index}].{key} (topic {topic_id!r}): {text!r} is also in "
                f"topic {first_id!r} ({first_key}); keep it in one topic, or give the "
                "narrower topic a longer phrase"
            )
    return problems


def check_topics_file(path: Path | str) -> list[str]:
    """Every problem of a topic file, schema errors included, without raising."""
    file = Path(path)
    try:
        data = _read(file)
    except ConfigError as exc:
        return str(exc).splitlines()
    config, lines = _parse(file, data)
    if config is None:
        return lines
    return check_topics(config, file)
