"""Dates in English and Chinese news text, normalised to ISO with the precision stated.

    find_dates("On March 27, the list ...", default_year=2020)  -> [DateMatch(3, 11, "March 27", "2020-03-27", False)]
    parse_date("2020年3月下旬")                                   -> DateMatch(..., iso="2020-03", approximate=True)

Recognised (English month names capitalised, modifiers in any case):
- day: "March 27", "March 18th", "March 27, 2020", "27 March 2020", "18th of March", "2020-03-27",
  "2020/3/27", "2020.3.27", "2020年3月27日", "3月27号", "二〇二〇年三月二十七日", "今年3月5日"
- month: "March 2020", "in March" / "since February" (a preposition before a bare month name),
  "2020年3月", "3月份"
- approximate month: "mid-February", "late March", "early March", "the end of February",
  "3月下旬", "2月中旬", "3月初", "3月底"
- year: "in 2020", "by 2025" (a preposition before the year), "2020年"
- approximate year: "first quarter of 2020", "Q1 2020", "first half of 2020", "mid-2020",
  "2020年一季度", "2020年上半年", "2020年底" (ISO cannot say "quarter": the year is given, approximate)
Not matched on purpose: bare numbers, "2.0", "5G", year-month "2020-03" (reads as a range like
"2010-11"), day/month orders like "3/27/2020" (ambiguous), quarters without a year ("the first
quarter of each year"). A date without a year is only returned when `default_year` is given:
an ISO date needs a year.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Callable, NamedTuple, Optional, Sequence

from extractor.normalize.scanning import finditer_from, occurrences, reach_before, word_starts_before


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    iso: str  # "2020", "2020-03", "2020-03-27"
    approximate: bool  # "mid-February", "late March", "end of February", "first quarter"
    # Where the date was counted from, when the text gives it relative to another date ("on Tuesday"
    # in a report whose dateline says "Nov. 20, 2026"): that date's span, also cited as evidence.
    basis: Optional[tuple[int, int]] = None


class _Raw(NamedTuple):
    start: int
    end: int
    year: Optional[int]  # None: not stated
    month: Optional[int]
    day: Optional[int]
    approximate: bool
    year_offset: Optional[int] = None  # 今年/去年/明年: relative to the default year


_MONTHS = {name: i for i, names in enumerate(
    ["", "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"]) for name in names.split()}
_MONTH_NAMES = ("January February March April May June July August September October November December "
                "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec").split()
_MON = r"(?P<mon>" + "|".join(_MONTH_NAMES) + r")(?![A-Za-z-])\.?"
_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])"
# The same, for a pattern that starts with them and must not follow a character of `not_after`.
# The check sits after the first character ("J(?<![A-Za-z]J)anuary") rather than in front of the
# pattern: a pattern that opens with literal characters lets the regex engine skip ahead to them,
# one that opens with a lookbehind is tried at every position of the text, many times slower.
_MON_FIRST = (r"(?P<mon>" + "|".join(f"{w[0]}(?<![A-Za-z]{w[0]}){w[1:]}" for w in _MONTH_NAMES)
              + r")(?![A-Za-z-])\.?")  # not after a letter


def _year_first(not_after: str) -> str:
    return r"(?P<y>(?:19|20)(?<!" + not_after + r"..)[0-9]{2})(?![0-9])"


def _day_first(not_after: str) -> str:
    return r"(?P<d>[0-9](?<!" + not_after + r".)[0-9]?)(?:st|nd|rd|th)?(?![0-9]|[.,][0-9])"


# A year counted from the article's: "December last year", "March 5 of next year". The noun "year"
# alone: not "years", "year-round" or "last year's list"; and no comma before it ("In March, last
# year's list...", "in March, next year it will...": the next clause's words). ("May this year" is
# the article's year, as "May" alone is read: the match stays as it was.)
_REL_YEAR = r"\s+(?:of\s+)?(?P<rel>(?i:last|next))\s+year(?![\w'’-])"
_EN_REL = {"last": -1, "next": 1}
_OPT_YEAR = r"(?:,?\s+" + _YEAR + r"|" + _REL_YEAR + r")?"
_APPROX_WORDS = (r"(?i:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|"
                 r"the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)")
_PREPOSITIONS = r"(?i:in|since|from|until|till|by|during|before|after|through|throughout|of|for)"
_QUARTER = (r"(?i:(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)"
            r"(?:\s+of(?:\s+the\s+year)?)?)")

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZN = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"  # a month or day number
_ZY = r"[0-9０-９]{4}|[〇零一二三四五六七八九]{4}"  # a year
_ZH_REL = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}
_ZH_PART = r"(?P<part>上旬|中旬|下旬|初(?![步次期始心级稿审赛见])|底|末|份)?"
_ZH_YEAR_PART = (r"(?P<part>(?:第?[一二三四1-4]|前三)季度|[上下]半年|年?初(?![步次期始心级稿审赛见])|年?底|年?末|"
                 r"度)?")


def _cn_int(s: str) -> int:
    """'27', '２７', '二十七', '十二', '二〇二〇' -> int; -1 for malformed numerals (十十)."""
    if s.isdigit():
        return int(s)  # int() reads full-width digits too
    try:
        if "十" in s:
            tens, _, ones = s.partition("十")
            return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    except KeyError:
        return -1


def _year(m: re.Match) -> Optional[int]:
    y = m.group("y") if "y" in m.re.groupindex else None
    return int(y) if y else None


def _rel_year(m: re.Match) -> Optional[int]:
    """The year offset of "last year" (-1) or "next year" (1) after a month; None when the match
    states none."""
    rel = m.group("rel") if "rel" in m.re.groupindex else None
    return _EN_REL[rel.lower()] if rel else None


def _en_day(m: re.Match) -> _Raw:
    return _Raw(m.start(), m.end(), _year(m), _MONTHS[m.group("mon").lower()], int(m.group("d")), False,
                _rel_year(m))


def _en_month(m: re.Match) -> _Raw:
    return _Raw(m.start("mon"), m.end(), _year(m), _MONTHS[m.group("mon").lower()], None, False, _rel_year(m))


def _en_approx_month(m: re.Match) -> _Raw:
    return _Raw(m.start(), m.end(), _year(m), _MONTHS[m.group("mon").lower()], None, True, _rel_year(m))


def _year_only(approximate: bool, group: str = "") -> Callable[[re.Match], _Raw]:
    def make(m: re.Match) -> _Raw:
        start = m.start(group) if group else m.start()
        return _Raw(start, m.end(), int(m.group("y")), None, None, approximate)
    return make


def _numeric(m: re.Match) -> _Raw:
    return _Raw(m.start(), m.end(), int(m.group("y")), int(m.group("m")), int(m.group("d")), False)


def _zh_date(m: re.Match) -> _Raw:
    rel = m.group("rel")
    year = _cn_int(m.group("y")) if m.group("y") else None
    part = m.group("part") or ""
    day = _cn_int(m.group("d")) if m.group("d") else None
    if not m.group("m").isdigit() and year is None and rel is None and day is None:
        return _Raw(m.start(), m.end(), None, 0, None, False)  # 统一月度: not a bare 一月; rejected
    approximate = day is None and part not in ("", "份")
    return _Raw(m.start(), m.end(), year, _cn_int(m.group("m")), day, approximate,
                _ZH_REL[rel] if rel else None)


def _zh_year(m: re.Match) -> _Raw:
    part = m.group("part") or ""
    return _Raw(m.start(), m.end(), _cn_int(m.group("y")), None, None, part not in ("", "度"))


# "Q1 2020" and "2020 H1" cannot match without a Q or H and a digit: a text lacking them skips those
# patterns, which would otherwise be tried at every year. (Two patterns that open with a literal:
# [QH][1-4] would make the regex engine try every Q and H.)
_QUARTER_Q, _QUARTER_H = re.compile(r"Q[1-4]"), re.compile(r"H[1-4]")


def _has_quarter(text: str) -> bool:
    return _QUARTER_Q.search(text) is not None or _QUARTER_H.search(text) is not None


# Every pattern is tried only where it can start: at the anchor every match contains (a month name,
# a year, 月, 年) or a few words or characters before it (see `scanning`). The anchors are found
# once per text for all patterns; a pattern that opens with \b, a group or an optional part would
# otherwise be tried at every position of the text.
_MONTH_NAME = re.compile("|".join(_MONTH_NAMES))  # names cannot overlap: each opens with its only capital
# Two patterns that open with literals rather than one: the regex engine skips ahead to "19" or "20"
# in a string search, where `(?:19|20)` would make it try a match at every 1 and 2 of the text.
_YEAR_19, _YEAR_20 = re.compile(r"19(?=[0-9]{2})"), re.compile(r"20(?=[0-9]{2})")


def _month_names_at(text: str) -> list[int]:
    """Where the month names of a text start."""
    return [m.start() for m in _MONTH_NAME.finditer(text)]


def _years_at(text: str) -> list[int]:
    """Where the years of a text start (overlapping ones too: "2020" in "202020")."""
    return sorted([m.start() for m in _YEAR_19.finditer(text)] + [m.start() for m in _YEAR_20.finditer(text)])


_Anchor = Callable[[str], list[int]]
# Where a pattern can start in a text (the `_WordBefore` of the same text at hand), sorted.
_Starts = Callable[[str, "_WordBefore"], list[int]]


class _WordBefore:
    """For one text: where an anchor (a month name, a year) stands, with the word right before it
    (its start and end, -1 if none), as `word_starts_before` reads it. Found once per anchor and
    shared by the patterns that open a few words before the same anchor."""

    # `word_starts_before` for one word, read in the reversed text: one regex match instead of a
    # Python loop over characters. (\s and \w are what `isspace()` and `isalnum()` or _ test.)
    _REVERSED = re.compile(r"[\s-]+(\w+)")

    def __init__(self, text: str):
        self.text = text
        self._reversed: Optional[str] = None
        self._found: dict[_Anchor, list[tuple[int, int, int]]] = {}

    def __call__(self, anchor: _Anchor) -> list[tuple[int, int, int]]:
        found = self._found.get(anchor)
        if found is None:
            if self._reversed is None:
                self._reversed = self.text[::-1]
            n, match = len(self.text), self._REVERSED.match
            found = []
            for a in anchor(self.text):
                w = match(self._reversed, n - a)
                found.append((a, n - w.end(1), n - w.start(1)) if w else (a, -1, -1))
            self._found[anchor] = found
        return found


def _words_before(anchor: _Anchor, words: int, last: Optional[re.Pattern] = None) -> _Starts:
    """Starts of the (up to) `words` words before each `anchor`. With `last`: only before
    the anchors whose nearest word it matches in full (the word every match ends with), which
    leaves out most anchors and so most of the words to find and positions to try."""
    def starts(text: str, near: _WordBefore) -> list[int]:
        if words == 1:
            return [k for _, k, _ in near(anchor) if k >= 0]
        found: set[int] = set()
        for a, k, j in near(anchor):
            if k >= 0 and (last is None or last.fullmatch(text, k, j)):
                found.update(word_starts_before(text, a, words))
        return sorted(found)
    return starts


def _chars_before(anchor: str, chars: int) -> _Starts:
    def starts(text: str, near: _WordBefore) -> list[int]:
        found: set[int] = set()
        for i in occurrences(text, anchor):
            found.update(range(reach_before(text, i, chars), i + 1))
        return sorted(found)
    return starts


def _at(anchor: _Anchor) -> _Starts:
    """Where `anchor` stands: for patterns that open with what it finds. A few anchors, shared by
    several patterns, cost less than a scan of the text per pattern."""
    def starts(text: str, near: _WordBefore) -> list[int]:
        return [a for a, _, _ in near(anchor)]
    return starts


_DIGITS = frozenset("0123456789")  # what a day opens with


def _day_before_month(text: str, near: _WordBefore) -> list[int]:
    """Where "27 March" and "18th of March" can start: a day ("27", "18th", at most 4 characters)
    ends the word before the month, or the word before an "of" before it."""
    found: set[int] = set()
    for _, k, j in near(_month_names_at):
        if k < 0:
            continue
        found.update(i for i in range(max(0, j - 4), j) if text[i] in _DIGITS)
        if text[k:j] == "of":
            end = k
            while end > 0 and text[end - 1].isspace():
                end -= 1
            found.update(i for i in range(max(0, end - 4), end) if text[i] in _DIGITS)
    return sorted(found)


def _year_before(anchor: str) -> _Starts:
    """Where a year of 4 characters before `anchor` starts ("2020年", "二〇二〇 年"): 4 characters
    before the spaces before it."""
    def starts(text: str, near: _WordBefore) -> list[int]:
        found = []
        for i in occurrences(text, anchor):
            j = i
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j >= 4:
                found.append(j - 4)
        return found
    return starts


# The last word of `_APPROX_WORDS` and `_QUARTER`: the word right before the month or year of a match.
_APPROX_LAST = re.compile(r"(?i:early|mid|late|of)")
_APPROX_OR_QUARTER_LAST = re.compile(r"(?i:early|mid|late|of|quarter|half|year)")

# (pattern, builder, where it can start, what it needs if anything): every pattern is compiled once
# at import.
_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], _Raw], _Starts, Optional[Callable[[str], bool]]]] = [
    (re.compile(_MON_FIRST + r"\s+" + _DAY + _OPT_YEAR), _en_day, _at(_month_names_at), None),
    (re.compile(_day_first("[0-9A-Za-z.,]") + r"\s+(?:of\s+)?" + _MON + _OPT_YEAR), _en_day, _day_before_month,
     None),
    (re.compile(_MON_FIRST + r"(?:,?\s+(?:of\s+)?" + _YEAR + r"|" + _REL_YEAR + r")"), _en_month,
     _at(_month_names_at), None),
    (re.compile(r"\b" + _PREPOSITIONS + r"\s+" + _MON + r"(?!\s*[0-9])(?:" + _REL_YEAR + r")?"), _en_month,
     _words_before(_month_names_at, 1), None),
    (re.compile(r"\b" + _APPROX_WORDS + r"[\s-]+" + _MON + r"(?!\s*[0-9]{1,2}\b)" + _OPT_YEAR),
     _en_approx_month, _words_before(_month_names_at, 3, _APPROX_LAST), None),  # "the beginning of"
    (re.compile(r"\b(?:" + _APPROX_WORDS + r"[\s-]+|" + _QUARTER + r"\s+)" + _YEAR), _year_only(True),
     _words_before(_years_at, 6, _APPROX_OR_QUARTER_LAST), None),  # "the second half of the year"
    (re.compile(r"\b[QH][1-4]\s+" + _YEAR), _year_only(True), _words_before(_years_at, 1), _has_quarter),
    (re.compile(_year_first("[0-9]") + r"\s+[QH][1-4]\b"), _year_only(True), _at(_years_at), _has_quarter),
    (re.compile(r"\b" + _PREPOSITIONS + r"\s+" + _YEAR + r"(?![.,/-]?[0-9]|\s*(?:年|[-–]\s*[0-9]))"),
     _year_only(False, "y"), _words_before(_years_at, 1), None),
    (re.compile(_year_first("[0-9./-]") + r"(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
                r"(?![0-9]|[./-][0-9])"), _numeric, _at(_years_at), None),
    (re.compile(r"(?:(?P<rel>今年|本年|去年|上年|明年)|(?P<y>" + _ZY + r")\s*年)?\s*(?<![0-9０-９\-~～至到—–前近每第])"
                r"(?P<m>" + _ZN + r")\s*月(?:\s*(?P<d>" + _ZN + r")\s*[日号])?" + _ZH_PART), _zh_date,
     _chars_before("月", 8), None),  # at most 2020年12 or 今年12 before 月
    (re.compile(r"(?<![0-9０-９])(?P<y>" + _ZY + r")\s*年(?!\s*(?:" + _ZN + r")\s*月)" + _ZH_YEAR_PART),
     _zh_year, _year_before("年"), None),
]


def _valid(year: Optional[int], month: Optional[int], day: Optional[int]) -> bool:
    if year is not None and not 1900 <= year <= 2099:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    # Without a year, accept Feb 29 (a leap year is possible); with one, check the calendar.
    # (`calendar.monthrange` would give the same, after working out a weekday this does not need.)
    if not month:
        return 1 <= day <= 31
    return 1 <= day <= _DAYS_IN_MONTH[month] + (month == 2 and calendar.isleap(year if year else 2000))


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February: in a common year


@lru_cache(maxsize=4)  # `infer_year` and `find_dates` often read the same text one after the other
def _scan(text: str) -> tuple[_Raw, ...]:
    return _scan_uncached(text)


def _scan_uncached(text: str) -> tuple[_Raw, ...]:
    """All date expressions, non-overlapping (earliest first, then longest), years unresolved."""
    found: list[_Raw] = []
    present: dict[Callable[[str], bool], bool] = {}
    near = _WordBefore(text)
    for pattern, build, starts, needs in _PATTERNS:
        if needs is not None and not present.setdefault(needs, needs(text)):
            continue
        for m in finditer_from(pattern, text, starts(text, near)):
            raw = build(m)
            if raw.end > raw.start and _valid(raw.year, raw.month, raw.day):
                found.append(raw)
    # By start, then longest first (two stable sorts: by end, latest first, then by start).
    found.sort(key=itemgetter(1), reverse=True)
    found.sort(key=itemgetter(0))
    kept: list[_Raw] = []
    for raw in found:
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return tuple(kept)


def _to_match(text: str, raw: _Raw, default_year: Optional[int], shift: int = 0) -> Optional[DateMatch]:
    """The date of `raw` (offsets in `text`), its offsets moved by `shift`; None without a year."""
    year = raw.year
    if year is None:  # (a stated year was checked by `_scan`)
        if default_year is None:
            return None
        year = default_year + (raw.year_offset or 0)
        if not _valid(year, raw.month, raw.day):
            return None
    iso = f"{year:04d}" + (f"-{raw.month:02d}" if raw.month else "") + (f"-{raw.day:02d}" if raw.day else "")
    matched = text[raw.start:raw.end].lstrip()
    return DateMatch(raw.end - len(matched) + shift, raw.end + shift, matched, iso, raw.approximate)


def find_dates(text: str, default_year: Optional[int] = None) -> list[DateMatch]:
    """Date expressions in `text`, sorted by start. Those without a stated year use
    `default_year` (see `infer_year`) and are skipped when it is None."""
    out = (_to_match(text, raw, default_year) for raw in _scan(text))
    return [m for m in out if m is not None]


_LEAD = re.compile(r"\s*(?:(?i:on|in|since|by|at|from|until|during)\s+)?$")
_TRAIL = re.compile(r"[\s.,;:]*$")


def parse_date(text: str, default_year: Optional[int] = None) -> Optional[DateMatch]:
    """The date if the whole string is one date expression (a leading "on"/"in"/... and trailing
    punctuation allowed), else None."""
    matches = find_dates(text, default_year)
    if len(matches) != 1:
        return None
    m = matches[0]
    if _LEAD.fullmatch(text, 0, m.start) and _TRAIL.fullmatch(text, m.end):
        return m
    return None


def infer_year(text: str) -> Optional[int]:
    """The year an article is about: its lead's (see `lead_year`), else the most frequent year among
    full dates that state one ("March 27, 2020", "2020年3月27日"), else among all year-bearing
    expressions ("in 2020", "2020年", "March 2020", "first quarter of 2020"); ties go to the latest.
    Years named as a target ahead ("by the end of 2027", "力争2028年建成") are not counted. None if no
    year is stated."""
    return lead_year(text) or body_year(text)


def body_year(text: str) -> Optional[int]:
    """The most frequent year of the text's dates (see `infer_year`), the lead not preferred."""
    return _year_of([(r.start, r) for r in _scan(text)], text)


