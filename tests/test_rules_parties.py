"""Who a project's organisations are: 'the company', 'the unit', 后者, hosts and listing governments."""

from __future__ import annotations

import pytest

from tests.rules_helpers import parties, projects_in as _projects


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


def test_a_chinese_sum_of_a_company_is_not_a_later_projects_amount():
    text = ("晋城签约\n\n"
            "2026年5月8日，山西晋泰储能科技有限公司注册资本6.5亿元，在泽州县建设独立储能电站项目，总投资9亿元。")
    [p] = _projects(text).values()
    assert p.amount is not None and p.amount.value == 9e8


def test_the_host_of_a_groundbreaking_ceremony_is_its_projects_government():
    text = ("Shanxi groundbreaking\n\n"
            "On October 9, 2025, Shanxi held a concentrated groundbreaking ceremony for major projects in Taiyuan. "
            "The ceremony was hosted by the Shanxi Provincial People's Government.\n\n"
            "The Qingxu Glass Fibre Project, undertaken by Taiyuan Boxin Fibre Co., Ltd., has a total investment of "
            "1.1 billion yuan.")
    [p] = _projects(text).values()
    assert ("Shanxi Provincial People's Government", "government") in {(o.name, o.role.value) for o in p.organizations}


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


def test_the_listing_government_is_the_subject_of_the_act_not_one_named_in_a_purpose_clause():
    text = ("Hebei list\n\n"
            "On March 9, 2025, in order to implement the decisions of the Provincial Government on major projects, "
            "the People's Government of Hebei Province issued the notice, in which 1,200 projects are listed. "
            "The Xingtai Glass Project, undertaken by Xingtai Jingbo Glass Co., Ltd., will cost 1.2 billion yuan.")
    [p] = _projects(text).values()
    assert ("People's Government of Hebei Province", "government") in {(o.name, o.role.value) for o in p.organizations}


def test_a_body_named_by_its_level_is_the_one_the_article_names_in_full():
    text = ("省发改委核准项目\n\n"
            "湖南省发展和改革委员会6月28日消息 6月12日，省发改委印发批复，同意核准宜章抽水蓄能电站项目。"
            "项目建设单位为湖南湘能抽水蓄能有限公司，项目总投资96.8亿元。")
    [p] = _projects(text).values()
    assert {(o.name, o.role.value) for o in p.organizations} == {
        ("湖南湘能抽水蓄能有限公司", "undertaker"), ("湖南省发展和改革委员会", "government")}


def test_a_short_name_the_text_defines_is_its_company_and_builds_what_it_is_said_to():
    text = ("2025年盐城签约\n\n"
            "2025年9月26日，江苏海瀚新能源集团有限公司（以下简称“海瀚集团”）与大丰区人民政府签订投资协议，"
            "海瀚集团将在大丰港经济区投资建设海上风电装备产业园项目，总投资52亿元。"
            "南京云帆数据科技有限公司（以下简称“云帆数据”）将在建湖高新区建设智能算力中心项目，总投资12.6亿元。")
    projects = _projects(text)
    wind = {(o.name, o.role.value) for o in projects["海上风电装备产业园项目"].organizations}
    assert ("江苏海瀚新能源集团有限公司", "undertaker") in wind and not any(n == "海瀚集团" for n, _ in wind)
    assert ("南京云帆数据科技有限公司", "undertaker") in {
        (o.name, o.role.value) for o in projects["智能算力中心项目"].organizations}


@pytest.mark.parametrize("sentence", [
    "Among them is the Yueyang Fiber Project of Hunan Xiangjiang New Materials Co., Ltd., which will cost 1.2 billion yuan.",
    "Hunan Xiangjiang New Materials Co., Ltd.'s Yueyang Fiber Project will cost 1.2 billion yuan.",
    "The 1.2-billion-yuan Yueyang Fiber Project will be developed by Hunan Xiangjiang New Materials Co., Ltd.",
    "The Yueyang Fiber Project, worth 1.2 billion yuan, is owned by Hunan Xiangjiang New Materials Co., Ltd.",
])
def test_a_company_owning_a_project_in_english(sentence):
    projects = _projects("Hunan list\n\nChangsha, April 2, 2025 -- Hunan published its key project list on Wednesday. "
                         + sentence)
    p = projects["Yueyang Fiber Project"]
    assert parties(p) == [("Hunan Xiangjiang New Materials Co., Ltd.", "undertaker")]
    assert p.amount.value == 1.2e9


