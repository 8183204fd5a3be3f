"""Numbers as written in English and Chinese news: "1,431", "3.2", "two", "一千五百", "1亿5000", "十二"."""

from __future__ import annotations

from typing import Optional

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}
# Every number word up to 99, compounds written with a hyphen or a space ("twenty-five million"):
# a compound read as its last word alone would be a wrong sum.
EN_WORDS = {"a": 1, "an": 1, "hundred": 100, **_EN_UNITS, **_EN_TEENS, **_EN_TENS,
            **{f"{t}{sep}{u}": tv + uv for t, tv in _EN_TENS.items() for u, uv in _EN_UNITS.items() for sep in "- "}}


def parse_cn_number(s: str) -> Optional[float]:
    """Digits and Chinese numerals with 万/亿 sections: "1亿5000", "一千五百", "十二", "3.2"."""
    if s.isdigit():  # plain digits, the commonest case (float reads fullwidth ones as well)
        try:
            return float(s)
        except ValueError:
            return None
    s = s.replace(",", "").translate(_FULLWIDTH)
    if s.replace(".", "").isdigit():  # "1,234", "3.2": what the loop below would come to
        try:
            return float(s)
        except ValueError:
            return None
    above_yi, wan, section, number = 0.0, 0.0, 0.0, 0.0
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit() or ch == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            try:
                number = float(s[i:j])
            except ValueError:
                return None
            i = j
            continue
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            section += (number or 1) * _CN_SMALL_UNITS[ch]
            number = 0.0
        elif ch == "万":
            wan, section, number = ((section + number) or 1) * 1e4, 0.0, 0.0
        elif ch == "亿":
            above_yi = (above_yi + wan + section + number or 1) * 1e8
            wan, section, number = 0.0, 0.0, 0.0
        i += 1
    return above_yi + wan + section + number


def parse_number(raw: str) -> Optional[float]:
    low = raw.lower()
    if low in EN_WORDS:
        return float(EN_WORDS[low])
    return parse_cn_number(raw)
