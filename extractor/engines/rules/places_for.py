"""Where a project is: the most specific place in the nearest scope that names one.

Scopes, nearest first: the project's name ("Chongren County ... Project"), the clause and sentence
that name it, sentences that refer back to it, its paragraph, the event that introduced it (the list
release or signing), the section. Places inside company names never count ("Interstellar
(Beijing) Technology Co., Ltd." is not in Beijing); places inside government names do ("Chengdu
Jinniu District People's Government").

`PlaceFinder` serves one document. What candidates share (the context each place mention gives,
the section and heading places of a paragraph) is worked out once per document, a candidate's
scopes once per candidate. The context that reads ambiguous names ("Fuzhou") is worked out only
when a scope has one: most place names have a single reading, which no context changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet, Callable, Optional, Sequence

from extractor.normalize.places import Gazetteer, Place, PlaceMatch
from extractor.engines.rules.candidates import Candidate, candidate_key
from extractor.engines.rules.mentions import DocMentions

_LEVEL = {"province": 0, "city": 1, "district": 2}
# The scopes, nearest first (see the module docstring).
_NAME_SCOPE, _CLAUSE_SCOPE, _SENTENCE_SCOPE, _LINKED_SCOPE, _PARAGRAPH_SCOPE, _EVENT_SCOPE, _SECTION_SCOPE = range(7)
_SCOPE_COUNT = 7
_NO_CODES: frozenset[str] = frozenset()


@dataclass
class Located:
    place: Place
    match: PlaceMatch


# What place mentions say unambiguously, as a context for reading ambiguous ones:
# (whether they name a province unambiguously, province codes, prefecture city codes).
_Context = tuple[bool, AbstractSet[str], AbstractSet[str]]
_EMPTY_CONTEXT: _Context = (False, _NO_CODES, _NO_CODES)


@dataclass
class _Scopes:
    """One candidate's scopes, nearest first, each worked out when first needed (a search that ends
    early never reads the far ones), and what each says unambiguously."""

    cand: Candidate
    places: list[Optional[list[PlaceMatch]]]  # None: not worked out yet
    contexts: list[Optional[_Context]]
    near: list[int] = field(default_factory=list)  # where the candidate is named (with the first two scopes)


class PlaceFinder:
    """Locates the candidates of one document (see the module docstring)."""

    def __init__(self, m: DocMentions):
        self.m = m
        self.gazetteer = Gazetteer.load()
        self._match_context: dict[int, _Context] = {}  # by id() of a PlaceMatch of this document
        # Places outside project names, by sentence and by paragraph index: candidates share them.
        self._in_sentence: dict[int, list[PlaceMatch]] = {}
        self._in_paragraph: dict[int, list[PlaceMatch]] = {}
        self._heading: dict[tuple[int, int], list[PlaceMatch]] = {}  # by (paragraph, section)
        self._section: dict[tuple[int, int], list[PlaceMatch]] = {}  # by (paragraph, section)
        self._scopes: dict[int, _Scopes] = {}  # by id() of a candidate
        # By id() of a candidate: where it is without its event's places, and whether that answer
        # holds with them too (it was found in a scope before the event's, in its own context).
        self._without_event: dict[int, tuple[Optional[Located], bool]] = {}

    def locate(self, cand: Candidate, inherit_event: bool) -> Optional[Located]:
        with_event = inherit_event and cand.event is not None and bool(cand.event.places)
        known = self._without_event.get(id(cand))
        if known is not None and (not with_event or known[1]):
            return known[0]
        scopes = self._scopes.get(id(cand))
        if scopes is None:
            scopes = self._scopes[id(cand)] = _Scopes(cand, [None] * _SCOPE_COUNT, [None] * _SCOPE_COUNT)
            scopes.places[_EVENT_SCOPE] = []
        if with_event:
            self._scope(scopes, _CLAUSE_SCOPE)  # (so that both share the name and clause scopes)
            places, contexts = scopes.places[:], scopes.contexts[:]
            places[_EVENT_SCOPE], contexts[_EVENT_SCOPE] = list(cand.event.places), None
            scopes = _Scopes(cand, places, contexts, scopes.near)
        found, holds_with_event = self._search(scopes)
        if not with_event:
            self._without_event[id(cand)] = (found, holds_with_event)
        return found

    def _search(self, scopes: _Scopes) -> tuple[Optional[Located], bool]:
        """The place, and whether it was found without reading the scopes from the event's on."""
        for i, scope in enumerate(scopes.places):
            if scope is None:
                scope = self._scope(scopes, i)
            if not scope:
                continue  # nothing to find here
            resolve = _ScopeReader(self, scopes, i)
            if i == _NAME_SCOPE:
                spanned = self._spanned(scope, resolve)
                if spanned is not None:  # "Lüliang-Linfen Intercity Railway": in neither city alone
                    place, match = spanned
                    return (Located(place, match) if place is not None else None), True
            if i == _CLAUSE_SCOPE:
                # "南京江北新区的“A”和苏州工业园区的“B”": the place nearest the name is its place.
                near = scopes.near
                best = _nearest_then_finer(sorted(scope, key=lambda p: min(abs(p.start - n) for n in near)), resolve)
            else:
                best = _most_specific(scope, resolve)
            if best is None:
                continue
            if i == _NAME_SCOPE and best[0].level == "district" and not _with_suffix(best[1]):
                # "Datong Yungang Airport ... in Datong's Yunzhou District": a bare word of the name
                # that is also a district's name (a landmark named after the area, an old name) gives
                # way to a district the text states as one.
                best = self._stated_district(scopes, scope, best[0], resolve) or best
            # "Hunan Blockchain Industrial Park ... in Loudi", "built in Wuhan's Jiangxia District": a
            # finer place inside the one found, named nearby, is better. (Nothing is finer than a district.)
            for j in range(i + 1, _PARAGRAPH_SCOPE + 1):
                if best[0].level == "district":
                    break
                later = scopes.places[j]
                finer = _most_specific(self._scope(scopes, j) if later is None else later, resolve)
                if finer and _LEVEL[finer[0].level] > _LEVEL[best[0].level] and _within(finer[0], best[0]):
                    best = finer
            return Located(*best), i < _EVENT_SCOPE and resolve.decided_nearby
        return None, False

    def _spanned(self, scope: Sequence[PlaceMatch], resolve) -> Optional[tuple[Optional[Place], PlaceMatch]]:
        """For a name that joins two places ("Lüliang-Linfen Intercity Railway", "吕梁至临汾城际铁路",
        "Beijing-Shanghai"): the place that holds both (their city, else their province, else None)
        and the first mention. None when the name joins no two different places."""
        text = self.m.text
        for a, b in zip(scope, scope[1:]):
            if not _JOINER.fullmatch(text, a.end, b.start):
                continue
            first, second = resolve(a), resolve(b)
            if first is None or second is None or first == second:
                continue
            # (A city and a county of it, "Datong-Hunyuan Railway": the city holds both.)
            return _holding(self.gazetteer, first, second), a
        return None

    def _stated_district(self, scopes: _Scopes, name_scope: Sequence[PlaceMatch], bare: Place,
                         resolve) -> Optional[_Found]:
        """Another district of the same city as `bare` (a district read from a bare word of the name),
        named with its suffix ("Yunzhou District", 云州区) in the clauses, sentences and referring
        sentences of the candidate, and inside every city and province the name states. None when
        the text states `bare` itself as a district ("the Yanhu ... Project, in Yanhu District"), or
        states two others: then it does not say which."""
        outer = [p for p in map(resolve, name_scope) if p is not None and p.level != "district"]
        stated: dict[Place, PlaceMatch] = {}
        for j in range(_CLAUSE_SCOPE, _LINKED_SCOPE + 1):
            for match in self._scope(scopes, j):
                place = resolve(match) if _with_suffix(match) else None
                if place is not None and place.level == "district" and place not in stated:
                    stated[place] = match
        if bare in stated:
            return None
        same_city = [(p, m) for p, m in stated.items()
                     if _within(p, bare) and all(_within(p, o) for o in outer)]
        return same_city[0] if len(same_city) == 1 else None

    def _codes(self, scopes: _Scopes, i: int) -> tuple[bool, tuple[AbstractSet[str], AbstractSet[str]]]:
        """The gazetteer context for reading ambiguous names found in scope `i`: what the scopes up to
        it and the heading say unambiguously, else what all scopes and the heading say; and whether
        the nearer scopes sufficed."""
        heading = self._context(self._heading_places(scopes.cand))
        named, provinces, cities = _joined(self._contexts(scopes, i + 1) + [heading])
        nearby = named
        if not named:
            named, provinces, cities = _joined(self._contexts(scopes, _SCOPE_COUNT) + [heading])
        return nearby, (provinces, cities)

    # --- scopes ----------------------------------------------------------------------------------
    def _scope(self, scopes: _Scopes, i: int) -> list[PlaceMatch]:
        found = scopes.places[i]
        if found is None:
            cand = scopes.cand
            if i <= _CLAUSE_SCOPE:
                self._name_and_clause_scopes(scopes)
            elif i == _SENTENCE_SCOPE:
                scopes.places[i] = [p for k in cand.sentences for p in self._sentence_places(k)]
            elif i == _LINKED_SCOPE:
                scopes.places[i] = [p for k in cand.linked + cand.company_linked for p in self._sentence_places(k)]
            elif i == _PARAGRAPH_SCOPE:
                scopes.places[i] = self._paragraph_places(cand.paragraph)
            elif i == _SECTION_SCOPE:
                scopes.places[i] = self._section_places(cand)
            found = scopes.places[i]
        return found  # type: ignore[return-value]

    def _name_and_clause_scopes(self, scopes: _Scopes) -> None:
        """The places inside the candidate's own name and those of the clauses naming it."""
        m, cand = self.m, scopes.cand
        name_scope: list[PlaceMatch] = []
        clause_scope: list[PlaceMatch] = []
        near: list[int] = []
        for i in cand.sentences:
            s = m.sentences[i]
            own = [n for n in m.names(s.start, s.end) if candidate_key(n.text) == cand.key]
            if not own:
                continue
            near += [n.start for n in own]
            if len(own) == 1:  # the places inside the name
                name_scope += m.places(own[0].start, own[0].end)
            else:
                name_scope += [p for p in m.places(s.start, s.end)
                               if any(n.start <= p.start and p.end <= n.end for n in own)]
            for n in own:
                c = s.clause_of(n.start)
                clause_scope += (self._sentence_places(i) if c == (s.start, s.end)
                                 else m.places(c[0], c[1], in_names=False))
        scopes.places[_NAME_SCOPE], scopes.places[_CLAUSE_SCOPE] = name_scope, clause_scope
        scopes.near = near or [cand.name.start]

    def _sentence_places(self, i: int) -> list[PlaceMatch]:
        return self._places_in(self.m.sentences, self._in_sentence, i)

    def _paragraph_places(self, i: int) -> list[PlaceMatch]:
        return self._places_in(self.m.paragraphs, self._in_paragraph, i)

    def _places_in(self, spans: Sequence, memo: dict[int, list[PlaceMatch]], i: int) -> list[PlaceMatch]:
        """Places outside project names in spans[i], worked out once per document."""
        found = memo.get(i)
        if found is None:
            found = memo[i] = self.m.places(spans[i].start, spans[i].end, in_names=False)
        return found

    def _section_places(self, cand: Candidate) -> list[PlaceMatch]:
        """The nearest earlier paragraph of the same section that names a place, and the heading."""
        key = (cand.paragraph, cand.section)
        if key not in self._section:
            out: list[PlaceMatch] = []
            paragraphs = self.m.paragraphs
            for j in range(cand.paragraph - 1, -1, -1):  # (by index: no copy of the paragraph list)
                para = paragraphs[j]
                if para.section != cand.section or para.index == 0:
                    break
                found = self._paragraph_places(para.index)
                if found:
                    out = found
                    break
            self._section[key] = out
        return self._section[key]

    def _heading_places(self, cand: Candidate) -> list[PlaceMatch]:
        key = (cand.paragraph, cand.section)
        if key not in self._heading:
            places: list[PlaceMatch] = []
            paragraphs = self.m.paragraphs
            for j in range(cand.paragraph, -1, -1):
                para = paragraphs[j]
                if para.is_heading and para.section == cand.section:
                    places = self.m.places(para.start, para.end)
                    break
            self._heading[key] = places
        return self._heading[key]

    # --- context ---------------------------------------------------------------------------------
    def _contexts(self, scopes: _Scopes, n: int) -> list[_Context]:
        """The contexts of the first `n` scopes, each worked out when first needed."""
        contexts = scopes.contexts
        for j in range(n):
            if contexts[j] is None:
                contexts[j] = self._context(self._scope(scopes, j))
        return contexts[:n]  # type: ignore[return-value]

    def _context(self, matches: Sequence[PlaceMatch]) -> _Context:
        """The unambiguous provinces and cities of `matches` as gazetteer context codes."""
        return _joined([self._one_context(match) for match in matches])

    def _one_context(self, match: PlaceMatch) -> _Context:
        found = self._match_context.get(id(match))
        if found is None:
            found = self._match_context[id(match)] = self._read_context(match)
        return found

    def _read_context(self, match: PlaceMatch) -> _Context:
        """A mention all of whose readings lie in one province names that province; if they also lie
        in one city (and it is not a province itself), it names that city too."""
        candidates = match.candidates
        if len({c.province_en for c in candidates}) != 1:
            return _EMPTY_CONTEXT
        first = candidates[0]
        is_city = len({c.city_en for c in candidates}) == 1 and first.level != "province"
        provinces, cities = self.gazetteer.context_codes([first], [first] if is_city else [])
        return True, frozenset(provinces), frozenset(cities)


