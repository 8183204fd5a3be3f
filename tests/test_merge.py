"""Merging records of the same project across chunks and documents, conflicts reported."""

from __future__ import annotations

from extractor.ingest import load_file
from extractor.engines.rules import RulesEngine
from extractor.merge import merge_projects, same_project
from extractor.types import Amount, Evidence, Organization, OrgRole, Project
from tests.conftest import SEED_ARTICLE


def project(name, doc, province="Jiangxi", value=None, date=None, orgs=(), city=None):
    evidence = [Evidence(field="name", doc_id=doc, start=0, end=len(name), quote=name)]
    evidence += [Evidence(field=f"organizations[{i}]", doc_id=doc, start=0, end=len(n), quote=n)
                 for i, (n, _) in enumerate(orgs)]
    amount = Amount(value=value, min=value, max=value, text=f"{value:g} yuan") if value else None
    return Project(name=name, doc_id=doc, province=province, city=city, amount=amount, date=date,
                   organizations=[Organization(name=n, role=r) for n, r in orgs], evidence=evidence)


def test_same_name_same_province_merges_keeping_every_mention():
    a = project("Chongren County Blockchain Project", "d1", value=5e8, date="2020",
                orgs=[("Chongren Data Co., Ltd.", OrgRole.signer)])
    b = project("the Chongren County Blockchain Project", "d2", value=5e8, date="2020-03-27",
                orgs=[("Chongren Data Co., Ltd.", OrgRole.undertaker), ("Jiangxi DRC", OrgRole.government)])
    (merged,) = merge_projects([a, b])
    assert merged.date == "2020-03-27"  # agreeing dates: the more precise one
    assert merged.conflicts == []
    assert [(o.name, o.role) for o in merged.organizations] == [
        ("Chongren Data Co., Ltd.", OrgRole.undertaker), ("Jiangxi DRC", OrgRole.government)]
    assert {(e.field, e.doc_id) for e in merged.evidence} == {
        ("name", "d1"), ("name", "d2"), ("organizations[0]", "d1"), ("organizations[0]", "d2"),
        ("organizations[1]", "d2")}
    assert merged.id == merged.with_id().id


def test_conflicting_amounts_are_reported_not_silently_resolved():
    a = project("Jinxi Copper Foil Project", "d1", value=2.3e9)
    b = project("Jinxi Copper Foil Project", "d2", value=2.5e9)
    c = project("Jinxi Copper Foil Project", "d3", value=2.301e9)  # within 0.5%: the same amount
    (merged,) = merge_projects([a, b, c])
    assert merged.amount.value == 2.3e9
    (conflict,) = merged.conflicts
    assert conflict.field == "amount" and len(conflict.values) == 2
    assert set(conflict.doc_ids) == {"d1", "d2", "d3"}


def test_different_provinces_or_cities_stay_apart():
    assert not same_project(project("Fuzhou Port Project", "d1", "Jiangxi"), project("Fuzhou Port Project", "d2", "Fujian"))
    assert not same_project(project("Port Project A", "d1", city="Fuzhou"), project("Port Project A", "d2", city="Nanchang"))
    assert len(merge_projects([project("Fuzhou Port Project", "d1", "Jiangxi"),
                               project("Fuzhou Port Project", "d2", "Fujian")])) == 2


def test_near_identical_names_merge_and_different_names_do_not():
    assert same_project(project("Hefei AI Vision Chip Design Centre", "d1"),
                        project("Hefei AI Vision Chip Design Center", "d2"))
    assert not same_project(project("Hefei AI Vision Chip Design Centre", "d1"),
                            project("Hefei Quantum Secure Communication Metro Network", "d2"))
    assert same_project(project("Wuning Solar Project", "d1", province=None), project("Wuning Solar Project", "d2"))


def test_merging_an_extraction_with_itself_changes_nothing_but_mentions():
    doc = load_file(SEED_ARTICLE, 5_000_000)
    projects = RulesEngine().extract(doc, []).projects
    merged = merge_projects(projects + projects)
    assert [p.name for p in merged] == [p.name for p in projects]
    assert all(p.conflicts == [] for p in merged)
    assert [(p.amount, p.province, p.date) for p in merged] == [(p.amount, p.province, p.date) for p in projects]
