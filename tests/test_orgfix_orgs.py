"""Organisation names: bare "Co"/"Co." and foreign legal suffixes, parentheses after the suffix,
dates and articles before a name, and words that only look like organisations."""

from __future__ import annotations

import pytest

from extractor.engines.rules import orgs
from extractor.engines.rules.orgs import cell_org_end, find_orgs


def _names(text: str, zh: bool = False) -> list[str]:
    return [o.text for o in find_orgs(text, zh)]


@pytest.mark.parametrize("text, expected", [
    ("Shaanxi Yanchang Chemical Co said on Monday it would expand.", ["Shaanxi Yanchang Chemical Co"]),
    ("Qingdao Harbour Logistics Co., a unit of the port group, will run it.", ["Qingdao Harbour Logistics Co."]),
    ("The mill is to be built by Anhui Xinyuan Paper Materials Co. Work starts in May.",
     ["Anhui Xinyuan Paper Materials Co."]),
    ("A venture between Ningbo Tidal Power Co and Harbin Boiler Co will build it.",
     ["Ningbo Tidal Power Co", "Harbin Boiler Co"]),
    ("Meridian Steel Corp said it would build a mill.", ["Meridian Steel Corp"]),
    ("Kessler Instruments (Wuxi) Co. will supply sensors.", ["Kessler Instruments (Wuxi) Co."]),
    ("Tata Sons Co Ltd signed.", ["Tata Sons Co Ltd"]),
])
def test_bare_co_closes_a_capitalised_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "The Co said nothing.",            # no name before it
    "In Co. Kerry a farm was sold.",   # a county, after a preposition
    "The CO2 pipeline and the co-op.",  # not the word Co
    "Smith and Co were late.",          # "and" cannot open a name
])
def test_co_alone_is_no_name(text):
    assert _names(text) == []


@pytest.mark.parametrize("name", [
    "Valmont Eau SA", "Rheinwerk Energie AG", "Lindqvist Pumps AB", "Rotterdam Dredging NV",
    "Fincantieri Navale SpA", "Harbour Minerals Pty Ltd", "Rossi Impianti S.r.l.", "Air Fluide S.A.",
    "Van Dijk Holding N.V.", "Kotka Paper Oyj", "Maersk Feeder A/S", "Petrolia Sdn Bhd", "Kowloon Tram Limited",
])
def test_foreign_legal_suffixes(name):
    assert _names(f"The investor, {name}, signed the contract.") == [name]


def test_a_place_in_parentheses_after_the_suffix_is_not_part_of_the_name():
    text = "The investors, Nordvik Timber AB (Norway) and Lindqvist Pumps Co., signed on Friday."
    assert _names(text) == ["Nordvik Timber AB", "Lindqvist Pumps Co."]
    assert _names("Halvorsen Optics (Ningbo) Co., Ltd. (Denmark) will supply lenses.") == [
        "Halvorsen Optics (Ningbo) Co., Ltd."]


@pytest.mark.parametrize("cell, expected", [
    ("Nordvik Timber AB (Norway)", "Nordvik Timber AB"),
    ("Halvorsen Optics (Ningbo) Co.", "Halvorsen Optics (Ningbo) Co."),
    ("晋北新材料科技有限公司（牵头）", "晋北新材料科技有限公司"),
    ("Rotterdam Dredging NV", "Rotterdam Dredging NV"),
    ("China Railway (lead)", "China Railway (lead)"),  # no legal suffix before the parenthesis
])
def test_cell_org_end(cell, expected):
    assert cell[:cell_org_end(cell, zh=True)] == expected


@pytest.mark.parametrize("text, expected", [
    ("On June 12 the Shandong Provincial Development and Reform Commission approved it.",
     "Shandong Provincial Development and Reform Commission"),
    ("On 3 May 2024 Anhui Provincial Government said so.", "Anhui Provincial Government"),
    ("On Tuesday Gansu Provincial Department of Commerce said so.", "Gansu Provincial Department of Commerce"),
    ("In 2025 Hubei Provincial Development and Reform Commission approved it.",
     "Hubei Provincial Development and Reform Commission"),
    ("On Sept. 9 Wuhan Metro Group Co., Ltd. started work.", "Wuhan Metro Group Co., Ltd."),
    ("On Sept. 9, 2025 Wuhan Metro Group Co., Ltd. started work.", "Wuhan Metro Group Co., Ltd."),
    ("Bank of the East and the Hunan Provincial Government signed.", "Hunan Provincial Government"),
])
def test_a_date_or_article_before_the_name_is_not_part_of_it(text, expected):
    assert _names(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Ministry of the Interior of Ruritania said so.", ["Ministry of the Interior"]),  # "of the" stays inside
    ("On Friday the Hubei Department of the Environment said so.", ["Hubei Department of the Environment"]),
    ("The 2010 Expo Organising Committee said so.", ["2010 Expo Organising Committee"]),  # a year in a name
])
def test_articles_and_years_that_belong_to_a_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "The parties will set up the Project Company next month.",
    "The Joint Venture Company will run the plant.",
    "此次在沁源县布局的光伏组件生产项目分三期建设",
    "长治市格局已定",
    "在晋城市政务大厅办理手续",
    "由企业在当地注册的项目公司负责运营",
    "双方将成立合资公司",
    "由其全资子公司负责建设",
])
def test_generic_nouns_and_verbs_are_no_organisations(text):
    assert _names(text, zh=True) == []


