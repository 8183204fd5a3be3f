"""Which place a project gets: a district the text states beats a bare place word of the project's
name; a name that runs between two places is in the place that holds both, not in the first."""

from __future__ import annotations

from typing import Optional

import pytest

from extractor.engines.rules import RulesEngine
from extractor.ingest import document_from_bytes


def places(body: str, heading: str = "Projects signed") -> dict[str, tuple[Optional[str], ...]]:
    doc = document_from_bytes(f"{heading}\n\n{body}\n".encode("utf-8"), source="numfix.txt")
    projects = RulesEngine().extract(doc, []).model_dump(mode="json")["projects"]
    return {p["name"]: (p.get("province"), p.get("city"), p.get("district")) for p in projects}


_SIGNED = "TAIYUAN, May 3, 2026 -- Acme Aviation Co signed an agreement on Monday to build the "


@pytest.mark.parametrize("body, district", [
    # a sentence that refers back to the project states its district
    (_SIGNED + "Datong Yungang Airport Cargo Terminal, with an investment of 1.2 billion yuan. "
     "The project, in Datong's Yunzhou District, will open in 2028.", "Yunzhou"),
    # the same sentence states it
    (_SIGNED + "Datong Yungang Airport Cargo Terminal in Yunzhou District of Datong, with an "
     "investment of 1.2 billion yuan.", "Yunzhou"),
    # the text states the name's own district: it stays
    (_SIGNED + "Datong Yungang Airport Cargo Terminal in Yungang District of Datong, with an "
     "investment of 1.2 billion yuan.", "Yungang"),
    # nothing stated: the name's word is all there is
    (_SIGNED + "Datong Yungang Airport Cargo Terminal, with an investment of 1.2 billion yuan.", "Yungang"),
])
def test_a_stated_district_beats_a_bare_district_word_of_the_name(body, district):
    assert places(body)["Datong Yungang Airport Cargo Terminal"] == ("Shanxi", "Datong", district)


def test_a_district_of_another_city_does_not_move_the_name_s_own():
    # Two projects, two cities: Yanhu (Yuncheng) keeps its own district though Yuci (Jinzhong) is
    # named in the same clause.
    body = ("TAIYUAN, May 3, 2026 -- Acme Co and Beta Co signed agreements on Monday to build the Yuci "
            "Battery Project and the Yanhu Foil Project, in Yuci District of Jinzhong and Yuncheng, with "
            "investments of 3 billion yuan and 2 billion yuan respectively.")
    assert places(body)["Yanhu Foil Project"] == ("Shanxi", "Yuncheng", "Yanhu")


def test_two_stated_districts_do_not_say_which():
    body = (_SIGNED + "Datong Yungang Airport Cargo Terminal, with an investment of 1.2 billion yuan. "
            "The project, spanning Datong's Yunzhou District and Pingcheng District, will open in 2028.")
    assert places(body)["Datong Yungang Airport Cargo Terminal"] == ("Shanxi", "Datong", "Yungang")


@pytest.mark.parametrize("heading, body, name, where", [
    ("Shanxi rail", "TAIYUAN, May 3, 2026 -- Acme Rail Co signed an agreement on Monday to build the "
     "Xinzhou-Linfen Freight Railway, with an investment of 12 billion yuan.",
     "Xinzhou-Linfen Freight Railway", ("Shanxi", None, None)),
    ("Rail deal", "BEIJING, May 3, 2026 -- Acme Rail Co signed an agreement on Monday to build the "
     "Wuhan-Changsha Freight Railway in Hubei, with an investment of 12 billion yuan.",
     "Wuhan-Changsha Freight Railway", (None, None, None)),
    ("Shanxi rail", "TAIYUAN, May 3, 2026 -- Acme Rail Co signed an agreement on Monday to build the "
     "Datong-Hunyuan Light Rail Project, with an investment of 5 billion yuan.",
     "Datong-Hunyuan Light Rail Project", ("Shanxi", "Datong", None)),
    ("山西签约一批项目", "本报太原2026年5月3日电 山西铁路投资集团与省政府签约，建设忻州至吕梁货运铁路项目，总投资120亿元。",
     "忻州至吕梁货运铁路项目", ("Shanxi", None, None)),
])
def test_a_name_that_joins_two_places_is_in_what_holds_both(heading, body, name, where):
    assert places(body, heading)[name] == where


def test_one_city_in_the_name_is_still_the_city():
    body = ("TAIYUAN, May 3, 2026 -- Acme Rail Co signed an agreement on Monday to build the "
            "Xinzhou Freight Railway, with an investment of 12 billion yuan.")
    assert places(body, "Shanxi rail")["Xinzhou Freight Railway"] == ("Shanxi", "Xinzhou", None)
