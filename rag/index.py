"""The retrieval index: every stored chunk in Chroma (vectors) and in SQLite FTS5 (keywords),
searched separately or fused by reciprocal rank.

    index = build_index(store, settings)      # opens and brings it up to date with the store
    index.search("Which company builds the Weifang parking project?", k=5)

Chunk ids are stable (a hash of document id and offsets), so syncing is a set difference: chunks
new to the store are embedded and added, chunks gone from it are deleted, nothing is re-embedded.
Each chunk's metadata: doc_id, title, start, end, index, language, the places it mentions in
English (with their provinces) and the first date it states (else the publication date).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

from extractor.normalize.dates import find_dates
from extractor.normalize.places import Gazetteer, Place
from extractor.settings import Settings
from extractor.store import Store
from extractor.types import Chunk, Document
from rag.embedder import get_embedder
from rag.fts import KeywordIndex, KeywordRow
from rag.fusion import Hit, reciprocal_rank_fusion
from rag.vectors import VectorIndex

EMBED_BATCH = 64


@dataclass
class IndexReport:
    added: int = 0
    removed: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0  # time inside the embedder; the rest is metadata, Chroma and FTS5

    @property
    def overhead(self) -> float:
        """Share of indexing time spent outside the embedder."""
        return 1 - self.embed_seconds / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class PreparedChunk:
    chunk: Chunk
    embed_text: str  # what the embedder sees: title, English place names, then the chunk
    metadata: dict
    keyword_row: KeywordRow


def chunk_places(doc: Document, gazetteer: Gazetteer) -> list[tuple[int, Place]]:
    """(offset, place) for every place mention of the document, resolved in its context."""
    matches = gazetteer.find(doc.text)
    found = []
    for m in matches:
        place = gazetteer.resolve_in_text(doc.text, m, matches)
        if place is not None:
            found.append((m.start, place))
    return found


def prepare(doc: Document, chunks: list[Chunk], gazetteer: Gazetteer) -> list[PreparedChunk]:
    places = chunk_places(doc, gazetteer)
    out = []
    for c in chunks:
        here = list(dict.fromkeys(p for offset, p in places if c.start <= offset < c.end))
        names_en = list(dict.fromkeys(n for p in here for n in (p.name_en, p.province_en)))
        names_zh = list(dict.fromkeys(n for p in here for n in (p.name_zh, p.province_zh)))
        provinces = list(dict.fromkeys(p.province_en for p in here))
        dates = find_dates(c.text, doc.year)
        metadata = {"doc_id": doc.id, "title": doc.title, "start": c.start, "end": c.end, "index": c.index,
                    "lang": doc.lang, "provinces": "|".join(provinces), "places": "|".join(names_en),
                    "date": dates[0].iso if dates else (doc.published or "")}
        # English place names help the English-only embedder place a Chinese chunk
        lead = doc.title + ("\n" + ", ".join(names_en) if doc.lang == "zh" and names_en else "")
        row = KeywordRow(c.id, doc.id, c.start, c.end, c.text, " ".join(names_en + names_zh), doc.title)
        out.append(PreparedChunk(c, lead + "\n" + c.text, metadata, row))
    return out


def _with_english_places(question: str) -> str:
    """The question plus the English names of the places it names: the query-side twin of the
    place line in each chunk's embedded text, so 哈尔滨 in a question meets Harbin in a chunk."""
    names = [n for m in Gazetteer.load().find(question) if m.candidates
             for n in (m.candidates[0].name_en, m.candidates[0].province_en)]
    return question + ("\n" + ", ".join(dict.fromkeys(names)) if names else "")


class RetrievalIndex:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.keyword = KeywordIndex(settings.data_dir / "retrieval.sqlite3")
        self.vectors = VectorIndex(settings, get_embedder())

    def sync(self, store: Store) -> IndexReport:
        """Index the store's new chunks and drop the ones it no longer has."""
        started = time.perf_counter()
        report = IndexReport()
        doc_of = dict(store.db.execute("SELECT id, doc_id FROM chunks").fetchall())
        wanted = set(doc_of)
        have_vec, have_kw = self.vectors.chunk_ids(), self.keyword.chunk_ids()
        self.vectors.remove(have_vec - wanted)
        self.keyword.remove(have_kw - wanted)
        report.removed = len((have_vec | have_kw) - wanted)
        missing = (wanted - have_vec) | (wanted - have_kw)
        if missing:
            prepared = self._prepare_missing(store, missing, sorted({doc_of[c] for c in missing}))
            self.keyword.add(p.keyword_row for p in prepared if p.chunk.id not in have_kw)
            report.embed_seconds = self._add_vectors([p for p in prepared if p.chunk.id not in have_vec])
            report.added = len(prepared)
        report.seconds = time.perf_counter() - started
        return report

    def _prepare_missing(self, store: Store, missing: set[str], doc_ids: list[str]) -> list[PreparedChunk]:
        gazetteer = Gazetteer.load()
        prepared: list[PreparedChunk] = []
        for doc_id in doc_ids:
            chunks = [c for c in store.chunks(doc_id) if c.id in missing]
            doc = store.get_document(doc_id) if chunks else None
            if doc is not None:
                prepared += prepare(doc, chunks, gazetteer)
        return prepared

    def _add_vectors(self, prepared: list[PreparedChunk]) -> float:
        embed_seconds = 0.0
        for lo in range(0, len(prepared), EMBED_BATCH):
            batch = prepared[lo: lo + EMBED_BATCH]
            t = time.perf_counter()
            vectors = self.vectors.embedder.embed([p.embed_text for p in batch])
            embed_seconds += time.perf_counter() - t
            self.vectors.add([p.chunk.id for p in batch], vectors, [p.chunk.text for p in batch],
                             [p.metadata for p in batch])
        return embed_seconds

    # search ---------------------------------------------------------------------------------------
    def search_vector(self, question: str, k: int) -> list[Hit]:
        return self.vectors.search(_with_english_places(question), k)

    def search_keyword(self, question: str, k: int) -> list[Hit]:
        return self.keyword.search(question, k)

    def search(self, question: str, k: Optional[int] = None) -> list[Hit]:
        """Vector and keyword hits fused by reciprocal rank; each list is read deeper than k."""
        k = k or self.settings.top_k
        depth = max(20, 3 * k)
        return reciprocal_rank_fusion(
            {"vector": self.search_vector(question, depth), "keyword": self.search_keyword(question, depth)}, k)


_OPEN: dict[tuple, RetrievalIndex] = {}


def build_index(store: Store, settings: Settings, sync: bool = True) -> RetrievalIndex:
    """The index for these settings (opened once per process), synced with the store."""
    key = (str(settings.data_dir.resolve()), settings.chroma_host, settings.chroma_port)
    index = _OPEN.get(key)
    if index is None:
        index = _OPEN[key] = RetrievalIndex(settings)
    if sync:
        index.sync(store)
    return index