@pytest.mark.parametrize("text, expected", [
    ("由太原市规划和自然资源局负责", ["太原市规划和自然资源局"]),
    ("晋城市教育和体育局发布通知", ["晋城市教育和体育局"]),
    ("长治市公安局和国家安全局", ["长治市公安局", "国家安全局"]),
    ("双方设立山西晋能新材料有限公司", ["山西晋能新材料有限公司"]),
    # 建设 and 投资 are verbs that cut a name, and words of these names
    ("由宁乡市城市建设投资开发有限公司负责实施", ["宁乡市城市建设投资开发有限公司"]),
    ("由株洲城市建设投资开发集团有限公司建设", ["株洲城市建设投资开发集团有限公司"]),
    ("由宜章县住房和城乡建设局组织实施", ["宜章县住房和城乡建设局"]),
    ("经省政府同意，由省住房和城乡建设厅牵头", ["省政府", "省住房和城乡建设厅"]),
    ("郴州市投资促进局与客商签约", ["郴州市投资促进局"]),
    ("与力角镇大罗城村股份经济合作社签约", ["力角镇大罗城村股份经济合作社"]),
    ("湖北省人民政府办公厅2月25日印发名单", ["湖北省人民政府办公厅"]),
    ("签约的项目中，投资最大的当属上海云启数据科技有限公司。", ["上海云启数据科技有限公司"]),
])
def test_real_bureaus_and_companies_are_kept(text, expected):
    assert _names(text, zh=True) == expected


def test_the_trigger_finds_every_foreign_suffix():
    """_EN_SUFFIX_TRIGGER must hit the first letters of every legal form _EN_SUFFIX knows."""
    text = ("Ab S.p.A. x Cd SpA x Ef S.r.l. x Gh Srl x Ij S.A.S. x Kl SAS x Mn S.A. x Op SA x Qr AG x "
            "St AB x Uv N.V. x Wx NV x Yz B.V. x Ab BV x Cd Oyj x Ef Oy x Gh ASA x Ij A/S x Kl Sdn Bhd x "
            "Mn Bhd x Op Limited x Qr Plc x St LLP x Uv Co. x Wx Co x")
    fast = [m.span() for m in orgs._suffix_matches(orgs._EN_SUFFIX, orgs._EN_SUFFIX_TRIGGER, text)]
    assert fast == [m.span() for m in orgs._EN_SUFFIX.finditer(text)]
    assert len(fast) == 25


@pytest.mark.parametrize("text, name", [
    ("backed by Singapore's Skyreach Aerospace Pte Ltd with", "Skyreach Aerospace Pte Ltd"),
    ("Hubei's Wuhan Steel Group Co., Ltd. will build", "Wuhan Steel Group Co., Ltd."),
    ("Hong Kong's Sunvale Holdings Ltd said", "Sunvale Holdings Ltd"),
    ("McDonald's China Co., Ltd. opened", "McDonald's China Co., Ltd."),  # a brand, not a place
])
def test_a_place_owning_a_company_is_not_part_of_its_name(text, name):
    assert [o.text for o in find_orgs(text, False)] == [name]


@pytest.mark.parametrize("text, names", [
    ("项目建设单位为鞍山高新区国有资本投资运营有限公司。", ["鞍山高新区国有资本投资运营有限公司"]),
    ("A集团投资鞍山钢铁有限公司建设", ["鞍山钢铁有限公司"]),  # 投资 the verb: a place opens the next name
    ("由德国施泰纳集团在华全资子公司施泰纳（苏州）精密有限公司投资建设", ["德国施泰纳集团", "施泰纳（苏州）精密有限公司"]),
    ("华为技术有限公司深圳分公司", ["华为技术有限公司深圳分公司"]),
])
def test_chinese_names_with_investment_words_and_subsidiaries(text, names):
    assert [o.text for o in find_orgs(text, True)] == names


