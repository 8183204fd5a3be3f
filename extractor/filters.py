"""Typed filters over merged records, compiled to SQL on the store's typed columns.

Shared by `keyproj records`, the UI's Records page and the question planner's structured queries,
so "exceeds" means the same thing everywhere.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

from extractor.types import Project

Comparison = Literal["gt", "gte", "lt", "lte", "eq"]
_SQL_OP = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "eq": "="}


class AmountCondition(BaseModel):
    """A bound on a record's amount: 'exceed' is gt (strictly greater), 'at least' is gte."""

    op: Comparison = Field(description="gt (exceeds, more than), gte (at least), lt (below), lte (at most), eq.")
    value: float = Field(description="Threshold in currency units, e.g. 500000000 for 500 million yuan.")
    currency: str = Field("CNY", description="ISO currency of the threshold.")
    text: str = Field("", description="The threshold as the question wrote it.")

    def holds(self, amount: Optional[float]) -> bool:
        if amount is None:
            return False
        return {"gt": amount > self.value, "gte": amount >= self.value, "lt": amount < self.value,
                "lte": amount <= self.value, "eq": abs(amount - self.value) <= 0.005 * self.value}[self.op]


class RecordFilter(BaseModel):
    province: Optional[str] = Field(None, description="Canonical English province, e.g. 'Jiangxi'.")
    city: Optional[str] = Field(None, description="Canonical English city, e.g. 'Harbin'.")
    district: Optional[str] = Field(None, description="Canonical English district or county.")
    amounts: list[AmountCondition] = Field(default_factory=list, description="All must hold.")
    status: Optional[str] = Field(None, description="listed, signed, approved, planned or other.")
    sector: Optional[str] = Field(None, description="Keyword matched in sector and name.")
    organization: Optional[str] = Field(None, description="Substring of an organisation name.")
    text: Optional[str] = Field(None, description="Substring of the name or organisations.")
    date_from: Optional[str] = Field(None, description="ISO date; records dated on or after.")
    date_to: Optional[str] = Field(None, description="ISO date; records dated on or before (prefix-inclusive).")

    def is_empty(self) -> bool:
        return self == RecordFilter()

    def to_sql(self) -> tuple[str, tuple]:
        """A WHERE condition over the `records` table and its arguments."""
        conds: list[str] = []
        args: list = []
        for column in ("province", "city", "district", "status"):
            value = getattr(self, column)
            if value:
                conds.append(f"lower({column}) = lower(?)")
                args.append(value)
        for cond in self.amounts:
            conds.append(f"amount_value {_SQL_OP[cond.op]} ? AND currency = ?" if cond.op != "eq"
                         else "abs(amount_value - ?) <= 0.005 * amount_value AND currency = ?")
            args += [cond.value, cond.currency]
        if self.sector:
            conds.append("(instr(lower(coalesce(sector,'')), lower(?)) OR instr(lower(name), lower(?)))")
            args += [self.sector, self.sector]
        if self.organization:
            conds.append("instr(lower(coalesce(orgs,'')), lower(?))")
            args.append(self.organization)
        if self.text:
            conds.append("(instr(lower(name), lower(?)) OR instr(lower(coalesce(orgs,'')), lower(?)))")
            args += [self.text, self.text]
        if self.date_from:
            conds.append("date >= ?")
            args.append(self.date_from)
        if self.date_to:
            # "2020-03" as an upper bound includes every day of March 2020
            conds.append("substr(date, 1, ?) <= ?")
            args += [len(self.date_to), self.date_to]
        return " AND ".join(conds), tuple(args)

    def matches(self, p: Project) -> bool:
        """The same test in Python, for records that are not in a store (evals, previews)."""
        lower = lambda s: (s or "").lower()  # noqa: E731
        orgs = " | ".join(o.name for o in p.organizations).lower()
        checks = [
            not self.province or lower(p.province) == self.province.lower(),
            not self.city or lower(p.city) == self.city.lower(),
            not self.district or lower(p.district) == self.district.lower(),
            not self.status or (p.status and p.status.value == self.status),
            all(c.holds(p.amount.comparable if p.amount and p.amount.currency == c.currency else None)
                for c in self.amounts),
            not self.sector or self.sector.lower() in lower(p.sector) or self.sector.lower() in p.name.lower(),
            not self.organization or self.organization.lower() in orgs,
            not self.text or self.text.lower() in p.name.lower() or self.text.lower() in orgs,
            not self.date_from or (p.date is not None and p.date >= self.date_from),
            not self.date_to or (p.date is not None and p.date[: len(self.date_to)] <= self.date_to),
        ]
        return all(checks)
