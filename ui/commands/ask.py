"""ask and demo: questions answered from the records, with every cited passage shown."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from rag.answers import Answer, ask as run_ask
from ui.cli import open_store, settings_with
from ui.commands.corpus import print_table

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

DEMO_QUESTION = "Which Jiangxi projects exceed 500 million yuan?"


def print_answer(answer: Answer) -> None:
    console.print(Text(answer.text), markup=False)
    console.print(Text(f"\nplan: {answer.plan_summary}", style="dim"))
    for note in answer.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    for removed in answer.removed:
        console.print(Text(f"removed claim: {removed.text} ({removed.reason})", style="red"))
    if answer.records:
        print_table(answer.records)
    for number, c in enumerate(answer.citations, start=1):
        console.print(Text(f"\n[{number}] {c.title} ({c.doc_id[:12]}, {c.start}-{c.end})", style="bold"))
        console.print(_highlighted(c))


def _highlighted(citation) -> Text:
    """The passage with its evidence spans underlined (spans are document offsets)."""
    text = Text(citation.text)
    for start, end, _label in citation.highlights:
        lo, hi = max(start - citation.start, 0), min(end - citation.start, len(citation.text))
        if lo < hi:
            text.stylize("bold underline", lo, hi)
    return text


@click.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print {answer, plan, records, citations} as JSON.")
@click.option("--top-k", type=int, default=None, help="Passages retrieved for open questions (env KEYPROJ_TOP_K).")
@click.pass_context
def ask(ctx: click.Context, question: str, as_json: bool, top_k: int | None) -> None:
    """Answer QUESTION (English or Chinese) from the records, citing the passages."""
    settings = settings_with(ctx, top_k=top_k)
    answer = run_ask(question, open_store(settings), settings)
    if as_json:
        click.echo(json.dumps(answer.contract(), ensure_ascii=False, indent=2))
    else:
        print_answer(answer)


@click.command()
@click.argument("seeds_dir", default="seeds", type=click.Path(exists=True, file_okay=False))
@click.pass_context
def demo(ctx: click.Context, seeds_dir: str) -> None:
    """Ingest SEEDS_DIR, extract with the rules engine, index, and answer a sample question."""
    from extractor.pipeline import extract, ingest
    from rag.index import build_index

    settings = settings_with(ctx, backend="rules")
    store = open_store(settings)
    report = ingest(store, [Path(seeds_dir)], settings)
    err_console.print(f"ingested {len(report.added)} new, {len(report.unchanged)} unchanged, "
                      f"{len(report.rejected)} rejected documents from {seeds_dir}")
    done = extract(store, settings, backend="rules")
    err_console.print(f"extracted {done.processed} documents ({done.skipped} already done): "
                      f"{done.records} records")
    indexed = build_index(store, settings, sync=False).sync(store)
    err_console.print(f"indexed {indexed.added} new chunks in {indexed.seconds:.1f} s")
    console.print(Text(f"\nQ: {DEMO_QUESTION}\n", style="bold"))
    print_answer(run_ask(DEMO_QUESTION, store, settings))


@click.command()
@click.pass_context
def index(ctx: click.Context) -> None:
    """Bring the retrieval index (Chroma vectors + FTS5 keywords) up to date with the store.

    `ask` does this itself when needed; running it after a large `extract` moves the embedding
    time out of the first question."""
    from rag.index import build_index

    settings = settings_with(ctx)
    store = open_store(settings)
    report = build_index(store, settings, sync=False).sync(store)
    err_console.print(f"indexed {report.added} new chunks, removed {report.removed}, in {report.seconds:.1f} s")


commands = [ask, demo, index]
