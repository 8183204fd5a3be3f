"""Money amounts in English and Chinese: "500 million yuan", "US$50m", "1.5万亿元", "五亿元", ranges.

`find_amounts` scans a text; `parse_amount` reads one string that is a whole amount (an LLM quote,
a question threshold). Values are in currency units: "5亿元" -> 5e8 CNY. When no currency is written
and the caller accepts that, the domain's currency (CNY) is assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractor.normalize.numbers import EN_WORDS as _EN_WORDS, parse_number as _number, parse_cn_number as _parse_cn_number
from extractor.types import Amount

DOMAIN_CURRENCY = "CNY"


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    value: Optional[float]
    min: Optional[float]
    max: Optional[float]
    currency: str
    qualifier: Optional[str]

    def to_amount(self) -> Amount:
        return Amount(value=self.value, min=self.min, max=self.max, currency=self.currency, text=self.text)


# --- vocabulary -------------------------------------------------------------------------------

_EN_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "bln": 1e9,
              "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
              "hundred million": 1e8, "ten thousand": 1e4, "hundred thousand": 1e5,
              # 亿 and 万 translated word for word: "RMB 25 100 million" is 25亿, "3,000 10 thousand yuan" 3000万
              "100 million": 1e8, "10 thousand": 1e4}
_CN_UNITS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
             "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4}
_CURRENCY_WORDS = {
    "us$": "USD", "usd": "USD", "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "$": "USD",
    "dollar": "USD", "euro": "EUR",  # singular in a compound adjective: "a 120-million-dollar plant"
    "美元": "USD", "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD", "港元": "HKD", "港币": "HKD",
    "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "¥": "CNY", "￥": "CNY",
    "元": "CNY", "元人民币": "CNY", "人民币": "CNY", "€": "EUR", "eur": "EUR", "euros": "EUR",
    "欧元": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "英镑": "GBP", "jpy": "JPY",
    "yen": "JPY", "日元": "JPY", "s$": "SGD", "sgd": "SGD", "新加坡元": "SGD",
}
# Qualifier phrases -> the bound they set: "min" (more than), "max" (up to) or None (approximate).
_QUALIFIERS = {
    "more than": "min", "over": "min", "above": "min", "at least": "min", "in excess of": "min",
    "exceeding": "min", "upwards of": "min", "no less than": "min", "not less than": "min",
    "up to": "max", "less than": "max", "under": "max", "no more than": "max", "not more than": "max",
    "nearly": None, "almost": None, "about": None, "around": None, "approximately": None,
    "roughly": None, "some": None, "close to": None, "an estimated": None,
    "超过": "min", "逾": "min", "超": "min", "不少于": "min", "不低于": "min", "至少": "min",
    "以上": "min", "多": "min", "余": "min", "不超过": "max", "最高": "max", "最多": "max", "以内": "max",
    "近": None, "约": None, "大约": None, "将近": None, "接近": None, "左右": None,
}


def _alts(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _starting(alternatives: str) -> str:
    """`(?=[...])(?:a|b|c)`: the alternatives behind a test of the characters they start with,
    which fails at once where each alternative would be tried in turn. (Under (?i) the class
    matches the same characters as the words' first letters.)"""
    firsts = {w.replace("\\", "")[0] for w in alternatives.split("|")}
    return rf"(?=[{re.escape(''.join(sorted(firsts)))}])(?:{alternatives})"


def _reversed_alts(alternatives: str) -> str:
    """`a|b|c` (a regex of escaped words) as an alternation of the reversed words, longest first."""
    return _alts(w.replace("\\", "")[::-1] for w in alternatives.split("|"))


_EN_QUAL = _alts(q for q in _QUALIFIERS if q.isascii())
_CN_QUAL_PRE = "超过|逾|不少于|不低于|至少|不超过|最高|最多|近|约|大约|将近|接近|超"
_EN_PRE = r"US\$|HK\$|S\$|USD|HKD|RMB|CNY|EUR|GBP|JPY|SGD|Rmb|rmb|¥|￥|\$|€|£"
_EN_SUF = (r"yuan|Yuan|RMB|CNY|renminbi|US dollars|U\.S\. dollars|Hong Kong dollars|dollars|USD|HKD"
           r"|euros|EUR|pounds|yen|dollar|euro")
_EN_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _alts(_EN_WORDS)
_EN_SCALE = r"hundred million|100 million|ten thousand|10 thousand|hundred thousand|thousand|million|billion|trillion"

# What may follow the number: a scale, a currency word, "or more". A compound adjective joins them
# with hyphens ("a 2.3-billion-yuan hub", "a $120-million plant"): ASCII, Unicode and non-breaking
# hyphens, not dashes, which join the two ends of a range ("1–2 billion"). Only whole scale words
# take a hyphen ("5-m" is a length as often as not).
_HYPHEN = "\u2010\u2011-"  # "-" last: literal at the end of a character class
_EN_SCALE_AFTER = (rf"(?:\s?|[{_HYPHEN}])(?P<sc>{_starting(_EN_SCALE)})\b"
                   # "3.6bn", "$50m"; the two- and three-letter ones also after a space ("3.6 bn yuan")
                   rf"|(?:\s(?=(?:mn|mln|bn|bln|tn)\b))?(?P<sca>{_starting('mn|mln|bn|bln|tn|m|b|k')})\b")
_EN_SUF_AFTER = rf"[\s{_HYPHEN}](?P<suf>{_starting(_EN_SUF)})\b"
_EN_QS_AFTER = rf"\s(?P<qs>{_starting('or more|and above|plus')})\b"
_EN_NUMBER_ON = rf"(?P<num>{_EN_NUM})(?:{_EN_SCALE_AFTER})?(?:{_EN_SUF_AFTER})?(?:{_EN_QS_AFTER})?"
_EN_AMOUNT = re.compile(rf"(?:(?P<q>{_starting(_EN_QUAL)})\s+)?(?:(?P<pre>{_starting(_EN_PRE)})\s?)?" + _EN_NUMBER_ON,
                        re.IGNORECASE)
# The same from a digit: no qualifier or currency word starts with one, so they are not tried
# there. The groups that never match keep the names `_en_token` reads.
_EN_AMOUNT_AT_DIGIT = re.compile(r"(?P<q>(?!))?(?P<pre>(?!))?" + _EN_NUMBER_ON, re.IGNORECASE)
_CN_BODY = r"[0-9０-９][0-9０-９.,]*|[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*"
_CN_AMOUNT = re.compile(
    rf"(?P<q>{_CN_QUAL_PRE})?(?:(?P<pre>人民币|RMB|￥|¥|US\$|\$)\s?)?"
    rf"(?P<num>(?:(?:{_CN_BODY})(?:[余多]?(?:万亿|亿|万)(?=[0-9零〇一二两三四五六七八九十百千余多]))?)+)"
    r"(?P<a1>[余多])?\s?(?P<unit>万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?(?P<a2>[余多])?"
    r"(?P<suf>元人民币|美元|港元|港币|欧元|日元|英镑|新加坡元|元)?(?P<qs>以上|左右|以内)?")
_RANGE_EN = re.compile(r"\s*(?:to|-|–|—|~)\s*$|^\s*(?:to|-|–|—|~)\s*$")
_RANGE_CN = re.compile(r"^\s*(?:至|到|-|–|—|~|－|～)\s*$")
_BETWEEN = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+")
# What any of the three gaps above has: testing it first is one match instead of three.
_MAYBE_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|~|至|到|－|～|and)\s*$")
_LIST_GAP = re.compile(r"^\s*(?:,|and|, and|、|和|及|与|or|或|，)\s*$")
_SCALE_GAP = re.compile(r"^\s*(?:and|, and|、|和|及|与|or|或)\s*$")
_BARE_CUE = re.compile(_starting("invest|fund|worth|cost|capital|valued|value of|revenue|budget|financ"
                                  "|投资|资金|金额|投入|融资|总额|规模|估值|资本|产值|营收|收入|合同额|签约额"), re.I)
