"""The command line: a Click group whose commands each parse arguments, make one
service call and print. The root group (:class:`~iscg_mailbot.cli.base.MailbotGroup`)
is the single error boundary."""

from __future__ import annotations

# Command modules register themselves on import (keep this list sorted).
from iscg_mailbot.cli import (
    actions,  # noqa: F401
    calendar,  # noqa: F401
    config,  # noqa: F401
    digest,  # noqa: F401
    ingest,  # noqa: F401
    meetings,  # noqa: F401
    overlaps,  # noqa: F401
    reminders,  # noqa: F401
    report,  # noqa: F401
    topics,  # noqa: F401
    web,  # noqa: F401
    worker,  # noqa: F401
)
from iscg_mailbot.cli.base import cli

__all__ = ["cli"]
