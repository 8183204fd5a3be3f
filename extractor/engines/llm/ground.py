"""Turn one LLM candidate into a grounded Project, or say exactly what the text does not support.

Quotes are located in the chunk the model was shown (exact, then normalised: extractor/grounding.py)
and become document offsets. Then `ground_project` re-derives amount, places and date from those
quotes with the deterministic normalisers. Whatever the model stated that did not survive is a
problem: the candidate validator turns problems into a re-ask, or, on the last attempt, drops the
whole candidate with the reasons.
"""

from __future__ import annotations

from typing import Any, Optional

from extractor.engines.llm.models import QUOTED_FIELDS
from extractor.grounding import ground_project, locate_quote
from extractor.types import ISO_DATE, Amount, Chunk, Document, Evidence, Project

_PLACES = ("province", "city", "district")


class _Quotes:
    """Evidence for one candidate, located in the chunk and expressed in document offsets."""

    def __init__(self, doc: Document, chunk: Chunk) -> None:
        self.doc, self.chunk = doc, chunk
        self.evidence: list[Evidence] = []
        self.problems: list[str] = []

    def locate(self, field: str, quote: str) -> bool:
        found = locate_quote(self.chunk.text, quote)
        if found is None:
            self.problems.append(f"{field}: the quote {quote!r} is not in the text")
            return False
        start, end = self.chunk.start + found.start, self.chunk.start + found.end
        self.evidence.append(Evidence(field=field, doc_id=self.doc.id, start=start, end=end,
                                      quote=self.doc.text[start:end]))
        return True


def ground_candidate(candidate: Any, doc: Document, chunk: Chunk) -> tuple[Optional[Project], list[str]]:
    """(grounded project or None when its name is not in the chunk, problems with what was stated)."""
    quotes = _Quotes(doc, chunk)
    if not quotes.locate("name", candidate.name):
        return None, quotes.problems
    organizations = [org for org in candidate.organizations
                     if quotes.locate(f"organizations[{_org_index(quotes)}]", org.name)]
    stated = _quoted_values(candidate, quotes)
    amount = _quoted_amount(candidate, quotes)
    project = Project(
        name=quotes.evidence[0].quote, doc_id=doc.id, organizations=organizations, amount=amount,
        province=stated.get("province"), city=stated.get("city"), district=stated.get("district"),
        date=stated["date"] if ISO_DATE.match(str(stated.get("date"))) else None,
        status=stated.get("status"), sector=stated.get("sector"), evidence=quotes.evidence)
    grounded, notes = ground_project(project, doc)
    quoted = {e.field for e in quotes.evidence}
    _check_derived(grounded, quoted, notes, quotes.problems)
    return grounded, quotes.problems


def _org_index(quotes: _Quotes) -> int:
    """Index the next located organisation will have (failed ones are skipped)."""
    return sum(1 for e in quotes.evidence if e.field.startswith("organizations["))


def _quoted_values(candidate: Any, quotes: _Quotes) -> dict[str, Any]:
    """Values whose quote is in the text. A value without a quote is refused, not trusted."""
    stated: dict[str, Any] = {}
    for field in QUOTED_FIELDS:
        value, quote = getattr(candidate, field), getattr(candidate, f"{field}_quote")
        if not quote:
            if value is not None:
                quotes.problems.append(f"{field}: {_show(value)!r} is stated without {field}_quote")
            continue
        if field in ("status", "sector") and value is None:
            continue  # a quote with no value states nothing to keep
        if quotes.locate(field, quote):
            stated[field] = value if value is not None else quote
    return stated


def _quoted_amount(candidate: Any, quotes: _Quotes) -> Optional[Amount]:
    value, quote = candidate.amount_value, candidate.amount_quote
    if not quote:
        if value is not None:
            quotes.problems.append(f"amount: {value:g} is stated without amount_quote")
        return None
    if not quotes.locate("amount", quote):
        return None
    return Amount(value=value, min=value, max=value, text=quote) if value is not None else None


def _check_derived(grounded: Project, quoted: set[str], notes: list[str], problems: list[str]) -> None:
    """A quoted amount, place or date the normalisers cannot read from its quote is a problem."""
    if "amount" in quoted and grounded.amount is None:
        problems.append(_note(notes, "amount", "amount: its quote states no amount"))
    if "date" in quoted and grounded.date is None:
        problems.append(_note(notes, "date", "date: its quote states no date"))
    if quoted & set(_PLACES) and not any(getattr(grounded, f) for f in _PLACES):
        problems.append(_note(notes, "places", "places: no quote names a known place"))


def _note(notes: list[str], prefix: str, default: str) -> str:
    return next((n for n in notes if n.startswith(prefix + ":")), default)


def _show(value: Any) -> str:
    return str(getattr(value, "value", value))
