"""Settings of the weekly digest and its delivery: ``[smtp]``, ``[digest]`` and members.yaml.

Meant to hang off :class:`iscg_mailbot.config.Settings` as ``smtp: SmtpConfig | None``
and ``digest: DigestConfig``; ``config/members.yaml`` is read by :func:`load_members`.

Example ``iscg-mailbot.toml`` sections::

    [smtp]
    host = "smtp.example.org"
    security = "starttls"          # or "ssl"; "plain" only on 127.0.0.1
    username = "iscg-bot"
    password_env = "ISCG_SMTP_PASSWORD"

    [digest]
    from_address = "iscg-bot@example.org"
    schedule = "0 7 * * mon"       # crontab; day names, not numbers
    timezone = "Europe/Zurich"      # Geneva local time
    empty_week = "short"           # or "skip"
    archive_url = "https://lists.example.org/archive/msg/{message_id}"
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from iscg_mailbot.config import format_validation_error, read_secret
from iscg_mailbot.errors import ConfigError

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MEMBERS_FILE_NAME = "members.yaml"
# Fields an archive URL template may use; each is URL-quoted before substitution.
ARCHIVE_URL_FIELDS = frozenset({"message_id", "thread_id", "list"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SmtpConfig(_Strict):
    """The outgoing mail server. The password comes from ``password_env`` or
    ``password_file``, never from the configuration file."""

    host: str
    port: int | None = None
    security: Literal["ssl", "starttls", "plain"] = "starttls"
    verify_certificate: bool = True
    ca_file: str | None = None
    username: str | None = None
    password_env: str | None = None
    password_file: str | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)
    local_hostname: str | None = None

    @model_validator(mode="after")
    def _safe_transport(self) -> SmtpConfig:
        if self.host not in LOOPBACK_HOSTS:
            if self.security == "plain":
                raise ValueError(
                    "security = 'plain' sends mail and password unencrypted; it is allowed only "
                    "for 127.0.0.1/localhost. Use 'starttls' or 'ssl'"
                )
            if not self.verify_certificate:
                raise ValueError(
                    "verify_certificate = false is allowed only for 127.0.0.1/localhost; "
                    "for a private CA set ca_file instead"
                )
        if self.username and not (self.password_env or self.password_file):
            raise ValueError(
                "username is set but no password source; add password_env (the name of an "
                "environment variable) or password_file"
            )
        return self

    @property
    def effective_port(self) -> int:
        """The configured port, else 465 for SSL, 587 for STARTTLS, 25 for plain."""
        if self.port is not None:
            return self.port
        return {"ssl": 465, "starttls": 587, "plain": 25}[self.security]

    def password(self) -> str:
        """Read the password from the environment or the secret file."""
        return read_secret(self.password_env, self.password_file, f"smtp server {self.host!r}")


class DigestConfig(_Strict):
    """What the weekly digest covers, when it is sent and how it is addressed.

    Periods are consecutive blocks of ``window_days`` local days counted from
    ``period_anchor`` (a Monday by default, so weeks run Monday to Monday in
    ``timezone``). A period is identified by its key, e.g. ``2024-03-04/2024-03-11``;
    the same key is used whenever (and however often) the digest for it is attempted.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    enabled: bool = True
    schedule: str = "0 7 * * mon"
    # Geneva's zone: IANA has no "Europe/Geneva", Switzerland is "Europe/Zurich".
    timezone: str = "Europe/Zurich"
    window_days: int = Field(default=7, ge=1, le=31)
    period_anchor: date = date(2024, 1, 1)
    empty_week: Literal["short", "skip"] = "short"
    from_address: str | None = None
    from_name: str = "ISCG digest"
    reply_to: str | None = None
    archive_url: str | None = None
    list_unsubscribe: str | None = None
    excerpt_lines: int = Field(default=3, ge=1, le=20)
    excerpt_chars: int = Field(default=300, ge=40, le=2000)
    awaiting_reply_hours: int = Field(default=48, ge=1)
    max_attempts: int = Field(default=8, ge=1, le=100)
    retry_base_minutes: float = Field(default=5.0, gt=0)
    retry_max_minutes: float = Field(default=360.0, gt=0)

    @field_validator("schedule")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(value)
        except ValueError as exc:
            raise ValueError(
                f"not a crontab expression ({exc}); use 'minute hour day month weekday', "
                "e.g. '0 7 * * mon' (weekday by name: APScheduler counts 0 as Monday)"
            ) from None
        return value

    @field_validator("timezone")
    @classmethod
    def _valid_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            hint = " (Geneva is in 'Europe/Zurich')" if "geneva" in value.lower() else ""
            raise ValueError(f"unknown time zone {value!r}{hint}; use an IANA name such as "
                             "'Europe/Zurich'") from None
        return value

    @field_validator("archive_url")
    @classmethod
    def _valid_archive_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        check_url_template(value, ARCHIVE_URL_FIELDS)
        return value

    @field_validator("list_unsubscribe")
    @classmethod
    def _valid_unsubscribe(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("mailto:", "https://", "http://")):
            raise ValueError("must be a mailto: or https: URI, e.g. "
                             "'mailto:secretariat@example.org?subject=unsubscribe'")
        return value

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def period_ending_by(self, now: datetime) -> tuple[datetime, datetime]:
        """The latest complete period at ``now``: (start, end) as aware UTC, end <= now.

        >>> DigestConfig().period_ending_by(datetime(2024, 3, 11, 6, 0, tzinfo=UTC))
        (datetime.datetime(2024, 3, 3, 23, 0, tzinfo=datetime.timezone.utc), \
datetime.datetime(2024, 3, 10, 23, 0, tzinfo=datetime.timezone.utc))
        """
        local_day = now.astimezone(self.zone).date()
        blocks = (local_day - self.period_anchor).days // self.window_days
        end_day = self.period_anchor + timedelta(days=blocks * self.window_days)
        return self._utc_midnight(end_day - timedelta(days=self.window_days)), \
            self._utc_midnight(end_day)

    def period_containing(self, day: date) -> tuple[datetime, datetime]:
        """The period that holds the local date ``day`` (for ``digest preview --week``)."""
        blocks = (day - self.period_anchor).days // self.window_days
        start_day = self.period_anchor + timedelta(days=blocks * self.window_days)
        return self._utc_midnight(start_day), \
            self._utc_midnight(start_day + timedelta(days=self.window_days))

    def period_key(self, start: datetime, end: datetime) -> str:
        """The stable name of a period: local start and end dates, ``YYYY-MM-DD/YYYY-MM-DD``."""
        zone = self.zone
        return f"{start.astimezone(zone).date().isoformat()}/{end.astimezone(zone).date().isoformat()}"

    def sender(self) -> str:
        """``from_address`` or a ConfigError saying how to set it."""
        if not self.from_address:
            raise ConfigError("digest.from_address: required to send digests; add "
                              "from_address = \"bot@example.org\" under [digest]")
        return self.from_address

    def _utc_midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=self.zone).astimezone(UTC)


