"""``config check``: every configuration file validated at once, problems listed together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from iscg_mailbot.analyse.overlap_meaning import meaning_available
from iscg_mailbot.errors import ConfigError
from iscg_mailbot.services.digest import check_member_list
from iscg_mailbot.services.meetings import check_meetings_file
from iscg_mailbot.settings.actions import ActionsConfig, actions_path, load_actions_config
from iscg_mailbot.settings.itu_products import itu_products_path, load_itu_products
from iscg_mailbot.settings.main import CONFIG_FILE_NAME, Settings
from iscg_mailbot.settings.meetings import meetings_path
from iscg_mailbot.settings.topics import check_topics_file, topics_path


@dataclass
class ConfigCheck:
    """What was checked (file -> one-line summary) and every problem found."""

    checked: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def check_configuration(settings: Settings) -> ConfigCheck:
    """Check the main file (already loaded), topics.yaml, members.yaml, actions.yaml,
    meetings.yaml and itu_products.yaml."""
    result = ConfigCheck()
    config_dir = Path(settings.config_dir)
    result.checked[str(config_dir / CONFIG_FILE_NAME)] = (
        f"{len(settings.lists)} list(s), {len(settings.mailboxes)} mailbox(es), "
        f"database {settings.database_url.split('://', 1)[0]}, "
        f"SMTP {'configured' if settings.smtp else 'not configured'}, "
        f"overlap meaning evidence {'on' if settings.overlaps.meaning else 'off'}, "
        f"near in wording {'on' if settings.overlaps.wording_on else 'off'}"
    )
    for mailbox in settings.mailboxes:
        try:
            mailbox.password()
        except ConfigError as exc:
            result.problems.append(str(exc))
    if settings.overlaps.meaning and not meaning_available():
        result.problems.append(
            f"{config_dir / CONFIG_FILE_NAME}: [overlaps] meaning is on but the wordllama "
            "package is not installed; install the lock files' packages, or set "
            "meaning = false under [overlaps]")
    topics = topics_path(config_dir)
    if topics.exists():
        problems = check_topics_file(topics)
        result.problems.extend(problems)
        result.checked[str(topics)] = "ok" if not problems else f"{len(problems)} problem(s)"
    members = check_member_list(settings)
    result.problems.extend(members.problems)
    result.checked[members.path] = (
        f"{members.members} members, {members.recipients} receive the digest"
    )
    actions = actions_path(config_dir)
    try:
        actions_config = load_actions_config(actions)
        result.checked[str(actions)] = "ok" if actions.exists() else "absent (defaults)"
        if _gate_model(actions_config, config_dir) is not None:
            result.checked[str(actions)] += ", learned gate on"
    except ConfigError as exc:
        result.problems.append(str(exc))
    summary, problems = check_meetings_file(settings)
    result.checked[str(meetings_path(config_dir))] = summary
    result.problems.extend(problems)
    _check_products(config_dir, result)
    return result


def _check_products(config_dir: Path, result: ConfigCheck) -> None:
    """itu_products.yaml: how many products, or its error (file, entry, fix)."""
    products = itu_products_path(config_dir)
    try:
        table = load_itu_products(products, missing_ok=True)
        result.checked[str(products)] = (f"{len(table.products)} product(s)"
                                         if products.exists() else "absent (none)")
    except ConfigError as exc:
        result.problems.append(str(exc))


def _gate_model(config: ActionsConfig, config_dir: Path) -> object | None:
    """The learned gate's model as the analysis will read it (ConfigError when it cannot
    be read), None when it is off."""
    path = config.gate_file(config_dir)
    if path is None:
        return None
    from iscg_mailbot.analyse.action_model import load_gate

    return load_gate(path)
