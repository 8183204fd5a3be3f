"""Token-bounded chunks that end at paragraph or sentence ends, with document offsets.

Invariant: `doc.text[chunk.start:chunk.end] == chunk.text` for every chunk, in any language.
"""

from __future__ import annotations

import hashlib
import re
from typing import Callable

from extractor.tokens import get_encoding
from extractor.types import Chunk, Document

# A unit ends at a paragraph break, or after sentence punctuation plus closing quotes/brackets:
# ASCII punctuation only when followed by white space (so "2.0" and "Co., Ltd." stay whole),
# Chinese punctuation anywhere.
_UNIT_END = re.compile(
    r"\n\s*\n\s*"
    r"|[.!?;]+[\"'”’)\]]*(?:[ \t]+\n?|\n|$)"
    r"|[。！？；…]+[”’）」』\"']*[ \t]*\n?"
    r"|\n"
)
# Abbreviations after which a full stop does not end the sentence.
_ABBREV = re.compile(r"(?:\b(?:Mr|Ms|Mrs|Dr|St|No|vs|Jr|Prof|approx|e\.g|i\.e|U\.S)\.)$")


_COMPANY_ABBREV = re.compile(r"\b(?:Co|Ltd|Inc|Corp)\.$")


def _not_a_sentence_end(text: str, dot: int, after: int) -> bool:
    before = text[max(0, dot - 8): dot + 1]
    if _ABBREV.search(before):
        return True
    # "X Co., Ltd. built it": a company suffix followed by a lower-case word continues the sentence
    return bool(_COMPANY_ABBREV.search(before)) and after < len(text) and text[after].islower()


def split_units(text: str) -> list[tuple[int, int]]:
    """(start, end) spans that tile the text exactly: sentences and paragraph breaks."""
    spans, start = [], 0
    for m in _UNIT_END.finditer(text):
        end = m.end()
        if m.group()[0] == "." and _not_a_sentence_end(text, m.start(), end):
            continue
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def chunk_document(doc: Document, max_tokens: int = 400, overlap: int = 60, encoding: str = "cl100k_base") -> list[Chunk]:
    enc = get_encoding(encoding)
    count = lambda s: len(enc.encode_ordinary(s))  # noqa: E731
    units = _bounded_units(doc.text, split_units(doc.text), count, max_tokens)
    sizes = [count(doc.text[s:e]) for s, e in units]
    windows = _pack(sizes, max_tokens, min(overlap, max_tokens // 2))
    chunks = []
    for index, (first, last) in enumerate(windows):
        start, end = units[first][0], units[last][1]
        text = doc.text[start:end]
        chunks.append(Chunk(
            id=chunk_id(doc.id, start, end), doc_id=doc.id, index=index, start=start, end=end,
            text=text, n_tokens=count(text),
        ))
    return chunks


def chunk_id(doc_id: str, start: int, end: int) -> str:
    return "c_" + hashlib.sha1(f"{doc_id}:{start}:{end}".encode()).hexdigest()[:16]


def _pack(sizes: list[int], max_tokens: int, overlap: int) -> list[tuple[int, int]]:
    """Greedy windows of unit indexes [first, last]; each new window starts with up to `overlap`
    tokens of whole units from the end of the previous one."""
    windows, first, n = [], 0, len(sizes)
    while first < n:
        last, total = first, sizes[first]
        while last + 1 < n and total + sizes[last + 1] <= max_tokens:
            last += 1
            total += sizes[last]
        windows.append((first, last))
        if last + 1 >= n:
            break
        nxt, back = last + 1, 0
        while nxt - 1 > first and back + sizes[nxt - 1] <= overlap:
            nxt -= 1
            back += sizes[nxt]
        first = nxt
    return windows


def _bounded_units(text: str, units: list[tuple[int, int]], count: Callable[[str], int], max_tokens: int) -> list[tuple[int, int]]:
    """Split any unit longer than max_tokens (a run-on sentence, a table) at character positions."""
    out = []
    for start, end in units:
        while count(text[start:end]) > max_tokens:
            cut = _longest_prefix(text, start, end, count, max_tokens)
            out.append((start, cut))
            start = cut
        if end > start:
            out.append((start, end))
    return out


def _longest_prefix(text: str, start: int, end: int, count: Callable[[str], int], max_tokens: int) -> int:
    """Largest cut with count(text[start:cut]) <= max_tokens, preferring a space; binary search."""
    lo, hi = start + 1, end
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(text[start:mid]) <= max_tokens:
            lo = mid
        else:
            hi = mid - 1
    space = text.rfind(" ", start + 1, lo)
    return space + 1 if space > start + (lo - start) // 2 else lo
