"""One phrase of the topic list (``config/topics.yaml``) and the strict model every part
of that file is read with. Split from :mod:`iscg_mailbot.settings.topics`, which
re-exports :class:`Phrase`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Strict(BaseModel):
    """A part of topics.yaml: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def words(value: Any) -> Any:
    """A list of words from the file (``not_near``, ``only_near``, ``counted_in``): each
    with its white space made single; None is no words; a blank word (or an empty item,
    null) is an error. Read alike for a phrase of topics.yaml and a body of
    itu_bodies.yaml."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        cleaned = tuple("" if word is None else " ".join(str(word).split()) for word in value)
        if not all(cleaned):
            raise ValueError("holds a blank word; remove it")
        return cleaned
    return value


class Phrase(Strict):
    """A phrase and the points one occurrence gives (before the subject/body factor).

    In the file either a plain string (weight 1) or ``{phrase: ..., weight: ...}``,
    optionally with ``weak: true``, ``companion: true``, ``not_near: [words]``,
    ``only_near: [words]``, ``subject_only: true`` or ``by_place: true``.
    """

    phrase: str = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0, le=100)
    # An ambiguous term ("AI", "security", "index"): it tags a thread only with a
    # second, independent signal of the topic (another phrase or an ITU body).
    weak: bool = False
    # A term for the setting of other work rather than the topic itself: who it is for
    # ("students", "young people") or where and how it is held ("venue", "registration"). It
    # adds points only next to a phrase of the topic that is not a companion.
    companion: bool = False
    # Words that make the phrase mean something else when they stand next to it (within
    # a few words, in its paragraph): "index" near "documents" is a list of papers, not
    # a statistical index. The phrase is then not counted (analyse.topic_contexts).
    not_near: tuple[str, ...] = ()
    # Words without which the phrase means something else: it counts only when one of
    # them stands next to it, as above ("notes" of a "call" or "meeting": its record).
    only_near: tuple[str, ...] = ()
    # Counted only in a thread's subject: a word that says what the whole thread is
    # (its subject "Notes from the 2/17 call") but in passing in a message.
    subject_only: bool = False
    # An event word that a subject may name by its place: "the Windhoek workshop" in a
    # message and "Windhoek outcome report" as the subject (analyse.topic_places).
    by_place: bool = False

    @field_validator("phrase")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("must not be blank")
        return value

    @field_validator("not_near", "only_near", mode="before")
    @classmethod
    def _words(cls, value: Any) -> Any:
        return words(value)