# A year named as a target ahead ("by 2030", "2028年底前"), or as the past of a company ("founded in
# 2016", "since 2019"), by the words before or after it: not the year an article is about.
_OTHER_YEAR_BEFORE = re.compile(r"(?:\b(?:by|until|before|through|ahead of|since|founded in|established in|set up in"
                                r"|expected in|scheduled for|targeted for|due in)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?"
                                r"|\b(?:will|expected|scheduled|slated|due|set to|targeted|aims?|plans?|once)\b[^.;,\n]{0,48}"
                                r"|(?:预计|计划|力争|争取|目标|有望|将于|拟于|确保|到|至|成立于|始建于|创办于|自(?!治))[^，。；\s]{0,3})$", re.I)
_TARGET_AFTER = re.compile(r"年?(?:底前|年底前|以前|之前|前(?:建成|完成|投产|并网))"
                           r"|年(?:底|内)?(?:全面)?(?:实现|建成|达产|量产|完工|投产)")  # ("在2027年实现量产"; see _DONE_BEFORE)
_DONE_BEFORE = re.compile(r"(?:已|已于|已经|于|早在)$")  # "已于2019年建成投产": done, not a target
_BARE_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d%]|[.,]\d)")
_LEAD_LINES = 4  # the title, and the first paragraphs: a dateline, a byline, the lead


