"""The member list (``config/members.yaml``): who is on ISCG and what they receive.

``load_members(path)`` returns a validated :class:`MembersConfig` or raises
:class:`ConfigError` naming the file, the entry, the key and the fix::

    >>> members = load_members("config/members.yaml")
    >>> members.by_address("Klaus.Brenner@example.de").group
    'TSAG'

``check_members(...)`` lists every problem (schema errors, duplicates, unknown topics)
without raising, for ``config check``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.types import ADDRESS_PATTERN
from iscg_mailbot.settings.validation import by_entry, format_validation_error
from iscg_mailbot.settings.yamlfile import read_yaml_mapping

MEMBERS_FILE_NAME = "members.yaml"


class Role(StrEnum):
    """What a member does on the list."""

    CHAIR = "chair"
    REPRESENTATIVE = "representative"
    OBSERVER = "observer"
    SECRETARIAT = "secretariat"


class AdvisoryGroup(StrEnum):
    """The Sector advisory group a member speaks for (``none`` for the chair, secretariat...)."""

    RAG = "RAG"
    TSAG = "TSAG"
    TDAG = "TDAG"
    NONE = "none"


class Member(BaseModel):
    """One person on the list."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)

    name: str = Field(min_length=1)
    address: str = Field(pattern=ADDRESS_PATTERN)
    aliases: tuple[str, ...] = ()
    role: Role
    advisory_group: AdvisoryGroup = AdvisoryGroup.NONE
    organisation: str = ""
    digest: bool = True
    # Deadline reminders for items this member owns (iscg-mailbot.toml [reminders]).
    reminders: bool = True
    topics_only: tuple[str, ...] | None = None
    topics_muted: tuple[str, ...] = ()

    @field_validator("address", mode="before")
    @classmethod
    def _lower_address(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("aliases", mode="before")
    @classmethod
    def _lower_aliases(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return tuple(v.strip().lower() if isinstance(v, str) else v for v in value)
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases_look_like_addresses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for alias in value:
            if not re.match(ADDRESS_PATTERN, alias):
                raise ValueError(f"alias {alias!r} is not an e-mail address; write local@domain")
        return value

    @field_validator("advisory_group", mode="before")
    @classmethod
    def _group_case(cls, value: Any) -> Any:
        # Accept "tsag", "Tsag", "None" or an empty value: the secretariat should not
        # have to remember the exact spelling of an enumeration.
        if value is None or (isinstance(value, str) and value.strip().lower() in {"", "none"}):
            return AdvisoryGroup.NONE
        if isinstance(value, str):
            return value.strip().upper()
        return value

    @field_validator("role", mode="before")
    @classmethod
    def _role_case(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @property
    def addresses(self) -> tuple[str, ...]:
        """The main address followed by the aliases."""
        return (self.address, *self.aliases)

    @property
    def group(self) -> str | None:
        """The advisory group as text, or None for ``none``."""
        return None if self.advisory_group is AdvisoryGroup.NONE else self.advisory_group.value

    def wants_topic(self, topic_id: str) -> bool:
        """Whether this member's digest shows the topic (``topics_only`` then ``topics_muted``)."""
        if self.topics_only is not None and topic_id not in self.topics_only:
            return False
        return topic_id not in self.topics_muted


class MembersConfig(BaseModel):
    """Everything read from ``members.yaml``, with look-ups by address and name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    members: tuple[Member, ...] = ()

    def by_address(self, address: str) -> Member | None:
        """The member writing from ``address`` (main address or alias, any case), or None."""
        return _address_index(self.members).get(address.strip().lower())

    def by_name(self, name: str) -> Member | None:
        """The member with this display name (case- and space-insensitive), or None."""
        wanted = " ".join(name.split()).casefold()
        for member in self.members:
            if " ".join(member.name.split()).casefold() == wanted:
                return member
        return None

    def with_role(self, role: Role | str) -> list[Member]:
        """Members having ``role``."""
        wanted = Role(role)
        return [m for m in self.members if m.role is wanted]

    def digest_recipients(self) -> list[Member]:
        """Members whose digest is on."""
        return [m for m in self.members if m.digest]


# members tuple id -> (the tuple, address -> its first member). Analysis asks for the
# sender and addressees of every sentence it reads; kept outside the frozen model so
# that two configs of equal members stay equal and a copy never sees another's index.
_ADDRESS_INDEXES: dict[int, tuple[tuple[Member, ...], dict[str, Member]]] = {}


def _address_index(members: tuple[Member, ...]) -> dict[str, Member]:
    cached = _ADDRESS_INDEXES.get(id(members))
    if cached is not None and cached[0] is members:
        return cached[1]
    index: dict[str, Member] = {}
    for member in members:
        for address in member.addresses:
            index.setdefault(address, member)
    if len(_ADDRESS_INDEXES) > 8:
        _ADDRESS_INDEXES.clear()
    _ADDRESS_INDEXES[id(members)] = (members, index)
    return index


def members_path(config_dir: Path | str) -> Path:
    """Where the member list lives in a configuration directory."""
    return Path(config_dir) / MEMBERS_FILE_NAME


_FIXES = {
    "bool_parsing": "write on or off",
    "string_pattern_mismatch": "not an e-mail address; write local@domain",
    "string_too_short": "must not be empty",
}


def _read_yaml(path: Path) -> Any:
    data = read_yaml_mapping(path, "member list", "a 'members:' list", "members.yaml")
    return {"members": []} if data is None else data


def _duplicate_lines(path: Path, config: MembersConfig) -> list[str]:
    owners: dict[str, list[int]] = {}
    for index, member in enumerate(config.members):
        for address in dict.fromkeys(member.addresses):
            owners.setdefault(address, []).append(index)
    lines = []
    for address, indexes in owners.items():
        if len(indexes) > 1:
            entries = ", ".join(
                f"members[{i}] ({config.members[i].name})" for i in indexes
            )
            lines.append(
                f"{path}: address {address!r} is given to {entries}; "
                "each address must belong to one member: remove or change it"
            )
    return lines


def _parse(path: Path, data: Any) -> MembersConfig:
    try:
        return MembersConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(
            path, exc, where=by_entry(data, "members", "name"), fixes=_FIXES)) from None


def load_members(path: Path | str, *, missing_ok: bool = False) -> MembersConfig:
    """Load and validate a member list.

    Raises ConfigError (file, entry, key and fix on each line) for a malformed file or an
    address given to two members. With ``missing_ok`` a missing file gives no members.
    """
    file = Path(path)
    if missing_ok and not file.exists():
        return MembersConfig()
    data = _read_yaml(file)
    config = _parse(file, data)
    duplicates = _duplicate_lines(file, config)
    if duplicates:
        raise ConfigError("\n".join(duplicates))
    return config


def check_members(
    source: MembersConfig | Path | str,
    known_topics: Collection[str] | None = None,
) -> list[str]:
    """Every problem of a member list, one line each; empty when all is well.

    ``source`` is a loaded config or a file path (whose load errors are returned, not
    raised). ``known_topics`` (topic ids from topics.yaml) enables the check that
    ``topics_only``/``topics_muted`` name existing topics.
    """
    if isinstance(source, MembersConfig):
        path, config = Path(MEMBERS_FILE_NAME), source
    else:
        path = Path(source)
        try:
            data = _read_yaml(path)
            config = _parse(path, data)
        except ConfigError as exc:
            return str(exc).splitlines()
    problems = _duplicate_lines(path, config)
    problems.extend(_name_lines(path, config.members))
    problems.extend(_chair_lines(path, config.members))
    for index, member in enumerate(config.members):
        problems.extend(_topic_lines(f"{path}: members[{index}] ({member.name})", member,
                                     known_topics))
    return problems


def _chair_lines(path: Path, members: Sequence[Member]) -> list[str]:
    """The one problem of the chair role, if any: nobody has it, or several do."""
    chairs = [m.name for m in members if m.role is Role.CHAIR]
    if members and not chairs:
        return [f"{path}: no member has role chair; give the chair role to one member"]
    if len(chairs) > 1:
        return [(f"{path}: {len(chairs)} members have role chair ({', '.join(chairs)}); "
                "keep one and make the others representative")]
    return []


def _topic_lines(where: str, member: Member, known_topics: Collection[str] | None) -> list[str]:
    """A member's topic preferences that contradict each other or name no topic."""
    problems = []
    overlap = sorted(set(member.topics_only or ()) & set(member.topics_muted))
    if overlap:
        problems.append(f"{where}: topics {', '.join(overlap)} are in both topics_only and "
                        "topics_muted; remove them from one of the two")
    if known_topics is None:
        return problems
    for key, topics in (("topics_only", member.topics_only or ()),
                        ("topics_muted", member.topics_muted)):
        problems.extend(
            f"{where}: {key}: unknown topic {topic!r}; use one of "
            f"{', '.join(sorted(known_topics)) or '(no topics defined)'}"
            for topic in topics if topic not in known_topics)
    return problems


def _name_lines(path: Path, members: Iterable[Member]) -> list[str]:
    counts = Counter(" ".join(m.name.split()).casefold() for m in members)
    return [
        f"{path}: the name {name!r} is used by {count} members; names must be unique "
        "so that messages naming a member can be attributed"
        for name, count in counts.items()
        if count > 1
    ]
