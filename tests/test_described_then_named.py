"""A project described in one sentence and named in the next takes the description's sum and company."""

from __future__ import annotations

from tests.rules_helpers import projects_in as _projects


def test_a_sum_spent_on_a_described_plant_goes_to_the_plant_named_next():
    text = ("Jiangsu deals\n\n"
            "SUZHOU, China, May 9, 2025 - Dutch valve maker Vandermeer Flow BV agreed on Thursday to put "
            "60 million euros into a plant making cryogenic valves for LNG carriers. The Taicang Cryogenic "
            "Valve Plant will be built in Taicang's Port Development Zone.")
    [p] = _projects(text).values()
    assert p.name == "Taicang Cryogenic Valve Plant"
    assert (p.amount.value, p.amount.currency) == (6e7, "EUR")
    assert "Vandermeer Flow BV" in {o.name for o in p.organizations}


def test_a_described_plant_and_the_project_named_next_are_one_record():
    text = ("Gansu plans\n\n"
            "On May 9, 2025, Gansu Longyuan Silicon Co., Ltd. said it plans to build a polysilicon ingot plant "
            "in Jiuquan. The Jiuquan Polysilicon Ingot Project will cost 3.2 billion yuan.")
    projects = _projects(text)
    assert list(projects) == ["Jiuquan Polysilicon Ingot Project"]
    p = projects["Jiuquan Polysilicon Ingot Project"]
    assert p.amount.value == 3.2e9 and p.status.value == "planned"
    assert "Gansu Longyuan Silicon Co., Ltd." in {o.name for o in p.organizations}


def test_a_project_named_next_that_shares_no_word_is_another_one():
    text = ("Gansu plans\n\n"
            "On May 9, 2025, Gansu Longyuan Silicon Co., Ltd. said it would spend $50 million on a new warehouse. "
            "The Jiuquan Solar Farm Project, approved in April, will cost 1 billion yuan.")
    p = _projects(text)["Jiuquan Solar Farm Project"]
    assert p.amount.value == 1e9
    assert "Gansu Longyuan Silicon Co., Ltd." not in {o.name for o in p.organizations}
