"""Shared fixtures. Outbound network is blocked for every test (pytest-socket, loopback allowed:
see addopts in pyproject.toml), so a hidden download fails loudly."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "2020-blockchain-key-projects-7-provinces.txt"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture
def settings(tmp_path):
    from extractor.settings import Settings

    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def store(settings):
    from extractor.store import Store

    s = Store.open(settings)
    yield s
    s.close()


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """Terminate a server a test started, killing it if it does not exit in time."""
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
