"""Answer a question with records and cited passages.

    answer = ask("Which Jiangxi projects exceed 500 million yuan?", store, settings)
    answer.contract()  # {answer, plan, records, citations}: the `keyproj ask --json` shape

Structured questions (list, count, sum, max, min, lookup) run over the records in SQLite; each
returned record cites the passage stating its name and the asked-about field. Open questions are
answered from retrieved passages: extractively offline, or by the LLM when one is configured, and
then checked claim by claim (rag/verify.py). When nothing matches, the answer says so and shows the
nearest misses with the reason each one missed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional

from extractor.settings import Settings
from extractor.store import Store
from extractor.types import Project
from rag.passages import Citation
from rag.plan import QueryPlan


@dataclass
class NearMiss:
    record: Project
    reason: str
    citation: Optional[int] = None  # 1-based number of its citation in Answer.citations


@dataclass
class RemovedClaim:
    text: str
    reason: str


@dataclass
class Answer:
    question: str
    text: str
    plan: QueryPlan
    records: list[Project] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    record_citations: dict[str, list[int]] = field(default_factory=dict)  # record id -> citation numbers
    value: Optional[float] = None  # sum / max / min figure
    currency: Optional[str] = None
    count: Optional[int] = None
    total: int = 0  # matching records, even when fewer are returned
    near_misses: list[NearMiss] = field(default_factory=list)
    removed: list[RemovedClaim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    _numbers: dict = field(default_factory=dict, repr=False)  # citation key -> number, kept by cite()

    @property
    def empty(self) -> bool:
        return not self.records and self.plan.intent not in ("open",)

    @property
    def plan_summary(self) -> str:
        return self.plan.summary()

    def cite(self, citation: Optional[Citation]) -> Optional[int]:
        """Add a citation (once per passage) and return its number."""
        if citation is None:
            return None
        if len(self._numbers) != len(self.citations):  # citations appended directly: index them again
            self._numbers = {c.key(): i for i, c in enumerate(self.citations, start=1)}
        numbers = self._numbers
        number = numbers.get(citation.key())
        if number is not None:
            known = self.citations[number - 1]
            known.highlights = sorted(set(known.highlights) | set(citation.highlights))
            return number
        self.citations.append(citation)
        numbers[citation.key()] = len(self.citations)
        return len(self.citations)

    def contract(self) -> dict:
        plan = self.plan.model_dump(mode="json")
        plan["summary"] = self.plan.summary()
        return {"answer": self.text, "plan": plan, "records": [p.contract() for p in self.records],
                "citations": [c.contract() for c in self.citations]}


def make_plan(question: str, settings: Settings) -> QueryPlan:
    """The LLM planner when an endpoint is configured, else (and if it fails) the deterministic one."""
    from rag.planner import plan_question

    if settings.llm_base_url or settings.llm_api_key is not None:
        from extractor.errors import LLMError
        from rag.planner_llm import plan_with_llm

        try:
            return plan_with_llm(question, settings)
        except LLMError as err:
            plan = plan_question(question)
            plan.notes.append(f"LLM planner failed ({err}); used the deterministic planner.")
            return plan
    return plan_question(question)


def ask(question: str, store: Store, settings: Settings, index=None, plan: Optional[QueryPlan] = None) -> Answer:
    """Answer `question` from the store (and the retrieval index for open questions).

    Raises QuestionError when the question names an unknown place or an unreadable amount."""
    started = time.perf_counter()
    plan = plan or make_plan(question, settings)
    if plan.intent == "open":
        answer = _open(question, plan, store, settings, index)
    else:
        from rag.answer_records import answer_structured

        answer = answer_structured(plan, store)
        if answer is None:  # a lookup whose subject matches no record: answer from the passages
            answer = _open(question, plan, store, settings, index)
            answer.notes.insert(0, f"No record is named like “{plan.subject}”; answered from the passages.")
    answer.notes = plan.notes + answer.notes
    answer.seconds = time.perf_counter() - started
    return answer


def _open(question: str, plan: QueryPlan, store: Store, settings: Settings, index) -> Answer:
    from rag.answer_open import answer_open
    from rag.index import build_index

    index = index if index is not None else build_index(store, settings)
    return answer_open(question, plan, store, settings, index)
