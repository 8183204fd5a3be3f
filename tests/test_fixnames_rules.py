"""Names and organisations: headings, speech, sums, landmarks, place-based prefixes, defined short
names (sentences written for these tests)."""

import pytest

from extractor.engines.rules.aliases import AliasBook, aliases_of
from extractor.engines.rules.names import find_names
from extractor.engines.rules.orgs import find_orgs
from tests.rules_helpers import projects_in


def names(text, zh=False):
    return [n.text for n in find_names(text, 0, zh)]


def test_resort_school_hotel_are_weak_heads():
    found = find_names("Work began on the Yabuli Forest Ski Resort and a new Nanhu Experimental School.")
    assert [(n.text, n.weak) for n in found] == [("Yabuli Forest Ski Resort", True),
                                                  ("Nanhu Experimental School", True)]


def test_bold_line_is_a_heading_not_a_name():
    text = "Intro.\n\n**Solar glass line on the Xiang River**\n\nThe county approved it.\n"
    assert names(text) == []
    assert names("## **Wind turbine base in the north**:\n\nText.") == []


def test_bold_inside_a_sentence_or_list_item_still_counts():
    assert names("The county will build the **Xiangtan Solar Glass Base** next year.") == [
        "Xiangtan Solar Glass Base"]
    assert names("- **Lishui Hydrogen Refuelling Station** (Zhejiang) - undertaken by X.") == [
        "Lishui Hydrogen Refuelling Station"]


def test_bold_heading_with_a_head_word_is_read_as_plain_text():
    assert names("**Kaili Data Centre Project**\n\nThe project will cost 2 billion yuan.") == [
        "Kaili Data Centre Project"]


def test_quoted_speech_is_not_a_name():
    text = ('"Wuxi is where our Logistics Park began, and we will grow here," said the chairman.')
    assert "Wuxi is where our Logistics Park began, and we will grow here" not in names(text)
    assert names('"This Data Centre will change the county," she said.') == []
    assert names('"Green port, clean air, Smart Terminal!" the mayor said.') == []


def test_quoted_titles_still_count():
    assert names('the county signed the "Jiulong Lake Smart Logistics Park" with investors') == [
        "Jiulong Lake Smart Logistics Park"]
    assert names("签约“新余锂电新材料产业园项目”等项目", zh=True) == ["新余锂电新材料产业园项目"]
    assert names('work on the "Can Tho River Bridge" starts') == ["Can Tho River Bridge"]


def test_name_never_opens_with_a_sum():
    text = "Nordwerk AG will put EUR 300 million into the project, and RMB 2 billion more in the project."
    assert names(text) == []
    assert names("Investors committed 5 billion yuan to the project.") == []


def test_landmark_after_a_location_cue_is_not_a_name():
    assert names("The site is a short drive from Jinjiang International Airport.") == []
    assert names("The depot lies near the Xiamen Gaoqi Railway Station and the sea.") == []
    assert names("It is close to the Minjiang Estuary Wetland Park, ten minutes from Fuqing West Station.") == []
    assert names("The plant is adjacent to the Qingkou Automobile Industrial Park.") == []


def test_landmark_without_a_cue_still_counts():
    assert names("The province will build the Putian Coastal Railway Station by 2026.") == [
        "Putian Coastal Railway Station"]


def test_chinese_location_cue_before_a_quoted_title():
    assert names("项目毗邻“长乐国际机场综合体”，交通便利。", zh=True) == []


def test_place_based_prefix_is_not_part_of_the_company_name():
    orgs = find_orgs("It is funded by Hong Kong-based Aldermoor Logistics Holdings Ltd. and Tokyo-headquartered "
                     "Kirisame Robotics Co., Ltd.", False)
    assert [o.text for o in orgs] == ["Aldermoor Logistics Holdings Ltd.", "Kirisame Robotics Co., Ltd."]
    assert [o.text for o in find_orgs("a Zhejiang-based Group said", False)] == ["Zhejiang-based Group"]


def test_partner_short_name_before_and_is_not_part_of_the_company_name():
    orgs = find_orgs("Qiaolan and Guangxi Beibu Gulf Port Group Co., Ltd. signed", False)
    assert [o.text for o in orgs] == ["Guangxi Beibu Gulf Port Group Co., Ltd."]
    assert [o.text for o in find_orgs("Guangdong and Hong Kong Trading Co., Ltd. said", False)] == [
        "Guangdong and Hong Kong Trading Co., Ltd."]
    assert [o.text for o in find_orgs("Harbin Electric and Machinery Co., Ltd. said", False)] == [
        "Harbin Electric and Machinery Co., Ltd."]


def test_short_names_defined_in_parentheses_become_aliases():
    text = 'Fujian Qiaolan Marine Technology Co., Ltd. ("Qiaolan" or "the Company") signed. Later, the Company said'
    org = find_orgs(text, False)[0]
    assert org.short_names == ("Qiaolan", "the Company")
    assert aliases_of(org)[:2] == ["Qiaolan", "the Company"]
    book = AliasBook()
    book.add(org)
    assert book.find("Last year the Company built a plant") == org


def test_chinese_short_name_defined_in_parentheses():
    org = find_orgs("江西赣锋新材料有限公司（以下简称“赣新”）与县政府签约", True)[0]
    assert org.text == "江西赣锋新材料有限公司" and org.short_names == ("赣新",)
    book = AliasBook()
    book.add(org)
    assert book.find("赣新计划投资10亿元") == org