# A hyphen after a scale without currency goes on with what is counted: "a 1.2-million-square-metre mall".
_COMPOUND_GOES_ON = re.compile(rf"[{_HYPHEN}]")
_NOT_MONEY_AFTER = re.compile(r"\s?(?:[人个次件台套吨亩户名家位条座项平方千米公里]|people|tons?|"
                              r"square|users|residents|visitors|units|pieces|kilo|meters|km)", re.I)


# A Chinese amount has 万 or 亿 or a currency word with 元, 币 (港币) or 镑 (英镑); without any of
# them in a text there is none to look for. (Finding these few characters is much cheaper than
# searching for any Chinese character.)
_CN_AMOUNT_CHARS = "万亿元币镑"
# The anchor patterns open with a character class or literals (not `x+`, a group or a lookbehind) so
# that the regex engine can skip ahead to the characters that can start them: several times faster.
_DIGIT_ANCHOR = re.compile(r"[0-9０-９][0-9０-９]*(?:[.,][0-9０-９]+)*")
# The same for a text without fullwidth digits (nearly every one): a fifth faster, one range to test.
_ASCII_DIGIT_ANCHOR = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_FULLWIDTH_DIGITS = "０１２３４５６７８９"
# Scale words (million, billion, trillion, thousand; capitalised or not) are found by the literal
# ends "illion" and "housand", which the regex engine skips ahead to; a pattern opening with m, b
# or t stops at every "t" of "the".
_ILLION = re.compile(r"illion\b")
_HOUSAND = re.compile(r"housand\b")
_WORD_BEFORE = re.compile(rf"\b({_alts(_EN_WORDS)})\s+(?:hundred\s+|ten\s+)?\Z", re.I)
# _WORD_BEFORE read backwards from the scale word ("derdnuh", "net": hundred, ten; see
# _EN_LEFT_REVERSED below).
_WORD_BEFORE_REVERSED = re.compile(rf"\s+(?:(?:derdnuh|net)\s+)?(?:{_reversed_alts(_alts(_EN_WORDS))})\b", re.I)
_CN_ANCHOR = re.compile(r"[零〇一二两三四五六七八九十百千](?<![零〇一二两三四五六七八九十百千0-9０-９].)"
                        r"(?=[零〇一二两三四五六七八九十百千万亿余多]*[万亿元])")
