"""Library entry points behind the CLI and UI: ingest files, extract records, rebuild merged records.

Resumable by construction: each document's extraction is committed on its own, keyed by the engine
that produced it, so a re-run skips finished documents and an interrupted one loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from extractor.chunking import chunk_document
from extractor.engines.base import Engine, extract_stream, get_engine
from extractor.ingest import Rejected, document_from_bytes, load_paths
from extractor.settings import Settings
from extractor.store import Store
from extractor.types import Document

Progress = Callable[[Document], None]


@dataclass
class IngestReport:
    added: list[Document] = field(default_factory=list)
    unchanged: list[Document] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class ExtractReport:
    run_id: int
    backend: str
    processed: int = 0
    skipped: int = 0
    records: int = 0
    status: str = "ok"


def add_document(store: Store, doc: Document, settings: Settings, report: IngestReport) -> None:
    chunks = chunk_document(doc, settings.chunk_tokens, settings.chunk_overlap, settings.encoding)
    (report.added if store.add_document(doc, chunks) else report.unchanged).append(doc)


def ingest(store: Store, paths: Iterable[Union[str, Path]], settings: Settings) -> IngestReport:
    """Read files and folders into the store; re-ingesting the same content is a no-op."""
    report = IngestReport()
    for item in load_paths(paths, settings.max_file_bytes):
        if isinstance(item, Rejected):
            report.rejected.append(item)
        else:
            add_document(store, item, settings, report)
    return report


def ingest_bytes(store: Store, data: bytes, name: str, settings: Settings) -> IngestReport:
    """Ingest an uploaded file; a bad file is reported in `rejected`, never raised."""
    from extractor.errors import IngestError

    report = IngestReport()
    try:
        doc = document_from_bytes(data, source=name, kind=Path(name).suffix.lower(), max_bytes=settings.max_file_bytes)
    except IngestError as err:
        report.rejected.append(Rejected(name, str(err)))
        return report
    add_document(store, doc, settings, report)
    return report


def engine_key(engine: Engine, settings: Settings) -> str:
    key = f"{engine.name}:{engine.version}:{settings.encoding}:{settings.chunk_tokens}:{settings.chunk_overlap}"
    if engine.name != "rules":
        key += f":{settings.llm_model}:{settings.llm_mode}"
    return key


def extract(
    store: Store,
    settings: Settings,
    backend: Optional[str] = None,
    force: bool = False,
    doc_ids: Optional[set[str]] = None,
    progress: Optional[Progress] = None,
    engine: Optional[Engine] = None,
) -> ExtractReport:
    """Extract records from every stored document not yet extracted by this engine configuration."""
    engine = engine or get_engine(backend or settings.backend, settings)
    key = engine_key(engine, settings)
    docs = [d for d in store.documents() if doc_ids is None or d.id in doc_ids]
    todo = [d for d in docs if force or store.extracted_with(d.id) != key]
    run_id = store.start_run("extract", engine.name, settings.hash(), settings.public_dict())
    report = ExtractReport(run_id=run_id, backend=engine.name, skipped=len(docs) - len(todo))
    log_calls_to = getattr(engine, "log_calls_to", None)  # engines that call an LLM log each request
    if log_calls_to is not None:
        log_calls_to(lambda **call: store.log_llm_call(run_id, **call))
    try:
        for doc, extraction in extract_stream(engine, ((d, store.chunks(d.id)) for d in todo)):
            store.save_extraction(run_id, key, extraction)
            report.processed += 1
            if progress:
                progress(doc)
    except BaseException:
        report.status = "interrupted"
        raise
    finally:
        report.records = rebuild_records(store)
        store.finish_run(run_id, report.status, {"processed": report.processed, "skipped": report.skipped,
                                                 "records": report.records})
    return report


def rebuild_records(store: Store) -> int:
    """Merge every document's records into the `records` table (names + places; conflicts kept)."""
    from extractor.merge import merge_projects

    return store.replace_records(merge_projects(store.doc_records()))
