"""``config check``: validate every configuration file."""

from __future__ import annotations

import click

from iscg_mailbot.cli.base import CliState, cli, pass_state
from iscg_mailbot.errors import ConfigError


@cli.group("config")
def config_group() -> None:
    """Configuration files (config/)."""


@config_group.command("check")
@pass_state
def config_check(state: CliState) -> None:
    """Validate iscg-mailbot.toml, topics.yaml, members.yaml, actions.yaml and meetings.yaml."""
    from iscg_mailbot.services.configcheck import check_configuration

    result = check_configuration(state.settings)
    for path, summary in result.checked.items():
        click.echo(f"{path}: {summary}")
    if result.problems:
        raise ConfigError("\n".join(result.problems))
