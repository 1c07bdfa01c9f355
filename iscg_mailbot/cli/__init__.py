"""The command line: a Click group whose commands each parse arguments, make one
service call and print. The root group (:class:`~iscg_mailbot.cli.base.MailbotGroup`)
is the single error boundary."""

from __future__ import annotations

from iscg_mailbot.cli.base import cli

# Command modules register themselves on import (keep this list sorted).
from iscg_mailbot.cli import actions  # noqa: E402,F401
from iscg_mailbot.cli import config  # noqa: E402,F401
from iscg_mailbot.cli import digest  # noqa: E402,F401
from iscg_mailbot.cli import ingest  # noqa: E402,F401
from iscg_mailbot.cli import topics  # noqa: E402,F401
from iscg_mailbot.cli import worker  # noqa: E402,F401

__all__ = ["cli"]
