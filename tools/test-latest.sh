#!/usr/bin/env bash
# Early warning, not a gate: run the test suite against the NEWEST releases that
# pyproject.toml's ranges allow (not the lock), in a throw-away virtualenv, so that a
# dependency release that would break us is seen before the lock is refreshed.
#   tools/test-latest.sh [pytest args...]
# Exit status: the tests' own; nothing in the checkout changes.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
python3 -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q --upgrade -e '.[dev]'
# What differs from the lock, so a failure can be traced to a release:
"$venv/bin/python" - <<'PY'
import re
from importlib.metadata import distributions
norm = lambda name: re.sub(r"[-_.]+", "-", name).lower()
locked: dict[str, set[str]] = {}
for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==([^ ;\\]+)", open("requirements/dev.txt").read(), re.M):
    locked.setdefault(norm(name), set()).add(version)
newer = sorted(f"{norm(d.metadata['Name'])} {'/'.join(sorted(locked[norm(d.metadata['Name'])]))} -> {d.version}"
               for d in distributions()
               if norm(d.metadata["Name"]) in locked and d.version not in locked[norm(d.metadata["Name"])])
print("newer than the lock:", *newer, sep="\n  ") if newer else print("same versions as the lock")
PY
"$venv/bin/python" -m pytest -q -n auto "$@"
