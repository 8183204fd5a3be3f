"""The rules engine on the seed article and on small paragraphs written for these tests.

The paragraphs use wording different from the seeds on purpose: the rules must follow the
grammar of the sentence (enumerations, anaphora, roles), not the words of one article.
"""

from __future__ import annotations

import pytest

from extractor.engines.base import get_engine
from extractor.engines.rules import RulesEngine
from extractor.ingest import document_from_bytes, load_file
from extractor.settings import Settings
from extractor.types import OrgRole, Status
from tests.conftest import SEED_ARTICLE, SEEDS


def extract(text: str, kind: str = ".txt"):
    doc = document_from_bytes(text.encode("utf-8"), source=f"test{kind}", kind=kind)
    return doc, RulesEngine().extract(doc, [])


def by_name(extraction):
    return {p.name: p for p in extraction.projects}


@pytest.fixture(scope="module")
def seed():
    doc = load_file(SEED_ARTICLE, 5_000_000)
    return doc, RulesEngine().extract(doc, [])


def test_rules_is_the_default_backend():
    settings = Settings()
    engine = get_engine(settings.backend, settings)
    assert settings.backend == "rules" and isinstance(engine, RulesEngine)
    assert engine.name == "rules" and engine.version


def test_seed_projects_places_and_amounts(seed):
    _, ex = seed
    got = by_name(ex)
    expected = {
        "Chongren County Blockchain Technology Construction Project": ("Jiangxi", "Fuzhou", 5e8),
        "Blockchain + VR industrial base project": ("Jiangxi", "Fuzhou", 1e9),
        "Yotta Ecological Base Project": ("Sichuan", "Chengdu", 5e8),
        "Chain + New Technology Cluster": ("Heilongjiang", "Harbin", 1e9),
        "Weifang City-level Smart Digital Parking Project": ("Shandong", "Weifang", 2e9),
        "SMIC Blockchain (Changsha) Public Service Platform": ("Hunan", "Changsha", None),
        "IP Authorized Service Platform Construction": ("Hunan", None, None),
    }
    for name, (province, city, value) in expected.items():
        p = got[name]
        assert (p.province, p.city) == (province, city), name
        assert (p.amount.value if p.amount else None) == value, name
    assert got["Blockchain + VR industrial base project"].district == "Dongxiang"
    assert got["Yotta Ecological Base Project"].status == Status.signed
    assert got["Chongren County Blockchain Technology Construction Project"].date == "2020-03-27"


def test_seed_list_totals_and_parts_are_not_projects(seed):
    doc, ex = seed
    names = {p.name for p in ex.projects}
    assert "2020 Jiangxi Provincial Key Industry Investment Project" not in names
    assert not {"Yotta Ecological Fund Headquarters", "Yotta Western Blockchain Big Data Center"} & names
    assert all(p.amount is None or p.amount.value != 1.5e12 for p in ex.projects)
    assert any(a.kind == "list_total" and a.amount.min == 1.5e12 for a in ex.aggregates)


def test_every_field_has_exact_evidence_in_every_seed():
    for path in sorted(SEEDS.iterdir()):
        doc = load_file(path, 5_000_000)
        for p in RulesEngine().extract(doc, []).projects:
            fields = {e.field for e in p.evidence}
            for e in p.evidence:
                assert doc.text[e.start:e.end] == e.quote and e.doc_id == doc.id
            for field in ("province", "city", "district", "amount", "date", "status"):
                assert (getattr(p, field) is None) or field in fields, (path.name, p.name, field)
            assert all(f"organizations[{i}]" in fields for i in range(len(p.organizations)))
            assert p.id and "name" in fields


def test_respectively_pairs_by_order_and_former_latter_resolve():
    _, ex = extract(
        "Spring signings in Guangxi\n\nOn May 6, 2022, Nanning signed two deals. The Wuming Sugar Refinery "
        "Project and the Liangqing Cold Storage Centre will cost 300 million yuan and 1.1 billion yuan, "
        "respectively. The former will be undertaken by Guangxi Tiantang Sugar Co., Ltd.; the latter will "
        "be built by Nanning Lengku Logistics Co., Ltd.\n")
    got = by_name(ex)
    sugar, cold = got["Wuming Sugar Refinery Project"], got["Liangqing Cold Storage Centre"]
    assert (sugar.amount.value, cold.amount.value) == (3e8, 1.1e9)
    assert [(o.name, o.role) for o in sugar.organizations] == [("Guangxi Tiantang Sugar Co., Ltd.", OrgRole.undertaker)]
    assert [o.name for o in cold.organizations] == ["Nanning Lengku Logistics Co., Ltd."]
    assert sugar.province == "Guangxi" and sugar.date == "2022-05-06" and sugar.status == Status.signed


