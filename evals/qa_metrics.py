"""Question-answering and retrieval metrics, pure functions over gold and a plain view of answers.

- QA accuracy: the answer's record set equals the expected one (names matched one-to-one), or its
  value is within 0.5 %, or its count is exact, or its text contains every expected phrase; a
  question marked expect_empty passes only when nothing is returned.
- citation precision: a citation counts when it is the verbatim document text at its offsets and
  overlaps a gold name, amount or organisation span of an expected record (or, when no records are
  expected, of any gold record, or contains an expected phrase).
- retrieval recall@k: share of expected records with a retrieved passage among the top k that
  overlaps one of their name, amount or organisation spans, averaged over questions; MRR: mean of
  1/rank of the first such passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from evals.match import GoldArticle, NAME_THRESHOLD, name_similarity
from evals.metrics import AMOUNT_TOLERANCE, ratio
from extractor.normalize.money import find_amounts
from extractor.types import Project, normalise_name

Span = tuple[str, int, int]  # (doc_id, start, end)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    lang: str = "en"
    intent: str = ""
    expected: dict = field(default_factory=dict)
    expect_empty: bool = False
    note: str = ""

    @classmethod
    def from_json(cls, d: dict) -> "Question":
        return cls(id=str(d["id"]), question=d["question"], lang=d.get("lang", "en"), intent=d.get("intent", ""),
                   expected=d.get("expected") or {}, expect_empty=bool(d.get("expect_empty")), note=d.get("note", ""))

    @property
    def expected_names(self) -> list[str]:
        return list(self.expected.get("records") or [])


@dataclass
class Citation:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass
class AnswerView:
    """What the metrics need from an answer, independent of the rag module's classes."""

    text: str
    record_names: list[str]
    citations: list[Citation] = field(default_factory=list)
    value: Optional[float] = None
    count: Optional[int] = None


@dataclass
class QACheck:
    question: Question
    passed: bool
    reason: str
    citations: int = 0
    supported_citations: int = 0
    unsupported: list[Citation] = field(default_factory=list)


# gold lookups -------------------------------------------------------------------------------------

def _is_core(field_name: str) -> bool:
    # the spans that say what the project is; a province named in the headline proves nothing
    return field_name in ("name", "amount") or field_name.startswith("organizations[")


def gold_spans_by_name(articles: list[GoldArticle]) -> dict[str, list[Span]]:
    """The name, amount and organisation spans of every gold record, keyed by normalised name."""
    spans: dict[str, list[Span]] = {}
    for a in articles:
        for g in a.records:
            evidence = [e for e in g.project.evidence if _is_core(e.field)] or g.project.evidence
            spans.setdefault(normalise_name(g.project.name), []).extend((e.doc_id, e.start, e.end) for e in evidence)
    return spans


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


# answers ------------------------------------------------------------------------------------------

def _names_equal_sets(expected: list[str], got: list[str]) -> tuple[bool, str]:
    unmatched = list(got)
    missing = []
    for name in expected:
        best = max(unmatched, key=lambda n: name_similarity(name, n), default=None)
        if best is not None and name_similarity(name, best) >= NAME_THRESHOLD:
            unmatched.remove(best)
        else:
            missing.append(name)
    if not missing and not unmatched:
        return True, "same records"
    parts = ([f"missing {missing}"] if missing else []) + ([f"extra {unmatched}"] if unmatched else [])
    return False, "; ".join(parts)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value_of(answer: AnswerView) -> Optional[float]:
    """The answer's structured value, else the first amount its text states ("4.6 billion yuan")."""
    if answer.value is not None:
        return answer.value
    amounts = [m.value for m in find_amounts(answer.text) if m.value is not None]
    if amounts:
        return amounts[0]
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(answer.text)]
    return numbers[0] if len(numbers) == 1 else None


