"""Names that held-out articles showed cut or mistaken: a 及/和 inside one Chinese name, venues of
events, offices in bylines, the park a plant is built in, and numbered lines. (Sentences written for
these tests, not taken from the held-out articles.)"""

from __future__ import annotations

from extractor.engines.rules.names import find_names


def _names(text: str, zh: bool = False) -> list[tuple[str, bool]]:
    return [(n.text, n.weak) for n in find_names(text, 0, zh)]


def _texts(text: str, zh: bool = False) -> list[str]:
    return [n.text for n in find_names(text, 0, zh)]


# 1. A 及/和 between two built things inside one name ending in 项目 keeps the whole name.

def test_zh_name_joining_two_facilities_is_kept_whole():
    text = "某公司计划投资3亿元在沁县建设光伏发电站及储能电站一体化项目，年内开工。"
    assert _texts(text, zh=True) == ["光伏发电站及储能电站一体化项目"]
    text = "集团将在城北建设冷链物流中心和农产品交易市场项目，总投资5亿元。"
    assert _texts(text, zh=True) == ["冷链物流中心和农产品交易市场项目"]


def test_zh_two_project_names_joined_by_he_stay_two():
    text = "双方签约风电装备制造项目和储能电池生产项目，总投资20亿元。"
    assert _texts(text, zh=True) == ["风电装备制造项目", "储能电池生产项目"]


def test_zh_kinds_of_projects_and_verbs_are_not_joined():
    # "产业" is a kind of project, not a built thing: the name starts after the 和 as before.
    assert _texts("今年又有一批产业和城市更新改造项目陆续开工。", zh=True) == ["城市更新改造项目"]
    # "涉及" is a verb, not a conjunction.
    assert _texts("此次调整涉及供热管网改造提升项目。", zh=True) == ["供热管网改造提升项目"]


# 2. Where an event is held is a venue.

def test_venue_of_a_ceremony_is_not_a_name():
    assert _texts("The province held a signing ceremony at the Hangzhou International Expo Centre on Monday.") == []
    assert _texts("The forum was held in the Guilin Grand Convention Center, where 20 deals were signed.") == []
    assert _texts("集中签约仪式在“南昌国际会展中心”隆重举行。", zh=True) == []


def test_groundbreaking_at_a_centre_keeps_the_centre():
    text = "A groundbreaking ceremony was held at the Xiamen Biomedical Innovation Centre on Friday."
    assert _texts(text) == ["Xiamen Biomedical Innovation Centre"]
    assert _texts("Construction began on the Taizhou Smart Logistics Centre last week.") == [
        "Taizhou Smart Logistics Centre"]


# 3. An office named "... Service/Promotion/Information Centre" is a name only when linked.

def test_office_centres_are_weak():
    assert _names("*Wuxi Development Commission · Enterprise Service Centre · Updated 3 May 2025*") == [
        ("Enterprise Service Centre", True)]
    assert _names("Source: Jiaxing Investment Promotion Centre\n") == [("Jiaxing Investment Promotion Centre", True)]
    assert _names("据市“企业服务中心”介绍，签约项目进展顺利。", zh=True) == [("企业服务中心", True)]


def test_an_office_building_called_a_project_stays_strong():
    assert _names("The Nanjing Customer Service Centre project will cost 300 million yuan.") == [
        ("Nanjing Customer Service Centre", False)]


# 4. The park a facility is built in is a place.

def test_park_where_a_plant_is_built_is_not_a_name():
    text = ("Zhongke Materials Co., Ltd. will invest 2.1 billion yuan to build a factory in the "
            "Dongying Binhai Chemical Industrial Park in Kenli.")
    assert _texts(text) == []
    assert _texts("The plant, located in the Rugao Port Industrial Park, will cost 1 billion yuan.") == []


def test_a_park_that_is_built_stays_a_name():
    text = "The company will build the Jiangyin Hydrogen Industrial Park at a cost of 6 billion yuan."
    assert _texts(text) == ["Jiangyin Hydrogen Industrial Park"]


# 5. A line's number and phase belong to its name.

