"""The one way a configuration file that does not validate is reported.

Every loader in this package turns pydantic's ValidationError into lines of the same shape,
``file: where: what is wrong; how to fix``, one per problem, so the secretariat reads one
kind of message whichever file it edited. What differs between files is only how a place
is named (``database.url`` in the TOML file, ``members[2] (A Person): address`` in a list
of people, ``topics[0].phrases[1].weight (topic 'ai')`` in the topic list) and the fixes
for the patterns and numbers a file has; the file's module passes those in.

>>> from pydantic import BaseModel, ConfigDict
>>> class Model(BaseModel):
...     model_config = ConfigDict(extra="forbid")
...     port: int
>>> try:
...     Model.model_validate({"prot": 25})
... except ValidationError as exc:
...     print(format_validation_error("smtp.toml", exc))
smtp.toml: port: required key is missing; add it
smtp.toml: prot: unknown key; remove it or check its spelling
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

# The fixes every file shares; a file adds its own (a date, an id pattern, a number range).
COMMON_FIXES: Mapping[str, str] = {
    "extra_forbidden": "unknown key; remove it or check its spelling",
    "missing": "required key is missing; add it",
}

Location = Sequence[int | str]
# Names the place of a problem from pydantic's ``loc``: "database.url", "members[0] (A): role".
Where = Callable[[Location], str]


def dotted(loc: Location) -> str:
    """``("database", "url")`` -> ``database.url``; the TOML file's way of naming a key."""
    return ".".join(str(part) for part in loc) or "(top level)"


def key_path(loc: Location) -> str:
    """``("topics", 3, "phrases", 0, "weight")`` -> ``topics[3].phrases[0].weight``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(file)"


def entry_name(data: Any, list_key: str, index: int, name_key: str) -> str | None:
    """The ``name_key`` of entry ``index`` in the file's top-level list, if it has one."""
    try:
        name = data[list_key][index].get(name_key)
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return str(name) if name else None


def by_entry(data: Any, list_key: str, name_key: str) -> Where:
    """Places in a list of entries (members, meetings, bodies), named by the entry first.

    ``("members", 2, "address")`` -> ``members[2] (A Person): address``; a problem with the
    entry as a whole is ``(entry)``, one outside the list ``(top level): key``.
    """
    def where(loc: Location) -> str:
        if len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            name = entry_name(data, list_key, loc[1], name_key)
            entry = f"{list_key}[{loc[1]}]" + (f" ({name})" if name else "")
            return f"{entry}: {'.'.join(str(part) for part in loc[2:]) or '(entry)'}"
        return f"(top level): {'.'.join(str(part) for part in loc) or '(file)'}"
    return where


def problem_message(item: Mapping[str, Any], fixes: Mapping[str, str]) -> str:
    """What is wrong and how to fix it, for one of pydantic's error items.

    A fix may name the rule's limits (``{gt:g}``) from the item's context.
    """
    kind = item["type"]
    template = fixes.get(kind, COMMON_FIXES.get(kind))
    if template is not None:
        return template.format(**item.get("ctx", {}))
    if kind == "enum":
        allowed = item.get("ctx", {}).get("expected", "")
        return f"{item.get('input')!r} is not allowed; use one of {allowed}"
    return str(item["msg"]).removeprefix("Value error, ")


def problem_lines(path: Path | str | None, error: ValidationError, *, where: Where = dotted,
                  fixes: Mapping[str, str] | None = None) -> list[str]:
    """One ``file: where: problem; fix`` line per problem (no ``file:`` when ``path`` is
    None, for a form on the website)."""
    prefix = f"{path}: " if path is not None else ""
    lines = []
    for item in error.errors():
        # pydantic reports a union or a "before" validator with an extra element
        # (e.g. "function-before[...]"); drop what is not a key or an index.
        loc = [part for part in item["loc"] if isinstance(part, int) or "[" not in part]
        lines.append(f"{prefix}{where(loc)}: {problem_message(item, fixes or {})}")
    return lines


def format_validation_error(path: Path | str | None, error: ValidationError, *,
                            where: Where = dotted,
                            fixes: Mapping[str, str] | None = None) -> str:
    """All problems of ``error`` as lines of ``file: where: problem; fix``."""
    return "\n".join(problem_lines(path, error, where=where, fixes=fixes))


__all__ = [
    "COMMON_FIXES",
    "by_entry",
    "dotted",
    "entry_name",
    "format_validation_error",
    "key_path",
    "problem_lines",
    "problem_message",
]
