"""The ITU-structure table (``config/itu_bodies.yaml``): study groups, working parties,
Questions, focus groups, WRC agenda items and Recommendation series, and the topics
their mandates cover.

A thread naming "ITU-T SG5", "Q7/5", "ITU-R WP 5D" or "ITU-D Q6/2" says what it is
about; the tagger counts such a name as evidence for the body's topics, with the
table's own weight per kind of body (``topics explain`` shows it). The secretariat
edits the table; ``topics check`` checks it (unknown topics, bodies written in a form
the tagger cannot find, one body listed twice). A body's ``not_near`` words leave out a
mention next to them, as a phrase's do in the topic list (:mod:`analyse.topic_contexts`).

    >>> table = load_itu_bodies("config/itu_bodies.yaml")
    >>> table.by_key()["ITU-T SG5"].topics
    ('environment',)
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.topic_phrase import words
from iscg_mailbot.settings.validation import by_entry, format_validation_error
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

ITU_BODIES_FILE_NAME = "itu_bodies.yaml"

# The canonical names bodies are keyed by (what analyse.itu_structure finds).
BODY_KEY = re.compile(
    r"^ITU-[RTD] (?:SG\d{1,2}|WP\d{1,2}[A-Z]|Q\d{1,2}/\d{1,2})$|^ITU-T FG-[A-Za-z0-9-]+$"
    r"|^WRC-\d{2} AI \d{1,2}\.\d{1,2}$"
    r"|^ITU-[RT] ([A-Z]{1,3})\.\d{1,4}(?:-\1\.\d{1,4})?$"
)
# A Recommendation series block ("ITU-T X.1000-X.1999") or one Recommendation ("ITU-R M.2121").
RECOMMENDATION_KEY = re.compile(r"^ITU-[RT] ([A-Z]{1,3})\.(\d{1,4})(?:-\1\.(\d{1,4}))?$")
KINDS = ("study_group", "working_party", "question", "focus_group", "agenda_item", "recommendation")


def body_kind(key: str) -> str:
    """``study_group``, ``working_party``, ``question``, ``focus_group``,
    ``agenda_item`` or ``recommendation`` of a key."""
    if RECOMMENDATION_KEY.match(key):
        return "recommendation"
    name = key.split(" ", 1)[1]
    if name.startswith("AI "):
        return "agenda_item"
    if name.startswith("SG"):
        return "study_group"
    if name.startswith("WP"):
        return "working_party"
    if name.startswith("Q"):
        return "question"
    return "focus_group"


def normalise_key(text: str) -> str:
    """A body as written in the table, in canonical form ("ITU-R WP 5D" -> "ITU-R WP5D",
    "WRC-27 agenda item 1.7" -> "WRC-27 AI 1.7")."""
    text = " ".join(text.split())
    text = re.sub(r"^(WRC-\d{2}) (?:[Aa]genda item|AI) ?(?=\d)", r"\1 AI ", text)
    text = re.sub(r"(\.\d+) ?- ?(?=[A-Z])", r"\1-", text)  # "X.1000 - X.1999"
    return re.sub(r"\b(SG|WP|Q)\s+(?=\d)", r"\1", text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Body(_Strict):
    """One body: its canonical name, title (its mandate, for people), topics, and the
    words (``not_near``) next to which a mention of it is about other work of its
    mandate and is not counted ("SG11" next to "SS7": signalling security, not testing)."""

    body: str = Field(min_length=1)
    title: str = ""
    topics: tuple[str, ...] = ()
    weight: float | None = Field(default=None, gt=0, le=100)
    not_near: tuple[str, ...] = ()

    @field_validator("body")
    @classmethod
    def _canonical(cls, value: str) -> str:
        return normalise_key(value)

    @field_validator("topics", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return () if value is None else value

    @field_validator("not_near", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        # Read as a phrase's not_near words are in topics.yaml (one reader, one message).
        return words(value)

    @field_validator("not_near")
    @classmethod
    def _not_near_once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value))

    @field_validator("topics")
    @classmethod
    def _once_each(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # A topic written twice ("topics: [ai, ai]") means the topic once: counted twice,
        # the body's points doubled on one of the tagger's two paths and not the other.
        return tuple(dict.fromkeys(value))


class Weights(_Strict):
    """Points one mention of a body gives (before the subject/body factor of the
    topic list): a Question, a focus group, a WRC agenda item or a Recommendation says
    more than a whole study group."""

    study_group: float = Field(default=1.0, gt=0, le=100)
    working_party: float = Field(default=1.5, gt=0, le=100)
    question: float = Field(default=2.0, gt=0, le=100)
    focus_group: float = Field(default=2.0, gt=0, le=100)
    agenda_item: float = Field(default=2.0, gt=0, le=100)
    recommendation: float = Field(default=2.0, gt=0, le=100)


class ItuBodies(_Strict):
    """Everything read from ``itu_bodies.yaml``."""

    weights: Weights = Weights()
    bodies: tuple[Body, ...] = ()

    def by_key(self) -> dict[str, Body]:
        """Bodies by canonical name (the first entry wins when one is listed twice)."""
        found: dict[str, Body] = {}
        for body in self.bodies:
            found.setdefault(body.body, body)
        return found

    def weight(self, body: Body) -> float:
        """The body's own weight, else its kind's."""
        return body.weight if body.weight is not None else float(
            getattr(self.weights, body_kind(body.body)))


def itu_bodies_path(config_dir: Path | str) -> Path:
    """Where the table lives in a configuration directory."""
    return Path(config_dir) / ITU_BODIES_FILE_NAME


# Fixes of the schema's problems beyond the shared ones ("topics: conformance" or
# "not_near: SS7" without brackets is the likeliest slip; pydantic would say "tuple").
_FIXES = {
    "tuple_type": "must be a list in brackets, even of one item: [...]",
}


def _parse(path: Path) -> ItuBodies:
    data = read_yaml_mapping(path, "ITU-structure table", "a 'bodies:' list", ITU_BODIES_FILE_NAME)
    try:
        return ItuBodies.model_validate(data or {})
    except ValidationError as exc:
        raise ConfigError(format_validation_error(
            path, exc, where=by_entry(data, "bodies", "body"), fixes=_FIXES)) from None


def load_itu_bodies(path: Path | str, *, missing_ok: bool = False) -> ItuBodies:
    """Load and validate the table; an absent file is an empty table when ``missing_ok``.

    Raises ConfigError naming file, key and fix.
    """
    file = Path(path)
    if missing_ok and not file.exists():
        return ItuBodies()
    return _parse(file)


def check_itu_bodies(path: Path | str, topic_ids: set[str]) -> list[str]:
    """Problems of the table, one line each: schema errors, a body the tagger cannot
    find as written, one listed twice, a topic not in the topic list, ``not_near`` words
    on a body that is evidence for nothing."""
    file = Path(path)
    if not file.exists():
        return []
    try:
        table = _parse(file)
    except ConfigError as exc:
        return str(exc).splitlines()
    problems = []
    seen: dict[str, int] = {}
    for index, body in enumerate(table.bodies):
        label = f"{file}: bodies[{index}] ({body.body})"
        if not BODY_KEY.match(body.body):
            problems.append(f"{label}: write the body as 'ITU-T SG17', 'ITU-R WP 5D', "
                            "'ITU-D Q6/2', 'ITU-T FG-AI4H' (Sector first), "
                            "'WRC-27 AI 1.13' (conference first) or a Recommendation "
                            "series 'ITU-T X.1000-X.1999' or one 'ITU-R M.2121'")
        rec = RECOMMENDATION_KEY.match(body.body)
        if rec is not None and rec.group(3) and int(rec.group(3)) < int(rec.group(2)):
            problems.append(f"{label}: the series ends before it starts; write the lower "
                            "number first")
        if body.body in seen:
            problems.append(f"{label}: also bodies[{seen[body.body]}]; keep one entry")
        seen.setdefault(body.body, index)
        if body.not_near and not body.topics:
            problems.append(f"{label}: not_near has no effect on a body that is evidence "
                            "for no topic; remove it or give the body topics")
        for topic in body.topics:
            if topic not in topic_ids:
                problems.append(f"{label}: topic {topic!r} is not in the topic list; "
                                f"use one of: {', '.join(sorted(topic_ids))}")
    return problems
