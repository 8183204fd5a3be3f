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
# "SHENZHEN, Nov. 18, 2025 --", "**FUZHOU, China, April 22, 2024** --", "本报乌鲁木齐5月19日电".
DATELINE_AFTER = re.compile(r"\**\s*(?:电|\((?:Xinhua|Reuters|AP|AFP|Bloomberg|CNS|China Daily)\)|/Xinhua/"
                            r"|(?:--|—|–)\s)")
_DATELINE_REACH = 400  # a dateline opens the article: its first lines
_MASTHEAD_LENGTH = 80  # a line giving the paper and its date, not a sentence that ends with a date

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZH_WEEKDAYS = "一二三四五六日"
# "on Monday", "last Tuesday", "said Wednesday"; not "Monday, March 2" (the date itself is read).
_WEEKDAY = re.compile(r"\b(?:(?P<last>[Ll]ast )|[Oo]n )?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
                      r"(?!,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
# (not the weekday a date names: "2025年6月9日 星期一")
_ZH_WEEKDAY = re.compile(r"(?<![日号])(?<![日号] )(?P<last>上)?(?:周|星期)(?P<zh_weekday>[一二三四五六日天])")
_ON_ORDINAL_DAY = re.compile(r"(?<=\b[Oo]n )the (?P<ordinal>[12]?\d|3[01])(?:st|nd|rd|th)\b")

# Words that place an event in the dateline's month, the month before, or its year. "recently" and
# 近日/日前 ("the other day") are read as the dateline's month: news reports what happened lately.
_RELATIVE = re.compile(
    r"(?P<this_month>\b(?:recently|(?:[Ee]arlier|[Ee]arly|[Ll]ate) this month)\b|近日|日前|近期|前不久|不久前|本月|月初)"
    r"|(?P<last_month>\b(?:[Ll]ast|[Ee]arly last|[Ll]ate last|[Ll]ater last|[Ee]arlier last) month\b|上个?月)"
    r"|(?P<this_year>\b[Ee]arlier this year\b)"
    r"|(?P<yesterday>\byesterday\b|昨天|昨日)"
    r"|(?P<today>\btoday\b(?!'s)|今天|今日(?!头条))")
_PATTERNS = (_WEEKDAY, _ZH_WEEKDAY, _ON_ORDINAL_DAY, _RELATIVE)


def dated_from_dateline(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """The dates the text counts from its dateline, found among `dates` (the text's own dates)."""
    filed = dateline(text, dates)
    if filed is None:
        return []
    day, basis = dt.date.fromisoformat(filed.iso), (filed.start, filed.end)
    out = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            iso = _read(m, day)
            if iso is not None:
                out.append(DateMatch(m.start(), m.end(), m.group(), iso, len(iso) < 10, basis))
    return out


def read_relative(phrase: str, filed: dt.date) -> Optional[str]:
    """The ISO date a phrase such as "last Tuesday" or 上月 means in a report filed on `filed`."""
    padded = "on " + phrase.strip()  # (what "the 18th" is read after: its pattern looks behind for "on ")
    for pattern in _PATTERNS:
        m = pattern.fullmatch(padded, 3)
        if m is not None:
            return _read(m, filed)
    return None


def dateline(text: str, dates: list[DateMatch]) -> Optional[DateMatch]:
    """The day the report was filed: a full date near the top, followed by an agency, 电 or a dash
    ("HARBIN, April 9 (Xinhua) --"), or closing a short line of its own (a masthead's
    "Evening Post | Friday, March 21, 2025", "发布时间：2025年3月21日")."""
    for d in dates:
        if d.start >= _DATELINE_REACH:
            break
        if len(d.iso) == 10 and (DATELINE_AFTER.match(text, d.end) or _closes_short_line(text, d)):
            return d
    return None


def _closes_short_line(text: str, d: DateMatch) -> bool:
    end = text.find("\n", d.end)
    end = len(text) if end < 0 else end
    start = text.rfind("\n", 0, d.start) + 1
    return end - start <= _MASTHEAD_LENGTH and not text[d.end:end].strip(" *_)）|星期一二三四五六日天")


def _read(m: re.Match, filed: dt.date) -> Optional[str]:
    groups = m.re.groupindex
    if "weekday" in groups:
        return _weekday_before(filed, _WEEKDAYS.index(m["weekday"]), strictly=bool(m["last"]))
    if "zh_weekday" in groups:
        weekday = _ZH_WEEKDAYS.index(m["zh_weekday"].replace("天", "日"))
        return _last_week(filed, weekday) if m["last"] else _weekday_before(filed, weekday)
    if "ordinal" in groups:
        date = _latest_day(filed, int(m["ordinal"]))
        return date.isoformat() if date is not None else None
    return _READERS[m.lastgroup](filed)


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


_READERS: dict[str, Callable[[dt.date], str]] = {
    "this_month": lambda filed: filed.isoformat()[:7],
    "last_month": _previous_month,
    "this_year": lambda filed: str(filed.year),
    "yesterday": lambda filed: (filed - dt.timedelta(days=1)).isoformat(),
    "today": lambda filed: filed.isoformat(),
}


def _latest_day(filed: dt.date, day_of_month: int) -> Optional[dt.date]:
    """The latest date on or before `filed` that falls on `day_of_month` (this month or the last)."""
    month_start = filed.replace(day=1)
    for first in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
        try:
            date = first.replace(day=day_of_month)
        except ValueError:
            continue
        if date <= filed:
            return date
    return None
