"""``config/actions.yaml``: how action items are extracted, closed and dated (optional).

Every key is optional; a missing file means the defaults::

    # config/actions.yaml
    timezone: Europe/Zurich     # the list's home time zone (see below)
    notes: note                 # note | action | drop | addressed: "invited to note" sentences
    offers: action              # action | drop: "I can send you the TDs" (undated offers)
    min_confidence: 0.5         # leave out weaker candidates
    action_phrases: ["shall look into"]     # extra phrases that make an action
    note_phrases: []                        # extra phrases that make a note
    closure_phrases: [done, "we have sent the liaison"]   # replace the default list
    questions: true             # track questions still waiting for a reply
    stalled_after_days: 14      # default of "threads list --stalled"
    before: day_before          # day_before | events | that_day: "before 30 June"
    requests_to_all: ISCG       # ISCG | members_invited | nobody: "Colleagues, please send ..."
    staff_i_will: person        # person | unit: secretariat staff's "I will ..."
    staff_asked: unit           # unit | person: "Dear Sofia, is it ...?" asks BR or Sofia
    commitments: item           # item | drop: "We will prepare the contribution"
    secretariat: General Secretariat   # the unit "the secretariat" of the list stands for

``timezone`` decides what "today" is for overdue items, and the calendar in which
relative dates ("by Friday") of stored messages are read, since stored dates are UTC.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator

from iscg_mailbot.conventions import Conventions
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.validation import format_validation_error
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

# The learned gate's model shipped in the package (analyse/action_model.py reads it).
SHIPPED_GATE_MODEL = Path(__file__).resolve().parents[1] / "data" / "action_gate.json"

ACTIONS_FILE_NAME = "actions.yaml"

DEFAULT_CLOSURE_PHRASES: tuple[str, ...] = (
    "done",
    "completed",
    "this is now closed",
    "can be closed",
    "please find attached our reply",
    "please find attached the reply",
    "please find attached our response",
    "please find attached our comments",
    "please find attached our input",
    "our reply is attached",
    "attached is our reply",
    "we have sent the liaison",
    "we have sent the reply",
    "we sent the liaison",
    "the liaison has been sent",
    "the reply has been sent",
    "has been sent",
    "have been sent",
    "has been submitted",
    "has been circulated",
    "has been uploaded",
    "has been posted",
    "has been provided",
    "we have submitted",
    "i have submitted",
    "we have circulated",
    "i have circulated",
    "i have sent",
    "we have sent",
    "we have provided",
    "taken care of",
)


# The units of ITU's secretariat that can serve the list.
SecretariatUnit = Literal["General Secretariat", "BR", "TSB", "BDT"]


class ActionRules(BaseModel):
    """Tunable behaviour of extraction and closure (``config/actions.yaml``).

    ``notes``: what becomes of "invited to note" / "for information" sentences: kept as
    kind ``note`` (default; not open work), counted as ``action``, ``drop``-ped, or kept
    only when ``addressed`` to someone ("ISCG is invited to note", "for information to
    ITU-R"; "Please note that the room has changed" is dropped, even when told to
    someone: a "please note" tells news, it asks nothing).
    ``action_phrases`` / ``note_phrases`` add plain phrases that mark a sentence (owner:
    the body opening the sentence, else the people addressed). ``offers``: an offer
    without a date of its own ("I can send you the TDs") counted as an ``action`` or
    ``drop``-ped (nobody owes it until it is taken up). ``closure_phrases`` are
    the words in a reply that close an item. Candidates under ``min_confidence`` are
    left out. ``secretariat``: the unit that serves the list, owning what "the
    secretariat" is asked or promises ("The secretariat is requested to prepare a first
    draft"); unset, such items are owned by "Secretariat".
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    notes: Literal["note", "action", "drop", "addressed"] = "note"
    offers: Literal["action", "drop"] = "action"
    action_phrases: tuple[str, ...] = ()
    note_phrases: tuple[str, ...] = ()
    closure_phrases: tuple[str, ...] = DEFAULT_CLOSURE_PHRASES
    min_confidence: float = 0.3
    secretariat: SecretariatUnit | None = None