_CN_PRE = r"人民币|RMB|￥|¥|US\$|\$"


# The qualifier and currency written before a number ("more than US$", "超过人民币") are read
# backwards from the number: the reversed pattern is matched once on the reversed text, where
# searching the window before the number for the leftmost start tried the pattern at every
# position. Leftmost start means longest match; the first match found is the longest because the
# longer words come first and no currency word is the end of a qualifier or the other way round.
_EN_LEFT_REVERSED = re.compile(
    rf"(?:\s?{_starting(_reversed_alts(_EN_PRE))}(?:\s+{_starting(_reversed_alts(_EN_QUAL))})?"
    rf"|\s+{_starting(_reversed_alts(_EN_QUAL))})?", re.I)
_CN_LEFT_REVERSED = re.compile(rf"(?:\s?(?:{_reversed_alts(_CN_PRE)}))?(?:{_reversed_alts(_CN_QUAL_PRE)})?")
# Last characters of the currency prefixes and qualifiers read before a number (English ones in
# any case: (?i) also lets ſ, the Kelvin sign, İ and ı stand for s, k and i). An English qualifier
# is always followed by whitespace.
_FOLDS = {"s": "ſ", "k": "\u212a", "i": "\u0130\u0131"}


def _last_chars(alternatives: str, ignore_case: bool = False) -> frozenset[str]:
    last = {w.replace("\\", "")[-1] for w in alternatives.split("|")}
    if ignore_case:
        last |= {v for c in last for v in c.lower() + c.upper() + _FOLDS.get(c.lower(), "")}
    return frozenset(last)


