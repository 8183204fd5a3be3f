"""Ground extracted fields in the source text: find each quote, re-derive each value from its quote.

`locate_quote` finds a quote exactly, else after normalising whitespace, case, quote marks and
full-width forms, and says which (`Alignment`). `ground_project` is the gate every LLM answer goes
through: evidence whose quote is not in the document is dropped together with its field, and
amounts, places and dates are re-read from their quotes with the deterministic normalisers, so a
model cannot state a value its own quote does not support.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Optional

from extractor.normalize.dates import DateMatch, infer_year, parse_date, find_dates
from extractor.normalize.relative_dates import dateline, read_relative
from extractor.normalize.scanning import occurrences
from extractor.normalize.money import find_amounts, parse_amount
from extractor.normalize.places import Gazetteer, Place
from extractor.types import Document, Evidence, Organization, Project


class Alignment(str, Enum):
    exact = "exact"  # document_text[start:end] == quote
    normalised = "normalised"  # equal after whitespace/case/quote-mark/full-width normalisation


@dataclass(frozen=True)
class Located:
    start: int
    end: int
    alignment: Alignment


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})


def _norm_char(ch: str) -> str:
    if ch.isspace():
        return " "
    return unicodedata.normalize("NFKC", ch.translate(_QUOTE_MARKS)).casefold()


@lru_cache(maxsize=8)
def _normalised(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and, for each of its characters, the original offset."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        piece = _norm_char(ch)
        if piece == " " and out and out[-1] == " ":
            continue  # whitespace runs count as one space
        for p in piece:
            out.append(p)
            index.append(i)
    return "".join(out), tuple(index)


def _norm_quote(quote: str) -> str:
    return " ".join("".join(_norm_char(c) for c in quote).split())


def _nearest(positions: list[int], hint: Optional[int]) -> int:
    return positions[0] if hint is None else min(positions, key=lambda p: abs(p - hint))


def _all(haystack: str, needle: str) -> list[int]:
    return list(occurrences(haystack, needle))


def locate_quote(text: str, quote: str, hint: Optional[int] = None) -> Optional[Located]:
    """Where `quote` occurs in `text` (the occurrence nearest `hint` when there are several)."""
    if not quote or not quote.strip():
        return None
    exact = _all(text, quote)
    if exact:
        start = _nearest(exact, hint)
        return Located(start, start + len(quote), Alignment.exact)
    norm_text, index = _normalised(text)
    needle = _norm_quote(quote)
    found = _all(norm_text, needle) if needle else []
    if not found:
        return None
    i = _nearest([index[p] for p in found], hint)
    k = next(p for p in found if index[p] == i)
    return Located(index[k], index[k + len(needle) - 1] + 1, Alignment.normalised)


# --- projects ------------------------------------------------------------------------------------

_PLACE_FIELDS = ("province", "city", "district")
_BARE_YEAR = re.compile(r"((?:19|20)\d\d)年?")  # "the 2023 list": a year alone dates a list


def ground_project(project: Project, doc: Document) -> tuple[Project, list[str]]:
    """The project with every field re-checked against `doc`; and the problems found.

    A field is kept only if one of its evidence quotes is in the text (re-anchored when the offsets
    were wrong); amount, places and date are re-derived from their quotes. A project whose name
    cannot be grounded comes back without name evidence: callers should drop it (`is_grounded`).
    """
    problems: list[str] = []
    grounded: dict[str, list[Evidence]] = {}
    for ev in project.evidence:
        if ev.doc_id and ev.doc_id != doc.id:
            problems.append(f"{ev.field}: evidence from another document")
            continue
        found = locate_quote(doc.text, ev.quote, ev.start)
        if found is None:
            problems.append(f"{ev.field}: quote not in the text: {ev.quote[:60]!r}")
            continue
        if (found.start, found.end) != (ev.start, ev.end):
            problems.append(f"{ev.field}: offsets corrected ({found.alignment.value})")
        grounded.setdefault(ev.field, []).append(Evidence(
            field=ev.field, doc_id=doc.id, start=found.start, end=found.end,
            quote=doc.text[found.start:found.end]))
    update: dict = {}
    if "name" not in grounded:
        problems.append("name: no grounded evidence")
    update["amount"] = _ground_amount(project, grounded, problems)
    update.update(_ground_places(project, grounded, problems))
    update["date"] = _ground_date(project, grounded, doc, problems)
    for field in ("status", "sector"):
        if getattr(project, field) is not None and field not in grounded:
            problems.append(f"{field}: dropped, no grounded evidence")
            update[field] = None
    orgs, org_evidence = _ground_orgs(project, grounded, problems)
    update["organizations"] = orgs
    evidence = [e for f, evs in grounded.items() if not f.startswith("organizations[") for e in evs
                if update.get(f, True) is not None or f == "name"]
    update["evidence"] = evidence + org_evidence
    return project.model_copy(update=update), problems


def is_grounded(project: Project) -> bool:
    return bool(project.evidence_for("name"))


def _ground_amount(project: Project, grounded: dict, problems: list[str]):
    if project.amount is None and "amount" not in grounded:
        return None
    for ev in grounded.get("amount", []):
        match = parse_amount(ev.quote) or next(iter(find_amounts(ev.quote, require_currency=False)), None)
        if match is None:
            continue
        derived = match.to_amount()
        if project.amount is not None and _differs(project.amount.comparable, derived.comparable):
            problems.append(f"amount: {project.amount.text!r} replaced by its quote {ev.quote!r}")
        return derived
    problems.append("amount: dropped, no grounded quote states an amount")
    grounded.pop("amount", None)
    return None


def _differs(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is not b
    return abs(a - b) > 0.005 * max(abs(a), abs(b))


def _ground_places(project: Project, grounded: dict, problems: list[str]) -> dict:
    g = Gazetteer.load()
    stated = {f: getattr(project, f) for f in _PLACE_FIELDS}
    places: list[Place] = []
    for field in _PLACE_FIELDS:
        for ev in grounded.get(field, []):
            found = g.lookup(ev.quote) or [c for m in g.find(ev.quote) for c in m.candidates]
            if found:  # the reading of this quote that fits what was stated, else the likeliest
                places.append(max(found, key=lambda p: (_agrees(p, stated), -found.index(p))))
    best = _best_place(places, stated)
    if best is None:
        out = {f: None for f in _PLACE_FIELDS} | {f"{f}_zh": None for f in _PLACE_FIELDS}
        if any(stated.values()):
            problems.append("places: dropped, no grounded quote names a known place")
        for f in _PLACE_FIELDS:
            grounded.pop(f, None)
        return out
    out = {"province": best.province_en, "province_zh": best.province_zh,
           "city": best.city_en if best.level != "province" or best.city_en else None,
           "city_zh": best.city_zh if best.level != "province" or best.city_en else None,
           "district": best.name_en if best.level == "district" else None,
           "district_zh": best.name_zh if best.level == "district" else None}
    for f in _PLACE_FIELDS:
        if stated[f] and out[f] and stated[f].lower() != out[f].lower():
            problems.append(f"{f}: {stated[f]!r} replaced by {out[f]!r} from its quote")
        if out[f] is None:
            grounded.pop(f, None)
    return out


def _agrees(p: Place, stated: dict) -> int:
    pairs = ((p.province_en, stated["province"]), (p.city_en, stated["city"]),
             (p.name_en if p.level == "district" else None, stated["district"]))
    return sum(1 for v, s in pairs if s and v and v.lower() == s.lower())


def _best_place(places: list[Place], stated: dict) -> Optional[Place]:
    """The most specific quoted place that agrees with what was stated (else the most specific)."""
    if not places:
        return None
    rank = {"province": 0, "city": 1, "district": 2}
    return max(places, key=lambda p: (_agrees(p, stated), rank[p.level]))


@lru_cache(maxsize=8)
def _dateline(text: str) -> Optional[DateMatch]:
    head = text[:1000]
    return dateline(head, find_dates(head))


def _ground_date(project: Project, grounded: dict, doc: Document, problems: list[str]) -> Optional[str]:
    if project.date is None and "date" not in grounded:
        return None
    year = infer_year(doc.text) or doc.year
    evidence = grounded.get("date", [])
    filed = _dateline(doc.text) if evidence else None
    for ev in evidence:
        if filed is not None and len(evidence) > 1 and ev.start == filed.start:
            continue  # the dateline a relative date ("on Tuesday") was counted from, not the date
        iso = _stated_date(ev.quote, year)
        if iso is None and filed is not None:
            iso = read_relative(ev.quote, dt.date.fromisoformat(filed.iso))
            if iso is not None and len(evidence) == 1:  # cite the dateline it was counted from
                evidence.append(Evidence(field="date", doc_id=doc.id, start=filed.start, end=filed.end,
                                         quote=doc.text[filed.start:filed.end]))
        if iso is None:
            continue
        if project.date and project.date != iso:
            problems.append(f"date: {project.date!r} replaced by {iso!r} from its quote")
        return iso
    problems.append("date: dropped, no grounded quote states a date")
    grounded.pop("date", None)
    return None


def _stated_date(quote: str, year: Optional[int]) -> Optional[str]:
    match = parse_date(quote, year) or next(iter(find_dates(quote, year)), None)
    bare_year = _BARE_YEAR.fullmatch(quote.strip())
    return match.iso if match else bare_year.group(1) if bare_year else None


def _ground_orgs(project: Project, grounded: dict, problems: list[str]):
    orgs: list[Organization] = []
    evidence: list[Evidence] = []
    for i, org in enumerate(project.organizations):
        evs = grounded.get(f"organizations[{i}]", [])
        if not evs:
            problems.append(f"organizations[{i}]: {org.name!r} dropped, not grounded")
            continue
        ev = evs[0]
        name = org.name if _norm_quote(org.name) == _norm_quote(ev.quote) else ev.quote
        k = len(orgs)
        orgs.append(Organization(name=name, role=org.role))
        evidence.append(ev.model_copy(update={"field": f"organizations[{k}]"}))
    return orgs, evidence
