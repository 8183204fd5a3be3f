"""Organisation roles in joint ventures, coordinated lists, gapped clauses, relative clauses, a
follow-up "respectively" sentence and places that sign (sentences written for these tests)."""

import inspect

import pytest

from extractor.engines.rules import RulesEngine, cues
from extractor.engines.rules.linking import Linker
from extractor.ingest import document_from_bytes
from extractor.types import OrgRole


def orgs_of(text: str) -> dict[str, list[tuple[str, str]]]:
    doc = document_from_bytes(text.encode("utf-8"), source="t.txt")
    out = RulesEngine().extract(doc, [])
    return {p.name: sorted((o.name, OrgRole(o.role).value) for o in p.organizations) for p in out.projects}


def test_joint_venture_partners_both_build():
    text = ("Hunan signs solar deal\n\nThe Xiangxi county government signed an agreement on Monday for the "
            "Fenghuang Solar Farm, which has a total investment of 2.1 billion yuan. The farm will be developed "
            "by a joint venture between Hunan Xiangdian Power Co., Ltd. and Lanshan Solar Co., Ltd., a "
            "Changsha-based firm.\n")
    assert orgs_of(text)["Fenghuang Solar Farm"] == [
        ("Hunan Xiangdian Power Co., Ltd.", "undertaker"), ("Lanshan Solar Co., Ltd.", "undertaker"),
        ("Xiangxi county government", "signer")]


def test_companies_joined_by_and_share_the_role_before_them():
    text = ("Projects\n\nThe Tongling Copper Foil Project, worth 4 billion yuan, is undertaken by Tongling "
            "Metals Co., Ltd., Anhui Foil Co., Ltd. and Chizhou Materials Co., Ltd.\n")
    assert orgs_of(text)["Tongling Copper Foil Project"] == [
        ("Anhui Foil Co., Ltd.", "undertaker"), ("Chizhou Materials Co., Ltd.", "undertaker"),
        ("Tongling Metals Co., Ltd.", "undertaker")]


def test_gapped_clause_takes_the_verb_left_out():
    text = ("Key projects\n\nThe Quzhou Chemical Park and the Zhoushan Shipbuilding Project will cost 1 billion "
            "yuan and 2 billion yuan respectively. The first is being built by Quzhou Chem Co., Ltd.; the second "
            "by Zhoushan Marine Co., Ltd., which reported revenue of 3 billion yuan.\n")
    found = orgs_of(text)
    assert found["Quzhou Chemical Park"] == [("Quzhou Chem Co., Ltd.", "undertaker")]
    assert found["Zhoushan Shipbuilding Project"] == [("Zhoushan Marine Co., Ltd.", "undertaker")]


def test_elided_role_reads_only_a_gapped_clause():
    text = "The first is funded by A Co.; the second by B Co."
    at = text.index("B Co.")
    assert cues.elided_role(text, text.index("the second"), at, 0) == OrgRole.investor
    # a clause with its own verb is not gapped
    text = "The first is built by A Co.; the second was signed yesterday by B Co."
    assert cues.elided_role(text, text.index("the second"), text.index("B Co."), 0) is None


def test_company_that_will_build_or_develop_the_project_undertakes_it():
    text = ("Key projects\n\nThe Hefei-Anqing Expressway was approved by the National Development and Reform "
            "Commission in May, with an estimated investment of 20 billion yuan. Anhui Transport Holding Group "
            "Co., Ltd. will build the 200-kilometre expressway, which opens in 2028.\n\n"
            "The Huangshan Tea Town, which Huangshan Tourism Development Co., Ltd. will develop south of the "
            "city (total investment: 5 billion yuan), is expected to open in 2027.\n\n"
            "Shortly after, Anhui Port Group Co., Ltd. unveiled plans for the Wuhu Container Terminal Upgrade, "
            "which it will carry out at a cost of about 800 million yuan.\n")
    found = orgs_of(text)
    assert ("Anhui Transport Holding Group Co., Ltd.", "undertaker") in found["Hefei-Anqing Expressway"]
    assert found["Huangshan Tea Town"] == [("Huangshan Tourism Development Co., Ltd.", "undertaker")]
    assert ("Anhui Port Group Co., Ltd.", "undertaker") in found["Wuhu Container Terminal Upgrade"]


def test_the_company_means_the_one_named_earlier_in_the_sentence():
    text = ("Projects\n\nThe Hefei Glass Project will cost 2 billion yuan. Hefei Glass Works Co., Ltd. will build "
            "the project.\n\nLater, Wuhu Chemicals Co., Ltd. plans to invest 1 billion yuan in the Wuhu Olefins "
            "Project, which the company hopes will be listed next year.\n")
    found = orgs_of(text)
    assert found["Hefei Glass Project"] == [("Hefei Glass Works Co., Ltd.", "undertaker")]
    assert found["Wuhu Olefins Project"] == [("Wuhu Chemicals Co., Ltd.", "investor")]


def test_the_investor_followed_by_its_name_is_not_an_anaphor():
    assert not cues.says_the_company("and the investor, Hubei Changfeng Power Co., Ltd., has withdrawn")
    assert cues.says_the_company("and the investor has withdrawn")
    assert cues.says_the_company("it will be built by the company, Wang Wei said")


