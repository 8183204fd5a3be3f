"""Every mention the linker needs, found once per document and bucketed by sentence.

Scanning the whole text once per recogniser (rather than once per sentence) keeps the engine fast;
`bisect` then hands each sentence its slice.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple, Optional, Sequence

from extractor.normalize.dates import DateMatch, DateWindows, lead_year
from extractor.normalize.money import MoneyMatch, find_amounts
from extractor.normalize.places import Gazetteer, PlaceMatch
from extractor.normalize.relative_dates import dated_from_dateline
from extractor.normalize.scanning import occurrences
from extractor.engines.rules.cues import STATUS_RANK, find_status
from extractor.engines.rules.names import NameMention, find_names
from extractor.types import Status
from extractor.engines.rules.orgs import OrgMention, find_orgs
from extractor.engines.rules.sentences import Paragraph, Sentence, split_document

# "Shaanxi's 2023 list", "the 2022 provincial key project lists": a year that dates a list.
# One pattern per century, each opening with two literal characters, which the regex engine finds
# with a fast string search (`(?:19|20)` would make it try a match at every 1 and 2 of the text);
# the "not after" check sits after them for the same reason. The possessive `++` never gives back
# part of a word or of a space, which could not match anyway, so the engine does not try.
_LIST_YEAR = tuple(re.compile("(" + century + r"(?<![\d.,-]..)\d\d)"
                              r"(?=\s++(?:[\w-]++\s++){0,4}(?:lists?|key projects?)\b)") for century in ("19", "20"))
_THIS_YEAR_PART = re.compile(r"今年(?:第?[一二三四]季度|[上下]半年|年初|年中|年底)")
# "in the first quarter", "in Q1": the article's year (the preposition stays outside the date: "to start
# construction in the fourth quarter" is a plan). Found from their last word: a literal the search skips to.
_PART_OF_YEAR_BEFORE = re.compile(r"\b[Ii]n (the (?:first|second|third|fourth) )$")
_QUARTER_NAME = re.compile(r"[Ii]n ([QH][1-4])\b(?! (?:of |19|20))")
_SEP = "\n#\n"
_FOUNDED = re.compile(r"(?:founded|established|incorporated|set up|registered|成立于|成立|创立于|始建于)\s*(?:in\s+)?"
                      r"(?:19|20)\d\d年?", re.I)
# Every alternative opens with a literal character (no group, no class) so that the regex engine
# can skip ahead to the characters that can start one: ten times faster than `(?:January|...)\b`.
_DATE_TRIGGER = re.compile("|".join(w + r"\b" for w in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec").split()) + r"|19\d\d|20\d\d|年|月|Q[1-4]\b|H[1-4]\b")
# Places that are part of a landmark, not the place itself: "Helan Mountain", "Hanjiang River".
# English only: Chinese runs names together, so a 江 or 湖 after a place often starts the next name
# ("福州江阴工业区") rather than making a river or lake of it.
_LANDMARK_AFTER = re.compile(r"\s(?:Mountains?|River|Lake|Road|Street|Avenue|Bay|Sea|Island)\b", re.I)
# Places that say where a company is from, not where the project is: "headquartered in Fuzhou".
_ORIGIN_BEFORE = re.compile(r"(?:headquartered|based|registered|founded)\s+in\s+$|总部(?:位于|设在)$|来自$")


# A place a distance is measured from is not where anything is: "some 100 km southwest of Beijing".
_DISTANCE_BEFORE = re.compile(r"(?:km|kilomet(?:er|re)s|miles)\s+(?:(?:north|south|east|west)\w*\s+)?(?:of|from)\s+$")


_LIST_JOIN = re.compile(r",? and |, |、|和|及|['’]s ")  # (and "Shanghai's Qingpu district")
_MARKET_BEFORE = re.compile(r"\b(?:as far (?:away )?as|exported to|shipped to|sold (?:in|to)|markets? in|customers in)\s+$")
_SOURCE_BEFORE = re.compile(r"\bfrom (?:the )?(?:neighbou?ring |nearby )?$")
_SIGNED_THERE = re.compile(r"(?:正式|成功|集中)?(?:签订|签约|签署)")
_FIRM_AFTER_EN = re.compile(r"\s(?:company|firm|group|investor|developer|conglomerate|maker|manufacturer|supplier)\b")
_FIRM_AFTER = re.compile(r"(?:的)?(?:企业|公司|客商|投资商|民企|外企|上市公司|集团)")


def _places_where(text: str, found: list) -> list:
    """The place mentions that can say where a project is: not landmarks ("Tianfu Square"), nor where a
    company comes from ("headquartered in", 来自江苏常州: the places right after the first too), nor the
    point a distance is measured from."""
    out, origin_end, other_end = [], -1, -1
    for p in found:
        if p.start == origin_end or _elsewhere(text, p):
            origin_end = p.end
            continue
        if other_end >= 0 and _LIST_JOIN.fullmatch(text, other_end, p.start) or _not_where(text, p):
            other_end = p.end  # ("as far away as Guangzhou and Shanghai": the places listed with it too)
            continue
        other_end = -1
        out.append(p)
    return out


def _elsewhere(text: str, p) -> bool:
    """Where a company comes from: "headquartered in", 来自."""
    before = text[max(0, p.start - 24):p.start]
    return before.rstrip().endswith(("in", "于", "在", "自")) and _ORIGIN_BEFORE.search(before) is not None


def _not_where(text: str, p) -> bool:
    """A place named for another reason than where something is built (see the checks' comments). The
    cheap tests on the characters around the place come first: most places pass all of them."""
    after, last = text[p.end:p.end + 1], text[p.start - 1:p.start] if p.start else ""
    if after == "-":
        return text.startswith(("-based", "-headquartered", "-registered"), p.end)  # "Suzhou-based Hengtai Co."
    if after == " " and text[p.end + 1:p.end + 2] in "MRLSABI" and _LANDMARK_AFTER.match(text, p.end):
        return True  # "Tianfu Square"
    if last == " ":
        before = text[max(0, p.start - 24):p.start]
        if before.endswith(("of ", "from ")) and _DISTANCE_BEFORE.search(before):
            return True  # "some 100 km southwest of Beijing"
        if before.endswith(("from ", "from the ", "neighbouring ", "neighboring ")) and _SOURCE_BEFORE.search(before):
            return True  # "phosphate supplies from the neighbouring Inner Mongolia region"
        if before.endswith(("as ", "to ", "in ")) and _MARKET_BEFORE.search(before):
            return True  # "sold in supermarkets as far away as Guangzhou": where goods go
        if before.endswith(("borders ", "bordering ")):
            return True  # "Jiashan county, which borders Shanghai's Qingpu district": a neighbour
        return before.endswith(("the ", "The ")) and _FIRM_AFTER_EN.match(text, p.end) is not None  # "the Beijing company"
    if last == "家":
        return _FIRM_AFTER.match(text, p.end) is not None  # "一家上海企业"
    if last in ("在", "于"):
        return _SIGNED_THERE.match(text, p.end) is not None  # "在西宁签订…协议": where the deal was signed
    return False


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
        # Mentions rarely nest, so the ends usually rise already and are their own running maximum
        # (checked by `sorted`, which takes one pass over a list in order).
        ends = [i.end for i in self.items]
        self.reach = ends if ends == sorted(ends) else list(accumulate(ends, max))

    def overlapping(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        for item in self.items[max(0, i - 3):i]:  # (a loop: `any` over a generator costs twice as much)
            if item.end > start:
                return True
        return False

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
    # A school or hospital that opens a project's name is part of the name ("上饶职业技术学院新校区建设项目").
    orgs = [o for o in orgs if o.kind != "institution" or not _opens_a_name(o, all_names)]
    org_index = _Index(orgs)
    names = [n for n in all_names if n.source in ("quoted", "bold") or not org_index.overlapping(n.start, n.end)]
    company_spans = [(o.start, o.end) for o in orgs if o.is_company]
    # Cheap tests first: a landmark word follows a space and opens with one of "MRLSABI"; an origin
    # phrase ends in "in" or 于/在/自 (then whitespace, maybe).
    places = _places_where(text, Gazetteer.load().find(text))
    dates = _dates(text, published_year)
    year = dates[1]
    dates = sorted(dates[0] + _list_years(text, dates[0]) + dated_from_dateline(text, dates[0])
                   + _this_year(text, year, dates[0]), key=lambda d: d.start)
    dates = sorted(dates + _days_later(text, dates), key=lambda d: d.start)
    status = _approving_lists(text, list(map(StatusCue._make, sorted(find_status(text, 0), key=itemgetter(1)))))
    return DocMentions(text, paragraphs, sentences, names, org_index, find_amounts(text), places, dates, year,
                       company_spans, status)


def _opens_a_name(org: OrgMention, names: list[NameMention]) -> bool:
    """`org` lies inside an unquoted name that goes on past it ("X学院新校区项目")."""
    return any(n.start <= org.start and org.end < n.end for n in names)


# What an approval approves, when it approves a list: "approved the third-quarter adjustment of the
# list", "批准了…名单". The projects of an approved list are listed ones.
_LIST_AFTER = re.compile(r"[^.;:!?。；：！？\n]{0,60}?(?:\blists?\b|\broster\b|名单|清单|目录)")


# An approval yet to come: "subject to environmental approval", "pending approval", "待…批复", "尚需…核准".
_PENDING_BEFORE = re.compile(r"(?:subject to|pending|awaiting|await|needs?|requires?|seeking|seek)\s+(?:[\w-]+\s+){0,2}$"
                             r"|(?:待|尚需|尚待|需|须|正在申请|申请)[\u4e00-\u9fff]{0,6}$")


# A signing yet to come: "预计11月正式签约", "is expected to sign", "将于下月签约".
_SIGNING_AHEAD_BEFORE = re.compile(r"(?:预计|计划|将于|拟于|拟|有望|争取|即将|将)[^，。；,;]{0,8}$"
                                   r"|\b(?:expected|scheduled|due|set|planned|hopes?|aims?) to (?:be )?$|\bwill (?:be )?$")


def _approving_lists(text: str, found: list[StatusCue]) -> list[StatusCue]:
    """An approval of a list lists; an approval a plan is "subject to" has not happened (dropped); a
    signing yet to come is a plan."""
    out = []
    for cue in found:
        if cue.status == Status.signed and _SIGNING_AHEAD_BEFORE.search(text, max(0, cue.start - 12), cue.start):
            cue = cue._replace(status=Status.planned)
        if cue.status == Status.approved:
            if _PENDING_BEFORE.search(text, max(0, cue.start - 40), cue.start):
                continue
            if _LIST_AFTER.match(text, cue.end):
                cue = cue._replace(status=Status.listed)
        out.append(cue)
    return out


def _dates(text: str, published_year: Optional[int]) -> tuple[list[DateMatch], Optional[int]]:
    """Dates of the text and the year it is about, reading only windows around date words: dates
    are short local expressions, and scanning a dozen patterns over a whole article is the slow part."""
    windows: list[list[int]] = []
    n = len(text)
    for m in _DATE_TRIGGER.finditer(text):
        start, end = m.span()
        hi = min(n, end + 32)
        hi_space = text.find(" ", hi)
        hi = n if hi_space < 0 or hi_space - hi > 40 else hi_space
        # A window opens at most 32 characters before its date word: where it opens matters only
        # when the last window does not reach that far.
        lo = start - 32
        if not windows or lo > windows[-1][1]:
            lo = max(0, lo)
            lo = text.rfind(" ", 0, lo) + 1 if text[lo - 1:lo].strip() and lo > 0 else lo
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
        if hi == n:
            break  # every later date word falls in this last window (a text without spaces: Chinese)
    # One scan over the windows joined by a separator no date pattern can cross.
    found = DateWindows(text, windows, _SEP)
    # The article's year: its dateline, else the year its dates mostly state (a company "founded in
    # 2016" says nothing about when the article's events happened).
    year = published_year or lead_year(text) or found.infer_year(_founding_years(found.joined))
    return found.dates(year), year


# `_FOUNDED` ignores case, so the regex engine has no literal to skip ahead to and tries it at every
# position. Every match ends with a year, after a founding word and spaces (and "in"): it is tried
# only a founding word's length before the years whose words before end like a founding word.
_CENTURIES = tuple(re.compile(century + r"(?=\d\d)") for century in ("19", "20"))  # where years start
_FOUNDING_LAST = frozenset("dDpP于立")  # how the founding words end, in any case re.I reads the same
_FOUNDING_LENGTHS = (2, 3, 6, 7, 10, 11, 12)  # how long they are


def _founding_years(text: str) -> list[tuple[int, int]]:
    """The spans of `_FOUNDED` in `text`, as `_FOUNDED.finditer` finds them."""
    def before_spaces(i: int) -> int:
        while i > 0 and text[i - 1].isspace():
            i -= 1
        return i

    starts: set[int] = set()
    for century in _CENTURIES:
        for m in century.finditer(text):
            year = m.start()
            ends = [before_spaces(year)]  # "founded 2016", "成立于2016年"
            if ends[0] < year and ends[0] >= 2:
                ends.append(before_spaces(ends[0] - 2))  # "founded in 2016"
            for end in ends:
                if end > 0 and text[end - 1] in _FOUNDING_LAST:
                    starts.update(end - n for n in _FOUNDING_LENGTHS if n <= end)
    spans: list[tuple[int, int]] = []
    for start in sorted(starts):
        if spans and start < spans[-1][1]:
            continue  # inside the last match: `finditer` would not try it either
        match = _FOUNDED.match(text, start)
        if match is not None:
            spans.append(match.span())
    return spans


def _this_year(text: str, year: Optional[int], dates: list[DateMatch]) -> list[DateMatch]:
    """"今年一季度", "今年上半年", "in the first quarter": a part of the article's year, dated by the year alone."""
    if year is None:
        return []
    spans = [m.span() for m in _THIS_YEAR_PART.finditer(text)] if "今年" in text else []
    for word in ("quarter", "half"):
        for at in occurrences(text, word):
            before = _PART_OF_YEAR_BEFORE.search(text, max(0, at - 16), at)
            if before is not None and not text.startswith((" of", "-"), at + len(word)):
                spans.append((before.start(1), at + len(word)))
    for prefix in ("in Q", "in H", "In Q", "In H"):
        for at in occurrences(text, prefix):
            found = _QUARTER_NAME.match(text, at) if at == 0 or not text[at - 1].isalnum() else None
            if found is not None:
                spans.append(found.span(1))
    if not spans:
        return []
    # (cited with the first date that writes the year out: where the year is read from)
    basis = next(((d.start, d.end) for d in dates if str(year) in d.text), None)
    return [DateMatch(s, e, text[s:e], str(year), True, basis) for s, e in sorted(set(spans))]


# "Two days later", "两天后": counted from the last full date before it.
_DAYS_LATER = re.compile(r"\b(?:([Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d)|([Aa] day|[Tt]he next day|[Tt]he following day))"
                         r" (?:days )?later\b|(?<=[Tt]he )(?:next|following) day\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _days_later(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """(Read around each "later" and "day", literals found fast: _DAYS_LATER opens with groups the regex
    engine cannot skip ahead to.)"""
    found: dict[int, re.Match] = {}
    for word in (" later", " day"):
        for at in occurrences(text, word):
            m = _DAYS_LATER.search(text, max(0, at - 24), at + len(word) + 7)
            if m is not None:
                found.setdefault(m.start(), m)
    out = []
    for _, m in sorted(found.items()):
        if text.startswith((", on ", " on "), m.end()):
            continue  # "A day later, on Thursday, ...": the day is named
        before = [d for d in dates if d.end <= m.start() and len(d.iso) == 10]
        if not before:
            continue
        n = m.group(1)
        days = (int(n) if n.isdigit() else _NUMBERS[n.lower()]) if n else 1
        try:
            iso = (datetime.date.fromisoformat(before[-1].iso) + datetime.timedelta(days=days)).isoformat()
        except ValueError:
            continue
        out.append(DateMatch(m.start(), m.end(), m.group(), iso, False, (before[-1].start, before[-1].end)))
    return out


def _list_years(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    taken = [(d.start, d.end) for d in dates]
    out = []
    for start, end in sorted(m.span(1) for pattern in _LIST_YEAR for m in pattern.finditer(text)):
        if not any(s < end and start < e for s, e in taken):
            out.append(DateMatch(start, end, text[start:end], text[start:end], False))
    return out


class DocMentions:
    """All mentions of one document, with range queries by offsets."""

    def __init__(self, text, paragraphs, sentences, names, orgs, amounts, places, dates, year, company_spans,
                 status):
        """`orgs` may come indexed already (`collect` indexes them to filter the names)."""
        self.text = text
        self.paragraphs: list[Paragraph] = paragraphs
        self.sentences: list[Sentence] = sentences
        self.year: Optional[int] = year
        self.company_spans = company_spans
        self.name_spans = [(n.start, n.end) for n in names]
        self._names, self._orgs = _Index(names), orgs if isinstance(orgs, _Index) else _Index(orgs)
        self._amounts, self._dates = _Index(amounts), _Index(dates)
        self._status = _Index(status)
        # All places, in order; queries go to the filtered indexes of `_filter_places`.
        self._all_places: list[PlaceMatch] = places
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
        outside_companies = [p for p in self._all_places if not companies.covers(p.start, p.end)]
        outside_both = [p for p in outside_companies if not names.covers(p.start, p.end)]
        return _Index(outside_companies), _Index(outside_both)

    @property
    def all_names(self) -> list[NameMention]:
        return list(self._names.items)

    @property
    def all_orgs(self) -> list[OrgMention]:
        return list(self._orgs.items)
