"""Widgets to edit the record filters of a question's plan, so a misread question can be corrected.

A plan holds a list of alternative filters (a record matches any one); each gets its own block of
widgets. Amounts are edited in 亿 (100 million) of the condition's currency, the unit people use.
"""

from __future__ import annotations

from typing import Optional

import streamlit as st

from extractor.filters import AmountCondition, RecordFilter
from extractor.types import Status

YI = 1e8
NONE = "(none)"
ANY = "(any)"
OPS = {"gt": "more than", "gte": "at least", "lt": "less than", "lte": "at most", "eq": "equal to"}
AMOUNT_SLOTS = 2  # a range needs two conditions; more is never asked for


def edit_plan(plan, key: str):
    """A form prefilled with the plan's filters; returns the edited plan when submitted, else None."""
    with st.form(key=f"{key}-plan", border=False):
        filters = []
        for j, flt in enumerate(plan.filters):
            if len(plan.filters) > 1:
                st.markdown(f"**Alternative {j + 1}** (a record matches any alternative)")
            filters.append(_filter_widgets(flt, f"{key}-f{j}"))
        submitted = st.form_submit_button("Re-run with these filters", icon=":material/replay:")
    if not submitted:
        return None
    return plan.model_copy(update={"filters": filters})


def _filter_widgets(flt: RecordFilter, key: str) -> RecordFilter:
    c1, c2, c3, c4 = st.columns(4)
    province = c1.text_input("Province", flt.province or "", key=f"{key}-province")
    city = c2.text_input("City", flt.city or "", key=f"{key}-city")
    district = c3.text_input("District", flt.district or "", key=f"{key}-district")
    statuses = [ANY, *(s.value for s in Status)]
    status = c4.selectbox("Status", statuses, index=statuses.index(flt.status) if flt.status in statuses else 0,
                          key=f"{key}-status")
    amounts = [_amount_widgets(flt.amounts[i] if i < len(flt.amounts) else None, f"{key}-a{i}")
               for i in range(max(AMOUNT_SLOTS, len(flt.amounts)))]
    c1, c2, c3, c4, c5 = st.columns(5)
    sector = c1.text_input("Sector", flt.sector or "", key=f"{key}-sector")
    organization = c2.text_input("Organisation", flt.organization or "", key=f"{key}-org")
    text = c3.text_input("Name contains", flt.text or "", key=f"{key}-text")
    date_from = c4.text_input("Dated from", flt.date_from or "", placeholder="YYYY[-MM[-DD]]", key=f"{key}-from")
    date_to = c5.text_input("Dated to", flt.date_to or "", placeholder="YYYY[-MM[-DD]]", key=f"{key}-to")
    return RecordFilter(
        province=province.strip() or None, city=city.strip() or None, district=district.strip() or None,
        status=None if status == ANY else status, amounts=[a for a in amounts if a],
        sector=sector.strip() or None, organization=organization.strip() or None, text=text.strip() or None,
        date_from=date_from.strip() or None, date_to=date_to.strip() or None,
    )


def _amount_widgets(cond: Optional[AmountCondition], key: str) -> Optional[AmountCondition]:
    currency = cond.currency if cond else "CNY"
    c1, c2, _ = st.columns([1, 1, 2])
    ops = [NONE, *OPS]
    op = c1.selectbox("Amount is", ops, index=ops.index(cond.op) if cond else 0, key=f"{key}-op",
                      format_func=lambda o: OPS.get(o, o))
    unit = "亿元" if currency == "CNY" else f"亿 {currency}"
    value = c2.number_input(f"Threshold ({unit})", min_value=0.0, value=cond.value / YI if cond else None,
                            step=0.5, format="%g", key=f"{key}-value")
    if op == NONE or value is None:
        return None
    unchanged = cond is not None and cond.op == op and abs(cond.value - value * YI) < 1
    text = cond.text if unchanged else f"{value:g}{unit}"
    return AmountCondition(op=op, value=value * YI, currency=currency, text=text)
