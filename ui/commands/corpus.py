"""ingest, extract, records, runs: building and exporting the corpus of records."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor.errors import KeyprojError
from extractor.filters import AmountCondition, RecordFilter
from extractor.pipeline import IngestReport, extract as run_extract, ingest as run_ingest
from extractor.types import Project
from ui.cli import open_store, settings_with
from ui.formatting import table_rows, to_csv, to_jsonl

err_console = Console(stderr=True)


def print_ingest_report(report: IngestReport) -> None:
    err_console.print(f"ingested {len(report.added)} new, {len(report.unchanged)} unchanged, "
                      f"{len(report.rejected)} rejected")
    for bad in report.rejected:
        err_console.print(f"  [yellow]rejected[/] {bad.source}: {bad.reason}", markup=True, highlight=False)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Read .txt/.md/.html files or folders into the store (re-ingesting is a no-op)."""
    settings = settings_with(ctx)
    report = run_ingest(open_store(settings), paths, settings)
    print_ingest_report(report)
    if report.rejected and not (report.added or report.unchanged):
        raise SystemExit(1)  # nothing usable was given: say so to scripts too


def run_extraction(settings, store, backend: str | None, force: bool) -> None:
    todo = len(store.documents())
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err_console, transient=True) as bar:
        task = bar.add_task("", total=todo)
        report = run_extract(store, settings, backend=backend, force=force,
                             progress=lambda doc: bar.update(task, advance=1, description=doc.title[:40]))
    err_console.print(f"run {report.run_id} ({report.backend}): {report.processed} extracted, "
                      f"{report.skipped} already done, {report.records} records in the store")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--backend", type=click.Choice(["rules", "llm", "hybrid"]), default=None,
              help="Extraction engine (default: rules, offline; env KEYPROJ_BACKEND).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option("--json", "as_json", is_flag=True, help="Same as --format jsonl.")
@click.option("--force", is_flag=True, help="Re-extract documents already extracted with this backend.")
@click.option("--model", default=None, help="LLM model (env KEYPROJ_LLM_MODEL).")
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).")
@click.option("--concurrency", type=int, default=None, help="LLM requests in flight.")
@click.pass_context
def extract(ctx, paths, backend, fmt, as_json, force, model, base_url, concurrency) -> None:
    """Ingest PATHS (if given) and extract project records; prints the records of those documents."""
    settings = settings_with(ctx, backend=backend, llm_model=model, llm_base_url=base_url,
                             llm_concurrency=concurrency)
    store = open_store(settings)
    doc_ids = None
    if paths:
        report = run_ingest(store, paths, settings)
        print_ingest_report(report)
        doc_ids = {d.id for d in report.added + report.unchanged}
    run_extraction(settings, store, settings.backend, force)
    records = store.records()
    if doc_ids is not None:
        records = [p for p in records if any(e.doc_id in doc_ids for e in p.evidence)]
    emit(records, "jsonl" if as_json else fmt)


@click.command()
@click.option("--province", help="English or Chinese province name.")
@click.option("--city")
@click.option("--min-amount", help="e.g. 500000000, '500 million yuan', 5亿 (records strictly above).")
@click.option("--max-amount", help="Records at or below this amount.")
@click.option("--status", type=click.Choice(["listed", "signed", "approved", "planned", "other"]))
@click.option("--sector")
@click.option("--org", "organization", help="Substring of an organisation name.")
@click.option("--search", "text", help="Substring of the project name or organisations.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option("--json", "as_json", is_flag=True, help="Same as --format jsonl.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.pass_context
def records(ctx, province, city, min_amount, max_amount, status, sector, organization, text, fmt, as_json, output):
    """List, filter and export the merged records."""
    from extractor.normalize.places import Gazetteer

    store = open_store(settings_with(ctx))
    flt = RecordFilter(
        province=_canonical_place(Gazetteer.load(), province, "province"),
        city=_canonical_place(Gazetteer.load(), city, "city"),
        status=status, sector=sector, organization=organization, text=text,
        amounts=[c for c in (_amount_condition(min_amount, "gt"), _amount_condition(max_amount, "lte")) if c],
    )
    where, args = flt.to_sql()
    emit(store.records(where, args), "jsonl" if as_json else fmt, output)


def _canonical_place(gazetteer, name: str | None, level: str) -> str | None:
    if not name:
        return None
    places = [p for p in gazetteer.lookup(name) if p.level == level] or gazetteer.lookup(name)
    if not places:
        raise KeyprojError(f"unknown {level} {name!r}: use an English or Chinese name such as Jiangxi or 江西")
    return places[0].province_en if level == "province" else places[0].name_en


def _amount_condition(text: str | None, op: str) -> AmountCondition | None:
    if not text:
        return None
    from extractor.normalize.money import parse_amount

    try:
        return AmountCondition(op=op, value=float(text.replace(",", "")), currency="CNY", text=text)
    except ValueError:
        pass
    m = parse_amount(text, default_currency="CNY")
    if m is None or m.value is None:
        raise KeyprojError(f"cannot read the amount {text!r}: write e.g. 500000000, '500 million yuan' or 5亿")
    return AmountCondition(op=op, value=m.value, currency=m.currency, text=text)


def emit(records: list[Project], fmt: str, output: str | None = None) -> None:
    if fmt == "table" and not output:
        print_table(records)
        return
    body = to_csv(records) if fmt == "csv" else to_jsonl(records)
    if output:
        Path(output).write_text(body, encoding="utf-8")
        err_console.print(f"wrote {len(records)} records to {output}")
    else:
        click.echo(body, nl=False)


def print_table(records: list[Project]) -> None:
    console = Console()
    rows = table_rows(records)
    widths = {"Project": (20, None), "Place": (10, 22), "Lead organisation": (14, 30), "Amount": (7, 12),
              "Date": (10, 10), "Status": (8, 8)}
    if console.width < 110:  # a narrow terminal keeps what identifies a row; --format csv has it all
        widths.pop("Lead organisation")
    table = Table(title=f"{len(rows)} records", title_justify="left")
    for column, (least, most) in widths.items():
        table.add_column(column, overflow="fold", min_width=least, max_width=most,
                         justify="right" if column == "Amount" else "left")
    for row in rows:
        table.add_row(*(str(row[column]) for column in widths))
    console.print(table, markup=False, highlight=False)


@click.command()
@click.option("--limit", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def runs(ctx, limit: int, as_json: bool) -> None:
    """Recent runs with their settings hash, counts, LLM calls and tokens."""
    store = open_store(settings_with(ctx))
    rows = store.runs(limit)
    for row in rows:
        row.update(store.llm_usage(row["id"]))
        row.pop("settings", None)
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str))
        return
    table = Table(title="runs")
    columns = ("id", "kind", "backend", "status", "settings_hash", "stats", "llm_calls", "prompt_tokens",
               "completion_tokens")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row.get(c) if row.get(c) is not None else "") for c in columns))
    Console().print(table, markup=False, highlight=False)


commands = [ingest, extract, records, runs]
