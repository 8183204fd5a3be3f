"""Money amounts: the formats the issue lists, ranges, lists, qualifiers, and property tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import money
from extractor.normalize.money import find_amounts, parse_amount


@pytest.mark.parametrize("text, value, currency", [
    ("500 million yuan", 5e8, "CNY"),
    ("RMB 3.2 billion", 3.2e9, "CNY"),
    ("1.5 trillion yuan", 1.5e12, "CNY"),
    ("780 million yuan", 7.8e8, "CNY"),
    ("10,000 yuan", 1e4, "CNY"),
    ("US$50 million", 5e7, "USD"),
    ("$50m", 5e7, "USD"),
    ("5亿元", 5e8, "CNY"),
    ("10亿元", 1e9, "CNY"),
    ("1.5万亿元", 1.5e12, "CNY"),
    ("5000万元", 5e7, "CNY"),
    ("人民币3.2亿元", 3.2e8, "CNY"),
    ("五亿元", 5e8, "CNY"),
    ("20亿", 2e9, "CNY"),
    ("一千五百万元", 1.5e7, "CNY"),
    ("1亿5000万元", 1.5e8, "CNY"),
    ("十二亿元", 1.2e9, "CNY"),
    ("3亿美元", 3e8, "USD"),
    ("two billion yuan", 2e9, "CNY"),
    ("a hundred million yuan", 1e8, "CNY"),
    ("HK$1.2 billion", 1.2e9, "HKD"),
    ("€30 million", 3e7, "EUR"),
])
def test_point_amounts(text, value, currency):
    m = parse_amount(text)
    assert m is not None
    assert m.value == pytest.approx(value) and m.min == pytest.approx(value) and m.max == pytest.approx(value)
    assert m.currency == currency and m.text == text
    assert m.to_amount().text == text


@pytest.mark.parametrize("text, lo, hi", [
    ("between 1 and 1.5 billion yuan", 1e9, 1.5e9),
    ("1 billion to 1.5 billion yuan", 1e9, 1.5e9),
    ("RMB 800 million to 1.2 billion", 8e8, 1.2e9),
    ("3亿至5亿元", 3e8, 5e8),
    ("1-1.5亿元", 1e8, 1.5e8),
])
def test_ranges_are_one_match(text, lo, hi):
    m = parse_amount(text)
    assert m is not None and m.value is None
    assert (m.min, m.max) == (pytest.approx(lo), pytest.approx(hi))
    assert len(find_amounts(f"It will cost {text}.")) == 1


@pytest.mark.parametrize("text, value, lo, hi", [
    ("more than 1.5 trillion yuan", 1.5e12, 1.5e12, None),
    ("不低于10亿元", 1e9, 1e9, None),
    ("最多8亿元", 8e8, None, 8e8),
    ("超过5亿元", 5e8, 5e8, None),
    ("5000余万元", 5e7, 5e7, None),
    ("up to 300 million yuan", 3e8, None, 3e8),
    ("about 9.8 billion yuan", 9.8e9, 9.8e9, 9.8e9),
])
def test_qualifiers_set_bounds(text, value, lo, hi):
    m = parse_amount(text)
    assert m is not None and m.qualifier is not None
    assert m.value == pytest.approx(value)
    assert m.min == (pytest.approx(lo) if lo is not None else None)
    assert m.max == (pytest.approx(hi) if hi is not None else None)


def test_respectively_lists_give_one_match_each_and_share_the_currency():
    text = "The two projects cost 500 million and 1 billion yuan, respectively; 5亿和10亿元分别。"
    found = find_amounts(text)
    assert [m.value for m in found] == [5e8, 1e9, 5e8, 1e9]
    assert all(m.currency == "CNY" for m in found)
    assert all(text[m.start:m.end] == m.text for m in found)


def test_non_money_numbers_are_not_amounts():
    text = ("In 2020, 1431 projects and 5.4 million TEU; 1.2 billion kilowatt-hours; 共有20亿人; "
            "the city has 1.4 billion people.")
    assert find_amounts(text) == []


def test_bare_amounts_need_a_money_word_in_their_clause():
    assert [m.value for m in find_amounts("总投资20亿，建成后")] == [2e9]
    assert [m.value for m in find_amounts("The company will invest 2 billion in the plant.")] == [2e9]
    assert find_amounts("The population reached 2 billion.") == []
    assert len(find_amounts("The population reached 2 billion.", require_currency=False)) == 1


def test_parse_amount_rejects_text_that_is_not_one_amount():
    assert parse_amount("500 million yuan and 1 billion yuan") is None
    assert parse_amount("the project") is None
    assert parse_amount("") is None


def test_usd_and_cny_side_by_side():
    found = find_amounts("Over 3 billion yuan (US$420 million) was spent")
    assert [(m.currency, m.value) for m in found] == [("CNY", 3e9), ("USD", 4.2e8)]


# --- properties --------------------------------------------------------------------------------

_SCALES_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNITS_ZH = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def _with_commas(n: int) -> str:
    return f"{n:,}"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=2),
       st.sampled_from(sorted(_SCALES_EN)), st.sampled_from(["yuan", "RMB", "US$", "dollars"]))
def test_english_numbers_round_trip(mantissa, decimals, scale, currency):
    number = mantissa / 10 ** decimals
    shown = f"{number:.{decimals}f}"
    text = f"US${shown} {scale}" if currency == "US$" else f"{shown} {scale} {currency}"
    m = parse_amount(text)
    assert m is not None
    assert m.value == pytest.approx(number * _SCALES_EN[scale], rel=1e-9)
    assert m.currency == ("USD" if currency in ("US$", "dollars") else "CNY")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10 ** 9))
def test_comma_grouped_integers(n):
    m = parse_amount(f"{_with_commas(n)} yuan")
    assert m is not None and m.value == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=2),
       st.sampled_from(sorted(_UNITS_ZH)), st.booleans(), st.booleans())
def test_chinese_numbers_round_trip(mantissa, decimals, unit, yuan, rmb_prefix):
    number = mantissa / 10 ** decimals
    text = f"{'人民币' if rmb_prefix else ''}{number:.{decimals}f}{unit}{'元' if yuan else ''}"
    m = parse_amount(text)
    assert m is not None
    assert m.value == pytest.approx(number * _UNITS_ZH[unit], rel=1e-9)
    assert m.currency == "CNY"


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_numeral(n: int) -> str:
    """1..9999 written with 千百十: 1500 -> 一千五百, 12 -> 十二, 305 -> 三百零五."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
            out += ("" if (value == 10 and digit == 1 and not out) else _CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万元", "亿元"]))
def test_chinese_numerals_round_trip(n, unit):
    m = parse_amount(_chinese_numeral(n) + unit)
    assert m is not None
    assert m.value == pytest.approx(n * (1e4 if unit == "万元" else 1e8))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 999), st.sampled_from(["million", "billion"])), min_size=1, max_size=4),
       st.text(alphabet="abc ,.;", max_size=12))
