"""Places named in a question -> place conditions (canonical English), or a clear error.

"Fuzhou, Jiangxi" is one place (the city absorbs the province that disambiguates it); "Fuzhou"
alone is two alternatives; "Harbin" is the city in Heilongjiang (records carry inferred provinces,
so the province is checked too). An unknown name in a place position ("in Atlantis", "Atlantis
Province", "火星省") is an error, not an empty answer that would read as "none".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from extractor.errors import QuestionError
from extractor.normalize.places import Gazetteer, Place

Span = tuple[int, int]
PlaceFields = dict[str, str]  # province / city / district -> canonical English name

_MONTHS = set("January February March April May June July August September October November December".split())
_NOT_PLACES = _MONTHS | {"China", "Chinese", "English", "Total", "Which", "What", "The", "US", "USD", "RMB"}
# "in X", "located in X", "X Province": positions where a capitalised word can only be a place
_EN_SLOT = re.compile(r"\b(?:in|located in|based in|inside)\s+(?P<a>[A-Z][a-z'’]+(?:\s[A-Z][a-z'’]+)?)"
                      r"(?=\s*(?:[?,.;]|$|and\b|or\b|province|city|county|district|Province|City|County|District))"
                      r"|\b(?P<b>[A-Z][a-z'’]+)\s+(?:Province|City|County|District|Prefecture)\b")
_ZH_SLOT = re.compile(r"(?:^|在|位于|来自)(?P<z>[\u4e00-\u9fff]{2,5}?(?:省|自治区|市|县))(?=有|的|境内|辖区|，|,|？|\?|项目|$)")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def fields_for(place: Place) -> PlaceFields:
    if place.level == "province":
        return {"province": place.province_en}
    if place.level == "city":
        return {"province": place.province_en, "city": place.name_en}
    return {"province": place.province_en, "district": place.name_en}


def _check_slots(question: str, known: Sequence[Span], skip: Sequence[Span]) -> None:
    gaz = gazetteer()
    for m in _EN_SLOT.finditer(question):
        group = "a" if m.group("a") else "b"
        name, start, end = m.group(group), m.start(group), m.end(group)
        if name.split()[0] in _NOT_PLACES or _inside(start, end, skip) or _inside(start, end, known):
            continue
        if not gaz.lookup(name) and not any(gaz.lookup(w) for w in name.split()):
            raise QuestionError(f"unknown place {name!r}: not a Chinese province, city or county keyproj knows. "
                                "Use an English or Chinese name such as Jiangxi, Harbin or 江西.")
    for m in _ZH_SLOT.finditer(question):
        name, start, end = m.group("z"), m.start("z"), m.end("z")
        if not _inside(start, end, skip) and not _inside(start, end, known) and not gaz.lookup(name):
            raise QuestionError(f"unknown place {name!r}: 不是已知的省、市或县。请使用如 江西省、哈尔滨 或 Jiangxi 这样的名称。")


# Looser than _EN_SLOT: only used to look a word up, never to reject one.
_EN_BARE = re.compile(r"\b(?:in|located in|based in)\s+(?P<p>[A-Z][a-z'’]+)"
                      r"|\b(?i:which|what|the|many|all)\s+(?P<q>[A-Z][a-z'’]+)\s+(?:key\s+)?projects?\b"
                      r"|\b(?P<r>[A-Z][a-z'’]+)\s+(?:Province|City|County|District|Prefecture)\b")


def _bare_slot_places(question: str, skip: Sequence[Span], known: Sequence[Span]) -> list[tuple[Span, list[Place]]]:
    """Counties the text scanner leaves alone without context ("in Chongren", "Which Linchuan
    projects") but the words around them make clear."""
    out = []
    for m in _EN_BARE.finditer(question):
        group = next(g for g in ("p", "q", "r") if m.group(g))
        span = (m.start(group), m.end(group))
        if _inside(*span, skip) or _inside(*span, known) or m.group(group) in _NOT_PLACES:
            continue
        found = gazetteer().lookup(m.group(group))
        if found:
            out.append((span, found))
    return out


def place_alternatives(question: str, skip: Sequence[Span] = ()) -> tuple[list[PlaceFields], list[str]]:
    """The places a record may be in (any one of them: "Hunan and Jiangxi projects", or both cities
    called Fuzhou), and notes on ambiguity. Spans in `skip` (a project's name) are not filters.
    Raises QuestionError on an unknown place."""
    gaz = gazetteer()
    matches = [(m.start, m.end, list(m.candidates)) for m in gaz.find(question)
               if m.candidates and not _inside(m.start, m.end, skip)]
    known = [(s, e) for s, e, _ in matches]
    _check_slots(question, known, skip)
    matches += [(s, e, c) for (s, e), c in _bare_slot_places(question, skip, known)]
    named_provinces = {c[0].province_en for _, _, c in matches if c[0].level == "province"}
    groups: list[list[Place]] = []
    notes: list[str] = []
    for start, end, candidates in sorted(matches):
        chosen = _choose(candidates, named_provinces)
        if len(chosen) > 1:
            where = ", ".join(f"{p.name_zh} ({p.province_en})" for p in chosen)
            notes.append(f"“{question[start:end]}” can be {where}: all are included.")
        groups.append(chosen)
    places = [p for group in _absorb_provinces(groups) for p in group]
    return [fields_for(p) for p in dict.fromkeys(places)], notes


def _choose(candidates: list[Place], named_provinces: set[str]) -> list[Place]:
    top = candidates[0]
    if top.level == "province":
        return [top]  # "Jilin": the province covers the city of the same name
    in_named = [p for p in candidates if p.province_en in named_provinces]
    if in_named:
        return in_named[:1]
    same_level = [p for p in candidates if p.level == top.level]
    return same_level


def _absorb_provinces(groups: list[list[Place]]) -> list[list[Place]]:
    """Drop a province group when a city or county group lies in it ("Fuzhou, Jiangxi")."""
    lower = {p.province_en for g in groups for p in g if p.level != "province"}
    kept, seen = [], set()
    for g in groups:
        if len(g) == 1 and g[0].level == "province" and g[0].province_en in lower:
            continue
        key = tuple(p.adcode for p in g)
        if key not in seen:
            seen.add(key)
            kept.append(g)
    return kept


def resolve_place_name(name: str, level: Optional[str] = None) -> list[PlaceFields]:
    """Alternatives for one place name (an LLM planner's slot value); QuestionError when unknown."""
    found = gazetteer().lookup(name)
    if level:
        found = [p for p in found if p.level == level] or found
    if not found:
        raise QuestionError(f"unknown place {name!r}: not a Chinese province, city or county keyproj knows.")
    return [fields_for(p) for p in _choose(found, set())]
