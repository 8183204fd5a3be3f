"""Shared pieces of the LLM tests: a short article, answers about it, settings for a fake endpoint."""

from __future__ import annotations

import copy
import socket
from pathlib import Path

from extractor.pipeline import ExtractReport, extract, ingest_bytes
from extractor.settings import Settings
from extractor.store import Store

ARTICLE = """Jiangxi lists blockchain park

On March 27, 2020, the Jiangxi Provincial Development and Reform Commission listed the Fuzhou Blockchain \
Industrial Park project among the province's key projects. The project, undertaken by Jiangxi Lianchuang \
Technology Co., Ltd., has a total investment of 500 million yuan and is located in Dongxiang District of \
Fuzhou City.
"""

GOOD = {"projects": [{
    "name": "Fuzhou Blockchain Industrial Park",
    "province": "Jiangxi", "province_quote": "Jiangxi",
    "city": "Fuzhou", "city_quote": "Fuzhou City",
    "district": "Dongxiang", "district_quote": "Dongxiang District",
    "organizations": [{"name": "Jiangxi Lianchuang Technology Co., Ltd.", "role": "undertaker"}],
    "amount_value": 500000000, "amount_quote": "500 million yuan",
    "date": "2020-03-27", "date_quote": "March 27, 2020",
    "status": "listed", "status_quote": "listed",
    "sector": "blockchain", "sector_quote": "Blockchain",
}]}

API_KEY = "sk-test-NEVER-WRITE-7f3a9c"


def answer(**changes) -> dict:
    """GOOD with some fields of its one project changed (None removes a field)."""
    out = copy.deepcopy(GOOD)
    for name, value in changes.items():
        if value is None:
            out["projects"][0].pop(name, None)
        else:
            out["projects"][0][name] = value
    return out


def llm_settings(tmp_path: Path, url: str, **overrides) -> Settings:
    base = dict(data_dir=tmp_path / "data", llm_base_url=url, llm_api_key=API_KEY, llm_model="fake-model",
                llm_mode="json_schema", llm_max_retries=1, llm_http_retries=2, llm_backoff_base=0.01,
                llm_timeout=5.0, llm_concurrency=4)
    return Settings(**{**base, **overrides})


def run(settings: Settings, texts: dict[str, str], backend: str = "llm", **kwargs) -> tuple[Store, ExtractReport]:
    """Ingest `texts` ({file name: text}) and extract them with `backend`."""
    store = Store.open(settings)
    for name, text in texts.items():
        ingest_bytes(store, text.encode(), name, settings)
    return store, extract(store, settings, backend=backend, **kwargs)


def calls(store: Store, run_id: int) -> list[dict]:
    rows = store.db.execute("SELECT * FROM llm_calls WHERE run_id=? ORDER BY id", (run_id,)).fetchall()
    return [dict(r) for r in rows]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_grounded(store: Store) -> None:
    """Every evidence span of every stored record is exactly its quote in its document."""
    texts = {d.id: d.text for d in store.documents()}
    for record in store.doc_records():
        for ev in record.evidence:
            assert texts[ev.doc_id][ev.start:ev.end] == ev.quote, (record.name, ev)
