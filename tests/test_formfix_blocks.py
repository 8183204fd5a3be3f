"""Key-value blocks of projects ("项目名称：…" / "项目单位：…" / "总投资：…", "Project name: …" / "Developer: …"),
one field a line, read as one record each, like a table row: name, undertaker, place, amount, and the
status, date and government of the notice sentence that introduces them."""

from __future__ import annotations

import pytest

from extractor.engines.rules import RulesEngine
from extractor.engines.rules.forms import form_rows
from extractor.engines.rules.mentions import collect
from extractor.ingest import document_from_bytes
from extractor.types import OrgRole, Status


def extract(text: str):
    doc = document_from_bytes(text.encode("utf-8"), source="notice.txt")
    return {p.name: p for p in RulesEngine().extract(doc, []).projects}


def orgs(project) -> dict:
    return {o.name: o.role for o in project.organizations}


ZH_NOTICE = """酒泉市发展和改革局关于肃北县等2个项目核准的批复公示

根据有关规定，我局于2025年8月12日对以下项目予以核准，现将核准结果公示如下：

1. 项目名称：肃北县50兆瓦/200兆瓦时共享储能电站项目
   项目法人：肃北蒙古族自治县远景储能有限公司
   建设地点：肃北县马鬃山镇
   投资总额：3.6亿元
   资金来源：企业自筹7200万元，银行贷款28800万元

2. 项目名称：瓜州县年处理10万吨废旧轮胎综合利用项目
   申报单位：瓜州县绿源再生资源有限公司
   建设地点：瓜州县柳园镇
   总投资（万元）：15800
   建设内容：新建生产车间3栋。项目达产后年产值约3亿元。

注：敦煌市某光热项目已于2020年并网发电，总投资30亿元，不在本次公示范围内。

公示期：2025年8月13日至2025年8月19日。
联系电话：0937-1234567
"""


def test_chinese_numbered_blocks_are_one_record_each():
    found = extract(ZH_NOTICE)
    assert set(found) == {"肃北县50兆瓦/200兆瓦时共享储能电站项目", "瓜州县年处理10万吨废旧轮胎综合利用项目"}
    storage = found["肃北县50兆瓦/200兆瓦时共享储能电站项目"]  # the "/" does not cut the name
    assert orgs(storage) == {"肃北蒙古族自治县远景储能有限公司": OrgRole.undertaker, "酒泉市发展和改革局": OrgRole.government}
    assert storage.amount.value == 360_000_000  # the total, not the funding split
    assert (storage.province, storage.city, storage.district) == ("Gansu", "Jiuquan", "Subei")
    assert (storage.status, storage.date) == (Status.approved, "2025-08-12")  # not the 公示期
    tyres = found["瓜州县年处理10万吨废旧轮胎综合利用项目"]
    assert tyres.amount.value == 158_000_000  # a bare number takes the unit the label states
    assert orgs(tyres)["瓜州县绿源再生资源有限公司"] == OrgRole.undertaker
    assert tyres.district == "Guazhou"


def test_an_aside_after_the_blocks_is_not_part_of_the_last_one():
    doc = document_from_bytes(ZH_NOTICE.encode("utf-8"), source="notice.txt")
    ex = RulesEngine().extract(doc, [])
    assert all(p.amount is None or p.amount.value != 3_000_000_000 for p in ex.projects)
    m = collect(doc.text, True, 2025)
    _, used = form_rows(m.paragraphs, set())
    aside = next(p.index for p in m.paragraphs if p.text.startswith("注："))
    assert aside not in used


def test_english_blocks_with_owner_and_developer_labels():
    found = extract("""Qinghai approves two clean energy projects

On October 20, 2025, the Qinghai Provincial Development and Reform Commission approved the following projects:

Project name: Golmud 300 MW/1,200 MWh Pumped Hydro Storage Project
Developer: Qinghai Kunlun Hydropower Co., Ltd.
Location: Golmud, Haixi
Total investment: RMB 4.2 billion

Project name: Delingha 100 MW Solar Thermal Project
Project owner: Haixi Sunfield Energy Co., Ltd.
Total investment: RMB 860 million
Construction period: 24 months

The public comment period runs from October 21 to October 27, 2025.
""")
    assert set(found) == {"Golmud 300 MW/1,200 MWh Pumped Hydro Storage Project", "Delingha 100 MW Solar Thermal Project"}
    golmud = found["Golmud 300 MW/1,200 MWh Pumped Hydro Storage Project"]
    assert golmud.amount.value == 4_200_000_000
    assert orgs(golmud) == {"Qinghai Kunlun Hydropower Co., Ltd.": OrgRole.undertaker,
                            "Qinghai Provincial Development and Reform Commission": OrgRole.government}
    assert (golmud.province, golmud.status, golmud.date) == ("Qinghai", Status.approved, "2025-10-20")
    solar = found["Delingha 100 MW Solar Thermal Project"]
    assert solar.amount.value == 860_000_000
    assert orgs(solar)["Haixi Sunfield Energy Co., Ltd."] == OrgRole.undertaker


