#!/usr/bin/env bash
# Fresh machine -> answer: install keyproj into .venv and run the demo on the bundled articles, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
pip_quietly install -e .
keyproj demo seeds/