def test_builder_named_with_is_the_builder_and_after_an_appositive():
    assert cues.role_cue("X is the builder, and", 0, 1) == OrgRole.undertaker
    text = "X Co., a unit of state-owned Y Group, is responsible for construction."
    assert cues.role_cue(text, 0, 5) == OrgRole.undertaker


_HOOK = "orgs and self.enumeration" in inspect.getsource(Linker._sentence)


@pytest.mark.skipif(not _HOOK, reason="needs linking.py to call _link_orgs for a sentence that names only "
                                      "organisations while an enumeration is open (lead's hook)")
def test_respectively_in_a_follow_up_sentence_pairs_with_the_enumeration():
    text = ("Key projects\n\nThe province's list includes the Wuhu Port Expansion, the Anqing Glass Project and "
            "the Bengbu Film Project, with investments of 20 billion yuan, 3 billion yuan and 4 billion yuan "
            "respectively. They will be built by Wuhu Port Co., Ltd., Anqing Glass Co., Ltd. and Bengbu Film "
            "Co., Ltd., respectively.\n")
    found = orgs_of(text)
    assert found["Wuhu Port Expansion"] == [("Wuhu Port Co., Ltd.", "undertaker")]
    assert found["Anqing Glass Project"] == [("Anqing Glass Co., Ltd.", "undertaker")]
    assert found["Bengbu Film Project"] == [("Bengbu Film Co., Ltd.", "undertaker")]


def test_place_named_with_its_city_signs_as_its_government():
    text = "签约项目\n\n3月5日，南宁市武鸣区与广西远航新材料科技有限公司签约复合材料生产基地项目，计划投资12亿元。\n"
    assert orgs_of(text)["复合材料生产基地项目"] == [("南宁市武鸣区", "signer"), ("广西远航新材料科技有限公司", "signer")]
    text = ("Jiangsu signs deals\n\nOn Monday, Suzhou's Wujiang District signed a contract with Helmer Textiles "
            "GmbH for the Wujiang Technical Fabrics Plant valued at 50 million euros.\n")
    assert orgs_of(text)["Wujiang Technical Fabrics Plant"] == [
        ("Helmer Textiles GmbH", "signer"), ("Wujiang District", "signer")]


def test_place_named_alone_or_not_signing_is_no_signer():
    # a place named alone is left out, as the development gold does
    text = "签约项目\n\n3月5日，武鸣区与广西远航新材料科技有限公司签约复合材料生产基地项目，计划投资12亿元。\n"
    assert orgs_of(text)["复合材料生产基地项目"] == [("广西远航新材料科技有限公司", "signer")]
    # a place that hosts the project, not a party
    text = ("签约项目\n\n3月5日，广西远航新材料科技有限公司签约南宁市武鸣区复合材料生产基地项目，计划投资12亿元。\n")
    assert all(name != "南宁市武鸣区" for name, _ in orgs_of(text).get("南宁市武鸣区复合材料生产基地项目", []))


def test_company_that_signs_to_invest_or_to_build_says_its_role():
    text = ("Deals\n\nItalian toolmaker Ferrante Utensili SpA on Friday signed an agreement with the Jiaxing "
            "municipal government to invest $60 million in the Jiaxing Precision Tools Plant.\n\n"
            "Ningbo Harbour Logistics Co., a unit of provincial port operator Zhejiang Seaport Group, signed a "
            "contract on May 2 to build the Ningbo Cold Chain Hub, worth 900 million yuan.\n")
    found = orgs_of(text)
    assert ("Jiaxing municipal government", "signer") in found["Jiaxing Precision Tools Plant"]
    assert ("Ferrante Utensili SpA", "investor") in found["Jiaxing Precision Tools Plant"]
    # (the parent named to describe the company signs nothing)
    assert found["Ningbo Cold Chain Hub"] == [("Ningbo Harbour Logistics Co.", "undertaker")]


def test_signing_alone_gives_no_role_of_its_own():
    assert cues.signed_to_role("X signed an agreement with the county on Monday.", 1) is None
    assert cues.signed_to_role("X signed an agreement. The county plans to build roads.", 1) is None
    assert cues.signed_to_role("X on Monday signed a pact with Y to set up a plant.", 1) == OrgRole.undertaker


def test_a_government_that_signs_with_a_company_to_build_does_not_build():
    text = ("Deals\n\nThe Wuhu Municipal People's Government on Monday signed an agreement with Anhui Glass Co., "
            "Ltd. to build the Wuhu Glass Plant, worth 2 billion yuan.\n")
    assert ("Wuhu Municipal People's Government", "signer") in orgs_of(text)["Wuhu Glass Plant"]


def test_a_clause_with_a_verb_of_its_own_is_not_gapped():
    text = "The hall is built by A Co.; funded in part by B Co."
    assert cues.elided_role(text, text.index("funded"), text.index("B Co."), 0) is None


def test_companies_joined_by_and_share_the_role_after_them():
    text = ("Projects\n\nHunan Xiangdian Power Co., Ltd. and Lanshan Solar Co., Ltd. will build the Fenghuang "
            "Solar Farm, worth 2 billion yuan.\n")
    assert orgs_of(text)["Fenghuang Solar Farm"] == [
        ("Hunan Xiangdian Power Co., Ltd.", "undertaker"), ("Lanshan Solar Co., Ltd.", "undertaker")]
