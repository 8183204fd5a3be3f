"""Extraction metrics as pure functions over gold articles, predicted Projects and document texts.

- precision / recall / F1 of records: a matched required gold record is a hit, an unmatched one a
  miss, an unmatched prediction a false positive; a prediction matching an optional gold record
  counts as neither.
- per-field accuracy over matched pairs, counted only where gold or prediction states a value
  (two empty fields would otherwise inflate every score).
- grounding: a predicted value is grounded when one of its evidence spans is verbatim
  (text[start:end] == quote) and holds the value: the name, amount text or place is in the quote,
  or the quote names a place inside the stated province or city ("Changsha" supports Hunan).
- traps: passages the gold says must not become a record or a sum (list totals, registered capital,
  commentary); a trap is hit by a false-positive record that sits on it, or by a matched record whose
  amount is read from it.

Question answering and retrieval metrics live in evals/qa_metrics.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from evals.match import GoldArticle, Trap, match_organizations, match_records, match_score, NAME_THRESHOLD, same_place
from extractor.normalize.places import Gazetteer
from extractor.types import Amount, Evidence, Project, normalise_name

AMOUNT_TOLERANCE = 0.005  # relative: 0.5 %
FIELDS = ("province", "city", "district", "organizations", "roles", "amount", "date", "status")


def ratio(num: int, den: int) -> Optional[float]:
    """num/den, or None when there is nothing to measure."""
    return num / den if den else None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0  # predictions on defensible-either-way records: not scored

    @property
    def precision(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> Optional[float]:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.optional_matched += other.optional_matched


@dataclass
class Tally:
    """correct out of total, for one field or one check."""

    correct: int = 0
    total: int = 0

    @property
    def rate(self) -> Optional[float]:
        return ratio(self.correct, self.total)

    def count(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)


# fields -------------------------------------------------------------------------------------------

def _close(gold: Optional[float], pred: Optional[float], tolerance: float) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(pred - gold) <= tolerance * abs(gold) + 1e-9


def amounts_agree(gold: Optional[Amount], pred: Optional[Amount], tolerance: float = AMOUNT_TOLERANCE) -> bool:
    """Same currency and value, min and max each within the tolerance (None must match None)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold.currency == pred.currency and all(
        _close(getattr(gold, k), getattr(pred, k), tolerance) for k in ("value", "min", "max"))


def _text(value: Optional[str]) -> str:
    return (value or "").strip().lower()


def _orgs_agree(gold: Project, pred: Project) -> bool:
    pairs = match_organizations(gold.organizations, pred.organizations)
    return len(pairs) == len(gold.organizations) == len(pred.organizations)


def _roles_agree(gold: Project, pred: Project) -> bool:
    pairs = match_organizations(gold.organizations, pred.organizations)
    return all(gold.organizations[g].role == pred.organizations[p].role for g, p in pairs)


def _show_orgs(p: Project) -> Optional[str]:
    return "; ".join(f"{o.name} ({o.role.value})" for o in p.organizations) or None


def _show_amount(p: Project) -> Optional[str]:
    a = p.amount
    return f"{a.text} = value {a.value}, min {a.min}, max {a.max} {a.currency}" if a else None


# field name -> (value shown in reports, agreement test); None means "not stated"
def _same_county(a: Optional[str], b: Optional[str]) -> bool:
    """The same place; a one-character county is written both ways: "Li" (County) and "Lixian"."""
    if same_place(a, b):
        return True
    if not a or not b:
        return False
    a, b = a.lower(), b.lower()
    return (a.endswith("xian") and a[:-4] == b) or (b.endswith("xian") and b[:-4] == a)


_FIELD_RULES: dict[str, tuple[Callable[[Project], Optional[str]], Callable[[Project, Project], bool]]] = {
    "province": (lambda p: p.province, lambda g, p: same_place(g.province, p.province)),
    "city": (lambda p: p.city, lambda g, p: same_place(g.city, p.city)),
    "district": (lambda p: p.district, lambda g, p: _same_county(g.district, p.district)),
    "organizations": (_show_orgs, _orgs_agree),
    "roles": (_show_orgs, _roles_agree),
    "amount": (_show_amount, lambda g, p: amounts_agree(g.amount, p.amount)),
    "date": (lambda p: p.date, lambda g, p: g.date == p.date),
    "status": (lambda p: p.status.value if p.status else None, lambda g, p: g.status == p.status),
}


@dataclass
class FieldCheck:
    field: str
    gold: Optional[str]
    predicted: Optional[str]
    ok: bool


def field_checks(gold: Project, pred: Project) -> list[FieldCheck]:
    """One check per field that either side states."""
    checks = []
    for name in FIELDS:
        show, agree = _FIELD_RULES[name]
        g, p = show(gold), show(pred)
        if name == "roles" and not match_organizations(gold.organizations, pred.organizations):
            continue  # roles are only comparable between organisations both sides found
        if g is None and p is None:
            continue
        checks.append(FieldCheck(name, g, p, agree(gold, pred)))
    return checks