@pytest.mark.parametrize("sentence, role", [
    ("湖南湘江新材料有限公司申报的岳阳高性能纤维项目总投资12亿元。", "undertaker"),
    ("岳阳高性能纤维项目总投资12亿元，项目业主为湖南湘江新材料有限公司。", "undertaker"),
    ("岳阳高性能纤维项目总投资12亿元，投资方为湖南湘江新材料有限公司。", "investor"),
    ("湖南湘江新材料有限公司作为项目业主，负责岳阳高性能纤维项目建设，总投资12亿元。", "undertaker"),
])
def test_a_company_owning_a_project_in_chinese(sentence, role):
    projects = _projects("湖南名单\n\n2025年4月2日，湖南省发展和改革委员会公布省重点项目名单。" + sentence)
    p = projects["岳阳高性能纤维项目"]
    assert ("湖南湘江新材料有限公司", role) in parties(p)


@pytest.mark.parametrize("sentence", [
    "Qinghai Road Investment Group Co., Ltd. will act as the project owner.",
    "Construction is the responsibility of Qinghai Road Investment Group Co., Ltd.",
    "Qinghai Road Investment Group Co., Ltd. will invest in and build the road.",
    "Qinghai Road Investment Group Co., Ltd. has been lined up as the general contractor for the project.",
    "Qinghai Road Investment Group Co., Ltd. is undertaking the widening.",
])
def test_a_company_that_owns_contracts_or_builds_the_project_in_focus_undertakes_it(sentence):
    text = ("Approvals\n\nXINING, Sept. 10, 2026 (Xinhua) -- China approved the Maduo Ring Expressway Project on "
            "Sept. 8. The Maduo Ring Expressway Project will cost about 19.7 billion yuan. " + sentence)
    p = _projects(text)["Maduo Ring Expressway Project"]
    assert parties(p) == [("Qinghai Road Investment Group Co., Ltd.", "undertaker")]


def test_both_members_of_a_consortium_build_and_a_described_company_puts_in_the_sum():
    text = ("Sichuan deals\n\nCHENGDU, Sept. 18, 2025 -- Sichuan signed two projects on Thursday. "
            "The Luzhou Bulk Cargo Terminal will be built by a consortium of Sichuan Jiangtong Port Engineering Co., "
            "Ltd. and Luzhou Yunxi Port Investment Group, at a cost of RMB1.65 billion. Alpenmark Medical AG, the Swiss "
            "implant maker, will put US$120 million into the Chengdu Implant Production Base.")
    projects = _projects(text)
    assert [o.name for o in projects["Luzhou Bulk Cargo Terminal"].organizations] == [
        "Sichuan Jiangtong Port Engineering Co., Ltd.", "Luzhou Yunxi Port Investment Group"]
    base = projects["Chengdu Implant Production Base"]
    assert base.amount.value == 1.2e8
    assert parties(base) == [("Alpenmark Medical AG", "investor")]


def test_parties_a_project_is_signed_by_only_sign():
    text = ("长春签约\n\n2025年6月18日，长春市举行招商引资项目签约仪式。汽车零部件再制造产业园项目由长春汽车经济技术开发区管委会"
            "与浙江恒远再制造技术有限公司签约，总投资12亿元。")
    p = _projects(text)["汽车零部件再制造产业园项目"]
    assert {o.role.value for o in p.organizations} == {"signer"}


def test_an_agreement_titled_after_a_project_names_it_and_a_distance_from_a_city_places_nothing():
    text = ("长春签约\n\n2025年6月18日，长春新区管理委员会（甲方）与深圳市锐驰电驱动科技股份有限公司（乙方）签署了"
            "《新能源汽车电驱动系统生产基地项目投资合作协议》，投资总额为人民币9.8亿元。\n\n"
            "Hebei list\n\nIn Xiong'an New Area, some 100 km southwest of Beijing, the Rongdong Utility Tunnel Project "
            "will cost 3.2 billion yuan.")
    projects = _projects(text)
    assert projects["新能源汽车电驱动系统生产基地项目"].amount.value == 9.8e8
    assert projects["Rongdong Utility Tunnel Project"].province == "Hebei"


