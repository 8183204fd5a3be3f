"""The words a deterministic planner reads, in English and Chinese: intents, statuses, roles, asked
fields, sectors and dates. Patterns only; the decisions are in rag/planner.py."""

from __future__ import annotations

import re
from typing import Optional

from extractor.normalize.dates import DateMatch, find_dates, infer_year

I = re.I  # noqa: E741

COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bcount\b|有几个|有多少个|多少个|几个|数量", I)
MAX = re.compile(r"\b(?:largest|biggest|highest|greatest|most expensive|costliest|top)\b|\bthe most\b|最大|最高|最多", I)
MIN = re.compile(r"\b(?:smallest|lowest|cheapest|least expensive)\b|\bthe least\b|最小|最低|最少", I)
SUM = re.compile(r"\b(?:total|combined|sum|aggregate|altogether|in all|in total)\b|合计|总计|总共|一共|共计|总额|总投资|加起来", I)
LIST_OPENER = re.compile(r"^\s*(?:which|list|show|name|what are the|what projects|give)\b|哪些|列出|有什么项目", I)
HOW_MUCH = re.compile(r"\bhow much\b|多少|几何", I)
LOOKUP_ORG = re.compile(r"^\s*(?:who|by whom)\b|\b(?:which|what)\s+(?:company|companies|firm|firms|body|bodies|"
                        r"organi[sz]ations?|enterprises?|agency|department|government|bureau|investors?|developers?|"
                        r"undertakers?|builders?)\b|哪家|哪个单位|哪个部门|什么公司|什么单位|谁|投资方|承建方|建设单位|签约方|"
                        r"业主", I)
LOOKUP_DATE = re.compile(r"^\s*when\b|\bwhat date\b|什么时候|何时|哪天|哪一天|日期", I)
LOOKUP_PLACE = re.compile(r"^\s*where\b|\bin which (?:province|city|county)\b|在哪|位于哪|哪个省|哪个市|哪里", I)
LOOKUP_AMOUNT = re.compile(r"\bhow much\b|\bcost\b|\bworth\b|\binvestment (?:of|in)\b|投资多少|多少钱|投资额|总投资|金额", I)
ASKS_PROJECT = re.compile(r"\bwhich projects?\b|\bwhat projects?\b|什么项目|哪些项目|哪个项目", I)

STATUS = [
    ("signed", re.compile(r"\bsign(?:ed|ing|s)?\b|签约|签署|签订", I)),
    ("approved", re.compile(r"\bapprov(?:e|es|ed|al|als)\b|核准|批准|获批|审批", I)),
    ("listed", re.compile(r"\blisted\b|\b(?:in|on|into)\s+(?:the|a)\s+[\w\s-]*\blists?\b|列入|清单|名单|入选", I)),
    ("planned", re.compile(r"\bplann(?:ed|ing)\b|规划|拟建|计划建设", I)),
]

# role words: which organisations a lookup asks for, most wanted first
ROLES = [
    (re.compile(r"undertak|\bbuild|\bconstruct|\bcarr(?:y|ies) out|\bdevelop|承建|建设单位|实施|建设方", I),
     ["undertaker", "investor"]),
    (re.compile(r"\binvest|投资方|出资|投资主体", I), ["investor", "undertaker"]),
    (re.compile(r"\bsign|签约|签署", I), ["signer", "undertaker", "investor", "government"]),
    (re.compile(r"\b(?:release|publish|issu|list|approv|body|government|bureau|commission|department)|发布|核准|批准|"
                r"政府|部门|单位", I), ["government"]),
    (re.compile(r"\bcompan|\bfirm|\benterprise|公司|企业", I), ["undertaker", "investor", "signer", "other"]),
]

USD = re.compile(r"\bUS\s?\$|\bUSD\b|\b(?:US|U\.S\.)\s+dollars?\b|\bdollars?\b|美元", I)
STATED_CURRENCY = re.compile(r"\bstated in\b|\bin (?:US )?dollars\b|\bdenominated\b|以美元|用美元|美元计", I)
HAS_AMOUNT = re.compile(r"\b(?:stated|known|given|disclosed)\s+(?:investment|amount|figure|value)|"
                        r"\bwith (?:an? )?(?:stated )?(?:investment|amount) (?:figure|stated)|"
                        r"\bhave an? (?:stated )?investment figure|有投资额|公布了?投资|披露了?投资", I)