def answer_correct(q: Question, answer: AnswerView) -> tuple[bool, str]:
    """Does the answer give what the gold question expects?"""
    if q.expect_empty and answer.record_names:
        return False, f"expected nothing, got {answer.record_names}"
    exp = q.expected
    if "records" in exp:
        return _names_equal_sets(q.expected_names, answer.record_names)
    if "value" in exp:
        got = _value_of(answer)
        target = float(exp["value"])
        ok = got is not None and abs(got - target) <= AMOUNT_TOLERANCE * abs(target) + 1e-9
        return ok, f"value {got} vs expected {target:g}"
    if "count" in exp:
        got = answer.count if answer.count is not None else len(answer.record_names)
        return got == int(exp["count"]), f"count {got} vs expected {exp['count']}"
    if "text_contains" in exp:
        missing = [t for t in exp["text_contains"] if t.lower() not in answer.text.lower()]
        return not missing, f"answer lacks {missing}" if missing else "all phrases present"
    if q.expect_empty:
        return True, "nothing returned, as expected"
    return False, "gold question has no expectation"


def unsupported_citations(q: Question, answer: AnswerView, gold_spans: dict[str, list[Span]],
                          texts: dict[str, str]) -> list[Citation]:
    """Citations that are not the document text at their offsets or do not contain the fact asked about."""
    facts = [s for n in q.expected_names for s in gold_spans.get(normalise_name(n), [])]
    phrases = [t.lower() for t in q.expected.get("text_contains", [])]
    if not facts and not phrases:
        facts = [s for spans in gold_spans.values() for s in spans]
    bad = []
    for c in answer.citations:
        text = texts.get(c.doc_id)
        verbatim = text is not None and text[c.start:c.end] == c.text
        span = (c.doc_id, c.start, c.end)
        on_fact = any(_overlaps(span, f) for f in facts) or any(p in c.text.lower() for p in phrases)
        if not (verbatim and on_fact):
            bad.append(c)
    return bad


def check_question(q: Question, answer: AnswerView, gold_spans: dict[str, list[Span]], texts: dict[str, str]) -> QACheck:
    passed, reason = answer_correct(q, answer)
    unsupported = unsupported_citations(q, answer, gold_spans, texts)
    return QACheck(q, passed, reason, len(answer.citations), len(answer.citations) - len(unsupported), unsupported)


@dataclass
class QAScores:
    checks: list[QACheck]

    @property
    def accuracy(self) -> Optional[float]:
        return ratio(sum(c.passed for c in self.checks), len(self.checks))

    @property
    def citation_precision(self) -> Optional[float]:
        return ratio(sum(c.supported_citations for c in self.checks), sum(c.citations for c in self.checks))


# retrieval ----------------------------------------------------------------------------------------

def retrieval_ranks(targets: list[list[Span]], retrieved: list[Span]) -> list[Optional[int]]:
    """For each target (the spans of one expected record), the 1-based rank of the first hit."""
    ranks = []
    for spans in targets:
        rank = next((i + 1 for i, r in enumerate(retrieved) if any(_overlaps(r, s) for s in spans)), None)
        ranks.append(rank)
    return ranks


def recall_at_k(ranks: list[Optional[int]], k: int) -> Optional[float]:
    return ratio(sum(1 for r in ranks if r is not None and r <= k), len(ranks))


def reciprocal_rank(ranks: list[Optional[int]]) -> float:
    hits = [r for r in ranks if r is not None]
    return 1 / min(hits) if hits else 0.0


@dataclass
class RetrievalCheck:
    question: Question
    ranks: list[Optional[int]]


@dataclass
class RetrievalScores:
    k: int
    checks: list[RetrievalCheck]

    @property
    def recall(self) -> Optional[float]:
        per_question = [recall_at_k(c.ranks, self.k) for c in self.checks if c.ranks]
        return ratio_mean(per_question)

    @property
    def mrr(self) -> Optional[float]:
        return ratio_mean([reciprocal_rank(c.ranks) for c in self.checks if c.ranks])


def ratio_mean(values: list[Optional[float]]) -> Optional[float]:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def retrieval_targets(q: Question, gold_spans: dict[str, list[Span]]) -> list[list[Span]]:
    return [gold_spans[key] for n in q.expected_names if (key := normalise_name(n)) in gold_spans]


def answer_view(records: list[Project], text: str, citations: list[Citation],
                value: Optional[float] = None, count: Optional[int] = None) -> AnswerView:
    return AnswerView(text=text, record_names=[p.name for p in records], citations=citations, value=value, count=count)