def test_a_company_that_signed_with_a_government_to_build_builds_and_one_that_will_invest_invests():
    text = ("Investment week\n\nNINGBO, June 12, 2025 (BUSINESS WIRE) -- Investors put pen to paper on new plants "
            "this week at the fair, which opened in Ningbo on Wednesday, June 11.\n\n"
            'Nordhavn Polymers (Ningbo) Co., Ltd. ("Nordhavn Ningbo"), a subsidiary of Nordhavn Group A/S, signed with '
            "the Beilun District People's Government to build the Beilun Specialty Polymer Plant. "
            "Jiangsu Hengrui Photonics Technology Co., Ltd. (Hengrui Photonics), a maker of optical modules that booked "
            "revenue of RMB 4.3 billion in 2024, will invest over 1 billion yuan in the Suzhou Optical Module Factory.")
    projects = _projects(text)
    plant = projects["Beilun Specialty Polymer Plant"]
    assert ("Nordhavn Polymers (Ningbo) Co., Ltd.", "undertaker") in parties(plant)
    assert plant.date == "2025-06-11" and plant.status.value == "signed"
    factory = projects["Suzhou Optical Module Factory"]
    assert parties(factory) == [
        ("Jiangsu Hengrui Photonics Technology Co., Ltd.", "investor")]


def test_quoted_remarks_and_not_every_project_are_no_names():
    text = ("Signings\n\nNINGBO, June 12, 2025 -- Ningbo signed the Beilun Polymer Plant with 2 billion yuan. "
            '"Beilun gives us a deep-water port on one side and our largest customers on the other," said its head. '
            "Not every project came with a price tag.")
    assert list(_projects(text)) == ["Beilun Polymer Plant"]


def test_a_body_named_by_its_kind_is_the_one_named_in_full_before():
    text = ("Approvals\n\nHOHHOT, July 8, 2026 -- The Inner Mongolia Autonomous Region Energy Administration approved "
            "the Uxin Hydrogen Project on June 26.\n\n"
            "Then on July 3 the administration signed off on the Siziwang Wind Power Base Phase II, which will cost "
            "7.9 billion yuan.")
    base = _projects(text)["Siziwang Wind Power Base Phase II"]
    assert ("Inner Mongolia Autonomous Region Energy Administration", "government") in [
        (o.name, o.role.value) for o in base.organizations]
    assert (base.status.value, base.date) == ("approved", "2026-07-03")


@pytest.mark.parametrize("sentence, role", [
    ("Zhiyun Tianshu Technology Co., Ltd., which has a registered capital of 800 million yuan, will build the "
     "Qingyang Computing Center.", "undertaker"),
    ("Hengxin Cloud Computing Co., Ltd. has committed to investing at least 1.5 billion yuan in the Qingyang "
     "Computing Center.", "investor"),
    ("The Qingyang Computing Center will be carried out by a new subsidiary, Zhiyun Tianshu Technology Co., Ltd.",
     "undertaker"),
    ("Local firm Zhiyun Tianshu Technology Co., Ltd. is constructing the Qingyang Computing Center.", "undertaker"),
])
def test_english_company_roles_past_clauses_and_in_apposition(sentence, role):
    text = "Gansu list\n\nLANZHOU, March 7, 2025 -- Gansu published its key project list on Friday. " + sentence
    p = _projects(text)["Qingyang Computing Center"]
    assert [o.role.value for o in p.organizations if o.role.value != "government"] == [role]


def test_a_sentence_opening_with_gongcheng_speaks_of_the_works_in_focus():
    text = ("贵州批复\n\n2025年11月21日，贵州省发展改革委批复普安县楼下水库工程可行性研究报告。水库总库容5000万立方米。"
            "工程估算总投资约23.8亿元，由普安县水利投资开发有限责任公司作为项目法人，负责工程建设。")
    p = _projects(text)["普安县楼下水库工程"]
    assert p.amount.value == 2.38e9
    assert ("普安县水利投资开发有限责任公司", "undertaker") in parties(p)


def test_a_brands_lower_case_prefix_is_part_of_an_english_name():
    text = ("Wuxi signing\n\nWUXI, June 12, 2025 -- Rheinfeld Antriebstechnik GmbH will build the Rheinfeld e-Drive "
            "Wuxi Plant in Xinwu district, a project worth US$180 million.")
    assert list(_projects(text)) == ["Rheinfeld e-Drive Wuxi Plant"]


def test_where_a_firm_comes_from_places_nothing():
    text = ("吉林签约\n\n2025年6月18日，吉林市船营区与一家上海企业签约，后者将在当地投资约3.2亿元建设冰雪装备研发制造基地。")
    p = _projects(text)["冰雪装备研发制造基地"]
    assert (p.province, p.city, p.district) == ("Jilin", "Jilin", "Chuanying")


