"""Events and roles the linker reads across sentences: datelines, look-backs, "该公司…建设"."""

from __future__ import annotations

import pytest

from extractor.engines.rules import RulesEngine
from extractor.engines.rules.names import find_names
from extractor.engines.rules.orgs import find_orgs
from extractor.ingest import document_from_bytes


def _projects(text: str) -> dict:
    doc = document_from_bytes(text.encode("utf-8"), source="t.txt")
    return {p.name: p for p in RulesEngine().extract(doc, []).projects}


def test_a_wire_datelines_date_yields_to_the_events_own_date():
    text = ("2024年湖北签约一批项目\n\n"
            "本报武汉6月12日电 6月10日，湖北省在武汉举行重大项目集中签约仪式。"
            "其中“光谷智能传感器产业园项目”总投资12亿元，由武汉楚芯科技有限公司承建。")
    [p] = _projects(text).values()
    assert (p.date, p.status.value) == ("2024-06-10", "signed")


def test_a_look_back_at_last_year_opens_no_new_event():
    text = ("2024 provincial key projects\n\n"
            "On February 5, 2024, the Hubei Provincial Development and Reform Commission released the 2024 list "
            "of provincial key projects. In 2023, the provincial key projects completed an investment of "
            "500 billion yuan. The Xianning Tea Logistics Park Project, with an investment of 2 billion yuan, "
            "is undertaken by Xianning Tea Group Co., Ltd.")
    p = _projects(text)["Xianning Tea Logistics Park Project"]
    assert p.date == "2024-02-05"
    assert "Hubei Provincial Development and Reform Commission" in {o.name for o in p.organizations}


def test_the_company_with_an_adverb_before_the_verb_undertakes_the_next_project():
    text = ("项目签约\n\n"
            "2024年4月2日，宜昌市政府与湖北长帆新材料有限公司签订投资协议。"
            "该公司将投资建设“长帆高性能纤维项目”，总投资8亿元。")
    p = _projects(text)["长帆高性能纤维项目"]
    assert {(o.name, o.role.value) for o in p.organizations} >= {("湖北长帆新材料有限公司", "undertaker")}


def test_companies_pair_with_projects_respectively_and_the_host_signs_each():
    text = ("2024年江门签约\n\n"
            "2024年3月8日，江门市蓬江区人民政府分别与广东海川新能源有限公司、江门远航电子有限公司签约"
            "“海川储能系统项目”和“远航车载电子项目”，投资额分别为15亿元、4亿元。")
    got = {name: {(o.name, o.role.value) for o in p.organizations} for name, p in _projects(text).items()}
    host = ("江门市蓬江区人民政府", "signer")
    assert got["海川储能系统项目"] == {host, ("广东海川新能源有限公司", "signer")}
    assert got["远航车载电子项目"] == {host, ("江门远航电子有限公司", "signer")}


def test_a_capitalised_founded_in_year_is_not_a_project_date():
    text = ("Wuxi chip plant\n\n"
            "Founded in 2015, Wuxi Lanxin Semiconductor Co., Ltd. will build the Lanxin Wafer Packaging Plant "
            "in Wuxi, Jiangsu, with an investment of 3 billion yuan.")
    p = _projects(text)["Lanxin Wafer Packaging Plant"]
    assert p.date is None


def test_a_plant_already_in_production_is_not_a_project_but_a_new_one_is():
    text = ("Nantong battery deal\n\n"
            "On June 3, 2024, Nantong Huaneng Battery Co., Ltd. signed an agreement to build the Huaneng Cell "
            "Assembly Project in Nantong, Jiangsu, with an investment of 2 billion yuan. The company's first "
            "factory, the Rugao Battery Pack Plant, has been in production since 2019.")
    names = set(_projects(text))
    assert "Huaneng Cell Assembly Project" in names
    assert "Rugao Battery Pack Plant" not in names


def test_a_weekday_in_a_wire_report_counts_back_from_the_dateline():
    text = ("Hubei signs chip deals\n\n"
            "WUHAN, June 12 (Xinhua) -- Hubei province signed 20 projects on Monday. In 2024, the province "
            "plans to sign 300 such projects. Among the 20, the Optics Valley Sensor Industrial Park Project in Wuhan, "
            "worth 1.2 billion yuan, will be built by Wuhan Chuxin Technology Co., Ltd.")
    p = _projects(text)["Optics Valley Sensor Industrial Park Project"]
    assert (p.date, p.status.value) == ("2024-06-10", "signed")  # 12 June 2024 was a Wednesday


