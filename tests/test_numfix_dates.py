"""A month counted from the article's year: "December last year", "March 5 next year", 去年12月."""

from __future__ import annotations

import pytest

from extractor.normalize.dates import find_dates, parse_date


@pytest.mark.parametrize("sentence, quote, iso, approximate", [
    ("The bridge was approved by the ministry in November last year.", "November last year", "2029-11", False),
    ("Work stopped in October of last year after floods.", "October of last year", "2029-10", False),
    ("Trial runs are due in June next year.", "June next year", "2031-06", False),
    ("The grid link opens September next year, officials said.", "September next year", "2031-09", False),
    ("The deal was signed on April 9 last year in Wuhan.", "April 9 last year", "2029-04-09", False),
    ("Tenders close 21 February next year.", "21 February next year", "2031-02-21", False),
    ("Construction began in early July last year.", "early July last year", "2029-07", True),
    ("It will be finished by the end of May next year.", "the end of May next year", "2031-05", True),
    ("该项目去年11月获批。", "去年11月", "2029-11", False),
    ("明年6月建成投产。", "明年6月", "2031-06", False),
])
def test_month_with_a_relative_year(sentence, quote, iso, approximate):
    found = [(d.text, d.iso, d.approximate) for d in find_dates(sentence, 2030)]
    assert found == [(quote, iso, approximate)]


@pytest.mark.parametrize("sentence, quote, iso", [
    ("In August, last year's plan was revised.", "August", "2030-08"),  # the next clause's words
    ("Signed in August last year's budget was cut.", "August", "2030-08"),  # "last year's", a noun phrase
    ("The talks in May this year went well.", "May", "2030-05"),  # the article's own year, read as before
    ("He said in March last-year figures were low.", "March", "2030-03"),
])
def test_what_is_not_a_relative_year(sentence, quote, iso):
    assert [(d.text, d.iso) for d in find_dates(sentence, 2030)] == [(quote, iso)]


def test_a_stated_year_wins_and_no_year_means_no_date():
    assert [d.iso for d in find_dates("in May 2027 last year", 2030)] == ["2027-05"]
    assert find_dates("in November last year", None) == []  # no article year to count from


def test_parse_date_reads_the_whole_phrase():
    m = parse_date("in December last year", 2030)
    assert m is not None and m.iso == "2029-12" and m.text == "December last year"
    assert parse_date("January next year.", 2030).iso == "2031-01"


def test_the_modal_may_is_no_month():
    assert find_dates("the works may last years", 2030) == []
