"""Records as pandas frames for the app's tables and charts (pure: no Streamlit calls here)."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from extractor.types import Project
from ui.formatting import format_amount

YI = 1e8  # 1亿 = 100 million
COLUMNS = ["Project", "Amount", "亿元", "Province", "City", "District", "Status", "Date", "Organisations", "Sector",
           "Document"]


def records_frame(records: Iterable[Project]) -> pd.DataFrame:
    """One row per record. 'Amount' is the human text; '亿元' is the number the table sorts on."""
    rows = [
        {
            "Project": p.name,
            "Amount": format_amount(p.amount),
            "亿元": _yi(p),
            "Province": p.province or "",
            "City": p.city or "",
            "District": p.district or "",
            "Status": p.status.value if p.status else "",
            "Date": p.date or "",
            "Organisations": "; ".join(o.name for o in p.organizations),
            "Sector": p.sector or "",
            "Document": p.doc_id,
        }
        for p in records
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _yi(p: Project) -> float | None:
    """Yuan amounts in 亿元 (ranges at their lower bound); None for other currencies or no amount."""
    if p.amount is None or p.amount.currency != "CNY" or p.amount.comparable is None:
        return None
    return p.amount.comparable / YI


def investment_by_province(records: Iterable[Project]) -> pd.DataFrame:
    """Sum of yuan amounts per province, in 亿元, largest first (records without either are left out)."""
    frame = records_frame(records)
    frame = frame[(frame["Province"] != "") & frame["亿元"].notna()]
    totals = frame.groupby("Province", as_index=False)["亿元"].sum()
    return totals.sort_values("亿元", ascending=False).reset_index(drop=True)


def count_by_status(records: Iterable[Project]) -> pd.DataFrame:
    frame = records_frame(records)
    frame["Status"] = frame["Status"].replace("", "unknown")
    counts = frame.groupby("Status", as_index=False).size().rename(columns={"size": "Records"})
    return counts.sort_values("Records", ascending=False).reset_index(drop=True)