def lead_year(text: str) -> Optional[int]:
    """The year the title and lead state: the latest of their full dates ("Nov 7, 2025"), else of
    the years they name ("unveils 2026 key project list", "2025衢州投资合作大会"), not counting targets
    ahead or a company's past. A news lead tells its own year when it tells one; the body's years
    are often background (last year's figures, a plant finished in 2019)."""
    lines = [line for line in text.split("\n", 12) if line.strip()][:_LEAD_LINES]
    lead = "\n".join(lines)
    full = [r.year for r in _scan(lead) if r.year is not None and r.day is not None]
    if full:
        return max(full)
    years = [int(m.group()) for m in _BARE_YEAR.finditer(lead) if not _other_year(lead, m.start(), m.end())]
    return max(years) if years else None


def _other_year(text: str, start: int, end: int) -> bool:
    return _OTHER_YEAR_BEFORE.search(text, max(0, start - 64), start) is not None \
        or _TARGET_AFTER.match(text, end) is not None and _DONE_BEFORE.search(text, max(0, start - 3), start) is None


def _year_of(found: Sequence[tuple[int, _Raw]], text: str) -> Optional[int]:
    """The most frequent year of `found` (where each match starts in `text`, the match), full dates
    first, ties to the latest, targets ahead and a company's past aside."""
    raws = [r for at, r in found if r.year is not None and not _other_year(text, at, at + r.end - r.start)]
    for tier in ([r for r in raws if r.day is not None], raws):
        if tier:
            counts = Counter(r.year for r in tier)
            top = max(counts.values())
            return max(year for year, count in counts.items() if count == top)
    return None


