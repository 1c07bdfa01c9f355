#!/usr/bin/env bash
# Refresh the committed lock files from pyproject.toml's ranges (needs uv: pip install uv).
#   tools/lock.sh                    # keep every pinned version that still fits, add what is new
#   tools/lock.sh --upgrade          # move everything to the newest versions the ranges allow
#   tools/lock.sh --upgrade-package click
# Then run the README's test command on the new lock before committing it.
# app.txt (the README's install, the Docker image) includes the postgres extra, dev.txt
# everything (its dev extra pulls in postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--universal --python-version 3.11 --generate-hashes --quiet "$@")
uv pip compile pyproject.toml requirements/build.in --extra postgres "${common[@]}" -o requirements/app.txt
uv pip compile pyproject.toml requirements/build.in --extra dev "${common[@]}" -o requirements/dev.txt
