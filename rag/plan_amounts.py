"""Amount thresholds in a question -> AmountConditions, with the comparison the words mean.

"exceed", "more than", "over", 超过, 高于 are strictly greater; "at least", "not less than", 不低于,
不少于, "X or more", X以上 are >=; "between A and B" includes both ends unless it says "exclusive";
a bare amount ("worth exactly 500 million yuan") is equality. A comparison followed by something
that is not an amount ("exceed 5x00 million yuan") is an error, never a silent "no threshold".
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.errors import QuestionError
from extractor.filters import AmountCondition
from extractor.normalize.money import MoneyMatch, find_amounts

# Qualifiers the money parser folds into the amount's text, and the comparison each one means.
_QUALIFIER_OP = {
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "exceeding": "gt", "upwards of": "gt",
    "超过": "gt", "逾": "gt", "超": "gt", "多": "gt", "余": "gt",
    "at least": "gte", "no less than": "gte", "not less than": "gte", "不少于": "gte", "不低于": "gte",
    "至少": "gte", "以上": "gte",
    "less than": "lt", "under": "lt",
    "up to": "lte", "no more than": "lte", "not more than": "lte", "不超过": "lte", "最高": "lte", "以内": "lte",
}
# Comparison words the parser leaves outside the amount, by where they stand.
_BEFORE = [
    (re.compile(r"(?:exceed(?:s|ed|ing)?|greater than|larger than|bigger than|higher than|more than|over|above|"
                r"beyond|高于|大于|超过|多于)\s*$", re.I), "gt"),
    (re.compile(r"(?:at least|no less than|not less than|not below|minimum of|不低于|不少于|不小于|至少)\s*$", re.I), "gte"),
    (re.compile(r"(?:less than|lower than|smaller than|below|under|低于|少于|小于|不足|不到)\s*$", re.I), "lt"),
    (re.compile(r"(?:at most|no more than|not more than|not exceeding|up to|maximum of|不超过|不高于|不大于|最多)\s*$",
                re.I), "lte"),
    (re.compile(r"(?:exactly|precisely|equal to|正好|恰好|等于)\s*$", re.I), "eq"),
]
_AFTER = [(re.compile(r"^\s*(?:or more|or above|and above|以上|及以上)", re.I), "gte"),
          (re.compile(r"^\s*(?:or less|or below|and below|以下|及以下|以内)", re.I), "lte")]
_COMPARISON_WORD = re.compile(r"\b(?:exceed(?:s|ed|ing)?|more than|greater than|at least|less than|at most|"
                              r"no more than|no less than|between|over|above|below|under)\b|超过|不低于|不少于|高于|"
                              r"低于|大于|小于|不超过|介于", re.I)
_MONEY_WORD = re.compile(r"\d|yuan|dollars?|rmb|usd|us\$|\$|million|billion|trillion|万|亿|元|美元", re.I)
_EXCLUSIVE = re.compile(r"\bexclusive\b|不含", re.I)


def _op_for(question: str, m: MoneyMatch) -> str:
    if m.qualifier and m.qualifier.lower() in _QUALIFIER_OP:
        return _QUALIFIER_OP[m.qualifier.lower()]
    before, after = question[max(0, m.start - 30): m.start], question[m.end: m.end + 12]
    for pattern, op in _AFTER:
        if pattern.search(after):
            return op
    for pattern, op in _BEFORE:
        if pattern.search(before):
            return op
    return "eq"


def amount_conditions(question: str) -> tuple[list[AmountCondition], list[tuple[int, int]]]:
    """Conditions and the spans of the question they were read from."""
    found = [m for m in find_amounts(question, require_currency=False) if m.min is not None or m.max is not None]
    conditions: list[AmountCondition] = []
    for m in found:
        if m.value is None and m.min is not None and m.max is not None:  # a range: between A and B
            low, high = ("gt", "lt") if _EXCLUSIVE.search(question) else ("gte", "lte")
            conditions += [AmountCondition(op=low, value=m.min, currency=m.currency, text=m.text),
                           AmountCondition(op=high, value=m.max, currency=m.currency, text=m.text)]
        else:
            value = m.value if m.value is not None else (m.min if m.min is not None else m.max)
            conditions.append(AmountCondition(op=_op_for(question, m), value=value, currency=m.currency, text=m.text))
    _reject_unread(question, [(m.start, m.end) for m in found])
    return conditions, [(m.start, m.end) for m in found]


def _reject_unread(question: str, read: list[tuple[int, int]]) -> None:
    """A comparison word followed by money-looking text that was not read as an amount."""
    for word in _COMPARISON_WORD.finditer(question):
        tail_end = min(len(question), word.end() + 30)
        if any(word.start() <= e and s <= tail_end for s, e in read):
            continue
        tail = re.split(r"[?？,，;；。]", question[word.end(): tail_end])[0]
        if _MONEY_WORD.search(tail) and not _looks_like_date(tail):
            raise QuestionError(f"cannot read the amount in {tail.strip()!r}: write it like '500 million yuan', "
                                "'US$40 million', '1.2 billion' or '5亿元'.")


def _looks_like_date(text: str) -> bool:
    return bool(re.match(r"\s*(?:the\s+)?(?:(?:19|20)\d\d|[A-Z][a-z]+ \d{1,2}|\d{4}年)", text))


def threshold_from_text(text: str, op: str, currency: Optional[str] = None) -> AmountCondition:
    """One condition from an amount written alone (an LLM planner's slot); QuestionError if unreadable."""
    from extractor.normalize.money import parse_amount

    m = parse_amount(text, default_currency=currency)
    value = None if m is None else (m.value if m.value is not None else m.min)
    if value is None:
        raise QuestionError(f"cannot read the amount {text!r}: write it like '500 million yuan' or '5亿元'.")
    return AmountCondition(op=op, value=value, currency=m.currency, text=text)