# Characters no date pattern matches, nor looks past (its lookarounds stop at them), nor reads as
# whitespace or as a word character: what is found between two of them depends only on the text
# between them (lookbehinds read at most one character before a match: the barrier itself). Part of
# a text can be read again alone, from the barrier before it to the one after. (Mind them when
# adding a character to a pattern.)
_BARRIER = re.compile("[" + re.escape("#。，、；：！？（）“”《》;:!?()\"'‘’%") + "]")


class DateWindows:
    """The dates of some windows of a text (spans around date words), read as one string: the
    windows joined by `sep`, which no date pattern can cross. One scan of the joined string costs
    less than one scan per window."""

    def __init__(self, text: str, windows: Sequence[Sequence[int]], sep: str):
        self.text, self.windows = text, windows
        self.joined = sep.join([text[lo:hi] for lo, hi in windows])
        self.offsets = []  # where each window starts in `joined`
        pos = 0
        for lo, hi in windows:
            self.offsets.append(pos)
            pos += hi - lo + len(sep)
        self.found = _scan_uncached(self.joined)

    def dates(self, default_year: Optional[int]) -> list[DateMatch]:
        """`find_dates` of the joined windows, with offsets in the text."""
        out = []
        k, last = 0, len(self.offsets) - 1
        for raw in self.found:
            # The window holding its last character: a match may open with the whitespace that
            # ends a separator. (The dates come in order, so do their windows.)
            while k < last and self.offsets[k + 1] <= raw.end - 1:
                k += 1
            m = _to_match(self.joined, raw, default_year, self.windows[k][0] - self.offsets[k])
            if m is not None:
                out.append(m)
        return out

    def infer_year(self, blanks: Sequence[tuple[int, int]] = ()) -> Optional[int]:
        """`infer_year` of the joined windows with the spans `blanks` (offsets in the joined string)
        replaced by spaces: only the text around each, between two `_BARRIER`s, is read again."""
        if not blanks:
            return _year_of([(self._in_text(raw.start), raw) for raw in self.found], self.text)
        blanked = self.joined
        for start, end in blanks:
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
        pieces: list[tuple[int, int]] = []
        n, backwards = len(blanked), blanked[::-1]  # the barrier before a blank: the next one backwards
        for start, end in sorted(blanks):
            before, after = _BARRIER.search(backwards, n - start), _BARRIER.search(blanked, end)
            lo = n - 1 - before.start() if before else 0
            hi = after.start() + 1 if after else n
            if pieces and lo < pieces[-1][1]:
                pieces[-1] = (pieces[-1][0], max(hi, pieces[-1][1]))
            else:
                pieces.append((lo, hi))
        # The pieces hold their barriers (or reach the end of the text): a date is either inside or
        # outside a piece, and the lookbehinds at a piece's start read the same character.
        found = [(raw.start, raw) for raw in self.found
                 if not any(lo <= raw.start and raw.end <= hi for lo, hi in pieces)]
        for lo, hi in pieces:
            found += [(lo + raw.start, raw) for raw in _scan_uncached(blanked[lo:hi])]
        found.sort(key=lambda pair: pair[0])
        # (the words around each year are read in the text itself: a window may open after "due to")
        return _year_of([(self._in_text(at), raw) for at, raw in found], self.text)

    def _in_text(self, pos: int) -> int:
        """Where the character at `pos` of the joined windows is in the text."""
        k = bisect_right(self.offsets, pos) - 1
        return self.windows[k][0] + pos - self.offsets[k]
