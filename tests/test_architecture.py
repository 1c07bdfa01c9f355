"""The code's own rules hold: its layering, its types and its lint.

Data flows one way, source -> parse -> thread -> store -> analyse -> report -> deliver;
the CLI and the worker reach the stages only through ``services``; analyse and deliver
never touch the database. ``lint-imports`` checks this on the real import graph (the
import-linter contracts in pyproject.toml). ``mypy`` (strict) and ``ruff`` run with the
settings of pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` of this Python, on the package found first from ``cwd``."""
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
         "--no-cache", *args],
        check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_every_import_contract_is_kept() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"]
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(contracts)} kept, 0 broken." in result.stdout
    assert len(contracts) >= 4


def test_a_shell_reaching_past_the_services_breaks_a_contract(tmp_path: Path) -> None:
    """The contracts can fail: a copy of the package whose CLI imports the store is caught."""
    package = tmp_path / "iscg_mailbot"
    shutil.copytree(ROOT / "iscg_mailbot", package, ignore=shutil.ignore_patterns("__pycache__"))
    (package / "cli" / "shortcut.py").write_text(
        "from iscg_mailbot.store.database import upgrade  # noqa: F401\n", encoding="utf-8")
    config = tmp_path / "contracts.toml"
    config.write_text((ROOT / "pyproject.toml").read_text(), encoding="utf-8")
    result = lint_imports(str(config), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "iscg_mailbot.cli.shortcut -> iscg_mailbot.store.database" in result.stdout


@pytest.mark.slow
def test_the_package_type_checks_under_mypy_strict() -> None:
    """``mypy`` with the settings of pyproject.toml (``strict = true``) finds nothing."""
    result = subprocess.run([sys.executable, "-m", "mypy", "iscg_mailbot"], check=False,
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found")


def test_ruff_finds_nothing() -> None:
    """``ruff check`` with the rules of pyproject.toml, on the code, tests, benchmarks and
    migrations."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "iscg_mailbot", "tests", "bench", "migrations"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 50


def _sizes() -> tuple[list[str], list[str]]:
    """Modules over MAX_MODULE_LINES lines and functions over MAX_FUNCTION_LINES lines."""
    import ast

    long_modules, long_functions = [], []
    for path in sorted((ROOT / "iscg_mailbot").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if text.count("\n") > MAX_MODULE_LINES:
            long_modules.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    return long_modules, long_functions


def test_modules_and_functions_stay_small() -> None:
    """A module reads in one sitting, a function on one screen: split by job when one grows."""
    long_modules, long_functions = _sizes()
    assert not long_modules, f"split these modules by job: {long_modules}"
    assert not long_functions, f"split these functions: {long_functions}"
