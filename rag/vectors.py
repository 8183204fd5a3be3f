"""Vector retrieval in Chroma: on disk under the data dir, or a Chroma server when one is configured.

`KEYPROJ_CHROMA_HOST` (and `KEYPROJ_CHROMA_PORT`) switch the same code from `PersistentClient` to
`HttpClient`; nothing else changes. Embeddings are computed here (rag.embedder) and passed in, so
the server never needs a model either.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

import numpy as np

from extractor.errors import KeyprojError
from extractor.settings import Settings
from rag.embedder import MODEL_ID, MiniLMEmbedder
from rag.fusion import Hit

COLLECTION = "keyproj_chunks"


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    options = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=options)
        except Exception as err:  # connection refused, bad host: one clear line for the user
            raise KeyprojError(f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port}: "
                               f"{err}. Start it with `chroma run` or unset KEYPROJ_CHROMA_HOST.") from err
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=options)


class VectorIndex:
    def __init__(self, settings: Settings, embedder: MiniLMEmbedder) -> None:
        self.embedder = embedder
        self.client = chroma_client(settings)
        self.collection = self.client.get_or_create_collection(
            COLLECTION, embedding_function=embedder, metadata={"hnsw:space": "cosine", "embedder": MODEL_ID})

    def chunk_ids(self) -> set[str]:
        ids: set[str] = set()
        offset, page = 0, 5000
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            ids.update(got)
            if len(got) < page:
                return ids
            offset += page

    def add(self, ids: Sequence[str], vectors: np.ndarray, texts: Sequence[str], metadatas: Sequence[dict]) -> None:
        self.collection.upsert(ids=list(ids), embeddings=vectors, documents=list(texts), metadatas=list(metadatas))

    def remove(self, chunk_ids: Iterable[str]) -> None:
        ids = list(chunk_ids)
        if ids:
            self.collection.delete(ids=ids)

    def search(self, question: str, k: int, where: dict[str, Any] | None = None) -> list[Hit]:
        if self.collection.count() == 0:
            return []
        vector = self.embedder.embed([question])
        got = self.collection.query(query_embeddings=vector, n_results=k, where=where,
                                    include=["documents", "metadatas", "distances"])
        hits = []
        for rank, (cid, text, meta, dist) in enumerate(
                zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0]), start=1):
            hits.append(Hit(cid, str(meta["doc_id"]), str(meta["title"]), int(meta["start"]), int(meta["end"]),
                            text or "", 1.0 - float(dist), {"vector": rank}))
        return hits
