"""Evals page: the latest `keyproj eval` report: metrics, per-field accuracy, misses and false positives."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import pandas as pd
import streamlit as st

from ui.render import escape_markdown, passage_html
from ui.resources import get_settings, get_store

METRICS = [  # (summary key, label, help)
    ("precision", "Precision", "Share of extracted records that match a gold record."),
    ("recall", "Recall", "Share of gold records that were extracted."),
    ("f1", "F1", "Harmonic mean of precision and recall."),
    ("grounding_rate", "Grounding", "Share of stated fields whose evidence quote is exactly at its offsets."),
    ("qa_accuracy", "QA accuracy", "Share of gold questions answered correctly."),
    ("citation_precision", "Citation precision", "Share of citations that support the answer."),
    ("recall_at_k", "Retrieval recall@k", "Share of expected records whose passage is in the top k."),
    ("mrr", "MRR", "Mean reciprocal rank of the first relevant passage."),
]


def load_report(data_dir: Path) -> Optional[dict]:
    path = data_dir / "reports" / "eval-latest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rate(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.1%}"


def show_summary(backend: dict) -> None:
    s = backend["summary"]
    shown = [(k, label, tip) for k, label, tip in METRICS if s.get(k) is not None]
    for row in range(0, len(shown), 4):
        for col, (key, label, tip) in zip(st.columns(4), shown[row:row + 4]):
            col.metric(label, rate(s[key]), help=tip, border=True)
    st.caption(f"{s.get('tp', 0)} hits · {s.get('fp', 0)} false positives · {s.get('fn', 0)} misses · "
               f"traps avoided {s.get('traps_avoided', 0)}/{s.get('traps', 0)} · "
               f"{backend['documents']} documents in {backend['seconds']:.2f} s")


def show_tables(backend: dict) -> None:
    fields = [{"Field": name, "Accuracy": t["accuracy"], "Correct": t["correct"], "Total": t["total"]}
              for name, t in backend["fields"].items()]
    articles = [{"Article": a["title"], "F1": a["f1"], "Hits": a["tp"], "False pos.": a["fp"], "Misses": a["fn"]}
                for a in backend["articles"]]
    accuracy = st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1)
    left, right = st.columns([2, 3])
    if fields:
        left.subheader("Per field")
        left.dataframe(pd.DataFrame(fields), hide_index=True, width="stretch",
                       column_config={"Accuracy": accuracy})
    if articles:
        right.subheader("Per article")
        right.dataframe(pd.DataFrame(articles), hide_index=True, width="stretch", column_config={
            "F1": accuracy, "Article": st.column_config.TextColumn("Article", width="medium")})


def show_questions(backend: dict) -> None:
    if not backend["qa"]:
        return
    st.subheader("Questions")
    rows = [{"": "✓" if q["passed"] else "✗", "Question": q["question"], "Why": q["reason"],
             "Citations": f"{q['supported_citations']}/{q['citations']} supported"} for q in backend["qa"]]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def show_items(title: str, items: list[dict], known_docs: set[str]) -> None:
    st.subheader(f"{title} ({len(items)})")
    if not items:
        st.caption("None.")
        return
    for item in items:
        label = item["name"] + (f" · {item['kind']}" if item.get("kind") else "")
        with st.expander(escape_markdown(f"{label} — {shorten(item['title'])}")):
            if item.get("reason"):
                st.caption(escape_markdown(item["reason"]))
            show_passage(item, known_docs)


def show_passage(item: dict, known_docs: set[str]) -> None:
    p = item.get("passage")
    if not p:
        st.caption("No span recorded for this record.")
        return
    st.html(passage_html(p["text"], p["start"], [(item["start"], item["end"])], tip=item["name"]))
    if item["doc_id"] in known_docs:
        st.page_link("app_pages/documents.py", label="Open the whole article", icon=":material/open_in_new:",
                     query_params={"doc": item["doc_id"], "start": p["start"], "end": p["end"]})
    else:
        st.caption(f"From {escape_markdown(item['file'])} (not in this corpus).")


st.title("Evals")
st.caption("How well extraction and answering match the hand-labelled gold set (`keyproj eval`).")
report = load_report(get_settings().data_dir)
if report is None:
    st.info("No evaluation report yet: run `keyproj eval` first (it writes "
            "`<data dir>/reports/eval-latest.json`).", icon=":material/info:")
    st.stop()
created = datetime.fromisoformat(report["created"]).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
st.caption(f"Report of {created} · {len(report['articles'])} labelled articles · settings {report['settings_hash']}")
for warning in report.get("gold_warnings", []):
    st.warning(warning)
name = st.segmented_control("Backend", list(report["backends"]), default=next(iter(report["backends"])))
backend = report["backends"][name or next(iter(report["backends"]))]
if backend["status"] != "ok":
    st.error(f"This backend could not run: {backend['error']}")
    st.stop()
show_summary(backend)
show_tables(backend)
show_questions(backend)
known = {d.id for d in get_store().documents()}
left, right = st.columns(2)
with left:
    show_items("Misses", backend["misses"], known)
with right:
    show_items("False positives", backend["false_positives"], known)
