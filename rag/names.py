"""Matching a name written in a question against record names: "the Weifang smart parking project"
against "Weifang City-level Smart Digital Parking Project", 稀土永磁电机产业园 against 稀土永磁电机产业园项目.

Names are compared as bags of distinctive tokens (Latin words lightly stemmed, Chinese character
bigrams) with words that only say "this is a project" left out; the score is the share of the
question's tokens the record name contains, so a shorter mention still matches the full name.
"""

from __future__ import annotations

import re

_GENERIC = {"project", "projects", "the", "of", "and", "for", "a", "an", "in", "phase", "co", "ltd", "company",
            "项目", "工程", "建设"}
_LATIN = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return "center" if word == "centre" else word


def tokens(text: str) -> set[str]:
    low = text.lower()
    out = {_stem(w) for w in _LATIN.findall(low) if w not in _GENERIC}
    for run in _CJK_RUN.findall(low):
        for generic in ("项目", "工程"):
            run = run.replace(generic, " ")
        for part in run.split():
            out.update(part[i:i + 2] for i in range(len(part) - 1)) if len(part) > 1 else out.add(part)
    return out


def coverage(mention: str, name: str) -> float:
    """Share of the mention's tokens found in the name (1.0: every distinctive word is there)."""
    wanted = tokens(mention)
    if not wanted:
        return 0.0
    return len(wanted & tokens(name)) / len(wanted)


def search_terms(mention: str, limit: int = 6) -> list[str]:
    """The longest distinctive tokens, for a cheap SQL pre-filter (instr on the name column)."""
    return sorted(tokens(mention), key=len, reverse=True)[:limit]
