#!/usr/bin/env bash
# One command: create .venv, install eventcoder with everything it needs from the
# package registries, and code the bundled example article.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
.venv/bin/eventcoder code examples/readout-georgia-osce.txt --published 2024-03-15 --format table
