"""Project-name mentions: quoted or bold titles, and capitalised noun phrases with a project head.

English heads: Project, Platform, Base, Centre, Cluster, Park, Plant, Station, Terminal, ... (singular:
"projects" is a count, never a name). Chinese: quoted titles ending in 项目/平台/基地/中心/产业园/工程 ...
Generic phrases ("the project", "key projects", "blockchain projects") and titles of lists, plans and
meetings are rejected.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from extractor.engines.rules.phrases import capitalised_run_before, head_matches, lower_modifiers_then_caps

_HEADS = ("Project|Platform|Base|Center|Centre|Cluster|Park|Hub|Plant|Network|Line|Terminal|System|Facility"
          "|Factory|Laboratory|Lab|Station|Port|Airport|Railway|Highway|Expressway|Bridge|Pipeline|Mine"
          "|Headquarters|Complex|Corridor|Expansion|Upgrade|Programme|Program|Zone|Town|Farm|Warehouse"
          "|Campus|Incubator|Accelerator|Dam|Reservoir|Tunnel|Wharf|Stadium|Hospital|Museum")
_PHASE = r"(?:[ \t]+\(?Phase[ \t]+(?:I{1,3}|IV|V|[1-9]|One|Two|Three)\)?)?"
_HEAD_ANCHOR = re.compile(rf"(?:{_HEADS})")
_LOWER_PROJECT = re.compile(r"project(?!s)")
_PHASE_AFTER = re.compile(_PHASE + r"(?![\w-])")
_HEAD_WORD = re.compile(rf"\b(?:{_HEADS})\b", re.I)
_ANY_HEAD = re.compile(rf"(?:{_HEADS})", re.I)
_HEADS_AND = re.compile(rf"\b(?:{_HEADS})\b{_PHASE}\s+and\s+(?:the\s+)?(?=[A-Z])")  # "A Park and B Project"
_QUOTED = re.compile(r'"([^"\n]{3,160})"|“([^”\n]{3,160})”|「([^」\n]{3,160})」|\*\*([^*\n]{3,160})\*\*')
_ZH_HEADS = re.compile(r"(?:项目|工程|平台|基地|中心|产业园|园区|产业城|物流园|电站|码头|港区|生产线|工厂|"
                       r"网络|系统|综合体|示范区|(?:[一二三四五]|[1-5])期)(?:工程|项目)?）?$")
_ZH_UNQUOTED = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{4,28}?(?:项目|工程)(?![\u4e00-\u9fff]{0,1}[个批类])")
_ZH_UNQUOTED_CUT = re.compile(
    r".*(?:的|了|、|与|和|及|将|在|是|为|由|对|把|等|共|该|本|此|各|个|其|签约|签订|签署|建设|引进|实施|"
    r"推进|开工|投产|落户|入选|列入|纳入|包括|还有|重点|重大|招商|一批|这些|多个|其中)")
_NAME_LABEL = re.compile(r"(?:项目名称|名称)\s*[：:]\s*$")  # "项目名称：X项目" names a project outright
_ZH_NOT_NAME = re.compile(r"[亿万]元|以上|以下|季度|多地|部分|[0-9]{4}年")
_LIST_WORDS = re.compile(r"\b(?:List|Lists|Plan|Plans|Notice|Opinions|Measures|Policy|Policies|Meeting|Conference"
                         r"|Forum|Fair|Summit|Ceremony|Activity|Report|Task|Catalogue|Catalog|Guidelines)\b"
                         r"|清单|名单|计划|方案|通知|意见|措施|政策|会议|论坛|博览会|报告|目录|成绩单", re.I)
_LIST_TITLE = re.compile(r"^(?:19|20)\d\d.*\b(?:Key|Major)\b|^(?:19|20)\d\d年?.*重[点大]")
_GENERIC = {"the", "a", "this", "that", "these", "those", "key", "major", "investment", "construction",
            "blockchain", "cooperation", "industrial", "industry", "provincial", "municipal", "new", "big",
            "data", "our", "its", "their", "such", "each", "every", "local", "national", "signed", "listed",
            "important", "priority", "strategic", "emerging", "other", "first", "second", "third", "pilot",
            "demonstration", "said", "same", "one", "two", "technology", "energy"}
_QUOTED_GENERIC = {"the", "a", "this", "that", "these", "key", "major", "project", "projects", "platform",
                   "base", "center", "centre", "park", "new", "our"}
_LEAD_STOP = re.compile(r"^(?:(?:The|A|An|This|That|These|Its|Their|Our|Also|And|Both|Then|Among|In|On|At|For|"
                        r"With|By|From|Under|As|Of|After|Before|Afterwards|Further|Closer|Like|Meanwhile|But|"
                        r"However|Here|There|Phase|To)\s+)+")
_ADMIN_ZONE = re.compile(r"High-?[Tt]ech|Hi-?[Tt]ech|Economic|Development Zone|Free Trade|Bonded|New Area$")
# Heads that also name existing places and landmarks ("Three Gorges Dam", "Daxing Airport"): such a
# name becomes a record only when a sum, an undertaker or an investor is tied to it.
_WEAK_HEADS = {"park", "zone", "port", "airport", "town", "line", "system", "network", "campus", "complex",
               "hospital", "museum", "stadium", "dam", "reservoir", "tunnel", "bridge", "railway", "highway",
               "expressway", "station", "terminal", "pipeline", "mine", "corridor", "wharf", "farm",
               "warehouse", "headquarters"}


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    source: str  # "quoted", "bold", "np", "zh"
    weak: bool = False  # kept only if it links to an amount or an undertaker


def _is_generic(name: str) -> bool:
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    return not words or all(w in _GENERIC or _HEAD_WORD.fullmatch(w) for w in words)


def _quoted(text: str, offset: int) -> list[NameMention]:
    out = []
    for m in _QUOTED.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        raw = m.group(group)
        inner = raw.strip(" ,.;:，。")
        start = offset + m.start(group) + raw.find(inner)
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 12]
        if not _quoted_is_project(inner, before, after):
            continue
        out.append(NameMention(start, start + len(inner), inner, "bold" if group == 4 else "quoted"))
    return out


def _quoted_is_project(inner: str, before: str, after: str) -> bool:
    if _LIST_WORDS.search(inner) or _LIST_TITLE.search(inner):
        return False
    if re.search(r"[\u4e00-\u9fff]", inner):
        return bool(_ZH_HEADS.search(inner)) and len(inner) >= 4 and not _is_generic_zh(inner)
    if len(inner.split()) < 2 or re.search(r"\b(?:projects)\b", inner, re.I):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", inner)}
    if words <= _QUOTED_GENERIC or _ADMIN_ZONE.search(inner):
        return False
    if _HEAD_WORD.search(inner):
        return True
    # No head word: a title only when the text calls it a project and it is capitalised like one.
    called_project = re.match(r"\s*(?:project|programme|program)\b", after, re.I) or re.search(
        r"project(?: of)?\s*$", before, re.I)
    return bool(called_project) and bool(re.search(r"\b[A-Z][a-z]", inner))


def _is_generic_zh(name: str) -> bool:
    core = _ZH_HEADS.sub("", name)
    return len(core) < 2 or core in {"重点", "重大", "签约", "招商", "该", "本", "此", "这个", "建设", "投资", "合作"}


def _trim_np(text: str) -> str:
    return _LEAD_STOP.sub("", text)


def _split_enumeration(start: int, name: str) -> list[tuple[int, str]]:
    """"A Park and B Project" (two heads joined by "and") are two names."""
    parts = list(_HEADS_AND.finditer(name))
    if not parts:
        return [(start, name)]
    out, prev = [], 0
    for m in parts:
        head_end = m.start() + len(m.group().split(" and")[0].rstrip())
        out.append((start + prev, name[prev:head_end]))
        prev = m.end()
    out.append((start + prev, name[prev:]))
    return out


def _np_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, lower_head) of capitalised phrases ending in a head word (plus "Phase II")."""
    for m in head_matches(text, _HEAD_ANCHOR):
        start = capitalised_run_before(text, m.start())
        if start >= 0:
            phase = _PHASE_AFTER.match(text, m.end())
            yield start, (phase.end() if phase else m.end()), False
    for m in head_matches(text, _LOWER_PROJECT):
        start = lower_modifiers_then_caps(text, m.start())
        if start >= 0:
            yield start, m.end(), True


