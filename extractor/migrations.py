"""Versioned, append-only schema migrations. Never edit a released step; add a new one."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: documents, chunks, runs, per-document extractions, merged records and their mentions
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL, lang TEXT NOT NULL,
        published TEXT, text TEXT NOT NULL, added_at REAL NOT NULL);
    CREATE TABLE chunks (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        n_tokens INTEGER NOT NULL);
    CREATE INDEX chunks_doc ON chunks(doc_id, idx);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, backend TEXT, settings_hash TEXT,
        settings TEXT, started_at REAL NOT NULL, finished_at REAL, status TEXT, stats TEXT);
    CREATE TABLE extractions (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, engine_key TEXT NOT NULL,
        run_id INTEGER, done_at REAL NOT NULL, dropped TEXT);
    CREATE TABLE doc_records (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        run_id INTEGER, data TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
    CREATE TABLE aggregates (
        id INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        run_id INTEGER, data TEXT NOT NULL);
    CREATE TABLE records (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, province TEXT, city TEXT, district TEXT,
        amount_value REAL, amount_min REAL, amount_max REAL, currency TEXT, date TEXT, status TEXT,
        sector TEXT, doc_id TEXT, orgs TEXT, data TEXT NOT NULL);
    CREATE INDEX records_province ON records(province);
    CREATE INDEX records_amount ON records(amount_value);
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL, field TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, quote TEXT NOT NULL);
    CREATE INDEX mentions_record ON mentions(record_id);
    """,
    # 2: every LLM call, for cost accounting and reproducibility (never the API key)
    """
    CREATE TABLE llm_calls (
        id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER, model TEXT, mode TEXT, prompt_hash TEXT,
        chunk_id TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, latency_ms REAL,
        outcome TEXT, error TEXT, at REAL NOT NULL);
    CREATE INDEX llm_calls_run ON llm_calls(run_id);
    """,
]


def migrate(db: sqlite3.Connection) -> int:
    """Apply the steps this database has not seen yet; returns the resulting version."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute("SELECT MAX(version) FROM schema_version").fetchone()
    current = row[0] or 0
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        db.executescript("BEGIN;" + script + f"INSERT INTO schema_version VALUES ({version}); COMMIT;")
    return len(MIGRATIONS)
