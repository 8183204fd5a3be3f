"""The deterministic question planner (the offline default), for English and Chinese questions.

    plan_question("Which Jiangxi projects exceed 500 million yuan?")
    -> QueryPlan(intent="list", filters=[RecordFilter(province="Jiangxi", amounts=[gt 5e8 CNY])], ...)

It reads, in this order: the project or organisation named (so places inside a name are not
filters), amount thresholds, dates, places, status, sector words, currency; then decides the
intent from the question's words. Unknown places and unreadable amounts raise QuestionError.
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.errors import QuestionError
from extractor.filters import RecordFilter
from extractor.types import OrgRole
from rag import plan_words as words
from rag.plan import QueryPlan
from rag.plan_amounts import amount_conditions
from rag.plan_places import gazetteer, place_alternatives
from rag.plan_subject import Subject, find_subject

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_N = r"(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)"
_TOP_N = re.compile(rf"\b(?:top|largest|biggest|smallest|highest|lowest)\s+{_N}\b|\b{_N}\s+(?:largest|biggest|"
                    rf"smallest|highest|lowest)\b|前\s*(\d{{1,3}}|[两二三四五六七八九十])\s*[个名大]?", re.I)


def question_lang(question: str) -> str:
    cjk, latin = len(_CJK.findall(question)), len(_LATIN.findall(question))
    return "zh" if cjk and cjk * 3 >= latin else "en"


def _blank(text: str, spans) -> str:
    """The text with the given spans replaced by spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def plan_question(question: str) -> QueryPlan:
    question = question.strip()
    if not question:
        raise QuestionError("the question is empty: ask e.g. 'Which Jiangxi projects exceed 500 million yuan?'")
    lang = question_lang(question)
    subject = _named(find_subject(question, lang, gazetteer()))
    skip = [(subject.start, subject.end)] if subject else []
    amounts, amount_spans = amount_conditions(question)
    date_from, date_to, date_spans = words.date_range(_blank(question, skip))
    places, notes = place_alternatives(question, skip)
    rest = _blank(question, skip + amount_spans + date_spans)  # what is left says intent, status, roles
    intent, asked = _intent(question, rest, subject, has_filters=bool(places or amounts or date_from or date_to))
    plan = QueryPlan(question=question, lang=lang, intent=intent, notes=notes)
    plan.currency = "USD" if words.USD.search(question) else None
    plan.has_amount = bool(words.HAS_AMOUNT.search(question))
    if intent == "lookup":
        plan.subject, plan.subject_kind, plan.asked = subject.text, subject.kind, asked
        plan.roles = [OrgRole(r) for r in words.roles_for(rest)] if asked == "organizations" else []
        plan.filters = [RecordFilter(**p) for p in places] or [RecordFilter()]
        return plan
    if intent == "open":
        plan.subject = subject.text if subject else None
        return plan
    base = RecordFilter(amounts=amounts, date_from=date_from, date_to=date_to, status=words.status_of(rest))
    if subject is not None:
        plan.subject, plan.subject_kind = subject.text, subject.kind
        base = base.model_copy(update={"organization" if subject.kind == "organization" else "text": subject.text})
    sectors = words.sector_terms(rest)
    plan.filters = _alternatives(base, places, sectors)
    plan.sort, plan.limit = _order(intent, question)
    return plan


_DESCRIPTIVE = {"key", "major", "new", "big", "large", "important", "provincial", "national", "named", "listed",
                "signed", "approved", "planned", "all", "other", "industrial", "foreign", "chinese"}


def _named(subject: Optional[Subject]) -> Optional[Subject]:
    """Drop an "any" subject made only of descriptive or sector words ("Which New Energy projects"):
    those are conditions the planner reads elsewhere, not a name."""
    if subject is None or subject.kind != "any":
        return subject
    rest = subject.text.lower()
    for en, _zh, _span in words.sector_terms(subject.text):
        rest = rest.replace(en, " ")
    return subject if any(w not in _DESCRIPTIVE for w in rest.split()) else None


def _intent(question: str, rest: str, subject: Optional[Subject], has_filters: bool) -> tuple[str, Optional[str]]:
    """(intent, asked field for lookups)."""
    if words.COUNT.search(rest):
        return "count", None
    if subject is not None and subject.kind == "project":
        asked = _asked_field(rest)
        if asked:
            return "lookup", asked
    if words.MAX.search(rest):
        return "max", None
    if words.MIN.search(rest):
        return "min", None
    if words.SUM.search(rest) and not words.LIST_OPENER.search(rest):
        return "sum", None
    if words.HOW_MUCH.search(rest) and subject is None and has_filters:
        return "sum", None  # "how much was invested in Hefei": the total of the matching records
    if subject is not None and subject.kind != "project" and not words.ASKS_PROJECT.search(rest):
        asked = _asked_field(rest)
        if asked:
            return "lookup", asked
    if subject is not None and subject.kind == "project":
        return "open", None  # "what will X produce": a question about a named project's text
    if words.LIST_OPENER.search(rest) or words.ASKS_PROJECT.search(rest) or has_filters or subject is not None:
        return "list", None
    if words.status_of(rest) or words.sector_terms(rest) or words.USD.search(question):
        return "list", None
    return "open", None


def _asked_field(rest: str) -> Optional[str]:
    if words.LOOKUP_ORG.search(rest) and words.roles_for(rest):
        return "organizations"
    if words.LOOKUP_DATE.search(rest):
        return "date"
    if words.LOOKUP_PLACE.search(rest):
        return "place"
    if words.LOOKUP_AMOUNT.search(rest) or words.HOW_MUCH.search(rest) or words.SUM.search(rest):
        return "amount"
    return None


def _alternatives(base: RecordFilter, places: list[dict], sectors: list) -> list[RecordFilter]:
    sector_values = list(dict.fromkeys(v for en, zh, _ in sectors for v in (en, zh))) or [None]
    out = []
    for place in places or [{}]:
        for sector in sector_values:
            out.append(base.model_copy(update={**place, "sector": sector}))
    return out


def _order(intent: str, question: str) -> tuple[Optional[str], Optional[int]]:
    m = _TOP_N.search(question)
    word = next((g for g in m.groups() if g), None) if m else None
    n = (int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())) if word else None
    if intent == "max":
        return "amount_desc", n or 1
    if intent == "min":
        return "amount_asc", n or 1
    if intent == "list":
        return "amount_desc", n
    return None, None
