from __future__ import annotations

import sqlite3

import pytest

from extractor.chunking import chunk_document
from extractor.filters import AmountCondition, RecordFilter
from extractor.ingest import document_from_bytes
from extractor.migrations import MIGRATIONS
from extractor.store import Store
from extractor.types import Amount, Evidence, Extraction, Organization, Project


def _doc(text="Title\n\nThe Alpha Base Project costs 500 million yuan."):
    return document_from_bytes(text.encode(), "a.txt")


def _project(doc, name, province, value):
    start = doc.text.index(name)
    ev = [Evidence(field="name", doc_id=doc.id, start=start, end=start + len(name), quote=name)]
    amount = Amount(value=value, min=value, max=value, currency="CNY", text=f"{value:.0f} yuan")
    return Project(name=name, province=province, amount=amount, doc_id=doc.id, evidence=ev,
                   organizations=[Organization(name="Alpha Co., Ltd.", role="undertaker")]).with_id()


def test_migrations_are_versioned_and_idempotent(settings):
    Store.open(settings).close()
    store = Store.open(settings)
    versions = [r[0] for r in store.db.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_document_is_stored_once(store):
    doc = _doc()
    chunks = chunk_document(doc)
    assert store.add_document(doc, chunks) is True
    assert store.add_document(doc, chunks) is False
    assert store.get_document(doc.id) == doc
    assert store.chunks(doc.id) == chunks


def test_a_failing_transaction_leaves_nothing_half_written(store):
    doc = _doc()
    store.add_document(doc, chunk_document(doc))
    good = Extraction(doc_id=doc.id, projects=[_project(doc, "Alpha Base Project", "Jiangxi", 5e8)])
    store.save_extraction(1, "rules:1", good)
    with pytest.raises(sqlite3.Error):
        with store.transaction() as db:
            db.execute("DELETE FROM doc_records WHERE doc_id=?", (doc.id,))
            db.execute("INSERT INTO no_such_table VALUES (1)")
    assert len(store.doc_records()) == 1
    assert store.extracted_with(doc.id) == "rules:1"


def test_records_filter_in_sql_matches_python(store):
    doc = _doc("T\n\nAlpha Base Project. Beta Park Project. Gamma Center.")
    store.add_document(doc, chunk_document(doc))
    projects = [_project(doc, "Alpha Base Project", "Jiangxi", 5e8),
                _project(doc, "Beta Park Project", "Jiangxi", 1e9),
                _project(doc, "Gamma Center", "Hunan", 2e9)]
    store.replace_records(projects)
    flt = RecordFilter(province="jiangxi", amounts=[AmountCondition(op="gt", value=5e8)])
    where, args = flt.to_sql()
    got = [p.name for p in store.records(where, args)]
    assert got == ["Beta Park Project"]
    assert got == [p.name for p in projects if flt.matches(p)]
    at_least = RecordFilter(province="Jiangxi", amounts=[AmountCondition(op="gte", value=5e8)])
    assert len(store.records(*at_least.to_sql())) == 2
    assert store.count("mentions") == 3