def test_the_government_a_company_signed_with_signs_for_the_project_its_next_sentence_names():
    text = ("Anhui deals\n\nHEFEI, May 8, 2025 -- Sunvale Foods Holdings signed an investment agreement on Wednesday "
            "with the Yingzhou District People's Government in Fuyang. The unit will put more than 2.6 billion yuan "
            "into the Fuyang Cold Chain Food Processing Park.")
    park = _projects(text)["Fuyang Cold Chain Food Processing Park"]
    assert ("Yingzhou District People's Government", "signer") in parties(park)


def test_a_provincial_government_named_short_is_the_one_named_in_full():
    text = ("甘肃清单\n\n记者26日从甘肃省人民政府获悉，省政府25日召开常务会议，审议通过2026年省列重大建设项目清单。"
            "甘肃省政府表示，天水经济技术开发区集成电路封装项目总投资48亿元。")
    p = _projects(text)["天水经济技术开发区集成电路封装项目"]
    assert "甘肃省人民政府" in [o.name for o in p.organizations]


@pytest.mark.parametrize("sentence, name, role", [
    ("在高平市，年产5万吨精密铸件项目现场塔吊林立。这个由晋城恒锻精密铸造有限公司承建的项目计划投资8.8亿元。",
     "晋城恒锻精密铸造有限公司", "undertaker"),
    ("接过接力棒的，是荆州港务集团有限公司牵头建设的荆州港江陵港区综合码头二期工程，总投资12亿元。",
     "荆州港务集团有限公司", "undertaker"),
    ("湖南雪峰山农业发展有限公司将投资3.2亿元建设溆浦柑橘精深加工项目。", "湖南雪峰山农业发展有限公司", "undertaker"),
    ("当天，他代表深圳市恒锐精密五金有限公司签下投资协议。恒锐公司将投资6.5亿元建设溆浦恒锐五金配件生产基地项目。",
     "深圳市恒锐精密五金有限公司", "undertaker"),
])
def test_chinese_builders_named_in_other_ways(sentence, name, role):
    projects = _projects("湖北开工\n\n2026年2月25日，多地举行重点项目集中签约活动。" + sentence)
    [p] = projects.values()
    assert (name, role) in parties(p)


@pytest.mark.parametrize("sentence, role", [
    ("Harbourline Logistics Co., Ltd. agreed on March 6 to put $320 million into the Haicang Cold Chain Hub.",
     "investor"),
    ("Lanka Highlands Tea PLC pledged more than $40 million for the Haicang Cold Chain Hub.", "investor"),
])
def test_english_investors_who_agree_or_pledge(sentence, role):
    text = "Fujian deals\n\nXIAMEN, April 2, 2025 -- Fujian signed several deals in March. " + sentence
    p = _projects(text)["Haicang Cold Chain Hub"]
    assert [o.role.value for o in p.organizations] == [role]


def test_a_plant_a_company_will_spend_on_is_the_one_named_a_few_sentences_later():
    text = ("Automakers\n\nBEIJING, March 11, 2026 (Reuters) -- Germany's Volkmar Automotive AG said on Tuesday it would "
            "spend 1.2 billion euros (about 9.4 billion yuan) on a new electric-drive and vehicle assembly plant in "
            "Hefei. It will be the group's third production base in China.\n\n"
            '"China is where the speed is," its chief executive told reporters. A spokeswoman said construction of the '
            "Volkmar Hefei Electric Drive and Assembly Plant would start in the second quarter.")
    plant = _projects(text)["Volkmar Hefei Electric Drive and Assembly Plant"]
    assert (plant.amount.value, plant.amount.currency) == (1.2e9, "EUR")
    assert [o.name for o in plant.organizations] == ["Volkmar Automotive AG"]


def test_where_a_deal_is_signed_places_nothing():
    text = ("青海签约\n\n2026年7月8日，海东市人民政府与中电建西北新能源投资有限公司在西宁签订乐都抽水蓄能电站项目开发协议，"
            "总投资约85亿元。")
    assert _projects(text)["乐都抽水蓄能电站项目"].city == "Haidong"


def test_where_its_company_comes_from_places_nothing():
    text = ("Tianjin deals\n\nTIANJIN, March 19, 2025 -- At a ceremony in Tianjin's Wuqing District on March 17, the "
            "district government signed with Zhongke Lianchuang Co., Ltd., under which the Beijing company will put "
            "2.35 billion yuan into the Jingjin Zhigu Industrial Park.")
    assert _projects(text)["Jingjin Zhigu Industrial Park"].province == "Tianjin"


