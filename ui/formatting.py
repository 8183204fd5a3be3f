"""Rendering records for people (tables, 亿元) and for programs (JSONL, CSV)."""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Optional

from extractor.types import Amount, Project

CSV_COLUMNS = [
    "id", "name", "province", "city", "district", "organizations", "amount_value", "amount_min",
    "amount_max", "currency", "amount_text", "date", "status", "sector", "doc_id",
]


def format_amount(amount: Optional[Amount]) -> str:
    """'500,000,000 CNY (5亿元)' style, ranges as 'min – max'."""
    if amount is None:
        return ""
    if amount.value is None and amount.min is not None and amount.max is not None:
        body = f"{_num(amount.min)} – {_num(amount.max)}"
        yi = f"{_yi(amount.min)}–{_yi(amount.max)}" if amount.currency == "CNY" else ""
    else:
        figure = amount.comparable
        body = _num(figure) if figure is not None else amount.text
        if amount.value is not None and amount.max is None and amount.min == amount.value:
            body = "≥ " + body
        yi = _yi(figure) if amount.currency == "CNY" and figure is not None else ""
    return f"{body} {amount.currency}" + (f" ({yi}亿元)" if yi else "")


def compact_amount(amount: Optional[Amount]) -> str:
    """Short form for terminal tables: '10亿元', '5,000万元', '3–5亿元', '≥ 3亿元', '50,000,000 USD'."""
    if amount is None:
        return ""
    if amount.currency != "CNY":
        fmt = _num
        unit = f" {amount.currency}"
    else:
        big = (amount.comparable or amount.max or 0) >= 1e8
        fmt = (lambda x: f"{x / 1e8:,.4g}") if big else (lambda x: f"{x / 1e4:,.6g}")
        unit = "亿元" if big else "万元"
    if amount.value is None and amount.min is not None and amount.max is not None:
        return f"{fmt(amount.min)}–{fmt(amount.max)}{unit}"
    figure = amount.comparable
    if figure is None:
        return amount.text
    prefix = "≥ " if amount.max is None else ""
    return f"{prefix}{fmt(figure)}{unit}"


def _num(x: float) -> str:
    return f"{x:,.0f}"


def _yi(x: float) -> str:
    return f"{x / 1e8:,.4g}"


def to_jsonl(records: Iterable[Project]) -> str:
    return "".join(json.dumps(p.contract(), ensure_ascii=False) + "\n" for p in records)


def to_csv(records: Iterable[Project]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for p in records:
        writer.writerow(csv_row(p))
    return buf.getvalue()


def csv_row(p: Project) -> dict:
    a = p.amount
    return {
        "id": p.id, "name": p.name, "province": p.province, "city": p.city, "district": p.district,
        "organizations": "; ".join(f"{o.name} ({o.role.value})" for o in p.organizations),
        "amount_value": a.value if a else None, "amount_min": a.min if a else None,
        "amount_max": a.max if a else None, "currency": a.currency if a else None,
        "amount_text": a.text if a else None, "date": p.date,
        "status": p.status.value if p.status else None, "sector": p.sector, "doc_id": p.doc_id,
    }


def lead_organisation(p: Project) -> str:
    """The company doing the work rather than the body that listed it, when both are named."""
    doers = [o for o in p.organizations if o.role.value in ("undertaker", "investor", "signer")]
    return (doers or p.organizations)[0].name if p.organizations else ""


def table_rows(records: Iterable[Project]) -> list[dict]:
    """Compact rows for a terminal table: the lead organisation only, amounts in 亿元/万元."""
    return [
        {
            "Project": p.name,
            "Place": ", ".join(x for x in (p.city, p.province) if x),
            "Lead organisation": lead_organisation(p),
            "Amount": compact_amount(p.amount),
            "Date": p.date or "",
            "Status": p.status.value if p.status else "",
        }
        for p in records
    ]