def test_fields_sharing_a_line_and_a_numbered_name_without_label():
    found = extract("""关于2025年第三批企业投资项目核准情况的通报

2025年6月，市行政审批服务局对下列项目予以核准。

（一）长治市潞州区智能网联汽车零部件产业园项目
建设单位：山西潞安智造科技有限公司；建设地点：潞州区；总投资：12.5亿元

（二）项目名称：襄垣县煤矸石综合利用热电联产项目；项目单位：襄垣县恒泰热电有限公司；总投资：86000万元
""")
    assert set(found) == {"长治市潞州区智能网联汽车零部件产业园项目", "襄垣县煤矸石综合利用热电联产项目"}
    parts = found["长治市潞州区智能网联汽车零部件产业园项目"]
    assert parts.amount.value == 1_250_000_000 and parts.district == "Luzhou"
    assert orgs(parts)["山西潞安智造科技有限公司"] == OrgRole.undertaker
    power = found["襄垣县煤矸石综合利用热电联产项目"]
    assert power.amount.value == 860_000_000 and power.district == "Xiangyuan"
    assert orgs(power)["襄垣县恒泰热电有限公司"] == OrgRole.undertaker
    assert (power.status, power.date) == (Status.approved, "2025-06")


def test_the_notice_period_does_not_date_the_projects():
    found = extract("""定西市发展和改革委员会关于拟核准项目的公示

我委对以下项目予以核准，公示期为2025年9月20日至2025年9月26日。

一、项目名称：陇西县中药材仓储物流园项目
　　项目单位：陇西县岐黄药业物流有限公司
　　建设地点：陇西县文峰镇
　　总投资：42000万元
""")
    [project] = found.values()
    assert project.date is None
    assert project.amount.value == 420_000_000
    assert orgs(project)["定西市发展和改革委员会"] == OrgRole.government  # 我委: the title's body


@pytest.mark.parametrize("text", [
    "联系人：张三\n联系电话：0931-1234567\n通讯地址：兰州市城关区某路1号",  # a contact block
    "项目名称：某某项目\n建设内容：新建厂房",  # a name alone says no more than the prose would
    "Note: the following is a summary.\nSource: the Commission",
])
def test_what_is_no_project_block(text):
    m = collect(text, not text.isascii(), 2025)
    rows, used = form_rows(m.paragraphs, set())
    assert rows == [] and used == set()


def test_blocks_without_blank_lines_bold_labels_and_numbered_english_items():
    found = extract("""天水市发展和改革委员会关于核准项目的公告

2025年3月，我委核准了以下项目：
（一）**项目名称**：秦州区1.5万吨/年苹果冷链仓储项目
**建设单位**：天水果源冷链物流有限公司
**总投资**：9800万元
（二）**项目名称**：麦积区生活垃圾焚烧发电二期项目
**建设单位**：天水洁能环保电力有限公司
**总投资**：4.3亿元
""")
    assert set(found) == {"秦州区1.5万吨/年苹果冷链仓储项目", "麦积区生活垃圾焚烧发电二期项目"}
    assert found["秦州区1.5万吨/年苹果冷链仓储项目"].amount.value == 98_000_000
    assert found["麦积区生活垃圾焚烧发电二期项目"].amount.value == 430_000_000
    assert all(p.status == Status.approved and p.date == "2025-03" for p in found.values())

    found = extract("""Projects signed at the Lanzhou investment fair

The following agreements were signed on May 8, 2025:

1. Project name: Lanzhou New Area Lithium Battery Recycling Project
   Undertaker: Gansu Greencycle Materials Co., Ltd.
   Location: Lanzhou New Area
   Investment: 1.8 billion yuan
2. Project name: Wuwei Desert Greenhouse Agriculture Park
   Investor: Hexi Agritech Group
   Investment: 650 million yuan
""")
    battery = found["Lanzhou New Area Lithium Battery Recycling Project"]
    assert battery.amount.value == 1_800_000_000
    assert orgs(battery)["Gansu Greencycle Materials Co., Ltd."] == OrgRole.undertaker
    park = found["Wuwei Desert Greenhouse Agriculture Park"]
    assert park.amount.value == 650_000_000 and orgs(park)["Hexi Agritech Group"] == OrgRole.investor
    assert all(p.status == Status.signed and p.date == "2025-05-08" for p in found.values())