def test_a_company_based_somewhere_places_nothing():
    text = ("Songjiang deal\n\nSHANGHAI, March 21, 2025 -- The Songjiang Economic and Technological Development Zone "
            "signed a deal on Wednesday with Suzhou-based Hengtai Packaging Co. for the Songjiang Glass Packaging Project, "
            "worth 800 million yuan.")
    assert _projects(text)["Songjiang Glass Packaging Project"].province == "Shanghai"


def test_a_listing_body_named_in_lower_case_is_the_one_the_article_names_in_full():
    text = ("Hebei list\n\nSHIJIAZHUANG, Feb. 18, 2025 (Xinhua) -- Hebei's 2025 key project list, issued by the provincial "
            "development and reform commission on Feb. 17, covers 580 projects. The Tangshan LNG Terminal Project will "
            "cost 12.6 billion yuan.\n\n"
            '"Approvals will not hold up any project," said Zhao Li of the Hebei Provincial Development and Reform '
            "Commission.")
    p = _projects(text)["Tangshan LNG Terminal Project"]
    assert ("Hebei Provincial Development and Reform Commission", "government") in parties(p)


def test_a_described_park_is_the_named_park_of_the_next_sentence_but_not_a_place_called_a_park():
    text = ("Shantou deals\n\nSHANTOU, May 6, 2025 (Xinhua) -- Shantou signed 20 projects on Monday.\n\n"
            'Chenghai District secured a 3.2-billion-yuan smart toy industrial park. The Chenghai Smart Toy Industrial '
            "Park will be developed by Guangdong Lewan Intelligent Toys Co., Ltd.\n\n"
            "Also listed is the Wujiang textile recycling industrial park in Suzhou, worth 2.8 billion yuan.\n\n"
            "In Suzhou Industrial Park, Halvorsen Medical (Suzhou) Co. signed a deal to build a catheter and surgical "
            "stapler plant.")
    projects = _projects(text)
    assert projects["Chenghai Smart Toy Industrial Park"].amount.value == 3.2e9
    assert "smart toy industrial park" not in projects and "Suzhou Industrial Park" not in projects
    assert projects["Wujiang textile recycling industrial park"].amount.value == 2.8e9


def test_where_supplies_come_from_places_nothing():
    text = ("Shizuishan fair\n\nYINCHUAN, Sept. 18, 2026 -- Shizuishan, Ningxia signed projects on Thursday. Ningxia "
            "Yanhu Co., Ltd. agreed to build the Shizuishan Cathode Material Project for 2.4 billion yuan, using phosphate "
            "supplies from the neighbouring Inner Mongolia region.")
    assert _projects(text)["Shizuishan Cathode Material Project"].province == "Ningxia"


def test_the_body_that_issued_a_list_in_an_undated_sentence_is_the_dated_lists():
    text = ("沂水入选\n\n本报讯 近日，临沂市发展和改革委员会印发《2026年临沂市重点项目名单》，沂水县共有12个项目入选。"
            "名单于3月2日正式公布。\n\n在入选项目中，年产10万吨功能性糖醇项目由山东沂蒙糖业科技有限公司建设，总投资15.2亿元。")
    p = _projects(text)["年产10万吨功能性糖醇项目"]
    assert ("临沂市发展和改革委员会", "government") in parties(p)


def test_a_government_whose_consent_is_cited_is_not_the_issuer():
    text = ("山东名单\n\n记者从山东省发展和改革委员会获悉，2月10日，经省政府同意，《2026年省重大项目名单》正式印发。"
            "济南泉芯数字科技有限公司建设的济南智算中心项目总投资36亿元。")
    p = _projects(text)["济南智算中心项目"]
    assert ("山东省发展和改革委员会", "government") in parties(p)


@pytest.mark.parametrize("clause, role", [
    ("will be built by the company", "undertaker"),
    ("to be constructed by the firm", "undertaker"),
    ("funded solely by the company", "investor"),
])
def test_the_company_as_agent_of_a_passive_verb_joins_the_project_named_before(clause, role):
    text = ("Anhui plans\n\n"
            "Hefei Kaiyuan Energy Technology Co., Ltd. is a fast-growing battery maker. The Kaiyuan Solid-State "
            f"Battery Project, {clause} in Feixi county, will cost 6.5 billion yuan.")
    [p] = _projects(text).values()
    assert {(o.name, o.role.value) for o in p.organizations} == {("Hefei Kaiyuan Energy Technology Co., Ltd.", role)}


