"""Where a project is: the most specific place in the nearest scope that names one.

Scopes, nearest first: the project's name ("Chongren County ... Project"), the clause and sentence
that name it, sentences that refer back to it, its paragraph, the event that introduced it (the list
release or signing), the section. Places inside company names never count ("Interstellar
(Beijing) Technology Co., Ltd." is not in Beijing); places inside government names do ("Chengdu
Jinniu District People's Government").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from extractor.normalize.places import Gazetteer, Place, PlaceMatch
from extractor.engines.rules.candidates import Candidate, candidate_key
from extractor.engines.rules.mentions import DocMentions

_LEVEL = {"province": 0, "city": 1, "district": 2}
_CLAUSE_SCOPE, _PARAGRAPH_SCOPE = 1, 4  # indexes of those scopes in _scopes()


@dataclass
class Located:
    place: Place
    match: PlaceMatch


def _scopes(cand: Candidate, m: DocMentions, inherit_event: bool) -> list[list[PlaceMatch]]:
    sents = m.sentences
    name_scope: list[PlaceMatch] = []
    clause_scope: list[PlaceMatch] = []
    for i in cand.sentences:
        s = sents[i]
        own = [n for n in m.names(s.start, s.end) if _same(cand, n.text)]
        for p in m.places(s.start, s.end):
            if any(n.start <= p.start and p.end <= n.end for n in own):
                name_scope.append(p)
        for n in own:
            c = s.clause_of(n.start)
            clause_scope += m.places(c[0], c[1], in_names=False)
    sentence_scope = [p for i in cand.sentences for p in m.places(sents[i].start, sents[i].end, in_names=False)]
    linked_scope = [p for i in cand.linked + cand.company_linked for p in m.places(sents[i].start, sents[i].end, in_names=False)]
    para = m.paragraphs[cand.paragraph]
    para_scope = m.places(para.start, para.end, in_names=False)
    event_scope = list(cand.event.places) if (inherit_event and cand.event) else []
    section_scope = _section_places(cand, m)
    return [name_scope, clause_scope, sentence_scope, linked_scope, para_scope, event_scope, section_scope]


def _same(cand: Candidate, text: str) -> bool:
    return candidate_key(text) == cand.key


def _section_places(cand: Candidate, m: DocMentions) -> list[PlaceMatch]:
    """The nearest earlier paragraph of the same section that names a place, and the heading."""
    out: list[PlaceMatch] = []
    for para in reversed(m.paragraphs[:cand.paragraph]):
        if para.section != cand.section or para.index == 0:
            break
        found = m.places(para.start, para.end, in_names=False)
        if found:
            out = found
            break
    return out


def locate(cand: Candidate, m: DocMentions, inherit_event: bool) -> Optional[Located]:
    gazetteer = Gazetteer.load()
    scopes = _scopes(cand, m, inherit_event)
    heading = _unambiguous(_heading_places(cand, m))
    unambiguous = [_unambiguous(scope) for scope in scopes]
    for i, scope in enumerate(scopes):
        if not scope:
            continue  # nothing to find here
        # Ambiguous names ("Fuzhou") are read in the light of the nearest scopes first.
        provinces, cities = _joined(unambiguous[:i + 1] + [heading])
        if not provinces:
            provinces, cities = _joined(unambiguous + [heading])
        codes = gazetteer.context_codes(provinces, cities)
        if i == _CLAUSE_SCOPE:
            # "南京江北新区的“A”和苏州工业园区的“B”": the place nearest the name is its place.
            near = _name_positions(cand, m)
            scope = sorted(scope, key=lambda p: min(abs(p.start - n) for n in near))
            best = _nearest_then_finer(scope, gazetteer, codes)
        else:
            best = _most_specific(scope, gazetteer, codes)
        if best is None:
            continue
        # "Hunan Blockchain Industrial Park ... in Loudi", "built in Wuhan's Jiangxia District": a
        # finer place inside the one found, named nearby, is better.
        for later in scopes[i + 1:_PARAGRAPH_SCOPE + 1]:
            finer = _most_specific(later, gazetteer, codes)
            if finer and _LEVEL[finer.place.level] > _LEVEL[best.place.level] and _within(finer.place, best.place):
                best = finer
        return best
    return None


def _joined(parts: list[tuple[list[Place], list[Place]]]) -> tuple[list[Place], list[Place]]:
    return [p for provs, _ in parts for p in provs], [c for _, cities in parts for c in cities]


def _name_positions(cand: Candidate, m: DocMentions) -> list[int]:
    out = []
    for i in cand.sentences:
        s = m.sentences[i]
        out += [n.start for n in m.names(s.start, s.end) if _same(cand, n.text)]
    return out or [cand.name.start]


def _nearest_then_finer(scope, gazetteer, codes) -> Optional[Located]:
    """The first place of `scope` (the nearest), made finer by any place inside it in the scope."""
    first = _most_specific(scope[:1], gazetteer, codes)
    if first is None:
        return _most_specific(scope[1:], gazetteer, codes)
    for match in scope[1:]:
        finer = _most_specific([match], gazetteer, codes)
        if finer and _LEVEL[finer.place.level] > _LEVEL[first.place.level] and _within(finer.place, first.place):
            first = finer
    return first


def _within(inner: Place, outer: Place) -> bool:
    if outer.level == "province":
        return inner.province_en == outer.province_en
    return inner.city_en == outer.city_en and inner.province_en == outer.province_en


def _most_specific(scope, gazetteer, codes) -> Optional[Located]:
    best: Optional[Located] = None
    for match in scope:
        place = gazetteer.resolve_in(match, codes)
        if place is not None and (best is None or _LEVEL[place.level] > _LEVEL[best.place.level]):
            best = Located(place, match)
    return best


def _heading_places(cand: Candidate, m: DocMentions) -> list[PlaceMatch]:
    for para in reversed(m.paragraphs[:cand.paragraph + 1]):
        if para.is_heading and para.section == cand.section:
            return m.places(para.start, para.end)
    return []


def _unambiguous(matches: Sequence[PlaceMatch]) -> tuple[list[Place], list[Place]]:
    provinces: list[Place] = []
    cities: list[Place] = []
    for match in matches:
        provs = {c.province_en for c in match.candidates}
        if len(provs) == 1:
            provinces.append(match.candidates[0])
            if len({c.city_en for c in match.candidates}) == 1 and match.candidates[0].level != "province":
                cities.append(match.candidates[0])
    return provinces, cities
