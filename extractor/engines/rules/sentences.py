"""Split a document into sections, paragraphs, sentences and clauses, keeping document offsets.

A paragraph is one non-empty line (articles here put each paragraph, list item or table row on its
own line). A heading is a short line without final punctuation, or a Markdown `#` line; it opens a
section, whose places and dates later paragraphs inherit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]+")
# An English sentence ends at . ! ? (plus closing quotes) followed by space and a capital or digit.
_EN_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_ZH_END = re.compile(r"[。！？!?][”’」』）)]*")  # "；" separates clauses, not sentences
_CLAUSE = re.compile(r";\s*|；")
# Words whose period does not end a sentence: "Co. Ltd", "Pte. Ltd", "Mr. Li", "No. 3", "U.S. firms".
_ABBREV = {"co", "corp", "pte", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "e.g", "i.e",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov",
           "approx", "dept", "int'l", "ave", "rd", "u.s", "u.k", "hk", "etc", "fig"}
_LEGAL_END = {"ltd", "inc", "corp", "co", "plc", "llc"}
_HEADING_MAX_EN = 90
_HEADING_MAX_ZH = 32


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int  # index of its paragraph
    clauses: list[tuple[int, int]] = field(default_factory=list)  # document offsets

    def clause_of(self, pos: int) -> tuple[int, int]:
        for c in self.clauses:
            if c[0] <= pos < c[1]:
                return c
        return (self.start, self.end)


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    section: int
    is_heading: bool
    kind: str  # "prose", "heading", "table", "bullet"
    sentences: list[Sentence] = field(default_factory=list)


def _is_heading(line: str, zh: bool) -> bool:
    s = line.strip()
    if s.startswith("#"):
        return True
    if s.startswith(("|", "-", "*", "•")) or not s:
        return False
    if zh:
        return len(s) <= _HEADING_MAX_ZH and s[-1] not in "。！？；，：:,.!?;”\"）)" and "，" not in s
    return len(s) <= _HEADING_MAX_EN and s[-1] not in ".!?;:,\"”)" and s.count(",") <= 1


def _kind(line: str) -> str:
    s = line.lstrip()
    if s.startswith("|"):
        return "table"
    if s[:2] in ("- ", "* ", "• ") or re.match(r"\d+[.)、]\s*", s):
        return "bullet"
    return "prose"


def _en_boundaries(text: str) -> list[int]:
    cuts = []
    for m in _EN_END.finditer(text):
        word = re.search(r"([\w.'&]+)[.!?][\"”’)\]]*\s+$", text[max(0, m.start() - 20):m.end()])
        prev = word.group(1).lower() if word else ""
        if text[m.start()] == "." and (prev in _ABBREV or re.fullmatch(r"[a-z]", prev)):
            continue
        if prev in _LEGAL_END and text[m.end():m.end() + 1] in "\"“(":
            continue  # 'X Co., Ltd. "Y Platform"': a company's project title follows, same sentence
        cuts.append(m.end())
    return cuts


def _zh_boundaries(text: str) -> list[int]:
    return [m.end() for m in _ZH_END.finditer(text)]


def split_sentences(text: str, offset: int, para: int) -> list[Sentence]:
    cuts = sorted(set(_en_boundaries(text) + _zh_boundaries(text)))
    out: list[Sentence] = []
    prev = 0
    for cut in cuts + [len(text)]:
        chunk = text[prev:cut]
        stripped = chunk.strip()
        if stripped:
            lead = chunk.find(stripped)
            s = offset + prev + lead
            out.append(_with_clauses(Sentence(s, s + len(stripped), stripped, para)))
        prev = cut
    return out


def _with_clauses(sent: Sentence) -> Sentence:
    prev = 0
    for m in _CLAUSE.finditer(sent.text):
        sent.clauses.append((sent.start + prev, sent.start + m.start()))
        prev = m.end()
    sent.clauses.append((sent.start + prev, sent.end))
    return sent


def split_document(text: str, zh: bool) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    section = 0
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        heading = _is_heading(line, zh) and bool(paragraphs)  # the first line is the title
        if heading:
            section += 1
        idx = len(paragraphs)
        para = Paragraph(idx, m.start(), m.end(), line, section, heading,
                         "heading" if heading else _kind(line))
        para.sentences = split_sentences(line, m.start(), idx)
        paragraphs.append(para)
    return paragraphs
