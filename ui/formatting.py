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


def table_rows(records: Iterable[Project]) -> list[dict]:
    """Rows for a human table (CLI and Streamlit)."""
    return [
        {
            "Project": p.name,
            "Place": ", ".join(x for x in (p.district, p.city, p.province) if x),
            "Organisations": "; ".join(o.name for o in p.organizations),
            "Amount": format_amount(p.amount),
            "Date": p.date or "",
            "Status": p.status.value if p.status else "",
        }
        for p in records
    ]
