"""Nearest misses for an empty answer: records that fail exactly one condition, and why.

For each condition that can be relaxed (an amount bound, the date window, the status, the
currency), the records meeting every other condition are the misses of that one; amounts are
ranked by how close they came. A place is never relaxed: "nothing in Hainan" is not helped by
projects in Hunan.
"""

from __future__ import annotations

import math
from typing import Callable

from extractor.filters import RecordFilter
from extractor.store import Store
from extractor.types import Project
from rag import wording
from rag.execute import compile_plan, top_records
from rag.plan import QueryPlan

MAX_MISSES = 5
Reason = Callable[[Project], str]


def _relaxations(plan: QueryPlan, f: RecordFilter) -> list[tuple[QueryPlan, Reason, Callable[[Project], float], str]]:
    """(plan with one condition dropped, reason a record missed it, distance to the bound, SQL order)."""
    out = []
    lang = plan.lang
    for i, cond in enumerate(f.amounts):
        relaxed = f.model_copy(update={"amounts": f.amounts[:i] + f.amounts[i + 1:]})
        out.append((plan.model_copy(update={"filters": [relaxed]}),
                    lambda p, c=cond: wording.amount_reason(p, c, lang),
                    lambda p, c=cond: _amount_distance(p, c.value),
                    f"abs(coalesce(amount_value, 1e300) - {float(cond.value)!r})"))
    if f.date_from or f.date_to:
        relaxed = f.model_copy(update={"date_from": None, "date_to": None})
        out.append((plan.model_copy(update={"filters": [relaxed]}),
                    lambda p: wording.date_reason(p, f.date_from, f.date_to, lang), lambda p: 0.0, "date IS NULL, date"))
    if f.status:
        relaxed = f.model_copy(update={"status": None})
        out.append((plan.model_copy(update={"filters": [relaxed]}),
                    lambda p: wording.status_reason(p, f.status, lang), lambda p: 0.0, "name"))
    if plan.currency:
        out.append((plan.model_copy(update={"filters": [f], "currency": None}),
                    lambda p: _currency_reason(p, plan.currency, lang), lambda p: 0.0, "name"))
    return out


def _amount_distance(p: Project, threshold: float) -> float:
    value = p.amount.comparable if p.amount else None
    if not value or value <= 0 or threshold <= 0:
        return math.inf
    return abs(math.log(value / threshold))


def _currency_reason(p: Project, currency: str, lang: str) -> str:
    if p.amount is None:
        return "未披露投资额" if lang == "zh" else "no amount is stated"
    return (f"投资额以{p.amount.currency}计" if lang == "zh"
            else f"its amount ({p.amount.text}) is in {p.amount.currency}, not {currency}")


def near_misses(plan: QueryPlan, store: Store) -> list[tuple[Project, str]]:
    found: list[tuple[float, Project, str]] = []
    seen: set[str] = set()
    for f in plan.filters:
        for relaxed, reason, distance, order in _relaxations(plan, f):
            where, args = compile_plan(relaxed)
            for p in top_records(store, where, args, order, MAX_MISSES * 4):
                if p.id not in seen:
                    seen.add(p.id)
                    found.append((distance(p), p, reason(p)))
    found.sort(key=lambda t: t[0])
    return [(p, why) for _, p, why in found[:MAX_MISSES]]
