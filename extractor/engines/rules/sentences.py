"""Split a document into sections, paragraphs, sentences and clauses, keeping document offsets.

A paragraph is one non-empty line (articles here put each paragraph, list item or table row on its
own line). A heading is a short line without final punctuation, or a Markdown `#` line; it opens a
section, whose places and dates later paragraphs inherit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]+")
# An English sentence ends at . ! ? (plus closing quotes) followed by space and a capital or digit;
# a Chinese one at 。！？!? (plus closing quotes; "；" separates clauses, not sentences).
_ZH_END = re.compile(r"[。！？!?][”’」』）)]*")
# Both kinds, for all lines in one scan of the document. The pattern opens with the class of every
# final character, so that the regex engine skips ahead to those; the English branch marks itself
# with the empty group `en` and is tried first (at "!" and "?" the Chinese end is then read with
# `_ZH_END`). The spaces of an English end are `[^\S\n]`, so that, as within a single line, no end
# reaches across a line break.
_END = re.compile(r"[.!?。！？](?:(?<=[.!?])[\"”’)\]]*[^\S\n]+(?=[\"“‘(\[]?[A-Z0-9])(?P<en>)"
                  r"|(?<=[。！？!?])[”’」』）)]*)")
_CLAUSE = re.compile(r";\s*|；")
_NUMBERED = re.compile(r"\d+[.)、]\s*")
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
    if s[:2] in ("- ", "* ", "• ") or _NUMBERED.match(s):
        return "bullet"
    return "prose"


def _sentence_ends(text: str) -> list[int]:
    """Sorted offsets where a sentence ends, for all lines of `text` at once."""
    ends = []  # in order: the matches do not overlap, and an English end reaches past a Chinese one
    for m in _END.finditer(text):
        start, end = m.span()
        if m.lastgroup != "en":  # a Chinese end
            ends.append(end)
            continue
        if text[start] != ".":  # "!" and "?" end a Chinese sentence too, right after its quotes
            ends.append(_ZH_END.match(text, start).end())
        if _is_en_cut(text, start, end):
            ends.append(end)
    return ends


def _is_en_cut(text: str, end_start: int, end: int) -> bool:
    """Whether the English end text[end_start:end] ends a sentence."""
    period, quote_after = text[end_start] == ".", text[end] in "\"“("
    if not (period or quote_after):
        return True  # only the word before a period or before a quote can veto the cut
    prev = _word_before(text, end_start).lower()
    if period and (prev in _ABBREV or (len(prev) == 1 and "a" <= prev <= "z")):
        return False
    if quote_after and prev in _LEGAL_END:
        return False  # 'X Co., Ltd. "Y Platform"': a company's project title follows, same sentence
    return True


def _word_before(text: str, pos: int) -> str:
    """The run of word characters, dots, apostrophes and ampersands ("U.S", "int'l") that ends at
    `pos`, read back at most 20 characters and not past the start of the line."""
    lo = max(0, pos - 20)
    i = pos
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_.'&"):  # isalnum or _: regex \w
        i -= 1
    return text[i:pos]


def _line_sentences(text: str, lo: int, hi: int, cuts: list[int], para: int) -> list[Sentence]:
    """The sentences of the line text[lo:hi] cut at `cuts` (offsets into `text`)."""
    out: list[Sentence] = []
    prev = lo
    for cut in cuts + [hi]:
        chunk = text[prev:cut]
        stripped = chunk.strip()
        if stripped:
            s = prev + len(chunk) - len(chunk.lstrip())
            out.append(Sentence(s, s + len(stripped), stripped, para, _clauses(stripped, s)))
        prev = cut
    return out


def _clauses(sentence: str, start: int) -> list[tuple[int, int]]:
    """The clauses of a sentence (split at semicolons) at document offsets; `start`: the sentence's."""
    if ";" not in sentence and "；" not in sentence:
        return [(start, start + len(sentence))]
    clauses = []
    prev = 0
    for m in _CLAUSE.finditer(sentence):
        clauses.append((start + prev, start + m.start()))
        prev = m.end()
    clauses.append((start + prev, start + len(sentence)))
    return clauses


def split_document(text: str, zh: bool) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    section = 0
    ends = _sentence_ends(text)
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        heading = _is_heading(line, zh) and bool(paragraphs)  # the first line is the title
        if heading:
            section += 1
        idx = len(paragraphs)
        lo, hi = m.span()
        para = Paragraph(idx, lo, hi, line, section, heading, "heading" if heading else _kind(line))
        cuts = ends[bisect_right(ends, lo):bisect_right(ends, hi)]
        para.sentences = _line_sentences(text, lo, hi, cuts, idx)
        paragraphs.append(para)
    return paragraphs
