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


def test_an_earlier_batch_recalled_after_a_list_release_opens_no_event():
    text = ("湖北省第三批重点项目\n\n"
            "2025年9月12日，湖北省发展改革委印发第三批省级重点项目名单，共28个项目。加上今年4月公布的前两批名单，"
            "全省今年省级重点项目已达205个。\n\n"
            "名单中，“荆门储能电池材料产业园项目”总投资16亿元，由荆门锂源新材料有限公司建设。")
    [p] = _projects(text).values()
    assert (p.date, p.status.value) == ("2025-09-12", "listed")


def test_an_earlier_list_that_names_its_own_project_is_still_read():
    text = ("Hubei key projects\n\n"
            "On September 12, 2025, Hubei released its third batch of provincial key projects. The first batch, "
            "published on April 3, 2025, listed the Jingmen Battery Materials Park Project, worth 1.6 billion yuan.")
    p = _projects(text)["Jingmen Battery Materials Park Project"]
    assert p.date == "2025-04-03"


def test_an_undated_aside_in_an_events_paragraph_opens_no_event():
    text = ("Wenzhou list update\n\n"
            "On 3 July 2025 the Wenzhou Municipal Development and Reform Commission released the mid-year list of "
            "key projects. Deals signed with foreign investors this spring appear in a later section.\n\n"
            "The Ouhai Precision Valve Base Project, built by Wenzhou Fengtai Valve Co., Ltd., will cost "
            "RMB 1.3 billion.")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("listed", "2025-07-03")


def test_approving_a_list_lists_its_projects():
    text = ("Jiaxing adjustment\n\n"
            "On 5 May 2025 the Jiaxing Municipal Development and Reform Commission approved the second adjustment "
            "of the city's key project list. The Haiyan Marine Coatings Project, undertaken by Jiaxing Haitu "
            "Coatings Co., Ltd., will cost RMB 900 million.")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("listed", "2025-05-05")


def test_a_dated_signing_column_gives_a_row_its_own_status_under_a_list_event():
    text = ("Shaoxing projects\n\n"
            "On 2 June 2025 Shaoxing released its key project list. Two projects signed with foreign firms:\n\n"
            "| Project | Investor | Investment | Date signed |\n|---|---|---|---|\n"
            "| Keqiao Dyeing Wastewater Plant | Aquaverde SpA | USD 40 million | 14 April 2025 |\n")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("signed", "2025-04-14")
    assert [e.quote for e in p.evidence if e.field == "status"] == ["Date signed"]


def test_a_year_in_a_revenue_or_hoped_for_clause_dates_nothing():
    text = ("Hebei plans\n\n"
            "Hebei Taihang Glass Co., Ltd., which reported revenue of 8.4 billion yuan in 2024, plans to build the "
            "Xingtai Float Glass Project. Tangshan Gangwan Steel Co., Ltd. plans to invest 6 billion yuan in the "
            "Caofeidian Hydrogen Steel Project, which it hopes will join the 2026 list.")
    projects = _projects(text)
    assert projects["Xingtai Float Glass Project"].date is None
    assert projects["Caofeidian Hydrogen Steel Project"].date is None


def test_the_company_after_a_company_named_in_its_clause_is_that_company():
    text = ("Hebei plans\n\n"
            "The Baoding Battery Separator Project, built by Baoding Lixin Materials Co., Ltd., will cost "
            "2 billion yuan. Hebei Jiyuan Chemical Co., Ltd. plans to invest 4.5 billion yuan in the Cangzhou "
            "Olefins Project, which the company hopes to start next year.")
    projects = _projects(text)
    assert projects["Cangzhou Olefins Project"].amount.value == 4.5e9
    assert projects["Baoding Battery Separator Project"].amount.value == 2e9


def test_a_description_refers_to_the_project_whose_name_it_repeats():
    text = ("Hebei list\n\n"
            "The Shijiazhuang Tram Line Extension Project, the Handan Steel Slag Recycling Project and the Xingtai Logistics Hub "
            "Project were listed on March 3, 2026. The steel slag plant, in Fengfeng Mining District, will be "
            "built by Handan Ganglu Environmental Co., Ltd. The tram line will cost 6 billion yuan.")
    projects = _projects(text)
    assert projects["Shijiazhuang Tram Line Extension Project"].amount.value == 6e9
    assert [o.name for o in projects["Handan Steel Slag Recycling Project"].organizations] == [
        "Handan Ganglu Environmental Co., Ltd."]
    assert projects["Xingtai Logistics Hub Project"].organizations == []


