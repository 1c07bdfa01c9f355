"""Settings of the weekly digest and its delivery: ``[smtp]``, ``[digest]`` and ``[worker]``.

They hang off :class:`iscg_mailbot.settings.main.Settings` as ``smtp``, ``digest`` and
``worker`` (``Settings.require_smtp()`` raises ConfigError when no ``[smtp]`` section is
configured). Members (``config/members.yaml``) are in :mod:`iscg_mailbot.settings.members`.

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

    [worker]
    sync_minutes = 10
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.secrets import read_secret
from iscg_mailbot.settings.types import EmailAddress

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
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


_DEFAULT_SCHEDULE = "0 7 * * mon"


class DigestConfig(_Strict):
    """What the weekly digest covers, when it is sent and how it is addressed.

    Periods are consecutive blocks of ``window_days`` local days counted from
    ``period_anchor`` (a Monday by default, so weeks run Monday to Monday in
    ``timezone``). A period is identified by its key, e.g. ``2024-03-04/2024-03-11``;
    the same key is used whenever (and however often) the digest for it is attempted.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    enabled: bool = True
    schedule: str = _DEFAULT_SCHEDULE
    # Geneva's zone: IANA has no "Europe/Geneva", Switzerland is "Europe/Zurich".
    timezone: str = "Europe/Zurich"
    window_days: int = Field(default=7, ge=1, le=31)
    period_anchor: date = date(2024, 1, 1)
    empty_week: Literal["short", "skip"] = "short"
    from_address: EmailAddress | None = None
    from_name: str = "ISCG digest"
    reply_to: EmailAddress | None = None
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
        if value == _DEFAULT_SCHEDULE:
            # Known good: every command builds the default settings, and checking it
            # would import APScheduler (and asyncio) into commands that never schedule.
            return value
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


class WorkerConfig(_Strict):
    """The ``iscg-mailbot run`` worker: how often it syncs and retries, how it holds its lock."""

    sync_minutes: float = Field(default=10.0, gt=0)
    retry_minutes: float = Field(default=5.0, gt=0)
    misfire_grace_hours: float = Field(default=72.0, gt=0)
    lock_lease_seconds: float = Field(default=120.0, ge=5)
    analyse_after_sync: bool = True


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
