"""Amounts written as compound adjectives ("a 4.6-billion-yuan depot", "a $75-million farm") and
currency codes glued to the number ("RMB12-billion", "Rmb800 million")."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize import money
from extractor.normalize.money import find_amounts, parse_amount


@pytest.mark.parametrize("sentence, quote, value, currency", [
    ("The city approved a 4.6-billion-yuan rail depot on Monday.", "4.6-billion-yuan", 4.6e9, "CNY"),
    ("Work began on the 700-million-yuan water plant.", "700-million-yuan", 7e8, "CNY"),
    ("A $75-million wind farm will follow.", "$75-million", 7.5e7, "USD"),
    ("They signed an RMB12-billion port contract.", "RMB12-billion", 1.2e10, "CNY"),
    ("The firm plans a US$2.25-billion refinery.", "US$2.25-billion", 2.25e9, "USD"),
    ("a 90-million-dollar school campus", "90-million-dollar", 9e7, "USD"),
    ("a 650-million-euro rail link", "650-million-euro", 6.5e8, "EUR"),
    ("an HK$3-billion bridge", "HK$3-billion", 3e9, "HKD"),
    ("a 15-billion-RMB industrial park", "15-billion-RMB", 1.5e10, "CNY"),
    ("the 8\u2011billion\u2011yuan airport", "8\u2011billion\u2011yuan", 8e9, "CNY"),  # non-breaking hyphens
    ("the 8\u2010billion\u2010yuan airport", "8\u2010billion\u2010yuan", 8e9, "CNY"),  # Unicode hyphens
    ("an 11 billion-yuan metro line", "11 billion-yuan", 1.1e10, "CNY"),
    ("a 40-trillion-yuan plan", "40-trillion-yuan", 4e13, "CNY"),
    ("a 250-thousand-yuan grant", "250-thousand-yuan", 2.5e5, "CNY"),
    ("Rmb800 million was raised.", "Rmb800 million", 8e8, "CNY"),
    ("It raised RMB3.5bn last year.", "RMB3.5bn", 3.5e9, "CNY"),
])
def test_compound_adjective_amounts_are_one_amount_quoted_as_written(sentence, quote, value, currency):
    [m] = find_amounts(sentence)
    assert (m.text, m.currency) == (quote, currency)
    assert m.value == pytest.approx(value)
    assert sentence[m.start:m.end] == quote


def test_a_dollar_sign_before_a_hyphenated_scale_is_never_the_bare_number():
    found = find_amounts("The group opened a $120-million plant and a $45-billion fund.")
    assert [(m.text, m.value) for m in found] == [("$120-million", 1.2e8), ("$45-billion", 4.5e10)]
    assert all(m.value not in (120, 45) for m in found)


@pytest.mark.parametrize("text, lo, hi", [
    ("1-2 billion yuan", 1e9, 2e9),
    ("3–5 billion yuan", 3e9, 5e9),  # an en dash between numbers is a range
    ("a 1.5-2-billion-yuan project", 1.5e9, 2e9),
    ("$40-$60 million", 4e7, 6e7),
    ("RMB1-2 billion", 1e9, 2e9),
])
def test_ranges_with_dashes_stay_ranges(text, lo, hi):
    [m] = find_amounts(text)
    assert m.value is None and (m.min, m.max) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize("sentence", [
    "The firm will invest in a 1.2-million-square-metre shopping centre.",
    "Funding covers a 5-million-tonne grain store.",
    "The budget pays for a 2-million-kilowatt power station.",
    "Airbus A380 and H7N9 are not money; nor is COVID19 or ZRMB5.",
    "The 3-metre wall cost nothing; a 5-m pole.",
])
def test_hyphenated_counts_of_other_things_are_not_money(sentence):
    assert find_amounts(sentence) == []


def test_parse_amount_reads_a_hyphenated_amount_whole():
    m = parse_amount("3.6-billion-yuan")
    assert m is not None and m.value == pytest.approx(3.6e9) and m.text == "3.6-billion-yuan"


# --- properties: the hyphenated and the spaced forms of one amount agree -------------------------

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# currency word -> (written before the number?, currency)
_CURRENCIES = {"yuan": (False, "CNY"), "RMB": (False, "CNY"), "dollars": (False, "USD"), "dollar": (False, "USD"),
               "euros": (False, "EUR"), "euro": (False, "EUR"), "US$": (True, "USD"), "$": (True, "USD"),
               "RMB ": (True, "CNY"), "Rmb": (True, "CNY"), "HK$": (True, "HKD"), "€": (True, "EUR")}
_HYPHENS = ["-", "\u2010", "\u2011"]


def _written(number: str, scale: str, currency: str, sep_scale: str, sep_currency: str) -> str:
    before, _ = _CURRENCIES[currency]
    if before:
        return f"{currency}{number}{sep_scale}{scale}"
    return f"{number}{sep_scale}{scale}{sep_currency}{currency}"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=2),
       st.sampled_from(sorted(_SCALES)), st.sampled_from(sorted(_CURRENCIES)),
       st.sampled_from(_HYPHENS + [" "]), st.sampled_from(_HYPHENS + [" "]),
       st.sampled_from(["plant", "logistics hub", "fund", "deal"]))
def test_hyphenated_and_spaced_forms_give_the_same_amount(mantissa, decimals, scale, currency, sep1, sep2, noun):
    number = f"{mantissa / 10 ** decimals:.{decimals}f}"
    spaced = _written(number, scale, currency, " ", " ")
    written = _written(number, scale, currency, sep1, sep2)
    expected = float(number) * _SCALES[scale]
    for quote in (spaced, written):
        sentence = f"In 2023 the board approved a {quote} {noun} for the port."
        [m] = find_amounts(sentence)
        assert m.text == quote and sentence[m.start:m.end] == quote
        assert m.value == pytest.approx(expected, rel=1e-9)
        assert m.currency == _CURRENCIES[currency][1]


# --- the plain-number shortcut still agrees with the full pattern after hyphens -----------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.", min_size=1, max_size=6).filter(lambda s: s[0].isdigit()),
       st.sampled_from(["-million", "-Billion", "\u2011billion", "-million-yuan", "-yuan", "-dollar", "-m", "-bn",
                        "-2", "-2 billion", "–billion", "-metre", "-year", " billion-yuan", "-"]))
def test_a_plain_number_before_a_hyphen_is_one_the_full_pattern_reads_alone(number, after):
    text = number + after
    m = money._EN_AMOUNT.match(text)
    alone = m is not None and m.end() == m.end("num") and re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", m["num"])
    plain = money._PLAIN_NUMBER.match(text)
    if plain:
        assert alone and plain.end() == m.end()
    if alone and not re.match(r"[.,]?\d", text[m.end():]):
        assert plain