def test_find_amounts_spans_are_exact_and_ordered(amounts, filler):
    text = filler.join(f"{n} {scale} yuan" for n, scale in amounts) if filler.strip(" ") else \
        " and then ".join(f"{n} {scale} yuan" for n, scale in amounts)
    found = find_amounts(text)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_an_amount_at_the_start_of_a_line_is_found():
    # `$` would also match before a final newline and hide the line's start from the left context.
    assert [m.value for m in find_amounts("Intro.\n500 million yuan")] == [5e8]
    assert [m.value for m in find_amounts("项目。\n5亿元")] == [5e8]


def test_a_written_out_number_before_trillion():
    [m] = find_amounts("two trillion yuan")
    assert m.value == 2e12 and m.text == "two trillion yuan"


# --- the shortcuts agree with the patterns they stand for ---------------------------------------

_BEFORE_PIECES = ([w.replace("\\", "") for w in money._EN_QUAL.split("|")]
                  + [w.replace("\\", "") for w in money._EN_PRE.split("|")]
                  + money._CN_QUAL_PRE.split("|") + money._CN_PRE.replace("\\", "").split("|")
                  + [" ", "  ", "\n", "\u3000", "x", "S", "U", "ſ", "\u212a", "İ", "ı", "中", "MORE ", "No", "up"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_PIECES), max_size=8), st.booleans())
def test_words_before_a_number_read_backwards_start_where_the_window_search_finds_them(pieces, upper):
    text = "".join(pieces) + "5"
    text = text.upper() if upper else text
    anchor = len(text) - 1
    en = re.compile(rf"(?:(?:{money._EN_QUAL})\s+)?(?:(?:{money._EN_PRE})\s?)?\Z", re.I)
    cn = re.compile(rf"(?:{money._CN_QUAL_PRE})?(?:(?:{money._CN_PRE})\s?)?\Z")
    for forward, backward, ends, width in ((en, money._EN_LEFT_REVERSED, money._EN_LEFT_ENDS, 24),
                                           (cn, money._CN_LEFT_REVERSED, money._CN_LEFT_ENDS, 6)):
        expected = forward.search(text, max(0, anchor - width), anchor).start()
        assert money._left_start(backward, ends, text, text[::-1], anchor, width) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted(money._EN_WORDS) + ["hundred", "ten", " ", "   ", "x", "\n"]), max_size=8),
       st.sampled_from(["million", "Billion", "thousand"]))
