"""Turn linked candidates (and table rows) into Project records, each field with its evidence span.

The records are built as the plain dicts `Project` validates; the engine validates all of a document's
records at once, in one `Extraction.model_validate` (rather than a model per evidence span, or a
call per record)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractor.normalize.money import MoneyMatch, parse_amount
from extractor.normalize.places import LEVEL_RANK, Gazetteer, Place
from extractor.normalize.dates import DateMatch, parse_date
from extractor.types import OrgRole, Status, project_id
from extractor.engines.rules import cues
from extractor.engines.rules.candidates import ROLE_RANK, Candidate, Cue, Event, provinces_named
from extractor.engines.rules.linking import Linker
from extractor.engines.rules.mentions import StatusCue
from extractor.engines.rules.orgs import cell_org_end
from extractor.engines.rules.tables import Cell
from extractor.engines.rules.places_for import PlaceFinder
from extractor.engines.rules.sector import find_sector


class Builder:
    """Builds the records of one document, as plain dicts for `Project` to validate (see the module
    docstring); what candidates share (a sentence's strongest status cue, its sector) is
    worked out once per sentence."""

    def __init__(self, linker: Linker, doc_id: str):
        self.linker = linker
        self.m = linker.m
        self.doc_id = doc_id
        self.places = PlaceFinder(self.m)
        self._status_of: dict[int, Optional[StatusCue]] = {}  # by sentence index
        self._sector_of: dict[int, Optional[tuple[str, int, int]]] = {}  # by sentence index

    def _record(self, fields: dict, evidence: list[tuple[str, int, int]]) -> dict:
        """The record, with its id (as `Project.with_id` would give it) and its evidence (given as the
        field and span of each piece: one comprehension makes them all)."""
        fields["id"] = project_id(fields["name"], fields.get("province"))
        text, doc_id = self.m.text, self.doc_id
        fields["evidence"] = [{"field": field, "doc_id": doc_id, "start": start, "end": end, "quote": text[start:end]}
                              for field, start, end in evidence]
        return fields

    def own_status(self, cand: Candidate) -> Optional[Cue]:
        """The strongest status cue of the sentences naming the candidate, else of those referring to
        it; among equally strong ones the first."""
        started = None  # construction started: what the project is, unless a sentence says more
        for group in (cand.sentences, cand.linked):
            best = None
            for i in group:
                cue = self._strongest_status(i)
                if cue is not None and (best is None or cues.STATUS_RANK[cue.status] < cues.STATUS_RANK[best.status]):
                    best = cue
            if best is not None and best.status == Status.other:
                started = started or best
            elif best is not None:
                return Cue(*best)
        return Cue(*started) if started is not None else None

    def _strongest_status(self, sentence: int) -> Optional[StatusCue]:
        if sentence not in self._status_of:
            s = self.m.sentences[sentence]
            found = self.m.status(s.start, s.end)  # strongest first; construction started only alone
            self._status_of[sentence] = next((c for c in found if c.status != Status.other), found[0]) \
                if found else None
        return self._status_of[sentence]

    def project(self, cand: Candidate) -> dict:
        own = self.own_status(cand)
        event = cand.event
        # (a project that broke ground at the event is past what "it will build" plans)
        inherit = event is not None and (own is None or own.status == event.status.status
                                         or self._plan_of_the_event(own, event, cand))
        located = None
        if inherit and event.places and event.status.status in (Status.listed, Status.approved):
            # A Hubei project does not inherit the date and status of a Guangdong list, but may the
            # Hubei list the article told of before it. (A signing ceremony in Kunming signs
            # projects of other provinces too.)
            here = self.places.locate(cand, False)
            if here is not None and here.place.province_en not in provinces_named(event.places):
                located = here
                event = self._earlier_event(cand, here.place.province_en, own)
                inherit = event is not None
        status = event.status if inherit and own is not None and own.status == Status.planned else \
            own or (event.status if inherit else None)
        evidence = [("name", cand.name.start, cand.name.end)]
        fields: dict = {"name": cand.name.text, "doc_id": self.doc_id}
        if status is not None:
            fields["status"] = status.status
            evidence.append(("status", status.start, status.end))
        date = self._date(cand, event if inherit or self._started_that_day(own, event) else None)
        if date is not None:
            fields["date"] = date.iso
            evidence += _date_evidence(date)
        sector = self._sector(cand)
        if sector is not None:
            fields["sector"] = sector[0]
            evidence.append(("sector", sector[1], sector[2]))
        located = located or self.places.locate(cand, inherit)
        if located is not None:
            self._place_fields(located.place, located.match.start, located.match.end, fields, evidence)
        if cand.amount is not None:
            fields["amount"] = cand.amount.to_amount()
            evidence.append(("amount", cand.amount.start, cand.amount.end))
        orgs = [(self.linker.by_full_name(o), r) for o, r in cand.orgs.values()]  # 省发改委: by its full name
        if inherit and event.gov is not None and event.status.status in _GOVERNMENT_STATUSES:
            orgs.append((event.gov, OrgRole.government))
        once: dict[str, tuple] = {}
        for o, r in orgs:  # each once (a short name and its full name are one), with its strongest role
            if o.text not in once or ROLE_RANK[r] < ROLE_RANK[once[o.text][1]]:
                once[o.text] = (once[o.text][0] if o.text in once else o, r)
        orgs = list(once.values())
        fields["organizations"] = [{"name": o.text, "role": r} for o, r in orgs]
        evidence += [(f"organizations[{i}]", o.start, o.end) for i, (o, _) in enumerate(orgs)]
        return self._record(fields, evidence)

    def _plan_of_the_event(self, own: Cue, event: Event, cand: Candidate) -> bool:
        """"It will build ..." of a project that broke ground at the event or is on the list the section
        tells of, or "the company will invest ..." told right after the signing of the deal or the approval,
        or in a bullet of the deals signed: the event's status, not a plan of its own."""
        if own.status != Status.planned or self._signs_later(cand):
            return False
        if event.status.status == Status.other:
            return True
        if event.status.status == Status.listed and cand.sentences:
            # "X Co will build the Y Center" in the list's section: who builds a listed project, no plan of
            # its own, unless the text sets it apart ("Separately, ...") or hopes for the list still
            own_sentence = self.m.sentences[cand.sentences[0]].text
            return event.section == cand.section and _BUILDER_PLAN.match(self.m.text, own.start) is not None \
                and _SET_APART.search(own_sentence) is None and _NOT_LISTED_YET.search(own_sentence) is None
        if event.status.status not in (Status.signed, Status.approved) or not cand.sentences:
            return False
        if 0 <= cand.sentences[0] - event.sentence <= 1 or self.m.paragraphs[cand.paragraph].kind == "bullet":
            return True  # (an approved project, too, is one that "will be built")
        if event.status.status != Status.signed:
            return False
        # A ceremony that signed many deals ("put their names to a string of deals", "集中签约"): a company's
        # plan told later in its section is one of them, unless the text sets it apart ("Separately, ...").
        told = self.m.sentences[event.sentence]
        own = self.m.sentences[cand.sentences[0]]
        return event.section == cand.section and _MANY_SIGNED.search(told.text) is not None \
            and _SET_APART.search(own.text) is None

    def _signs_later(self, cand: Candidate) -> bool:
        """A sentence naming the candidate says it is to be signed ("预计11月正式签约"): a plan of its own."""
        text = self.m.text
        for i in cand.sentences:
            s = self.m.sentences[i]
            if any(c.status == Status.planned and _SIGNING_WORD.match(text, c.start) for c in self.m.status(s.start, s.end)):
                return True
        return False

    def _sector(self, cand: Candidate) -> Optional[tuple[str, int, int]]:
        """The industry named in the project's name, else in its own sentences."""
        found = find_sector(self.m.text, cand.name.start, cand.name.end)
        for i in cand.sentences:
            if found is not None:
                break
            if i not in self._sector_of:
                s = self.m.sentences[i]
                self._sector_of[i] = find_sector(self.m.text, s.start, s.end)
            found = self._sector_of[i]
        return found

    def _earlier_event(self, cand: Candidate, province: str, own: Optional[Cue]) -> Optional[Event]:
        """The latest event before the candidate's first mention that took place in `province` (and,
        when the candidate states its own status, has that status)."""
        first = cand.sentences[0] if cand.sentences else -1
        for event in reversed(self.linker.events):
            if event.sentence < first and province in provinces_named(event.places) \
                    and (own is None or own.status == event.status.status):
                return event
        return None

    def _started_that_day(self, own: Optional[Cue], event: Optional[Event]) -> bool:
        """A project that broke ground, named after an event whose sentence tells of starts too
        ("3月18日上午，…集中签约活动…；同日…集中开工"): it started on the event's day."""
        if own is None or own.status != Status.other or event is None or event.date is None:
            return False
        s = self.m.sentences[event.sentence]
        return any(c.status == Status.other for c in self.m.status(s.start, s.end))

    def _date(self, cand: Candidate, event: Optional[Event]):
        # (The linker works out each sentence's date once per document.)
        sentences = self.m.sentences
        told = None  # "记者25日获悉，…批复X": when it was told, unless a sentence says when it was done
        for group in (cand.sentences, cand.linked):
            for i in group:
                d = self.linker.sentence_date(sentences[i])
                if d is not None and not self.linker.only_told_when(sentences[i]):
                    return d
                told = told or d
        if told is not None:
            return told
        para = self.m.paragraphs[cand.paragraph]
        d = self.linker.paragraph_date(para, cand.name.start)
        if event is not None and event.date is not None and para.sentences \
                and para.sentences[0].start < self.m.sentences[event.sentence].start < cand.name.start \
                and (d is None or len(event.date.iso) >= len(d.iso)):
            return event.date  # (an event told after the paragraph's opening date, as precise, is the newer one)
        if d is not None:
            return d
        return event.date if event is not None else None

    def _place_fields(self, place: Place, start: int, end: int, fields: dict, evidence: list) -> None:
        fields["province"], fields["province_zh"] = place.province_en, place.province_zh
        evidence.append(("province", start, end))
        if place.city_en and place.level != "province" or (place.level == "province" and place.city_en):
            fields["city"], fields["city_zh"] = place.city_en, place.city_zh
            evidence.append(("city", start, end))
        if place.level == "district":
            fields["district"], fields["district_zh"] = place.name_en, place.name_zh
            evidence.append(("district", start, end))

    # --- table rows ------------------------------------------------------------------------------
    def row_project(self, row, event) -> dict:
        """A table row's record: its cells, with the status, date and listing authority of the event
        that introduces the table (as a prose project inherits them from its list)."""
        name = row.cells["name"]
        evidence = [("name", name.start, name.end)]
        fields: dict = {"name": name.text, "doc_id": self.doc_id}
        place = self._row_place(row, event)
        event = self._list_of_its_province(row, event, place)
        status = event.status.status if event is not None else None
        own_date = self._row_date(row)
        if own_date is not None and row.date_status != status:
            # a dated "Agreement signed" column states the row's own status, whatever the event was
            status, header = row.date_status, row.date_header
            fields["status"] = status
            evidence.append(("status", header.start, header.end))
        elif event is not None:
            fields["status"] = status
            evidence.append(("status", event.status.start, event.status.end))
        date = own_date or (event.date if event is not None else None)
        if date is not None:
            fields["date"] = date.iso
            evidence += _date_evidence(date)
        sector = find_sector(self.m.text, name.start, name.end)
        if sector is not None:
            fields["sector"] = sector[0]
            evidence.append(("sector", sector[1], sector[2]))
        if place is not None:
            self._place_fields(*place, fields, evidence)
        amount = row_amount(row)
        if amount is not None:
            fields["amount"] = amount.to_amount()
            evidence.append(("amount", amount.start, amount.end))
        fields["organizations"], org_evidence = self._row_orgs(row, event, status)
        evidence += org_evidence
        return self._record(fields, evidence)

    def _list_of_its_province(self, row, event, place):
        """A table drawn from two provinces' lists: a row of the other province takes that province's
        list (a listing told before the table), not the one told last."""
        if event is None or place is None or not event.places \
                or place[0].province_en in provinces_named(event.places):
            return event
        table = self.m.paragraphs[row.table].sentences
        before = table[0].start if table else row.cells["name"].start
        for earlier in reversed(self.linker.events):
            if self.m.sentences[earlier.sentence].start < before and earlier.status.status == Status.listed \
                    and place[0].province_en in provinces_named(earlier.places):
                return earlier
        return event

    def _row_orgs(self, row, event, status) -> tuple[list[dict], list[tuple[str, int, int]]]:
        """The row's companies by column; the other party of a signing table signed; the body that
        issued the list (a listing, approval or plan) as the government, as for prose records."""
        signing = status == Status.signed
        roles = (("undertaker", OrgRole.undertaker), ("investor", OrgRole.investor),
                 ("counterparty", OrgRole.signer if signing else OrgRole.other))
        orgs = [(_org_of_cell(row.cells[f]), role) for f, role in roles
                if f in row.cells and _names_something(row.cells[f].text)]
        if event is not None and event.gov is not None and status == event.status.status in _GOVERNMENT_STATUSES \
                and all(c.text != event.gov.text for c, _ in orgs):
            orgs.append((event.gov, OrgRole.government))
        return ([{"name": c.text, "role": r} for c, r in orgs],
                [(f"organizations[{i}]", c.start, c.end) for i, (c, _) in enumerate(orgs)])

    def _row_date(self, row) -> Optional[DateMatch]:
        """The date cell, when its column dates the row's own status ("Signed" in a signing table)."""
        cell = row.cells.get("date")
        if cell is None or row.date_status is None:
            return None
        found = parse_date(cell.text, self.m.year)
        if found is None:
            return None
        return DateMatch(cell.start + found.start, cell.start + found.end, found.text, found.iso, found.approximate)

    def _row_place(self, row, event) -> Optional[tuple[Place, int, int]]:
        """The row's place and its span: from its province/city/district columns, else its place
        column ("郑州市金水区", "Changle, Fuzhou"), else a place its name states ("金水区…项目"), else
        the place the paragraph introducing the table (or the list event) states. Ambiguous names
        are read in the list's provinces."""
        intro = self._intro_places(row, event)
        context = list(dict.fromkeys(m.candidates[0].province_en for m in intro if m.candidates))
        province = None
        if "province" in row.cells:
            found = [p for p in _places_named(row.cells["province"].text) if p.level == "province"]
            province = found[0] if found else None
        provinces = [province.province_en] if province is not None else context
        for field in ("district", "city"):
            if field in row.cells and not _places_named(row.cells[field].text):
                found_in = _place_in(row.cells[field], tuple(provinces), self.m)  # "Shenzhen (Nanshan)"
                if found_in is not None:
                    return found_in
            if field in row.cells:
                found = _places_named(row.cells[field].text)
                within = [p for p in found if p.province_en in provinces]
                # A province column rules out namesakes elsewhere; without one, a namesake in the
                # list's provinces comes first, else the most likely reading.
                if within or province is None and found:
                    return (within or found)[0], row.cells[field].start, row.cells[field].end
        if province is not None:
            return province, row.cells["province"].start, row.cells["province"].end
        for field in ("place", "name"):
            if field in row.cells:
                found = _place_in(row.cells[field], tuple(context), self.m)
                if found is not None:
                    return found
        for m in intro:
            if m.candidates:
                return Gazetteer.load().resolve(m, context), m.start, m.end
        return None

    def _intro_places(self, row, event) -> list:
        """Places of the paragraph right before the table, else of a list event's sentence."""
        before = row.table - 1
        if before >= 0:
            para = self.m.paragraphs[before]
            if para.kind != "table" and (found := self.m.places(para.start, para.end, in_names=False)):
                return found
        if event is not None and event.status.status in _GOVERNMENT_STATUSES:
            return list(event.places)
        return []


# The events whose issuing body is the projects' government (not a signing's other party).
# What a government does to the projects of an event, which makes it their government: it lists,
# approves or plans them, or hosts the ceremony where work on them starts. (At a signing, the
# government that signs is a signer, named as such.)
_GOVERNMENT_STATUSES = (Status.listed, Status.approved, Status.planned, Status.other)
_PLACEHOLDER = re.compile(r"[\s\-—–/、.·…]*")  # an empty-looking cell: "—", "/", "..."


def _org_of_cell(cell: Cell) -> Cell:
    """The organisation a cell names, without the country after it ("Nordfibre AB (Sweden)")."""
    end = cell_org_end(cell.text, zh=not cell.text.isascii())
    return cell if end == len(cell.text) else Cell(cell.start, cell.start + end, cell.text[:end])


def _names_something(text: str) -> bool:
    return not _PLACEHOLDER.fullmatch(text)


def _place_in(cell, provinces: tuple[str, ...], mentions) -> Optional[tuple[Place, int, int]]:
    """The most precise place a cell names, read with the cell's other places and the list's
    provinces as context ("Changle, Fuzhou": Changle District of Fuzhou, Fujian). The places are the
    document's (read in all of it: "Luliang" in a notice of Luliang County, Yunnan, is that county)."""
    matches = mentions.places(cell.start, cell.end)
    if not matches:
        return None
    gazetteer = Gazetteer.load()
    cities = [p for m in matches for p in m.candidates if p.level == "city" and len(m.candidates) == 1]
    codes = gazetteer.context_codes(provinces + tuple(p.province_en for m in matches for p in m.candidates
                                                      if len(m.candidates) == 1), cities)
    resolved = [(gazetteer.resolve_in(m, codes), m) for m in matches]
    place, _ = max(resolved, key=lambda pm: LEVEL_RANK[pm[0].level])  # first of the most precise
    first, last = matches[0], matches[-1]
    return place, first.start, last.end


@lru_cache(maxsize=1024)  # a table names the same provinces and cities row after row
def _places_named(name: str) -> tuple[Place, ...]:
    return tuple(Gazetteer.load().lookup(name))


_MANY_SIGNED = re.compile(r"\b(?:deals|agreements|contracts|projects)\b|集中签约|签约项目|项目集中|批项目")
_SET_APART = re.compile(r"\b(?:[Ss]eparately|[Ee]lsewhere|[Ii]ndependently|[Ll]ater)\b|另外|另据|此外，.{0,6}还计划")
# A company's plan that says who builds: "will build", "plans to spend" (not "plans to start work").
_BUILDER_PLAN = re.compile(r"(?:will|plans? to|intends? to) (?:build|invest|construct|develop|spend)\b")
_NOT_LISTED_YET = re.compile(r"\bhopes?\b|\bnot (?:yet )?(?:on|in|included)\b|\bwould be added\b|\bwill be added\b")
_SIGNING_WORD = re.compile(r"签约|签订|签署|sign", re.I)
_BARE_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_UNIT = {"亿元": 1e8, "万元": 1e4, "百万元": 1e6, "million yuan": 1e6, "billion yuan": 1e9, "100 million yuan": 1e8}


def row_amount(row) -> Optional[MoneyMatch]:
    """The amount cell; a bare number takes the unit written in the header ("总投资（亿元）")."""
    cell = row.cells.get("amount")
    if cell is None:
        return None
    if row.unit and _BARE_NUMBER.fullmatch(cell.text):
        value = round(float(cell.text.replace(",", "")) * _UNIT[row.unit.lower()], 4)
        return MoneyMatch(cell.start, cell.end, cell.text, value, value, value, "CNY", None)
    found = parse_amount(cell.text)  # the cell says its own unit and currency ("3.2亿元", "US$50m")
    return found and MoneyMatch(cell.start + found.start, cell.start + found.end, found.text, found.value,
                                found.min, found.max, found.currency, found.qualifier)


def _date_evidence(date: DateMatch) -> list[tuple[str, int, int]]:
    """The date's span, and for "on Tuesday" or 近日 the dateline it is counted from."""
    spans = [("date", date.start, date.end)]
    if date.basis is not None:
        spans.append(("date", *date.basis))
    return spans
