"""The LLM question planner: instructor fills a PlanDraft, which is then normalised into the same
QueryPlan the deterministic planner produces.

The model only reads the question; it never decides what a place or an amount *is*. Place names
go through the gazetteer (unknown ones raise QuestionError) and amounts through the money parser,
so "exceed 500 million yuan" is 5e8 and strictly greater whichever planner read it.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from extractor.errors import LLMError, QuestionError
from extractor.filters import RecordFilter
from extractor.settings import Settings
from extractor.types import ISO_DATE, OrgRole, Status
from rag.plan import AskedField, Intent, QueryPlan, SortKey, SubjectKind
from rag.plan_amounts import threshold_from_text
from rag.plan_places import resolve_place_name
from rag.planner import question_lang


class DraftAmount(BaseModel):
    op: Literal["gt", "gte", "lt", "lte", "eq"] = Field(
        description="gt for exceed/more than/over/超过; gte for at least/not less than/不低于; lt for below/"
        "less than/低于; lte for at most/不超过; eq for exactly. 'between A and B' is gte A plus lte B.")
    amount: str = Field(description="The amount as written in the question, e.g. '500 million yuan', 'US$40 "
                        "million', '5亿元'.")


class PlanDraft(BaseModel):
    """What the question asks, read off its words. Leave a field empty when the question does not say it."""

    intent: Intent = Field(description="list (which projects), count (how many), sum (total investment), max/min "
                           "(largest/smallest investment), lookup (a fact about one named project or company), "
                           "open (anything else).")
    provinces: list[str] = Field(default_factory=list, description="Provinces named, as written (Jiangxi, 江西省).")
    cities: list[str] = Field(default_factory=list, description="Cities named, as written (Harbin, 哈尔滨).")
    districts: list[str] = Field(default_factory=list, description="Counties or districts named, as written.")
    amounts: list[DraftAmount] = Field(default_factory=list, description="Conditions on the investment amount.")
    currency: Optional[str] = Field(None, description="USD when the question asks for amounts in US dollars.")
    has_amount: bool = Field(False, description="True when only projects with a stated investment are wanted.")
    status: Optional[Status] = Field(None, description="signed, listed (in a key project list), approved, planned.")
    sector: Optional[str] = Field(None, description="Industry keyword, e.g. blockchain, 光伏.")
    date_from: Optional[str] = Field(None, description="ISO start of the date range: '2020-03' for March 2020.")
    date_to: Optional[str] = Field(None, description="ISO end of the date range (inclusive): '2020-03'.")
    subject: Optional[str] = Field(None, description="Project or organisation name the question names, as written.")
    subject_kind: SubjectKind = Field("any", description="project or organization, when the subject is one.")
    asked: Optional[AskedField] = Field(None, description="lookup: the field asked for.")
    roles: list[OrgRole] = Field(default_factory=list, description="lookup of organisations: roles asked for.")
    sort: Optional[SortKey] = None
    limit: Optional[int] = Field(None, ge=1)


def _places(draft: PlanDraft) -> list[dict]:
    provinces = [f for name in draft.provinces for f in resolve_place_name(name, "province")]
    lower = [f for name in draft.cities for f in resolve_place_name(name, "city")]
    lower += [f for name in draft.districts for f in resolve_place_name(name, "district")]
    named = {f["province"] for f in provinces}
    if named and lower:
        lower = [f for f in lower if f["province"] in named] or lower
        named -= {f["province"] for f in lower}
    return lower + [f for f in provinces if f["province"] in named]


def _date(value: Optional[str]) -> Optional[str]:
    if value and not ISO_DATE.match(value):
        raise QuestionError(f"cannot read the date {value!r}: use ISO dates such as 2020-03 or 2020-03-27.")
    return value or None


def to_plan(question: str, draft: PlanDraft) -> QueryPlan:
    """Normalise a draft into a QueryPlan (canonical places, parsed amounts); QuestionError if unreadable."""
    currency = draft.currency.upper() if draft.currency else None
    amounts = [threshold_from_text(a.amount, a.op, currency) for a in draft.amounts]
    base = RecordFilter(amounts=amounts, status=draft.status.value if draft.status else None, sector=draft.sector,
                        date_from=_date(draft.date_from), date_to=_date(draft.date_to))
    if draft.subject and draft.intent not in ("lookup", "open"):
        base = base.model_copy(update={"organization" if draft.subject_kind == "organization" else "text": draft.subject})
    filters = [base.model_copy(update=p) for p in _places(draft)] or [base]
    if draft.intent == "lookup" and not draft.subject:
        raise QuestionError("the question asks about a project or company but does not name one")
    return QueryPlan(question=question, lang=question_lang(question), intent=draft.intent, filters=filters,
                     currency=currency, has_amount=draft.has_amount, subject=draft.subject,
                     subject_kind=draft.subject_kind, asked=draft.asked, roles=draft.roles, sort=draft.sort,
                     limit=draft.limit, notes=["planned by the LLM"])


def plan_with_llm(question: str, settings: Settings) -> QueryPlan:
    from extractor.llm_client import build_client

    messages = [
        {"role": "system", "content": "You turn questions about Chinese key investment projects into a query plan. "
                                      "Copy names and amounts exactly as the question writes them."},
        {"role": "user", "content": question},
    ]
    try:
        draft = build_client(settings).chat.completions.create(
            model=settings.llm_model, response_model=PlanDraft, messages=messages,
            max_retries=settings.llm_max_retries)
    except Exception as err:  # transport, validation and SDK errors alike: the caller falls back
        raise LLMError(f"{type(err).__name__}: {err}") from err
    return to_plan(question, draft)
