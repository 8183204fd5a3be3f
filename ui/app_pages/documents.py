"""Documents page: upload articles, extract records from them, read an article with every field marked."""

from __future__ import annotations

from typing import Optional

import streamlit as st

from extractor.errors import KeyprojError
from extractor.pipeline import IngestReport, extract, ingest_bytes
from extractor.types import Document, Project
from ui.render import Mark, article_html, escape_markdown, legend_html, marks_for_projects, passage_html
from ui.resources import get_settings, get_store, write_lock
from ui.widgets import records_table

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm"]


def upload_section() -> None:
    settings = get_settings()
    limit_mb = max(1, settings.max_file_bytes // 1_000_000)
    with st.form("upload", clear_on_submit=True, border=True):
        files = st.file_uploader(
            f"Articles (.txt, .md or .html, up to {limit_mb} MB each)", type=UPLOAD_TYPES,
            accept_multiple_files=True, max_upload_size=limit_mb,
            help="UTF-8 or GB18030 text. Re-uploading an article already in the corpus changes nothing.")
        submitted = st.form_submit_button("Add and extract", type="primary")
    if submitted and not files:
        st.warning("Choose at least one file first.")
    elif submitted:
        add_and_extract([(f.name, f.getvalue()) for f in files])


def add_and_extract(files: list[tuple[str, bytes]]) -> None:
    settings, store = get_settings(), get_store()
    report = IngestReport()
    with write_lock():
        for name, data in files:
            one = ingest_bytes(store, data, name, settings)
            report.added += one.added
            report.unchanged += one.unchanged
            report.rejected += one.rejected
    for bad in report.rejected:
        st.error(f"**{escape_markdown(bad.source)}** was not added: {escape_markdown(bad.reason)}.",
                 icon=":material/block:")
    docs = report.added + report.unchanged
    if report.unchanged:
        st.info(f"{len(report.unchanged)} file(s) already in the corpus: " +
                ", ".join(escape_markdown(d.title) for d in report.unchanged))
    if docs:
        run_extraction(docs)


def run_extraction(docs: list[Document]) -> None:
    settings, store = get_settings(), get_store()
    bar = st.progress(0.0, text=f"Extracting records from {len(docs)} document(s)…")
    done: list[Document] = []

    def advance(doc: Document) -> None:
        done.append(doc)
        bar.progress(len(done) / len(docs), text=f"Extracted {len(done)}/{len(docs)}: {escape_markdown(doc.title[:60])}")

    try:
        with write_lock():
            report = extract(store, settings, doc_ids={d.id for d in docs}, progress=advance)
    except KeyprojError as err:  # e.g. the LLM endpoint failed for good; finished documents are kept
        bar.empty()
        st.error(f"Extraction failed: {escape_markdown(str(err))}", icon=":material/error:")
        return
    bar.progress(1.0, text="Done")
    st.success(f"Added {len(docs)} document(s): {report.processed} extracted, {report.skipped} already done; "
               f"{report.records} records in the store.")
    st.session_state["doc"] = docs[-1].id


def chosen_document(docs: list[Document]) -> Document:
    by_id = {d.id: d for d in docs}
    wanted = st.query_params.get("doc") or st.session_state.get("doc")
    index = list(by_id).index(wanted) if wanted in by_id else 0
    doc_id = st.selectbox("Article", list(by_id), index=index, format_func=lambda i: by_id[i].title)
    return by_id[doc_id]


def cited_span(doc: Document) -> Optional[tuple[int, int]]:
    """The passage a citation link points at (?doc=..&start=..&end=..), if it is inside this article."""
    try:
        start, end = int(st.query_params.get("start", "")), int(st.query_params.get("end", ""))
    except ValueError:
        return None
    if st.query_params.get("doc") != doc.id or not 0 <= start < end <= len(doc.text):
        return None
    return start, end


def article_view(doc: Document, projects: list[Project]) -> None:
    marks = marks_for_projects(projects, doc.id)
    language = {"zh": "Chinese", "en": "English"}.get(doc.lang, doc.lang)
    st.caption(f"{language} · published {doc.published or 'date not stated'} · source: {escape_markdown(doc.source)}")
    cited = cited_span(doc)
    if cited:
        st.markdown("**Cited passage** (also shaded in the article below)")
        st.html(passage_html(doc.text[cited[0]:cited[1]], cited[0], [cited], tip="the cited passage"))
        marks.append(Mark(cited[0], cited[1], "quote", "the cited passage"))
    article_tab, records_tab = st.tabs([f"Article ({len(marks)} highlighted spans)",
                                        f"Records from this article ({len(projects)})"])
    with article_tab:
        st.html(legend_html({m.kind for m in marks} or None))
        st.caption("Hover over a highlight to see the field and its normalised value.")
        with st.container(height=760, border=False):  # the article scrolls; the page stays short
            st.html(article_html(doc.text, marks))
    with records_tab:
        records_table(projects)


st.title("Documents")
st.caption("Add news articles to the corpus and see exactly which words each extracted field came from.")
upload_section()
documents = get_store().documents()
if not documents:
    st.info("No documents yet: upload an article above (or run `keyproj ingest seeds/`).")
    st.stop()
st.divider()
doc = chosen_document(documents)
article_view(doc, [p for p in get_store().doc_records() if any(e.doc_id == doc.id for e in p.evidence)])
