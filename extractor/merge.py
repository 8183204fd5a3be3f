"""Merge project records that describe the same project: across chunks and across documents.

Two records are the same project when their normalised names match (equal, or nearly equal by
character similarity) and their provinces do not contradict each other. The merged record keeps
every mention's evidence; where the sources disagree (two amounts, two dates), the first value is
kept and the disagreement is reported in `conflicts` rather than silently resolved.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Callable, Optional

from extractor.types import Amount, Conflict, Evidence, Organization, OrgRole, Project, normalise_name

SIMILARITY = 0.9  # character similarity of normalised names above which two names are one
_ROLE_RANK = {OrgRole.investor: 0, OrgRole.undertaker: 1, OrgRole.signer: 2, OrgRole.government: 3,
              OrgRole.other: 4}
_SCALARS = ("province", "city", "district", "date", "status", "sector")


def same_project(a: Project, b: Project) -> bool:
    if a.province and b.province and a.province.lower() != b.province.lower():
        return False
    if a.city and b.city and a.city.lower() != b.city.lower():
        return False
    ka, kb = normalise_name(a.name), normalise_name(b.name)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 6:
        return False
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    return matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY


def merge_projects(projects: list[Project]) -> list[Project]:
    """Groups of the same project merged into one record each, in order of first appearance."""
    groups: list[list[Project]] = []
    by_key: dict[str, int] = {}
    for p in projects:
        key = f"{normalise_name(p.name)}|{(p.province or '').lower()}"
        idx = by_key.get(key)
        if idx is None:
            idx = next((i for i, g in enumerate(groups) if same_project(g[0], p)), None)
        if idx is None:
            groups.append([p])
            idx = len(groups) - 1
        else:
            groups[idx].append(p)
        by_key.setdefault(key, idx)
    return [_merge(g) if len(g) > 1 else g[0].with_id() for g in groups]


def _merge(group: list[Project]) -> Project:
    first = group[0]
    conflicts = [c for p in group for c in p.conflicts]
    fields: dict = {}
    for field in _SCALARS:
        value, conflict = _pick(group, field, _same_scalar(field))
        fields[field] = value
        if field in ("province", "city", "district") and value is not None:
            source = next(p for p in group if getattr(p, field) == value)
            fields[f"{field}_zh"] = getattr(source, f"{field}_zh")
        if conflict:
            conflicts.append(conflict)
    amount, conflict = _pick(group, "amount", _same_amount)
    fields["amount"] = amount
    if conflict:
        conflicts.append(conflict)
    orgs, org_evidence = _merge_orgs(group)
    evidence = [e for p in group for e in p.evidence if not e.field.startswith("organizations[")]
    merged = first.model_copy(update={
        **fields, "organizations": orgs, "evidence": _dedupe(evidence + org_evidence),
        "conflicts": conflicts, "province_zh": fields.get("province_zh") or first.province_zh})
    return merged.with_id()


def _pick(group: list[Project], field: str, same: Callable) -> tuple[Optional[object], Optional[Conflict]]:
    """The first value stated; a Conflict listing every distinct value when they disagree."""
    stated = [(getattr(p, field), p.doc_id) for p in group if getattr(p, field) is not None]
    if not stated:
        return None, None
    distinct: list[list] = []  # [value, doc_ids]
    for value, doc_id in stated:
        for entry in distinct:
            if same(entry[0], value):
                if field == "date" and len(str(value)) > len(str(entry[0])):
                    entry[0] = value  # "2020" and "2020-03-27" agree: keep the more precise
                entry[1].append(doc_id)
                break
        else:
            distinct.append([value, [doc_id]])
    chosen = distinct[0][0]
    if len(distinct) == 1:
        return chosen, None
    values = [_show(v) for v, _ in distinct]
    doc_ids = list(dict.fromkeys(d for _, ds in distinct for d in ds))
    return chosen, Conflict(field=field, values=values, doc_ids=doc_ids,
                            note=f"{len(distinct)} different values stated; kept the first")


def _same_scalar(field: str) -> Callable[[object, object], bool]:
    if field == "date":
        return lambda a, b: str(a).startswith(str(b)) or str(b).startswith(str(a))
    return lambda a, b: str(getattr(a, "value", a)).lower() == str(getattr(b, "value", b)).lower()


def _same_amount(a: Amount, b: Amount) -> bool:
    if a.currency != b.currency:
        return False
    pairs = ((a.value, b.value), (a.min, b.min), (a.max, b.max))
    return all((x is None) == (y is None) and (x is None or abs(x - y) <= 0.005 * max(abs(x), abs(y)))
               for x, y in pairs)


def _show(value: object) -> str:
    if isinstance(value, Amount):
        return value.text
    return str(getattr(value, "value", value))


def _merge_orgs(group: list[Project]) -> tuple[list[Organization], list[Evidence]]:
    orgs: dict[str, Organization] = {}
    order: list[str] = []
    evidence: list[tuple[str, Evidence]] = []
    for p in group:
        for i, org in enumerate(p.organizations):
            key = normalise_name(org.name)
            known = orgs.get(key)
            if known is None:
                orgs[key] = org
                order.append(key)
            elif _ROLE_RANK[org.role] < _ROLE_RANK[known.role]:
                orgs[key] = Organization(name=known.name, role=org.role)
            evidence += [(key, e) for e in p.evidence_for(f"organizations[{i}]")]
    index = {k: i for i, k in enumerate(order)}
    return ([orgs[k] for k in order],
            [e.model_copy(update={"field": f"organizations[{index[k]}]"}) for k, e in evidence])


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple] = set()
    out = []
    for e in evidence:
        key = (e.field, e.doc_id, e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
