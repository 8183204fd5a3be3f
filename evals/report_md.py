"""Markdown rendering of an evaluation report (the JSON of evals/report.py), backends side by side.

Order: summary, per-field accuracy, per-article scores, then for each backend every miss, every
false positive, field errors, ungrounded values and failed questions, each with its passage.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional

MAX_LISTED = 40  # field errors and ungrounded values per backend; the JSON keeps them all


def pct(x: Optional[float]) -> str:
    return "–" if x is None else f"{x:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]


SUMMARY_ROWS: list[tuple[str, Callable[[dict], str]]] = [
    ("Record precision", lambda s: pct(s.get("precision"))),
    ("Record recall", lambda s: pct(s.get("recall"))),
    ("Record F1", lambda s: pct(s.get("f1"))),
    ("Hits / false pos. / misses", lambda s: f"{s.get('tp', 0)} / {s.get('fp', 0)} / {s.get('fn', 0)}"),
    ("Optional found (unscored)", lambda s: str(s.get("optional_matched", 0))),
    ("Grounding rate", lambda s: f"{pct(s.get('grounding_rate'))} ({s.get('grounded', 0)}/{s.get('stated_fields', 0)})"),
    ("Traps avoided", lambda s: f"{s.get('traps_avoided', 0)}/{s.get('traps', 0)}"),
    ("False records on traps", lambda s: str(s.get("false_on_traps", 0))),
    ("QA accuracy", lambda s: _if_run(s.get("qa_questions"), f"{pct(s.get('qa_accuracy'))} ({s.get('qa_questions')} q.)")),
    ("Citation precision", lambda s: _if_run(s.get("qa_questions"), f"{pct(s.get('citation_precision'))} ({s.get('citations', 0)} cited)")),
    ("Retrieval recall@k", lambda s: _if_run(s.get("k"), f"{pct(s.get('recall_at_k'))} (k={s.get('k')})")),
    ("Retrieval MRR", lambda s: _if_run(s.get("k"), pct(s.get("mrr")))),
]


def _if_run(flag, text: str) -> str:
    return text if flag else "not run"


def seconds_cell(backend: dict) -> str:
    return f"{backend['seconds']:.2f}" if backend["status"] == "ok" else "error"


def _summary(report: dict) -> list[str]:
    backends = report["backends"]
    rows = [[label] + [fmt(b["summary"]) if b["status"] == "ok" else "error" for b in backends.values()]
            for label, fmt in SUMMARY_ROWS]
    rows.append(["Extraction time (s)"] + [seconds_cell(b) for b in backends.values()])
    return ["## Summary", ""] + _table(["Metric", *backends], rows)


def _fields(report: dict) -> list[str]:
    backends = report["backends"]
    names = next((list(b["fields"]) for b in backends.values() if b["fields"]), [])
    if not names:
        return []
    rows = [[name] + [field_cell(b["fields"].get(name)) for b in backends.values()] for name in names]
    note = ("Accuracy over matched records where gold or prediction states the field; amounts agree "
            "within 0.5 %; roles compare organisations found on both sides.")
    return ["## Per-field accuracy", "", note, ""] + _table(["Field", *backends], rows)


def field_cell(f: Optional[dict]) -> str:
    return "–" if not f or not f["total"] else f"{pct(f['accuracy'])} ({f['correct']}/{f['total']})"


def _articles(report: dict) -> list[str]:
    backends = report["backends"]
    per_backend = {name: {a["doc_id"]: a for a in b["articles"]} for name, b in backends.items()}
    rows = []
    for art in report["articles"]:
        cells = []
        for name in backends:
            a = per_backend[name].get(art["doc_id"])
            cells.append("–" if a is None else f"F1 {pct(a['f1'])} · {a['tp']}/{a['fp']}/{a['fn']}"
                         + (f" · {a['traps_hit']} trap(s) hit" if a["traps_hit"] else ""))
        rows.append([art["title"][:70], str(art["gold_records"]), *cells])
    return (["## Per article", "", "Cells: F1 · hits/false positives/misses.", ""]
            + _table(["Article", "Gold records", *backends], rows))


def _quote(item: dict) -> str:
    p = item.get("passage")
    if not p:
        return "  > (no evidence span)"
    text = p["text"]
    a, b = item["start"] - p["start"], item["end"] - p["start"]
    marked = text[:a] + "**" + text[a:b] + "**" + text[b:] if 0 <= a <= b <= len(text) else text
    marked = ("… " if p.get("clipped_left") else "") + marked + (" …" if p.get("clipped_right") else "")
    return "  > " + " ".join(marked.split())


def _where(item: dict, sources: dict[str, str], reports_dir: Path) -> str:
    source = sources.get(item["doc_id"])
    title = item["title"][:60].strip()
    link = f"[{title}]({_relative(source, reports_dir)})" if source else title
    offsets = f", chars {item['start']}–{item['end']}" if item.get("start") is not None else ""
    return f"{link}{offsets}"


def _relative(source: str, reports_dir: Path) -> str:
    try:
        return Path(os.path.relpath(Path(source).resolve(), reports_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(source).resolve().as_posix()


def _items(title: str, items: list[dict], describe: Callable[[dict], str], sources: dict, reports_dir: Path,
           limit: Optional[int] = None) -> list[str]:
    lines = [f"#### {title} ({len(items)})", ""]
    if not items:
        return lines + ["None.", ""]
    for item in items[:limit]:
        lines += [f"- {describe(item)} — {_where(item, sources, reports_dir)}", _quote(item)]
    if limit is not None and len(items) > limit:
        lines.append(f"- … and {len(items) - limit} more in the JSON report")
    return lines + [""]


def _backend_details(name: str, b: dict, sources: dict, reports_dir: Path) -> list[str]:
    lines = [f"### {name}", ""]
    if b["status"] != "ok":
        return lines + [f"**Error:** {b['error']}", ""]
    lines += [f"- note: {n}" for n in b["notes"]] + ([""] if b["notes"] else [])
    lines += _items("Misses", b["misses"], lambda i: f"**{i['name']}**", sources, reports_dir)
    lines += _items("False positives", b["false_positives"],
                    lambda i: f"**{i['name']}** ({i['kind']}: {i['reason']})", sources, reports_dir)
    lines += _items("Field errors", b["field_errors"],
                    lambda i: f"**{i['name']}** {i['field']}: predicted `{i['predicted']}`, gold `{i['gold']}`",
                    sources, reports_dir, MAX_LISTED)
    lines += _items("Ungrounded values", b["ungrounded"],
                    lambda i: f"**{i['name']}** {i['field']}: {i['problem']}", sources, reports_dir, MAX_LISTED)
    failed = [q for q in b["qa"] if not q["passed"]]
    lines += [f"#### Failed questions ({len(failed)} of {len(b['qa'])})", ""]
    lines += [f"- `{q['id']}` {q['question']} — {q['reason']} (citations {q['supported_citations']}/{q['citations']} "
              "supported)" for q in failed] or ["None." if b["qa"] else "No questions were run."]
    return lines + [""] + _unsupported(b, sources, reports_dir) + _retrieval_misses(b)


def _unsupported(b: dict, sources: dict, reports_dir: Path) -> list[str]:
    cited = [(q, u) for q in b["qa"] for u in q["unsupported"]]
    if not b["qa"]:
        return []
    lines = [f"#### Citations that do not contain the fact ({len(cited)})", ""]
    for q, u in cited:
        where = _where({**u, "title": _title(b, u["doc_id"])}, sources, reports_dir)
        lines += [f"- `{q['id']}` {q['question']} — {where}", "  > " + " ".join(u["text"].split())[:300]]
    return lines + ([""] if cited else ["None.", ""])


def _title(b: dict, doc_id: str) -> str:
    return next((a["title"] for a in b["articles"] if a["doc_id"] == doc_id), doc_id)


def _retrieval_misses(b: dict) -> list[str]:
    if not b["retrieval"]:
        return []
    k = b["summary"].get("k")
    short = [r for r in b["retrieval"] if any(rank is None or rank > k for rank in r["ranks"])]
    lines = [f"#### Questions whose expected records were not all retrieved in the top {k} ({len(short)} of "
             f"{len(b['retrieval'])})", ""]
    lines += [f"- `{r['id']}` {r['question']} — first rank per expected record: "
              + ", ".join("–" if rank is None else str(rank) for rank in r["ranks"]) for r in short]
    return lines + [""]


def render_markdown(report: dict, reports_dir: Path) -> str:
    sources = {a["doc_id"]: a["source"] for a in report["articles"]}
    lines = [f"# keyproj evaluation, {report['created']}", "",
             f"Seeds `{report['seeds']}`, gold `{report['gold']}`, settings hash `{report['settings_hash']}`, "
             f"labelled articles: {len(report['articles'])}.", ""]
    lines += _summary(report) + [""] + _fields(report) + [""] + _articles(report) + ["", "## Details", ""]
    for name, b in report["backends"].items():
        lines += _backend_details(name, b, sources, reports_dir)
    if report["gold_warnings"]:
        lines += ["## Gold warnings", ""] + [f"- {w}" for w in report["gold_warnings"]] + [""]
    return "\n".join(lines)
