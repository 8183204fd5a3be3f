"""The deterministic question planner: intents, typed filters, English and Chinese, clear errors."""

from __future__ import annotations

import pytest

from extractor.errors import QuestionError
from rag.planner import plan_question


def only_filter(question: str):
    plan = plan_question(question)
    assert len(plan.filters) == 1, plan.filters
    return plan, plan.filters[0]


@pytest.mark.parametrize("question", ["Which Jiangxi projects exceed 500 million yuan?", "江西省有哪些项目投资超过5亿元？"])
def test_exceed_is_strictly_greater_in_both_languages(question):
    plan, f = only_filter(question)
    assert plan.intent == "list"
    assert plan.lang == ("zh" if "江西" in question else "en")
    assert f.province == "Jiangxi"
    assert [(c.op, c.value, c.currency) for c in f.amounts] == [("gt", 5e8, "CNY")]


@pytest.mark.parametrize("question, op, value", [
    ("列出投资不低于10亿元的项目", "gte", 1e9),
    ("Which projects have a total investment of at least 500 million yuan?", "gte", 5e8),
    ("Which projects are worth less than 300 million yuan?", "lt", 3e8),
    ("Which projects cost no more than 2 billion yuan?", "lte", 2e9),
    ("How many projects are worth exactly 500 million yuan?", "eq", 5e8),
    ("Which projects are worth 5亿元以上?", "gte", 5e8),
])
def test_comparison_words(question, op, value):
    _, f = only_filter(question)
    assert [(c.op, c.value) for c in f.amounts] == [(op, value)]


def test_between_includes_both_ends_and_units_carry_over():
    _, f = only_filter("Which projects are between 1 and 2 billion yuan?")
    assert [(c.op, c.value) for c in f.amounts] == [("gte", 1e9), ("lte", 2e9)]
    _, f = only_filter("Which projects are between 1 and 2 billion yuan, exclusive?")
    assert [c.op for c in f.amounts] == ["gt", "lt"]


def test_dollar_thresholds_keep_their_currency():
    plan, f = only_filter("Which projects are over US$40 million?")
    assert [(c.op, c.value, c.currency) for c in f.amounts] == [("gt", 4e7, "USD")]
    plan, _ = only_filter("哪些项目的投资额以美元计？")
    assert plan.currency == "USD" and plan.intent == "list"


def test_count_with_month_and_status():
    plan, f = only_filter("How many projects were signed in March 2020?")
    assert plan.intent == "count"
    assert (f.status, f.date_from, f.date_to) == ("signed", "2020-03", "2020-03")


def test_date_between_two_days():
    _, f = only_filter("Which projects were signed between April 1 and April 10, 2021?")
    assert (f.date_from, f.date_to) == ("2021-04-01", "2021-04-10")
    _, f = only_filter("Which projects were approved before 2021?")
    assert (f.date_from, f.date_to, f.status) == (None, "2020", "approved")


def test_sum_of_a_province_and_chinese_sum():
    plan, f = only_filter("What is the total investment of Hunan projects?")
    assert plan.intent == "sum" and f.province == "Hunan"
    plan, f = only_filter("文中提到的赣州市各个具体项目合计投资多少？")
    assert plan.intent == "sum" and (f.province, f.city) == ("Jiangxi", "Ganzhou")


def test_list_opener_wins_over_total():
    plan, _ = only_filter("Which Jiangxi projects have a total investment of at least 500 million yuan?")
    assert plan.intent == "list"


def test_max_and_min():
    plan, f = only_filter("安徽省投资额最大的项目是哪个？")
    assert (plan.intent, plan.sort, plan.limit, f.province) == ("max", "amount_desc", 1, "Anhui")
    plan, _ = only_filter("Which Jiangxi project has the smallest investment?")
    assert (plan.intent, plan.sort) == ("min", "amount_asc")
    plan, _ = only_filter("Which projects have at least 1 billion yuan?")
    assert plan.intent == "list"  # "at least" is a bound, not "the least"


def test_lookup_names_the_project_and_the_role():
    plan = plan_question("Which company undertakes the Weifang smart parking project?")
    assert plan.intent == "lookup" and plan.asked == "organizations"
    assert plan.subject == "Weifang smart parking project" and plan.subject_kind == "project"
    assert plan.roles[0].value == "undertaker"
    assert plan.filters[0].is_empty()  # Weifang is part of the name, not a filter


