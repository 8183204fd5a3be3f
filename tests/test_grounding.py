"""Grounding: quotes located exactly or after normalisation; LLM-style fields re-derived or dropped."""

from __future__ import annotations

from extractor.grounding import Alignment, ground_project, is_grounded, locate_quote
from extractor.ingest import document_from_bytes
from extractor.types import Amount, Evidence, Organization, OrgRole, Project

TEXT = ("Jiangxi report\n\nOn March 27, 2020, the Jiangxi Provincial Development and Reform Commission listed "
        "the Chongren County Blockchain Technology Construction Project, which will cost 500 million yuan. "
        "It is undertaken by Fuzhou Lianxin Co., Ltd.\n")
DOC = document_from_bytes(TEXT.encode(), source="t.txt")


def ev(field, quote, start=0):
    return Evidence(field=field, doc_id=DOC.id, start=start, end=start + len(quote), quote=quote)


def test_locate_exact_then_normalised():
    found = locate_quote(TEXT, "500 million yuan")
    assert found.alignment == Alignment.exact and TEXT[found.start:found.end] == "500 million yuan"
    loose = locate_quote(TEXT, "chongren  county\nblockchain")
    assert loose.alignment == Alignment.normalised
    assert TEXT[loose.start:loose.end] == "Chongren County Blockchain"
    assert locate_quote("“Smart” city", '"smart" City').alignment == Alignment.normalised
    assert locate_quote(TEXT, "Shanghai") is None and locate_quote(TEXT, "  ") is None


def test_locate_prefers_the_occurrence_nearest_the_hint():
    text = "alpha beta alpha"
    assert locate_quote(text, "alpha", hint=12).start == 11
    assert locate_quote(text, "alpha").start == 0


def test_fields_are_rederived_from_their_quotes():
    name = "Chongren County Blockchain Technology Construction Project"
    p = Project(
        name=name, province="Fujian", city="Fuzhou", amount=Amount(value=5e9, min=5e9, max=5e9, text="5 billion"),
        date="2020-04-01", organizations=[Organization(name="Fuzhou Lianxin Co., Ltd.", role=OrgRole.undertaker)],
        evidence=[ev("name", name, 3), ev("province", "Chongren County"), ev("amount", "500 million yuan"),
                  ev("date", "March 27, 2020"), ev("organizations[0]", "Fuzhou Lianxin Co., Ltd.")])
    grounded, problems = ground_project(p, DOC)
    assert grounded.amount.value == 5e8 and grounded.amount.text == "500 million yuan"
    assert (grounded.province, grounded.city, grounded.district) == ("Jiangxi", "Fuzhou", "Chongren")
    assert grounded.date == "2020-03-27"
    assert all(TEXT[e.start:e.end] == e.quote for e in grounded.evidence)
    assert any(p.startswith("amount:") for p in problems) and any(p.startswith("date:") for p in problems)
    assert is_grounded(grounded)


def test_fields_whose_quote_is_not_in_the_text_are_dropped():
    p = Project(
        name="Chongren County Blockchain Technology Construction Project", status="listed", province="Jiangxi",
        amount=Amount(value=8e8, min=8e8, max=8e8, text="800 million yuan"),
        organizations=[Organization(name="Made Up Co., Ltd.", role=OrgRole.investor)],
        evidence=[ev("name", "Chongren County Blockchain Technology Construction Project"),
                  ev("amount", "800 million yuan"), ev("organizations[0]", "Made Up Co., Ltd."),
                  ev("status", "listed")])
    grounded, problems = ground_project(p, DOC)
    assert grounded.amount is None and grounded.organizations == []
    assert grounded.province is None  # no evidence at all for the province
    assert grounded.status is not None  # "listed" is in the text
    assert {e.field for e in grounded.evidence} == {"name", "status"}
    assert len(problems) >= 3


def test_a_name_not_in_the_text_is_not_grounded():
    p = Project(name="Imaginary Project", evidence=[ev("name", "Imaginary Project")])
    grounded, problems = ground_project(p, DOC)
    assert not is_grounded(grounded) and "name: no grounded evidence" in problems
