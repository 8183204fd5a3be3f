"""Run a QueryPlan over the merged records in SQLite: matches, aggregates, named subjects.

Filters compile to SQL through RecordFilter.to_sql (the same code as `keyproj records`); the plan's
alternatives are OR-ed. Aggregates (sum, max, min) use one currency, CNY unless the question names
another: adding yuan to dollars would be wrong, so records in other currencies are counted aside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from extractor.errors import QuestionError
from extractor.filters import RecordFilter
from extractor.store import Store
from extractor.types import Project
from rag.names import coverage, search_terms
from rag.plan import QueryPlan

MAX_RECORDS = 200  # records returned for display; totals and counts always cover every match
SUBJECT_MIN_COVERAGE = 0.6

_ORDER = {
    "amount_desc": "amount_value IS NULL, amount_value DESC, name",
    "amount_asc": "amount_value IS NULL, amount_value ASC, name",
    "date_desc": "date IS NULL, date DESC, name",
    "date_asc": "date IS NULL, date ASC, name",
    "name": "name",
}


@dataclass
class Execution:
    records: list[Project]
    total: int  # every record the conditions match (records may be cut at the plan's limit)
    value: Optional[float] = None  # sum, max or min, in `currency`
    value_high: Optional[float] = None  # sum of upper bounds when some amounts are ranges
    currency: Optional[str] = None
    set_aside: int = 0  # matches left out of an aggregate because their amount is in another currency
    counted: int = 0  # records an aggregate is computed over (a matching amount in its currency)
    notes: list[str] = field(default_factory=list)


def compile_plan(plan: QueryPlan, extra: tuple[str, tuple] = ("", ())) -> tuple[str, tuple]:
    """The WHERE condition and arguments of a plan's record conditions."""
    alternatives, args = [], []
    for f in plan.filters:
        where, values = f.to_sql()
        alternatives.append(f"({where})" if where else "1")
        args += values
    conds = ["(" + " OR ".join(alternatives) + ")"] if alternatives else []
    if plan.currency:
        conds.append("currency = ?")
        args.append(plan.currency)
    if plan.has_amount:
        conds.append("amount_value IS NOT NULL")
    if extra[0]:
        conds.append(extra[0])
        args += extra[1]
    return " AND ".join(conds), tuple(args)


def _count(store: Store, where: str, args: tuple) -> int:
    sql = "SELECT COUNT(*) FROM records" + (f" WHERE {where}" if where else "")
    return int(store.db.execute(sql, args).fetchone()[0])


def top_records(store: Store, where: str, args: tuple, order: str, limit: int) -> list[Project]:
    """The first `limit` matches in `order`. Sorting ids first and parsing only the winners' JSON
    keeps a question over tens of thousands of records fast: SQLite's sorter would otherwise carry
    every matching record's JSON."""
    sql = "SELECT id FROM records" + (f" WHERE {where}" if where else "") + f" ORDER BY {order} LIMIT {int(limit)}"
    ids = [r[0] for r in store.db.execute(sql, args)]
    if not ids:
        return []
    found = {p.id: p for p in store.records(f"id IN ({','.join('?' * len(ids))})", tuple(ids))}
    return [found[i] for i in ids if i in found]


def run_structured(plan: QueryPlan, store: Store) -> Execution:
    where, args = compile_plan(plan)
    _check_subject_exists(plan, store)
    if plan.intent in ("sum", "max", "min"):
        return _aggregate(plan, store, where, args)
    total = _count(store, where, args)
    limit = min(plan.limit or MAX_RECORDS, MAX_RECORDS)
    order = _ORDER[plan.sort or "amount_desc"]
    records = top_records(store, where, args, order, limit)
    ex = Execution(records=records, total=total)
    if total > len(records):
        ex.notes.append(f"showing {len(records)} of {total} matching records")
    return ex