class ActionsConfig(BaseModel):
    """Everything read from ``actions.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    timezone: str = "UTC"
    notes: Literal["note", "action", "drop", "addressed"] = "note"
    offers: Literal["action", "drop"] = "action"
    min_confidence: float = Field(default=0.3, ge=0.0, le=1.0)
    action_phrases: tuple[str, ...] = ()
    note_phrases: tuple[str, ...] = ()
    closure_phrases: tuple[str, ...] = DEFAULT_CLOSURE_PHRASES
    questions: bool = True
    stalled_after_days: int = Field(default=14, ge=1)
    # The unit of the secretariat that serves the list (its "secretariat").
    secretariat: SecretariatUnit | None = None
    # The learned gate over the rules' candidates (analyse/action_model.py): on or off,
    # and a retrained model's file (relative to the configuration folder) instead of
    # the one shipped in the package.
    gate: StrictBool = False
    gate_model: str | None = None
    # The list's conventions where careful readers split (conventions.Conventions).
    before: Literal["day_before", "events", "that_day"] = "day_before"
    requests_to_all: Literal["members_invited", "ISCG", "nobody"] = "ISCG"
    staff_i_will: Literal["person", "unit"] = "person"
    staff_asked: Literal["unit", "person"] = "unit"
    commitments: Literal["item", "drop"] = "item"

    def gate_file(self, config_dir: Path | str) -> Path | None:
        """The learned gate's model file, None when ``gate`` is off."""
        if not self.gate:
            return None
        return Path(config_dir) / self.gate_model if self.gate_model else SHIPPED_GATE_MODEL

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; use an IANA name such as Europe/Zurich or UTC"
            ) from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)

    @property
    def conventions(self) -> Conventions:
        """The list's conventions, handed to the extractor with each message (every
        field of :class:`Conventions`, read from the key of that name: a new convention
        is declared here and there, never copied by hand)."""
        return Conventions(**{f.name: getattr(self, f.name) for f in fields(Conventions)})

    @property
    def rules(self) -> ActionRules:
        """The extraction and closure rules for :mod:`iscg_mailbot.analyse.actions`."""
        return ActionRules(
            notes=self.notes,
            offers=self.offers,
            action_phrases=self.action_phrases,
            note_phrases=self.note_phrases,
            closure_phrases=self.closure_phrases,
            min_confidence=self.min_confidence,
            secretariat=self.secretariat,
        )


def convention_values() -> dict[str, tuple[str, ...]]:
    """Each convention's key and its allowed values, the default first (read from
    :class:`ActionsConfig`'s fields, where they are declared once)."""
    values: dict[str, tuple[str, ...]] = {}
    for key in (f.name for f in fields(Conventions)):
        default = ActionsConfig.model_fields[key].default
        allowed = get_args(ActionsConfig.model_fields[key].annotation)
        values[key] = (default, *(v for v in allowed if v != default))
    return values


def actions_path(config_dir: Path | str) -> Path:
    """Where ``actions.yaml`` lives in a configuration directory."""
    return Path(config_dir) / ACTIONS_FILE_NAME


def load_actions_config(path: Path | str, *, missing_ok: bool = True) -> ActionsConfig:
    """Load ``actions.yaml``; a missing file gives the defaults unless ``missing_ok`` is false.

    Raises ConfigError naming the file, the key and the fix.
    """
    file = Path(path)
    if not file.exists():
        if missing_ok:
            return ActionsConfig()
        raise ConfigError(f"{file}: not found; create it or leave it out to use the defaults")
    data = read_yaml_mapping(file, "action settings", "keys such as 'timezone:'", "actions.yaml")
    if data is None:
        return ActionsConfig()
    try:
        return ActionsConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(file, exc)) from None
