#!/usr/bin/env bash
# One command: create .venv, install eventcoder with everything it needs from the
# package registries (Python packages from PyPI, the web UI's browser packages from npm),
# and code the bundled example article.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup.sh: npm (Node.js 18 or newer) is needed to install the web UI's packages (d3, topojson-client," >&2
  echo "world-atlas, swagger-ui-dist); install Node.js and npm, e.g. 'apt-get install nodejs npm', then run again." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
# The web UI's browser packages, exactly as package-lock.json pins them (none needs an install script).
npm ci --prefix src/eventcoder/web --no-audit --no-fund --ignore-scripts
.venv/bin/eventcoder code examples/readout-georgia-osce.txt --published 2024-03-15 --format table
