"""Name and organisation edges: a company glued to its project's name, clauses and collectives that end
in 项目, "/" between numbers with units, a site after "at", and 联合 inside a company's name."""

import random
import re

from extractor.engines.rules import names
from extractor.engines.rules.names import find_names
from extractor.engines.rules.orgs import find_orgs


def _names(text, zh=True):
    return [n.text for n in find_names(text, 0, zh)]


def _orgs(text):
    return [o.text for o in find_orgs(text, True)]


# 1. A company's name glued to its project's name: the project's name starts after the legal suffix.
def test_project_name_starts_after_a_glued_company_name():
    text = "清单显示，四川蜀能新材料股份有限公司年产3万吨磷酸铁锂项目已于三月开工。"
    assert _names(text) == ["年产3万吨磷酸铁锂项目"]
    assert _orgs(text) == ["四川蜀能新材料股份有限公司"]
    text = "坐落在酒泉市的甘肃河西风能集团戈壁风光储一体化示范项目进展顺利。"
    assert _names(text) == ["戈壁风光储一体化示范项目"]
    assert "甘肃河西风能集团" in _orgs(text)


def test_a_company_name_stays_when_too_little_name_is_left_after_it():
    # "总部项目" alone names nothing: the company is part of the name.
    assert _names("江苏华信集团总部项目昨日开工。") == ["江苏华信集团总部项目"]


# 2. A clause or a collective that ends in 项目 is no name.
def test_clause_verbs_cut_the_name():
    assert _names("省里已安排专项资金支持洛川县苹果冷链仓储项目尽快落地。") == ["洛川县苹果冷链仓储项目"]
    assert _names("会议要求加快宁东基地煤制烯烃项目建设。") == ["宁东基地煤制烯烃项目"]


def test_collectives_of_places_fields_and_kinds_are_no_names():
    for text in ("去年共下达资金扶持东北地区项目超过300亿元。",
                 "全省统筹推动交通领域项目和水利行业项目。",
                 "当地已梳理出新能源类项目清单之外的其他项目。"):
        assert _names(text) == [], text


def test_shared_storage_is_a_word_of_names():
    text = "项目名称：酒泉市肃州区50兆瓦/200兆瓦时共享储能项目"
    assert _names(text) == ["酒泉市肃州区50兆瓦/200兆瓦时共享储能项目"]


# 3. "/" between numbers with units belongs to the name.
def test_slash_between_numbers_with_units_stays_in_the_name():
    text = "会上通报，武威市凉州区200兆瓦/800兆瓦时电网侧储能电站项目已完成备案。"
    assert _names(text) == ["武威市凉州区200兆瓦/800兆瓦时电网侧储能电站项目"]


def test_slash_before_other_characters_still_ends_the_run():
    assert _names("材料/宁德市锂电池回收利用项目") == ["宁德市锂电池回收利用项目"]


def test_unquoted_spans_with_slashes_are_the_matches_of_the_regex():
    rng = random.Random(11)
    pieces = ["兆瓦", "/", "100", "4", "储能", "电站", "项目", "工程", "A", "个", "，", "的"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 20)))
        expected = [(m.start(), m.end()) for m in names._ZH_UNQUOTED.finditer(text)]
        assert list(names._zh_unquoted_spans(text)) == expected, text


# 4. A site after "at"/"in" right after a project's name is where the project is.
def test_site_after_a_project_name_is_its_location():
    text = ("The province cleared the 900 million yuan North Apron Upgrade at Lanzhou Zhongchuan Airport, "
            "which Gansu Civil Aviation Investment Co., Ltd. will build.")
    assert "Lanzhou Zhongchuan Airport" not in _names(text, zh=False)
    assert "North Apron Upgrade" in _names(text, zh=False)
    text = "Haitong will spend 3 billion yuan on the Harbour Solar Plant in the Dongshan Port."
    assert _names(text, zh=False) == ["Harbour Solar Plant"]


def test_a_site_not_after_a_project_name_stays():
    text = "Haitong will invest 3 billion yuan to expand Dongshan Port."
    assert _names(text, zh=False) == ["Dongshan Port"]
    text = "The Qingdao Cold Chain Hub and Jiaozhou Airport were both listed."
    assert "Jiaozhou Airport" in _names(text, zh=False)


# 5. 联合 inside a company's name ("united") is not the verb "together with".
def test_united_inside_a_company_name():
    assert _orgs("马来西亚金狮联合钢铁集团有限公司将在钦州投资。") == ["马来西亚金狮联合钢铁集团有限公司"]
    assert _orgs("此次由越南金星联合食品有限公司承建。") == ["越南金星联合食品有限公司"]


def test_united_as_a_verb_before_a_partner_still_cuts():
    assert _orgs("华信公司联合江苏恒远物流有限公司投资。") == ["华信公司", "江苏恒远物流有限公司"]
    assert _orgs("联合四川蜀道投资集团有限公司共同出资。") == ["四川蜀道投资集团有限公司"]


def test_last_cut_word_search_with_lookahead_words():
    plain = re.compile(rf".*(?:{names._ZH_CUT_WORDS})")
    rng = random.Random(5)
    pieces = ["共", "享", "共享", "安排", "支持", "储能", "项目", "A"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        fast, slow = names._ZH_UNQUOTED_CUT.match(text), plain.match(text)
        assert (fast.end() if fast else None) == (slow.end() if slow else None), text


def test_ji_joins_two_activities_of_one_name_but_not_two_kinds():
    from extractor.engines.rules.names import find_names
    assert [n.text for n in find_names("双方签订了枸杞精深加工及冷链仓储项目合作协议", 0, True)] == ["枸杞精深加工及冷链仓储项目"]
    assert [n.text for n in find_names("重点推进交通及水利项目", 0, True)] == []
