#!/usr/bin/env bash
# Fresh machine -> answer: install keyproj into .venv and run the demo on the bundled articles, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
pip_quietly() {  # the full pip log goes to a file; it is shown only if pip fails
  python -m pip "$@" >>.venv/pip-install.log 2>&1 || { tail -n 40 .venv/pip-install.log; exit 1; }
}
echo "installing (log: .venv/pip-install.log)..."
pip_quietly install --upgrade pip
pip_quietly install -e .
keyproj demo seeds/
