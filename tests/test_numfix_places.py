"""Autonomous counties and banners by their English names ("Ejin Horo Banner", "Dorbod Mongol
Autonomous County"), only peoples' names before "Autonomous ...", and ü in pinyin names (Lüliang)."""

from __future__ import annotations

import pytest

from extractor.normalize.places import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.candidates[0].name_zh, m.candidates[0].level) for m in gaz.find(text)]


@pytest.mark.parametrize("text, quote, zh", [
    ("A wind farm in Dorbod Mongol Autonomous County will", "Dorbod Mongol Autonomous County", "杜尔伯特蒙古族自治县"),
    ("the solar base in Qian Gorlos Mongol Autonomous County", "Qian Gorlos Mongol Autonomous County",
     "前郭尔罗斯蒙古族自治县"),
    ("a coal-to-gas plant in Ejin Horo Banner", "Ejin Horo Banner", "伊金霍洛旗"),
    ("in Jungar Banner", "Jungar Banner", "准格尔旗"),
    ("a dairy farm in Horqin Left Middle Banner", "Horqin Left Middle Banner", "科尔沁左翼中旗"),
    ("grassland in East Ujimqin Banner", "East Ujimqin Banner", "东乌珠穆沁旗"),
    ("in Morin Dawa Daur Autonomous Banner", "Morin Dawa Daur Autonomous Banner", "莫力达瓦达斡尔族自治旗"),
    ("in Harqin Left Wing Mongol Autonomous County", "Harqin Left Wing Mongol Autonomous County",
     "喀喇沁左翼蒙古族自治县"),
    ("in Taxkorgan Tajik Autonomous County", "Taxkorgan Tajik Autonomous County", "塔什库尔干塔吉克自治县"),
    ("in Longsheng Various Nationalities Autonomous County", "Longsheng Various Nationalities Autonomous County",
     "龙胜各族自治县"),
    ("in Changyang Tujia Autonomous County", "Changyang Tujia Autonomous County", "长阳土家族自治县"),
    ("Enshi Tujia and Miao Autonomous Prefecture", "Enshi Tujia and Miao Autonomous Prefecture", "恩施土家族苗族自治州"),
])
def test_full_english_names_of_autonomous_counties_and_banners(gaz, text, quote, zh):
    assert found(gaz, text) == [(quote, zh, "district" if "州" not in zh else "city")]


def test_bare_banner_name_needs_its_city_or_region(gaz):
    assert found(gaz, "Ejin Horo is cold.") == []
    assert ("Ejin Horo", "伊金霍洛旗", "district") in found(gaz, "Ejin Horo, in Ordos, Inner Mongolia")


def test_only_a_people_sits_between_a_name_and_autonomous(gaz):
    # "Qian" alone is 乾县 (a county in Shaanxi, matched only with its suffix): the unknown word
    # between it and the suffix makes "Qian Foo Autonomous County" no county.
    assert found(gaz, "Qian Foo Autonomous County") == []
    assert found(gaz, "Qian County") == [("Qian County", "乾县", "district")]
    place = gaz.lookup("Qian Gorlos Mongol Autonomous County")
    assert [p.name_zh for p in place] == ["前郭尔罗斯蒙古族自治县"]
    assert [p.name_zh for p in gaz.lookup("Qianguo County")] == ["前郭尔罗斯蒙古族自治县"]


@pytest.mark.parametrize("spelling", ["Lüliang", "Luliang", "Lvliang", "Lyuliang"])
def test_u_umlaut_names_in_every_spelling(gaz, spelling):
    matches = gaz.find(f"Coal from {spelling} is shipped east.")
    assert [(m.text, m.candidates[0].name_zh) for m in matches] == [(spelling, "吕梁市")]


def test_canonical_english_writes_u_umlaut(gaz):
    # Pinyin writes ü after l and n (lü, lüe); the v of Chinese keyboards is no spelling.
    assert gaz.lookup("吕梁市")[0].name_en == "Lüliang"
    assert gaz.lookup("旅顺口区")[0].name_en == "Lüshunkou"
    assert gaz.lookup("略阳县")[0].name_en == "Lüeyang"
    from extractor.normalize.gazetteer_build import EN_NAMES  # names not from pinyin ("Evenki")
    assert not [p for p in gaz.places() if "v" in p.name_en.lower() and p.name_zh not in EN_NAMES]


@pytest.mark.parametrize("text, place", [
    ("HARBIN, April 9 (Xinhua) -- Heilongjiang signed", "Harbin"),
    ("TIANSHUI - The city approved", "Tianshui"),
    ("XI'AN, May 3 --", "Xi'an"),
])
def test_places_written_in_capitals_are_found(text, place):
    [m, *_] = Gazetteer.load().find(text)
    assert m.candidates[0].name_en == place and text[m.start:m.end] == m.text


def test_acronyms_in_capitals_are_no_places():
    assert Gazetteer.load().find("The NDRC and CNOOC said") == []


def test_a_bare_name_means_the_place_the_article_wrote_with_its_level():
    text = "Luliang County People's Government, Qujing City. The Luliang Silicon Park will be built."
    bare = [m for m in Gazetteer.load().find(text) if m.text == "Luliang"]
    assert [(c.name_en, c.province_en) for c in bare[0].candidates] == [("Luliang", "Yunnan")]
    alone = Gazetteer.load().find("The Luliang Silicon Park will be built.")
    assert alone[0].candidates[0].province_en == "Shanxi"  # alone, the better-known namesake


def test_or_more_before_a_word_opening_with_hai_is_not_shanghai():
    assert Gazetteer.load().find("主要生产15兆瓦以上海上风电机组") == []
    assert [m.text for m in Gazetteer.load().find("以上海为中心")] == ["上海"]
