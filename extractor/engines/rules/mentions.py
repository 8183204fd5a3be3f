"""Every mention the linker needs, found once per document and bucketed by sentence.

Scanning the whole text once per recogniser (rather than once per sentence) keeps the engine fast;
`bisect` then hands each sentence its slice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import NamedTuple, Optional, Sequence

from extractor.normalize.dates import DateMatch, find_dates, infer_year
from extractor.normalize.money import MoneyMatch, find_amounts
from extractor.normalize.places import Gazetteer, PlaceMatch
from extractor.engines.rules.cues import STATUS_RANK, find_status
from extractor.engines.rules.names import NameMention, find_names
from extractor.types import Status
from extractor.engines.rules.orgs import OrgMention, find_orgs
from extractor.engines.rules.sentences import Paragraph, Sentence, split_document

# "Shaanxi's 2023 list", "the 2022 provincial key project lists": a year that dates a list.
# (The "not after" check sits after "19"/"20" so that the pattern opens with literals, which the regex
# engine skips ahead to, instead of being tried at every position.)
_LIST_YEAR = re.compile(r"((?:19|20)(?<![\d.,-]..)\d\d)(?=\s+(?:[\w-]+\s+){0,4}(?:lists?|key projects?)\b)")
_SEP = "\n#\n"
_FOUNDED = re.compile(r"(?:founded|established|incorporated|set up|registered|成立于|成立|创立于|始建于)\s*(?:in\s+)?"
                      r"(?:19|20)\d\d年?", re.I)
# Every alternative opens with a literal character (no group, no class) so that the regex engine
# can skip ahead to the characters that can start one: ten times faster than `(?:January|...)\b`.
_DATE_TRIGGER = re.compile("|".join(w + r"\b" for w in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec").split()) + r"|19\d\d|20\d\d|年|月|Q[1-4]\b|H[1-4]\b")
# Places that are part of a landmark, not the place itself: "Helan Mountain", "Hanjiang River".
_LANDMARK_AFTER = re.compile(r"\s(?:Mountains?|River|Lake|Road|Street|Avenue|Bay|Sea|Island)\b|^(?:山|河|江|湖|路|街)")
# Places that say where a company is from, not where the project is: "headquartered in Fuzhou".
_ORIGIN_BEFORE = re.compile(r"(?:headquartered|based|registered|founded)\s+in\s+$|总部(?:位于|设在)$|来自$")


class StatusCue(NamedTuple):
    status: Status
    start: int
    end: int


class _Index:
    """Sorted start offsets of one mention list, for fast range queries."""

    __slots__ = ("items", "starts", "reach")

    def __init__(self, items: Sequence):
        self.items = items if isinstance(items, list) else list(items)
        self.starts = [i.start for i in self.items]
        # reach[k]: the furthest end among items[:k + 1]. When it does not pass a query's end, no
        # item of the slice does, and `between` returns the slice without testing each item.
        self.reach = list(accumulate([i.end for i in self.items], max))

    def overlapping(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and any(item.end > start for item in self.items[max(0, i - 3):i])

    def between(self, start: int, end: int) -> list:
        starts = self.starts
        lo = bisect_left(starts, start)
        if lo == len(starts) or starts[lo] >= end:
            return []  # (most ranges hold none: one binary search suffices)
        hi = bisect_left(starts, end, lo + 1)
        if self.reach[hi - 1] <= end:
            return self.items[lo:hi]
        return [item for item in self.items[lo:hi] if item.end <= end]


class _Cover:
    """Answers "is [start, end) inside one of these spans?" with a binary search."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = []  # the furthest end among the spans starting at or before each one
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end


def collect(text: str, zh: bool, published_year: Optional[int]) -> "DocMentions":
    paragraphs = split_document(text, zh)
    sentences = [s for p in paragraphs for s in p.sentences]
    body_start = paragraphs[1].start if len(paragraphs) > 1 else 0
    all_names = [n for n in find_names(text, 0, zh) if n.start >= body_start]
    # A quoted title wins over an organisation inside it ("“岳麓山大学科技城创新中心项目”");
    # an organisation wins over an unquoted phrase inside it ("Yotta ... Project Operation Company").
    titles = _Index([n for n in all_names if n.source in ("quoted", "bold")])
    orgs = [o for o in find_orgs(text, zh) if not titles.overlapping(o.start, o.end)]
    org_index = _Index(orgs)
    names = [n for n in all_names if n.source in ("quoted", "bold") or not org_index.overlapping(n.start, n.end)]
    company_spans = [(o.start, o.end) for o in orgs if o.is_company]
    places = [p for p in Gazetteer.load().find(text)
              if not _LANDMARK_AFTER.match(text, p.end) and not _ORIGIN_BEFORE.search(text[max(0, p.start - 24):p.start])]
    dates = _dates(text, published_year)
    year = dates[1]
    dates = sorted(dates[0] + _list_years(text, dates[0]), key=lambda d: d.start)
    status = [StatusCue(*c) for c in sorted(find_status(text, 0), key=lambda c: c[1])]
    return DocMentions(text, paragraphs, sentences, names, orgs, find_amounts(text), places, dates, year,
                       company_spans, status)


