"""Settings of the website (``[web]`` in ``iscg-mailbot.toml``).

Example::

    [web]
    base_url = "https://iscg.example.org"   # where sign-in links point; never taken from a request
    secure_cookies = true                   # false only for http://127.0.0.1 while testing
    secret_env = "ISCG_WEB_SECRET"          # signs sessions and sign-in links
    session_hours = 12
    links_per_address = 3                   # sign-in links per address per 15 minutes
    links_per_client = 10                   # sign-in links per client (IP) per 15 minutes
    subscribe_address = "int-sect-team-subscribe@lists.itu.int"   # shown on About

The secret comes from the environment variable named by ``secret_env`` or from
``secret_file``; without either, :meth:`WebConfig.secret` returns None and the server
makes a random one (sessions and links then end when it restarts).
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field, field_validator

from iscg_mailbot.settings.secrets import read_secret

# A sign-in link is good for this long, once (the rule, not a setting).
LINK_MINUTES = 15


class WebConfig(BaseModel):
    """The ``[web]`` section; every key has a default fit for a local trial."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = None
    secure_cookies: bool = True
    secret_env: str = "ISCG_WEB_SECRET"
    secret_file: str | None = None
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    links_per_address: int = Field(default=3, ge=1, le=100)
    links_per_client: int = Field(default=10, ge=1, le=1000)
    # Shown on the public About page: how to join the list (an address or a URL).
    subscribe_address: str | None = None
    # Keep rendered lists, threads, items and search results until the data changes
    # (web/cache.py); off only to measure what a page costs to build.
    keep_pages: bool = True

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("https://", "http://")):
            raise ValueError("must start with https:// (or http:// for a local trial), "
                             "e.g. 'https://iscg.example.org'")
        return value.rstrip("/")

    def secret(self) -> str | None:
        """The signing secret from ``secret_env`` or ``secret_file``, or None when neither is set."""
        if self.secret_file is None and not os.environ.get(self.secret_env):
            return None
        return read_secret(self.secret_env, self.secret_file, "the website's signing secret")
