"""The LLM engine at the HTTP boundary: a local fake endpoint answering with real openai objects."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from extractor.errors import LLMError
from tests.fake_openai_server import FakeOpenAI, Raw, Reply, Stall, Status
from tests.llm_fixtures import ARTICLE, GOOD, answer, assert_grounded, calls, free_port, llm_settings, run


def _dropped(store) -> list[str]:
    import json

    return [r for row in store.db.execute("SELECT dropped FROM extractions") for r in json.loads(row[0])]


@pytest.mark.parametrize("mode", ["json_schema", "tools", "json", "md_json"])
def test_valid_answer_becomes_a_grounded_record_in_every_mode(tmp_path, mode):
    with FakeOpenAI([Reply(GOOD)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url, llm_mode=mode), {"a.txt": ARTICLE})
    [record] = store.records()
    assert record.name == "Fuzhou Blockchain Industrial Park"
    assert (record.province, record.city, record.district) == ("Jiangxi", "Fuzhou", "Dongxiang")
    assert record.province_zh == "江西省"
    assert record.amount.value == 5e8 and record.amount.currency == "CNY"
    assert record.date == "2020-03-27" and record.status.value == "listed"
    assert [o.name for o in record.organizations] == ["Jiangxi Lianchuang Technology Co., Ltd."]
    assert {e.field for e in record.evidence} >= {"name", "amount", "date", "province", "organizations[0]"}
    assert_grounded(store)
    [call] = calls(store, report.run_id)
    assert call["outcome"] == "ok" and call["mode"] == mode and call["model"] == "fake-model"
    assert call["prompt_tokens"] > 0 and call["completion_tokens"] > 0 and call["latency_ms"] > 0


def test_amount_and_date_come_from_their_quotes_not_from_the_model(tmp_path):
    wrong = answer(amount_value=9e9, date="1999-01-01")
    with FakeOpenAI([Reply(wrong)]) as fake:
        store, _ = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    [record] = store.records()
    assert record.amount.value == 5e8 and record.date == "2020-03-27"


def test_invented_quote_is_sent_back_then_dropped_with_its_reason(tmp_path):
    invented = answer(name="Shanghai Quantum Harbour")
    with FakeOpenAI([Reply(invented), Reply(invented)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url, llm_max_retries=1), {"a.txt": ARTICLE})
    assert store.records() == []
    assert len(fake.requests) == 2  # the first answer and one re-ask
    reask = str(fake.requests[1]["messages"])
    assert "Shanghai Quantum Harbour" in reask and "not in the text" in reask
    assert any("Shanghai Quantum Harbour" in d and "not in the text" in d for d in _dropped(store))
    assert [c["outcome"] for c in calls(store, report.run_id)] == ["invalid", "partial"]


def test_reask_then_success(tmp_path):
    with FakeOpenAI([Reply(answer(amount_quote="five hundred million dollars")), Reply(GOOD)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    [record] = store.records()
    assert record.amount.value == 5e8
    assert [c["outcome"] for c in calls(store, report.run_id)] == ["invalid", "ok"]


def test_a_number_without_its_quote_is_not_accepted(tmp_path):
    no_quote = answer(amount_quote=None)
    with FakeOpenAI([Reply(no_quote), Reply(no_quote)]) as fake:
        store, _ = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    assert store.records() == [], "after the last re-ask the candidate is dropped whole"
    assert any("amount" in d and "without amount_quote" in d for d in _dropped(store))
    assert any("stated without amount_quote" in d for d in _dropped(store))


def test_malformed_json_is_reasked(tmp_path):
    with FakeOpenAI([Raw('{"projects": [{"name": "Fuzhou'), Reply(GOOD)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    assert [r.name for r in store.records()] == ["Fuzhou Blockchain Industrial Park"]
    assert [c["outcome"] for c in calls(store, report.run_id)] == ["invalid", "ok"]


def test_malformed_json_every_time_drops_the_chunk_not_the_run(tmp_path):
    with FakeOpenAI([Raw("not json at all")] * 2) as fake:
        store, report = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    assert report.status == "ok" and report.processed == 1 and store.records() == []
    assert any("no valid answer after 2 attempts" in d for d in _dropped(store))


@pytest.mark.parametrize("status", [Status(429, {"retry-after-ms": "20"}), Status(503)])
def test_rate_limit_or_server_error_then_success(tmp_path, status):
    with FakeOpenAI([status, Reply(GOOD)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url), {"a.txt": ARTICLE})
    assert len(store.records()) == 1
    expected = "rate_limited" if status.code == 429 else "http_503"
    assert [c["outcome"] for c in calls(store, report.run_id)] == [expected, "ok"]


def test_timeout_is_retried(tmp_path):
    with FakeOpenAI([Stall(1.5), Reply(GOOD)]) as fake:
        store, report = run(llm_settings(tmp_path, fake.url, llm_timeout=0.5), {"a.txt": ARTICLE})
    assert len(store.records()) == 1
    assert [c["outcome"] for c in calls(store, report.run_id)] == ["timeout", "ok"]


def test_endless_timeouts_end_with_a_clear_error(tmp_path):
    with FakeOpenAI([Stall(1.0)] * 3) as fake:
        settings = llm_settings(tmp_path, fake.url, llm_timeout=0.3, llm_http_retries=1)
        with pytest.raises(LLMError, match=f"{fake.url}.*did not answer within 0.3 s"):
            run(settings, {"a.txt": ARTICLE})


def test_server_down_cli_names_the_url_exits_non_zero_and_writes_nothing(tmp_path, monkeypatch):
    from extractor.store import Store
    from tests.test_cli_and_layout import _cli

    url = f"http://127.0.0.1:{free_port()}/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("KEYPROJ_LLM_BACKOFF_BASE", "0.01")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    result = CliRunner().invoke(_cli(), ["--data-dir", str(data), "extract", "--backend", "llm",
                                         str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert "error: cannot reach the LLM endpoint at " + url in result.output
    store = Store(data / "keyproj.sqlite3")
    assert store.count("doc_records") == 0 and store.count("records") == 0
    assert store.db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0] == 0
    assert store.runs()[0]["status"] == "interrupted"