def test_the_latter_of_the_sentence_before_builds_the_project():
    text = ("2026年合肥签约\n\n"
            "2026年3月12日，合肥市人民政府与安徽华辰新材料有限公司签署合作协议。根据协议，华辰高性能膜材料项目由后者负责投资建设，"
            "总投资8亿元。")
    [p] = _projects(text).values()
    assert ("安徽华辰新材料有限公司", "undertaker") in {(o.name, o.role.value) for o in p.organizations}


def test_the_latter_does_not_reach_into_another_paragraph():
    text = ("2026年合肥签约\n\n"
            "2026年3月12日，合肥市人民政府与安徽华辰新材料有限公司签署合作协议。\n\n"
            "此外，华辰高性能膜材料项目由后者负责投资建设，总投资8亿元。")
    [p] = _projects(text).values()
    assert "安徽华辰新材料有限公司" not in {o.name for o in p.organizations}


def test_construction_handled_by_and_the_scheme_built_by_name_the_builder():
    text = ("Approvals\n\n"
            "BEIJING, Nov. 6, 2025 -- The Lijiang Upper Reaches Water Diversion Project was cleared on October 21. "
            "The approved investment is 9.84 billion yuan.\n\n"
            "\"Water is the ceiling on growth,\" an official said. The scheme is to be built by Yunnan Dianshui "
            "Investment Co., Ltd.\n\n"
            "The Baoshan-Tengchong Expressway was approved on Oct. 14. Construction will be handled by Yunnan "
            "Road Construction Group Co., Ltd.")
    projects = _projects(text)
    assert projects["Lijiang Upper Reaches Water Diversion Project"].amount.value == 9.84e9
    assert ("Yunnan Dianshui Investment Co., Ltd.", "undertaker") in parties(projects["Lijiang Upper Reaches Water Diversion Project"])
    assert ("Yunnan Road Construction Group Co., Ltd.", "undertaker") in parties(projects["Baoshan-Tengchong Expressway"])


def test_a_company_that_is_the_project_owner_past_an_appositive_builds_it_and_an_approval_stays():
    text = ("Approvals\n\n"
            "In Hunan, the commission approved two projects on Oct. 28, 2025. Huaihua will get the Wushui River "
            "Reservoir, a flood control project with an estimated cost of 6.4 billion yuan; Hunan Xiangshui "
            "Investment Group, a state-owned water company, is the project owner and will build it.")
    [p] = _projects(text).values()
    assert ("Hunan Xiangshui Investment Group", "undertaker") in parties(p)
    assert p.status.value == "approved"


def test_the_latter_builds_the_project_named_after_an_investment_agreement():
    text = ("2024年签约\n\n"
            "2024年4月18日，石阡县人民政府与杭州青禾茶业有限公司签订投资协议，由后者在县经济开发区建设“石阡苔茶精深加工项目”，"
            "项目总投资约4亿元。")
    [p] = _projects(text).values()
    assert ("杭州青禾茶业有限公司", "undertaker") in parties(p)


def test_the_company_of_the_sentence_before_signs_and_invests_in_the_project_named_after_it():
    text = ("2024年签约\n\n"
            "2024年4月18日，石阡县举行招商签约会。“我们看中的是这里的温泉。”浙江云栖文旅有限公司董事长在签约后说。"
            "该公司当天与本庄镇人民政府签约“本庄温泉康养小镇项目”，拟投资9500万元。")
    [p] = _projects(text).values()
    assert ("浙江云栖文旅有限公司", "investor") in parties(p)


def test_the_companys_own_earlier_project_is_not_one_it_signs_for():
    text = ("2025年名单\n\n"
            "青海省近日公布2025年省级重点项目名单。青海察尔汗锂业有限公司盐湖提锂三期项目名列其中，项目计划总投资20亿元。\n\n"
            "该公司盐湖提锂二期项目已于2022年建成投产，投资12亿元。")
    projects = _projects(text)
    assert "青海察尔汗锂业有限公司" not in {o.name for p in projects.values() for o in p.organizations if o.role.value == "investor"}


def test_the_project_unit_named_right_before_the_company_builds():
    text = ("2025年芜湖批复\n\n2025年6月12日，芜湖市发展和改革委员会批复芜湖市第二人民医院二期工程，总投资5.84亿元，"
            "项目单位芜湖市第二人民医院负责项目建设实施。")
    [p] = _projects(text).values()
    assert ("芜湖市第二人民医院", "undertaker") in parties(p)
