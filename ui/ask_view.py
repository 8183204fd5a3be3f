"""How the Ask page shows one answer: the text, the plan (editable), the records and citation cards."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from ui.plan_editor import edit_plan
from ui.render import escape_markdown, markdown_lines, passage_html
from ui.widgets import records_table

DOCUMENTS_PAGE = "app_pages/documents.py"


def show_answer(answer, key: str, on_rerun: Callable) -> None:
    st.markdown(markdown_lines(answer.text))
    show_plan(answer, key, on_rerun)
    if answer.records:
        show_records(answer)
    show_citations(answer.citations)
    show_near_misses(answer)


def show_plan(answer, key: str, on_rerun: Callable) -> None:
    with st.expander(f"Plan: {escape_markdown(answer.plan.summary())}", icon=":material/route:"):
        st.caption("How the question was read. Correct the filters and re-run if it was misread.")
        for note in answer.notes:
            st.caption(f"• {escape_markdown(note)}")
        edited = edit_plan(answer.plan, key)
        if edited is not None:
            on_rerun(edited)
            st.rerun()


def show_records(answer) -> None:
    records_table(answer.records, sources=[" ".join(f"[{n}]" for n in answer.record_citations.get(p.id, []))
                                           for p in answer.records])
    if answer.total > len(answer.records):
        st.caption(f"Showing {len(answer.records)} of {answer.total} matching records.")


def show_citations(citations) -> None:
    if not citations:
        return
    st.markdown("**Sources**")
    columns = st.columns(2)
    for n, c in enumerate(citations, start=1):
        with columns[(n - 1) % 2].container(border=True):
            st.markdown(f"**[{n}]** {escape_markdown(c.title)}")
            st.html(passage_html(c.text, c.start, c.highlights))
            st.page_link(DOCUMENTS_PAGE, label="Open the whole article", icon=":material/open_in_new:",
                         query_params={"doc": c.doc_id, "start": c.start, "end": c.end})


def show_near_misses(answer) -> None:
    if answer.near_misses:
        with st.expander(f"Near misses ({len(answer.near_misses)}): records that almost matched",
                         icon=":material/search:"):
            for miss in answer.near_misses:
                source = f" [{miss.citation}]" if miss.citation else ""
                st.markdown(f"- **{escape_markdown(miss.record.name)}**{source}: {escape_markdown(miss.reason)}")
    if answer.removed:
        with st.expander(f"Claims removed ({len(answer.removed)}): not supported by a cited passage",
                         icon=":material/content_cut:"):
            for claim in answer.removed:
                st.markdown(f"- {escape_markdown(claim.text)} ({escape_markdown(claim.reason)})")
