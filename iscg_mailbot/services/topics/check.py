"""``topics check``: every problem of the topic list and of the ITU-structure table."""

from __future__ import annotations

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.app import App
from iscg_mailbot.services.topics.loading import load_config
from iscg_mailbot.settings.itu_bodies import check_itu_bodies
from iscg_mailbot.settings.topics import check_topics_file


def check(app: App) -> list[str]:
    """Every problem of the topic list file (schema errors included) and of the
    ITU-structure table beside it, for ``topics check``."""
    problems = check_topics_file(app.config.topics_path)
    try:
        ids = set(load_config(app).ids())
    except ConfigError:
        return problems
    return problems + check_itu_bodies(app.config.itu_bodies_path, ids)
