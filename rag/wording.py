"""Short, factual answer wording in the question's language (English or Chinese)."""

from __future__ import annotations

from typing import Optional

from extractor.filters import AmountCondition
from extractor.types import Amount, Project


def money(value: Optional[float], currency: str, lang: str) -> str:
    """500000000, CNY -> '500 million yuan' / '5亿元'; 5e7, USD -> 'US$50 million' / '5000万美元'."""
    if value is None:
        return "?"
    if lang == "zh":
        unit = {"CNY": "元", "USD": "美元", "HKD": "港元", "EUR": "欧元"}.get(currency, " " + currency)
        for scale, word in ((1e8, "亿"), (1e4, "万")):
            if abs(value) >= scale:
                return f"{round(value / scale, 4):g}{word}{unit}"
        return f"{value:,.0f}{unit}"
    figure = f"{value:,.0f}"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            figure = f"{round(value / scale, 4):g} {word}"
            break
    if currency == "CNY":
        return f"{figure} yuan"
    return f"US${figure}" if currency == "USD" else f"{figure} {currency}"


def amount_range(amount: Amount, lang: str) -> str:
    """The normalised figure: '1 billion yuan', '1 billion yuan – 1.5 billion yuan', 'at least 300 million yuan'."""
    if amount.value is None and amount.min is not None and amount.max is not None:
        return f"{money(amount.min, amount.currency, lang)} – {money(amount.max, amount.currency, lang)}"
    figure = money(amount.comparable, amount.currency, lang)
    if amount.max is None and amount.min is not None:
        return "≥ " + figure
    if amount.min is None and amount.max is not None:
        return "≤ " + figure
    return figure


def amount_text(amount: Optional[Amount], lang: str) -> str:
    if amount is None:
        return "未披露投资额" if lang == "zh" else "no amount stated"
    return amount.text


_OP_REASON = {
    "en": {"gt": "{a} does not exceed {t}", "gte": "{a} is below {t}", "lt": "{a} is not below {t}",
           "lte": "{a} is above {t}", "eq": "{a} is not {t}"},
    "zh": {"gt": "{a}未超过{t}", "gte": "{a}低于{t}", "lt": "{a}不低于{t}", "lte": "{a}高于{t}", "eq": "{a}不等于{t}"},
}


def amount_reason(p: Project, cond: AmountCondition, lang: str) -> str:
    threshold = money(cond.value, cond.currency, lang)
    if p.amount is None or p.amount.comparable is None:
        return "未披露投资额" if lang == "zh" else "no amount is stated"
    if p.amount.currency != cond.currency:
        return (f"投资额以{p.amount.currency}计，不是{cond.currency}" if lang == "zh"
                else f"its amount ({p.amount.text}) is in {p.amount.currency}, not {cond.currency}")
    return _OP_REASON[lang][cond.op].format(a=p.amount.text, t=threshold)


def date_reason(p: Project, date_from: Optional[str], date_to: Optional[str], lang: str) -> str:
    window = date_from if date_from == date_to else f"{date_from or '…'} – {date_to or '…'}"
    if not p.date:
        return "未注明日期" if lang == "zh" else "no date is stated"
    return f"日期为{p.date}，不在{window}内" if lang == "zh" else f"dated {p.date}, outside {window}"


def status_reason(p: Project, wanted: str, lang: str) -> str:
    have = p.status.value if p.status else ("未注明" if lang == "zh" else "not stated")
    return f"状态为{have}，而非{wanted}" if lang == "zh" else f"status is {have}, not {wanted}"


def place_of(p: Project) -> str:
    return ", ".join(x for x in (p.district, p.city, p.province) if x)


def no_match(lang: str, conditions: str) -> str:
    if lang == "zh":
        return f"没有符合条件的项目记录（{conditions}）。"
    return f"No project record matches ({conditions})."
