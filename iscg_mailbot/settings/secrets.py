"""Reading secrets (IMAP/SMTP passwords) from the environment or a secret file."""

from __future__ import annotations

import os
from pathlib import Path

from iscg_mailbot.errors import ConfigError


def read_secret(env_name: str | None, file_name: str | None, what: str) -> str:
    """Return a secret from the named environment variable or file, or raise ConfigError."""
    if env_name and os.environ.get(env_name):
        return os.environ[env_name]
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{what}: cannot read password_file {file_name}: {exc.strerror}") from None
    raise ConfigError(
        f"{what}: no password; set the environment variable "
        f"{env_name or '(password_env)'} or point password_file at a secret file"
    )
