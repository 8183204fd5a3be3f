"""Gold records and one-to-one matching of predicted records against them.

A prediction matches a gold record when the names are similar enough (overlap of distinctive words,
Chinese cut into character bigrams, so it works the same for both languages) and the places do not
contradict each other (a missing place is a field error, scored elsewhere, not a reason to refuse
the match). Pairs are assigned greedily from the most similar down, which is optimal whenever a
name is clearly closest to one gold record, the normal case in these articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractor.normalize.places import Gazetteer
from extractor.types import Amount, Evidence, Organization, Project, normalise_name

NAME_THRESHOLD = 0.6  # below this two names are different projects (distinct gold names reach 0.58)
ORG_THRESHOLD = 0.8  # organisation names are copied verbatim, so they must be very close


@dataclass(frozen=True)
class Trap:
    """A passage that must not become a record (a list total, registered capital, a commentary)."""

    quote: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class GoldRecord:
    project: Project  # the hand-labelled values; evidence carries the document's id
    required: bool = True  # False: defensible either way, neither a hit nor a miss
    aliases: tuple[str, ...] = ()  # other names the article gives the same project


@dataclass
class GoldArticle:
    file: str
    doc_id: str
    title: str
    records: list[GoldRecord] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)


def gold_article_from_json(data: dict, doc_id: str, title: str) -> GoldArticle:
    """Parse one evals/gold/<stem>.json; the records become Projects so both sides share one type."""
    records = [GoldRecord(_gold_project(r, doc_id), bool(r.get("required", True)), tuple(r.get("aliases") or ()))
               for r in data.get("records", [])]
    traps = [Trap(t["quote"], int(t["start"]), int(t["end"]), t.get("reason", "")) for t in data.get("must_not", [])]
    return GoldArticle(file=data["file"], doc_id=doc_id, title=title, records=records, traps=traps)


def _gold_project(r: dict, doc_id: str) -> Project:
    amount = r.get("amount")
    return Project(
        name=r["name"], province=r.get("province"), city=r.get("city"), district=r.get("district"),
        organizations=[Organization(name=o["name"], role=o.get("role", "other")) for o in r.get("organizations") or []],
        amount=Amount(**amount) if amount else None,
        date=r.get("date"), status=r.get("status"), sector=r.get("sector"), doc_id=doc_id,
        evidence=[Evidence(doc_id=doc_id, field=e["field"], start=int(e["start"]), end=int(e["end"]),
                           quote=e["quote"]) for e in r.get("evidence") or []],
    )


# similarity ---------------------------------------------------------------------------------------

# Words that say "this is a project" rather than which one; they would make unrelated names look alike.
_GENERIC = {"project", "projects", "construction", "phase", "the", "of", "and", "in", "for", "a", "an",
            "co", "ltd", "programme", "program", "项目", "工程", "建设", "一期", "二期"}
_WORDS = re.compile(r"[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+")
_GENERIC_ZH = re.compile("|".join(w for w in _GENERIC if not w.isascii()))


def _bigrams(text: str) -> list[str]:
    return [text] if len(text) < 2 else [text[i:i + 2] for i in range(len(text) - 1)]


def _tokens(name: str) -> list[str]:
    """Latin words (light stemming: plural s, British -re) and bigrams of Chinese runs."""
    out = []
    for run in _WORDS.findall(name.lower()):
        if run.isascii():
            word = run[:-1] if len(run) > 3 and run.endswith("s") else run
            out.append(word[:-2] + "er" if word.endswith("re") and len(word) > 4 else word)
        else:
            out += [g for part in _GENERIC_ZH.split(run) if part for g in _bigrams(part)]
    meaningful = [t for t in out if t not in _GENERIC]
    return meaningful or out


def _dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    pool = list(b)
    common = 0
    for item in a:
        if item in pool:
            pool.remove(item)
            common += 1
    return 2 * common / (len(a) + len(b))


def name_similarity(a: str, b: str) -> float:
    """0..1: mostly the overlap of distinctive words, partly of character bigrams.

    Words carry the meaning ("Jinxi Copper Foil" vs "Yihuang Tea"), generic words ("project",
    "项目") are ignored, and Chinese runs are cut into character bigrams so no segmenter is needed.
    The character part forgives spelling variants. Case, spaces and punctuation never matter.
    """
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return 0.7 * _dice(_tokens(a), _tokens(b)) + 0.3 * _dice(_bigrams(x), _bigrams(y))


def _same(a: Optional[str], b: Optional[str]) -> bool:
    return (a or "").strip().lower() == (b or "").strip().lower()


def same_place(a: Optional[str], b: Optional[str]) -> bool:
    """Equal place names, or two spellings of one place: "Tibet" and "Xizang", "Shigatse" and
    "Xigaze", "Macau" and "Macao" (the gazetteer knows both)."""
    if _same(a, b):
        return True
    if not a or not b:
        return False
    places = Gazetteer.load()
    return bool({p.adcode for p in places.lookup(a)} & {p.adcode for p in places.lookup(b)})


def places_compatible(gold: Project, pred: Project) -> bool:
    """False only when both sides state a province (or city) and they differ."""
    for level in ("province", "city"):
        g, p = getattr(gold, level), getattr(pred, level)
        if g and p and not same_place(g, p):
            return False
    return True


def match_score(gold: Project, pred: Project, aliases: tuple[str, ...] = ()) -> float:
    """Best name similarity over the gold name and its aliases if the places agree, else 0."""
    if not places_compatible(gold, pred):
        return 0.0
    return max(name_similarity(name, pred.name) for name in (gold.name, *aliases))


# assignment ---------------------------------------------------------------------------------------

@dataclass
class Matching:
    pairs: list[tuple[int, int, float]]  # (gold index, predicted index, score)
    unmatched_gold: list[int]
    unmatched_pred: list[int]

    def pred_for(self, gold_index: int) -> Optional[int]:
        return next((p for g, p, _ in self.pairs if g == gold_index), None)


def match_records(gold: list[GoldRecord], preds: list[Project], threshold: float = NAME_THRESHOLD) -> Matching:
    """One-to-one greedy assignment, most similar pair first; ties go to required gold records."""
    candidates = [
        (score, g.required, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(preds)
        if (score := match_score(g.project, p, g.aliases)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], not c[1], c[2], c[3]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, _required, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, score))
    pairs.sort()
    return Matching(
        pairs=pairs,
        unmatched_gold=[i for i in range(len(gold)) if i not in used_gold],
        unmatched_pred=[i for i in range(len(preds)) if i not in used_pred],
    )


def match_organizations(gold: list[Organization], pred: list[Organization]) -> list[tuple[int, int]]:
    """One-to-one pairs of organisations whose names are near-identical."""
    candidates = sorted(
        ((name_similarity(g.name, p.name), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, gi, pi in candidates:
        if score < ORG_THRESHOLD or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)
