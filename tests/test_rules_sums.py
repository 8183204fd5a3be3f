"""Which sum is a project's: conversions, totals, sums before names, parts, facilities already running."""

from __future__ import annotations

import pytest

from tests.rules_helpers import projects_in as _projects


def test_a_chinese_sum_invested_to_build_a_name_after_it_is_its_amount():
    text = ("晋城签约\n\n"
            "2026年5月8日，晋城市泽州县与山西晋泰储能科技有限公司签订合作协议，计划投资6.5亿元在泽州县建设"
            "独立储能电站及配套升压站项目。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 6.5e8


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


def test_a_chinese_sum_after_a_capacity_clause_is_the_names():
    text = ("2025年建湖签约\n\n"
            "2025年9月26日，云岭数据科技有限公司将在建湖高新区建设智能算力中心项目，规划机柜3000个，总投资12.6亿元，"
            "其中一期投资4亿元。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 12.6e8


@pytest.mark.parametrize("text, value", [
    ("2025年5月16日，中宁县与浙江杞源食品有限公司签订了枸杞冷链仓储项目合作协议，投资额3.5亿元。", 3.5e8),
    ("2025年2月17日，省发展改革委印发重点项目名单。海东市乐都区河湟综合物流园项目由海东市交通投资集团有限公司负责实施，"
     "计划总投资12.8亿元。", 12.8e8),
    ("2025年2月17日，省发展改革委印发重点项目名单。德令哈市盐湖提锂二期项目列入续建项目，建设单位为青海德源锂业有限公司，"
     "总投资32.6亿元。", 32.6e8),
])
def test_a_chinese_sum_across_an_agreement_a_unit_or_a_listing_clause(text, value):
    [p] = _projects("Title\n\n" + text).values()
    assert p.amount is not None and p.amount.value == value


def test_a_numbered_priority_in_quotes_is_no_project():
    assert _projects("Title\n\n2025年5月16日，中卫市把招商引资作为“一号工程”，签约项目总投资120亿元。") == {}


@pytest.mark.parametrize("text", [
    "Bengbu list\n\nOn March 3, 2025 Anhui published its key project list. The Huaiyuan Grain Port, listed in 2023 "
    "with 900 million yuan, was completed and put into operation last year.",
    "蚌埠清单\n\n2025年3月3日，安徽省公布省重点项目清单。2021年建成投产的怀远粮食物流园项目（总投资9亿元）去年产值增长两成。",
    "蚌埠清单\n\n2025年3月3日，安徽省公布省重点项目清单。前年列入清单的怀远200兆瓦光伏项目（总投资9亿元）已于2024年6月全容量并网。",
])
def test_a_plant_every_sentence_of_which_says_it_runs_is_no_project_even_in_a_list_article(text):
    assert _projects(text) == {}


@pytest.mark.parametrize("clause", [
    "怀远粮食物流园项目（总投资9亿元）由安徽怀远粮储有限公司申报。",
    "怀远粮食物流园项目当天开工，项目总投资9亿元，由安徽怀远粮储有限公司负责实施。",
    "怀远粮食物流园项目由安徽怀远粮储有限公司投资，总投资9亿元。",
    "位于怀远县的怀远粮食物流园项目引人关注，该项目投资方为安徽怀远粮储有限公司，计划投资9亿元。",
])
def test_a_chinese_names_sum_after_a_bracket_a_start_a_builder_or_this_project(clause):
    projects = _projects("蚌埠开工\n\n2025年3月3日，蚌埠市举行重点项目集中开工活动。" + clause)
    assert projects["怀远粮食物流园项目"].amount.value == 9e8


def test_a_builder_who_invests_is_not_a_sum_total_that_follows():
    text = ("蚌埠清单\n\n2025年3月3日，蚌埠市公布重点项目清单。清单中既有总投资约20亿元的蚌埠南环快速路工程，"
            "也有由安徽怀远粮储有限公司在怀远经济开发区投资建设、总投资9亿元的怀远粮食物流园项目。")
    projects = _projects(text)
    assert projects["蚌埠南环快速路工程"].amount.value == 2e9
    assert projects["怀远粮食物流园项目"].amount.value == 9e8


@pytest.mark.parametrize("sentence", [
    "Total investment is put at 3.2 billion yuan.",
    "The investment was estimated at about 3.2 billion yuan.",
    "Located in the Qujing Economic Development Zone, it has a planned investment of about 3.2 billion yuan.",
])
def test_a_total_investment_in_the_next_sentence_is_the_named_projects(sentence):
    text = ("Yunnan list\n\nKunming, May 6, 2025 -- Yunnan approved the Qujing Silicon Wafer Project on Tuesday. "
            + sentence)
    assert _projects(text)["Qujing Silicon Wafer Project"].amount.value == 3.2e9


def test_a_chinese_sum_a_company_invests_to_build_the_name_in_the_next_clause():
    text = ("海口签约\n\n2026年3月20日，海口市举行重点项目集中签约活动。韩国晓星化学株式会社将投资4.6亿美元，"
            "在海口综合保税区建设年产12万吨特种尼龙新材料项目，预计2028年建成投产。")
    p = _projects(text)["年产12万吨特种尼龙新材料项目"]
    assert (p.amount.value, p.amount.currency) == (4.6e8, "USD")


def test_a_quoted_chinese_title_the_text_calls_a_project_is_a_name():
    text = ("海口签约\n\n2026年3月20日，海口江东新区管理局与香港嘉德置业集团有限公司签署了“江东国际商务总部大厦”项目投资协议，"
            "项目总投资约32亿元。")
    assert _projects(text)["江东国际商务总部大厦"].amount.value == 3.2e9


def test_a_budgeted_cost_is_the_projects_and_a_shelved_project_is_no_project():
    text = ("Jiangxi list\n\nNANCHANG, March 4 (Jiangxi Daily English) -- Jiangxi released its key project list for 2026 on Tuesday. "
            "The Luxi Pumped Storage Power Station is budgeted at 9.6 billion yuan (about $1.33 billion). "
            "Beibu Gulf Petrochemical Co., Ltd. said it had shelved the Qinzhou Refinery Project, budgeted at 30 billion yuan.")
    projects = _projects(text)
    assert list(projects) == ["Luxi Pumped Storage Power Station"]
    station = projects["Luxi Pumped Storage Power Station"]
    assert (station.amount.value, station.date) == (9.6e9, "2026-03-03")


def test_a_revised_total_replaces_the_first_and_this_years_planned_investment_is_no_total():
    text = ("湖北清单\n\n2026年2月25日，湖北省发展改革委公布2026年省级重点项目清单。光谷硅光芯片基地项目去年以40亿元的总投资"
            "首次进入清单，今年总投资上调至62亿元。阳城抽水蓄能电站项目总投资约84亿元，今年计划完成投资11亿元。")
    projects = _projects(text)
    assert projects["光谷硅光芯片基地项目"].amount.value == 6.2e9
    assert projects["阳城抽水蓄能电站项目"].amount.value == 8.4e9


def test_a_plant_in_full_production_since_a_past_year_is_no_project():
    text = ("Press release\n\nCHANGSHA, Sept. 22, 2026 -- Xiangneng Power signed three projects this week. Its "
            "Changde Cell Plant, built with an investment of RMB 2.2 billion, has been in full production since 2021.")
    assert _projects(text) == {}


def test_the_sum_of_the_phase_a_name_carries_is_its_amount():
    text = ("綦江开工\n\n2025年3月27日，綦江区一季度重大项目集中开工。铝合金轮毂智能制造项目（一期）当天开工，"
            "项目整体规划投资12亿元，分两期实施，其中一期投资5亿元。")
    assert _projects(text)["铝合金轮毂智能制造项目（一期）"].amount.value == 5e8


def test_a_trade_volume_is_no_projects_sum():
    text = ("Yunnan gateway\n\nKUNMING, May 6, 2025 -- Yunnan listed the Mohan Border Logistics Park on Tuesday. Its trade "
            "with ASEAN members reached 147.9 billion yuan last year, while the China-Laos Railway has hauled more goods.")
    projects = _projects(text)
    assert "China-Laos Railway" not in projects


def test_tou_zi_jin_e_is_a_names_sum():
    text = ("浙江开工\n\n2025年3月28日，浙江省举行重大项目集中开工活动。年产12GWh储能电池项目由浙江海储新能源科技有限公司投资，"
            "投资金额为52.6亿元。")
    assert _projects(text)["年产12GWh储能电池项目"].amount.value == 5.26e9


@pytest.mark.parametrize("sentence", [
    "The Hotan-Ruoqiang Railway, approved in 2018 at a cost of 26.6 billion yuan, opened to traffic in June 2022.",
    "The same company completed the 600-million-yuan Xupu Wind Farm in the same city back in 2018.",
])
def test_a_project_opened_or_completed_years_ago_is_no_project(sentence):
    text = "Approvals\n\nBEIJING, Sept. 10, 2026 (Xinhua) -- China approved three western projects on Sept. 8. " + sentence
    assert _projects(text) == {}


def test_a_sum_to_be_invested_right_after_the_name_signed_is_its_amount():
    text = ("贵州推介\n\n2026年4月16日，贵州省在上海举行投资推介会。深圳华碳新材料有限公司与毕节市七星关区签约"
            "年产5万吨锂电池负极材料一体化项目，拟投资人民币20亿元。")
    assert _projects(text)["年产5万吨锂电池负极材料一体化项目"].amount.value == 2e9


def test_a_sum_after_a_double_dash_is_the_names():
    text = ("江西名单\n\n2026年2月20日，江西省发展和改革委员会印发2026年省重点建设项目名单。南康区家具智能制造共享工厂项目——"
            "总投资12亿余元，由江西南康家居产业投资集团有限公司承建。")
    amount = _projects(text)["南康区家具智能制造共享工厂项目"].amount
    assert (amount.value, amount.min, amount.max) == (1.2e9, 1.2e9, None)


def test_a_sum_pledged_for_a_named_yard_is_its_amount():
    text = ("Ningbo deals\n\nNINGBO, May 6, 2026 -- Ningbo signed port projects on Tuesday. China Coastal Rail Logistics "
            "Group Co., Ltd. pledged more than 2 billion yuan for the Zhenhai Rail-Sea Intermodal Transfer Yard, which it "
            "will also build and operate.")
    assert _projects(text)["Zhenhai Rail-Sea Intermodal Transfer Yard"].amount.min == 2e9


def test_a_total_of_floor_space_in_an_earlier_clause_does_not_make_the_sum_a_total():
    text = ("2026年岳阳开工\n\n"
            "2026年9月3日，岳阳市临湘市滨江新材料产业园二期项目开工。项目将新建厂房及研发楼共计28万平方米，"
            "由临湘市城发集团有限公司负责建设，计划投资9.6亿元。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 9.6e8


def test_a_total_in_the_sums_own_clause_is_still_a_total():
    text = ("2026年岳阳签约\n\n"
            "2026年9月3日，岳阳市签约项目共12个，合计投资56亿元。其中临湘市滨江新材料项目投资5亿元。")
    projects = _projects(text)
    assert [p.amount.value for p in projects.values()] == [5e8]


@pytest.mark.parametrize("sums, value", [
    ("项目一期投资3.2亿元，总投资8亿元", 8e8),
    ("总投资8亿元，其中一期投资3.2亿元", 8e8),
    ("一期投资3.2亿元", 3.2e8),  # only the phase's sum is stated: it is what the text gives
])
def test_the_whole_projects_sum_beats_its_first_phases(sums, value):
    text = ("2026年衡阳开工\n\n"
            f"2026年9月3日，衡阳市祁东县黄花菜精深加工产业园项目开工，由湖南祁香食品有限公司投资建设，{sums}。")
    [p] = _projects(text).values()
    assert p.amount.value == value


def test_prose_naming_a_table_row_with_a_gap_in_its_name_makes_no_second_record():
    text = ("2026年重点项目\n\n"
            "2026年4月2日，忻州市发展改革委印发重点项目名单。\n\n"
            "| 项目名称 | 建设地点 | 建设单位 | 总投资 |\n|---|---|---|---|\n"
            "| 原平市老旧小区及配套管网改造项目 | 原平市 | 原平市住房和城乡建设局 | 2.7亿元 |\n\n"
            "城市更新类项目中，原平市住房和城乡建设局牵头实施的老旧小区改造项目涉及小区86个。")
    assert list(_projects(text)) == ["原平市老旧小区及配套管网改造项目"]


def test_the_projects_budget_is_its_amount_and_a_credit_line_is_not():
    text = ("Approvals\n\n"
            "The largest is the Xichang-Lugu Expressway. The NDRC approved it on Oct. 14, 2025, putting the "
            "project's budget at 21.5 billion yuan ($3 billion). A bank has extended a 10 billion yuan credit "
            "line to the builder.")
    [p] = _projects(text).values()
    assert p.amount.value == 21.5e9


def test_a_chinese_sum_after_a_clause_saying_where_it_builds_how_many():
    text = ("2025年保定开工\n\n"
            "2025年11月18日，保定市徐水区的氢能物流加氢站网络项目开工，计划在徐水、满城和清苑周边布局加氢站8座，"
            "总投资不超过3亿元。")
    [p] = _projects(text).values()
    assert (p.amount.min, p.amount.max) == (None, 3e8)


@pytest.mark.parametrize("clause", [
    "建设地点在赣州市南康区，总投资15.3亿元",
    "投资主体为赣州港口集团有限公司，总投资人民币15.3亿元",
])
def test_a_chinese_sum_after_a_site_or_an_investor_clause(clause):
    text = f"2026年赣州\n\n2026年2月26日，赣州国际陆港三期工程列入省重点项目名单，{clause}。"
    [p] = _projects(text).values()
    assert p.amount.value == 15.3e8


def test_a_hospital_that_builds_and_a_project_legal_person():
    text = ("2026年重点项目\n\n2026年2月26日，江西省发展和改革委员会发布重点项目名单。位于南昌市红谷滩区的南昌市第一医院九龙湖院区二期项目，"
            "建设单位为南昌市第一医院，总投资12.5亿元。八所港区散货泊位改造工程获得批复，总投资约12.3亿元，"
            "项目法人为海南八所港务有限责任公司。")
    projects = _projects(text)
    assert [o.name for o in projects["南昌市第一医院九龙湖院区二期项目"].organizations if o.role.value == "undertaker"] == ["南昌市第一医院"]
    assert [o.name for o in projects["八所港区散货泊位改造工程"].organizations] == ["海南八所港务有限责任公司"]


@pytest.mark.parametrize("text", [
    ("Shanghai list\n\nSHANGHAI, Feb. 10, 2026 -- Shanghai released its list of major projects. Not on this year's "
     "list is the Jiading Branch of Ruihua Hospital, which was completed last year at a cost of 2.9 billion yuan."),
    "2026年名单\n\n2021年列入省级重点项目的铜川照金红色旅游综合开发项目已于2024年建成投用，总投资11亿元。",
])
def test_a_project_completed_last_year_or_put_to_use_is_no_record(text):
    assert _projects(text) == {}


def test_a_total_investment_that_reaches_a_sum():
    text = "2026年新星\n\n2026年6月26日，新星市煤炭分质清洁利用项目签约，由新疆新星能源有限公司投资建设，总投资额达到41.8亿元。"
    [p] = _projects(text).values()
    assert p.amount.value == 41.8e8


def test_a_unit_in_the_line_before_a_table_applies_to_its_bare_numbers_and_prose_naming_a_row_by_its_end_is_the_row():
    text = ("2026年山东\n\n2026年3月12日，山东省发展和改革委员会印发年度计划。\n\n"
            "部分项目摘录如下（金额单位：亿元）：\n\n"
            "| 项目名称 | 建设地点 | 总投资 | 建设单位 |\n|---|---|---|---|\n"
            "| 临沂国际陆港多式联运物流园项目 | 临沂市兰山区 | 41.2 | 临沂陆港物流发展有限公司 |\n\n"
            "此次列入计划的多式联运物流园项目位于兰山区，总投资41.2亿元。")
    projects = _projects(text)
    assert list(projects) == ["临沂国际陆港多式联运物流园项目"]
    assert projects["临沂国际陆港多式联运物流园项目"].amount.value == 41.2e8


@pytest.mark.parametrize("clause", [
    "由武汉恒驰电驱科技股份有限公司投资兴建，计划总投资约12.5亿元",
    "由荆门高新区城市建设投资有限公司负责实施，中建三局集团有限公司承建，项目投资12.5亿元",
    "是今年生态环保类的重点项目之一，由芜湖生态公司负责实施，计划总投资12.5亿元",
])
def test_a_chinese_sum_after_another_builder_verb_a_second_builder_or_one_of_the_key_projects(clause):
    text = f"2026年荆门开工\n\n2026年3月18日，荆门市掇刀区新能源汽车电驱动系统生产基地项目开工，{clause}。"
    [p] = _projects(text).values()
    assert p.amount.value == 12.5e8


@pytest.mark.parametrize("text", [
    "2026年贵州\n\n2026年5月8日，省发改委批复剑河至榕江高速公路。南与总投资86亿元的榕江至从江高速公路相连，后者已于2022年12月建成通车。",
    "Nantong plant\n\nNANTONG, Sept 15, 2026 -- U.S. rival Calloway Materials Inc opened a $300 million Tianjin Electronic Chemicals Plant in 2022.",
])
def test_a_road_open_to_traffic_or_a_plant_opened_years_ago_is_no_record(text):
    assert "榕江至从江高速公路" not in _projects(text) and "Tianjin Electronic Chemicals Plant" not in _projects(text)


def test_a_project_built_back_in_an_earlier_year_runs_already():
    text = ("2025年宁波签约\n\n2025年9月18日，宁波前湾新区签约精密传动项目，总投资3.5亿美元。\n\n"
            "早在2019年，该集团便在前湾新区建成投产了精密齿轮一期项目，投资1.1亿美元。")
    assert "精密齿轮一期项目" not in _projects(text)