# sector keywords: English term and its Chinese counterpart (records may be written in either)
SECTORS = [
    ("blockchain", "区块链"), ("logistics", "物流"), ("cold chain", "冷链"), ("photovoltaic", "光伏"),
    ("solar", "光伏"), ("hydrogen", "氢能"), ("battery", "电池"), ("batteries", "电池"), ("chip", "芯片"),
    ("semiconductor", "半导体"), ("data centre", "数据中心"), ("data center", "数据中心"), ("big data", "大数据"),
    ("port", "港"), ("container", "集装箱"), ("pharmaceutical", "医药"), ("steel", "钢"), ("new energy", "新能源"),
    ("energy storage", "储能"), ("lidar", "激光雷达"), ("furniture", "家具"), ("textile", "纺织"),
    ("copper", "铜"), ("titanium", "钛"), ("wind power", "风电"), ("pumped storage", "抽水蓄能"),
    ("artificial intelligence", "人工智能"), ("quantum", "量子"), ("rare earth", "稀土"), ("parking", "停车"),
    ("tourism", "旅游"), ("agriculture", "农业"), ("automotive", "汽车"), ("vehicle", "汽车"),
    ("airport", "机场"), ("railway", "铁路"), ("highway", "高速"), ("hospital", "医院"), ("5g", "5G"),
    ("ice and snow", "冰雪"), ("glass", "玻璃"), ("wafer", "晶圆"), ("fireworks", "烟花"),
]
_SECTOR_EN = [(re.compile(rf"\b{re.escape(en)}\b", I), en, zh) for en, zh in SECTORS]


def sector_terms(text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(english, chinese, span) for each sector word in the text, English or Chinese."""
    found = [(en, zh, m.span()) for pattern, en, zh in _SECTOR_EN for m in pattern.finditer(text)]
    for en, zh in SECTORS:
        at = text.find(zh)
        if at >= 0 and len(zh) > 1 and not any(z == zh for _, z, _ in found):
            found.append((en, zh, (at, at + len(zh))))
    return found


def status_of(text: str) -> Optional[str]:
    for status, pattern in STATUS:
        if pattern.search(text):
            return status
    return None


def roles_for(text: str) -> list[str]:
    for pattern, roles in ROLES:
        if pattern.search(text):
            return roles
    return []


_RANGE_WORD = re.compile(r"\bbetween\b|\bfrom\b|介于|至|到|～|~|-", I)
_BEFORE = re.compile(r"\b(?:before|prior to|until|by)\s*$|^\s*(?:之前|以前|前)", I)
_AFTER = re.compile(r"\b(?:after|since|from)\s*$|^\s*(?:之后|以后|以来|后)", I)


def date_range(question: str) -> tuple[Optional[str], Optional[str], list[tuple[int, int]]]:
    """(date_from, date_to, spans): "in March 2020" -> both 2020-03; "between April 1 and April 10,
    2021" -> 2021-04-01 .. 2021-04-10; "before 2021" -> .. 2020; "since May 2020" -> 2020-05 .."""
    dates = find_dates(question, infer_year(question))
    if not dates:
        return None, None, []
    spans = [(d.start, d.end) for d in dates]
    if len(dates) >= 2 and _RANGE_WORD.search(question[dates[0].start - 10: dates[1].start]):
        return dates[0].iso, dates[1].iso, spans
    d = dates[0]
    before, after = question[max(0, d.start - 12): d.start], question[d.end: d.end + 4]
    if _BEFORE.search(before) or _BEFORE.search(after):
        return None, _previous(d), spans
    if _AFTER.search(before) or _AFTER.search(after):
        return (d.iso if re.search(r"since|from|以来", before + after, I) else _next(d)), None, spans
    return d.iso, d.iso, spans


def _previous(d: DateMatch) -> str:
    """The last period strictly before d, at d's precision (prefix-inclusive upper bound)."""
    return _shift(d.iso, -1)


def _next(d: DateMatch) -> str:
    """The first period strictly after d, at d's precision."""
    return _shift(d.iso, +1)


def _shift(iso: str, step: int) -> str:
    """The year, month or day `step` (+1/-1) away from `iso`, at the same precision."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + step:04d}"
    if len(parts) == 2:
        months = parts[0] * 12 + parts[1] - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    from datetime import date, timedelta

    return (date(*parts) + timedelta(days=step)).isoformat()
