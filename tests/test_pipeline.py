"""Batch extraction through the store: resumable, idempotent, one transaction per document."""

from __future__ import annotations

import pytest

from extractor.engines.rules import RulesEngine
from extractor.pipeline import extract, ingest
from tests.conftest import SEEDS


class InterruptAfter:
    """The real rules engine, interrupted (as by Ctrl-C) when the n-th document starts."""

    def __init__(self, n: int) -> None:
        self.inner, self.n, self.seen = RulesEngine(), n, 0
        self.name, self.version = self.inner.name, self.inner.version

    def extract(self, doc, chunks):
        self.seen += 1
        if self.seen == self.n:
            raise KeyboardInterrupt
        return self.inner.extract(doc, chunks)


def _snapshot(store):
    return sorted((p.doc_id, p.name, p.model_dump_json()) for p in store.doc_records())


def test_interrupted_batch_resumes_without_lost_or_duplicated_records(tmp_path, settings):
    from extractor.store import Store

    reference = Store(tmp_path / "ref.sqlite3")
    ingest(reference, [SEEDS], settings)
    extract(reference, settings, backend="rules")

    store = Store(settings.db_path)
    ingest(store, [SEEDS], settings)
    with pytest.raises(KeyboardInterrupt):
        extract(store, settings, engine=InterruptAfter(4))
    partial = store.count("doc_records")
    assert 0 < partial < reference.count("doc_records")
    assert store.runs(1)[0]["status"] == "interrupted"

    second = extract(store, settings, backend="rules")
    assert second.skipped == 3 and second.processed == len(store.documents()) - 3
    assert _snapshot(store) == _snapshot(reference)
    assert [p.id for p in store.records()] == [p.id for p in reference.records()]

    third = extract(store, settings, backend="rules")
    assert third.processed == 0 and _snapshot(store) == _snapshot(reference)


def test_records_from_extract_satisfy_the_evidence_contract(store, settings):
    ingest(store, [SEEDS], settings)
    extract(store, settings)
    texts = {d.id: d.text for d in store.documents()}
    records = store.records()
    assert records
    for p in records:
        for ev in p.evidence:
            assert texts[ev.doc_id][ev.start:ev.end] == ev.quote