def test_the_project_referred_to_with_its_sum_takes_the_sum_and_the_builder():
    text = ("Hefei list\n\n"
            "On March 4, 2024, Anhui published its 2024 list of key projects, which includes the Hefei Solid-State "
            "Battery Base. The 2.5-billion-yuan base is being built by Hefei Gaoneng Battery Co., Ltd.")
    p = _projects(text)["Hefei Solid-State Battery Base"]
    assert p.amount is not None and p.amount.value == 2.5e9
    assert ("Hefei Gaoneng Battery Co., Ltd.", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_in_the_first_months_is_no_reference_to_the_first_project():
    text = ("Two deals\n\n"
            "On May 7, 2024, Nanning signed two projects. They are the Wuxiang Data Center Project and the "
            "Liangqing Cold Storage Project, worth 3 billion yuan and 800 million yuan, respectively. Retail sales "
            "rose 5 percent in the first four months of 2024, officials said.")
    got = _projects(text)
    assert got["Wuxiang Data Center Project"].date == "2024-05-07"


def test_a_role_word_before_a_company_from_somewhere_still_counts():
    text = ("Suzhou signing\n\n"
            "On July 1, 2024, Suzhou signed the Xiangcheng Laser Optics Project, worth 900 million yuan. "
            "The project will be funded by Munich-based Lichtwerk Optik GmbH.")
    p = _projects(text)["Xiangcheng Laser Optics Project"]
    assert ("Lichtwerk Optik GmbH", "investor") in {(o.name, o.role.value) for o in p.organizations}


def test_a_project_built_by_the_company_named_before_it_in_chinese():
    text = ("2024年名单\n\n"
            "2024年2月1日，湖南省发展和改革委员会公布2024年省重点建设项目名单。株洲精工轴承有限公司成立于2010年。"
            "此次入选的“株洲精密轴承产业园项目”由该公司继续投资建设，总投资6亿元。")
    p = _projects(text)["株洲精密轴承产业园项目"]
    assert ("株洲精工轴承有限公司", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_the_resort_and_the_hospital_refer_back_to_the_project():
    text = ("Yunnan list\n\n"
            "On March 2, 2024, Yunnan published its 2024 list of key projects. It includes the Lijiang Snow "
            "Mountain Resort in Lijiang. The resort will cost 1.6 billion yuan.")
    p = _projects(text)["Lijiang Snow Mountain Resort"]
    assert p.amount is not None and p.amount.value == 1.6e9


def test_a_company_name_does_not_reach_back_into_the_previous_sentence():
    text = ("Harbin list\n\n"
            "On April 2, 2024, Heilongjiang published its 2024 list of key projects. The largest tourism project "
            "is the Songhua River Ice Resort in Harbin. Heilongjiang Bingxue Tourism Group Co., Ltd., which is "
            "building the resort, said it would cost 900 million yuan.")
    p = _projects(text)["Songhua River Ice Resort"]
    assert {(o.name, o.role.value) for o in p.organizations} == {
        ("Heilongjiang Bingxue Tourism Group Co., Ltd.", "undertaker")}


@pytest.mark.parametrize("text, name", [
    ("It was approved in Harbin. Songbei Ice Festival Center Project will cost 1 billion yuan.",
     "Songbei Ice Festival Center Project"),
    ("Work began in 2023. Daqing Hydrogen Base will cost 2 billion yuan.", "Daqing Hydrogen Base"),
    ("Chengdu approved the Metro Line No. 3 Extension Project, worth 9 billion yuan.",
     "Metro Line No. 3 Extension Project"),
])
def test_a_project_name_does_not_reach_back_into_the_previous_sentence(text, name):
    assert name in {n.text for n in find_names(text, 0, False)}


@pytest.mark.parametrize("sentence, value", [
    ("其中，南岸区智慧物流园项目今年二季度被列入重庆市重点项目名单，由重庆顺捷物流有限公司投资建设，总投资6.2亿元。", 6.2e8),
    ("合川区钠电池材料项目日前获重庆市发展改革委核准，由重庆钠源科技有限公司建设，总投资为9亿元。", 9e8),
    ("江北区冷链配送中心项目已纳入该区2025年项目建设计划，计划投资3000万元，由重庆冷运有限公司实施。", 3e7),
])
def test_a_chinese_name_takes_its_sum_across_who_builds_approves_or_lists_it(sentence, value):
    [p] = _projects("2025年重庆项目\n\n2025年11月3日消息。" + sentence).values()
    assert p.amount is not None and p.amount.value == value


def test_berths_counted_before_a_sum_are_not_a_count_of_projects_and_a_finished_plant_has_no_sum():
    text = ("2025年宜宾港\n\n"
            "2025年9月2日，四川省发展改革委核准了宜宾港横江作业区三期工程，新建泊位6个，总投资约9.8亿元。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 9.8e8
    text = ("Dongguan deal\n\n"
            "On May 9, 2025, Hengrui Power Co., Ltd. signed to build the Hengrui Battery Pilot Line Project in "
            "Dongguan. Hengrui's Foshan cell plant, completed in 2021 at a cost of 1.2 billion yuan, supplies carmakers.")
    [p] = _projects(text).values()
    assert p.amount is None


def test_the_works_referred_to_as_gai_gongcheng_take_the_sum_and_the_project_unit():
    text = ("2025年泸州港\n\n"
            "2025年8月6日，四川省发展改革委核准了泸州港龙溪作业区二期工程。该工程新建泊位3个，总投资约7.5亿元，"
            "项目单位为泸州港航集团有限公司。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 7.5e8
    assert ("泸州港航集团有限公司", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_a_dash_dateline_and_a_capitalised_weekday():
    text = ("Xiamen deals\n\n"
            "XIAMEN, Sept. 10, 2025 -- Xiamen hosted its annual trade fair this week.\n\n"
            "On Monday, Xiamen Haiyun Shipping Co., Ltd. signed an agreement to build the Haicang Cold Chain Hub "
            "Project in Xiamen, worth 1.5 billion yuan.")
    p = _projects(text)["Haicang Cold Chain Hub Project"]
    assert (p.date, p.status.value) == ("2025-09-08", "signed")  # 10 September 2025 was a Wednesday


@pytest.mark.parametrize("text, name", [
    ("该项目由华为技术有限公司建设。", "华为技术有限公司"),
    ("市政府与以岭药业股份有限公司签约。", "以岭药业股份有限公司"),
    ("由重庆云桥数据科技有限公司建设。", "重庆云桥数据科技有限公司"),
    ("区政府与东方在线科技有限公司签约。", "东方在线科技有限公司"),
    ("由市政府与宜宾港务集团有限公司共同建设。", "宜宾港务集团有限公司"),
])
def test_a_chinese_company_keeps_a_brand_that_contains_a_preposition(text, name):
    assert name in {o.text for o in find_orgs(text, True)}


def test_a_lower_case_city_government_signs_and_a_future_signing_links_no_one():
    text = ("Zhuhai deal\n\n"
            "On June 4, 2025, Gree Marine Co., Ltd. signed an agreement with the Zhuhai municipal government to "
            "build the Gaolan Yacht Base Project in Zhuhai, worth 2 billion yuan. The company expects to sign "
            "a further agreement with the Jiangmen city government next year.")
    p = _projects(text)["Gaolan Yacht Base Project"]
    orgs = {(o.name, o.role.value) for o in p.organizations}
    assert ("Zhuhai municipal government", "signer") in orgs
    assert not any("Jiangmen" in name for name, _ in orgs)


def test_a_company_of_somewhere_that_will_put_money_in_is_an_investor():
    text = ("Foshan deal\n\n"
            "On June 4, 2025, Foshan signed a deal. Orchid Home Pte. Ltd. of Singapore will put US$200 million into "
            "the Nanhai Smart Furniture Base in Foshan. The Singaporean firm is funding the base.")
    p = _projects(text)["Nanhai Smart Furniture Base"]
    assert ("Orchid Home Pte. Ltd.", "investor") in {(o.name, o.role.value) for o in p.organizations}


@pytest.mark.parametrize("text, name", [
    ("，无为市人民政府与江苏恒导科技有限公司签约。", "无为市人民政府"),
    ("与芜湖市鸠江区人民政府签约。", "芜湖市鸠江区人民政府"),
    ("经四川省发展改革委核准。", "四川省发展改革委"),
])
def test_a_chinese_government_is_named_by_its_places(text, name):
    assert name in {o.text for o in find_orgs(text, True)}


def test_the_parent_of_the_builder_is_no_party_to_the_project():
    text = ("Haikou list\n\n"
            "On February 26, 2024, Hainan published its 2024 list of key projects, including the Meilan Cold "
            "Chain Park in Haikou, worth 2 billion yuan. The park is being built by Qiongbei Logistics Co., Ltd., "
            "a subsidiary of the state-owned Hainan Port Holdings Group. The company was set up in 2023.")
    p = _projects(text)["Meilan Cold Chain Park"]
    assert {o.name for o in p.organizations} & {"Hainan Port Holdings Group"} == set()
    assert ("Qiongbei Logistics Co., Ltd.", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_a_project_takes_the_earlier_list_of_its_own_province():
    text = ("Two lists\n\n"
            "On January 20, 2024, the Guizhou Provincial Development and Reform Commission published Guizhou's "
            "2024 list of key projects. On February 2, 2024, the Gansu Provincial Development and Reform "
            "Commission published Gansu's 2024 list of key projects.\n\n"
            "Anshun\n\n"
            "In Anshun, Guizhou, the Anshun Battery Recycling Base is being built by Qianzhong Recycling Co., Ltd. "
            "at a cost of 1.3 billion yuan.")
    p = _projects(text)["Anshun Battery Recycling Base"]
    assert (p.date, p.status.value) == ("2024-01-20", "listed")
    assert ("Guizhou Provincial Development and Reform Commission", "government") in {
        (o.name, o.role.value) for o in p.organizations}


def test_on_the_nth_in_a_press_release_counts_back_from_its_dateline():
    text = ("Deal\n\n"
            "**NINGBO, China, May 6, 2024** -- Ningbo Haitong Co., Ltd. announced two agreements.\n\n"
            "On the 28th, the company signed an agreement to build the Beilun Coating Materials Project in "
            "Ningbo, Zhejiang, worth 900 million yuan.")
    p = _projects(text)["Beilun Coating Materials Project"]
    assert (p.date, p.status.value) == ("2024-04-28", "signed")  # the 28th before 6 May is in April


def test_a_part_of_this_year_dates_a_project_by_the_year():
    text = ("2025年绵阳项目\n\n"
            "2025年11月18日，绵阳市举行重大项目集中开工仪式。\n\n"
            "其中，游仙区氢能装备产业园项目今年一季度被列入四川省重点项目名单，由绵阳氢源科技有限公司投资建设，总投资6亿元。")
    p = _projects(text)["游仙区氢能装备产业园项目"]
    assert (p.date, p.status.value) == ("2025", "listed")


def test_a_project_described_rather_than_named_is_a_record_when_a_sum_ties_it():
    text = ("Jiangsu list\n\n"
            "Jiangsu released its 2026 list of key projects on Feb. 27, 2026. The list includes a 12-inch silicon "
            "carbide wafer fab in Changzhou's Wujin District, which Changzhou Xinneng Semiconductor Co., Ltd. will "
            "build at a cost of 9 billion yuan. The province also has a new plant and the industrial park, "
            "and the Wujin District Project, a 300-megawatt solar farm, worth 1 billion yuan.")
    got = _projects(text)
    p = got["12-inch silicon carbide wafer fab"]
    assert (p.amount.value, p.district, p.date) == (9e9, "Wujin", "2026-02-27")
    assert ("Changzhou Xinneng Semiconductor Co., Ltd.", "undertaker") in {(o.name, o.role.value) for o in p.organizations}
    assert not {"new plant", "industrial park", "300-megawatt solar farm"} & set(got)


def test_a_quarter_without_a_year_is_the_articles_year_cited_with_where_the_year_is_written():
    text = ("Yunnan review\n\nKUNMING, Dec. 28, 2025 (Xinhua) -- Yunnan looked back on its year. "
            "The Qujing Glass Project entered the provincial key project list in the first quarter. "
            "Yushui expects the Yulin Water Project to start construction in the fourth quarter.")
    projects = _projects(text)
    glass = projects["Qujing Glass Project"]
    assert glass.date == "2025"
    assert any("2025" in e.quote for e in glass.evidence if e.field == "date")
    # (a plan's quarter is no date of what happened: the dateline's day is all the text gives)
    assert projects["Yulin Water Project"].date == "2025-12-28"


def test_a_chinese_web_datelines_date_yields_to_the_events_date():
    text = ("泉州计划\n\n泉州网3月13日讯（记者 林晓）3月12日，泉州市发展和改革委员会印发2026年重点项目建设计划。"
            "泉州湾跨海通道项目总投资80亿元，由泉州交通发展集团有限公司建设。")
    assert _projects(text)["泉州湾跨海通道项目"].date == "2026-03-12"


@pytest.mark.parametrize("sentence, date", [
    ("The NDRC signed off on the Maqin Expressway Project on Sept. 8, the commission said in a statement on "
     "Wednesday.", "2026-09-08"),
    ("Hefei approved the Feixi Battery Plant on Sept. 8, with first cells due to roll off the line in late 2027.",
     "2026-09-08"),
])
def test_when_it_was_said_or_is_due_is_not_when_it_happened(sentence, date):
    text = "Approvals\n\nBEIJING, Sept. 10, 2026 (Xinhua) -- " + sentence
    [p] = _projects(text).values()
    assert p.date == date


def test_a_tally_to_a_date_is_not_the_event():
    text = ("泉州计划\n\n2026年3月12日，泉州市发展和改革委员会印发2026年重点项目建设计划。\n\n"
            "安溪茶文化旅游综合体项目总投资18亿元，截至2025年底累计完成投资7.6亿元。")
    assert _projects(text)["安溪茶文化旅游综合体项目"].date == "2026-03-12"


def test_a_batch_that_was_cleared_was_approved_that_day():
    text = ("Hubei batch\n\nWUHAN, Sept. 17, 2026 -- Hubei named its fourth batch of key construction projects for 2026. "
            "The batch was cleared at a meeting of the Hubei Provincial Development and Reform Commission on September "
            "15. The Yichang Phosphate Upgrade Project will cost 3.2 billion yuan. Officials said it cleared the way "
            "for more.")
    p = _projects(text)["Yichang Phosphate Upgrade Project"]
    assert (p.status.value, p.date) == ("approved", "2026-09-15")
    assert "Hubei Provincial Development and Reform Commission" in [o.name for o in p.organizations]


def test_days_later_count_from_the_last_full_date():
    text = ("Press release\n\nCHANGSHA, Sept. 22, 2026 -- Xiangneng Power signed three projects. On Sept. 14 it signed "
            "the Hengyang Storage Base with Hengyang, worth RMB 3.6 billion.\n\n"
            "Two days later, in Yuanzhou District, the company signed the Yichun Lithium Project, worth RMB 920 million.")
    p = _projects(text)["Yichun Lithium Project"]
    assert p.date == "2026-09-16"
    assert {"Two days later", "Sept. 14"} <= {e.quote for e in p.evidence if e.field == "date"}


def test_a_year_that_names_an_event_does_not_date_one():
    text = ("兰洽会签约\n\n新华社兰州7月7日电 7日上午，第32届兰州投资贸易洽谈会举行项目集中签约仪式。\n\n"
            "2026年兰洽会签约项目中，张掖市甘州区与甘肃绿源科技有限公司签约张掖10万吨饲料加工项目，总投资12亿元。")
    assert _projects(text)["张掖10万吨饲料加工项目"].date == "2026-07-07"


def test_the_body_that_issued_the_list_told_after_it_is_the_lists_government():
    from tests.rules_helpers import projects_in
    text = ("Ningxia list\n\nYINCHUAN, Feb. 10, 2026 -- Ningxia on Tuesday released its list of key projects for 2026.\n\n"
            "The list, issued by the Ningxia Hui Autonomous Region Development and Reform Commission, includes 186 "
            "projects.\n\nThe Lingwu Coal-to-Olefins Upgrade Project, built by Ningxia Yuanhe Chemical Co., Ltd., will "
            "cost 21.8 billion yuan.")
    [p] = projects_in(text).values()
    assert ("Ningxia Hui Autonomous Region Development and Reform Commission", "government") in \
        [(o.name, o.role.value) for o in p.organizations]


def test_the_day_a_reporter_was_told_gives_way_to_the_day_a_project_was_approved():
    from tests.rules_helpers import projects_in
    text = ("国家发展改革委批复项目\n\n记者2026年11月25日从国家发展改革委获悉，近期，国家发展改革委先后批复银川河东国际机场三期扩建工程"
            "等3个项目。\n\n11月20日，银川河东国际机场三期扩建工程可行性研究报告获国家发展改革委批复，总投资约96.8亿元。")
    [p] = projects_in(text).values()
    assert p.date == "2026-11-20"
