"""The project or organisation a question names: "the Weifang City-level Smart Digital Parking
Project", "Norvale Microsystems", "稀土永磁电机产业园项目", "江油长钢特材有限公司".

English: a run of capitalised words (with "+", "&", "of", "and", "(Changsha)", "R&D", "Phase II"
inside) that is more than a place name or a date. A single capitalised word counts only where a
name stands before "projects" ("Which Norvale projects"). Chinese: a clause that ends like a
project (项目, 工程, 产业园...) or an organisation (有限公司, 集团, 委员会...) and holds no question
word. The span is returned too, so places inside a name do not become place filters.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from extractor.normalize.places import Gazetteer

_CAP = r"(?:[A-Z0-9][\w'’&.-]*|\([A-Z][\w'’ -]*\))"
_LINK = r"(?:\s+(?:of|and|for|the|de|\+|&|-)\s+|\s+)"
_EN_RUN = re.compile(_CAP + r"(?:" + _LINK + _CAP + r")*")
_LEADING = re.compile(r"^(?:(?:Which|What|Who|How|When|Where|Why|List|Show|Name|Among|In|The|Did|Does|Do|Is|Are|"
                      r"Was|Were|Will|Has|Have|Of|And|Tell|Give|Find)\s+)+")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DATE_ONLY = re.compile(rf"^(?:(?:{_MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}|Q[1-4])$")
_NOT_NAMES = {"US", "USD", "RMB", "CNY", "I", "A", "AI", "China", "Chinese", "English", "Province", "City"}
_PROJECT_END = re.compile(r"(?:Project|Projects|Park|Centre|Center|Station|Base|Line|Plant|Terminal|Network|"
                          r"Cluster|Platform|Hub|Zone|Expansion|Corridor|Phase\s+[IVX\d]+|Programme|Program|"
                          r"Port|Factory|Facility|Mine|Airport|Railway|Highway|Bridge)$")
_ORG_END = re.compile(r"(?:Co\.?,?\s*Ltd\.?|Ltd\.?|Inc\.?|Corp\.?|Corporation|Company|Group|Bureau|Commission|"
                      r"Committee|Government|Administration|Department|Microsystems|Technologies|Technology|"
                      r"Holdings|Bank|University|Institute)$")
_SINGLE_SLOT = re.compile(r"(?:\b(?i:which|what|the|many|all|list)\s+|^)(?P<w>[A-Z][\w'’&-]+)(?:'s)?\s+"
                          r"(?:key\s+)?projects?\b|\bprojects?\s+(?:of|by|from)\s+(?P<v>[A-Z][\w'’&-]+)")

# "the Weifang smart parking project": a lower-case name still ends in a project word
_LOWER_NAME = re.compile(r"\bthe\s+(?P<n>(?:[\w'’+&-]+\s+){1,8}?(?:project|park|centre|center|station|base|plant|"
                         r"terminal|cluster|platform|hub|network|line))\b(?!s)", re.I)
_GENERIC_WORDS = {"named", "key", "largest", "smallest", "biggest", "same", "signed", "listed", "approved", "planned",
                  "whole", "this", "that", "each", "first", "last", "new", "other", "above", "mentioned"}
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&-]*")
_MONTH_WORD = re.compile(rf"^(?:{_MONTHS})$")

_ZH_SPLIT = re.compile(r"[，,。？?！!；;：:、\s“”\"]|的|是|有哪些|有什么|有几|哪|什么|多少|谁|由|主要|位于|在|承建|"
                       r"投资方|投资了|投资|签约|签署|发布|列入|负责|建设单位")
_ZH_PROJECT = re.compile(r"(?:项目|工程|基地|产业园|园区|中心|平台|电站|码头|生产线|物流园)$")
_ZH_ORG = re.compile(r"(?:有限公司|股份公司|集团|公司|管委会|委员会|管理局|局|政府)$")
_ZH_GENERIC = re.compile(r"^(?:[\d年月]*|.{0,2}(?:重点|签约|具体|重大|招商|这些|各个|各|产业|其他|所有|全部|新))"
                         r"(?:项目|工程|基地|平台|中心|公司|集团)$")


class Subject(NamedTuple):
    text: str
    kind: str  # project | organization | any
    start: int
    end: int


def _is_only_place_or_date(text: str, gazetteer: Gazetteer) -> bool:
    """True for "Jiangxi", "Harbin City", "March 2020", "Hunan and Jiangxi": no name in them."""
    parts = [p for p in re.split(r"\s+(?:and|&|\+|or)\s+", text) if p]
    return all(_place_or_date(p, gazetteer) for p in parts)


def _place_or_date(text: str, gazetteer: Gazetteer) -> bool:
    if _DATE_ONLY.match(text) or text in _NOT_NAMES:
        return True
    words = re.sub(r"\s+(?:Province|City|County|District)$", "", text)
    return bool(gazetteer.lookup(words)) and len(words.split()) <= 2


def _kind_en(text: str) -> str:
    if _PROJECT_END.search(text):
        return "project"
    return "organization" if _ORG_END.search(text) else "any"


def english_subject(question: str, gazetteer: Gazetteer) -> Optional[Subject]:
    best: Optional[Subject] = None
    for m in _EN_RUN.finditer(question):
        text = m.group()
        lead = _LEADING.match(text)
        start = m.start() + (lead.end() if lead else 0)
        text = question[start: m.end()].rstrip(" .,'’")
        names = [w for w in _CAPITALISED.findall(text) if not _MONTH_WORD.match(w) and w not in _NOT_NAMES]
        if len(names) < 2 or _is_only_place_or_date(text, gazetteer):
            continue
        candidate = Subject(text, _kind_en(text), start, start + len(text))
        if best is None or len(candidate.text) > len(best.text):
            best = candidate
    return best or _lower_case_subject(question) or _single_word_subject(question, gazetteer)


def _lower_case_subject(question: str) -> Optional[Subject]:
    m = _LOWER_NAME.search(question)
    if m is None:
        return None
    words = m.group("n").split()
    if all(w.lower() in _GENERIC_WORDS for w in words[:-1]):
        return None
    return Subject(m.group("n"), "project", m.start("n"), m.end("n"))


def _single_word_subject(question: str, gazetteer: Gazetteer) -> Optional[Subject]:
    for m in _SINGLE_SLOT.finditer(question):
        group = "w" if m.group("w") else "v"
        word = m.group(group)
        if word in _NOT_NAMES or _LEADING.match(word + " ") or _is_only_place_or_date(word, gazetteer):
            continue
        return Subject(word, "any", m.start(group), m.end(group))
    return None


def _only_places_and_generic(piece: str, gazetteer: Gazetteer) -> bool:
    """安徽项目, 合肥市重点项目, 2021年签约项目: places and dates before a generic word, no name."""
    rest = piece
    for m in sorted(gazetteer.find(piece), key=lambda m: -m.start):
        rest = rest[:m.start] + rest[m.end:]
    return len(rest) < 4 or bool(_ZH_GENERIC.match(rest))


def chinese_subject(question: str, gazetteer: Gazetteer) -> Optional[Subject]:
    best: Optional[Subject] = None
    pos = 0
    for piece in _ZH_SPLIT.split(question):
        start = question.find(piece, pos)
        pos = start + len(piece) if start >= 0 else pos
        if len(piece) < 4 or _ZH_GENERIC.match(piece) or _only_places_and_generic(piece, gazetteer):
            continue
        kind = "project" if _ZH_PROJECT.search(piece) else "organization" if _ZH_ORG.search(piece) else None
        if kind and (best is None or len(piece) > len(best.text)):
            best = Subject(piece, kind, start, start + len(piece))
    return best or _zh_leading_name(question, gazetteer)


# "华为有哪些项目", "亚特兰蒂斯的项目": a leading word that is not a place, date or known term is a
# name to look for (and an unknown place when nothing has it), never silently dropped.
_ZH_LEADING = re.compile(r"^(?P<x>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:有哪些|有什么|有几个|有多少|的(?:重点)?项目|(?:重点)?项目)")
_ZH_NOT_NAMES = re.compile(r"今年|去年|明年|目前|最近|近期|全国|全省|国内|文中|文章|报道|本文|其中|这些|那些|哪些|所有|全部|"
                           r"重点|重大|签约|列入|核准|批准|规划|投资|清单|名单|省内|市内|各地|一共|总共|提到|具体")


def _zh_leading_name(question: str, gazetteer: Gazetteer) -> Optional[Subject]:
    from rag.plan_words import sector_terms

    m = _ZH_LEADING.match(question)
    if m is None:
        return None
    word = m.group("x")
    if re.search(r"(?:省|市|县|区|州|盟|旗)$", word):
        return None  # a place by its suffix: known or not, the place check decides
    rest = word
    for place in sorted(gazetteer.find(word), key=lambda p: -p.start):
        rest = rest[:place.start] + rest[place.end:]
    if len(rest) < 2 or _ZH_NOT_NAMES.search(word) or gazetteer.lookup(word) or sector_terms(word):
        return None
    return Subject(word, "any", 0, len(word))


def find_subject(question: str, lang: str, gazetteer: Gazetteer) -> Optional[Subject]:
    if lang == "zh":
        return chinese_subject(question, gazetteer) or english_subject(question, gazetteer)
    return english_subject(question, gazetteer)
