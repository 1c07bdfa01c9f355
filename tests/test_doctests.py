"""Every docstring example of the package runs, as one test per docstring.

The examples are the public API's documentation (house rule 9): one that no longer
runs misleads. Examples that need a database or a server say ``# doctest: +SKIP``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import iscg_mailbot

ROOT = Path(__file__).resolve().parents[1]

# Packages outside iscg_mailbot's own code: Alembic's scripts and the default config.
_NOT_CODE = ("iscg_mailbot.migrations", "iscg_mailbot.default_config")


def _modules() -> list[str]:
    names = [iscg_mailbot.__name__]
    for info in pkgutil.walk_packages(iscg_mailbot.__path__, prefix="iscg_mailbot."):
        if not info.name.startswith(_NOT_CODE) and info.name != "iscg_mailbot.__main__":
            names.append(info.name)
    return sorted(names)


def _examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    found: list[doctest.DocTest] = []
    for name in _modules():
        module = importlib.import_module(name)
        found += [test for test in finder.find(module) if test.examples]
    return sorted(found, key=lambda test: test.name)


EXAMPLES = _examples()


def test_the_package_has_examples_in_many_modules() -> None:
    """A guard against the finder silently finding nothing (as when only a handful of
    modules were collected)."""
    modules = {test.name.rsplit(".", 1)[0] for test in EXAMPLES}
    assert len(EXAMPLES) >= 60 and len(modules) >= 20, (len(EXAMPLES), sorted(modules))


@pytest.mark.parametrize("example", EXAMPLES, ids=[test.name for test in EXAMPLES])
def test_docstring_example(example: doctest.DocTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name config/... as a user in the checkout would
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []

    def report(text: str) -> None:
        failures.append(text)

    result = runner.run(example, out=report, clear_globs=True)
    assert result.failed == 0, "".join(failures)