def test_anaphora_carries_amount_and_traps_stay_out():
    _, ex = extract(
        "Deals in Hebei\n\nOn July 2, 2021, Shijiazhuang signed 12 projects worth a combined 8 billion yuan. "
        "Among them was the Zhengding Drone Test Base, signed with Hebei Feiyan Aviation Co., Ltd.\n\n"
        "This contract is worth 900 million yuan. The company has a registered capital of 100 million yuan "
        "and reported revenue of 2 billion yuan last year.\n")
    (p,) = ex.projects
    assert p.name == "Zhengding Drone Test Base" and p.amount.value == 9e8
    assert p.province == "Hebei" and p.city == "Shijiazhuang" and p.district == "Zhengding"
    kinds = sorted(a.kind for a in ex.aggregates)
    assert kinds == ["list_total", "registered_capital", "revenue"]


def test_list_totals_and_funds_give_no_records():
    _, ex = extract(
        "Provincial plans\n\nThe province's 2022 list contains 300 projects with a total investment of 500 "
        "billion yuan. The city also set up the Qingdao Marine Industry Fund, a 10 billion yuan fund.\n")
    assert ex.projects == []
    assert {a.kind for a in ex.aggregates} == {"list_total", "other"}


def test_chinese_undertaker_anaphora_and_respectively():
    _, ex = extract(
        "【测试】湖北签约\n\n2023年4月12日，武汉市人民政府与武汉光芯科技有限公司签订“光谷硅光芯片产业园项目”投资协议。"
        "按照协议，光芯科技将投资25亿元。\n\n"
        "此外，宜昌市的“磷化工循环经济项目”和襄阳市的“汽车零部件智能工厂项目”分别总投资18亿元和9亿元，"
        "后者由襄阳恒驰汽车部件有限公司承建。该公司注册资本3亿元。\n")
    got = by_name(ex)
    chip = got["光谷硅光芯片产业园项目"]
    assert chip.amount.value == 2.5e9 and chip.city == "Wuhan" and chip.date == "2023-04-12"
    assert ("武汉光芯科技有限公司", OrgRole.investor) in {(o.name, o.role) for o in chip.organizations}
    assert ("武汉市人民政府", OrgRole.signer) in {(o.name, o.role) for o in chip.organizations}
    assert got["磷化工循环经济项目"].amount.value == 1.8e9 and got["磷化工循环经济项目"].city == "Yichang"
    auto = got["汽车零部件智能工厂项目"]
    assert auto.amount.value == 9e8 and auto.city == "Xiangyang"
    assert {a.kind for a in ex.aggregates} == {"registered_capital"}


def test_place_is_inherited_from_the_paragraph_that_introduces_the_list():
    _, ex = extract(
        "Lists\n\nOn January 18, 2021, the Shanxi Provincial Development and Reform Commission released "
        "its list of key projects for 2021.\n\nFor example, the \"Coal Mine Safety Monitoring Cloud Platform\" "
        "undertaken by Taiyuan Kuangan Technology Co., Ltd. is among them.\n")
    (p,) = ex.projects
    assert p.name == "Coal Mine Safety Monitoring Cloud Platform"
    assert p.province == "Shanxi" and p.status == Status.listed and p.date == "2021-01-18"
    roles = {(o.name, o.role) for o in p.organizations}
    assert ("Taiyuan Kuangan Technology Co., Ltd.", OrgRole.undertaker) in roles
    assert ("Shanxi Provincial Development and Reform Commission", OrgRole.government) in roles


def test_markdown_table_rows_are_records_and_total_row_is_not():
    _, ex = extract(
        "# Key projects 2022\n\nAll rows appear in the 2022 provincial key project lists.\n\n"
        "| Province | City | Project | Undertaker | Total investment |\n|---|---|---|---|---|\n"
        "| Hunan | Xiangtan | Xiangtan Motor Plant | Hunan Dianji Co., Ltd. | 1.5 billion yuan |\n"
        "| **Total** | | | | **1.5 billion yuan** |\n", kind=".md")
    (p,) = ex.projects
    assert (p.name, p.province, p.city, p.amount.value, p.status) == (
        "Xiangtan Motor Plant", "Hunan", "Xiangtan", 1.5e9, Status.listed)
    assert [a.kind for a in ex.aggregates] == ["list_total"]


