"""Batches through the LLM engine: resume after a crash, cache, concurrency bound, secrets, hybrid."""

from __future__ import annotations

import json
import logging

import diskcache
import pytest

from extractor.errors import LLMError
from tests.fake_openai_server import FakeOpenAI, Reply
from tests.llm_fixtures import API_KEY, ARTICLE, answer, assert_grounded, calls, free_port, llm_settings, run

_PLACES = ["Ganzhou", "Jiujiang", "Shangrao", "Yichun", "Ji'an", "Pingxiang"]


def _corpus() -> dict[str, str]:
    """Six short articles; with 40-token chunks most of them span several chunks."""
    texts = {}
    for i, place in enumerate(_PLACES):
        body = " ".join(f"Officials in {place} said phase {k} of work item {i}-{k} would start soon and "
                        f"employ about {100 + 10 * k} people." for k in range(4))
        texts[f"{i}-{place}.txt"] = f"{place} report {i} on new industrial works\n\n{body}\n"
    return texts


def _snapshot(store) -> list[str]:
    return sorted(json.dumps(p.contract(), sort_keys=True) for p in store.records())


@pytest.fixture
def reference(tmp_path):
    """The records an uninterrupted run produces."""
    with FakeOpenAI() as fake:
        store, report = run(llm_settings(tmp_path / "ref", fake.url, chunk_tokens=40, chunk_overlap=8), _corpus())
    assert report.processed == len(_PLACES) and store.count("records") > len(_PLACES)
    return _snapshot(store), store.count("doc_records"), len(fake.requests)


def test_a_batch_cut_by_a_server_crash_resumes_without_losing_or_duplicating(tmp_path, reference):
    records, doc_records, total_calls = reference
    settings = dict(chunk_tokens=40, chunk_overlap=8, llm_concurrency=2, llm_http_retries=0)
    with FakeOpenAI(die_after=7) as dying:
        with pytest.raises(LLMError, match="cannot reach"):
            run(llm_settings(tmp_path, dying.url, **settings), _corpus())
    with diskcache.Cache(str(tmp_path / "data" / "cache" / "llm")) as cache:
        cached = len(cache)
    assert 7 - settings["llm_concurrency"] <= cached <= 7  # answers still in flight at the crash are lost
    with FakeOpenAI() as healthy:
        store, report = run(llm_settings(tmp_path, healthy.url, **settings), {})
    assert 0 < report.skipped < len(_PLACES)  # whole documents were saved before the crash
    assert report.skipped + report.processed == len(_PLACES)
    assert len(healthy.requests) == total_calls - cached  # answered chunks came from the cache
    assert _snapshot(store) == records and store.count("doc_records") == doc_records
    assert_grounded(store)


def test_a_batch_interrupted_by_the_user_resumes(tmp_path, reference):
    records, doc_records, _ = reference
    seen = []

    def stop_after_two(doc):
        seen.append(doc)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with FakeOpenAI() as fake:
        settings = llm_settings(tmp_path, fake.url, chunk_tokens=40, chunk_overlap=8)
        with pytest.raises(KeyboardInterrupt):
            run(settings, _corpus(), progress=stop_after_two)
        store, report = run(settings, {})
    assert report.skipped == 2 and report.processed == len(_PLACES) - 2
    assert _snapshot(store) == records and store.count("doc_records") == doc_records


def test_an_unchanged_corpus_costs_no_calls_the_second_time(tmp_path):
    with FakeOpenAI() as fake:
        settings = llm_settings(tmp_path, fake.url, chunk_tokens=40, chunk_overlap=8)
        store, first = run(settings, _corpus())
        asked = len(fake.requests)
        again = run(settings, {}, force=True)[1]
        assert len(fake.requests) == asked and store.llm_usage(again.run_id)["llm_calls"] == 0
        assert store.llm_usage(first.run_id)["llm_calls"] == asked
        other_model = run(llm_settings(tmp_path, fake.url, chunk_tokens=40, chunk_overlap=8,
                                       llm_model="another-model"), {}, force=True)[1]
    assert len(fake.requests) == 2 * asked and other_model.processed == len(_PLACES)


def test_requests_in_flight_never_exceed_the_bound(tmp_path):
    with FakeOpenAI(delay=0.1) as fake:
        run(llm_settings(tmp_path, fake.url, llm_concurrency=3, chunk_tokens=40, chunk_overlap=8), _corpus())
    assert fake.max_in_flight == 3


def test_the_api_key_reaches_the_endpoint_but_never_disk_or_logs(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with FakeOpenAI([Reply(answer(name="Invented Project"))]) as fake:
        settings = llm_settings(tmp_path, fake.url)
        store, _ = run(settings, {"a.txt": ARTICLE})
    assert {k.lower(): v for k, v in fake.headers[0].items()}["authorization"] == f"Bearer {API_KEY}"
    with pytest.raises(LLMError) as down:
        run(llm_settings(tmp_path, f"http://127.0.0.1:{free_port()}/v1", llm_model="uncached"), {}, force=True)
    store.close()
    secret = API_KEY.encode()
    written = [p for p in settings.data_dir.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert written == []
    assert API_KEY not in caplog.text and API_KEY not in str(down.value)
    assert "llm_api_key" not in settings.public_dict()


def test_hybrid_gives_the_model_rule_hints_and_flags_disagreements(tmp_path):
    with FakeOpenAI([Reply(answer(status="approved"))]) as fake:
        store, _ = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE}, backend="hybrid")
    prompt = fake.requests[0]["messages"][-1]["content"]
    assert "rule-based reader" in prompt and "- Fuzhou Blockchain Industrial Park | Dongxiang District | 500 million yuan" in prompt
    [record] = store.records()
    assert record.status.value == "approved" and record.sector == "blockchain"
    [conflict] = record.conflicts
    assert conflict.field == "status" and conflict.values == ["approved", "listed"]
    assert "llm" in conflict.note and "rules" in conflict.note
    assert_grounded(store)


def test_runs_command_shows_calls_and_tokens(tmp_path):
    from click.testing import CliRunner

    from tests.test_cli_and_layout import _cli

    with FakeOpenAI() as fake:
        settings = llm_settings(tmp_path, fake.url)
        store, report = run(settings, {"a.txt": ARTICLE})
    result = CliRunner().invoke(_cli(), ["--data-dir", str(settings.data_dir), "runs", "--json"])
    row = next(r for r in json.loads(result.output) if r["id"] == report.run_id)
    assert row["llm_calls"] == 1 and row["prompt_tokens"] == calls(store, report.run_id)[0]["prompt_tokens"] > 0