def _aggregate(plan: QueryPlan, store: Store, where: str, args: tuple) -> Execution:
    currency = plan.aggregate_currency
    in_currency = " AND ".join(filter(None, [where, "amount_value IS NOT NULL AND currency = ?"]))
    in_args = args + (currency,)
    total = _count(store, where, args)
    other = " AND ".join(filter(None, [where, "amount_value IS NOT NULL AND currency != ?"]))
    ex = Execution(records=[], total=total, currency=currency, set_aside=_count(store, other, in_args),
                   counted=_count(store, in_currency, in_args))
    if ex.counted > MAX_RECORDS:
        ex.notes.append(f"showing {MAX_RECORDS} of the {ex.counted} records counted")
    if plan.intent == "sum":
        row = store.db.execute(f"SELECT SUM(amount_value), SUM(coalesce(amount_max, amount_value)), "
                               f"SUM(amount_max IS NULL AND amount_min IS NOT NULL) FROM records WHERE {in_currency}",
                               in_args).fetchone()
        ex.value, ex.value_high = row[0], row[1]
        if row[2]:
            ex.value_high = None  # an open-ended amount ("more than X"): no upper bound for the total
        ex.records = top_records(store, in_currency, in_args, _ORDER["amount_desc"], MAX_RECORDS)
    else:
        best = "MAX" if plan.intent == "max" else "MIN"
        ex.value = store.db.execute(f"SELECT {best}(amount_value) FROM records WHERE {in_currency}",
                                    in_args).fetchone()[0]
        if ex.value is not None:
            # every record at the extreme, so ties are not hidden; then the next ones up to the limit
            limit = max(plan.limit or 1, 1)
            order = _ORDER["amount_desc" if plan.intent == "max" else "amount_asc"]
            ranked = top_records(store, in_currency, in_args, order, limit + 10)
            ex.records = [p for i, p in enumerate(ranked)
                          if i < limit or (p.amount and p.amount.comparable == ex.value)]
    return ex


def _check_subject_exists(plan: QueryPlan, store: Store) -> None:
    """A name-like word no record mentions ("Which Atlantis projects") is not an honest empty:
    it is either an unknown place or a name the corpus does not have; say which."""
    term = next((f.text or f.organization for f in plan.filters if f.text or f.organization), None)
    if not term:
        return
    if _count(store, *RecordFilter(text=term).to_sql()) == 0 and plan.subject_kind == "any":
        raise QuestionError(f"{term!r} is not a place keyproj knows (a Chinese province, city or county, in "
                            f"English or Chinese), and no record's project name or organisation contains it.")


# named subjects ---------------------------------------------------------------------------------

def find_subject_records(plan: QueryPlan, store: Store) -> list[Project]:
    """Records the plan's subject names: by project name (best coverage first) or organisation."""
    subject = plan.subject or ""
    where, args = compile_plan(plan.model_copy(update={"currency": None, "has_amount": False}))
    found: list[Project] = []
    if plan.subject_kind in ("project", "any"):
        found = _by_name(store, subject, where, args)
    if not found and plan.subject_kind in ("organization", "any"):
        org_where = " AND ".join(filter(None, [where, "instr(lower(coalesce(orgs,'')), lower(?))"]))
        found = store.records(org_where, args + (subject,), order=_ORDER["amount_desc"] + " LIMIT 20")
    return found


def _by_name(store: Store, subject: str, where: str, args: tuple) -> list[Project]:
    terms = search_terms(subject)
    if not terms:
        return []
    any_term = "(" + " OR ".join("instr(lower(name), ?)" for _ in terms) + ")"
    full = " AND ".join(filter(None, [where, any_term]))
    rows = store.db.execute(f"SELECT id, name FROM records WHERE {full}", args + tuple(terms)).fetchall()
    scored = sorted(((coverage(subject, name) + 0.1 * coverage(name, subject), rid) for rid, name in rows),
                    reverse=True)
    if not scored or scored[0][0] < SUBJECT_MIN_COVERAGE:
        return []
    best = scored[0][0]
    ids = [rid for score, rid in scored if score >= best - 0.05][:5]
    return [p for p in (store.get_record(rid) for rid in ids) if p is not None]
