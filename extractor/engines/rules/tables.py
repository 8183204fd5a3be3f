"""Markdown tables of projects: one row is one project, columns found by their header words.

| Province | City | Project | Undertaker | Total investment |   -> name, province, city, orgs, amount
| 项目名称 | 建设单位 | 总投资（万元） | 建设地点 |                  -> name, undertaker, amount, place
A row whose name cell says "Total" (or 合计/共计) is the table's total: an aggregate, never a project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractor.engines.rules.sentences import Paragraph
from extractor.types import Status

_COLUMNS = [  # (field, header pattern), first match wins for a header cell
    # Where and who come before the name: "项目地点"/"Project location" and "项目单位"/"Project company"
    # say "project" too, but are not the name column.
    ("place", re.compile(r"location|\bsite\b|\bplace\b|\bwhere\b|address|地点|地址|所在地|建设地|选址|位置", re.I)),
    ("undertaker", re.compile(r"undertaker|company|enterprise|developer|builder|owner|operator|承建|建设单位"
                              r"|项目单位|业主|实施单位|责任单位|企业", re.I)),
    ("investor", re.compile(r"investor|投资方|投资主体|投资单位|投资企业", re.I)),
    # the other party of an agreement: a signer in a signing table
    ("counterparty", re.compile(r"counterpart|partner|signing part|签约方|签约单位|签约对象|合作方|合作单位", re.I)),
    ("name", re.compile(r"project|name|项目", re.I)),
    ("province", re.compile(r"province|省", re.I)),
    ("city", re.compile(r"city|prefecture|城市|地市|市州|市", re.I)),
    ("district", re.compile(r"district|county|区县|县", re.I)),
    ("amount", re.compile(r"investment|amount|cost|value|budget|投资|金额", re.I)),
    ("date", re.compile(r"date|year|\bwhen\b|\bsigned\b|时间|日期|年份", re.I)),
]
# The status a date column dates ("Signed", "签约时间", "批复日期"): a row takes the date only when
# it dates the row's own status. Construction dates ("开工时间", "Completion") date no status: a
# listed project's start is a plan, not when it was listed.
_DATE_STATUS = [
    (Status.signed, re.compile(r"sign|签约|签署", re.I)),
    (Status.approved, re.compile(r"approv|批准|批复|核准|审批", re.I)),
    (Status.listed, re.compile(r"\blist|列入|入选", re.I)),
]
# A total row: "Total", "Grand total", "Sum", "All", "合计", "总计", "共计", "小计", "合　计" ..., perhaps
# with its count: "Total (4 projects)", "合计（4个）", "共计4个项目".
_TOTAL = re.compile(r"^\**\s*(?:(?:grand\s+|sub-?)?totals?|sum|all(?:\s+projects)?|overall"
                    r"|[合总共小累]\s*计|汇\s*总|全部)\s*[:：]?"
                    r"(?:\s*[（(][^)）]*[)）]|\s*\d+\s*(?:个|项)(?:项目)?|\s*\d+\s+projects?)?\s*\**$", re.I)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
# A unit written in the line before the table: "（金额单位：亿元）", "Unit: million yuan".
_CAPTION_UNIT = re.compile(r"(?:金额|投资)?单位\s*[：:]\s*(亿元|万元)|\b[Uu]nits?\s*:\s*(million yuan|billion yuan|100 million yuan)")


def _caption_unit(caption: str) -> Optional[str]:
    found = _CAPTION_UNIT.search(caption)
    return (found.group(1) or found.group(2)) if found else None


# A unit written in the header: "Total investment (100 million yuan)", "总投资（亿元）".
_HEADER_UNIT = re.compile(r"[（(]\s*(亿元|万元|million yuan|billion yuan|100 million yuan|百万元)\s*[)）]", re.I)


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Row:
    cells: dict[str, Cell]
    is_total: bool
    unit: Optional[str]  # header unit for bare numbers in the amount column
    table: int = 0  # index of the table's first paragraph (the paragraph before it introduces it)
    date_status: Optional[Status] = None  # the status the date column dates, None when it says not
    date_header: Optional[Cell] = None  # that column's header ("Agreement signed"), which states it


def _cells(para: Paragraph) -> list[Cell]:
    out = []
    line = para.text
    for m in re.finditer(r"[^|]+", line):
        raw = m.group()
        inner = raw.strip().strip("*").strip()
        if not raw.strip() and m.start() == 0:
            continue
        lead = raw.find(inner) if inner else 0
        out.append(Cell(para.start + m.start() + lead, para.start + m.start() + lead + len(inner), inner))
    # a line "| a | b |" splits into [" a ", " b ", maybe trailing whitespace]
    return [c for c in out if c.text or c.start < para.end]


def _header_fields(header: list[Cell]) -> tuple[list[Optional[str]], Optional[str], Optional[Status],
                                                Optional[Cell]]:
    """Each header cell's field, the amount column's unit, the status the date column dates and
    that column's header cell."""
    fields: list[Optional[str]] = []
    unit = date_status = date_header = None
    for cell in header:
        found = next((f for f, rx in _COLUMNS if rx.search(cell.text) and f not in fields), None)
        fields.append(found)
        if found == "amount" and (m := _HEADER_UNIT.search(cell.text)):
            unit = m.group(1)
        if found == "date":
            date_status = next((s for s, rx in _DATE_STATUS if rx.search(cell.text)), None)
            date_header = cell if date_status is not None else None
    return fields, unit, date_status, date_header


def table_rows(paragraphs: list[Paragraph]) -> tuple[list[Row], set[int]]:
    """Rows of every Markdown table with a name column, and the indexes of the table paragraphs."""
    rows: list[Row] = []
    used: set[int] = set()
    i = 0
    while i < len(paragraphs):
        if paragraphs[i].kind != "table":
            i += 1
            continue
        block, caption = [], paragraphs[i - 1].text if i > 0 else ""
        while i < len(paragraphs) and paragraphs[i].kind == "table":
            block.append(paragraphs[i])
            i += 1
        if len(block) < 3 or not _SEPARATOR.match(block[1].text):
            continue
        fields, unit, date_status, date_header = _header_fields(_cells(block[0]))
        unit = unit or _caption_unit(caption)
        if "name" not in fields:
            continue
        used |= {p.index for p in block}
        for para in block[2:]:
            cells = _cells(para)
            named = {f: c for f, c in zip(fields, cells) if f and c.text}
            name = named.get("name")
            is_total = name is not None and bool(_TOTAL.match(name.text))
            if name is None and not any(_TOTAL.match(c.text) for c in cells):
                continue
            rows.append(Row(named, is_total or name is None, unit, block[0].index, date_status, date_header))
    return rows, used