# grounding ----------------------------------------------------------------------------------------

_ZH_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "省", "市", "县", "区")
_ETHNIC_AUTONOMOUS = re.compile(r"(.{2,}?)(?:[\u4e00-\u9fff]{1,4}?族)+自治[县州旗]$")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _place_forms(english: Optional[str], chinese: Optional[str]) -> list[str]:
    forms = [english or ""]
    if chinese:
        forms.append(chinese)
        forms += [chinese[: -len(s)] for s in _ZH_SUFFIXES if chinese.endswith(s) and len(chinese) > len(s) + 1]
        ethnic = _ETHNIC_AUTONOMOUS.match(chinese)  # 河口瑶族自治县 is written 河口县, 河口
        if ethnic:
            forms.append(ethnic.group(1))
    return [_squash(f) for f in forms if f]


def _place_within(quote: str, level: str, value: Optional[str], value_zh: Optional[str] = None) -> bool:
    """A span naming the place however spelt ("Hangjin Banner" for Hanggin), or a place inside the value,
    supports it: "Changsha" states the province Hunan."""
    gazetteer = Gazetteer.load()
    candidates = list(gazetteer.lookup(quote)) + [c for m in gazetteer.find(quote) for c in m.candidates]
    if value_zh and any(c.name_zh == value_zh for c in candidates):
        return True
    if not value or level == "district":
        return False
    parent = (lambda p: p.province_en) if level == "province" else (lambda p: p.city_en)
    return any(same_place(parent(c), value) for c in candidates)


# A day counted from another date the record also cites: "two days later", "the next day", 次日.
_COUNTED_DAY = re.compile(r"\b(?:\w+ days?|a day|a week) later\b|\bthe (?:next|following) day\b|次日|翌日", re.I)


def _date_held(date: str, quote: str) -> bool:
    if date[:4] in quote or _COUNTED_DAY.search(quote):
        return True
    if len(date) < 7:
        return False
    month = int(date[5:7])
    q = quote.lower()
    short = _MONTHS[month - 1][:3] + ("t?" if month == 9 else "")  # "Sep." and "Sept."
    return _MONTHS[month - 1] in q or re.search(rf"\b{short}\b", q) is not None or f"{month}月" in quote


def value_in_quote(project: Project, field_name: str, quote: str) -> bool:
    """Does the quote state this field's value? Status and sector are words, not values: any span."""
    q = _squash(quote)
    if field_name == "name":
        return normalise_name(project.name) in normalise_name(quote)
    if field_name in ("province", "city", "district"):
        value = getattr(project, field_name)
        forms = _place_forms(value, getattr(project, f"{field_name}_zh"))
        return any(f in q for f in forms) or _place_within(quote, field_name, value, getattr(project, f"{field_name}_zh"))
    if field_name == "amount":
        return project.amount is not None and _squash(project.amount.text) in q
    if field_name == "date":
        return project.date is not None and _date_held(project.date, quote)
    if field_name.startswith("organizations["):
        index = int(field_name[len("organizations["):-1])
        return normalise_name(project.organizations[index].name) in normalise_name(quote)
    return True


def stated_fields(p: Project) -> list[str]:
    """Fields of a record that carry a value and so need evidence."""
    names = [f for f in ("name", "province", "city", "district", "date", "status", "sector") if getattr(p, f)]
    if p.amount is not None:
        names.append("amount")
    return names + [f"organizations[{i}]" for i in range(len(p.organizations))]


@dataclass
class GroundingCheck:
    field: str
    grounded: bool
    problem: str = ""  # "no evidence", "quote is not the text at its offsets", "span does not state the value"
    span: Optional[tuple[int, int]] = None


def _verbatim(e: Evidence, texts: dict[str, str]) -> bool:
    text = texts.get(e.doc_id)
    return text is not None and 0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.quote


def grounding_checks(p: Project, texts: dict[str, str]) -> list[GroundingCheck]:
    checks = []
    for name in stated_fields(p):
        spans = p.evidence_for(name)
        verbatim = [e for e in spans if _verbatim(e, texts)]
        holding = [e for e in verbatim if value_in_quote(p, name, e.quote)]
        if holding:
            checks.append(GroundingCheck(name, True, span=(holding[0].start, holding[0].end)))
        elif verbatim:
            checks.append(GroundingCheck(name, False, "span does not state the value", (verbatim[0].start, verbatim[0].end)))
        elif spans:
            checks.append(GroundingCheck(name, False, "quote is not the text at its offsets", (spans[0].start, spans[0].end)))
        else:
            checks.append(GroundingCheck(name, False, "no evidence"))
    return checks