def _dates(text: str, published_year: Optional[int]) -> tuple[list[DateMatch], Optional[int]]:
    """Dates of the text and the year it is about, reading only windows around date words: dates
    are short local expressions, and scanning 13 patterns over a whole article is the slow part."""
    windows = []
    for m in _DATE_TRIGGER.finditer(text):
        lo, hi = max(0, m.start() - 32), min(len(text), m.end() + 32)
        lo = text.rfind(" ", 0, lo) + 1 if text[lo - 1:lo].strip() and lo > 0 else lo
        hi_space = text.find(" ", hi)
        hi = len(text) if hi_space < 0 or hi_space - hi > 40 else hi_space
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    # One call over the windows joined by a separator no date pattern can cross.
    joined_starts, parts, pos = [], [], 0
    for lo, hi in windows:
        joined_starts.append(pos)
        parts.append(text[lo:hi])
        pos += hi - lo + len(_SEP)
    joined = _SEP.join(parts)
    # The article's year: its dateline, else the year its dates mostly state (a company "founded in
    # 2016" says nothing about when the article's events happened).
    year = published_year or infer_year(_FOUNDED.sub(lambda m: " " * len(m.group()), joined))
    found: list[DateMatch] = []
    for d in find_dates(joined, year):
        k = bisect_right(joined_starts, d.start) - 1
        shift = windows[k][0] - joined_starts[k]
        found.append(DateMatch(d.start + shift, d.end + shift, d.text, d.iso, d.approximate))
    return found, year


def _list_years(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    taken = [(d.start, d.end) for d in dates]
    out = []
    for m in _LIST_YEAR.finditer(text):
        if not any(s < m.end(1) and m.start(1) < e for s, e in taken):
            out.append(DateMatch(m.start(1), m.end(1), m.group(1), m.group(1), False))
    return out


class DocMentions:
    """All mentions of one document, with range queries by offsets."""

    def __init__(self, text, paragraphs, sentences, names, orgs, amounts, places, dates, year, company_spans,
                 status):
        self.text = text
        self.paragraphs: list[Paragraph] = paragraphs
        self.sentences: list[Sentence] = sentences
        self.year: Optional[int] = year
        self.company_spans = company_spans
        self.name_spans = [(n.start, n.end) for n in names]
        self._names, self._orgs = _Index(names), _Index(orgs)
        self._amounts, self._places, self._dates = _Index(amounts), _Index(places), _Index(dates)
        self._status = _Index(status)
        # Places outside company names, and those also outside project names: built on first use.
        self._places_outside: Optional[tuple[_Index, _Index]] = None

    def names(self, start: int, end: int) -> list[NameMention]:
        return self._names.between(start, end)

    def orgs(self, start: int, end: int) -> list[OrgMention]:
        return self._orgs.between(start, end)

    def amounts(self, start: int, end: int) -> list[MoneyMatch]:
        return self._amounts.between(start, end)

    def status(self, start: int, end: int) -> list[StatusCue]:
        """Status cues in the range, strongest status first."""
        found = self._status.between(start, end)
        if len(found) < 2:
            return found
        return sorted(found, key=lambda c: (STATUS_RANK[c.status], c.start))

    def dates(self, start: int, end: int) -> list[DateMatch]:
        return self._dates.between(start, end)

    def places(self, start: int, end: int, *, in_names: bool = True) -> list[PlaceMatch]:
        """Places in the range, never those inside a company's name ("Interstellar (Beijing) ...");
        with in_names=False also not those inside a project name."""
        if self._places_outside is None:
            self._places_outside = self._filter_places()
        return self._places_outside[0 if in_names else 1].between(start, end)

    def _filter_places(self) -> tuple[_Index, _Index]:
        """Two indexes of the places, filtered once per document rather than once per query."""
        companies, names = _Cover(self.company_spans), _Cover(self.name_spans)
        outside_companies = [p for p in self._places.items if not companies.covers(p.start, p.end)]
        outside_both = [p for p in outside_companies if not names.covers(p.start, p.end)]
        return _Index(outside_companies), _Index(outside_both)

    @property
    def all_names(self) -> list[NameMention]:
        return list(self._names.items)

    @property
    def all_orgs(self) -> list[OrgMention]:
        return list(self._orgs.items)