def test_numbered_lines_and_terminals_keep_number_and_phase():
    text = "The Shenyang Metro Line 6 Phase II and the Jinan Metro Line 3 will cost 30 billion yuan."
    assert _texts(text) == ["Shenyang Metro Line 6 Phase II", "Jinan Metro Line 3"]
    assert _texts("Investment in the Nanning Airport Terminal No. 2 reached 5 billion yuan.") == [
        "Nanning Airport Terminal No. 2"]


def test_a_count_or_sum_after_a_line_is_not_its_number():
    assert _texts("The Hefei Metro Line 12 kilometres long opened.") == ["Hefei Metro Line"]
    assert _texts("The Hefei Metro Line 2 billion yuan budget was approved.") == ["Hefei Metro Line"]
    assert _texts("The Hefei Metro Line 4.5 km extension opened.") == ["Hefei Metro Line"]


def test_a_centre_where_fairs_are_held_needs_a_sum_to_be_a_project():
    text = ("Fair\n\nBuyers packed the Ningbo International Exhibition Center this week for the Zhejiang Trade Fair. "
            "The Ningbo Harbour Logistics Park Project will cost 2 billion yuan.")
    from extractor.engines.rules import RulesEngine
    from extractor.ingest import document_from_bytes
    names = [p.name for p in RulesEngine().extract(document_from_bytes(text.encode(), source="t.txt"), []).projects]
    assert names == ["Ningbo Harbour Logistics Park Project"]


def test_a_phase_before_a_name_is_part_of_it():
    from extractor.engines.rules.names import find_names
    text = ("The NDRC approved Phase II of the Liaohe Water Transfer Project in May; Phase III of the Liaohe "
            "Water Transfer Project is still planned, and the second phase of the Dalian Port Project too.")
    assert [n.text for n in find_names(text)] == ["Phase II of the Liaohe Water Transfer Project",
                                                  "Phase III of the Liaohe Water Transfer Project",
                                                  "Dalian Port Project"]


def test_zh_a_place_holding_a_cut_character_starts_the_name():
    assert _texts("——泰和乌鸡产业园项目。", zh=True) == ["泰和乌鸡产业园项目"]
    assert _texts("加快推进本溪市钢铁深加工项目", zh=True) == ["本溪市钢铁深加工项目"]
    assert _texts("推进泰和县马市镇光伏项目", zh=True) == ["泰和县马市镇光伏项目"]
    assert _texts("他们负责沙洲冷链物流园项目", zh=True) == ["沙洲冷链物流园项目"]  # 负责: a verb, cut


def test_a_possessor_and_a_sum_adjective_are_not_part_of_an_english_name():
    assert _texts("Tianqi Lithium's Suining Lithium Hydroxide Plant will cost more.") == [
        "Suining Lithium Hydroxide Plant"]
    assert _texts("The 3-billion-yuan Ningbo Chip Plant and the US$50-million Beilun Sensor Plant") == [
        "Ningbo Chip Plant", "Beilun Sensor Plant"]


def test_zh_a_phase_in_brackets_is_part_of_the_name():
    assert _texts("樊城区分会场开工的是功率半导体封测基地（二期）项目。", zh=True) == ["功率半导体封测基地（二期）项目"]
    assert _texts("襄阳汽车零部件产业园项目（一期），由襄阳腾跃有限公司投资建设", zh=True) == ["襄阳汽车零部件产业园项目（一期）"]


def test_quoted_clauses_defined_parties_and_descriptions_are_no_names():
    assert _texts("他说：“这次签约的项目中，来自香港的投资方就有11家项目”", zh=True) == []
    assert _texts('X Co. shall establish a project company in Luotian County (the "Project Company").') == []
    assert _texts('The notice described the plant as a "newly introduced manufacturing project".') == []
    # (a lower-case title quoted as a name stays one)
    assert _texts('It has undertaken the "digital asset service platform construction" project.') == [
        "digital asset service platform construction"]


def test_a_base_a_described_project_is_in_and_a_strategys_name_are_no_names():
    assert _texts("CHN Energy plans a 3.2 billion yuan coupling project in the Ningdong Energy and Chemical "
                  "Industry Base near Yinchuan.") == []
    assert _texts("此次在肇庆布局是其“华南基地”战略的重要一步。", zh=True) == []


