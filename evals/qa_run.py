"""Ask the gold questions through rag and score answers, citations and retrieval.

rag sits below evals, so importing it is allowed; it is imported lazily so extraction can be scored
before (or without) the question-answering layer.
"""

from __future__ import annotations

from typing import Optional

from evals.qa_metrics import (AnswerView, Citation, QAScores, Question, RetrievalCheck, RetrievalScores,
                              check_question, gold_spans_by_name, retrieval_ranks, retrieval_targets)
from extractor.errors import QuestionError
from extractor.settings import Settings
from extractor.store import Store


def _view(answer) -> AnswerView:
    """Adapt rag's Answer to what the metrics read."""
    return AnswerView(
        text=answer.text,
        record_names=[p.name for p in answer.records],
        citations=[Citation(c.doc_id, c.start, c.end, c.text) for c in answer.citations],
        value=answer.value,
        count=answer.count,
    )


def _ask(ask, q: Question, store: Store, settings: Settings, index) -> AnswerView:
    """An answer, or an empty one whose text says why the question was refused."""
    try:
        return _view(ask(q.question, store, settings, index=index))
    except QuestionError as err:
        return AnswerView(text=f"question refused: {err}", record_names=[])


def evaluate_questions(gold, store: Store, settings: Settings) -> tuple[Optional[QAScores], Optional[RetrievalScores], list[str]]:
    """Retrieval needs rag.index, answers need rag.answers; whatever is missing is skipped with a note."""
    spans = gold_spans_by_name(gold.articles)
    index, notes = _open_index(store, settings)
    retrieval = _retrieval(gold, spans, index, settings) if index is not None else None
    try:
        from rag.answers import ask
    except ImportError as err:
        return None, retrieval, notes + [f"question answering skipped: rag.answers is not importable yet ({err})"]
    checks = [check_question(q, _ask(ask, q, store, settings, index), spans, gold.texts) for q in gold.questions]
    return QAScores(checks), retrieval, notes


def _open_index(store: Store, settings: Settings):
    try:
        from rag.index import build_index
    except ImportError as err:
        return None, [f"retrieval metrics skipped: rag.index is not importable yet ({err})"]
    return build_index(store, settings), []


def _retrieval(gold, spans, index, settings: Settings) -> RetrievalScores:
    k = settings.top_k
    checks = []
    for q in gold.questions:
        targets = retrieval_targets(q, spans)
        if not targets:
            continue
        hits = index.search(q.question, k=k)
        retrieved = [(h.doc_id, h.start, h.end) for h in hits]
        checks.append(RetrievalCheck(q, retrieval_ranks(targets, retrieved)))
    return RetrievalScores(k, checks)
