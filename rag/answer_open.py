"""Open questions: fused retrieval, then an extractive answer (offline) or an LLM-written one with
[n] citations (when configured) that rag/verify.py checks before anyone sees it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import BaseModel, Field

from extractor.chunking import split_units
from extractor.errors import LLMError
from extractor.settings import Settings
from extractor.store import Store
from rag.answers import Answer, RemovedClaim
from rag.fusion import Hit
from rag.names import tokens
from rag.passages import Citation, Documents, passage
from rag.plan import QueryPlan
from rag.verify import check_answer

SENTENCES = 2
_QUESTION_WORDS = {"who", "what", "which", "when", "where", "why", "how", "will", "does", "did", "is", "are", "was",
                   "were", "the", "of", "to", "in", "on", "for", "a", "an", "and", "do", "be", "it", "its", "this",
                   "that", "主要", "什么", "哪些", "多少", "是否", "哪个"}


@dataclass(frozen=True)
class Sentence:
    hit_rank: int
    hit: Hit
    start: int  # document offsets
    end: int
    text: str


def _sentences(hits: list[Hit]) -> list[Sentence]:
    out = []
    for rank, hit in enumerate(hits, start=1):
        for s, e in split_units(hit.text):
            text = hit.text[s:e].strip()
            if len(text) >= 8:
                lead = len(hit.text[s:e]) - len(hit.text[s:e].lstrip())
                out.append(Sentence(rank, hit, hit.start + s + lead, hit.start + s + lead + len(text), text))
    return out


def _terms(text: str) -> set[str]:
    return {t for t in tokens(text) if t not in _QUESTION_WORDS}


def best_sentences(question: str, hits: list[Hit], n: int = SENTENCES) -> list[Sentence]:
    """Sentences sharing the most distinctive question terms (idf-weighted over the candidates),
    with a small preference for higher-ranked passages."""
    candidates = _sentences(hits)
    wanted = _terms(question)
    if not candidates or not wanted:
        return []
    bags = [_terms(s.text) for s in candidates]
    df = {t: sum(t in bag for bag in bags) for t in wanted}
    idf = {t: math.log(1 + len(bags) / df[t]) for t in wanted if df[t]}
    scored = []
    for s, bag in zip(candidates, bags):
        score = sum(idf.get(t, 0.0) for t in wanted & bag) + 0.2 / s.hit_rank
        if wanted & bag:
            scored.append((score, s))
    scored.sort(key=lambda t: -t[0])
    picked: list[Sentence] = []
    for _, s in scored:
        if all(not (s.start < p.end and p.start < s.end) for p in picked):
            picked.append(s)
        if len(picked) == n:
            break
    return sorted(picked, key=lambda s: (s.hit.doc_id, s.start))


def _adjacent_groups(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences that follow each other in one document share a single citation."""
    groups: list[list[Sentence]] = []
    for s in sentences:
        last = groups[-1][-1] if groups else None
        if last and last.hit.doc_id == s.hit.doc_id and 0 <= s.start - last.end <= 3:
            groups[-1].append(s)
        else:
            groups.append([s])
    return groups


def answer_open(question: str, plan: QueryPlan, store: Store, settings: Settings, index) -> Answer:
    hits = index.search(question, settings.top_k)
    answer = Answer(question=question, text="", plan=plan)
    if not hits:
        answer.text = "索引中没有找到相关段落。" if plan.lang == "zh" else "No passage in the index relates to this question."
        return answer
    if settings.llm_base_url or settings.llm_api_key is not None:
        try:
            return _llm_answer(question, plan, store, settings, hits, answer)
        except LLMError as err:
            answer.notes.append(f"LLM answer failed ({err}); answered extractively.")
    return _extractive(question, plan, store, hits, answer)


def _extractive(question: str, plan: QueryPlan, store: Store, hits: list[Hit], answer: Answer) -> Answer:
    docs = Documents(store)
    parts = []
    for group in _adjacent_groups(best_sentences(question, hits)):
        doc = docs.get(group[0].hit.doc_id)
        if doc is None:
            continue
        number = answer.cite(passage(docs, doc, [(s.start, s.end, "answer") for s in group]))
        parts.append(("" if plan.lang == "zh" else " ").join(s.text for s in group) + f" [{number}]")
    answer.text = " ".join(parts) or ("检索到的段落中没有直接回答。" if plan.lang == "zh"
                                      else "The retrieved passages do not answer this directly.")
    return answer


class WrittenAnswer(BaseModel):
    text: str = Field(description="A short answer in the question's language. After every sentence put the "
                      "numbers of the passages that state it, like [1] or [2][3]. Use only facts, amounts and "
                      "dates written in those passages; if they do not answer the question, say so.")


def _llm_answer(question: str, plan: QueryPlan, store: Store, settings: Settings, hits: list[Hit],
                answer: Answer) -> Answer:
    from extractor.llm_client import build_client

    numbered = "\n\n".join(f"[{i}] ({h.title})\n{h.text}" for i, h in enumerate(hits, start=1))
    messages = [
        {"role": "system", "content": "You answer questions about Chinese key projects from news passages. "
                                      "Cite passages by number; never use outside knowledge."},
        {"role": "user", "content": f"Passages:\n{numbered}\n\nQuestion: {question}"},
    ]
    try:
        written = build_client(settings).chat.completions.create(
            model=settings.llm_model, response_model=WrittenAnswer, messages=messages,
            max_retries=settings.llm_max_retries)
    except Exception as err:  # the SDK's many failure types: one error for the caller
        raise LLMError(f"{type(err).__name__}: {err}") from err
    checked = check_answer(written.text, [h.text for h in hits], _year(store, hits))
    for old in checked.used:
        h = hits[old - 1]
        answer.cite(Citation(h.doc_id, h.title, h.start, h.end, h.text))
    answer.removed = [RemovedClaim(text, why) for text, why in checked.removed]
    answer.text = checked.text or ("（所有陈述均未通过核对，已删除。）" if plan.lang == "zh"
                                   else "(Every statement of the written answer failed the citation check.)")
    if answer.removed:
        answer.text += (f"\n（已删除{len(answer.removed)}条未被引用段落支持的陈述。）" if plan.lang == "zh" else
                        f"\n({len(answer.removed)} statement(s) removed: not supported by the passages they cite.)")
    return answer


def _year(store: Store, hits: list[Hit]):
    doc = store.get_document(hits[0].doc_id)
    return doc.year if doc else None