# traps --------------------------------------------------------------------------------------------

def touches_trap(p: Project, trap: Trap, doc_id: str) -> bool:
    """The record's name or amount comes from the trap passage."""
    for e in p.evidence:
        if e.doc_id == doc_id and e.field in ("name", "amount") and e.start < trap.end and trap.start < e.end:
            return True
    name = normalise_name(p.name)
    return len(name) >= 4 and name in normalise_name(trap.quote)


def amount_from_trap(p: Project, trap: Trap, doc_id: str) -> bool:
    """The record's amount is read from the trap passage (a right project with a wrong sum)."""
    return any(e.doc_id == doc_id and e.field == "amount" and e.start < trap.end and trap.start < e.end
               for e in p.evidence)


# one article --------------------------------------------------------------------------------------

@dataclass
class FalsePositive:
    index: int  # into the article's predictions
    kind: str  # "trap", "duplicate" or "spurious"
    reason: str = ""


@dataclass
class ArticleResult:
    article: GoldArticle
    predictions: list[Project]
    counts: Counts
    pairs: list[tuple[int, int, float]]  # (gold index, prediction index, name similarity)
    misses: list[int]  # gold indexes of required records not found
    false_positives: list[FalsePositive]
    field_checks: dict[int, list[FieldCheck]]  # by gold index of matched pairs
    grounding: dict[int, list[GroundingCheck]]  # by prediction index
    traps_hit: list[int]  # trap indexes touched by at least one false positive


def evaluate_article(article: GoldArticle, preds: list[Project], texts: dict[str, str]) -> ArticleResult:
    gold = article.records
    matching = match_records(gold, preds)
    counts = Counts()
    for gi, _pi, _s in matching.pairs:
        if gold[gi].required:
            counts.tp += 1
        else:
            counts.optional_matched += 1
    misses = [gi for gi in matching.unmatched_gold if gold[gi].required]
    counts.fn = len(misses)
    false_positives = [_classify_fp(pi, preds[pi], article, matching.pairs) for pi in matching.unmatched_pred]
    counts.fp = len(false_positives)
    traps_hit = sorted({ti for fp in false_positives for ti, t in enumerate(article.traps)
                        if touches_trap(preds[fp.index], t, article.doc_id)}
                       | {ti for _, pi, _ in matching.pairs for ti, t in enumerate(article.traps)
                          if amount_from_trap(preds[pi], t, article.doc_id)})
    return ArticleResult(
        article=article, predictions=preds, counts=counts, pairs=matching.pairs, misses=misses,
        false_positives=false_positives,
        field_checks={gi: field_checks(gold[gi].project, preds[pi]) for gi, pi, _ in matching.pairs},
        grounding={pi: grounding_checks(p, texts) for pi, p in enumerate(preds)},
        traps_hit=traps_hit,
    )


def _classify_fp(index: int, pred: Project, article: GoldArticle, pairs: list[tuple[int, int, float]]) -> FalsePositive:
    for trap in article.traps:
        if touches_trap(pred, trap, article.doc_id):
            return FalsePositive(index, "trap", trap.reason)
    matched_gold = {gi for gi, _, _ in pairs}
    for gi, g in enumerate(article.records):
        if gi in matched_gold and match_score(g.project, pred, g.aliases) >= NAME_THRESHOLD:
            return FalsePositive(index, "duplicate", f"second record for {g.project.name!r}")
    return FalsePositive(index, "spurious", "no gold record of that name and place")


# the corpus ---------------------------------------------------------------------------------------

@dataclass
class ExtractionScores:
    articles: list[ArticleResult]
    counts: Counts = field(default_factory=Counts)
    fields: dict[str, Tally] = field(default_factory=dict)
    grounding: Tally = field(default_factory=Tally)
    traps: Tally = field(default_factory=Tally)  # correct = traps avoided
    false_on_traps: int = 0  # false-positive records sitting on a trap


def evaluate_extraction(articles: list[GoldArticle], preds_by_doc: dict[str, list[Project]],
                        texts: dict[str, str]) -> ExtractionScores:
    """Score every gold article against the predictions made for its document (micro-averaged)."""
    results = [evaluate_article(a, preds_by_doc.get(a.doc_id, []), texts) for a in articles]
    scores = ExtractionScores(articles=results, fields={name: Tally() for name in FIELDS})
    for r in results:
        scores.counts.add(r.counts)
        for checks in r.field_checks.values():
            for c in checks:
                scores.fields[c.field].count(c.ok)
        for checks in r.grounding.values():
            for g in checks:
                scores.grounding.count(g.grounded)
        for ti in range(len(r.article.traps)):
            scores.traps.count(ti not in r.traps_hit)
        scores.false_on_traps += sum(1 for fp in r.false_positives if fp.kind == "trap")
    return scores