def test_the_number_word_before_a_scale_word_read_backwards_is_the_one_the_window_search_finds(words, scale):
    text = " ".join(words) + " " + scale
    found = money._WORD_BEFORE.search(text, max(0, len(text) - len(scale) - 24), len(text) - len(scale))
    assert money._word_before(text, text[::-1], len(text) - len(scale)) == (found.start(1) if found else None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.", min_size=1, max_size=6).filter(lambda s: s[0].isdigit()),
       st.sampled_from(["", " ", "  ", ",", ", ", ".", ". ", "5", ",5", ".5", "%", "年", "m", "bn", "k", " k", "x",
                        " million", " Million", " yuan", " plus", " people", " projects", " or more", "\u212a"]))
def test_a_plain_number_is_one_the_full_pattern_reads_alone(number, after):
    text = number + after
    m = money._EN_AMOUNT.match(text)
    alone = m is not None and m.end() == m.end("num") and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", m["num"])
    plain = money._PLAIN_NUMBER.match(text)
    if plain:  # (it may pass up a plain one, "0,5": the full match then reads it)
        assert alone and plain.end() == m.end()
    if alone and not re.match(r"[.,]?\d", text[m.end():]):
        assert plain


@pytest.mark.parametrize("text", ["between  5 and 10 billion yuan", "from\n\n5 to 10 billion yuan",
                                  "from     5 to 6 billion yuan"])
def test_a_range_opened_after_extra_whitespace_is_still_one_range(text):
    [m] = find_amounts(text)
    assert (m.start, m.min, m.max) == (0, 5e9, float(text.split()[3]) * 1e9)


_PIECES = ["between", "from", "and", "to", "or", "-", "至", "到", " ", "  ", "\n", "\n\n", "5", "1.5", "10,000",
           "billion", "million", "yuan", "RMB", "US$", "$", "亿元", "万元", "亿", "人民币", "五", "十", "约", "超过",
           "more than", "about", "respectively", "(", ")", "“", "”", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_any_mix_of_money_words_parses_without_error_and_every_match_is_grounded(pieces):
    text = "".join(pieces)
    for m in find_amounts(text):
        assert text[m.start:m.end] == m.text
        assert m.value is not None or (m.min is not None and m.max is not None)


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@given(st.integers(0, 7), st.integers(0, 8), st.sampled_from(["-", " "]),
       st.sampled_from([("million", 1e6), ("billion", 1e9)]))
def test_a_compound_number_word_is_read_whole(tens, unit, sep, scale):
    words = f"{_TENS[tens]}{sep}{_UNITS[unit]}"
    [m] = find_amounts(f"It will invest {words} {scale[0]} yuan in the plant.")
    assert (m.text, m.value) == (f"{words} {scale[0]} yuan", ((tens + 2) * 10 + unit + 1) * scale[1])


@pytest.mark.parametrize("text, value", [("9.8亿元", 9.8e8), ("1.1 billion yuan", 1.1e9), ("3.3万元", 3.3e4),
                                         ("0.7 million dollars", 7e5)])
def test_values_are_free_of_binary_floating_point_noise(text, value):
    [m] = find_amounts(text)
    assert m.value == value


@pytest.mark.parametrize("text, value, currency", [("3.6 bn yuan", 3.6e9, "CNY"), ("RMB 2 bn", 2e9, "CNY"),
                                                   ("5 mn dollars", 5e6, "USD"), ("US$ 3 tn", 3e12, "USD")])
def test_a_short_scale_word_after_a_space(text, value, currency):
    [m] = find_amounts(text)
    assert (m.text, m.value, m.currency) == (text, value, currency)


@pytest.mark.parametrize("text, value", [
    ("a total investment of RMB 25 100 million", 2.5e9),   # 25亿, translated word for word
    ("invests 3.6 100 million yuan", 3.6e8),
    ("RMB 3,000 10 thousand", 3e7),                        # 3000万
    ("In 2025 100 million yuan went to roads", 1e8),       # a year, then the amount
    ("100 million yuan", 1e8),
])
def test_word_for_word_translations_of_yi_and_wan(text, value):
    [m] = find_amounts(text)
    assert m.value == pytest.approx(value)
