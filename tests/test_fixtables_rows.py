"""Table rows: total rows in either language, place/party/date columns, the place a row's name or
the introducing paragraph states, the listing authority, and prose about a listed project merged in."""

from __future__ import annotations

import pytest

from extractor.engines.rules import RulesEngine
from extractor.engines.rules.tables import _TOTAL, table_rows
from extractor.engines.rules.mentions import collect
from extractor.ingest import document_from_bytes
from extractor.types import OrgRole, Status


def extract(text: str):
    doc = document_from_bytes(text.encode("utf-8"), source="t.md", kind=".md")
    return doc, RulesEngine().extract(doc, [])


def by_name(ex):
    return {p.name: p for p in ex.projects}


@pytest.mark.parametrize("label", ["共计", "合计", "合　计", "总计", "小计", "累计", "Total", "TOTAL", "Grand total",
                                   "Subtotal", "Sum", "All", "**Totals**", "总计：",
                                   "Total (3 projects)", "合计（3个）", "共计3个项目", "Total: 3 projects"])
def test_total_labels(label):
    assert _TOTAL.match(label)


@pytest.mark.parametrize("label", ["Total Energy Storage Hub", "合计划项目", "Allwin Logistics Park"])
def test_names_that_only_start_like_totals_are_not_totals(label):
    assert not _TOTAL.match(label)


def test_chinese_total_row_is_an_aggregate_and_location_column_gives_the_place():
    _, ex = extract(
        "# 江西省重点项目\n\n部分入选项目如下：\n\n"
        "| 序号 | 项目名称 | 项目单位 | 总投资（万元） | 建设地点 |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 智能装备产业园项目 | 南昌赣锐智能装备有限公司 | 56000 | 南昌市青山湖区 |\n"
        "| 2 | 物流枢纽项目 | 九江港联物流有限公司 | 30000 | 九江市 |\n"
        "|  | 共计 |  | 86000 |  |\n")
    got = by_name(ex)
    assert set(got) == {"智能装备产业园项目", "物流枢纽项目"}
    p = got["智能装备产业园项目"]
    assert (p.province, p.city, p.district) == ("Jiangxi", "Nanchang", "Qingshanhu")
    assert [(o.name, o.role) for o in p.organizations] == [("南昌赣锐智能装备有限公司", OrgRole.undertaker)]
    assert p.amount.value == 5.6e8
    assert (got["物流枢纽项目"].city, got["物流枢纽项目"].district) == ("Jiujiang", None)
    assert [(a.kind, a.amount.value) for a in ex.aggregates] == [("list_total", 8.6e8)]


def test_ambiguous_city_in_a_location_column_is_read_in_the_lists_province():
    # Fuzhou is a city of Fujian and of Jiangxi: the paragraph introducing the table says Jiangxi.
    _, ex = extract(
        "# Key projects\n\nJiangxi's 2023 list of provincial key projects includes the following:\n\n"
        "| Project | Location | Company |\n|---|---|---|\n"
        "| Linchuan Pharmaceutical Park | Fuzhou | Ganfu Pharma Co., Ltd. |\n")
    (p,) = ex.projects
    assert (p.province, p.city) == ("Jiangxi", "Fuzhou")


def test_place_from_the_name_cell_else_from_the_introducing_paragraph():
    _, ex = extract(
        "# 重点项目\n\n湖南省2023年省重点建设项目名单中的部分项目：\n\n"
        "| 项目名称 | 建设单位 |\n| --- | --- |\n"
        "| 岳麓区数字文创园项目 | 长沙麓数文化有限公司 |\n"
        "| 先进储能材料项目 | 湘储新材料有限公司 |\n")
    got = by_name(ex)
    a, b = got["岳麓区数字文创园项目"], got["先进储能材料项目"]
    assert (a.province, a.city, a.district) == ("Hunan", "Changsha", "Yuelu")
    assert (b.province, b.city) == ("Hunan", None)


