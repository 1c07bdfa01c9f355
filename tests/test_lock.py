"""The install is locked: the lock files cover pyproject.toml's ranges with hashes, and every
way of installing (the README's commands, .ci/run, the Dockerfile) uses them."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# A pin: "name==version ; marker \" on its own line, hashes on the lines that follow.
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+?)(?:\s*;\s*(.+?))?\s*\\?$", re.MULTILINE)


def _pins(lock: str) -> dict[str, list[tuple[str, str | None]]]:
    pins: dict[str, list[tuple[str, str | None]]] = {}
    for name, pinned, marker in PIN.findall((ROOT / "requirements" / lock).read_text()):
        pins.setdefault(canonicalize_name(name.split("[")[0]), []).append((pinned, marker or None))
    return pins


def _pinned_here(pins: dict[str, list[tuple[str, str | None]]], name: str) -> str | None:
    """The version the lock gives this interpreter (markers evaluated), or None."""
    from packaging.markers import Marker

    for pinned, marker in pins.get(canonicalize_name(name), []):
        if marker is None or Marker(marker).evaluate(dict(default_environment())):
            return pinned
    return None


def _with_extras(*extras: str) -> list[str]:
    """The dependencies plus those of ``extras``; an extra naming iscg-mailbot itself
    (``iscg-mailbot[postgres]`` in dev) stands for that extra's requirements."""
    optional = PYPROJECT["project"]["optional-dependencies"]
    own = canonicalize_name(PYPROJECT["project"]["name"])
    requirements = list(PYPROJECT["project"]["dependencies"])
    pending = list(extras)
    while pending:
        for text in optional[pending.pop()]:
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) == own:
                pending += sorted(requirement.extras)
            else:
                requirements.append(text)
    return requirements


# app.txt is what the README installs and the Docker image runs: with the PostgreSQL driver.
@pytest.mark.parametrize("lock,requirements", [
    ("app.txt", _with_extras("postgres")),
    ("dev.txt", _with_extras("dev")),
])
def test_every_dependency_is_pinned_within_its_range(lock: str, requirements: list[str]) -> None:
    pins = _pins(lock)
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        pinned = _pinned_here(pins, requirement.name)
        if pinned is None:
            problems.append(f"{requirement.name} is not in requirements/{lock}")
        elif not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(f"{requirement.name}=={pinned} is outside {requirement.specifier}")
    assert not problems, "; ".join(problems) + " (refresh the lock: tools/lock.sh)"


@pytest.mark.parametrize("lock", ["app.txt", "dev.txt"])
def test_every_pin_carries_hashes(lock: str) -> None:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [e.split()[0] for e in entries if "==" in e and "--hash=sha256:" not in e]
    assert unhashed == []


def test_the_major_dependencies_have_an_upper_bound() -> None:
    """What the code depends on in detail cannot move to a new major version by itself."""
    bounded = {canonicalize_name(Requirement(r).name): Requirement(r).specifier
               for r in PYPROJECT["project"]["dependencies"]}
    for name in ("click", "sqlalchemy", "spacy", "apscheduler", "pydantic", "imapclient",
                 "mail-parser", "alembic"):
        assert any(spec.operator == "<" for spec in bounded[name]), name


def test_the_tests_run_on_the_locked_versions() -> None:
    """The environment running this suite was installed from requirements/dev.txt."""
    pins = _pins("dev.txt")
    for name in ("click", "sqlalchemy", "spacy", "pydantic", "apscheduler"):
        assert version(name) == _pinned_here(pins, name), name


def test_every_install_path_uses_the_lock() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, flags=re.DOTALL)
    assert "pip install -r requirements/app.txt" in blocks[0]
    assert "pip install -r requirements/dev.txt" in blocks[1]
    assert "--no-deps" in blocks[0] and "--no-deps" in blocks[1]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/app.txt" in dockerfile
    assert re.search(r"pip install [^\n]*--no-deps[^\n]* \.", dockerfile)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -r requirements/dev.txt" in ci
