"""Citations: the passage of a document around the evidence a claim rests on.

A citation is whole sentences (the chunker's sentence units, so the same boundaries everywhere)
covering the cited evidence spans, with those spans kept as highlights. Its text is always the
document's own text at its offsets: `doc.text[start:end] == text`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from extractor.chunking import split_units
from extractor.store import Store
from extractor.types import Document, Evidence, Project

MAX_PASSAGE = 700  # characters; a longer cover falls back to the main span's own sentence


@dataclass
class Citation:
    doc_id: str
    title: str
    start: int
    end: int
    text: str
    highlights: list[tuple[int, int, str]] = field(default_factory=list)  # document offsets, label

    def contract(self) -> dict:
        return {"doc_id": self.doc_id, "title": self.title, "start": self.start, "end": self.end, "text": self.text}

    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


class Documents:
    """Documents read once per answer (a record list cites the same article many times)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[str, Optional[Document]] = {}
        self._units: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}

    def get(self, doc_id: str) -> Optional[Document]:
        if doc_id not in self._docs:
            self._docs[doc_id] = self.store.get_document(doc_id)
        return self._docs[doc_id]

    def prefetch(self, doc_ids: Iterable[str]) -> None:
        """Read many documents in one query (a long record list cites hundreds of articles)."""
        wanted = [d for d in dict.fromkeys(doc_ids) if d not in self._docs]
        for lo in range(0, len(wanted), 500):
            part = wanted[lo: lo + 500]
            rows = self.store.db.execute(
                f"SELECT id, title, source, lang, published, text FROM documents WHERE id IN ({','.join('?' * len(part))})",
                part).fetchall()
            for row in rows:
                self._docs[row[0]] = Document(id=row[0], title=row[1], source=row[2], lang=row[3], published=row[4],
                                              text=row[5])
            self._docs.update({d: None for d in part if d not in self._docs})

    def sentence_units(self, doc: Document) -> tuple[list[int], list[tuple[int, int]]]:
        if doc.id not in self._units:
            units = split_units(doc.text)
            self._units[doc.id] = ([s for s, _ in units], units)
        return self._units[doc.id]


def _sentence_span(docs: Documents, doc: Document, start: int, end: int) -> tuple[int, int]:
    starts, units = docs.sentence_units(doc)
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    lo, hi = units[first][0], units[last][1]
    text = doc.text[lo:hi]
    # trim the surrounding white space so the quote starts and ends on words
    lo += len(text) - len(text.lstrip())
    hi -= len(text) - len(text.rstrip())
    return lo, max(hi, lo)


def passage(docs: Documents, doc: Document, spans: Sequence[tuple[int, int, str]]) -> Citation:
    """Sentences covering every span if they fit in MAX_PASSAGE characters, else the first span's."""
    lo, hi = _sentence_span(docs, doc, min(s for s, _, _ in spans), max(e for _, e, _ in spans))
    if hi - lo > MAX_PASSAGE:
        first = spans[0]
        lo, hi = _sentence_span(docs, doc, first[0], first[1])
        spans = [s for s in spans if lo <= s[0] and s[1] <= hi]
    return Citation(doc.id, doc.title, lo, hi, doc.text[lo:hi], sorted(set(spans)))


def record_citation(docs: Documents, record: Project, fields: Iterable[str]) -> Optional[Citation]:
    """The passage stating the record's name and the given fields ("amount", "organizations[0]"...),
    taken from the document that states the most of them."""
    wanted = list(fields)
    evidence = [e for e in record.evidence if e.field in wanted or _is_org(e, wanted)]
    if not evidence:
        return None
    by_doc: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_doc.setdefault(e.doc_id, []).append(e)
    # the document with the most distinct fields; the record's own document wins ties
    doc_id = max(by_doc, key=lambda d: (len({e.field for e in by_doc[d]}), d == record.doc_id))
    doc = docs.get(doc_id)
    if doc is None:
        return None
    chosen = _nearest_per_field(by_doc[doc_id], wanted)
    return passage(docs, doc, [(e.start, e.end, e.field) for e in chosen])


def _is_org(e: Evidence, wanted: list[str]) -> bool:
    return "organizations" in wanted and e.field.startswith("organizations[")


def _field_is(e: Evidence, field: str) -> bool:
    return e.field == field or (field == "organizations" and e.field.startswith("organizations["))


def _nearest_per_field(evidence: list[Evidence], wanted: list[str]) -> list[Evidence]:
    """One span per field, the ones closest to the first wanted field's span (so a name mentioned
    twice is cited where the amount is)."""
    anchor_field = next((f for f in wanted[1:] if any(_field_is(e, f) for e in evidence)), wanted[0])
    anchors = [e for e in evidence if _field_is(e, anchor_field)] or evidence
    anchor = anchors[0]
    best: dict[str, Evidence] = {}
    for e in sorted(evidence, key=lambda e: abs(e.start - anchor.start)):
        best.setdefault(e.field, e)
    ordered = [anchor] + [e for e in best.values() if e is not anchor]
    return ordered
