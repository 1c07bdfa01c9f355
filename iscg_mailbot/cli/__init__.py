"""The command line: a Click group whose commands each parse arguments, make one
service call and print. The root group (:class:`~iscg_mailbot.cli.base.MailbotGroup`)
is the single error boundary.

Each command module registers its commands on :data:`cli` when imported; the group
imports the module of the command asked for (``base.COMMAND_MODULES``), so a process
running one command does not import the others'. ``base.load_all_commands()`` imports
them all (what ``--help`` does).
"""

from __future__ import annotations

from iscg_mailbot.cli.base import cli

__all__ = ["cli"]
