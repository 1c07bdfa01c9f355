"""Every CLI command has help text and is documented in the README (as sqlite-utils does)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from iscg_mailbot.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(cli)


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_has_help_and_is_in_readme(path: tuple[str, ...], command: click.Command) -> None:
    assert command.help, f"{' '.join(path)} has no help text"
    if isinstance(command, click.Group):
        return
    assert f"iscg-mailbot {' '.join(path)}" in README, f"README does not document {' '.join(path)}"


def test_readme_opens_with_the_two_commands() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.DOTALL)
    assert "iscg-mailbot demo" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, flags=re.DOTALL)
    test_command = blocks[1].strip().splitlines()[-1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert "ISCG_REQUIRE_SERVICES=1" in ci
    shlex.split(test_command)