class _ScopeReader:
    """Reads the place mentions found in scope `i`; works out its context at the first mention that
    has more than one reading."""

    def __init__(self, finder: PlaceFinder, scopes: _Scopes, i: int):
        self.finder, self.scopes, self.i = finder, scopes, i
        self.codes: Optional[tuple[AbstractSet[str], AbstractSet[str]]] = None
        self.decided_nearby = True  # whether the context came from the scopes up to `i` (or was not needed)

    def __call__(self, match: PlaceMatch) -> Optional[Place]:
        if len(match.candidates) == 1:
            return match.candidates[0]  # the only reading: no context can change it
        if self.codes is None:
            self.decided_nearby, self.codes = self.finder._codes(self.scopes, self.i)
        return self.finder.gazetteer.resolve_in(match, self.codes)



# A place and the mention it was read from.
_Found = tuple[Place, PlaceMatch]


def _most_specific(scope: Sequence[PlaceMatch], resolve: Callable[[PlaceMatch], Optional[Place]]) -> Optional[_Found]:
    """The first of the finest places in `scope`."""
    best: Optional[_Found] = None
    for match in scope:
        # (The only reading needs no context: asked here, it saves a call per mention.)
        place = match.candidates[0] if len(match.candidates) == 1 else resolve(match)
        if place is not None and (best is None or _LEVEL[place.level] > _LEVEL[best[0].level]):
            best = (place, match)
            if place.level == "district":
                break  # nothing later can be finer
    return best


