"""Records page: filter the merged records, sort them, download them, see them by province and status."""

from __future__ import annotations

import streamlit as st

from extractor.filters import AmountCondition, RecordFilter
from extractor.types import Project, Status
from ui.formatting import to_csv, to_jsonl
from ui.resources import get_store
from ui.tables import YI, count_by_status, investment_by_province
from ui.widgets import records_table

ANY = "(any)"


def place_labels(records: list[Project], level: str) -> dict[str, str]:
    """Canonical English place -> 'English (中文)' label, for the places the records mention."""
    labels: dict[str, str] = {}
    for p in records:
        en, zh = getattr(p, level), getattr(p, f"{level}_zh")
        if en and en not in labels:
            labels[en] = f"{en} ({zh})" if zh else en
    return dict(sorted(labels.items()))


def filter_inputs(everything: list[Project]) -> RecordFilter:
    with st.container(border=True):
        c1, c2, c3, c4 = st.columns(4)
        provinces = place_labels(everything, "province")
        province = c1.selectbox("Province", [ANY, *provinces], format_func=lambda v: provinces.get(v, v))
        in_province = [p for p in everything if province == ANY or p.province == province]
        cities = place_labels(in_province, "city")
        city = c2.selectbox("City", [ANY, *cities], format_func=lambda v: cities.get(v, v))
        status = c3.selectbox("Status", [ANY, *(s.value for s in Status)])
        sector = c4.text_input("Sector", placeholder="e.g. blockchain")
        c5, c6, c7, c8 = st.columns(4)
        low = c5.number_input("Amount at least (亿元)", min_value=0.0, value=None, step=1.0,
                              help="1亿元 = 100 million yuan. Records in other currencies are left out.")
        high = c6.number_input("Amount at most (亿元)", min_value=0.0, value=None, step=1.0)
        organization = c7.text_input("Organisation", placeholder="part of a company or agency name")
        text = c8.text_input("Search", placeholder="words in the project or organisation names")
    amounts = [AmountCondition(op=op, value=v * YI, currency="CNY", text=f"{v}亿元")
               for op, v in (("gte", low), ("lte", high)) if v is not None]
    return RecordFilter(
        province=None if province == ANY else province, city=None if city == ANY else city,
        status=None if status == ANY else status, sector=sector.strip() or None,
        organization=organization.strip() or None, text=text.strip() or None, amounts=amounts,
    )


def show_table(records: list[Project]) -> None:
    records_table(records, keep_document=True)
    with st.container(horizontal=True):
        st.download_button("Download CSV", to_csv(records), file_name="keyproj-records.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore")
        st.download_button("Download JSONL", to_jsonl(records), file_name="keyproj-records.jsonl",
                           mime="application/jsonl", icon=":material/download:", on_click="ignore")


def show_charts(records: list[Project]) -> None:
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Investment by province (亿元)")
        totals = investment_by_province(records)
        if totals.empty:
            st.caption("No yuan amounts among these records.")
        else:
            st.bar_chart(totals, x="Province", y="亿元", horizontal=True, sort="-亿元")
            st.caption("Yuan amounts only; a range counts at its lower bound.")
    with right:
        st.subheader("Records by status")
        st.bar_chart(count_by_status(records), x="Status", y="Records", horizontal=True, sort="-Records")


st.title("Records")
st.caption("Every project extracted from the articles, merged across sources. Click a column header to sort.")
store = get_store()
everything = store.records()
if not everything:
    st.info("No records yet: upload articles on the Documents page (or run `keyproj extract seeds/`).")
    st.stop()
where, args = filter_inputs(everything).to_sql()
records = store.records(where, args)
st.markdown(f"**{len(records)}** of {len(everything)} records")
show_table(records)
if records:
    show_charts(records)
