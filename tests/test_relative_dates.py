"""Dates counted from a dateline: weekdays, "yesterday", "last month", 近日, 上周三."""

from __future__ import annotations

import pytest

from extractor.engines.rules import RulesEngine
from extractor.normalize.relative_dates import dated_from_dateline
from extractor.ingest import document_from_bytes
from extractor.normalize.dates import find_dates
from tests.rules_helpers import projects_in


def _dated(text: str) -> dict[str, str]:
    return {d.text: d.iso for d in dated_from_dateline(text, find_dates(text))}


# 18 March 2026 was a Wednesday.
_EN = "WUHAN, March 18, 2026 (Xinhua) -- "
_ZH = "本报武汉2026年3月18日电 "


@pytest.mark.parametrize("phrase, iso", [
    ("on Monday", "2026-03-16"),
    ("on Wednesday", "2026-03-18"),
    ("last Wednesday", "2026-03-11"),
    ("said Tuesday", "2026-03-17"),
    ("yesterday", "2026-03-17"),
    ("recently", "2026-03"),
    ("earlier this month", "2026-03"),
    ("late last month", "2026-02"),
    ("earlier this year", "2026"),
])
def test_english_words_counted_from_the_dateline(phrase, iso):
    text = _EN + f"The province signed the deal {phrase}."
    found = _dated(text)
    assert iso in found.values(), found


@pytest.mark.parametrize("phrase, iso", [
    ("近日", "2026-03"),
    ("日前", "2026-03"),
    ("昨天", "2026-03-17"),
    ("上月", "2026-02"),
    ("上周三", "2026-03-11"),
    ("周一", "2026-03-16"),
])
def test_chinese_words_counted_from_the_dateline(phrase, iso):
    text = _ZH + f"{phrase}，湖北省签约了一批项目。"
    assert iso in _dated(text).values()


def test_a_weekday_before_its_own_date_is_not_read_twice():
    assert "Monday" not in _dated(_EN + "The deal was signed on Monday, March 16.")


def test_without_a_dated_dateline_nothing_is_counted():
    assert _dated("Hubei signed the deal yesterday, officials said on Monday. 近日，湖北省签约。") == {}


def test_a_recent_approval_takes_the_datelines_month():
    text = ("2025年宜昌项目核准\n\n"
            "本报宜昌2025年11月20日电 近日，湖北省发展改革委核准了宜昌市猇亭区长江物流港二期工程。"
            "该工程总投资约9.8亿元，由宜昌港务集团有限公司负责建设。")
    doc = document_from_bytes(text.encode("utf-8"), source="t.txt")
    [p] = RulesEngine().extract(doc, []).projects
    assert (p.date, p.status.value) == ("2025-11", "approved")


def _llm_answer(text: str, name: str, date: str, date_quote: str):
    from extractor.types import Evidence, Project

    def ev(field: str, quote: str) -> Evidence:
        start = text.index(quote)
        return Evidence(field=field, doc_id="", start=start, end=start + len(quote), quote=quote)
    return Project(name=name, date=date, evidence=[ev("name", name), ev("date", date_quote)])


_WIRE = ("Lanzhou deals\n\nLANZHOU, Nov. 20, 2026 (Xinhua) -- Gansu signed the Hexi Grid Storage Project "
         "on Tuesday, officials said.")


def test_grounding_counts_a_relative_date_from_the_dateline_and_cites_it():
    from extractor.grounding import ground_project

    doc = document_from_bytes(_WIRE.encode("utf-8"), source="t.txt")
    grounded, problems = ground_project(_llm_answer(doc.text, "Hexi Grid Storage Project", "2026-11-17",
                                                    "on Tuesday"), doc)
    assert grounded.date == "2026-11-17" and not problems
    assert {e.quote for e in grounded.evidence if e.field == "date"} == {"on Tuesday", "Nov. 20, 2026"}


def test_grounding_corrects_a_wrong_relative_date():
    from extractor.grounding import ground_project

    doc = document_from_bytes(_WIRE.encode("utf-8"), source="t.txt")
    grounded, problems = ground_project(_llm_answer(doc.text, "Hexi Grid Storage Project", "2026-11-20",
                                                    "on Tuesday"), doc)
    assert grounded.date == "2026-11-17" and any(p.startswith("date:") for p in problems)


def test_the_rules_engine_cites_the_dateline_of_a_relative_date():
    doc = document_from_bytes(_WIRE.encode("utf-8"), source="t.txt")
    [p] = RulesEngine().extract(doc, []).projects
    assert p.date == "2026-11-17"
    assert [e.quote for e in p.evidence if e.field == "date"] == ["on Tuesday", "Nov. 20, 2026"]


@pytest.mark.parametrize("head", [
    "Coastal Daily | Fujian | Monday, June 9, 2025\n\n",
    "发布时间：2025年6月9日 星期一\n\n",
    "By Global Times\nPublished: Jun 9, 2025 09:42 PM\n\n",
    "东昌府区融媒体中心  2025年6月9日 08:30  山东\n\n",  # a social post: the poster's province last
])
def test_a_masthead_date_on_its_own_line_dates_the_report(head):
    text = "Title line\n\n" + head + "The city signed the deal on Thursday. 上周三签约。"
    assert set(_dated(text).values()) == {"2025-06-05", "2025-06-04"}


def test_a_sentence_ending_with_a_date_is_no_dateline():
    text = ("Title line\n\nThe province approved its list of key projects for the year on June 9, 2025.\n\n"
            "It signed the deal on Thursday.")
    assert _dated(text) == {}


def test_a_dateline_closed_by_a_spaced_hyphen():
    text = "Title\n\nNANCHANG, China, Nov. 7, 2025 - Jiangxi signed the deal on Wednesday."
    assert _dated(text) == {"on Wednesday": "2025-11-05"}


def test_a_day_alone_and_this_week_are_counted_from_the_dateline():
    text = "新华网兰州2026年2月26日电 省政府25日召开常务会议。上周三签约，本周开工，3日内完成。"
    found = _dated(text)
    assert found["25日"] == "2026-02-25" and found["周三"] == "2026-02-18" and found["本周"] == "2026-02"
    assert "3日" not in found


def test_a_masthead_date_before_a_bar_dates_the_column():
    text = "Title\n\nFriday, October 24, 2025 | Projects Weekly, our round-up of the week\n\nIt signed on Wednesday."
    assert _dated(text)["on Wednesday"] == "2025-10-22"


def test_a_day_of_this_or_last_month():
    found = _dated("本报宝鸡2025年10月28日电 本月15日核准；上月20日备案。")
    assert found["15日"] == "2025-10-15" and found["20日"] == "2025-09-20"


def test_a_byline_date_with_its_time_dates_the_report():
    text = "Title\n\nBy Ma Lan in Yinchuan | China Daily | Updated: 2026-02-25 09:12\n\nThe list was released on Monday."
    assert _dated(text)["on Monday"] == "2026-02-23"


def test_a_papers_date_in_the_bracket_after_xun_dates_the_report_not_the_event():
    text = ("湖南开工\n\n湖南日报讯（2026年9月4日 记者 李平）9月3日上午，岳阳市重大项目集中开工。\n\n"
            "岳阳市临湘市滨江新材料产业园项目由临湘市城发集团有限公司投资建设，总投资9.6亿元。")
    [p] = projects_in(text).values()
    assert p.date == "2026-09-03"


def test_a_sentence_ending_with_a_date_and_a_province_is_no_dateline():
    text = "Title line\n\n他说，2025年6月9日我们已在山东\n\n上周三签约。"
    assert _dated(text) == {}