def test_a_country_after_a_companys_name_in_a_table_cell_is_not_its_name():
    text = ("Ningbo signings\n\n"
            "Ningbo signed two foreign-funded projects on 3 March 2025:\n\n"
            "| Project | Investor | Investment |\n|---|---|---|\n"
            "| Beilun Marine Sensor Plant | Havbruk Sensor ASA (Norway) | USD 30 million |\n"
            "| Yinzhou Optical Lens Project | Kessler Optik (Ningbo) Co., Ltd. | USD 25 million |\n")
    projects = _projects(text)
    assert [o.name for o in projects["Beilun Marine Sensor Plant"].organizations] == ["Havbruk Sensor ASA"]
    assert [o.name for o in projects["Yinzhou Optical Lens Project"].organizations] == ["Kessler Optik (Ningbo) Co., Ltd."]


def test_a_chinese_sum_invested_to_build_a_name_after_it_is_its_amount():
    text = ("晋城签约\n\n"
            "2026年5月8日，晋城市泽州县与山西晋泰储能科技有限公司签订合作协议，计划投资6.5亿元在泽州县建设"
            "独立储能电站及配套升压站项目。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 6.5e8


def test_a_chinese_sum_of_a_company_is_not_a_later_projects_amount():
    text = ("晋城签约\n\n"
            "2026年5月8日，山西晋泰储能科技有限公司注册资本6.5亿元，在泽州县建设独立储能电站项目，总投资9亿元。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 9e8


def test_prose_naming_a_table_row_again_shorter_makes_no_second_record():
    text = ("2026年忻州重点项目\n\n"
            "2026年4月2日，忻州市发展改革委印发重点项目名单。\n\n"
            "| 项目名称 | 建设地点 | 建设单位 | 总投资 |\n|---|---|---|---|\n"
            "| 年产5万吨高纯石英砂及深加工项目 | 繁峙县 | 忻州晶源新材料有限公司 | 6.2亿元 |\n"
            "| 五台山旅游集散中心项目 | 五台县 | 五台山文旅集团有限公司 | 3亿元 |\n\n"
            "其中，繁峙县高纯石英砂项目由忻州晶源新材料有限公司负责建设，五台县旅游码头项目由五台山文旅集团有限公司建设，总投资2亿元。")
    projects = _projects(text)
    assert "繁峙县高纯石英砂项目" not in projects
    assert "五台县旅游码头项目" in projects  # its name is not the row's, and it states its own sum


def test_a_chinese_estimate_after_a_length_is_the_projects_amount():
    text = ("2025年安徽重点项目\n\n"
            "2025年3月1日，安徽省发展改革委印发重点项目名单。"
            "六安至霍山高速公路项目全长约48公里，工程概算投资52.6亿元，建设单位为安徽交控集团有限公司。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 52.6e8


def test_the_project_with_a_converted_sum_in_brackets_takes_the_sum():
    text = ("Ningxia deals\n\n"
            "Yinchuan signed the Helan Wine Logistics Centre Project on May 9, 2025. The 1.2-billion-yuan "
            "(about $169 million) project will be built by Ningxia Helan Logistics Co., Ltd.")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 1.2e9


def test_projects_that_broke_ground_at_a_ceremony_take_its_status_and_date():
    text = ("Shanxi groundbreaking\n\n"
            "On October 9, 2025, Shanxi held a concentrated groundbreaking ceremony for major projects in Taiyuan.\n\n"
            "The Qingxu Glass Fibre Project, undertaken by Taiyuan Boxin Fibre Co., Ltd., has a total investment of "
            "1.1 billion yuan. It will build two tank furnaces.")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("other", "2025-10-09")


def test_a_project_listed_before_it_broke_ground_stays_listed():
    text = ("2025年运城开工\n\n"
            "2025年10月9日，运城市重大项目集中开工仪式在盐湖区举行。"
            "“盐湖区锂电隔膜项目”当天正式开工，该项目已列入今年3月印发的省级重点项目名单，总投资9亿元。")
    [p] = _projects(text).values()
    assert p.status.value == "listed"


def test_work_starting_on_a_signing_day_does_not_replace_the_signing():
    text = ("2025年长治签约\n\n"
            "2025年10月9日，长治市重大项目集中签约暨开工活动举行。长治市当天共有18个项目集中开工。"
            "屯留区与山西晋达化工有限公司签约“屯留区精细化工新材料项目”，总投资6亿元。")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("signed", "2025-10-09")


def test_the_host_of_a_groundbreaking_ceremony_is_its_projects_government():
    text = ("Shanxi groundbreaking\n\n"
            "On October 9, 2025, Shanxi held a concentrated groundbreaking ceremony for major projects in Taiyuan. "
            "The ceremony was hosted by the Shanxi Provincial People's Government.\n\n"
            "The Qingxu Glass Fibre Project, undertaken by Taiyuan Boxin Fibre Co., Ltd., has a total investment of "
            "1.1 billion yuan.")
    [p] = _projects(text).values()
    assert ("Shanxi Provincial People's Government", "government") in {(o.name, o.role.value) for o in p.organizations}


def test_a_total_investment_after_the_project_is_named_is_its_amount_not_its_parts():
    text = ("Hebei projects\n\n"
            "On October 9, 2025, Hebei held a groundbreaking ceremony for major projects.\n\n"
            "2. The Shahe Float Glass Upgrading Project. Located in Shahe City, this project is built by Hebei "
            "Shahe Glass Group Co., Ltd. The total investment is 2.2 billion yuan, mainly for the construction "
            "of two melting furnaces and a glass deep-processing center.")
    projects = _projects(text)
    assert list(projects) == ["Shahe Float Glass Upgrading Project"]
    assert projects["Shahe Float Glass Upgrading Project"].amount.value == 2.2e9


@pytest.mark.parametrize("text", [
    "The Yanqing 200 MW Solar Project, which cost 1.1 billion yuan, was fully connected to the grid in May.",
    "延庆200兆瓦光伏项目总投资11亿元，已于5月全容量并网。",
])
def test_a_plant_already_on_the_grid_is_no_project(text):
    assert _projects("Title\n\n" + text) == {}


def test_the_unit_that_puts_a_sum_into_a_named_project_is_its_investor():
    text = ("Anhui deals\n\n"
            "Norhaven Dairy Holdings, a unit of Singapore-listed Norhaven Group Ltd, signed an agreement on "
            "March 3, 2025 with the Bozhou municipal government. The unit will put 1.2 billion yuan into the "
            "Bozhou Dairy Processing Park.")
    [p] = _projects(text).values()
    assert ("Norhaven Dairy Holdings", "investor") in {(o.name, o.role.value) for o in p.organizations}


def test_an_enterprise_named_as_such_after_a_signing_takes_the_sum():
    text = ("2025年乌海签约\n\n"
            "2025年6月3日，乌海经济开发区管委会与内蒙古海诚新材料有限公司签约“高性能碳纤维项目”。"
            "据介绍，企业拟投资12亿元建设年产5000吨碳纤维生产线。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 1.2e9


def test_the_cost_of_a_first_phase_completed_years_ago_is_not_the_new_phases():
    text = ("Chips\n\n"
            "Corvex Materials Inc said on May 6, 2025 it would expand the Wuxi Wafer Phase II Project. "
            "Corvex's first phase, which cost $95 million, was completed in 2021.")
    [p] = _projects(text).values()
    assert p.amount is None


def test_a_sum_converted_in_brackets_is_not_a_second_amount():
    text = ("Hunan deal\n\n"
            "Under the agreement, signed in Changde on May 6, 2025, Norlite Group will invest a total of approximately "
            "RMB 2.4 billion (about US$335 million) in the Changde Lithium Cathode Base.")
    [p] = _projects(text).values()
    assert (p.amount.value, p.amount.currency) == (2.4e9, "CNY")


def test_table_rows_from_two_provinces_lists_take_their_own_provinces_list():
    text = ("Two lists\n\n"
            "Guangdong published its 2025 key project list on 20 February 2025. Fujian released its list on "
            "12 March 2025.\n\n"
            "| Project | City | Developer | Investment |\n|---|---|---|---|\n"
            "| Nansha Data Hub | Guangzhou (Nansha) | Guangzhou Yunjing Co., Ltd. | RMB1.1bn |\n"
            "| Jimei Chip Line | Xiamen (Jimei) | Xiamen Xinhe Co., Ltd. | RMB2bn |\n")
    projects = _projects(text)
    hub, line = projects["Nansha Data Hub"], projects["Jimei Chip Line"]
    assert (hub.province, hub.city, hub.district, hub.date) == ("Guangdong", "Guangzhou", "Nansha", "2025-02-20")
    assert (line.province, line.city, line.district, line.date) == ("Fujian", "Xiamen", "Jimei", "2025-03-12")


@pytest.mark.parametrize("text", [
    "On May 6, 2025, Weihai Marine Co., Ltd. said it plans to build the Rongcheng Kelp Processing Plant, "
    "subject to environmental approval.",
    "2025年5月6日，威海海洋有限公司与荣成市政府签约“荣成海带加工项目”，总投资5亿元，该项目尚需环评批复。",
])
def test_an_approval_still_to_come_is_no_approval(text):
    [p] = _projects("Title\n\n" + text).values()
    assert p.status is None or p.status.value != "approved"



def test_what_a_company_agreed_to_invest_right_after_a_signing_is_signed():
    text = ("Xiamen\n\n"
            "Xiamen's Jimei district signed a separate deal on 12 August 2025. Fujian Haijing Heavy Industry Co., "
            "Ltd. and the Jimei District People's Government agreed that the company will invest about 1.6 billion "
            "yuan in the Jimei Marine Equipment Base Project.")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("signed", "2025-08-12")
    assert ("Fujian Haijing Heavy Industry Co., Ltd.", "investor") in {(o.name, o.role.value) for o in p.organizations}


def test_a_press_releases_defined_term_the_company_is_the_issuer():
    text = ("Release\n\n"
            "WUHAN, China, May 6, 2025 /PRNewswire/ -- Lantu Storage Technology Co., Ltd. (\"Lantu\" or the "
            "\"Company\") today announced an agreement with the Wuhan government. The Company also plans to build "
            "a Hannan Battery Recycling Plant with investment of up to RMB 300 million.")
    [p] = _projects(text).values()
    assert "Lantu Storage Technology Co., Ltd." in {o.name for o in p.organizations}


def test_the_latter_of_two_parties_who_invest_and_build_is_the_undertaker():
    text = ("2025年楚雄签约\n\n"
            "2025年11月5日，楚雄市人民政府与云南澜锦新材料有限公司签署协议，后者将在楚雄市投资建设年产10万吨磷酸铁项目。"
            "项目总投资约25亿元。")
    [p] = _projects(text).values()
    assert ("云南澜锦新材料有限公司", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_which_it_will_build_after_where_the_project_is():
    text = ("Shenzhen\n\n"
            "On May 9, 2025, the Shenzhen Development and Reform Commission approved the West Cargo Terminal "
            "Project at Bao'an International Airport, which Shenzhen Airport Cargo Co., Ltd. will build.")
    p = _projects(text)["West Cargo Terminal Project"]
    assert ("Shenzhen Airport Cargo Co., Ltd.", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_a_filing_completed_is_an_approval():
    text = ("2025年项目备案\n\n"
            "2025年6月3日，“朝阳县光伏治沙项目”在朝阳县发展改革局完成备案，总投资8亿元，由朝阳绿能新能源有限公司投资建设。")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("approved", "2025-06-03")


def test_bullets_under_a_signing_are_signed_deals_and_landmarks_next_to_them_are_not_projects():
    text = ("Expo deals\n\n"
            "Among the deals signed on Friday, June 27, 2025, the closing day:\n\n"
            "- Kashgar Fruit Export Hub: a cold store to be built by Kashgar Guoxin Logistics Co., Ltd., worth "
            "600 million yuan.\n"
            "- Korla Cotton Textile Park: Bayingol Xinmian Textile Co., Ltd. will invest at least 900 million yuan "
            "in spinning mills and a dye works next to the railway freight terminal.")
    projects = _projects(text)
    assert sorted(projects) == ["Kashgar Fruit Export Hub", "Korla Cotton Textile Park"]
    park = projects["Korla Cotton Textile Park"]
    assert (park.status.value, park.date) == ("signed", "2025-06-27")


def test_a_chinese_sum_after_a_long_undertaker_clause_and_a_colon():
    text = ("2025年武清签约\n\n"
            "2025年10月18日，武清区举行招商引资项目集中签约仪式。\n\n"
            "2.激光雷达研发制造项目：由德国莱茵光电集团在华全资子公司莱茵光电（天津）传感技术有限公司投资建设，总投资6000万欧元。")
    [p] = _projects(text).values()
    assert (p.amount.value, p.amount.currency) == (6e7, "EUR")


def test_the_first_run_of_sums_pairs_with_the_names_before_it():
    text = ("2025年益阳重点项目\n\n"
            "3月18日，湖南省发展和改革委员会下达2025年重点建设项目名单。益阳市赫山区智能装备产业园项目、《益阳高新区电子材料基地》和"
            "“桃江县竹材精深加工项目”分别总投资21亿元、8.5亿元、3.6亿元，其中前两个项目分别由A公司建设；"
            "南县稻虾产业园项目总投资4.2亿元。")
    projects = _projects(text)
    assert {k: p.amount.value for k, p in projects.items()} == {
        "益阳市赫山区智能装备产业园项目": 21e8, "益阳高新区电子材料基地": 8.5e8,
        "桃江县竹材精深加工项目": 3.6e8, "南县稻虾产业园项目": 4.2e8}


def test_the_listing_government_is_the_subject_of_the_act_not_one_named_in_a_purpose_clause():
    text = ("Hebei list\n\n"
            "On March 9, 2025, in order to implement the decisions of the Provincial Government on major projects, "
            "the People's Government of Hebei Province issued the notice, in which 1,200 projects are listed. "
            "The Xingtai Glass Project, undertaken by Xingtai Jingbo Glass Co., Ltd., will cost 1.2 billion yuan.")
    [p] = _projects(text).values()
    assert ("People's Government of Hebei Province", "government") in {(o.name, o.role.value) for o in p.organizations}
