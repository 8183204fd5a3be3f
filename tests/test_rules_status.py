"""Status and dates the linker gives projects: events, look-backs, asides, construction starts, filings."""

from __future__ import annotations

import pytest

from tests.rules_helpers import projects_in as _projects


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


def test_a_park_completed_years_ago_is_no_project_and_a_running_year_dates_nothing():
    text = ("Weekly\n\n"
            "HARBIN - Not new, but worth noting: the Taiping Lake Ski Park, completed in 2019, said its revenue "
            "passed 1.1 bln yuan. On Sept 12, 2025 the NDRC approved the Harbin Cathode Film Project, which is "
            "designed to turn out 5,000 tonnes a year when fully running in 2028.")
    projects = _projects(text)
    assert "Taiping Lake Ski Park" not in projects
    assert projects["Harbin Cathode Film Project"].date == "2025-09-12"


def test_projects_named_on_an_approved_list_with_their_places_are_records_dated_by_the_meeting():
    text = ("2026年陇南重大项目\n\n"
            "新华网兰州2026年3月6日电 记者6日从甘肃省人民政府获悉，省政府5日召开常务会议，审议通过《2026年陇南市重大项目清单》。"
            "清单中，既有总投资约22亿元的陇南市武都区城市快速路工程，也有陇南市成县光伏治沙项目、陇南市徽县中药材加工园项目等。"
            "会议要求对进度滞后项目实行挂牌督办。")
    projects = _projects(text)
    assert sorted(projects) == ["陇南市徽县中药材加工园项目", "陇南市成县光伏治沙项目", "陇南市武都区城市快速路工程"]
    road = projects["陇南市武都区城市快速路工程"]
    assert (road.amount.value, road.status.value, road.date) == (22e8, "listed", "2026-03-05")


def test_deciding_to_approve_projects_approves_them():
    text = ("Notice\n\n"
            "On 8 April 2025 the county government has decided to approve the following projects as the first batch "
            "of 2025 county-level key construction projects. The Yuxi Cold Chain Centre, invested by Yuxi Lengyun "
            "Logistics Co., Ltd., will cost RMB 300 million.")
    [p] = _projects(text).values()
    assert p.status.value == "approved"


def test_signing_off_on_a_project_approves_it():
    text = ("Fujian approvals\n\nFUZHOU, Aug 9, 2024 -- The Fujian Provincial Development and Reform Commission said on Thursday that it "
            "had signed off on the Nanping Tea Logistics Park Project on Aug 6. The park will cost 900 million yuan.")
    [p] = _projects(text).values()
    assert (p.status.value, p.date) == ("approved", "2024-08-06")


def test_projects_that_broke_ground_on_a_signing_day_started_that_day():
    text = ("肇庆签约开工\n\n3月18日上午，2026年肇庆市重大项目集中签约活动举行；同日，全市集中开工项目21个。\n\n"
            "签约现场，肇庆高新区管理委员会与广州锐芯半导体有限公司签订投资协议，锐芯半导体封测基地项目总投资18亿元。\n\n"
            "高要区分会场，广东金利五金集团有限公司投资的金利五金智造产业园项目正式动工，总投资6.3亿元。"
            "端州区老旧供水管网改造工程当天开工，工程总投资4860万元。")
    projects = _projects(text)
    assert projects["锐芯半导体封测基地项目"].status.value == "signed"
    for name in ("金利五金智造产业园项目", "端州区老旧供水管网改造工程"):
        assert (projects[name].status.value, projects[name].date) == ("other", "2026-03-18"), name


def test_a_signing_yet_to_come_is_a_plan():
    text = ("永川招商\n\n2025年10月17日，永川区签约项目5个。"
            "江苏储能科技有限公司拟在永川投资10亿元建设储能电池Pack项目，预计11月正式签约。")
    assert _projects(text)["储能电池Pack项目"].status.value == "planned"


def test_a_ceremony_that_signed_many_deals_signs_the_plans_told_later_and_those_of_other_provinces():
    text = ("Expo signings\n\nKUNMING, June 20, 2026 (Pan-Asia Business Wire) -- Foreign companies put their names to a "
            "string of deals in the Yunnan capital on Friday.\n\n"
            "Malaysia's Tropika Rubber Industries Bhd will invest 1.2 billion yuan in the Lincang Rubber Processing "
            "Project.\n\n"
            "Not all of the signings were for Yunnan. India's Meridian Lifesciences Ltd. inked a deal on the Chengdu "
            "Oncology API Production Base, worth US$75 million.\n\n"
            "Separately, Kunming Steel Co., Ltd. plans to build the Anning Slag Recycling Plant for 300 million yuan.")
    projects = _projects(text)
    for name in ("Lincang Rubber Processing Project", "Chengdu Oncology API Production Base"):
        assert (projects[name].status.value, projects[name].date) == ("signed", "2026-06-19"), name
    assert projects["Anning Slag Recycling Plant"].status.value == "planned"


def test_construction_officially_started_is_a_start():
    text = ("Shanghai week\n\nSHANGHAI, March 21, 2025 -- Songjiang signed two deals on Tuesday.\n\n"
            "Construction officially started on Thursday on the G60 Computing Center, a 3 billion yuan project built "
            "by Shanghai Suanli Co., Ltd.")
    assert _projects(text)["G60 Computing Center"].status.value == "other"


def test_a_listed_company_is_no_project_list():
    text = ("Changsha plant\n\nCHANGSHA, March 10, 2026 -- Taizhou Ruibang Drive Technology, a Shenzhen-listed company, "
            "said the Changsha Economic and Technological Development Zone approved its Changsha Reducer Plant on "
            "March 9. The plant will cost 1.85 billion yuan.")
    assert _projects(text)["Changsha Reducer Plant"].status.value == "approved"


def test_a_filing_that_entered_into_an_agreement_signed_it_and_its_defined_project_takes_the_sum():
    text = ("Announcement\n\n"
            "HONG KONG, 17 March 2025 -- Summary of an announcement.\n\n"
            "On 14 March 2025, the Project Company entered into the Investment Agreement with the Park Committee. "
            "Pursuant to the Investment Agreement, the Project Company will construct the Ordos 200MW Solar and "
            "Hydrogen Project (the \"Project\") in Ordos, Inner Mongolia.\n\n"
            "The Project comprises a 200MW solar farm and an electrolysis plant. The total investment of the "
            "Project is estimated to be RMB900 million.")
    projects = _projects(text)
    assert list(projects) == ["Ordos 200MW Solar and Hydrogen Project"]
    [p] = projects.values()
    assert (p.status.value, p.date, p.amount.value) == ("signed", "2025-03-14", 9e8)


def test_entering_into_talks_signs_nothing():
    from extractor.engines.rules.cues import find_status
    assert find_status("The firm entered into talks with the city.", 0) == []


def test_a_company_that_will_build_a_listed_project_keeps_it_listed_unless_it_hopes_for_the_list():
    text = ("Guizhou list\n\nGUIYANG, March 2, 2026 -- Guizhou released its list of key projects for 2026 on Monday.\n\n"
            "Guizhou Qianyun Data Co will build the second phase of the Qianyun Intelligent Computing Center, a "
            "project worth 6.8 billion yuan. Zunyi Steel Co plans to invest 3 billion yuan in the Zunyi Alloy "
            "Project, which the company hopes will be added to next year's list.")
    projects = _projects(text)
    assert projects["Qianyun Intelligent Computing Center"].status.value == "listed"
    assert projects["Qianyun Intelligent Computing Center"].date == "2026-03-02"
    assert projects["Zunyi Alloy Project"].status.value == "planned"
