"""Configuration: one TOML file validated on load, secrets from the environment.

``load_settings(path)`` returns :class:`Settings` or raises :class:`ConfigError`
whose message names the file, the key and how to fix it.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, model_validator

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.delivery import DigestConfig, SmtpConfig, WorkerConfig
from iscg_mailbot.settings.reminders import RemindersConfig
from iscg_mailbot.settings.secrets import read_secret
from iscg_mailbot.settings.types import EmailAddress
from iscg_mailbot.settings.validation import format_validation_error
from iscg_mailbot.settings.web import WebConfig

DEFAULT_CONFIG_DIR = Path("config")
# The default configuration: the copy installed with the package (a wheel), else the
# checkout's config/ (an editable install).
_INSTALLED_CONFIG_DIR = Path(__file__).resolve().parents[1] / "default_config"
SHIPPED_CONFIG_DIR = (_INSTALLED_CONFIG_DIR if _INSTALLED_CONFIG_DIR.is_dir()
                      else Path(__file__).resolve().parents[2] / "config")
CONFIG_FILE_NAME = "iscg-mailbot.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatabaseConfig(_Strict):
    """``url`` is an SQLAlchemy URL; ISCG_DATABASE_URL overrides it."""

    url: str | None = None


class ListConfig(_Strict):
    """A mailing list the deployment follows."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    address: EmailAddress
    name: str = ""
    archive_url: str | None = None


DEFAULT_LIST = ListConfig(
    id="int-sect-team", address="int-sect-team@lists.itu.int", name="ITU Inter-Sector Coordination Group"
)


class MailboxConfig(_Strict):
    """An IMAP folder to sync into a list. The password comes from ``password_env`` or
    ``password_file``, never from this file."""

    name: str = Field(pattern=r"^[A-Za-z0-9._-]+$")
    list: str
    host: str
    port: int | None = None
    security: Literal["ssl", "starttls", "plain"] = "ssl"
    verify_certificate: bool = True
    ca_file: str | None = None
    username: str
    password_env: str | None = None
    password_file: str | None = None
    folder: str = "INBOX"
    batch_size: int = Field(default=500, ge=1, le=5000)
    timeout_seconds: float = Field(default=60.0, gt=0)
    max_reconnects: int = Field(default=5, ge=0)

    @model_validator(mode="after")
    def _plain_only_on_loopback(self) -> MailboxConfig:
        if self.host in {"127.0.0.1", "localhost", "::1"}:
            return self
        if self.security == "plain":
            raise ValueError(
                "security = 'plain' sends the password unencrypted; it is allowed only for "
                "127.0.0.1/localhost. Use 'ssl' or 'starttls'"
            )
        if not self.verify_certificate:
            # Without the check anyone on the path can pose as the server and read the
            # password; a server with its own CA is what ca_file is for.
            raise ValueError(
                "verify_certificate = false is allowed only for 127.0.0.1/localhost; "
                "for a private CA set ca_file instead"
            )
        return self

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 993 if self.security == "ssl" else 143

    def password(self) -> str:
        """Read the password from the environment or the secret file."""
        return read_secret(self.password_env, self.password_file, f"mailbox {self.name!r}")


class OverlapsConfig(_Strict):
    """``[overlaps]``: the duplication watch. ``meaning``: the paraphrase evidence (each
    thread among the other's nearest in meaning, analyse/overlap_meaning.py; needs the
    ``wordllama`` package). Off: analysis embeds nothing (~1 s and ~100 MB less per
    analysing process; the analysis workers share one model, loaded before they fork)
    and the watch flags on wording alone. ``near_in_wording``: one more paraphrase rule
    of that evidence (two headlines naming work, each among the other's nearest by
    their openings' meaning and near in wording relative to the threads around;
    analyse/overlap_wording.py): more overlaps found, a few more false flags
    (docs/duties.md). Without ``meaning`` it is off; set true, it asks for ``meaning``."""

    meaning: bool = True
    near_in_wording: StrictBool = True

    @model_validator(mode="after")
    def _wording_needs_meaning(self) -> OverlapsConfig:
        # Only when set: meaning = false alone turns both off.
        if "near_in_wording" in self.model_fields_set and self.near_in_wording \
                and not self.meaning:
            raise ValueError("near_in_wording = true ranks threads by their meaning, which "
                             "meaning = false turns off; set meaning = true or "
                             "near_in_wording = false")
        return self

    @property
    def wording_on(self) -> bool:
        """Whether the near-in-wording rule runs (it needs the meaning evidence)."""
        return self.meaning and self.near_in_wording


