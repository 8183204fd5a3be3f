"""Retrieval: the local embedder, Chroma + FTS5 indexing and sync, keyword, vector and fused search.

`check_retrieval` is also run against a real Chroma server (tests/test_chroma_server.py)."""

from __future__ import annotations

import numpy as np
import pytest

from extractor.pipeline import ingest
from extractor.settings import Settings
from extractor.store import Store
from rag.fts import match_query
from rag.fusion import Hit, reciprocal_rank_fusion
from tests.conftest import SEEDS

DOCS = ["2020-blockchain-key-projects-7-provinces.txt", "2021-anhui-key-project-list-zh.txt"]


def small_store(settings: Settings) -> Store:
    store = Store.open(settings)
    ingest(store, [SEEDS / name for name in DOCS], settings)
    return store


def _verbatim(store: Store, hits: list[Hit]) -> None:
    for h in hits:
        assert store.get_document(h.doc_id).text[h.start:h.end] == h.text


def _doc(store: Store, fragment: str):
    return next(d for d in store.documents() if fragment in d.text)


def check_retrieval(store: Store, settings: Settings) -> None:
    from rag.index import RetrievalIndex

    index = RetrievalIndex(settings)
    first = index.sync(store)
    assert first.added == store.count("chunks") > 0 and first.embed_seconds > 0
    assert index.sync(store).added == 0  # stable chunk ids: nothing is embedded twice

    weifang = "Which company undertakes the Weifang smart parking project?"
    for search in (index.search_vector, index.search_keyword, index.search):
        hits = search(weifang, 3)
        assert hits and any("Weifang" in h.text for h in hits), search
        _verbatim(store, hits)

    # trigram keyword search reads Chinese without a segmenter ...
    hits = index.search_keyword("冰雪装备智能制造产业园项目主要生产什么？", 2)
    assert "造雪机" in hits[0].text
    # ... and the English place names stored with each chunk let English find a Chinese chunk
    zh_doc = _doc(store, "冰雪装备")
    assert any(h.doc_id == zh_doc.id for h in index.search_keyword("Harbin", 3))

    fused = index.search(weifang, 5)
    assert all(set(h.ranks) <= {"vector", "keyword"} and h.ranks for h in fused)
    assert [h.score for h in fused] == sorted((h.score for h in fused), reverse=True)

    meta = index.vectors.collection.get(ids=[fused[0].chunk_id], include=["metadatas"])["metadatas"][0]
    assert {"doc_id", "title", "start", "end", "lang", "provinces", "places", "date"} <= set(meta)
    heilongjiang = index.vectors.collection.get(where={"doc_id": zh_doc.id}, include=["metadatas"])["metadatas"]
    assert any("Heilongjiang" in m["provinces"] for m in heilongjiang)  # 哈尔滨 -> Harbin, Heilongjiang

    # a document gone from the store leaves the index on the next sync
    store.db.execute("DELETE FROM documents WHERE id=?", (zh_doc.id,))
    assert index.sync(store).removed > 0
    assert all(h.doc_id != zh_doc.id for h in index.search("哈尔滨 冰雪装备", 10))
    assert index.vectors.collection.count() == store.count("chunks")


def test_retrieval_on_disk(settings):
    store = small_store(settings)
    check_retrieval(store, settings)
    assert (settings.data_dir / "retrieval.sqlite3").exists() and settings.chroma_path.exists()


def test_embedder_vectors_are_unit_length_and_batch_independent():
    from rag.embedder import get_embedder

    embedder = get_embedder()
    texts = ["Jiangxi lists a 500 million yuan blockchain park.", "江西省重点项目", "The weather is mild.",
             "A blockchain industrial park in Jiangxi is on the key project list."]
    together = embedder.embed(texts)
    assert together.shape == (4, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)  # padding in a batch does not change a vector
    sims = together @ together[0]
    assert sims[3] > sims[2]  # the paraphrase is nearer than the unrelated sentence


def test_embedder_files_come_from_installed_packages():
    from rag.embedder import model_file, tokenizer_file

    assert model_file().stat().st_size > 20_000_000
    assert tokenizer_file().name == "tokenizer.json"


def test_match_query_words_and_trigrams():
    assert match_query("Which Jiangxi projects exceed 500 million yuan?") == \
        '"jiangxi" OR "exceed" OR "500" OR "million" OR "yuan"'
    assert match_query("冰雪装备") == '"冰雪装" OR "雪装备"'
    assert match_query("哪些？") == ""


def _hit(cid: str) -> Hit:
    return Hit(cid, "d", "t", 0, 1, "x", 0.0)


def test_reciprocal_rank_fusion_rewards_agreement():
    lists = {"vector": [_hit("a"), _hit("b"), _hit("c")], "keyword": [_hit("c"), _hit("d")]}
    fused = reciprocal_rank_fusion(lists, k=3, rrf_k=60, weights={})
    assert [h.chunk_id for h in fused] == ["c", "a", "b"]
    assert fused[0].ranks == {"vector": 3, "keyword": 1}
    assert fused[0].score == pytest.approx(1 / 63 + 1 / 61)
    # the default halves the weaker vector list's votes: keyword's second beats vector's first
    assert [h.chunk_id for h in reciprocal_rank_fusion(lists, k=3)] == ["c", "d", "a"]
