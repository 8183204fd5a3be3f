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


def find_sector(text: str, start: int, end: int) -> Optional[tuple[str, int, int]]:
    """(label, start, end) of the first taxonomy keyword within text[start:end], most specific first."""
    for label, pattern in _PATTERNS:
        m = pattern.search(text, start, end)
        if m:
            return label, m.start(), m.end()
    return None