def check_url_template(template: str, allowed: frozenset[str]) -> None:
    """Raise ValueError unless ``template`` is an http(s) URL using only ``allowed`` fields."""
    if not template.startswith(("https://", "http://")):
        raise ValueError("must start with https:// (or http://)")
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise ValueError(f"bad {{placeholder}} syntax: {exc}") from None
    unknown = fields - allowed
    if unknown:
        raise ValueError(f"unknown placeholder(s) {', '.join(sorted(unknown))}; "
                         f"use {', '.join('{' + f + '}' for f in sorted(allowed))}")


class MemberConfig(_Strict):
    """One member of the group as ``members.yaml`` describes them."""

    name: str = Field(min_length=1)
    address: str = Field(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
    aliases: tuple[str, ...] = ()
    role: Literal["chair", "representative", "observer", "secretariat"]
    advisory_group: str = "none"
    organisation: str = ""
    digest: bool = True
    topics_only: tuple[str, ...] = ()
    topics_muted: tuple[str, ...] = ()

    @field_validator("address")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()

    @field_validator("aliases")
    @classmethod
    def _lower_aliases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(alias.lower() for alias in value)

    @model_validator(mode="after")
    def _one_preference_kind(self) -> MemberConfig:
        if self.topics_only and self.topics_muted:
            raise ValueError("set topics_only or topics_muted, not both")
        return self

    def wants_topic(self, topic_id: str | None) -> bool:
        """Whether a section of this topic belongs in the member's digest ("Other" is None)."""
        if self.topics_only:
            return topic_id in self.topics_only
        return topic_id is None or topic_id not in self.topics_muted

    def topic_filter(self) -> str:
        """A short human description of the preferences, or ``""``."""
        if self.topics_only:
            return "only: " + ", ".join(self.topics_only)
        if self.topics_muted:
            return "muted: " + ", ".join(self.topics_muted)
        return ""


class MembersFile(_Strict):
    """The whole ``members.yaml``: unique addresses (aliases included)."""

    members: tuple[MemberConfig, ...] = ()

    @model_validator(mode="after")
    def _unique_addresses(self) -> MembersFile:
        seen: dict[str, str] = {}
        for member in self.members:
            for address in (member.address, *member.aliases):
                if address in seen:
                    raise ValueError(f"address {address} belongs to both {seen[address]!r} and "
                                     f"{member.name!r}; keep it on one member")
                seen[address] = member.name
        return self


def members_path(config_dir: str | Path) -> Path:
    return Path(config_dir) / MEMBERS_FILE_NAME


def load_members(config_dir: str | Path, known_topics: set[str] | None = None,
                 ) -> tuple[MemberConfig, ...]:
    """Read and validate ``<config_dir>/members.yaml``; a missing file means no members.

    With ``known_topics``, topic ids in preferences must be among them. Errors name
    file, key and fix, as for the main configuration.
    """
    path = members_path(config_dir)
    if not path.exists():
        return ()
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    try:
        parsed = MembersFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, exc)) from None
    if known_topics is not None:
        for index, member in enumerate(parsed.members):
            for key in ("topics_only", "topics_muted"):
                for topic in getattr(member, key):
                    if topic not in known_topics:
                        raise ConfigError(
                            f"{path}: members.{index}.{key}: unknown topic {topic!r} "
                            f"(member {member.name}); known: {', '.join(sorted(known_topics))}")
    return parsed.members