def test_zh_kinds_of_projects_parts_of_one_and_approved_reports_are_cut_right():
    assert _texts("各地也在加快推进一批中小型水利项目前期工作。", zh=True) == []
    assert _texts("启东生物医药产业园二期项目总投资12.6亿元，主要建设标准厂房、研发中试楼及公用工程。", zh=True) == [
        "启东生物医药产业园二期项目"]
    assert _texts("省发展改革委正式批复剑河至榕江高速公路工程可行性研究报告。", zh=True) == ["剑河至榕江高速公路工程"]


def test_zh_a_facility_named_as_what_is_built_is_a_name_unless_it_is_part_of_a_named_project():
    assert _texts("法国蓝岸种业集团决定追加投资8000万美元，在科技城建设南繁种业国际联合研发中心，重点开展研究。", zh=True) == [
        "南繁种业国际联合研发中心"]
    assert _texts("甬丰服饰有限公司拟投资8000万元，新上高档服装智能化生产线10条。", zh=True) == ["高档服装智能化生产线"]
    # (what a named project or a party to a deal told before builds is part of that project)
    assert _texts("签订人参深加工项目合作协议，建设年产200吨人参皂苷生产线。", zh=True) == ["人参深加工项目"]
    assert _texts("根据协议，乙方将在北湖科技园投资建设电驱动总成生产线。", zh=True) == []
    assert _texts("这是该市今年引进的单体投资最大的医药健康项目。", zh=True) == []


def test_a_city_that_is_preparing_a_project_is_no_name():
    assert _texts("Yichang is preparing a project of its own.") == []


def test_a_sum_before_a_described_facility_is_not_part_of_its_name():
    assert _texts("The two signed a deal to jointly develop a 2.8 billion yuan senior living and rehabilitation "
                  "campus in Shunde.") == ["senior living and rehabilitation campus"]
    assert _texts("Its 500 million yuan price tag is modest by the standards of the list, but port officials "
                  "say the berths will lift capacity.") == []


def test_a_town_a_plant_is_built_in_is_no_name():
    assert _texts("Yaoxiang Co., Ltd. agreed to build a persimmon deep-processing plant in the county's Lianhua Town, "
                  "putting 180 million yuan into it.") == ["persimmon deep-processing plant"]


def test_zh_greek_letters_in_a_name_counts_and_lists_of_parts():
    assert _texts("省发展改革委同意建设茂名高端聚烯烃及α-烯烃一体化项目。", zh=True) == ["茂名高端聚烯烃及α-烯烃一体化项目"]
    assert _texts("同步开工的还有道路、管网等8个基础设施项目，总投资23亿元。", zh=True) == []
    assert _texts("计划投资8500万美元，建设智能分拣中心、海外仓管理系统和冷链仓库。", zh=True) == []
    assert _texts("即墨区则有即墨智能家电产业园项目入选。", zh=True) == ["即墨智能家电产业园项目"]


def test_zh_a_facility_that_starts_or_is_signed_is_a_name_and_a_hyphenated_sum_is_no_part_of_one():
    assert _texts("杭州分会场，钱塘区的杭州钱塘生物医药CDMO产业化基地同日开工。", zh=True) == ["杭州钱塘生物医药CDMO产业化基地"]
    assert _texts("鲁西南农产品冷链物流园同步签约。", zh=True) == ["鲁西南农产品冷链物流园"]
    assert _texts("Also signed was a 700-million-yuan hydrogen fuel cell stack project from Qingneng Co.") == [
        "hydrogen fuel cell stack project"]


def test_zh_a_plan_verb_before_a_name_is_cut():
    assert _texts("拟打造邕江南岸文旅康养综合体项目。", zh=True) == ["邕江南岸文旅康养综合体项目"]


def test_zh_a_dash_between_characters_joins_a_name_and_two_dashes_end_it():
    assert _texts("总投资18.5亿元的中国—东盟跨境冷链物流枢纽项目同日落户江南区。", zh=True) == ["中国—东盟跨境冷链物流枢纽项目"]
    assert _texts("南康区家具智能制造共享工厂项目——总投资12亿余元。", zh=True) == ["南康区家具智能制造共享工厂项目"]