def test_generic_phrases_and_titles_are_not_names():
    _, ex = extract(
        "Commentary\n\nThe key projects of the year are many. These projects and the blockchain projects "
        "of the \"2021 Key Project List\" were discussed at the \"Digital Economy Forum\".\n")
    assert ex.projects == []


# --- recognisers -----------------------------------------------------------------------------------

from extractor.engines.rules.names import find_names  # noqa: E402
from extractor.engines.rules.orgs import find_orgs  # noqa: E402
from extractor.engines.rules.sentences import split_document  # noqa: E402


def test_organisations_english_and_chinese():
    text = ("Among them, Harbin Industry and Information Technology Bureau and Shenzhen Youbiai Information "
            "Technology Co., Ltd. signed; the Hunan Smart Government Blockchain Technology Co., Ltd. and "
            "Norvale Microsystems Pte. Ltd. of Singapore; the Hunan Provincial Department of Industry and "
            "Information Technology approved it.")
    assert [o.text for o in find_orgs(text, zh=False)] == [
        "Harbin Industry and Information Technology Bureau", "Shenzhen Youbiai Information Technology Co., Ltd.",
        "Hunan Smart Government Blockchain Technology Co., Ltd.", "Norvale Microsystems Pte. Ltd.",
        "Hunan Provincial Department of Industry and Information Technology"]
    zh = "由合肥芯衡半导体有限公司承建，赣州经济技术开发区管委会与美的集团股份有限公司签订协议，获四川省发展和改革委员会核准，产业布局优化。"
    assert [(o.text, o.kind) for o in find_orgs(zh, zh=True)] == [
        ("合肥芯衡半导体有限公司", "company"), ("赣州经济技术开发区管委会", "government"),
        ("美的集团股份有限公司", "company"), ("四川省发展和改革委员会", "government")]


def test_project_names_quoted_np_and_rejected():
    text = ('the "IP Authorized Service Platform Construction" project, the Chongren County Blockchain '
            'Technology Construction Project and Blockchain + VR industrial base project; not "second approval", '
            'not the "2020 Jiangxi Provincial Key Industry Investment Project", not key projects or 16 projects, '
            'not the Jinniu High-tech Industrial Park; “12英寸功率器件晶圆制造项目”和《2021年重点项目投资计划》')
    assert [n.text for n in find_names(text, 0, zh=True)] == [
        "IP Authorized Service Platform Construction", "Chongren County Blockchain Technology Construction Project",
        "Blockchain + VR industrial base project", "12英寸功率器件晶圆制造项目"]


def test_sentences_keep_company_titles_together_and_split_clauses():
    text = ('Title\n\nThe "X" of Hunan Sanzheng Co., Ltd. "Blockchain data platform", is one; the other is Beta. '
            'It was built by Foo Co., Ltd. The company is big.\n')
    paras = split_document(text, zh=False)
    sentences = [s.text for p in paras for s in p.sentences]
    assert sentences[1].endswith("the other is Beta.") and len(paras[1].sentences[0].clauses) == 2
    assert sentences[2:] == ["It was built by Foo Co., Ltd.", "The company is big."]


@pytest.mark.parametrize("text, name", [
    ("2025年签约\n\n2025年11月17日，河口县人民政府与华源国际控股有限公司签约，由后者出资4.5亿美元，在河口口岸附近建设"
     "中越跨境冷链物流园，项目名称为“河口中越跨境冷链物流园项目”。", "河口中越跨境冷链物流园项目"),
    ("Shanghai list\n\nSHANGHAI, Feb. 10, 2026 -- Songjiang Cloud Co. will invest in a 2.65-billion-yuan computing "
     "power center in Songjiang, known as the G60 Intelligent Computing Hub.", "G60 Intelligent Computing Hub"),
])
def test_a_project_described_then_given_its_name_is_one_record_by_that_name(text, name):
    from tests.rules_helpers import projects_in
    [p] = projects_in(text).values()
    assert p.name == name and p.amount is not None and p.organizations
