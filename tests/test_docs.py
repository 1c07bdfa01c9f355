"""The docs hold together: every CLI command has help text and is listed in the README and
described in docs/ (as sqlite-utils checks its docs); the README opens with the two commands
CI runs; every relative link and #anchor in the README and docs/ leads somewhere."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from iscg_mailbot.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))
DOCS_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    # Through Click's interface: the root group imports each command's module when asked.
    ctx = click.Context(group)
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
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
    name = f"iscg-mailbot {' '.join(path)}"
    assert name in README, f"README's command list does not name {name}"
    assert name in DOCS_TEXT, f"no page of docs/ describes {name}"


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


def test_readme_is_a_newcomers_page() -> None:
    """The details live in docs/; the README stays short enough to read in one go."""
    assert 8_000 <= len(README.encode()) <= 16_000
    for page in ("members", "chair", "secretariat", "operations", "architecture",
                 "reliability", "performance"):
        assert f"docs/{page}.md" in README, f"README does not link docs/{page}.md"


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    without_code = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", without_code, flags=re.MULTILINE)}


@pytest.mark.parametrize("page", [ROOT / "README.md", *DOCS, ROOT / "eval" / "README.md"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_anchors_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", re.sub(r"```.*?```", "", text, flags=re.DOTALL)):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked here
        path_part, _, anchor = target.partition("#")
        linked = (page.parent / path_part).resolve() if path_part else page
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(
                linked.read_text(encoding="utf-8")):
            broken.append(f"{target}: no such heading")
    assert not broken, f"{page.name}: " + "; ".join(broken)


def test_no_reference_to_working_notes() -> None:
    """Working notes are not shipped; nothing may send a reader to them."""
    sources = [*ROOT.glob("iscg_mailbot/**/*.py"), *ROOT.glob("tests/**/*.py"),
               *ROOT.glob("tests/data/*.yaml"), ROOT / "README.md", *DOCS]
    here = Path(__file__).resolve()
    assert [str(p.relative_to(ROOT)) for p in sources
            if p.resolve() != here and ".notes/" in p.read_text(encoding="utf-8")] == []


def test_every_scoring_key_of_the_topic_list_is_documented() -> None:
    """The secretariat edits config/topics.yaml from docs/secretariat.md: each key of its
    ``scoring:`` section is named there."""
    from iscg_mailbot.settings.topics import Scoring

    page = (ROOT / "docs" / "secretariat.md").read_text(encoding="utf-8")
    assert [key for key in Scoring.model_fields if key not in page] == []


def test_every_convention_is_in_the_secretariats_page_and_its_calibrate_example() -> None:
    """docs/secretariat.md shows each key of the list's conventions (config/actions.yaml)
    in its table and in the ``actions calibrate`` output it quotes, as the command prints
    them: every key, in order, on the "reads differently" line and in the lines to paste."""
    from dataclasses import fields

    from iscg_mailbot.conventions import Conventions

    keys = [f.name for f in fields(Conventions)]
    page = (ROOT / "docs" / "secretariat.md").read_text(encoding="utf-8")
    assert [key for key in keys if f"| `{key}` |" not in page] == []
    differently = re.search(r"^items of the sample another value reads differently: (.*)$",
                            page, re.MULTILINE)
    assert differently is not None
    assert [part.split(" ")[0] for part in differently.group(1).split(", ")] == keys
    paste = page.split("to paste into config/actions.yaml:\n", 1)[1].split("```", 1)[0]
    assert [line.strip().split(":")[0] for line in paste.splitlines()] == keys
