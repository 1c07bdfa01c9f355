"""An installed copy works without the checkout: the wheel carries every subpackage, the
templates, the sample archive, the migrations and the default configuration.

The Docker image installs the locked dependencies, then the project with ``pip install
--no-deps --no-build-isolation .`` (built by the locked setuptools); so would anyone who
installs a wheel. This builds the wheel, unpacks it into an empty folder and runs the demo from
there, in a folder that has no ``config/`` and no ``migrations/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from what the Dockerfile copies (a fresh tree: no stale build/)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("iscg_mailbot", "migrations", "config"):
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                            "--no-build-isolation",
                            "--wheel-dir", str(out), str(source)],
                           check=False, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    [wheel_file] = out.glob("iscg_mailbot-*.whl")
    return wheel_file


def test_the_wheel_holds_every_subpackage_and_the_shipped_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {path.relative_to(ROOT).as_posix() for path in (ROOT / "iscg_mailbot").rglob("*.py")
               if "__pycache__" not in path.parts}
    assert sources - names == set()
    shipped = {
        "iscg_mailbot/data/sample-iscg.mbox",
        "iscg_mailbot/data/action_gate.json",  # the learned gate's shipped model
        "iscg_mailbot/report/templates/digest/body.html",
        "iscg_mailbot/report/templates/digest/body.txt",
        "iscg_mailbot/report/templates/digest/subject.txt",
        "iscg_mailbot/migrations/env.py",
        "iscg_mailbot/migrations/script.py.mako",
        *(f"iscg_mailbot/migrations/versions/{path.name}"
          for path in (ROOT / "migrations" / "versions").glob("*.py")),
        *(f"iscg_mailbot/default_config/{path.name}" for path in (ROOT / "config").iterdir()
          if path.is_file()),
        *(path.relative_to(ROOT).as_posix() for folder in ("templates", "static")
          for path in (ROOT / "iscg_mailbot" / "web" / folder).iterdir()),
    }
    assert shipped - names == set()


def test_the_installed_copy_runs_the_demo_without_the_checkout(wheel: Path,
                                                              tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in {"ISCG_CONFIG", "ISCG_DATABASE_URL", "ISCG_MIGRATIONS_DIR"}}
    env["PYTHONPATH"] = str(site)

    where = subprocess.run([sys.executable, "-c", "import iscg_mailbot; print(iscg_mailbot.__file__)"],
                           cwd=workdir, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(site)  # not the checkout's package

    demo = subprocess.run([sys.executable, "-m", "iscg_mailbot", "demo"], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    assert "stored 156 messages in 46 threads" in demo.stdout
    assert "governance" in demo.stdout  # topics.yaml was found: threads are tagged
    assert (workdir / "data" / "demo.db").is_file()
