"""Answers to structured questions: records from SQLite, each with a citation of its evidence."""

from __future__ import annotations

from typing import Optional

from extractor.types import Project
from rag import wording
from rag.answers import Answer, NearMiss
from rag.execute import Execution, find_subject_records, run_structured
from rag.nearmiss import near_misses
from rag.passages import Documents, record_citation
from rag.plan import QueryPlan, describe_filter

TEXT_LINES = 25  # records listed in the answer text; every returned record is in Answer.records

_LOOKUP_FIELDS = {
    "organizations": ["name", "organizations"], "amount": ["name", "amount"], "date": ["name", "date", "status"],
    "place": ["name", "district", "city", "province"], "status": ["name", "status", "date"],
    "sector": ["name", "sector"],
}


def answer_structured(plan: QueryPlan, store) -> Optional[Answer]:
    docs = Documents(store)
    if plan.intent == "lookup":
        return _lookup(plan, store, docs)
    ex = run_structured(plan, store)
    answer = Answer(question=plan.question, text="", plan=plan, records=ex.records, total=ex.total,
                    notes=list(ex.notes), currency=ex.currency)
    fields = _cited_fields(plan)
    docs.prefetch(e.doc_id for p in ex.records for e in p.evidence)
    for p in ex.records:
        number = answer.cite(record_citation(docs, p, fields))
        answer.record_citations[p.id] = [number] if number else []
    if plan.intent == "count":
        answer.count = ex.total
    if plan.intent in ("sum", "max", "min"):
        answer.value = ex.value
    if not ex.records:
        for p, reason in near_misses(plan, store):
            answer.near_misses.append(NearMiss(p, reason, answer.cite(record_citation(docs, p, fields))))
    answer.text = _compose(plan, ex, answer)
    return answer


def _cited_fields(plan: QueryPlan) -> list[str]:
    fields = ["name", "amount"]
    if any(f.date_from or f.date_to for f in plan.filters):
        fields.append("date")
    return fields


def _line(answer: Answer, p: Project, lang: str) -> str:
    refs = "".join(f" [{n}]" for n in answer.record_citations.get(p.id, []))
    return f"{p.name} — {wording.amount_text(p.amount, lang)}{refs}"


def _conditions(plan: QueryPlan) -> str:
    parts = [describe_filter(f) for f in plan.filters if not f.is_empty()]
    if plan.currency:
        parts.append(f"amount in {plan.currency}")
    return " OR ".join(parts) or ("全部记录" if plan.lang == "zh" else "all records")


def _compose(plan: QueryPlan, ex: Execution, answer: Answer) -> str:
    zh = plan.lang == "zh"
    lines = [f"{i}. {_line(answer, p, plan.lang)}" for i, p in enumerate(ex.records[:TEXT_LINES], start=1)]
    shown_of = ex.counted if plan.intent in ("sum", "max", "min") else ex.total
    if plan.intent in ("sum", "count", "list") and shown_of > len(lines):
        more = shown_of - len(lines)
        lines.append(f"……另有{more}个（见记录表）" if zh else f"… and {more} more (see the records).")
    if plan.intent in ("max", "min") and len(ex.records) == 1:
        lines = []  # the head already names the one record
    if plan.intent in ("sum", "max", "min") and ex.value is not None:
        head = _aggregate_head(plan, ex, answer)
    elif not ex.records:
        head = wording.no_match(plan.lang, _conditions(plan))
        if plan.intent == "count":
            head = ("共0个项目。" if zh else "0 projects match. ") + head
    elif plan.intent == "count":
        head = f"共{ex.total}个项目符合条件：" if zh else f"{ex.total} project{'s' * (ex.total != 1)} match:"
    else:
        head = f"共{ex.total}个项目符合条件：" if zh else f"{ex.total} matching project{'s' * (ex.total != 1)}:"
    misses = [f"- {m.record.name}: {m.reason}" + (f" [{m.citation}]" if m.citation else "") for m in answer.near_misses]
    if misses:
        misses.insert(0, "最接近的记录：" if zh else "Nearest misses:")
    if ex.set_aside and plan.intent in ("sum", "max", "min"):
        lines.append(f"（另有{ex.set_aside}个匹配项目的投资额不以{ex.currency}计，未计入。）" if zh else
                     f"({ex.set_aside} matching project(s) with amounts in other currencies are not included.)")
    return "\n".join([head] + lines + misses)


