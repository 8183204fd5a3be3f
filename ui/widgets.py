"""Streamlit pieces shared by several pages."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import streamlit as st

from extractor.types import Project
from ui.tables import records_frame

OPTIONAL_COLUMNS = ("District", "Sector", "Date", "Organisations")  # hidden when no record states them


def records_table(records: list[Project], sources: Optional[list[str]] = None, keep_document: bool = False) -> None:
    """A sortable table of records: amounts as text (yuan and 亿元) and as a 亿元 number to sort on."""
    frame = records_frame(records)
    if not keep_document:
        frame = frame.drop(columns=["Document"])
    if sources is not None:
        frame.insert(1, "Sources", sources)
    frame = frame.drop(columns=[c for c in OPTIONAL_COLUMNS if not _any(frame[c])])
    st.dataframe(frame, hide_index=True, width="stretch", placeholder="–", column_config={
        "Project": st.column_config.TextColumn("Project", width="large"),
        "Amount": st.column_config.TextColumn("Amount", help="Normalised: yuan and 亿元; a range as min – max"),
        "亿元": st.column_config.NumberColumn("亿元", format="%.2f", help="Yuan amount in 亿元 (sorts the table)"),
        "Sources": st.column_config.TextColumn("Sources", width="small"),
        "Document": st.column_config.TextColumn("Document", width="small"),
    })


def _any(column: pd.Series) -> bool:
    return bool(column.fillna("").astype(str).str.strip().ne("").any())
