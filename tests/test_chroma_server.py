"""The retrieval tests against a real Chroma server: `chroma run` on 127.0.0.1, reached through
KEYPROJ_CHROMA_HOST / KEYPROJ_CHROMA_PORT, so the same code takes the HttpClient path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from extractor.settings import Settings
from tests.conftest import stop_process
from tests.llm_fixtures import free_port
from tests.test_index import check_retrieval, small_store

pytestmark = [pytest.mark.chroma_server, pytest.mark.slow]


def _chroma_cli() -> str:
    beside_python = Path(sys.executable).with_name("chroma")
    found = str(beside_python) if beside_python.exists() else shutil.which("chroma")
    if not found:
        pytest.skip("the chroma CLI is not installed")
    return found


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen([_chroma_cli(), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma run did not start: {(tmp_path / 'chroma.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield port
    finally:
        stop_process(proc)
        log.close()


def test_retrieval_through_a_chroma_server(chroma_server, tmp_path, monkeypatch):
    monkeypatch.setenv("KEYPROJ_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("KEYPROJ_CHROMA_PORT", str(chroma_server))
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.chroma_host == "127.0.0.1" and settings.chroma_port == chroma_server
    store = small_store(settings)
    check_retrieval(store, settings)
    assert not settings.chroma_path.exists()  # the vectors went to the server, not to disk
