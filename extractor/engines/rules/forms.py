"""Key-value blocks of projects, one field a line, as government notices (公示, 批复, 备案) list them:

    一、项目名称：某市100兆瓦/400兆瓦时储能电站项目        Project name: Hillside 50 MW Solar Project
    　　项目单位：某某能源有限公司                          Developer: Sunward Power Co., Ltd.
    　　建设地点：某县某镇                                  Location: Gaotai County
    　　总投资：86500万元                                   Total investment: RMB 860 million

One block is one project, read like a table row (`tables.Row`, built by `Builder.row_project`): the
label before the colon says the field, as a table's header cell does. A block opens with a name
line (perhaps numbered: 一、 1. （一） ①) and runs over the labelled lines after it; blocks may follow one
another directly or after blank lines. Fields may also share a line ("项目名称：X；项目单位：Y"): a line
is cut only where a known label and its colon follow a separator, so a "/" inside a name does not cut it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from extractor.engines.rules.candidates import Event
from extractor.engines.rules.mentions import DocMentions
from extractor.engines.rules.sentences import Paragraph
from extractor.engines.rules.tables import _DATE_STATUS, _HEADER_UNIT, Cell, Row

# Each field's labels, matched against the whole label (so that 通讯地址 is not 建设地址, nor
# "Contact address" a location). First match wins.
_ZH_UNIT = r"(?:[（(][^)）]{1,8}[)）])?"  # "总投资（万元）"
_LABELS = [
    ("name", r"(?:项目|工程)?名称|project(?:\s+name|\s+title)?|name(?:\s+of\s+(?:the\s+)?project)?"),
    ("undertaker", r"(?:项目)?(?:建设|实施|申报|申请|承建|业主|责任)单位|项目(?:单位|法人(?:单位)?|业主|企业)"
                   r"|业主|企业名称|申报企业|(?:建设|实施)主体"
                   r"|(?:project\s+)?(?:owner|developer|undertaker|company|entity|sponsor|applicant|builder"
                   r"|proponent)|(?:implementing|construction|developing)\s+(?:unit|entity|agency|company)"
                   r"|enterprise"),
    ("investor", r"投资(?:单位|主体|方|企业|人)|investors?|investing\s+(?:company|entity)"),
    ("place", r"(?:项目)?(?:建设|实施)?(?:地点|地址|选址|所在地|位置)"
              r"|(?:project\s+|construction\s+)?(?:location|site|address)|place|located\s+(?:at|in)"),
    ("amount", rf"(?:项目)?(?:计划|估算|概算|预计)?(?:总投资额?|投资总额|投资额|投资规模|投资){_ZH_UNIT}"
               r"|(?:total\s+|estimated\s+|planned\s+)?(?:investment|project\s+cost|cost)(?:\s*\([^)]{1,20}\))?"
               r"|budget"),
    # only a date of the status the notice gives (approved, signed, listed) dates the project, as a
    # table's date column: not 公示期 (when objections may be raised) nor 建设期限
    ("date", r"(?:核准|批复|批准|审批|签约|签署|列入|入选)(?:时间|日期)"
             r"|(?:approval|signing|listing)\s+date|date\s+(?:of\s+)?(?:approval|signing|listing)"
             r"|(?:approved|signed|listed)(?:\s+on)?"),
]
_FIELD_OF = re.compile("|".join(f"(?P<{f}>{p})" for f, p in _LABELS), re.I)  # fullmatch: first fit wins
# Labelled lines that end a notice's blocks rather than belong to the last one: an aside after the
# last block ("另：某项目已于2021年建成…", "Note: ..."), and the notice's closing lines.
_TAIL = re.compile(r"另|注|备注|说明|附注|此外|其中|特别说明|特此说明|note|notes|remarks?|n\.b\.|ps"
                   r"|公示(?:期|时间|期限|期间)|联系(?:人|电话|方式|地址)|电话|(?:电子)?邮箱|邮编|通讯地址|附件|来源"
                   r"|发布(?:时间|日期)|contacts?(?:\s+\w+)?|tel|telephone|phone|e-?mail|source|objections?",
                   re.I)
# A list item's number: 一、 1. 1、 （一） (1) ① (not "1.5万吨").
_NUMBER = (r"(?:[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]|[一二三四五六七八九十]+[、.．]"
           r"|\d{1,2}(?:[、．)]|\.(?!\d))|[①-⑳])")
_NUMBERED = re.compile(rf"[\s\u3000]*(?:[-*•]\s+)?{_NUMBER}")
# What may open a labelled line: indentation, a bullet, a number, bold markers.
_OPENING = re.compile(rf"[\s\u3000]*(?:[-*•]\s+)?{_NUMBER}?[\s\u3000]*\**")
# A label at the opening of a line: short, no sentence punctuation, then a colon.
_LEADING_LABEL = re.compile(r"([^:：，。,.;；!?！？|]{1,24}?)\**[\s\u3000]*[:：]")
# A further field on the same line: a separator, then a known label and its colon.
_KNOWN = "|".join(p for _, p in _LABELS)
_FURTHER_LABEL = re.compile(rf"(?:[；;，,|/]|[\s\u3000]{{2,}})[\s\u3000]*\**({_KNOWN})\**[\s\u3000]*[:：]", re.I)
# How a numbered line that is a project's name without a label ends ("1. 某某项目"), before " :：*".
_PROJECT_ENDS = ("项目", "工程", "project", "Project", "PROJECT")
# How a notice speaks of the body that issues it: "我委于10月下旬对以下项目予以核准", "本局" (not 本办法,
# "these measures", nor 局部).
_WE = re.compile(r"[我本](?:委|局|厅|办)(?!法|部)")
# What opens the period a notice is open for objections, right before its first day.
_NOTICE_PERIOD = re.compile(r"(?:公示|公告)(?:期|时间|日期|期限)(?:为|是|自|从)?[：:]?\s*$"
                            r"|(?:comment|publicity|public notice|objection) period"
                            r"(?:\s+(?:is|runs|will run|lasts))?(?:\s+from)?:?\s*$", re.I)
_TRIM = " \u3000\t*。；;，,、"
_ZH_LABEL_MAX, _EN_LABEL_MAX = 10, 32


def form_rows(paragraphs: list[Paragraph], taken: set[int]) -> tuple[list[Row], set[int]]:
    """One row per key-value block of a project, and the indexes of the blocks' paragraphs. Paragraphs
    in `taken` (a Markdown table's) are not read."""
    rows: list[Row] = []
    used: set[int] = set()
    i, group = 0, None  # group: the first paragraph of the run of blocks the current one belongs to
    while i < len(paragraphs):
        block = _block_at(paragraphs, i, taken)
        if block is None:
            i, group = i + 1, None
            continue
        fields, end = block
        if _is_project(fields):
            group = i if group is None else group
            rows.append(_row(fields, group))
            used.update(range(i, end))
        i = end
    return rows, used


def _block_at(paragraphs: list[Paragraph], i: int, taken: set[int]) -> Optional[tuple[dict, int]]:
    """The fields of the block opening at paragraph i (each a (label, Cell) by field) and the index
    after its last paragraph; None when no block opens there."""
    if i in taken:
        return None
    para = paragraphs[i]
    label = _leading_label(para.text)
    if label is None:
        first = _unlabelled_name(paragraphs, i, taken)
        if first is None:
            return None
    elif label[0] != "name":
        return None
    else:
        first = _fields(para, *label)
    fields: dict = {}
    _add(fields, first)
    j = i + 1
    while j < len(paragraphs) and j not in taken:
        label = _leading_label(paragraphs[j].text)
        if label is None or label[0] in ("name", "tail"):
            break
        _add(fields, _fields(paragraphs[j], *label))
        j += 1
    return fields, j


def _add(fields: dict, found: list[tuple[str, Cell, Cell]]) -> None:
    for field, label, cell in found:
        if field not in ("other", "tail") and field not in fields and cell.text:
            fields[field] = (label, cell)


def _leading_label(text: str) -> Optional[tuple[str, re.Match]]:
    """The field of the label the line opens with, and its match; None when it opens with none. A
    label no field knows is "other" (建设内容, 核准文号: part of the block, read for nothing); one
    that closes a notice (公示期, 联系人) is "tail"."""
    if "：" not in text and ":" not in text:
        return None
    m = _LEADING_LABEL.match(text, _OPENING.match(text).end())
    if m is None:
        return None
    field = _field(m.group(1))
    return (field, m) if field is not None else None


def _fields(para: Paragraph, field: str, m: re.Match) -> list[tuple[str, Cell, Cell]]:
    """The (field, label, value) of each labelled field on the line, the first labelled as `m`."""
    text = para.text
    out = []
    label, start = _cell(para, *m.span(1)), m.end()
    while True:
        further = _FURTHER_LABEL.search(text, start)
        out.append((field, label, _cell(para, start, further.start() if further else len(text))))
        if further is None:
            return out
        label, start = _cell(para, *further.span(1)), further.end()
        field = _field(label.text)


def _field(label: str) -> Optional[str]:
    """The field a label names, "other" for another short label, "tail" for a notice's closing
    lines, None for what is no label (too long: a sentence with a colon)."""
    label = label.strip(" \u3000*")
    found = _FIELD_OF.fullmatch(label)
    if found is not None:
        return found.lastgroup
    if _TAIL.fullmatch(label):
        return "tail"
    limit = _EN_LABEL_MAX if label.isascii() else _ZH_LABEL_MAX
    return "other" if 0 < len(label) <= limit and (not label.isascii() or label.count(" ") <= 3) else None


def _cell(para: Paragraph, start: int, stop: int) -> Cell:
    """The value text[start:stop] of a paragraph, trimmed, at document offsets."""
    raw = para.text[start:stop]
    inner = raw.strip(_TRIM)
    lead = raw.find(inner) if inner else 0
    at = para.start + start + lead
    return Cell(at, at + len(inner), inner)


def _unlabelled_name(paragraphs: list[Paragraph], i: int, taken: set[int]) -> Optional[list]:
    """A numbered line that only names a project ("（一）某某项目"), when the next line is a labelled
    field of it."""
    para = paragraphs[i]
    if len(para.text) > 80 or not para.text.rstrip(" \u3000:：*").endswith(_PROJECT_ENDS):
        return None
    if _NUMBERED.match(para.text) is None:
        return None
    if i + 1 >= len(paragraphs) or i + 1 in taken:
        return None
    following = _leading_label(paragraphs[i + 1].text)
    if following is None or following[0] in ("name", "tail", "other"):
        return None
    start = _OPENING.match(para.text).end()
    cell = _cell(para, start, len(para.text))
    name = cell.text.rstrip(":：").rstrip(_TRIM)
    return [("name", Cell(cell.start, cell.start, ""), Cell(cell.start, cell.start + len(name), name))]


def _is_project(fields: dict) -> bool:
    """A block names a project and says who, where or how much: a lone 名称 line is no record."""
    return "name" in fields and any(f in fields for f in ("undertaker", "investor", "place", "amount"))


def _row(fields: dict, group: int) -> Row:
    cells = {f: cell for f, (_, cell) in fields.items()}
    unit = None
    if "amount" in fields and (m := _HEADER_UNIT.search(fields["amount"][0].text)):
        unit = m.group(1)  # "总投资（万元）：86500"
    date_status = date_label = None
    if "date" in fields:  # the label states the status its date dates, as a table's header does
        date_label = fields["date"][0]
        date_status = next((s for s, rx in _DATE_STATUS if rx.search(date_label.text)), None)
    return Row(cells, False, unit, group, date_status, date_label if date_status is not None else None)


def block_event(event: Optional[Event], mentions: DocMentions) -> Optional[Event]:
    """The event that introduces the blocks, as the blocks take it: with the notice's issuer as its
    government when its sentence speaks of it only as 我委/本局 (the government body the title, the
    first line, names); without its date when that is when the notice is open for objections
    ("公示期为2025年9月20日至26日"), which dates the notice, not what happened to the projects."""
    if event is None:
        return event
    changes: dict = {}
    date = event.date
    if date is not None and _NOTICE_PERIOD.search(mentions.text, max(0, date.start - 24), date.start):
        changes["date"] = None
    sentence = mentions.sentences[event.sentence]
    if event.gov is None and _WE.search(sentence.text):
        title = mentions.paragraphs[0]
        gov = next((o for o in mentions.orgs(title.start, title.end) if o.kind == "government"), None)
        if gov is not None:
            changes["gov"] = gov
    return replace(event, **changes) if changes else event
