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

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZH_WEEKDAYS = "一二三四五六日"
# "on Monday", "last Tuesday", "said Wednesday"; not "Monday, March 2" (the date itself is read).
_WEEKDAY = re.compile(r"\b(?:(?P<last>[Ll]ast )|[Oo]n )?(?P<day>" + "|".join(_WEEKDAYS) + r")\b"
                      r"(?!,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
_ZH_WEEKDAY = re.compile(r"(?P<last>上)?(?:周|星期)(?P<day>[一二三四五六日天])")
_ON_ORDINAL_DAY = re.compile(r"(?<=\b[Oo]n )the ([12]?\d|3[01])(?:st|nd|rd|th)\b")

# Words that place an event in the dateline's month, the month before, or its year. "recently" and
# 近日/日前 ("the other day") are read as the dateline's month: news reports what happened lately.
_RELATIVE = re.compile(
    r"(?P<this_month>\b(?:recently|(?:[Ee]arlier|[Ee]arly|[Ll]ate) this month)\b|近日|日前|近期|前不久|不久前|本月|月初)"
    r"|(?P<last_month>\b(?:[Ll]ast|[Ee]arly last|[Ll]ate last|[Ll]ater last|[Ee]arlier last) month\b|上个?月)"
    r"|(?P<this_year>\b[Ee]arlier this year\b)"
    r"|(?P<yesterday>\byesterday\b|昨天|昨日)"
    r"|(?P<today>\btoday\b(?!'s)|今天|今日(?!头条))")


def dated_from_dateline(text: str, dates: list[DateMatch]) -> list[DateMatch]:
    """The dates the text counts from its dateline, found among `dates` (the text's own dates)."""
    filed = _filed(text, dates)
    if filed is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text):
        out.append(_match(m, _weekday_before(filed, _WEEKDAYS.index(m["day"]), strictly=bool(m["last"]))))
    for m in _ZH_WEEKDAY.finditer(text):
        weekday = _ZH_WEEKDAYS.index(m["day"].replace("天", "日"))
        out.append(_match(m, _last_week(filed, weekday) if m["last"] else _weekday_before(filed, weekday)))
    for m in _ON_ORDINAL_DAY.finditer(text):
        date = _latest_day(filed, int(m.group(1)))
        if date is not None:
            out.append(_match(m, date.isoformat()))
    for m in _RELATIVE.finditer(text):
        out.append(_match(m, _READERS[m.lastgroup](filed)))
    return out


def _filed(text: str, dates: list[DateMatch]) -> Optional[dt.date]:
    """The day of the dateline: a full date near the top, followed by an agency, 电 or a dash."""
    for d in dates:
        if d.start >= _DATELINE_REACH:
            break
        if len(d.iso) == 10 and DATELINE_AFTER.match(text, d.end):
            return dt.date.fromisoformat(d.iso)
    return None


def _match(m: re.Match, iso: str) -> DateMatch:
    return DateMatch(m.start(), m.end(), m.group(), iso, len(iso) < 10)


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
