"""Sector: a small taxonomy of industries, recognised by keywords in the project name first and in
its own sentences second. The label is normalised (English); the evidence is the keyword itself."""

from __future__ import annotations

import re
from typing import Optional

# label -> English keywords (word-bounded, case-insensitive) and Chinese keywords. Order matters:
# the more specific industries come before the broad ones they overlap with.
_TAXONOMY: list[tuple[str, str, str]] = [
    ("blockchain", r"blockchain|chain \+", "区块链"),
    ("semiconductors", r"semiconductors?|chips?|wafers?|silicon carbide|integrated circuits?", "半导体|芯片|晶圆|集成电路|功率器件"),
    ("hydrogen energy", r"hydrogen|fuel cells?", "氢能|氢燃料|燃料电池"),
    ("batteries", r"batter(?:y|ies)|lithium|sodium-ion|energy storage|cathode|copper foil", "电池|锂电|储能|正极材料|铜箔"),
    ("solar power", r"photovoltaics?|solar", "光伏|太阳能"),
    ("new energy vehicles", r"new energy vehicles?|electric vehicles?", "新能源汽车"),
    ("power generation", r"pumped storage|power (?:station|plant)|wind (?:farm|power)", "抽水蓄能|电站|风电"),
    ("big data and cloud", r"big data|data cent(?:re|er)s?|cloud computing", "大数据|数据中心|云计算"),
    ("artificial intelligence", r"artificial intelligence|AI|robot(?:s|ics)?|lidar|vision", "人工智能|机器人|激光雷达"),
    ("communications", r"5G|quantum|communications?|telecom", "5G|量子|通信"),
    ("logistics", r"logistics|cold[- ]chain|warehous(?:e|ing)|ports?|container terminal|shipping", "物流|冷链|仓储|港口|码头"),
    ("pharmaceuticals", r"pharmaceuticals?|medicines?|biomedic(?:al|ine)", "医药|生物医药|制药"),
    ("new materials", r"materials?|titanium|steel|rare[- ]earth|fibres?|fibers?|glass", "材料|钛合金|钢|稀土|纤维|玻璃"),
    ("equipment manufacturing", r"machinery|equipment|manufacturing|motors?", "装备|机械|制造|电机"),
    ("digital economy", r"digital|smart city|smart|internet of things|platform", "数字|智慧|智能|物联网|平台"),
    ("environmental protection", r"wastewater|recycling|environmental", "污水|环保|回收"),
    ("textiles", r"textiles?|garments?", "纺织|服装"),
    ("agriculture", r"agricultur(?:e|al)|wine", "农业|农机|葡萄酒"),
]

_PATTERNS = [
    (label, re.compile(rf"\b(?:{en})(?!\w)" + (rf"|{zh}" if zh else ""), re.I)) for label, en, zh in _TAXONOMY
]


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a taxonomy pattern: "batter(?:y|ies)|lithium" -> two."""
    out, current, depth, in_class, i = [], "", 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current, i = current + pattern[i:i + 2], i + 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0 and not in_class:
            out.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return out + [current]


def _stem(alternative: str) -> str:
    """The literal text every match of `alternative` opens with: "batter(?:y|ies)" -> "batter",
    "chips?" -> "chip", "cold[- ]chain" -> "cold"."""
    stem = ""
    for ch in alternative:
        if ch in "?*{":  # the previous character may be absent
            return stem[:-1]
        if ch in "\\([+.^$|":
            return stem
        stem += ch
    return stem


# A label can match only where one of its stems is written (in lower case). Testing the stems with
# `in` is far cheaper than a regex search, which is tried at every position of the range; the
# search then runs only for labels that may match. None: a label with an empty stem, always searched.
_GATED = []
for (_label, _en, _zh), (_, _pattern) in zip(_TAXONOMY, _PATTERNS):
    _stems = tuple(_stem(a).lower() for a in _alternatives(_en) + (_alternatives(_zh) if _zh else []))
    _GATED.append((_label, _pattern, None if "" in _stems else _stems))
# The only characters that case-insensitive regex matching equates with an ASCII letter although
# their str.lower() is not that letter (İ, ı ~ i; ſ ~ s): where one is written, the stems prove
# nothing and every label is searched.
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


def find_sector(text: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """(label, start, end) of the first taxonomy keyword within text[start:end], most specific first."""
    written = text[start:end]
    lowered: Optional[str] = written.lower()
    if not written.isascii() and any(ch in written for ch in _ODD_FOLDS):
        lowered = None
    for label, pattern, stems in _GATED:
        if lowered is not None and stems is not None:
            for stem in stems:
                if stem in lowered:
                    break
            else:
                continue  # none of its keywords is written here
        m = pattern.search(text, start, end)
        if m:
            return label, m.start(), m.end()
    return None
