from iscg_mailbot.cli import cli

cli()
