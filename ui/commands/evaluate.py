"""eval: score extraction backends (and question answering) against the hand-labelled gold set."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from evals.report import report_json, write_reports
from evals.report_md import SUMMARY_ROWS, field_cell, seconds_cell
from evals.runner import DEFAULT_GOLD, DEFAULT_SEEDS, run_eval
from extractor.errors import KeyprojError
from ui.cli import settings_with

err_console = Console(stderr=True)


def print_report_table(report: dict) -> None:
    backends = report["backends"]
    table = Table(title=f"keyproj eval, labelled articles: {len(report['articles'])}")
    table.add_column("Metric")
    for name in backends:
        table.add_column(name, justify="right")
    for label, fmt in SUMMARY_ROWS:
        table.add_row(label, *(fmt(b["summary"]) if b["status"] == "ok" else "error" for b in backends.values()))
    table.add_row("Extraction time (s)", *(seconds_cell(b) for b in backends.values()))
    fields = next((list(b["fields"]) for b in backends.values() if b["fields"]), [])
    if fields:
        table.add_section()
    for name in fields:
        table.add_row(f"Field: {name}", *(field_cell(b["fields"].get(name)) for b in backends.values()))
    Console().print(table, markup=False, highlight=False)


@click.command("eval")
@click.option("--backend", "backends", multiple=True, type=click.Choice(["rules", "llm", "hybrid"]),
              help="Backend to score; repeat to compare side by side (default: the configured backend).")
@click.option("--seeds", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help=f"Folder of articles (default {DEFAULT_SEEDS}).")
@click.option("--gold", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help=f"Folder of gold labels (default {DEFAULT_GOLD}).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the evaluation stores here (one folder per backend) instead of a temporary folder; "
                   "a re-run then skips documents already extracted (useful with a slow LLM).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report instead of the table.")
@click.pass_context
def eval_cmd(ctx, backends, seeds, gold, work_dir, as_json) -> None:
    """Score backends against the gold set; writes Markdown and JSON reports to <data dir>/reports.

    Exits non-zero only when a backend could not run, never because of low scores.
    """
    settings = settings_with(ctx)
    names = list(dict.fromkeys(backends)) or [settings.backend]
    err_console.print(f"evaluating {', '.join(names)} on {seeds or DEFAULT_SEEDS}", highlight=False)
    run = run_eval(names, settings, seeds or DEFAULT_SEEDS, gold or DEFAULT_GOLD, work_dir)
    report = report_json(run)
    md_path, json_path = write_reports(report, settings.data_dir / "reports")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report_table(report)
    err_console.print(f"reports: {md_path} and {json_path}", highlight=False)
    for b in run.backends:
        for note in b.notes:
            err_console.print(f"{b.backend}: {note}", markup=False, highlight=False)
    for warning in run.gold.warnings:
        err_console.print(f"gold warning: {warning}", markup=False, highlight=False)
    failed = [b for b in run.backends if b.status != "ok"]
    if failed:
        raise KeyprojError("; ".join(f"backend {b.backend} failed: {b.error}" for b in failed))


commands = [eval_cmd]
