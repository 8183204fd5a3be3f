#!/usr/bin/env bash
# Fresh machine -> answer: install keyproj into .venv and run the demo on the bundled articles, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q -e .
keyproj demo seeds/
