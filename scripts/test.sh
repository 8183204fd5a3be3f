#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine, then runs the whole suite:
# unit tests, the real Chroma server test, the real llama.cpp server test and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's chromium for Playwright (no browser download) and a CJK font so Chinese renders.
if ! [ -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wqy; then
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi

. scripts/venv.sh
# llama-cpp-python compiles from source; these flags avoid the AMX/native build that crashes with
# SIGILL on these Xeons (see ../shared/notes/offline-deps.md). pip caches the built wheel.
export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
pip_quietly install -e ".[dev,local]"

export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
python -m pytest --timeout=900 "$@"
