"""Checking a written answer against the passages it cites.

A claim is one sentence of the answer. It is kept only if every [n] it carries names a retrieved
passage, and every amount and date it states appears in one of the passages it cites (compared by
value, so "5亿元" is supported by "500 million yuan"). Failing claims are removed, and the removal
is reported with its reason. Kept citations are renumbered 1..m in order of first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from extractor.chunking import split_units
from extractor.normalize.dates import find_dates
from extractor.normalize.money import find_amounts

_REF = re.compile(r"\[(\d{1,3})\]")


@dataclass(frozen=True)
class Checked:
    text: str  # the kept claims, citations renumbered
    used: list[int]  # original 1-based passage numbers, in their new order
    removed: list[tuple[str, str]]  # (claim, reason)


def _amounts(text: str) -> list[tuple[Optional[float], Optional[float], str]]:
    return [(m.min, m.max, m.currency) for m in find_amounts(text, require_currency=False)]


def _dates(text: str, year: Optional[int]) -> set[str]:
    return {d.iso for d in find_dates(text, year)}


def _claims(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_units(text) if text[s:e].strip()]


def check_claim(claim: str, passages: Sequence[str], year: Optional[int] = None) -> Optional[str]:
    """None if the claim stands, else the reason it does not."""
    refs = [int(n) for n in _REF.findall(claim)]
    bad = [n for n in refs if not 1 <= n <= len(passages)]
    if bad:
        return f"cites [{bad[0]}], which is not a retrieved passage"
    cited = [passages[n - 1] for n in refs]
    body = _REF.sub("", claim)
    for low, high, currency in _amounts(body):
        if not any((low, high, currency) in _amounts(p) for p in cited):
            return "states an amount no cited passage states" if cited else "states an amount without a citation"
    claim_dates = _dates(body, year)
    if claim_dates:
        supported = set().union(*(_dates(p, year) for p in cited)) if cited else set()
        missing = claim_dates - supported
        if missing:
            return f"states the date {sorted(missing)[0]}, which no cited passage states"
    return None


def check_answer(text: str, passages: Sequence[str], year: Optional[int] = None) -> Checked:
    kept, removed = [], []
    for claim in _claims(text):
        reason = check_claim(claim, passages, year)
        if reason is None:
            kept.append(claim)
        else:
            removed.append((claim, reason))
    used: list[int] = []
    for claim in kept:
        for n in _REF.findall(claim):
            if int(n) not in used:
                used.append(int(n))
    renumber = {old: new for new, old in enumerate(used, start=1)}
    joined = " ".join(kept)
    return Checked(_REF.sub(lambda m: f"[{renumber[int(m.group(1))]}]", joined), used, removed)
