"""Retrieved passages and reciprocal rank fusion of several ranked lists.

RRF (Cormack et al., 2009) scores a passage by the sum of weight / (K + rank) over the lists it
appears in. It needs no score calibration, which matters here: cosine distances and bm25 scores live
on unrelated scales, and bm25 on trigrams is not comparable across queries at all.

Weights and K were set from recall@5 of the gold evidence on the seed articles (benchmarks/
bench_rag.py): the English-only MiniLM is the weaker ranker there (0.30 against 0.64 for
keywords), so its votes count half, and K = 10 instead of the paper's 60 because the lists are
short (20 deep) and their first ranks carry the signal. With equal votes and K = 60 the fused list
fell below keyword search alone (0.58); with these settings it stays level with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

RRF_K = 10
WEIGHTS = {"keyword": 1.0, "vector": 0.5}


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk, with its place in the document (`doc.text[start:end] == text`)."""

    chunk_id: str
    doc_id: str
    title: str
    start: int
    end: int
    text: str
    score: float
    ranks: dict[str, int] = field(default_factory=dict)  # list name -> 1-based rank in it


def reciprocal_rank_fusion(lists: dict[str, Sequence[Hit]], k: int, rrf_k: int = RRF_K,
                           weights: dict[str, float] | None = None) -> list[Hit]:
    """The top `k` chunks over all lists by weighted RRF score (weight 1 for lists not in `weights`);
    ties keep the first list's order."""
    weights = WEIGHTS if weights is None else weights
    scores: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    first_seen: dict[str, Hit] = {}
    for list_name, hits in lists.items():
        for rank, hit in enumerate(hits, start=1):
            scores[hit.chunk_id] = scores.get(hit.chunk_id, 0.0) + weights.get(list_name, 1.0) / (rrf_k + rank)
            ranks.setdefault(hit.chunk_id, {})[list_name] = rank
            first_seen.setdefault(hit.chunk_id, hit)
    order = sorted(scores, key=lambda cid: -scores[cid])
    return [replace(first_seen[cid], score=scores[cid], ranks=ranks[cid]) for cid in order[:k]]
