"""Read .txt, .md and .html files into Documents; reject bad files with a clear reason and go on.

The document text is the decoded file with newlines normalised (and, for HTML, the visible text),
and every offset in keyproj points into it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Union

from extractor.errors import IngestError
from extractor.html_text import html_to_text
from extractor.types import Document

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Rejected:
    """A file that was not ingested, and why (shown to the user; the batch goes on)."""

    source: str
    reason: str


LoadResult = Union[Document, Rejected]


def iter_files(paths: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """Supported files under the given files and folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        elif path.exists():
            yield path
        else:
            raise IngestError(f"{path}: no such file or folder")


def load_paths(paths: Iterable[Union[str, Path]], max_bytes: int) -> Iterator[LoadResult]:
    for path in iter_files(paths):
        try:
            yield load_file(path, max_bytes)
        except IngestError as err:
            yield Rejected(str(path), str(err))


def load_file(path: Path, max_bytes: int) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"unsupported file type {suffix or '(none)'}: use .txt, .md or .html")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit (KEYPROJ_MAX_FILE_BYTES)")
    return document_from_bytes(path.read_bytes(), source=str(path), kind=suffix, max_bytes=max_bytes)


def document_from_bytes(data: bytes, source: str, kind: str = ".txt", max_bytes: int = 5_000_000) -> Document:
    """Build a Document from raw bytes (also used by the UI's upload)."""
    if len(data) > max_bytes:
        raise IngestError(f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
    if not data.strip():
        raise IngestError("file is empty")
    raw = decode(data)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if kind in (".html", ".htm"):
        title, text = html_to_text(raw)
    else:
        text = raw
        title = _first_line_title(text)
    if not text.strip():
        raise IngestError("no text left after removing markup")
    return Document(
        id=document_id(text),
        title=title or Path(source).stem,
        source=source,
        lang=detect_lang(text),
        published=find_published(text),
        text=text,
    )


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (common for Chinese sites); binary is refused."""
    if b"\x00" in data[:8192]:
        raise IngestError("looks like a binary file (NUL bytes); expected text, Markdown or HTML")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise IngestError("cannot decode as UTF-8 or GB18030; re-save the file as UTF-8")


def _looks_like_text(text: str) -> bool:
    # GB18030 decodes many byte soups; real text has few control characters and few private-use chars.
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample)) + sum(1 for c in sample if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    return bad <= max(2, len(sample) // 200)


def document_id(text: str) -> str:
    return "doc_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def detect_lang(text: str) -> str:
    sample = text[:5000]
    letters = sum(1 for c in sample if c.isalpha())
    return "zh" if letters and len(_CJK.findall(sample)) / letters > 0.3 else "en"


_MD_HEADING = re.compile(r"^#+\s*")
_TEST_MARK = re.compile(r"^\s*(\[[^\]]*\]|【[^】]*】)\s*")


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        line = _TEST_MARK.sub("", _MD_HEADING.sub("", line.strip()))
        if line:
            return line[:200]
    return ""


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PUBLISHED = [
    re.compile(r"(?:Published|Date|发布时间|发布日期|日期)\s*[:：]\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})"),
    re.compile(r"(?m)^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"),
    re.compile(r"(?m)^\s*(\d{4})年(\d{1,2})月(\d{1,2})日"),
]
_PUBLISHED_EN = re.compile(rf"(?:Published|Date)\s*[:：]?\s*({_MONTHS})\s+(\d{{1,2}}),\s*(\d{{4}})")


def find_published(text: str) -> str | None:
    """A publication date stated near the top of the article (a dateline), as ISO; else None."""
    head = text[:600]
    for pattern in _PUBLISHED:
        m = pattern.search(head)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _PUBLISHED_EN.search(head)
    if m:
        month = _MONTHS.split("|").index(m.group(1)) + 1
        return _iso(int(m.group(3)), month, int(m.group(2)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
