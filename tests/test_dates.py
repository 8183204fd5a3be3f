"""Date normalisation: English and Chinese formats, approximate dates, year inference, non-dates."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractor.normalize.dates import DateMatch, find_dates, infer_year, parse_date

MONTHS = [calendar.month_name[i] for i in range(1, 13)]
CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..31 in Chinese numerals: 十, 十二, 二十, 二十七."""
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (CN_DIGITS[ones] if ones else "")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def formats(d: dt.date) -> list[str]:
    month = MONTHS[d.month - 1]
    abbr = month[:3] + ("." if len(month) > 3 else "")
    return [
        f"{month} {d.day}, {d.year}", f"{month} {ordinal(d.day)}, {d.year}", f"{d.day} {month} {d.year}",
        f"{ordinal(d.day)} of {month} {d.year}", f"{abbr} {d.day}, {d.year}", d.isoformat(),
        f"{d.year}/{d.month}/{d.day}", f"{d.year}年{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}号",
        "".join(CN_DIGITS[int(c)] for c in str(d.year)) + f"年{cn_number(d.month)}月{cn_number(d.day)}日",
        f"{d.year}年{d.month}月{d.day}日".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_every_format_round_trips(d):
    for text in formats(d):
        match = parse_date(text)
        assert match is not None, text
        assert (match.iso, match.approximate, match.text) == (d.isoformat(), False, text)
        sentence = f"The list was released on {text}, with 86 projects."
        found = find_dates(sentence)
        assert [m.iso for m in found] == [d.isoformat()], (sentence, found)
        assert sentence[found[0].start:found[0].end] == found[0].text == text


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_yearless_formats_take_the_default_year(d):
    month = MONTHS[d.month - 1]
    for text in (f"{month} {d.day}", f"{month} {ordinal(d.day)}", f"{d.day} {month}", f"{d.month}月{d.day}日"):
        assert parse_date(text, default_year=d.year).iso == d.isoformat(), text
        assert parse_date(text) is None  # no year known: no ISO date


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日号初底十二〇一-/. ,thMarchMayQ1of")), max_size=40))
def test_any_text_gives_grounded_valid_dates(text):
    for m in find_dates(text, default_year=2020):
        assert text[m.start:m.end] == m.text
        dt.date.fromisoformat(m.iso + "-01" * (3 - len(m.iso.split("-"))))  # a real calendar date


@pytest.mark.parametrize("text, iso, approximate", [
    ("March 18th", "2020-03-18", False),
    ("on March 27", "2020-03-27", False),
    ("March 2020", "2020-03", False),
    ("since February", "2020-02", False),
    ("mid-February", "2020-02", True),
    ("late March", "2020-03", True),
    ("early March", "2020-03", True),
    ("the end of February", "2020-02", True),
    ("late March 2019", "2019-03", True),
    ("first quarter of 2020", "2020", True),
    ("the first half of 2021", "2021", True),
    ("Q1 2020", "2020", True),
    ("mid-2020", "2020", True),
    ("in 2020", "2020", False),
    ("2020年3月", "2020-03", False),
    ("3月份", "2020-03", False),
    ("3月下旬", "2020-03", True),
    ("2月中旬", "2020-02", True),
    ("2020年3月上旬", "2020-03", True),
    ("3月底", "2020-03", True),
    ("2020年一季度", "2020", True),
    ("2020年上半年", "2020", True),
    ("2020年年底", "2020", True),
    ("2020年", "2020", False),
    ("今年3月5日", "2020-03-05", False),
    ("去年12月", "2019-12", False),
])
def test_formats(text, iso, approximate):
    match = parse_date(text, default_year=2020)
    assert match is not None
    assert (match.iso, match.approximate) == (iso, approximate)


@pytest.mark.parametrize("text", [
    "version 2.0", "5G", "2.0", "1024", "1431 projects", "the 16 projects", "86 key projects",
    "the first quarter of each year", "2020-2021", "3/27/2020", "统一月度报告", "1-3月累计", "3个月",
    "May I ask", "Feb 30, 2020", "2020年13月", "marching on", "1.5 trillion yuan", "500 million yuan",
])
def test_non_dates(text):
    assert find_dates(text, default_year=2020) == []


def test_whole_string_required_by_parse_date():
    assert parse_date("March 27 and March 28", 2020) is None
    assert parse_date("released March 27", 2020) is None
    assert parse_date("  March 27, 2020.  ") == DateMatch(2, 16, "March 27, 2020", "2020-03-27", False)


def test_seed_article_dates(seed_text):
    year = infer_year(seed_text)
    assert year == 2020
    found = {m.text: m for m in find_dates(seed_text, year)}
    assert found["March 18th"].iso == "2020-03-18"
    assert found["mid-February"].iso == "2020-02" and found["mid-February"].approximate
    assert found["the end of February"].iso == "2020-02"
    assert found["late March"].approximate
    assert all(seed_text[m.start:m.end] == m.text for m in found.values())
    assert "2.0" not in found and "5G" not in found


def test_infer_year_prefers_full_dates():
    text = "In 2019 and 2019 again, 2019 ... The list was published on March 27, 2020."
    assert infer_year(text) == 2020
    assert infer_year("In 2019, then in 2020, and in 2020 again.") == 2020
    assert infer_year("2021年，项目签约") == 2021
    assert infer_year("No year here, just 5G and version 2.0.") is None


@pytest.fixture
def seed_text():
    from tests.conftest import SEED_ARTICLE

    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, year", [
    # the lead's year, not the body's background years
    ("Jiangxi clears projects\n\nNANCHANG, Sept. 18 (Xinhua) -- Jiangxi cleared a batch this week, ahead of the "
     "final quarter of 2025.\n\nIn 2024 the province approved 300 projects. In 2024 it spent more. Output rose in 2024.", 2025),
    ("衢州投资合作大会签约42个项目\n\n浙江日报记者 章晓岚\n\n3月18日，2025衢州投资合作大会举行。\n\n早在2019年，该公司一期已建成投产。", 2025),
    # a target ahead in the lead is not the article's year; the body decides
    ("Plant to open\n\n- Production scheduled to start in early 2028\n\nThe company said on March 3, 2026 that it "
     "signed the deal. Its first plant was finished in 2015.", 2026),
    # no year in the lead: the body's most frequent, ties to the latest, targets aside
    ("Title\n\nBy A Writer\n\nCHONGQING, March 12 (Reuters) - Plans.\n\nThe plant was completed in 2019. It sold cars "
     "in 2025. Hoshida said at a February 2026 briefing it would finish by the end of 2027.", 2026),
])
def test_the_year_an_article_is_about(text, year):
    assert infer_year(text) == year


@pytest.mark.parametrize("text, year", [
    ("标题\n\n记者 王明\n\n风光大省甘肃正在补链。\n\n3月18日，甘肃省发展和改革委员会印发《2026年省列重大项目名单》。"
     "2025年全省实现产值800亿元。2025年公司实现营业收入50亿元。", 2026),  # the fourth line is the lead's too
    ("Plant\n\nBy A Writer\n\nNANTONG, Sept 15 (Reuters) - It broke ground on Tuesday, the biggest such deal so far in 2026.\n\n"
     "Lines are due to start trial runs in the second half of 2027, and it will be fully operational in 2028.", 2026),
    ("项目\n\n记者\n\n沈建国告诉记者。\n\n该项目计划今年6月开工、2027年全面达产。早在2019年公司已建成一期。", 2019),
])
def test_targets_ahead_are_not_the_articles_year(text, year):
    assert infer_year(text) == year


def test_an_autonomous_regions_zi_is_no_since():
    text = ("广西开工\n\n人民网南宁3月19日电（记者 韦丽萍）3月18日，广西壮族自治区2025年第一季度重大项目集中开工活动举行。\n\n"
            "2024年，东兴口岸进出口货运量增长。一期项目已于2021年建成投用。")
    assert infer_year(text) == 2025