class Settings(_Strict):
    """Everything read from ``iscg-mailbot.toml``."""

    database: DatabaseConfig = DatabaseConfig()
    data_dir: str = "data"
    lists: tuple[ListConfig, ...] = (DEFAULT_LIST,)
    mailboxes: tuple[MailboxConfig, ...] = ()
    config_dir: str = "config"
    # Messages larger than this are quarantined unparsed (bounded memory per message).
    max_message_bytes: int = Field(default=25_000_000, ge=100_000)
    # Characters of one message that analysis (topics, action items) reads: a pasted
    # 1 MB log must not stop analysis. The whole message stays stored and searchable.
    analysis_max_chars: int = Field(default=100_000, ge=1_000, le=900_000)
    # Worker processes that parse large syncs and imports; 0 = one per CPU (at most 4),
    # 1 = parse in the main process.
    parse_processes: int = Field(default=0, ge=0, le=64)
    smtp: SmtpConfig | None = None
    digest: DigestConfig = DigestConfig()
    worker: WorkerConfig = WorkerConfig()
    reminders: RemindersConfig = RemindersConfig()
    web: WebConfig = WebConfig()
    overlaps: OverlapsConfig = OverlapsConfig()

    @model_validator(mode="after")
    def _mailboxes_name_known_lists(self) -> Settings:
        known = {lst.id for lst in self.lists}
        for mailbox in self.mailboxes:
            if mailbox.list not in known:
                raise ValueError(
                    f"mailbox {mailbox.name!r} names list {mailbox.list!r}, which is not "
                    f"defined; add a [[lists]] entry with id = {mailbox.list!r}"
                )
        return self

    @property
    def database_url(self) -> str:
        """ISCG_DATABASE_URL, else the configured URL, else a SQLite file in data_dir."""
        env = os.environ.get("ISCG_DATABASE_URL")
        if env:
            return env
        if self.database.url:
            return self.database.url
        return f"sqlite:///{Path(self.data_dir) / 'iscg-mailbot.db'}"

    @property
    def parse_processes_effective(self) -> int:
        """``parse_processes``, with 0 (automatic) resolved to the machine's CPUs."""
        if self.parse_processes:
            return self.parse_processes
        return min(os.cpu_count() or 1, 4)

    def require_smtp(self) -> SmtpConfig:
        """The ``[smtp]`` section, or a ConfigError saying how to add it."""
        if self.smtp is None:
            raise ConfigError("no [smtp] section in the configuration; add one with host, "
                              "security, username and password_env to send digests")
        return self.smtp

    def list_by_id(self, list_id: str) -> ListConfig:
        for lst in self.lists:
            if lst.id == list_id:
                return lst
        raise ConfigError(f"no list {list_id!r} in the configuration; known: "
                          f"{', '.join(x.id for x in self.lists) or 'none'}")


def load_settings(path: Path | str | None = None) -> Settings:
    """Load and validate the main configuration file.

    ``path`` may be the file or the config directory; None means ISCG_CONFIG, then
    ``config/iscg-mailbot.toml``. A missing default file gives the built-in defaults
    (SQLite in ``data/``, no mailboxes).
    """
    explicit = path is not None or bool(os.environ.get("ISCG_CONFIG"))
    candidate = Path(path or os.environ.get("ISCG_CONFIG") or DEFAULT_CONFIG_DIR)
    if not explicit and not candidate.exists() and SHIPPED_CONFIG_DIR.is_dir():
        # Outside the project folder, fall back on the shipped config/ (topics,
        # members, actions), keeping data/ in the current folder.
        return Settings(config_dir=str(SHIPPED_CONFIG_DIR))
    file = candidate / CONFIG_FILE_NAME if candidate.is_dir() or not candidate.suffix else candidate
    if not file.exists():
        if explicit:
            raise ConfigError(f"{file}: configuration file not found; create it or fix --config")
        return Settings(config_dir=str(candidate))
    try:
        data: dict[str, Any] = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from None
    data.setdefault("config_dir", str(file.parent))
    base = file.parent
    if "data_dir" in data and not Path(data["data_dir"]).is_absolute():
        data["data_dir"] = str((base.parent if base.name == "config" else base) / data["data_dir"])
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(file, exc)) from None
