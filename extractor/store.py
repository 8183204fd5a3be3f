"""SQLite store: documents, chunks, per-document extractions, merged records, mentions, runs.

The per-document extractions (`doc_records`) are the source of truth; the `records` table is their
merge across documents and is rebuilt from them, so re-running never duplicates anything. Each
document's extraction is written in one transaction: an interrupted run leaves whole documents only.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

from extractor.errors import StoreError
from extractor.migrations import migrate
from extractor.types import AggregateFact, Chunk, Document, Extraction, Project


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot open the store at {self.path}: {err}") from err
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        migrate(self.db)

    @classmethod
    def open(cls, settings) -> "Store":
        return cls(settings.db_path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # documents and chunks -------------------------------------------------------------------
    def add_document(self, doc: Document, chunks: list[Chunk]) -> bool:
        """Store a document and its chunks; False (and nothing written) if it is already there."""
        with self.transaction() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO documents(id, title, source, lang, published, text, added_at) "
                "VALUES (?,?,?,?,?,?,?)",
                (doc.id, doc.title, doc.source, doc.lang, doc.published, doc.text, time.time()),
            )
            if cur.rowcount == 0:
                return False
            db.executemany(
                "INSERT INTO chunks(id, doc_id, idx, start, end, text, n_tokens) VALUES (?,?,?,?,?,?,?)",
                [(c.id, c.doc_id, c.index, c.start, c.end, c.text, c.n_tokens) for c in chunks],
            )
        return True

    def get_document(self, doc_id: str) -> Optional[Document]:
        row = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _document(row) if row else None

    def documents(self) -> list[Document]:
        return [_document(r) for r in self.db.execute("SELECT * FROM documents ORDER BY added_at, id")]

    def chunks(self, doc_id: Optional[str] = None) -> list[Chunk]:
        sql, args = "SELECT * FROM chunks", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id=?", (doc_id,)
        return [_chunk(r) for r in self.db.execute(sql + " ORDER BY doc_id, idx", args)]

    # runs -------------------------------------------------------------------------------------
    def start_run(self, kind: str, backend: str, settings_hash: str, settings_json: dict) -> int:
        cur = self.db.execute(
            "INSERT INTO runs(kind, backend, settings_hash, settings, started_at, status) VALUES (?,?,?,?,?,?)",
            (kind, backend, settings_hash, json.dumps(settings_json, sort_keys=True), time.time(), "running"),
        )
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, status: str, stats: dict) -> None:
        self.db.execute(
            "UPDATE runs SET finished_at=?, status=?, stats=? WHERE id=?",
            (time.time(), status, json.dumps(stats), run_id),
        )

    def runs(self, limit: int = 20) -> list[dict]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [dict(r) for r in rows]

    def log_llm_call(self, run_id: Optional[int], **call) -> None:
        """One row per request: model, mode, prompt hash, tokens, latency, outcome (never the key)."""
        columns = ("model", "mode", "prompt_hash", "chunk_id", "prompt_tokens", "completion_tokens",
                   "latency_ms", "outcome", "error")
        self.db.execute(
            f"INSERT INTO llm_calls(run_id, {', '.join(columns)}, at) VALUES (?{', ?' * len(columns)}, ?)",
            (run_id, *(call.get(c) for c in columns), time.time()),
        )

    def llm_usage(self, run_id: int) -> dict:
        row = self.db.execute(
            "SELECT COUNT(*) AS llm_calls, SUM(prompt_tokens) AS prompt_tokens, "
            "SUM(completion_tokens) AS completion_tokens FROM llm_calls WHERE run_id=?", (run_id,)).fetchone()
        return dict(row)

    # extraction ---------------------------------------------------------------------------------
    def extracted_with(self, doc_id: str) -> Optional[str]:
        row = self.db.execute("SELECT engine_key FROM extractions WHERE doc_id=?", (doc_id,)).fetchone()
        return row["engine_key"] if row else None

    def save_extraction(self, run_id: int, engine_key: str, extraction: Extraction) -> None:
        """Replace one document's extraction atomically."""
        doc_id = extraction.doc_id
        with self.transaction() as db:
            db.execute("DELETE FROM doc_records WHERE doc_id=?", (doc_id,))
            db.execute("DELETE FROM aggregates WHERE doc_id=?", (doc_id,))
            db.executemany(
                "INSERT INTO doc_records(doc_id, idx, run_id, data) VALUES (?,?,?,?)",
                [(doc_id, i, run_id, p.model_dump_json()) for i, p in enumerate(extraction.projects)],
            )
            db.executemany(
                "INSERT INTO aggregates(doc_id, run_id, data) VALUES (?,?,?)",
                [(doc_id, run_id, a.model_dump_json()) for a in extraction.aggregates],
            )
            db.execute(
                "INSERT OR REPLACE INTO extractions(doc_id, engine_key, run_id, done_at, dropped) VALUES (?,?,?,?,?)",
                (doc_id, engine_key, run_id, time.time(), json.dumps(extraction.dropped)),
            )

    def doc_records(self) -> list[Project]:
        rows = self.db.execute("SELECT data FROM doc_records ORDER BY doc_id, idx")
        return [Project.model_validate_json(r["data"]) for r in rows]

    def aggregates(self, doc_id: Optional[str] = None) -> list[AggregateFact]:
        sql, args = "SELECT data FROM aggregates", ()
        if doc_id:
            sql, args = sql + " WHERE doc_id=?", (doc_id,)
        return [AggregateFact.model_validate_json(r["data"]) for r in self.db.execute(sql, args)]

    def replace_records(self, merged: Iterable[Project]) -> int:
        """Swap in the merged records (and their mentions) in one transaction."""
        merged = list(merged)
        with self.transaction() as db:
            db.execute("DELETE FROM mentions")
            db.execute("DELETE FROM records")
            db.executemany(_INSERT_RECORD, [_record_row(p) for p in merged])
            db.executemany(
                "INSERT INTO mentions(record_id, doc_id, field, start, end, quote) VALUES (?,?,?,?,?,?)",
                [(p.id, e.doc_id, e.field, e.start, e.end, e.quote) for p in merged for e in p.evidence],
            )
        return len(merged)

    # records --------------------------------------------------------------------------------------
    def records(self, where: str = "", args: tuple = (), order: str = "name") -> list[Project]:
        """Merged records; `where` is a SQL condition over the typed columns of `records`."""
        sql = "SELECT data FROM records" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        return [Project.model_validate_json(r["data"]) for r in self.db.execute(sql, args)]

    def get_record(self, record_id: str) -> Optional[Project]:
        row = self.db.execute("SELECT data FROM records WHERE id=?", (record_id,)).fetchone()
        return Project.model_validate_json(row["data"]) if row else None

    def count(self, table: str) -> int:
        if table not in {"documents", "chunks", "records", "mentions", "doc_records", "aggregates", "runs"}:
            raise ValueError(table)
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


_INSERT_RECORD = (
    "INSERT INTO records(id, name, province, city, district, amount_value, amount_min, amount_max, "
    "currency, date, status, sector, doc_id, orgs, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _record_row(p: Project) -> tuple:
    a = p.amount
    orgs = " | ".join(o.name for o in p.organizations)
    return (
        p.id, p.name, p.province, p.city, p.district,
        a.comparable if a else None, a.min if a else None, a.max if a else None, a.currency if a else None,
        p.date, p.status.value if p.status else None, p.sector, p.doc_id, orgs, p.model_dump_json(),
    )


def _document(row: sqlite3.Row) -> Document:
    return Document(id=row["id"], title=row["title"], source=row["source"], lang=row["lang"],
                    published=row["published"], text=row["text"])


def _chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(id=row["id"], doc_id=row["doc_id"], index=row["idx"], start=row["start"], end=row["end"],
                 text=row["text"], n_tokens=row["n_tokens"])