def _aggregate_head(plan: QueryPlan, ex: Execution, answer: Answer) -> str:
    zh, lang = plan.lang == "zh", plan.lang
    figure = wording.money(ex.value, ex.currency or "CNY", lang)
    if plan.intent == "sum":
        n = ex.counted
        if ex.value_high is not None and abs(ex.value_high - ex.value) > 0.5:
            high = wording.money(ex.value_high, ex.currency or "CNY", lang)
            figure = f"{figure}–{high}" if zh else f"between {figure} and {high} (some amounts are ranges)"
        return f"合计{figure}（{n}个项目）：" if zh else f"Total: {figure} across {n} project{'s' * (n != 1)}:"
    top = ex.records[0]
    refs = "".join(f" [{n}]" for n in answer.record_citations.get(top.id, []))
    largest = plan.intent == "max"
    if zh:
        return f"投资额{'最大' if largest else '最小'}的项目：{top.name}（{wording.amount_text(top.amount, lang)}）{refs}"
    return (f"{'Largest' if largest else 'Smallest'} investment: {top.name} — "
            f"{wording.amount_text(top.amount, lang)}{refs}" + ("" if len(ex.records) == 1 else ". Ranked:"))


# lookups ------------------------------------------------------------------------------------------

def _lookup(plan: QueryPlan, store, docs: Documents) -> Optional[Answer]:
    records = find_subject_records(plan, store)
    if not records:
        return None
    answer = Answer(question=plan.question, text="", plan=plan, records=records, total=len(records))
    fields = _LOOKUP_FIELDS.get(plan.asked or "", ["name", "amount", "date", "status"])
    lines = []
    for p in records:
        number = answer.cite(record_citation(docs, p, fields) or record_citation(docs, p, ["name"]))
        answer.record_citations[p.id] = [number] if number else []
        ref = f" [{number}]" if number else ""
        lines.append(f"{p.name}: {_asked_value(plan, p)}{ref}")
    answer.text = "\n".join(lines)
    return answer


def _asked_value(plan: QueryPlan, p: Project) -> str:
    lang, zh = plan.lang, plan.lang == "zh"
    if plan.asked == "organizations":
        return _organizations(plan, p)
    if plan.asked == "amount":
        if p.amount is None:
            return wording.amount_text(None, lang)
        normal = wording.amount_range(p.amount, lang)
        return p.amount.text + (f" ({normal})" if normal != p.amount.text else "")
    if plan.asked == "date":
        return (p.date or ("未注明日期" if zh else "no date stated")) + (f" ({p.status.value})" if p.status else "")
    if plan.asked == "place":
        return wording.place_of(p) or ("未注明地点" if zh else "no place stated")
    parts = [wording.place_of(p), wording.amount_text(p.amount, lang), p.status.value if p.status else "", p.date or ""]
    return ", ".join(x for x in parts if x)


def _organizations(plan: QueryPlan, p: Project) -> str:
    if not p.organizations:
        return "未注明相关单位" if plan.lang == "zh" else "no organisation is named"
    rank = {role: i for i, role in enumerate(plan.roles)}
    wanted = sorted((o for o in p.organizations if o.role in rank), key=lambda o: rank[o.role])
    others = [o for o in p.organizations if o not in wanted]
    shown = wanted or others
    text = "; ".join(f"{o.name} ({o.role.value})" for o in shown)
    if wanted and others:
        text += ("；另有 " if plan.lang == "zh" else "; also named: ") + "; ".join(
            f"{o.name} ({o.role.value})" for o in others)
    return text