_EN_LEFT_ENDS = _last_chars(_EN_PRE, ignore_case=True)
_CN_LEFT_ENDS = _last_chars(_CN_QUAL_PRE) | _last_chars(_CN_PRE)
_CLAUSE_END = re.compile(r"[。；;！？!?，,]|\.\s")
# A Chinese amount has a unit (万, 亿) or a currency word (元, 美元, 港币...) right after its
# numerals (or after a space, 余 or 多). Testing that at the number is much cheaper than reading
# the words before it and matching the full pattern at every number ("2020年", "3月", "100个").
_CN_NUMERALS = "0-9０-９.,零〇一二两三四五六七八九十百千余多"
_CN_UNIT_AHEAD = re.compile(rf"[{_CN_NUMERALS}]*+\s?[{_CN_NUMERALS}]*+[万亿元美港欧日英新]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A number in digits that _EN_AMOUNT would read as it is, with nothing after it: what follows
# neither extends the number (a digit, "1,234", "3.5") nor is a scale, currency or "or more" word.
# Most numbers ("in 2020, ", "14 projects", "2020年") are such, and building their token directly
# is cheaper than the full match and reading its groups.
_PLAIN_NUMBER = re.compile(
    rf"[0-9０-９]+(?:\.[0-9０-９]+)?(?!\d|[.,]\d|{_EN_SCALE_AFTER}|{_EN_SUF_AFTER}|{_EN_QS_AFTER})", re.I)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    num: float
    scale: Optional[float]
    currency: Optional[str]
    qualifier: Optional[str]
    is_year: bool = False
    hi: Optional["_Token"] = None  # upper bound when this token is a range


def _is_year(number: str) -> bool:
    return len(number) == 4 and _YEAR.fullmatch(number) is not None  # the length first: cheaper


def _qualifier_of(*words: Optional[str]) -> Optional[str]:
    for w in words:
        if w:
            return w.lower()
    return None


def _en_token(m: re.Match, loose: bool = False) -> Optional[_Token]:
    q, pre, raw, sc, sca, suf, qs = m.group("q", "pre", "num", "sc", "sca", "suf", "qs")
    num = _number(raw)
    if num is None or (not (sc or sca) and raw.lower() in ("a", "an")):
        return None
    if not (q or pre or sc or sca or suf or qs):  # a number alone, the common case
        return _Token(m.start(), m.end(), num, None, None, None, _is_year(raw))
    scale_word = (sc or sca or "").lower()
    if scale_word[:1].isdigit() and _is_year(raw):
        return None  # "in 2025 100 million yuan": a year, then the amount (read from its own digits)
    scale = _EN_SCALES.get(scale_word) if scale_word else None
    if sca and not (pre or suf or loose) and sca.lower() in ("m", "b", "k"):
        scale = None  # "5m" alone is metres as often as millions: only with a currency
    cur_word = pre or suf
    currency = _CURRENCY_WORDS.get(cur_word.lower()) if cur_word else None
    end = m.end() if (scale or not sca) else m.start("sca")
    is_year = scale is None and currency is None and _is_year(raw)
    return _Token(m.start(), end, num, scale, currency, _qualifier_of(q, qs), is_year)


def _cn_token(m: re.Match) -> Optional[_Token]:
    q, pre, raw, a1, unit, a2, suf, qs = m.group("q", "pre", "num", "a1", "unit", "a2", "suf", "qs")
    own_unit = "万" in raw or "亿" in raw  # "1亿5000": the numeral carries its own 万/亿
    if not (unit or suf or own_unit):
        return None  # a bare number: checked before parsing it, which is the costly part
    scale = _CN_UNITS.get(unit) if unit else None
    approx_inside = "余" in raw or "多" in raw  # "5000余万"
    digits = raw.replace("余", "").replace("多", "") if approx_inside else raw
    whole = _parse_cn_number(digits + unit if unit else digits)
    if whole is None:
        return None
    num = whole / scale if scale else whole
    cur = suf or pre
    currency = _CURRENCY_WORDS.get(cur.lower()) if cur else None
    approx = "多" if (approx_inside or a1 or a2) else None
    if num == 0:
        return None
    if scale is None and own_unit:
        scale = 1.0
    return _Token(m.start(), m.end(), num, scale, currency, _qualifier_of(q, qs, approx))


def _raw_tokens(text: str, loose: bool = False) -> list[_Token]:
    """Amount tokens, found from cheap anchors (digits, Chinese numerals before a unit, scale words)
    and then matched in full at that spot: much faster than trying the full patterns everywhere."""
    tokens: list[_Token] = []
    floor = 0
    chinese = any(ch in text for ch in _CN_AMOUNT_CHARS)
    reversed_text = text[::-1]  # for reading the words before each number backwards
    for anchor in _anchors(text, reversed_text, chinese):
        if anchor < floor:
            continue
        t = None
        if chinese and _CN_UNIT_AHEAD.match(text, anchor):
            start = _left_start(_CN_LEFT_REVERSED, _CN_LEFT_ENDS, text, reversed_text, anchor, 6)
            m = _CN_AMOUNT.match(text, start)
            if m and m["num"] and m.start("num") == anchor:
                t = _cn_token(m)
        # An English amount does not start inside a word ("A380", "H7N9") unless the word is a
        # currency code glued to it ("RMB3.2bn"): only then are the letters before it read.
        if t is None and (anchor == 0 or not _letter_or_digit(text[anchor - 1])
                          or text[anchor - 1] in _EN_LEFT_ENDS):
            t = _en_token_at(text, reversed_text, anchor, loose)
        if t is not None:
            tokens.append(t)
            floor = t.end
    return tokens


def _en_token_at(text: str, reversed_text: str, anchor: int, loose: bool) -> Optional[_Token]:
    """The English amount whose number begins at `anchor`, with any qualifier and currency before."""
    start = _left_start(_EN_LEFT_REVERSED, _EN_LEFT_ENDS, text, reversed_text, anchor, 24)
    if start > 0 and _letter_or_digit(text[start - 1]):
        start = anchor
    if start == anchor and anchor > 0 and _letter_or_digit(text[anchor - 1]):
        return None  # no amount starts inside a word ("A380", "H7N9"), but one may after "RMB3.2bn"
    if start == anchor:
        plain = _PLAIN_NUMBER.match(text, anchor)
        if plain:  # what _en_token would make of it: no scale, currency or qualifier
            raw = plain[0]  # digits, fullwidth or not, and maybe a point: float reads them all
            return _Token(anchor, plain.end(), float(raw), None, None, None, _is_year(raw))
    at_digit = start == anchor and text[anchor].isdigit()
    m = (_EN_AMOUNT_AT_DIGIT if at_digit else _EN_AMOUNT).match(text, start)
    return _en_token(m, loose) if m and m.start("num") == anchor else None


def _letter_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _left_start(left_reversed: re.Pattern, ends: frozenset[str], text: str, reversed_text: str,
                anchor: int, width: int) -> int:
    """Where the qualifier and currency written before the number at `anchor` begin (`anchor` when
    there are none), looking back at most `width` characters. Such words end with whitespace or one
    of `ends`, so before any other character there is nothing to read."""
    if anchor == 0 or (text[anchor - 1] not in ends and not text[anchor - 1].isspace()):
        return anchor
    back = len(text) - anchor  # `anchor` in reversed_text
    found = left_reversed.match(reversed_text, back, back + min(width, anchor))
    return anchor - (found.end() - back)


def _anchors(text: str, reversed_text: str, chinese: bool) -> list[int]:
    fullwidth = any(digit in text for digit in _FULLWIDTH_DIGITS)
    found = [m.start() for m in (_DIGIT_ANCHOR if fullwidth else _ASCII_DIGIT_ANCHOR).finditer(text)]
    more = False
    for scale_word in _scale_word_starts(text):
        if text[scale_word - 2:scale_word - 1].isdigit():
            continue  # "500 million": no written-out number before it, without reading backwards
        word = _word_before(text, reversed_text, scale_word)
        if word is not None:
            found.append(word)
            more = True
    if chinese:
        cn = [m.start() for m in _CN_ANCHOR.finditer(text)]
        if cn:
            found += cn
            more = True
    return sorted(set(found)) if more else found  # digit anchors alone come sorted and distinct


def _scale_word_starts(text: str) -> list[int]:
    """Where "million", "Billion", "trillion", "thousand"... begin (the words end at a boundary)."""
    starts = []
    for m in _ILLION.finditer(text):
        at = m.start()
        if text[at - 1:at] in ("m", "b", "M", "B"):
            starts.append(at - 1)
        elif text[max(0, at - 2):at] in ("tr", "Tr"):
            starts.append(at - 2)
    for m in _HOUSAND.finditer(text):
        at = m.start()
        if text[at - 1:at] in ("t", "T"):
            starts.append(at - 1)
    return starts


def _word_before(text: str, reversed_text: str, scale_word: int) -> Optional[int]:
    """Where the written-out number before a scale word begins ("two", "a hundred"), if there is one
    within 24 characters. Read backwards from the scale word; `\\b` at the far end must see the
    real text, so the match is not cut at 24 characters: a longer one is searched for again."""
    back = len(text) - scale_word
    found = _WORD_BEFORE_REVERSED.match(reversed_text, back)
    if found is None:
        return None
    if found.end() - back <= 24:
        return scale_word - (found.end() - back)
    word = _WORD_BEFORE.search(text, max(0, scale_word - 24), scale_word)
    return word.start(1) if word else None


def _join_ranges(text: str, tokens: list[_Token]) -> list[_Token]:
    out: list[_Token] = []
    joined = False  # the previous token took this one as its upper bound
    for t, nxt in zip(tokens, tokens[1:] + [None]):
        if joined:
            joined = False
            continue
        out.append(t)
        # Cheap tests first: most tokens are plain numbers ("7 provinces") that join nothing.
        if nxt is not None and not t.is_year and nxt.qualifier is None and (t.scale or nxt.scale):
            gap = text[t.end:nxt.start]
            if not _MAYBE_RANGE_GAP.match(gap):
                continue
            dash = _RANGE_EN.match(gap) or _RANGE_CN.match(gap)  # "1 to 2", "3亿至5亿"
            if not (dash or _AND_GAP.fullmatch(gap)):  # the gap first: cheaper than the words before
                continue
            between = _BETWEEN.search(text, max(0, t.start - 9), t.start)
            if dash or between:  # "between 1 and 2"
                t.scale = t.scale or nxt.scale
                t.currency = t.currency or nxt.currency
                if between:
                    t.start = between.start()
                t.hi, t.end = nxt, nxt.end
                joined = True
    return out


def _inherit_from_list(text: str, tokens: list[_Token]) -> None:
    """"500 million and 1 billion yuan" / "5亿和10亿元": earlier items take the currency (and scale)."""
    for i in range(len(tokens) - 2, -1, -1):
        t, nxt = tokens[i], tokens[i + 1]
        if t.is_year or t.currency is not None or nxt.currency is None:
            continue
        gap = text[t.end:nxt.start]
        if not _LIST_GAP.match(gap):
            continue
        if t.scale is None and (nxt.scale is None or not _SCALE_GAP.match(gap)):
            continue
        t.currency = nxt.currency
        t.scale = t.scale or nxt.scale


def _bare_allowed(text: str, t: _Token) -> bool:
    """A scaled amount with no currency counts when a money word precedes it and no unit follows."""
    if t.scale is None or _NOT_MONEY_AFTER.match(text, t.end) or _COMPOUND_GOES_ON.match(text, t.end):
        return False
    window = text[max(0, t.start - 60):t.start]
    clause = _CLAUSE_END.split(window)[-1]
    return _BARE_CUE.search(clause) is not None


def _to_match(text: str, t: _Token, currency: str) -> MoneyMatch:
    scale = t.scale or 1.0
    # Rounded to 1/10000 of a unit: 9.8 * 1e8 is 980000000.0000001 in binary floating point.
    lo = round(t.num * scale, 4)
    hi = round(t.hi.num * (t.hi.scale or scale), 4) if t.hi else None
    value: Optional[float]
    if hi is not None:
        value, vmin, vmax = None, lo, hi
    else:
        bound = _QUALIFIERS.get(t.qualifier or "")
        value, vmin, vmax = lo, (None if bound == "max" else lo), (None if bound == "min" else lo)
    return MoneyMatch(t.start, t.end, text[t.start:t.end], value, vmin, vmax, currency, t.qualifier)


def find_amounts(text: str, require_currency: bool = True) -> list[MoneyMatch]:
    """Every amount in `text`, non-overlapping and in order; a range is one match."""
    tokens = _join_ranges(text, _raw_tokens(text))
    _inherit_from_list(text, tokens)
    out: list[MoneyMatch] = []
    for t in tokens:
        if t.currency:
            out.append(_to_match(text, t, t.currency))
        elif t.scale and (not require_currency or _bare_allowed(text, t)):
            out.append(_to_match(text, t, DOMAIN_CURRENCY))
    return out


def parse_amount(text: str, default_currency: Optional[str] = None) -> Optional[MoneyMatch]:
    """`text` read as one amount ("5亿", "500 million", "RMB 3.2 billion"); None if it is not one."""
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    tokens = _join_ranges(stripped, _raw_tokens(stripped, loose=True))
    _inherit_from_list(stripped, tokens)
    if len(tokens) != 1:
        return None
    t = tokens[0]
    if stripped[:t.start].strip(" :：,，") or stripped[t.end:].strip(" .。,，"):
        return None
    currency = t.currency or default_currency or DOMAIN_CURRENCY
    m = _to_match(stripped, t, currency)
    return MoneyMatch(m.start + offset, m.end + offset, m.text, m.value, m.min, m.max, m.currency, m.qualifier)
