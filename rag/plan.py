"""QueryPlan: what a question asks, typed. Both planners (deterministic and LLM) produce it and the
executor only reads it, so a plan can be shown, tested and re-run on its own.

The record conditions are `extractor.filters.RecordFilter`, the same type behind `keyproj records`
and the UI's Records page, so "exceeds" means the same thing everywhere.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from extractor.filters import AmountCondition, RecordFilter
from extractor.types import OrgRole

Intent = Literal["list", "count", "sum", "max", "min", "lookup", "open"]
SortKey = Literal["amount_desc", "amount_asc", "date_desc", "date_asc", "name"]
AskedField = Literal["organizations", "amount", "date", "place", "status", "sector", "name"]
SubjectKind = Literal["project", "organization", "any"]


class QueryPlan(BaseModel):
    question: str = Field(description="The question as asked.")
    lang: Literal["en", "zh"] = Field("en", description="Language of the question; the answer uses it too.")
    intent: Intent = Field(description="list: which records; count: how many; sum: total amount; max/min: the "
                           "record with the largest/smallest amount; lookup: a field of one named project or "
                           "organisation; open: anything else, answered from retrieved passages.")
    filters: list[RecordFilter] = Field(
        default_factory=lambda: [RecordFilter()],
        description="A record matches when it satisfies any one of these filters (one per place or "
        "spelling alternative: 'Fuzhou' alone is a city in Fujian and one in Jiangxi).")
    currency: Optional[str] = Field(None, description="Only amounts stated in this ISO currency ('USD' for "
                                    "'stated in US dollars'); sums, maxima and minima use it, else CNY.")
    has_amount: bool = Field(False, description="Only records with a stated amount.")
    subject: Optional[str] = Field(None, description="The project or organisation the question names, as written.")
    subject_kind: SubjectKind = Field("any", description="Whether the subject names a project or an organisation.")
    asked: Optional[AskedField] = Field(None, description="lookup: which field of the subject is asked for.")
    roles: list[OrgRole] = Field(default_factory=list, description="lookup of organisations: the roles asked "
                                 "for, most wanted first (undertaker for 'who builds', government for 'who listed').")
    sort: Optional[SortKey] = Field(None, description="Order of the returned records.")
    limit: Optional[int] = Field(None, ge=1, description="At most this many records.")
    notes: list[str] = Field(default_factory=list, description="How the question was read, for the user.")

    @property
    def aggregate_currency(self) -> str:
        return self.currency or next((c.currency for f in self.filters for c in f.amounts), "CNY")

    def summary(self) -> str:
        """One line a person can check: 'list · province Jiangxi · amount > 500 million yuan'."""
        parts = [self.intent]
        alternatives = [describe_filter(f) for f in self.filters if not f.is_empty()]
        if alternatives:
            parts.append(" OR ".join(f"({a})" if len(alternatives) > 1 else a for a in alternatives))
        if self.currency:
            parts.append(f"amount stated in {self.currency}")
        if self.has_amount:
            parts.append("amount stated")
        if self.subject and not any(self.subject in (f.text, f.organization) for f in self.filters):
            parts.append(f"{self.subject_kind} “{self.subject}”")
        if self.asked:
            parts.append(f"asks for {self.asked}" + (f" ({', '.join(r.value for r in self.roles)})" if self.roles else ""))
        if self.sort:
            parts.append(f"sorted by {self.sort.replace('_', ' ')}")
        if self.limit:
            parts.append(f"limit {self.limit}")
        return " · ".join(parts)


_OP_WORDS = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "eq": "="}


def describe_amount(c: AmountCondition) -> str:
    return f"amount {_OP_WORDS[c.op]} {c.value:,.0f} {c.currency}"


def describe_filter(f: RecordFilter) -> str:
    parts = [f"{name} {getattr(f, name)}" for name in ("province", "city", "district", "status", "sector",
                                                       "organization", "text") if getattr(f, name)]
    parts += [describe_amount(c) for c in f.amounts]
    if f.date_from or f.date_to:
        parts.append(f"date {f.date_from}" if f.date_from == f.date_to else
                     f"date {f.date_from or '…'} to {f.date_to or '…'}")
    return ", ".join(parts)