def test_parenthesis_without_quotes_defines_nothing():
    org = find_orgs("Gansu Longhua Energy Co., Ltd. (Gansu) will build it", False)[0]
    assert org.short_names == ()


def test_capitalised_scale_words_may_be_part_of_a_title():
    assert names("The Gulei 10 Million Tonne Refinery Project began.") == ["Gulei 10 Million Tonne Refinery Project"]


@pytest.mark.parametrize("text, name", [
    ("上饶市信州区的光伏组件建设项目，由上饶晶科有限公司承建，总投资9亿元。", "光伏组件建设项目"),
    # a school that opens the name is part of it, not an organisation of its own
    ("上饶市信州区的上饶职业技术学院新校区建设项目，由上饶市城投集团有限公司代建，总投资超过9亿元。",
     "上饶职业技术学院新校区建设项目"),
])
def test_a_name_ending_in_jianshe_xiangmu_is_whole(text, name):
    [p] = projects_in("2026年上饶重点项目\n\n2026年2月26日，江西省发布重点项目名单。" + text).values()
    assert p.name == name and p.amount.value == 9e8


def test_a_name_that_is_only_investment_and_building_names_nothing():
    assert names("重点建设项目和投资建设项目进展顺利。", zh=True) == []


@pytest.mark.parametrize("text", [
    "Only one large project appears on both lists.",
    "Lin Bo, director of the China Center for Energy Economics Research at Xiamen University, said so.",
    'The county head said Lujiang would "treat every signed project as a key project" this year.',
    "The plant will be built by Changzhou Xinmo Materials Co., Ltd. from Jiangsu in Baishan Town.",
    "常州恒锂将在当地设立项目公司，负责项目的具体建设与运营。",
])
def test_no_name_in_a_quantifier_an_institute_a_quoted_clause_an_origin_or_a_project_company(text):
    assert names(text, zh=not text.isascii()) == []


def test_a_park_a_company_builds_in_is_where_the_named_project_is():
    text = ("The bigger of the two is the Qingyang Intelligent Computing Centre (Phase II), which Tianlian "
            "Telecom Group will build in the Qingyang Western Computing Industrial Park.")
    assert names(text) == ["Qingyang Intelligent Computing Centre (Phase II)"]


def test_a_gigafactory_and_a_fab_are_projects():
    assert names("Voltcore will build the Xinhui Sodium-ion Battery Gigafactory and the Jiangmen Power Chip Fab.") == [
        "Xinhui Sodium-ion Battery Gigafactory", "Jiangmen Power Chip Fab"]


@pytest.mark.parametrize("text, expected", [
    ("11月18日，国家发展改革委正式批复新建桂林至贺州城际铁路可行性研究报告。", ["桂林至贺州城际铁路"]),
    ("隰县至吉县高速公路全长98.6公里，总投资约112亿元。", ["隰县至吉县高速公路"]),
    ("荆州至潜江高速公路项目总投资80亿元。", ["荆州至潜江高速公路项目"]),
    ("共审批核准固定资产投资项目96个，其中等3个重大基础设施项目总投资约647亿元。", []),
])
def test_routes_named_by_their_ends_and_no_names_of_kinds(text, expected):
    assert names(text, zh=True) == expected


def test_a_described_project_after_an_opening_phrase_is_named_and_an_apposition_is_not():
    text = ("In Suining, a city that brands itself a battery hub, a lithium battery recycling plant will be built by "
            "Zhejiang Qiantang Co., Ltd. at a cost of 1.2 billion yuan. The Maoyan River Reservoir, a flood control "
            "and water supply project, will cost 12 billion yuan. Officials will track it through a \"one project, "
            "one team\" mechanism.")
    assert names(text) == ["lithium battery recycling plant", "Maoyan River Reservoir"]


@pytest.mark.parametrize("text, expected", [
    ("Among the largest items is the Aksu-Kuqa intercity railway, a 268-km line.", ["Aksu-Kuqa intercity railway"]),
    ("It approved the Ruoqiang-Minfeng 750-kilovolt transmission line.", ["Ruoqiang-Minfeng 750-kilovolt transmission line"]),
    ("It sits on a plot beside the Wuhai-Maqin expressway.", []),  # where something is, not what is built
])
def test_english_routes_named_by_their_ends(text, expected):
    assert names(text) == expected


def test_short_quoted_slogans_name_nothing_and_a_fab_of_its_company_is_named():
    assert names("王书记强调，招商引资是“一把手工程”，要把签约项目当作“自己的项目”来推进。", zh=True) == []
    text = ("In Huangpu District, the 12-inch Analog and Power Chip Fab of Canton Silicon Semiconductor Co., Ltd. "
            "is the largest project.")
    assert names(text) == ["12-inch Analog and Power Chip Fab"]
    assert [o.text for o in find_orgs(text, False)] == ["Canton Silicon Semiconductor Co., Ltd."]


def test_slogans_and_kinds_of_projects_in_quotes_name_nothing():
    assert names("上半年，湖北坚持以项目为王，推进建设。", zh=True) == []
    assert names("新型建材产业园等3个项目首次以“市级重点建设项目”身份列入计划。", zh=True) == []
