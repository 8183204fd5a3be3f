"""Dates read in windows of a text (`DateWindows`), and the founding years the rules engine blanks
before inferring an article's year: the shortcuts must give what the plain scans give."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractor.engines.rules.mentions import _FOUNDED, _SEP, _founding_years
from extractor.normalize.dates import DateWindows, _scan, _year_of, find_dates

PIECES = ["March 27, 2020", "27 March", "mid-2021", "the end of 2019", "first quarter of 2020", "Q1 2020",
          "in 2019", "since May", "2020年3月5日", "3月下旬", "今年3月", "2019年底", "founded in 2016", "FOUNDED 2015",
          "成立于2010年", "set up in 2020年3月", "İncorporated in 2011", "registered 2012", "，", "。", "(", "’s",
          ":", "#", " ", "\n", "x", "2021", "of", "late", "年", "月", "12"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 400), st.integers(1, 20)), max_size=3))
def test_windows_give_the_dates_and_year_of_the_joined_text(text, cuts):
    windows, pos = [], 0
    for gap, length in cuts:  # windows in order, apart
        if pos + gap >= len(text):
            break
        windows.append((pos + gap, min(len(text), pos + gap + length * 5)))
        pos = windows[-1][1] + 1
    windows = windows or [(0, len(text))]
    found = DateWindows(text, windows, _SEP)
    joined = _SEP.join(text[lo:hi] for lo, hi in windows)
    assert found.joined == joined
    dates = found.dates(2020)
    assert [d.iso for d in dates] == [d.iso for d in find_dates(joined, 2020)]
    assert all(text[d.start:d.end] == d.text for d in dates)
    blanks = _founding_years(joined)
    blanked = _FOUNDED.sub(lambda m: " " * len(m.group()), joined)
    # (re-reading only the pieces around each blank finds what a scan of the whole blanked string finds;
    # the words around each year are read in the text, where the windows came from)
    whole = [(found._in_text(raw.start), raw) for raw in _scan(blanked)]
    assert found.infer_year(blanks) == _year_of(whole, text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_founding_years_are_the_matches_of_founded(text):
    assert _founding_years(text) == [m.span() for m in _FOUNDED.finditer(text)]