def _nearest_then_finer(scope: Sequence[PlaceMatch], resolve) -> Optional[_Found]:
    """The first place of `scope` (the nearest), made finer by any place inside it in the scope."""
    first = _most_specific(scope[:1], resolve)
    if first is None:
        return _most_specific(scope[1:], resolve)
    for match in scope[1:]:
        if first[0].level == "district":
            break  # nothing is finer
        finer = _most_specific([match], resolve)
        if finer and _LEVEL[finer[0].level] > _LEVEL[first[0].level] and _within(finer[0], first[0]):
            first = finer
    return first


def _joined(contexts: Sequence[_Context]) -> _Context:
    named, provinces, cities = False, set(), set()
    for names_province, province_codes, city_codes in contexts:
        if names_province:
            named = True
            provinces |= province_codes
            cities |= city_codes
    return named, provinces, cities


# What joins two places in a name that runs between them: a hyphen or dash, "to", 至/到.
_JOINER = re.compile(r"\s*(?:[-‐‑–—－/~]|to|至|到)\s*")
# A place mention that carries its administrative suffix: "Yunzhou District", 云州区 (not "Yungang").
_SUFFIXED = re.compile(r"(?:[ ](?:[Dd]istrict|[Cc]ounty|[Bb]anner|[Cc]ity|[Aa]rea)|[区县旗市])$")


def _with_suffix(match: PlaceMatch) -> bool:
    return _SUFFIXED.search(match.text) is not None


def _holding(gazetteer: Gazetteer, first: Place, second: Place) -> Optional[Place]:
    """The smallest place that holds both: their common city, else their common province, else None."""
    if first.city_en is not None and first.city_en == second.city_en and first.province_en == second.province_en:
        return gazetteer.city_of(first)
    if first.province_en == second.province_en:
        return gazetteer.province_of(first)
    return None


def _within(inner: Place, outer: Place) -> bool:
    if outer.level == "province":
        return inner.province_en == outer.province_en
    return inner.city_en == outer.city_en and inner.province_en == outer.province_en
