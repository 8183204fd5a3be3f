"""Evaluation reports: one JSON document (for the UI and for diffing runs) and its Markdown rendering.

Both are written to <data_dir>/reports/ as eval-<YYYYmmdd-HHMMSS>.{json,md}, and copied to
eval-latest.{json,md}; the UI's Evals page reads eval-latest.json.

JSON structure (schema 1). Rates are floats in 0..1 or null when there was nothing to measure;
offsets index Document.text; a passage is the sentence(s) around the span.

    {
      "schema": 1, "created": "2026-11-27T06:00:00+00:00",
      "seeds": "seeds", "gold": "evals/gold", "settings_hash": "…",
      "gold_warnings": ["gold spans whose quote is not the text at their offsets"],
      "articles": [{"file", "doc_id", "title", "source", "gold_records", "optional_records", "traps"}],
      "backends": {                                   # in the order they were run
        "<backend>": {
          "status": "ok" | "error", "error": "", "seconds": 1.2, "documents": 9, "notes": ["…"],
          "summary": {"precision", "recall", "f1", "tp", "fp", "fn", "optional_matched",
                      "grounding_rate", "grounded", "stated_fields",
                      "traps", "traps_avoided", "false_on_traps",
                      "qa_accuracy", "qa_questions", "citation_precision", "citations",
                      "recall_at_k", "k", "mrr"},
          "fields": {"province": {"accuracy", "correct", "total"}, "city": …, "district": …,
                     "organizations": …, "roles": …, "amount": …, "date": …, "status": …},
          "articles": [{"file", "doc_id", "title", "tp", "fp", "fn", "optional_matched",
                        "precision", "recall", "f1", "traps_hit"}],
          "misses": [Item], "false_positives": [Item + {"kind": "trap|duplicate|spurious", "reason"}],
          "field_errors": [Item + {"field", "gold", "predicted"}],
          "ungrounded": [Item + {"field", "problem"}],
          "qa": [{"id", "question", "lang", "passed", "reason", "citations", "supported_citations",
                  "unsupported": [{"doc_id", "start", "end", "text"}]}],   # citations lacking the fact
          "retrieval": [{"id", "question", "ranks": [rank or null per expected record]}]
        }
      }
    }

    Item = {"file", "doc_id", "title", "name", "start", "end",
            "passage": {"start", "end", "text", "clipped_left", "clipped_right"}}
    # start/end/passage null when the record has no span; clipped: a long sentence was cut there
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from evals.metrics import ArticleResult, ExtractionScores
from evals.report_md import render_markdown
from evals.runner import BackendRun, EvalRun
from extractor.types import Project

SCHEMA = 1
_BOUNDARIES = "\n。！？；!?"
_ABBREVIATIONS = ("Co", "No", "Mr", "Ms", "Dr", "St")


def passage(text: str, start: int, end: int, limit: int = 160) -> dict:
    """The sentence holding text[start:end]. A longer sentence is cut at a word boundary about
    `limit` characters either side of the span and flagged as clipped. Always
    text[passage.start:passage.end] == passage.text."""
    left = start
    while left > 0 and start - left < limit and not _ends_sentence(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < limit and not _ends_sentence(text, right - 1):
        right += 1
    clipped_left = left > 0 and not _ends_sentence(text, left - 1)
    clipped_right = right < len(text) and not _ends_sentence(text, right - 1)
    if clipped_left and " " in text[left:start]:
        left = text.index(" ", left, start) + 1
    if clipped_right and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return {"start": left, "end": right, "text": text[left:right],
            "clipped_left": clipped_left, "clipped_right": clipped_right}


def _ends_sentence(text: str, i: int) -> bool:
    if i < 0:
        return False
    c = text[i]
    if c in _BOUNDARIES:
        return True
    # ". " before a capital ends a sentence, except after abbreviations such as "Co." and "No."
    if c != "." or i + 2 >= len(text) or not text[i + 1].isspace():
        return False
    return text[i + 2].isupper() and not text[max(0, i - 3):i].endswith(_ABBREVIATIONS)


def _rate(x: Optional[float]) -> Optional[float]:
    return round(x, 4) if x is not None else None


def _span(p: Project, field_name: str = "name") -> Optional[tuple[int, int]]:
    spans = p.evidence_for(field_name) or p.evidence
    return (spans[0].start, spans[0].end) if spans else None


def _item(r: ArticleResult, texts: dict[str, str], name: str, span: Optional[tuple[int, int]]) -> dict:
    a = r.article
    item = {"file": a.file, "doc_id": a.doc_id, "title": a.title, "name": name, "start": None, "end": None,
            "passage": None}
    text = texts.get(a.doc_id, "")
    if span and 0 <= span[0] <= span[1] <= len(text):
        item.update(start=span[0], end=span[1], passage=passage(text, *span))
    return item


def _summary(run: BackendRun) -> dict:
    x, qa, rt = run.extraction, run.qa, run.retrieval
    out: dict = {}
    if x:
        c = x.counts
        out.update(precision=_rate(c.precision), recall=_rate(c.recall), f1=_rate(c.f1), tp=c.tp, fp=c.fp,
                   fn=c.fn, optional_matched=c.optional_matched, grounding_rate=_rate(x.grounding.rate),
                   grounded=x.grounding.correct, stated_fields=x.grounding.total, traps=x.traps.total,
                   traps_avoided=x.traps.correct, false_on_traps=x.false_on_traps)
    out.update(qa_accuracy=_rate(qa.accuracy) if qa else None, qa_questions=len(qa.checks) if qa else 0,
               citation_precision=_rate(qa.citation_precision) if qa else None,
               citations=sum(c.citations for c in qa.checks) if qa else 0,
               recall_at_k=_rate(rt.recall) if rt else None, k=rt.k if rt else None, mrr=_rate(rt.mrr) if rt else None)
    return out


def _article_row(r: ArticleResult) -> dict:
    c, a = r.counts, r.article
    return {"file": a.file, "doc_id": a.doc_id, "title": a.title, "tp": c.tp, "fp": c.fp, "fn": c.fn,
            "optional_matched": c.optional_matched, "precision": _rate(c.precision), "recall": _rate(c.recall),
            "f1": _rate(c.f1), "traps_hit": len(r.traps_hit)}


def _evidence_field(check_field: str) -> str:
    # organisation errors point at the first organisation's span, the most useful place to look
    return "organizations[0]" if check_field in ("organizations", "roles") else check_field


def _article_items(r: ArticleResult, texts: dict[str, str]) -> dict[str, list[dict]]:
    gold, preds = r.article.records, r.predictions
    misses = [_item(r, texts, gold[gi].project.name, _span(gold[gi].project)) for gi in r.misses]
    fps = [{**_item(r, texts, preds[fp.index].name, _span(preds[fp.index])), "kind": fp.kind, "reason": fp.reason}
           for fp in r.false_positives]
    errors = [{**_item(r, texts, gold[gi].project.name, _span(gold[gi].project, _evidence_field(ch.field))),
               "field": ch.field, "gold": ch.gold, "predicted": ch.predicted}
              for gi, checks in r.field_checks.items() for ch in checks if not ch.ok]
    ungrounded = [{**_item(r, texts, preds[pi].name, ch.span), "field": ch.field, "problem": ch.problem}
                  for pi, checks in r.grounding.items() for ch in checks if not ch.grounded]
    return {"misses": misses, "false_positives": fps, "field_errors": errors, "ungrounded": ungrounded}


def _extraction_details(x: ExtractionScores, texts: dict[str, str]) -> dict:
    out: dict = {"fields": {name: {"accuracy": _rate(t.rate), "correct": t.correct, "total": t.total}
                            for name, t in x.fields.items()},
                 "articles": [_article_row(r) for r in x.articles],
                 "misses": [], "false_positives": [], "field_errors": [], "ungrounded": []}
    for r in x.articles:
        for key, items in _article_items(r, texts).items():
            out[key] += items
    return out


def backend_json(run: BackendRun, texts: dict[str, str]) -> dict:
    out = {"status": run.status, "error": run.error, "seconds": round(run.seconds, 3), "documents": run.documents,
           "notes": run.notes, "summary": _summary(run), "fields": {}, "articles": [], "misses": [],
           "false_positives": [], "field_errors": [], "ungrounded": [], "qa": [], "retrieval": []}
    if run.extraction:
        out.update(_extraction_details(run.extraction, texts))
    if run.qa:
        out["qa"] = [{"id": c.question.id, "question": c.question.question, "lang": c.question.lang,
                      "passed": c.passed, "reason": c.reason, "citations": c.citations,
                      "supported_citations": c.supported_citations,
                      "unsupported": [{"doc_id": u.doc_id, "start": u.start, "end": u.end, "text": u.text}
                                      for u in c.unsupported]} for c in run.qa.checks]
    if run.retrieval:
        out["retrieval"] = [{"id": c.question.id, "question": c.question.question, "ranks": c.ranks}
                            for c in run.retrieval.checks]
    return out


def report_json(run: EvalRun) -> dict:
    texts = run.gold.texts
    docs = run.gold.documents
    return {
        "schema": SCHEMA,
        "created": datetime.fromtimestamp(run.started, timezone.utc).isoformat(timespec="seconds"),
        "seeds": str(run.seeds_dir), "gold": str(run.gold_dir), "settings_hash": run.settings_hash,
        "gold_warnings": run.gold.warnings,
        "articles": [{"file": a.file, "doc_id": a.doc_id, "title": a.title, "source": docs[a.doc_id].source,
                      "gold_records": sum(g.required for g in a.records),
                      "optional_records": sum(not g.required for g in a.records), "traps": len(a.traps)}
                     for a in run.gold.articles],
        "backends": {b.backend: backend_json(b, texts) for b in run.backends},
    }


def write_reports(report: dict, reports_dir: Path) -> tuple[Path, Path]:
    """Write eval-<timestamp>.{json,md} and refresh eval-latest.{json,md}; returns the stamped paths."""
    reports_dir = Path(reports_dir)
    reports_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.fromisoformat(report["created"]).astimezone().strftime("%Y%m%d-%H%M%S")
    json_path, md_path = reports_dir / f"eval-{stamp}.json", reports_dir / f"eval-{stamp}.md"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    md_path.write_text(render_markdown(report, reports_dir), encoding="utf-8")
    shutil.copyfile(json_path, reports_dir / "eval-latest.json")
    shutil.copyfile(md_path, reports_dir / "eval-latest.md")
    return md_path, json_path