@pytest.mark.parametrize("text, names", [
    ("On March 11, the People's Government of Shanxi Province officially issued the list", ["People's Government of Shanxi Province"]),
    ("the Government of the day said", []),
])
def test_a_government_named_by_its_place_after_of(text, names):
    assert [o.text for o in find_orgs(text, False)] == names


def test_a_connector_inside_a_brand_after_a_place_is_part_of_the_name():
    found = [o.text for o in find_orgs("延边州敦化市人民政府与北京同康健本生物医药有限公司签订协议", True)]
    assert found == ["延边州敦化市人民政府", "北京同康健本生物医药有限公司"]
    # (a partner's name that opens with its own place is still cut off at the connector)
    assert [o.text for o in find_orgs("长沙市政府和深圳市腾讯科技有限公司签约", True)] == ["长沙市政府", "深圳市腾讯科技有限公司"]


def test_a_short_name_defined_after_an_address_is_the_bodys():
    text = ('X Co. signed with the People\'s Government of Luotian County, Huanggang City, Hubei Province, the PRC '
            '(the "County Government"). The County Government shall assist.')
    gov = find_orgs(text, False)[1]
    assert (gov.text, gov.short_names) == ("People's Government of Luotian County", ("County Government",))


def test_an_unnamed_company_is_no_organisation_and_haiyou_is_no_part_of_a_name():
    assert [o.text for o in find_orgs("华东地区某上市公司拟在永川投资", True)] == []
    assert [o.text for o in find_orgs("同日签约的还有浙江恒瑞精密压铸有限公司的项目", True)] == ["浙江恒瑞精密压铸有限公司"]


def test_the_company_referred_to_is_no_name():
    assert [o.text for o in find_orgs("由该公司投资2.6亿元建设", True)] == []


def test_an_of_tail_holds_a_bracketed_place():
    text = "signed with the Qinzhou Port Area Administrative Committee of the China (Guangxi) Pilot Free Trade Zone."
    assert [o.text for o in find_orgs(text, False)] == [
        "Qinzhou Port Area Administrative Committee of the China (Guangxi) Pilot Free Trade Zone"]


def test_a_level_body_after_jing_is_the_body():
    text = "记者从山东省发展和改革委员会获悉，经省政府同意，名单正式印发。"
    assert [o.text for o in find_orgs(text, True)] == ["山东省发展和改革委员会", "省政府"]


def test_an_administrative_committee_named_in_lower_case_of_its_zone():
    text = "Fulin signed an agreement with the administrative committee of Mianyang High-tech Industrial Development Zone."
    assert [o.text for o in find_orgs(text, False)] == ["administrative committee of Mianyang High-tech Industrial Development Zone"]
    assert find_orgs("its management committee said", False) == []


def test_a_district_that_signs_is_no_part_of_the_companys_name():
    assert [o.text for o in find_orgs("金坛区则签下新加坡盛邦物流集团的智慧冷链物流园项目", True)] == ["新加坡盛邦物流集团"]


def test_a_label_before_a_companys_name_is_no_part_of_it():
    assert [o.text for o in find_orgs("由南康区属国有企业江西南康家居产业投资集团有限公司承建", True)] == [
        "江西南康家居产业投资集团有限公司"]


@pytest.mark.parametrize("text, zh, expected", [
    ("Copenhagen-based Nordvik Biologics will build a biomedicine base.", False, ["Nordvik Biologics"]),
    ("Shenzhen-based Lingxi Robotics said it would invest.", False, ["Lingxi Robotics"]),
    ("It is carried out by the Xiapu Dongxia Tea Farmers' Cooperative.", False, ["Xiapu Dongxia Tea Farmers' Cooperative"]),
    # not a company: a material and a plant; a clause; 该公司 again
    ("Haiyang Co., Ltd. is preparing the Yangpu Bio-based Materials Plant, which turns waste.", False, ["Haiyang Co., Ltd."]),
    ("恒锂科技表示，本次投资是公司基于长期战略的安排。", True, []),
    ("齐齐哈尔市人民政府与北方电建有限公司签订投资协议，项目由该公司投资建设。", True, ["齐齐哈尔市人民政府", "北方电建有限公司"]),
])
def test_companies_known_by_where_they_are_based_and_cooperatives(text, zh, expected):
    assert _names(text, zh) == expected