def _np(text: str, offset: int, zh: bool) -> list[NameMention]:
    out = []
    for span_start, span_end, lower_head in _np_spans(text):
        for s, piece in _split_enumeration(span_start, text[span_start:span_end]):
            name = _trim_np(piece)
            s += len(piece) - len(name)
            if lower_head and not re.match(r"[A-Z]", name):
                continue
            if (_is_generic(name) or len(name.split()) < 2 or _LIST_WORDS.search(name)
                    or _LIST_TITLE.search(name) or "'s " in name or "’s " in name):
                continue
            head = _ANY_HEAD.findall(name)[-1].lower() if _HEAD_WORD.search(name) else ""
            if _ADMIN_ZONE.search(name) and head in _WEAK_HEADS:
                continue
            out.append(NameMention(offset + s, offset + s + len(name), name, "np", head in _WEAK_HEADS))
    return out


def _zh_unquoted(text: str, offset: int) -> list[NameMention]:
    out = []
    for m in _ZH_UNQUOTED.finditer(text):
        cut = _ZH_UNQUOTED_CUT.match(m.group())
        name = m.group()[cut.end():] if cut else m.group()
        if len(name) < 6 or _is_generic_zh(name) or _LIST_WORDS.search(name) or _ZH_NOT_NAME.search(name):
            continue
        s = offset + m.end() - len(name)
        labelled = _NAME_LABEL.search(text, max(0, s - offset - 8), s - offset) is not None
        out.append(NameMention(s, s + len(name), name, "label" if labelled else "zh", weak=not labelled))
    return out


def find_names(text: str, offset: int = 0, zh: bool = False) -> list[NameMention]:
    """Project names in `text` (offsets shifted by `offset`), non-overlapping, quoted ones first."""
    found = _quoted(text, offset)
    quote_spans = [(offset + m.start(), offset + m.end()) for m in _QUOTED.finditer(text)]
    quote_starts = [s for s, _ in quote_spans]
    extra = _np(text, offset, zh) + (_zh_unquoted(text, offset) if zh else [])
    for n in sorted(extra, key=lambda n: (n.start, -(n.end - n.start))):
        # The quotes do not overlap: only the last one opening at or before the name can hold it.
        k = bisect_right(quote_starts, n.start) - 1
        inside_quote = k >= 0 and n.end <= quote_spans[k][1]
        if not inside_quote and not any(o.start <= n.end and n.start <= o.end for o in found):
            found.append(n)
    return sorted(found, key=lambda n: n.start)
