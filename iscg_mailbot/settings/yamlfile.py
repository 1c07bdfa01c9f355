"""Reading the secretariat's YAML files (topics, members, actions) with errors that name
the file, the line and the problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iscg_mailbot.errors import ConfigError
from iscg_mailbot.settings.yaml_cache import keep_parse, kept_parse

# PyYAML is imported only when a file must be parsed: what an unchanged file parsed to
# is kept (settings/yaml_cache.py), and importing PyYAML costs a query ~8 ms.


def read_yaml_mapping(
    path: Path, what: str, expected: str, shipped: str
) -> dict[str, Any] | None:
    """The top-level mapping of a YAML file, None for an empty file.

    ``what`` names the file for people ("topic list"); ``expected`` says what the top level
    should hold ("a 'topics:' list"); ``shipped`` the example file in the distribution's
    ``config/`` folder ("topics.yaml"). Raises ConfigError for a missing, unreadable, invalid
    or wrongly shaped file.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: {what} not found; create it (see config/{shipped} in the "
            "distribution) or fix --config"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what}: {exc.strerror}") from None
    kept = kept_parse(path, text)
    if kept is not None:
        return kept
    data = _parse(path, text)
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with {expected} at the top level")
    keep_parse(path, text, data)
    return data


def _parse(path: Path, text: str) -> Any:
    """What PyYAML makes of ``text``; ConfigError naming the line of a syntax error."""
    import yaml

    # libyaml's parser when PyYAML was built with it: the pure-Python one took ~45 ms
    # for the shipped topics.yaml, on every `threads show` and `topics explain`.
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: not valid YAML{where}: {problem}") from None
