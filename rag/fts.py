"""Keyword retrieval: SQLite FTS5 with the trigram tokenizer, ranked by bm25.

Trigrams make Chinese searchable without a word segmenter (any three characters of a name match)
and make English matching case-insensitive and tolerant of plurals ("project" finds "projects").
The index lives in its own SQLite file beside the store (`<data_dir>/retrieval.sqlite3`): the
store's schema stays the extractor's, and deleting the file only costs a re-index.

Columns: the chunk text, the places it mentions in English and Chinese (so "Harbin" finds a
Chinese chunk about 哈尔滨 and 江西 an English one about Jiangxi), and the document title.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Iterable, NamedTuple

from rag.fusion import Hit

# bm25 column weights: the chunk text decides, places and title help break ties.
_WEIGHTS = (1.0, 0.6, 0.4)

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts USING fts5(text, places, title, tokenize='trigram');
CREATE TABLE IF NOT EXISTS chunk_rows (
    chunk_id TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL, doc_id TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS chunk_rows_rowid ON chunk_rows(fts_rowid);
"""

# Words that say what kind of question it is, not what it is about.
_EN_STOP = set("""
a an the and or of in on at to for by with from into about as is are was were be been being do does did
which what who whom whose when where why how many much there their these those this that it its
have has had will would can could should may might list show tell me give all any each named
project projects article articles describe mention mentioned total combined located
""".split())
_ZH_STOP = re.compile(r"哪些|哪个|哪家|什么|多少|几个|是否|有没有|请问|列出|文中|提到|具体|的|了|吗|呢|是|有|在|和|与|及")
_EN_TERM = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’+.-]*[A-Za-z0-9+]|[A-Za-z0-9]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


class KeywordRow(NamedTuple):
    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    places: str
    title: str


def match_query(question: str) -> str:
    """An FTS5 MATCH expression: every content word or Chinese trigram of the question, OR-ed."""
    terms: list[str] = []
    for word in _EN_TERM.findall(question):
        if len(word) >= 3 and word.lower() not in _EN_STOP:
            terms.append(word.lower())
    for run in _CJK_RUN.findall(question):
        for part in _ZH_STOP.split(run):
            terms += [part[i:i + 3] for i in range(len(part) - 2)] or ([part] if len(part) == 3 else [])
    unique = list(dict.fromkeys(terms))
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in unique)


class KeywordIndex:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT chunk_id FROM chunk_rows")}

    def add(self, rows: Iterable[KeywordRow]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for row in rows:
                cur = self.db.execute("INSERT INTO chunk_fts(text, places, title) VALUES (?,?,?)",
                                      (row.text, row.places, row.title))
                self.db.execute("INSERT OR REPLACE INTO chunk_rows VALUES (?,?,?,?,?)",
                                (row.chunk_id, cur.lastrowid, row.doc_id, row.start, row.end))
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def remove(self, chunk_ids: Iterable[str]) -> None:
        ids = list(chunk_ids)
        self.db.execute("BEGIN IMMEDIATE")
        for cid in ids:
            row = self.db.execute("SELECT fts_rowid FROM chunk_rows WHERE chunk_id=?", (cid,)).fetchone()
            if row:
                self.db.execute("DELETE FROM chunk_fts WHERE rowid=?", (row[0],))
                self.db.execute("DELETE FROM chunk_rows WHERE chunk_id=?", (cid,))
        self.db.execute("COMMIT")

    def search(self, question: str, k: int) -> list[Hit]:
        query = match_query(question)
        if not query:
            return []
        sql = ("SELECT r.chunk_id, r.doc_id, r.start, r.end, f.text, f.title, bm25(chunk_fts, ?, ?, ?) AS s "
               "FROM chunk_fts f JOIN chunk_rows r ON r.fts_rowid = f.rowid "
               "WHERE chunk_fts MATCH ? ORDER BY s LIMIT ?")
        rows = self.db.execute(sql, (*_WEIGHTS, query, k)).fetchall()
        # bm25() is lower-is-better; negate so every Hit.score is higher-is-better
        return [Hit(cid, doc, title, start, end, text, -score, {"keyword": i})
                for i, (cid, doc, start, end, text, title, score) in enumerate(rows, start=1)]