def test_chinese_lookup_and_company_projects():
    plan = plan_question("稀土永磁电机产业园项目的投资方是哪家公司？")
    assert (plan.intent, plan.subject, plan.asked) == ("lookup", "稀土永磁电机产业园项目", "organizations")
    assert plan.roles[0].value == "investor"
    plan = plan_question("江油长钢特材有限公司承建的是什么项目？")
    assert plan.intent == "list" and plan.filters[0].organization == "江油长钢特材有限公司"
    assert plan.filters[0].district is None  # 江油 inside the company name is not a place filter


def test_amount_lookup_by_company_keeps_the_place():
    plan = plan_question("How much will Norvale Microsystems invest in Chongqing?")
    assert (plan.intent, plan.asked, plan.subject) == ("lookup", "amount", "Norvale Microsystems")
    assert plan.filters[0].province == "Chongqing"


def test_cities_carry_their_province_in_both_languages():
    for question in ("Which Harbin projects are there?", "哈尔滨有哪些项目？"):
        _, f = only_filter(question)
        assert (f.province, f.city) == ("Heilongjiang", "Harbin")


def test_ambiguous_city_is_both_unless_the_question_decides():
    plan = plan_question("Which projects are in Fuzhou?")
    assert {(f.province, f.city) for f in plan.filters} == {("Fujian", "Fuzhou"), ("Jiangxi", "Fuzhou")}
    assert plan.notes
    _, f = only_filter("Which projects are in Fuzhou, the capital of Fujian?")
    assert (f.province, f.city) == ("Fujian", "Fuzhou")
    _, f = only_filter("Which projects are in Fuzhou, Jiangxi?")
    assert (f.province, f.city) == ("Jiangxi", "Fuzhou")


def test_two_provinces_are_alternatives():
    plan = plan_question("Which Hunan and Jiangxi projects were listed?")
    assert {f.province for f in plan.filters} == {"Hunan", "Jiangxi"}
    assert all(f.status == "listed" for f in plan.filters)


def test_sector_words_match_english_or_chinese_records():
    plan = plan_question("Which blockchain projects were listed in 2020?")
    assert {f.sector for f in plan.filters} == {"blockchain", "区块链"}


@pytest.mark.parametrize("question", ["Which projects are in Atlantis?", "Which Atlantis Province projects are there?",
                                      "火星省有哪些项目？"])
def test_unknown_place_is_an_error(question):
    with pytest.raises(QuestionError, match="unknown place"):
        plan_question(question)


@pytest.mark.parametrize("question", ["Which projects exceed 5x00 million yuan?", "Which projects exceed lots of yuan?"])
def test_unreadable_amount_is_an_error(question):
    with pytest.raises(QuestionError, match="cannot read the amount"):
        plan_question(question)


def test_capitalised_words_are_not_all_places():
    plan = plan_question("Which projects does China Aerospace Construction Group undertake?")
    assert plan.filters[0].organization == "China Aerospace Construction Group"
    assert plan.filters[0].province is None
    plan = plan_question("Who signed the agreement for the Chain + New Technology Cluster?")
    assert plan.subject == "Chain + New Technology Cluster" and plan.asked == "organizations"


def test_descriptive_words_are_conditions_not_names():
    plan = plan_question("Which New Energy projects are there?")
    assert plan.subject is None and {f.sector for f in plan.filters} == {"new energy", "新能源"}
    plan = plan_question("Which projects were approved in 2023 in Wuning County?")
    assert plan.filters[0].district == "Wuning" and plan.filters[0].status == "approved"


def test_a_leading_chinese_name_is_searched_for():
    plan = plan_question("华为有哪些项目？")
    assert (plan.intent, plan.filters[0].text, plan.subject_kind) == ("list", "华为", "any")
    plan = plan_question("深圳磁源有哪些项目？")
    assert plan.filters[0].text == "深圳磁源" and plan.filters[0].city is None


def test_top_n_and_how_much_in_a_place():
    plan = plan_question("What are the smallest three projects in Jiangxi?")
    assert (plan.intent, plan.limit) == ("min", 3)
    plan = plan_question("How much was invested in Hefei?")
    assert plan.intent == "sum" and plan.filters[0].city == "Hefei"


def test_open_questions():
    assert plan_question("Who will the Linchuan Pharmaceutical Logistics Park serve?").intent == "open"
    assert plan_question("冰雪装备智能制造产业园项目主要生产什么？").intent == "open"


def test_empty_question():
    with pytest.raises(QuestionError):
        plan_question("   ")


def test_summary_is_readable():
    summary = plan_question("Which Jiangxi projects exceed 500 million yuan?").summary()
    assert summary == "list · province Jiangxi, amount > 500,000,000 CNY · sorted by amount desc"