def test_signing_table_counterparty_is_a_signer_and_signed_column_dates_the_row():
    _, ex = extract(
        "# Signing\n\n**SHENZHEN, May 30, 2023** -- Ruiguang Optics Co., Ltd. signed two agreements this month.\n\n"
        "| Project | Site | Partner | Value | Signed |\n|---|---|---|---|---|\n"
        "| Lens Module Plant | Longgang, Shenzhen | Longgang District People's Government | RMB 800 million | May 12 |\n"
        "| Optical Film Line | Huizhou | Huizhou Zhongkai Development Co., Ltd. | RMB 300 million | early May |\n")
    got = by_name(ex)
    p = got["Lens Module Plant"]
    assert (p.province, p.city, p.district) == ("Guangdong", "Shenzhen", "Longgang")
    assert p.status == Status.signed and p.date == "2023-05-12"
    assert ("Longgang District People's Government", OrgRole.signer) in {(o.name, o.role) for o in p.organizations}
    assert got["Optical Film Line"].date == "2023-05"


def test_a_construction_start_column_does_not_date_a_listed_row():
    doc, ex = extract(
        "# 名单\n\n3月2日，四川省发展和改革委员会印发2023年省重点项目名单，部分项目如下：\n\n"
        "| 项目名称 | 业主单位 | 开工时间 |\n| --- | --- | --- |\n"
        "| 成都东部新区航空配套产业园项目 | 成都东航配套产业有限公司 | 2023年6月 |\n")
    (p,) = ex.projects
    assert p.status == Status.listed and p.date != "2023-06"
    rows, _ = table_rows(collect(doc.text, True, doc.year).paragraphs)
    assert rows[0].date_status is None


def test_rows_take_the_listing_authority_as_government():
    _, ex = extract(
        "# Key projects\n\nOn March 3, 2023, the Shaanxi Provincial Development and Reform Commission published "
        "the 2023 list of provincial key projects. Some of the listed projects:\n\n"
        "| Project | Undertaker | Location |\n|---|---|---|\n"
        "| Baoji Titanium Alloy Forging Base | Baoji Taiye Forging Co., Ltd. | Baoji |\n")
    (p,) = ex.projects
    roles = {(o.name, o.role) for o in p.organizations}
    assert ("Shaanxi Provincial Development and Reform Commission", OrgRole.government) in roles
    assert ("Baoji Taiye Forging Co., Ltd.", OrgRole.undertaker) in roles
    assert (p.province, p.city, p.status) == ("Shaanxi", "Baoji", Status.listed)


def test_prose_and_row_of_one_project_are_one_record_with_the_fields_of_both():
    doc, ex = extract(
        "# Projects\n\nOn June 6, 2023, Tianrui Chemical Co., Ltd. signed an agreement for the Xuwei Fine "
        "Chemicals Base, investing 2.4 billion yuan.\n\n"
        "| Project | Location | Signed |\n|---|---|---|\n"
        "| Xuwei Fine Chemicals Base | Guanyun, Lianyungang | June 6 |\n")
    (p,) = ex.projects
    assert (p.province, p.city, p.district) == ("Jiangsu", "Lianyungang", "Guanyun")
    assert p.amount.value == 2.4e9 and p.status == Status.signed and p.date == "2023-06-06"
    assert "Tianrui Chemical Co., Ltd." in {o.name for o in p.organizations}  # from the prose
    for e in p.evidence:  # every kept field grounded in the text
        assert doc.text[e.start:e.end] == e.quote
    fields = {e.field for e in p.evidence}
    assert {"name", "province", "city", "district", "amount", "status", "date"} <= fields


def test_an_ambiguous_city_column_without_a_province_column_is_read_in_the_lists_province():
    _, ex = extract(
        "# Key projects\n\nJiangxi published its 2023 list of provincial key projects, including:\n\n"
        "| City | Project | Undertaker |\n|---|---|---|\n"
        "| Fuzhou | Nancheng Furniture Park | Jiangxi Nanfu Furniture Co., Ltd. |\n")
    (p,) = ex.projects
    assert (p.province, p.city) == ("Jiangxi", "Fuzhou")
