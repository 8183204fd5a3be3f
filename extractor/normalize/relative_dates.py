"""Dates a report counts from its dateline: "on Monday", "on the 18th", "yesterday", "last month", 近日.

A wire report or press release is filed on the day its dateline gives ("HARBIN, April 9 (Xinhua) --",
"本报成都2025年11月20日电"), and tells what happened relative to that day. Without a dated dateline
these words say nothing, and nothing is read from them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from extractor.normalize.dates import DateMatch

# A wire dateline's date is followed by the agency, 电 or a dash: "HARBIN, April 9 (Xinhua) --",
# "SHENZHEN, Nov. 18, 2025 --", "HEFEI, China, Nov. 7, 2025 - ", "**FUZHOU, China, April 22, 2024** --",
# "本报乌鲁木齐5月19日电".
DATELINE_AFTER = re.compile(r"\**\s*(?:电|讯|\((?:Xinhua|Reuters|AP|AFP|Bloomberg|CNS|China Daily|BUSINESS WIRE|Business Wire|PRNewswire|GLOBE NEWSWIRE)\)"
                            r"|\([A-Z][\w .&'’-]{1,40}\)\s*(?:--|—|–|-\s)|/Xinhua/"
                            r"|(?:--|—|–|(?<=\s)-)\s)")
# ... or opens the bracket after the paper's 讯 or 电: "河北日报讯（2025年11月19日 记者 X）".
_DATELINE_BRACKET_BEFORE = re.compile(r"[讯电]\s*[（(]\s*$")
_DATELINE_REACH = 400  # a dateline opens the article: its first lines
_MASTHEAD_LENGTH = 80  # a line giving the paper and its date, not a sentence that ends with a date
_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BJT|CST)?[+-]?\d{0,2})?")

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZH_WEEKDAYS = "一二三四五六日"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Every pattern opens with a literal string, which the regex engine finds with a fast search; the
# words before it ("on", "last", "earlier this") are read after, from the few characters before.
# A case-free first letter is left out of the pattern and checked after for the same reason.
_WEEKDAY = re.compile("|".join(_WEEKDAYS) + r"\b")
_ORDINAL_DAY = re.compile(r"n the ([12]?\d|3[01])(?:st|nd|rd|th)\b")  # "on the 18th"
_MONTH = re.compile(r"month\b")  # "last month", "earlier this month"
_MONTH_BEFORE = re.compile(r"(?:\b(?:[Ee]arl(?:y|ier)|[Ll]ater?)\s+)?(?:\b(?P<this>[Tt]his)|\b[Ll]ast)\s+$")
# The word without its first letter, which may be either case; that letter; what the word means.
_EN_WORDS = (("ecently", "Rr", "this_month"), ("esterday", "Yy", "yesterday"), ("oday", "Tt", "today"),
             ("arlier this year", "Ee", "this_year"), ("his week", "Tt", "this_week"), ("ast week", "Ll", "last_week"))
_EN_WORD = tuple((re.compile(rest + r"\b(?!['’]s)"), first, meaning) for rest, first, meaning in _EN_WORDS)
# (Alternatives each open with a character, not a group: `(?:周|星期)` first makes the search 6 times slower.)
# 近日/日前 ("the other day") read as the dateline's month: news reports what happened lately. Not the
# weekday a date names ("2025年6月9日 星期一").
_ZH = re.compile(r"周[一二三四五六日天]|星期[一二三四五六日天]|本周(?![一二三四五六日天])|上周(?![一二三四五六日天])|近[日期]|日前|前不久|不久前|本月|月初|上个?月|昨[天日]|今[天日](?!头条)")
# "省政府25日召开常务会议": a day of the dateline's month (or the month before), not a date's own 日
# (found from 日, a literal the search skips ahead to; the digits before it are read after).
_RI = re.compile("日(?![内前后起至])")
_DAY_BEFORE = re.compile(r"(?:(?<![\d０-９月号])|(?<=本月)|(?<=上月)|(?<=上个月))(?:[1-9]|[12][0-9]|3[01])$")
_ZH_WORDS = {"本周": "this_week", "上周": "last_week", "近日": "this_month", "近期": "this_month",
             "日前": "this_month", "前不久": "this_month", "不久前": "this_month", "本月": "this_month", "月初": "this_month", "上月": "last_month",
             "上个月": "last_month", "昨天": "yesterday", "昨日": "yesterday", "今天": "today", "今日": "today"}

Reader = Callable[[dt.date], Optional[str]]


def dated_from_dateline(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """The dates the text counts from its dateline, found among `dates` (the text's own dates)."""
    filed = dateline(text, dates)
    if filed is None:
        return []
    day, basis = dt.date.fromisoformat(filed.iso), (filed.start, filed.end)
    out = []
    for start, end, read in _relative_words(text):
        iso = read(day)
        if iso is not None:
            out.append(DateMatch(start, end, text[start:end], iso, len(iso) < 10, basis))
    return sorted(out, key=lambda d: d.start)


def read_relative(phrase: str, filed: dt.date) -> Optional[str]:
    """The ISO date a phrase such as "last Tuesday" or 上月 means in a report filed on `filed`."""
    phrase = phrase.strip()
    whole = [read for start, end, read in _relative_words(phrase) if (start, end) == (0, len(phrase))]
    return whole[0](filed) if whole else None


def _relative_words(text: str) -> list[tuple[int, int, Reader]]:
    """Each word counted from a dateline: its span and how to read it from the filing day."""
    found = []
    for m in _WEEKDAY.finditer(text):
        if not _names_a_date(text, m.end()):  # "Monday, March 2": the date itself is read
            found.append(_weekday(text, m))
    for m in _ORDINAL_DAY.finditer(text):
        if _word_starts(text, m.start(), "Oo"):
            day = int(m.group(1))
            found.append((m.start() - 1, m.end(), lambda filed, day=day: _latest_day(filed, day)))
    for m in _MONTH.finditer(text):
        before = _MONTH_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before is not None:
            meaning = "this_month" if before["this"] else "last_month"
            found.append((before.start(), m.end(), _READERS[meaning]))
    for pattern, first, meaning in _EN_WORD:
        for m in pattern.finditer(text):
            if _word_starts(text, m.start(), first):
                found.append((m.start() - 1, m.end(), _READERS[meaning]))
    for m in _ZH.finditer(text):
        found.append((m.start(), m.end(), _zh_reader(text, m)))
    for m in _RI.finditer(text):
        digits = _DAY_BEFORE.search(text, max(0, m.start() - 2), m.start()) if text[m.start() - 1:m.start()].isdigit() else None
        if digits is not None:
            day, last = int(digits.group()), text.endswith(("上月", "上个月"), 0, digits.start())
            read = (lambda filed, day=day: _day_of_last_month(filed, day)) if last else \
                (lambda filed, day=day: _latest_day(filed, day))  # "本月15日", "25日"
            found.append((digits.start(), m.end(), read))
    return found


def _weekday(text: str, m: re.Match) -> tuple[int, int, Reader]:
    """"on Monday" (the latest Monday on or before the filing day), "last Monday" (before it)."""
    weekday = _WEEKDAYS.index(m.group())
    before = text[max(0, m.start() - 5):m.start()]
    if before in ("last ", "Last "):
        return m.start() - 5, m.end(), lambda filed: _weekday_before(filed, weekday, strictly=True)
    start = m.start() - 3 if before[-3:] in ("on ", "On ") else m.start()
    return start, m.end(), lambda filed: _weekday_before(filed, weekday)


def _zh_reader(text: str, m: re.Match) -> Reader:
    meaning = _ZH_WORDS.get(m.group())
    if meaning is not None:
        return _READERS[meaning]
    weekday = _ZH_WEEKDAYS.index(m.group()[-1].replace("天", "日"))
    if text[m.start() - 1:m.start()] == "上":  # 上周三: last week's
        return lambda filed: _last_week(filed, weekday)
    if text[max(0, m.start() - 2):m.start()].rstrip()[-1:] in ("日", "号"):
        return lambda filed: None  # "6月9日 星期一": the weekday of a date the text states
    return lambda filed: _weekday_before(filed, weekday)


def _word_starts(text: str, i: int, first_letters: str) -> bool:
    """`text[i - 1]` is one of `first_letters` and opens a word."""
    return i > 0 and text[i - 1] in first_letters and not (i > 1 and text[i - 2].isalnum())


def _names_a_date(text: str, end: int) -> bool:
    after = text[end:end + 6].lstrip(", ")
    return after[:1].isdigit() or after[:3] in _MONTHS


def dateline(text: str, dates: list[DateMatch]) -> Optional[DateMatch]:
    """The day the report was filed: a full date near the top, followed by an agency, 电 or a dash
    ("HARBIN, April 9 (Xinhua) --"), or closing a short line of its own (a masthead's
    "Evening Post | Friday, March 21, 2025", "发布时间：2025年3月21日")."""
    for d in dates:
        if d.start >= _DATELINE_REACH:
            break
        if len(d.iso) == 10 and (dates_the_filing(text, d) or _closes_short_line(text, d)):
            return d
    return None


def dates_the_filing(text: str, d: DateMatch) -> bool:
    """`d` is a dateline's date: followed by an agency, 电 or a dash, or in the bracket after 讯."""
    return DATELINE_AFTER.match(text, d.end) is not None \
        or _DATELINE_BRACKET_BEFORE.search(text, max(0, d.start - 4), d.start) is not None


def _closes_short_line(text: str, d: DateMatch) -> bool:
    end = text.find("\n", d.end)
    end = len(text) if end < 0 else end
    start = text.rfind("\n", 0, d.start) + 1
    after = _CLOCK.sub("", text[d.end:end]).strip(" *_)）|星期一二三四五六日天")  # "Updated: 2026-02-25 09:12"
    return end - start <= _MASTHEAD_LENGTH and (not after or _is_province(after)) \
        or text[d.end:end].lstrip().startswith("|")  # "Friday, October 24, 2025 | Projects Weekly, our round-up"


def _is_province(words: str) -> bool:
    """"2025年4月28日 08:30 山东": where the poster was (a social post's byline), not a sentence."""
    from extractor.normalize.places import Gazetteer  # (places reads no dates: no cycle, but a heavy load)

    return len(words) <= 12 and any(p.level == "province" for p in Gazetteer.load().lookup(words))


def _weekday_before(filed: dt.date, weekday: int, strictly: bool = False) -> str:
    """The latest such weekday on or before the filing day ("on Monday"); before it ("last Monday")."""
    back = (filed.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return (filed - dt.timedelta(days=back)).isoformat()


def _last_week(filed: dt.date, weekday: int) -> str:
    """上周三: that weekday of the calendar week (Monday to Sunday) before the filing day's."""
    return (filed - dt.timedelta(days=filed.weekday() + 7 - weekday)).isoformat()


def _previous_month(filed: dt.date) -> str:
    return (filed.replace(day=1) - dt.timedelta(days=1)).isoformat()[:7]


_READERS: dict[str, Reader] = {
    "this_month": lambda filed: filed.isoformat()[:7],
    "last_month": _previous_month,
    "this_year": lambda filed: str(filed.year),
    "yesterday": lambda filed: (filed - dt.timedelta(days=1)).isoformat(),
    "today": lambda filed: filed.isoformat(),
    "this_week": lambda filed: filed.isoformat()[:7],  # (the week's month: the filing day's)
    "last_week": lambda filed: (filed - dt.timedelta(days=7)).isoformat()[:7],
}


def _day_of_last_month(filed: dt.date, day_of_month: int) -> Optional[str]:
    """"上月20日": that day of the month before the filing day's."""
    try:
        return (filed.replace(day=1) - dt.timedelta(days=1)).replace(day=day_of_month).isoformat()
    except ValueError:
        return None


def _latest_day(filed: dt.date, day_of_month: int) -> Optional[str]:
    """The latest date on or before `filed` that falls on `day_of_month` (this month or the last)."""
    month_start = filed.replace(day=1)
    for first in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
        try:
            date = first.replace(day=day_of_month)
        except ValueError:
            continue
        if date <= filed:
            return date.isoformat()
    return None
