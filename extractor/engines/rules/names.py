"""Project-name mentions: quoted or bold titles, and capitalised noun phrases with a project head.

English heads: Project, Platform, Base, Centre, Cluster, Park, Plant, Station, Terminal, ... (singular:
"projects" is a count, never a name). Chinese: quoted titles ending in 项目/平台/基地/中心/产业园/工程 ...
Generic phrases ("the project", "key projects", "blockchain projects") and titles of lists, plans and
meetings are rejected.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Iterator, Optional

from extractor.engines.rules.names_described import LOCATION_CUE_BEFORE, described_spans
from extractor.normalize.places import Gazetteer
from extractor.normalize.scanning import occurrences
from extractor.engines.rules.phrases import (by_first_letter, capitalised_run_before, first_characters,
                                             head_matches, lower_modifiers_then_caps)

_HEADS = ("Project|Platform|Base|Center|Centre|Cluster|Park|Hub|Plant|Network|Line|Terminal|System|Facility"
          "|Factory|Laboratory|Lab|Station|Port|Airport|Railway|Highway|Expressway|Bridge|Pipeline|Mine"
          "|Headquarters|Complex|Corridor|Expansion|Upgrade|Programme|Program|Zone|Town|Farm|Warehouse"
          "|Campus|Incubator|Accelerator|Dam|Reservoir|Tunnel|Wharf|Stadium|Hospital|Museum|Resort|School|Hotel"
          "|Yard|Depot|Berth|Dock|Gigafactory|Fab|Mill|Smelter|Refinery")
_PHASE = r"(?:[ \t]+\(?Phase[ \t]+(?:I{1,3}|IV|V|[1-9]|One|Two|Three)\)?)?"
# The number of a line or terminal is part of its name ("Metro Line 5", "Terminal No. 2"), but not a
# count or a sum that follows the name ("Line 2 billion yuan", "Line 12 kilometres").
_NUMBER = (r"(?:[ \t]+(?:No\.[ \t]?)?[1-9][0-9]?[A-Z]?(?![\w.,]?\d)(?![\w-])"
           r"(?![ \t]+(?:billion|million|trillion|thousand|km|kilomet|metre|meter|mile|station|stop|year|per)))?")
_NUMBERED_HEADS = frozenset(("line", "terminal"))
# Grouped by first letter so that the scan of the whole text tries one branch per capital letter.
_HEAD_ANCHOR = re.compile(by_first_letter(_HEADS))
# (not "project company", "project manager": a company or a person for the project)
_LOWER_PROJECT = re.compile(r"project(?!s)(?! (?:compan|manage|team|financ|loan|vehicle|entit|owner|agreement|contract"
                            r"|list|roster|catalog))")
_PHASE_AFTER = re.compile(_PHASE + r"(?![\w-])")
_NUMBER_PHASE_AFTER = re.compile(_NUMBER + _PHASE + r"(?![\w-])")  # after "Line" or "Terminal"
_HEAD_WORD = re.compile(rf"\b(?:{_HEADS})\b", re.I)
_ANY_HEAD = re.compile(rf"(?:{_HEADS})", re.I)
_ANY_HEAD_LOWER = re.compile(_HEADS.lower())  # _ANY_HEAD for lower-cased ASCII text
_HEADS_AND = re.compile(rf"\b(?:{_HEADS})\b{_NUMBER}{_PHASE}\s+and\s+(?:the\s+)?(?=[A-Z])")  # "A Park and B Project"
_QUOTED = re.compile(r'"([^"\n]{3,160})"|“([^”\n]{3,160})”|「([^」\n]{3,160})」|\*\*([^*\n]{3,160})\*\*'
                     r'|《([^》\n]{3,60})》')
# 《》 mark titles of documents (《关于下达…名单的通知》) and, less often, of projects (《X锂电池隔膜生产基地》):
# a title in them is a project's only when it ends with a project's head word and names no document.
_BOOK_TITLE = 5  # the group of 《》 in _QUOTED
_AGREEMENT_ON = re.compile(r"(.{4,40}?(?:项目|工程))(?:投资|合作|框架|战略|建设|入驻|签约|招商)*(?:协议书?|合同|意向书|备忘录)$")
_DOCUMENT_WORDS = re.compile(r"通知|办法|意见|规划|方案|条例|报告|名单|清单|计划|纲要|决定|公告|批复|函|规定|目录")
_PROJECTS_WORD = re.compile(r"\b(?:projects)\b", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"\w+")
_UPPER_INITIAL = re.compile(r"[A-Z]")
_CALLED_PROJECT_AFTER = re.compile(r"\s*project\b", re.I)  # (a "programme" or "program" is a policy)
_CALLED_PROJECT_BEFORE = re.compile(r"project(?: of)?\s*$", re.I)
_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z]")
_ZH_HEADS = re.compile(r"(?:项目|工程|平台|基地|中心|产业园|园区|产业城|物流园|电站|码头|港区|生产线|工厂|"
                       r"网络|系统|综合体|示范区|(?:[一二三四五]|[1-5])期)(?:工程|项目)?）?$")
_ZH_UNQUOTED_MIN, _ZH_UNQUOTED_MAX = 4, 28
# (not 项目公司, 项目部, 项目法人: the company or team of a project, "设立项目公司"; nor the slogan "以项目为王")
_ZH_ANCHOR_TEXT = r"(?:项目|工程)(?![\u4e00-\u9fff]{0,1}[个批类])(?!公司|法人|部|经理|负责人|为[王纲重主先本要])"
# A "/" before a digit joins two numbers with units inside a name ("100兆瓦/400兆瓦时储能电站"): the
# power and the energy of one plant, not two names.
# A phase in brackets is part of a name, inside it or after it: "X基地（二期）项目", "X项目（一期）".
_ZH_PHASE_NUMBER = "[一二三四五六七八九十0-9]"
# A dash between two characters joins the parts of a name ("中国—东盟跨境冷链物流枢纽项目"); two dashes
# ("项目——总投资") set a clause apart. (The same test read forwards or backwards.)
_ZH_DASH = r"(?<=[\u4e00-\u9fff])[—–](?=[\u4e00-\u9fff])"
_ZH_PHASE_AFTER = re.compile(rf"（{_ZH_PHASE_NUMBER}{{1,3}}期）")
_ZH_UNQUOTED = re.compile(  # what _zh_unquoted_spans finds
    rf"(?:[\u4e00-\u9fffA-Za-z0-9α-ω]|/(?=[0-9])|(?<=[α-ω])-|{_ZH_DASH}|（(?={_ZH_PHASE_NUMBER}{{1,3}}期）)|(?<=期)）)"
    rf"{{{_ZH_UNQUOTED_MIN},{_ZH_UNQUOTED_MAX}}}?{_ZH_ANCHOR_TEXT}(?:{_ZH_PHASE_AFTER.pattern})?")
_ZH_ANCHOR = re.compile(_ZH_ANCHOR_TEXT)
# The characters before the anchor in _ZH_UNQUOTED, read in the reversed text (where the digit after
# a "/" comes before it, and a phase's "）期二（" is read backwards).
_ZH_RUN = re.compile(rf"(?:[\u4e00-\u9fffA-Za-z0-9α-ω]|(?<=[0-9])/|-(?=[α-ω])|{_ZH_DASH}|）(?=期)"
                     rf"|(?:(?<=）期{_ZH_PHASE_NUMBER})|(?<=）期{_ZH_PHASE_NUMBER}{{2}})|(?<=）期{_ZH_PHASE_NUMBER}{{3}}))（)*")
# Words that cannot be inside a name: function words, and verbs of the clause around it ("今年已安排
# 中央预算内投资支持X项目": what is arranged and supported is not part of the name). "共享" is a
# word of names ("共享储能电站"); 共 alone says "in all" or "jointly".
_ZH_CUT_WORDS = ("的|了|、|与|和|及|将|在|是|为|由|对|把|等|共(?!享)|该|本|此|各|个|其|签约|签订|签署|建设(?!项目|工程)|引进|核准|批准|同意|负责|承担|承建|申报|牵头|"
                 "批复|审批|印发|下达|正式|签下|则有|则是|拟建|拟|打造|"
                 "实施|推进|推动|加快|安排|支持|启动|开展|谋划|开工|投产|落户|入选|列入|纳入|包括|还有|也有|既有|另有|重点|重大|"
                 "招商|一批|这些|多个|其中")
# The last cut word: .* backtracks from the right, and the lookahead (the words' first characters)
# saves trying every word at each position where none can start.
_ZH_UNQUOTED_CUT = re.compile(rf".*(?={first_characters(_ZH_CUT_WORDS)})(?:{_ZH_CUT_WORDS})")
# What a built thing's name ends in: a 及/和 after one joins a second built thing to the same name.
_ZH_BUILT_END = re.compile(r"(?:站|中心|基地|园|园区|厂|线|网|网络|管网|库|仓|场|港|港区|码头|楼|馆|桥|路|隧道|"
                           r"系统|平台|设施|装置|车间|综合体|小区|片区|示范区)$")
_NAME_LABEL = re.compile(r"(?:项目名称|名称)\s*[：:]\s*$")  # "项目名称：X项目" names a project outright
_ZH_NOT_NAME = re.compile(r"[亿万]元|以上|以下|季度|多地|部分|[0-9]{4}年|[0-9]{1,2}月份|我们|这是")
# A name ending in a word for many places, fields or kinds of projects counts projects, it names none:
# "西部地区项目", "各类项目", "交通领域项目", "重点项目", "相关工程".
_ZH_COLLECTIVE_END = re.compile(r"(?:地区|区域|领域|行业|方面|类|重点|重大|相关|其他|其它)(?:建设|产业|前期)?(?:项目|工程)$"
                                r"|^(?:基础设施|固定资产投资|产业|民生|社会事业|工业|交通|水利|能源|城建|新基建|企业投资|政府投资)(?:项目|工程)$"
                                r"|^[\u4e00-\u9fff]{0,3}建设(?:项目|工程)$")  # "投资建设项目": no particular one
# A company's name glued to its project's name ("X锂业有限公司盐湖提锂二期项目"): the name starts
# after the company's legal suffix, when what is left is a name on its own.
_ZH_COMPANY_END = ("公司", "集团")
_LIST_WORDS_EN = ("List|Lists|Plan|Plans|Notice|Opinions|Measures|Policy|Policies|Meeting|Conference"
                  "|Forum|Fair|Summit|Ceremony|Activity|Report|Task|Catalogue|Catalog|Guidelines")
_LIST_WORDS = re.compile(rf"\b(?:{_LIST_WORDS_EN})\b"
                         r"|清单|名单|计划|方案|通知|意见|措施|政策|会议|论坛|博览会|报告|目录|成绩单", re.I)
_LIST_TITLE = re.compile(r"^(?:19|20)\d\d.*\b(?:Key|Major)\b|^(?:19|20)\d\d年?.*重[点大]")
_GENERIC = {"the", "a", "this", "that", "these", "those", "key", "major", "investment", "construction",
            "not", "every", "each", "any", "no", "all", "some", "many", "several", "which", "what",
            "blockchain", "cooperation", "industrial", "industry", "provincial", "municipal", "new", "big",
            "data", "our", "its", "their", "such", "each", "every", "local", "national", "signed", "listed",
            "important", "priority", "strategic", "emerging", "other", "first", "second", "third", "pilot",
            "demonstration", "said", "same", "one", "two", "technology", "energy"}
_QUOTED_GENERIC = {"the", "a", "this", "that", "these", "key", "major", "project", "projects", "platform",
                   "base", "center", "centre", "park", "new", "our"}
_LEAD_STOP = re.compile(r"^(?:(?:The|A|An|This|That|These|Its|Their|Our|Also|And|Both|Then|Among|In|On|At|For|"
                        r"With|By|From|Under|As|Of|After|Before|Afterwards|Further|Closer|Like|Meanwhile|But|"
                        r"However|Here|There|Phase|To|Only)\s+)+")
# Lower-cased vocabularies of the case-insensitive word patterns above (see _ascii_words).
_HEAD_VOCAB = frozenset(_HEADS.lower().split("|"))
_LIST_VOCAB = frozenset(_LIST_WORDS_EN.lower().split("|"))
_GENERIC_OR_HEAD = frozenset(_GENERIC) | _HEAD_VOCAB
_ADMIN_ZONE = re.compile(r"High-?[Tt]ech|Hi-?[Tt]ech|Economic|Development Zone|Free Trade|Bonded|New Area$")
# Heads that also name existing places and landmarks ("Three Gorges Dam", "Daxing Airport"): such a
# name becomes a record only when a sum, an undertaker or an investor is tied to it.
_WEAK_HEADS = {"park", "zone", "mill", "smelter", "refinery", "port", "airport", "town", "line", "system", "network", "campus", "complex",
               "hospital", "museum", "stadium", "dam", "reservoir", "tunnel", "bridge", "railway", "highway",
               "expressway", "station", "terminal", "pipeline", "mine", "corridor", "wharf", "farm",
               "warehouse", "headquarters", "resort", "school", "hotel", "yard", "depot", "berth", "dock"}
# A quoted English span that reads as a clause is speech, not a title: it has a finite verb, or a
# comma inside it and punctuation before its closing quote ("X is where we began, and ...," said Y).
_FINITE_VERBS = frozenset("is are was were will would has have had can cannot could should must may "
                          "might shall do does did am".split())
_SMALL_WORDS = frozenset("a an the of and or for in on at to by with from".split())
_SPEECH_END = re.compile(r"[,!?;，。！？]\s*$")
# A name never opens with a currency or a sum ("USD 1.2 billion in the project"). The scale words are
# lower-case: a title may count in capitalised words ("10 Million Tonne Refinery Project").
_AMOUNT_LEAD = re.compile(r"(?:USD|RMB|CNY|EUR|HKD|JPY|GBP|SGD)\b|US\$|[$¥€£]|\d[\d.,]*[\s-]*"
                          r"(?:million|billion|trillion|thousand|bn|mn|yuan|dollars?)\b")
# Where an event is held is a venue, not a project: "the signing ceremony at the X Convention Centre",
# "held in the X Hotel", "在“X会展中心”举行". A groundbreaking or commissioning ceremony is held at the
# project itself, so its place stays a name.
_VENUE_HEADS = frozenset("centre center hotel stadium museum park complex campus".split())
_EVENT_AT_BEFORE = re.compile(
    r"\b(?:held|hosted|staged|convened|ceremony|conference|forum|meeting|fair|expo|summit|event|exhibition"
    r"|symposium|seminar|roadshow|gala)\b[^.;!?\n]{0,60}?\b(?:at|in)\s+(?:the\s+)?$", re.I)
_EVENT_AT_PROJECT = re.compile(r"ground-?breaking|commission|completion|topping|foundation|inaugurat|operation",
                               re.I)
_ZH_HELD_AFTER = re.compile(r"\s*(?:隆重|正式|顺利|成功)?(?:举行|举办|召开|开幕)")
# The place something is built in is a place, not the project: "to build a plant in the X Industrial
# Park" (the plant is the project). A verb of building, the thing built, then "in/at (the)" the name.
_BUILT_IN_BEFORE = re.compile(
    # (and "a ... project in the X Base": a project described, then where it is)
    r"\b(?:project|plant|factory|facility|mill)\s+(?:in|at|inside|within)\s+(?:the\s+)?$|"
    r"\b(?:build|builds|building|built|construct|constructs|constructing|constructed|set up|sets up|setting up"
    r"|establish|establishes|establishing|established|open|opens|opening|opened|add|adds|adding|added"
    r"|locate|locates|relocate|relocates|relocated)"
    r"\s+(?:a|an|its|their|the|new|two|three|several)\s[^.;:!?\n]{0,60}?\b(?:in|at|inside|within)\s+(?:the\s+)?"
    r"(?:[\w-]+['’]s\s+)?$"
    r"|\blocated\s+(?:in|at|inside|within)\s+(?:the\s+)?$"
    r"|\b(?:build|built|construct|constructed|set up|establish|locate)\s+(?:it\s+|them\s+)?(?:in|at|inside|within)\s+"
    r"(?:the\s+)?$", re.I)  # ("X, which Y will build in the Z Park")
_PROJECT_HEADS = frozenset("project programme program expansion upgrade".split())
# A site named right after a project's name with "at" or "in" is where the project is: "the X Terminal
# Expansion at Y International Airport", "the X Plant in Y Industrial Park".
_SITE_HEADS = frozenset("airport port station park zone town campus complex terminal wharf".split())
_NAME_THEN_IN_OR_AT = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:in|at|inside|within)[ \t]+(?:the[ \t]+)?$")
# A centre that serves, informs or promotes is an office ("Investment Promotion Service Centre" in a
# page's byline): a name only if a sum or a builder ties it to a project.
_OFFICE_WORDS = frozenset("promotion information service services affairs administrative administration "
                          "coordination press statistics supervision registration".split())
# So is a centre where fairs and meetings are held ("the Shenzhen World Exhibition and Convention Center"),
# unless a sum or a builder ties it to a project (one that builds such a centre).
_VENUE_WORDS = frozenset("exhibition convention conference expo".split())
_ZH_OFFICE = re.compile(r"(?:服务|促进|信息|事务|政务|管理服务)中心$")
_IN_OR_AT = frozenset(("in", "at", "inside", "within"))


def _after_in_or_at(text: str, start: int) -> bool:
    """Whether the word before `start` may close "in (the)", "at (the)", "inside (the)": what both
    _EVENT_AT_BEFORE and _BUILT_IN_BEFORE end with. A cheap test first, as few names pass it: those
    regexes, tried at every position of their window, cost several microseconds each."""
    words = text[max(0, start - 24):start].lower().split()
    if words and words[-1].endswith(("'s", "’s")):  # "in the county's Lianhua Town"
        words.pop()
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and words[-1] in _IN_OR_AT


def _is_venue(text: str, start: int, head: str) -> bool:
    """A name with a venue head (see _VENUE_HEADS) where an event is held, by the words before it."""
    if head not in _VENUE_HEADS or not _after_in_or_at(text, start):
        return False
    before = _EVENT_AT_BEFORE.search(text, max(0, start - 100), start)
    return before is not None and _EVENT_AT_PROJECT.search(text, max(0, start - 100), start) is None


def _is_site_of_build(text: str, start: int, head: str) -> bool:
    """A name where something else is built ("build a plant in the X Park"), by the words before it."""
    return (head not in _PROJECT_HEADS and _after_in_or_at(text, start)
            and _BUILT_IN_BEFORE.search(text, max(0, start - 90), start) is not None)


def _is_site_of_named(text: str, start: int, head: str) -> bool:
    """A site (see _SITE_HEADS) named after "in/at (the)" right after a capitalised head word, the end
    of a project's name ("... Expansion at Y Airport"): the place of that project."""
    if head not in _SITE_HEADS or not _after_in_or_at(text, start):
        return False
    before = _NAME_THEN_IN_OR_AT.search(text, max(0, start - 40), start)
    return before is not None and before.group().split(None, 1)[0].lower() in _HEAD_VOCAB


def _is_office(name: str, head: str) -> bool:
    """A centre whose word before "Centre" says it serves, informs or promotes (see _OFFICE_WORDS), or
    one where fairs are held (see _VENUE_WORDS)."""
    if head not in ("centre", "center"):
        return False
    words = name.split()
    if len(words) < 2 or words[-1].lower() != head:
        return False
    return words[-2].lower() in _OFFICE_WORDS or any(w.lower() in _VENUE_WORDS for w in words[:-1])


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    source: str  # "quoted", "bold", "np", "zh"
    weak: bool = False  # kept only if it links to an amount or an undertaker


def _ascii_words(s: str) -> Optional[list[str]]:
    """The \\w+ words of an ASCII string, lower-cased; None for other strings.

    Why: a case-insensitive `\\b(?:A|B)\\b` search (which the regex engine tries at every position)
    finds a match exactly when one of these words is "a" or "b": its match is a whole \\w+ run, and
    on ASCII text IGNORECASE is plain lower-casing. A set test on the words is much faster."""
    return _WORD.findall(s.lower()) if s.isascii() else None


def _has_head_word(s: str, words: Optional[list[str]]) -> bool:
    """`_HEAD_WORD.search(s)`, with `words` = `_ascii_words(s)`."""
    return _HEAD_WORD.search(s) is not None if words is None else not _HEAD_VOCAB.isdisjoint(words)


def _has_list_word(s: str, words: Optional[list[str]]) -> bool:
    """`_LIST_WORDS.search(s)`, with `words` = `_ascii_words(s)` (its Chinese words are not ASCII)."""
    return _LIST_WORDS.search(s) is not None if words is None else not _LIST_VOCAB.isdisjoint(words)


def _is_list_title(s: str) -> bool:
    # Both alternatives of _LIST_TITLE open with a year "19xx"/"20xx" at the start.
    return s[:2] in ("19", "20") and _LIST_TITLE.search(s) is not None


def _last_head(name: str, words: Optional[list[str]]) -> str:
    """The last head word in `name`, lower-cased ("" if it has none as a whole word)."""
    if not _has_head_word(name, words):
        return ""
    if words is None:
        return _ANY_HEAD.findall(name)[-1].lower()
    if words[-1] in _HEAD_VOCAB and name[-1:].isalnum():
        # The usual case: the name ends with a whole head word, the last match of the scan below
        # (no head is preceded in _HEADS by a shorter head it starts with, like "Lab"/"Laboratory").
        return words[-1]
    return _ANY_HEAD_LOWER.findall(name.lower())[-1]  # the same matches, for ASCII text


def _latin_words(s: str, words: Optional[list[str]]) -> list[str]:
    """The runs of Latin letters in `s`, lower-cased, with `words` = `_ascii_words(s)`: the same
    list when those words are all letters (the usual case), found again otherwise."""
    if words is not None and "".join(words).isalpha():
        return words
    if words is not None:
        return _LATIN_WORD.findall(s.lower())
    # Lower-casing first could make more letters: "K" (the Kelvin sign) becomes "k".
    return [w.lower() for w in _LATIN_WORD.findall(s)]


def _is_generic(name: str, words: Optional[list[str]]) -> bool:
    """With `words` = `_ascii_words(name)`."""
    letters = _latin_words(name, words)
    # A whole ASCII word matches _HEAD_WORD (case-insensitive) exactly when it is in _HEAD_VOCAB.
    return not letters or _GENERIC_OR_HEAD.issuperset(letters)


def _quoted(text: str, offset: int, quotes: list[re.Match]) -> list[NameMention]:
    """Project titles among the `quotes` (the matches of _QUOTED in `text`)."""
    out = []
    for m in quotes:
        group = m.lastindex  # each alternative has one group
        raw = m.group(group)
        inner = raw.strip(" ,.;:，。")
        if group == _BOOK_TITLE:
            agreement = _AGREEMENT_ON.match(inner)  # 《X项目投资合作协议》: the agreement on project X
            if agreement:
                raw = inner = agreement.group(1)
            elif not _ZH_HEADS.search(inner) or _DOCUMENT_WORDS.search(inner):
                continue
        if not _quoted_is_project(inner, text, m.start(), m.end()) or _is_speech(raw, inner, text, m.end()):
            continue
        if _after_location_cue(text, m.start()) or _quoted_is_venue(text, m, inner) \
                or _ZH_ATTRIBUTE_AFTER.match(text, m.end()):
            continue  # (“华南基地”战略: a strategy's name, not a project's)
        start = offset + m.start(group) + raw.find(inner)
        weak = _ZH_OFFICE.search(inner) is not None  # "“企业服务中心”": an office, see _OFFICE_WORDS
        out.append(NameMention(start, start + len(inner), inner, "bold" if group == 4 else "quoted", weak))
    return out


def _is_bold_heading(text: str, m: re.Match) -> bool:
    """A bold span alone on its line ("**Battery plant on the river**", maybe after "#" marks or
    before a colon) is a subheading, not a name; bold names inside a sentence or a list item stay."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    before = text[line_start:m.start()]
    after = text[m.end():len(text) if line_end < 0 else line_end]
    return not before.strip(" \t#") and not after.strip(" \t:：")


# '"Every city wants a gigafactory," said an analyst': a quote the text attributes to a speaker.
_SAID_AFTER = re.compile(r"\s*(?:said|says|added|noted|told)\b")


def _is_speech(raw: str, inner: str, text: str, quote_end: int) -> bool:
    """A quoted English span that reads as a clause (see _FINITE_VERBS), or that the text attributes
    to a speaker (the quote ends at `quote_end` of `text`): said, not named."""
    ends_like_speech = raw.rstrip()[-1:] in ",.!?"
    if ends_like_speech and _SAID_AFTER.match(text, quote_end):
        return True
    if _CJK.search(inner):  # Chinese titles in “...” end with their head word (_ZH_HEADS); a clause has commas
        return "，" in inner or "。" in inner or "我们" in inner or inner.startswith("这是")  # (or speaks)
    # Lower-case words only: a capitalised "Can" or "May" may be part of a title ("Can Tho Bridge").
    words = _WORD.findall(inner)
    if not _FINITE_VERBS.isdisjoint(words):
        return True
    if ends_like_speech and sum(w.islower() and w not in _SMALL_WORDS for w in words) >= 4:
        return True  # '"Beilun gives us a deep-water port on one side ...," said': a sentence, not a title
    return "," in inner and _SPEECH_END.search(raw) is not None


def _quoted_is_venue(text: str, m: re.Match, inner: str) -> bool:
    """A quoted title where an event is held: "在“X会展中心”举行", "ceremony at the "X Centre"."""
    if text[max(0, m.start() - 1):m.start()] in ("在", "于"):
        return inner.endswith("中心") and _ZH_HELD_AFTER.match(text, m.end()) is not None
    if not _after_in_or_at(text, m.start()):
        return False  # the usual case, answered before reading the title's head word
    return _is_venue(text, m.start(), _last_head(inner, _ascii_words(inner)))


# "the China Center for Energy Economics Research": an institute, named by what it is for.
_INSTITUTE_FOR = re.compile(r" for (?:the )?[A-Z]")
_INSTITUTE_HEADS = ("Center", "Centre", "Institute", "Laboratory", "Lab")


def _names_other_than_a_project(text: str, start: int, name: str) -> bool:
    """An institute ("China Center" of "China Center for X Research"), or a place in another ("Jiangsu
    in Baishan Town", after a company "from Jiangsu")."""
    if name.endswith(_INSTITUTE_HEADS) and _INSTITUTE_FOR.match(text, start + len(name)):
        return True
    first, found, _ = name.partition(" in ")
    return bool(found) and bool(Gazetteer.load().lookup(first))


def _after_location_cue(text: str, start: int) -> bool:
    return LOCATION_CUE_BEFORE.search(text, max(0, start - 24), start) is not None


def _quoted_is_project(inner: str, text: str, quote_start: int, quote_end: int) -> bool:
    if inner.isascii() and len(inner.split()) < 2:
        return False  # the cheapest test first: on ASCII text each test before the head word rejects
    if inner.isascii() and inner.islower() and ("," in inner or not _CLAUSE_WORDS.isdisjoint(inner.split())):
        return False  # 'would "treat every signed project as a key project"', a "one project, one team"
        # mechanism: words quoted, not a title
    if inner.islower() and _AS_A_BEFORE.search(text, max(0, quote_start - 12), quote_start):
        return False  # 'described the X Project as a "newly introduced manufacturing project"': a phrase
    words = _ascii_words(inner)
    if _has_list_word(inner, words) or _is_list_title(inner):
        return False
    if words is None and _CJK.search(inner):  # (“X大厦”项目: the text calls it a project; a short quoted
        # phrase before 工程 is a slogan: “强链补链”工程)
        return (bool(_ZH_HEADS.search(inner)) and len(inner) >= 6  # (“一把手工程”, “自己的项目”: slogans)
                or text.startswith(("项目", "工程"), quote_end) and len(inner) >= 6) and not _is_generic_zh(inner) \
            and not _ZH_COLLECTIVE_END.search(inner)  # (“市级重点建设项目”: a kind of project, quoted)
    if len(inner.split()) < 2:
        return False
    if ("projects" in words) if words is not None else _PROJECTS_WORD.search(inner):
        return False
    if _QUOTED_GENERIC.issuperset(_latin_words(inner, words)) or _ADMIN_ZONE.search(inner):
        return False
    if _ENTITY_LAST.search(inner):
        return False  # a defined term for a party: (the "Project Company"), ("Project Owner")
    if _has_head_word(inner, words):
        return True
    # No head word: a title only when the text calls it a project and it is capitalised like one.
    before, after = text[max(0, quote_start - 30):quote_start], text[quote_end:quote_end + 12]
    called_project = _CALLED_PROJECT_AFTER.match(after) or _CALLED_PROJECT_BEFORE.search(before)
    return bool(called_project) and bool(_TITLE_CASE_WORD.search(inner))


_ZH_ATTRIBUTE_AFTER = re.compile(r"(?:战略|布局|理念|模式|品牌|口号|定位|目标|称号|之称|美誉|愿景|思路)")
_ZH_MANY_BEFORE = re.compile(r"(?:一批|一系列|多个|若干|这些|各类|一些|多项|一大批|最大的|最多的|最高的|首个|又一个?|一个"
                             r"|[0-9０-９]+个|[两二三四五六七八九十几]+个)$")
_ZH_PARTS_BEFORE = re.compile(r"(?:主要建设|配套建设|建设内容(?:主要)?(?:包括|为))[^，。；,;]*$")
_CLAUSE_WORDS = frozenset("a an the is are was were be been its their his her has have had will would to "
                          "plans planned preparing building said says".split())
_AS_A_BEFORE = re.compile(r"\bas (?:an? |the )?$")
_ENTITY_LAST = re.compile(r"\b(?:Company|Companies|Co|Agreement|Contract|Government|Board|Group|Committee|Manager"
                          r"|Team|Owner|Subsidiary|Vehicle|Entity|Parties|Party)\.?$")
_ZH_SLOGAN = re.compile(r"^[一二三四五六七八九十百千]+号(?:工程|项目)$")  # "一号工程": a priority, not a project


def _is_generic_zh(name: str) -> bool:
    if _ZH_SLOGAN.match(name):
        return True
    core = _ZH_HEADS.sub("", name)
    return len(core) < 2 or core in {"重点", "重大", "签约", "招商", "该", "本", "此", "这个", "建设", "投资", "合作"}


# What may stand before a name inside its capitalised run without being part of it: a possessor
# ("Tianqi Lithium's Suining Plant": the company's plant) and a sum written as one hyphenated
# adjective ("the 1.2-billion-yuan Yueyang Fiber Project").
_POSSESSOR = re.compile(r".*['’]s\s+(?=[A-Z])")
_SUM_ADJECTIVE = re.compile(r"(?:(?:US|HK|S)?\$|(?:RMB|USD|CNY)\s?)?\d[\d.,]*-(?:million|billion|trillion)"
                            r"(?:-(?:yuan|dollars?|U\.S\.-dollars?))?\s+(?=[A-Z])")


_SIZE_ADJECTIVE = re.compile(r"\d[\d.,]*-(?:gigawatt|megawatt|kilowatt|GW|MW|kW|tonne|ton|kilometer|kilometre|km|mile"
                             r"|meter|metre|berth|bed|room)s?\s+(?=[A-Z])")  # ("The 1.2-gigawatt Tianshan Station")


def _trim_np(text: str) -> str:
    lead = _LEAD_STOP.match(text)
    text = text[lead.end():] if lead else text
    if "'" in text or "’" in text:
        owner = _POSSESSOR.match(text)
        text = text[owner.end():] if owner else text
    if text[:1].isdigit() or text[:1] in "$URC":
        adjective = _SUM_ADJECTIVE.match(text) or _SIZE_ADJECTIVE.match(text)
        text = text[adjective.end():] if adjective else text
    return text


def _split_enumeration(start: int, name: str) -> list[tuple[int, str]]:
    """"A Park and B Project" (two heads joined by "and") are two names."""
    if "and" not in name:
        return [(start, name)]  # the usual case, answered without _HEADS_AND (tried at every position)
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
            numbered = m.group().lower() in _NUMBERED_HEADS
            phase = (_NUMBER_PHASE_AFTER if numbered else _PHASE_AFTER).match(text, m.end())
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
            if lower_head and (not _UPPER_INITIAL.match(name) or not _CLAUSE_WORDS.isdisjoint(name.lower().split())):
                continue  # ("Yichang is preparing a project": a clause, not a name)
            if "'s " in name or "’s " in name or len(name.split()) < 2:
                continue
            words = _ascii_words(name)
            if _is_generic(name, words) or _has_list_word(name, words) or _is_list_title(name):
                continue
            if _AMOUNT_LEAD.match(name) or _after_location_cue(text, s) or _names_other_than_a_project(text, s, name):
                continue
            head = _last_head(name, words)
            if head in _WEAK_HEADS and _ADMIN_ZONE.search(name):
                continue
            if _is_venue(text, s, head) or _is_site_of_build(text, s, head) or _is_site_of_named(text, s, head):
                continue
            weak = head in _WEAK_HEADS or (_is_office(name, head)
                                           and not _CALLED_PROJECT_AFTER.match(text, s + len(name)))
            out.append(NameMention(offset + s, offset + s + len(name), name, "np", weak))
    return out


def _zh_unquoted_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of `_ZH_UNQUOTED.finditer(text)`, found from its 项目/工程 instead (its lazy repeat
    is otherwise tried at every character of a Chinese text, reading up to 28 characters on).

    A match is 4 to 28 run characters ([\u4e00-\u9fffA-Za-z0-9], or "/" before a digit) and the first
    "anchor" after them (项目 or 工程 not followed by 个/批/类), so the leftmost match after the previous
    one ends at the first anchor with 4 or more run characters between the previous match (or the
    run's start) and it, and starts as far left as it can: up to 28 characters before the anchor."""
    done = 0  # the end of the previous match
    for anchor in _ZH_ANCHOR.finditer(text):
        at = anchor.start()
        lo = max(done, at - _ZH_UNQUOTED_MAX)
        start = at - _ZH_RUN.match(text[lo:at][::-1]).end()
        if at - start >= _ZH_UNQUOTED_MIN:
            phase = _ZH_PHASE_AFTER.match(text, at + 2) if text.startswith("（", at + 2) else None
            done = phase.end() if phase else at + 2
            yield start, done


@lru_cache(maxsize=1)
def _places_holding() -> dict[str, frozenset[str]]:
    """The one-character cut words that are also characters of place names (和 of 泰和, 本 of 本溪), each
    with the names (two to four characters, full or short) that hold it."""
    singles = {w for w in _ZH_CUT_WORDS.split("|") if len(w) == 1}
    lookup = Gazetteer.load().lookup
    names = {n for p in Gazetteer.load().places() for n in (p.name_zh, p.name_zh[:-1]) if 2 <= len(n) <= 4}
    return {c: frozenset(n for n in names if c in n and lookup(n)) for c in singles if any(c in n for n in names)}


def _place_holding(found: str, i: int) -> int:
    """The start of a place name (see `_places_holding`) in `found` that holds the character at `i`, or -1."""
    names = _places_holding()[found[i]]
    for lo in range(max(0, i - 3), i + 1):
        for hi in range(max(i + 1, lo + 2), min(len(found), lo + 4) + 1):
            if found[lo:hi] in names:
                return lo
    return -1


def _zh_name_start(found: str) -> int:
    """Where the name in `found` (text ending in 项目/工程) starts: after its last cut word, unless that
    word is a 及/和 joining two built things into one name ("加氢站及换电站网络项目"): then after the
    cut word before it. (Two names, "A项目和B项目", never meet here: a span ends at its first 项目.)"""
    cut = _ZH_UNQUOTED_CUT.match(found)
    if cut is None:
        return 0
    place = _place_holding(found, cut.end() - 1) if found[cut.end() - 1] in _places_holding() else -1
    if place >= 0:  # "推进泰和县马市镇光伏项目": the 和 of 泰和 cuts nothing; the cut word before the place does
        before = _ZH_UNQUOTED_CUT.match(found[:place])
        return before.end() if before else 0
    joined = found[:cut.end() - 1]  # what the 及/和 would join to the name
    if found[cut.end() - 1] not in "及和" or len(joined) < 3 or joined[-1] in "涉普波危触顾以":
        return cut.end()  # "涉及", "普及": a verb; "以及" is read as "及" was before
    before = _ZH_UNQUOTED_CUT.match(joined)
    left = joined[before.end():] if before else joined
    if len(left) < 3 or _ZH_BUILT_END.search(left) is None and (len(left) < 5 or found[cut.end() - 1] != "及"):
        return cut.end()  # "产业和基础设施项目": kinds of projects, not one name; "枸杞精深加工及冷链仓储项目": one
    return before.end() if before else 0


def _zh_name_ok(name: str) -> bool:
    """Whether an unquoted Chinese span, cut on the left, is long and particular enough to be a name."""
    return not (len(name) < 6 or _is_generic_zh(name) or _LIST_WORDS.search(name) or _ZH_NOT_NAME.search(name)
                or _ZH_COLLECTIVE_END.search(name))


def _after_company(name: str) -> str:
    """`name` past the last company suffix in it (see _ZH_COMPANY_END), if the rest is a name."""
    cut = max(name.rfind(word) + len(word) if word in name else 0 for word in _ZH_COMPANY_END)
    if cut == 0 or not _zh_name_ok(name[cut:]):
        return name  # the usual case: no company in the name
    return name[cut:]


def _zh_unquoted(text: str, offset: int) -> list[NameMention]:
    out = []
    for start, end in _zh_unquoted_spans(text):
        found = text[start:end]
        name = _after_company(found[_zh_name_start(found):])
        if not _zh_name_ok(name):
            continue
        at = end - len(name)
        if _ZH_MANY_BEFORE.search(text, max(0, at - 5), at) or _ZH_PARTS_BEFORE.search(text, max(0, at - 40), at):
            continue  # "一批中小型水利项目": a kind of project; "主要建设厂房、研发楼及公用工程": parts of one;
            # "这是该市引进的单体投资最大的医药健康项目": a kind, praised
        s = offset + at
        labelled = _NAME_LABEL.search(text, max(0, s - offset - 8), s - offset) is not None
        out.append(NameMention(s, s + len(name), name, "label" if labelled else "zh", weak=not labelled))
    return out


# A facility named as what is built, without 项目 or 工程: "在科技城建设南繁种业国际联合研发中心", "新上高档服装
# 智能化生产线10条".
_ZH_BUILT = re.compile(r"(?:投资建设|建设|新建|兴建|打造|新上)([\u4e00-\u9fffA-Za-z0-9]{4,24}?"
                       r"(?:中心|基地|产业园|物流园|园区|工厂|生产线|综合体|电站|码头|港区|产业城|示范区|总部|大厦|研究院))"
                       r"(?=[，。；,;：:]|[0-9]|$)")  # (not before 、: one of the parts a project builds)
# ... or named as what starts or is signed: "钱塘区的杭州钱塘生物医药CDMO产业化基地同日开工", "鲁西南农产品冷链物流园同步签约".
# (Found from the verb, a literal the search skips to, then the name read backwards: a pattern opening
# with the name's characters would be tried at every character of a Chinese text.)
_ZH_STARTED_VERB = re.compile(r"(?:同日|当天|当日|同步|正式|顺利|集中)?(?:开工|动工|签约|开建)(?=[，。；,;])")
_ZH_STARTED_NAME = re.compile("(?:" + "|".join(h[::-1] for h in "基地 产业园 物流园 园区 综合体 产业城 数据中心 研发中心".split())
                              + r")[\u4e00-\u9fffA-Za-z0-9]{2,20}")  # (in the reversed text: the head first)
# Neither is a name where its sentence, before it, names a project or an agreement ("签订X项目协议，将建设Y"),
# says what one builds ("主要建设…"), or speaks of a party to a deal told before ("根据协议，乙方将建设Y",
# "这家企业将在…建设Y"): it is then a part of that project.
_ZH_PART_OF_NAMED = re.compile(r"项目|工程|协议|主要|配套|内容|乙方|甲方|这家|该企业|该公司")


def _zh_started(text: str) -> list[tuple[int, int]]:
    """Spans of facilities named as what starts or is signed (see _ZH_STARTED_VERB)."""
    out = []
    for verb in _ZH_STARTED_VERB.finditer(text):
        lo = max(0, verb.start() - 24)
        run = _ZH_STARTED_NAME.match(text[lo:verb.start()][::-1])  # the name read backwards from its head
        if run is not None:
            out.append((verb.start() - run.end(), verb.start()))
    return out


def _zh_built(text: str, offset: int) -> list[NameMention]:
    out = []
    spans = [(m.start(1), m.end(1), m.start()) for m in _ZH_BUILT.finditer(text)] \
        + [(s, e, s) for s, e in _zh_started(text)]
    for run_start, run_end, verb_or_name in spans:  # (where the words of its sentence before it end)
        run = text[run_start:run_end]
        name = run[_zh_name_start(run):]
        if not _zh_name_ok(name):
            continue
        start = run_end - len(name)
        sentence = max(text.rfind(c, 0, verb_or_name) for c in "。！？；\n") + 1
        if _ZH_PART_OF_NAMED.search(text, sentence, verb_or_name):
            continue
        out.append(NameMention(offset + start, offset + run_end, name, "zh", weak=True))
    return out


def find_names(text: str, offset: int = 0, zh: bool = False) -> list[NameMention]:
    """Project names in `text` (offsets shifted by `offset`), non-overlapping, quoted ones first."""
    quotes, headings = [], []
    for m in _QUOTED.finditer(text):
        (headings if m.lastindex == 4 and _is_bold_heading(text, m) else quotes).append(m)
    found = _quoted(text, offset, quotes)
    # The quotes do not overlap, nor do the titles in them: both are in order of start and of end.
    quote_starts = [offset + m.start() for m in quotes]
    quote_ends = [offset + m.end() for m in quotes]
    title_starts = [t.start for t in found]
    title_ends = [t.end for t in found]
    extra = _np(text, offset, zh) + _en_routes(text, offset) + (
        _zh_unquoted(text, offset) + _zh_built(text, offset) + _zh_routes(text, offset) if zh
        else _described_names(text, offset))
    for m in headings:  # a bold subheading is read as plain text: a heading may still name a project
        extra += _np(m.group(4), offset + m.start(4), zh)
    extra_end = -1  # the furthest end of the names kept from `extra`, which all start before `n`
    for n in sorted(extra, key=lambda n: (n.start, -(n.end - n.start))):
        # Only the last quote opening at or before the name can hold it.
        k = bisect_right(quote_starts, n.start) - 1
        if k >= 0 and n.end <= quote_ends[k]:
            continue
        # The last title starting at or before the name's end reaches furthest to the right.
        k = bisect_right(title_starts, n.end) - 1
        if (k >= 0 and title_ends[k] >= n.start) or extra_end >= n.start:
            continue  # overlaps (or touches) a title or a name already kept
        found.append(n)
        extra_end = max(extra_end, n.end)
    return _without_retellings(sorted(map(partial(_with_phase_before, text, offset), found), key=lambda n: n.start))


# A road, railway or line named by its ends, without 项目 or 工程: "桂林至贺州城际铁路", "隰县至吉县高速公路".
# (With 项目 after it, the name is read as any other.) Found from 至, a literal the search skips to.
_ZH_ROUTE = re.compile(r"至([\u4e00-\u9fff]{1,6}?)(城际铁路|高速铁路|铁路|高速公路|一级公路|快速路|输电线路|输气管道)"
                       r"(?![\u4e00-\u9fff]{0,4}(?:项目|工程))")


def _zh_routes(text: str, offset: int) -> list[NameMention]:
    """Routes named by their two ends (see _ZH_ROUTE): a weak name (kept when a sum or a builder ties
    it). The first end is the run of two to six characters before 至, after the last cut word."""
    out = []
    for m in _ZH_ROUTE.finditer(text):
        lo = max(0, m.start() - 8)
        run = _ZH_RUN_BEFORE.search(text, lo, m.start())
        if run is None:
            continue
        before = run.group()
        cut = _ZH_UNQUOTED_CUT.match(before)
        first = before[cut.end():] if cut else before
        first = first[2:] if first.startswith(("新建", "扩建", "续建", "改建")) else first  # (what is done to it)
        if 2 <= len(first) <= 6:
            start = m.start() - len(first)
            out.append(NameMention(offset + start, offset + m.end(), text[start:m.end()], "zh", True))
    return out


_ZH_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
# The same in English news, which writes the kind in lower case: "the Aksu-Kuqa intercity railway", "the
# Ruoqiang-Minfeng 750-kilovolt transmission line". Found from the kind's last word (str.find: faster than
# any pattern over the whole text); the two capitalised ends joined by a hyphen are read backwards from it.
_EN_ROUTE_WORDS = ("railway", "rail line", "expressway", "highway", "transmission line", "pipeline", "waterway", "canal")
_EN_ROUTE_ENDS = re.compile(r"(?<![\w-])[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)+(?: [\d,.]+-(?:kilovolt|kV))?"
                            r" (?:(?:intercity|high-speed|gas) )?$")
_EN_ROUTE_NOT_AFTER = re.compile(r"\w| (?:[A-Z]|project|company|group|station)")


def _en_routes(text: str, offset: int) -> list[NameMention]:
    """Routes named by their two ends in English (see _EN_ROUTE_WORDS): weak names."""
    out = []
    for word in _EN_ROUTE_WORDS:
        for at in occurrences(text, word):
            end = at + len(word)
            if _EN_ROUTE_NOT_AFTER.match(text, end):
                continue  # ("the X-Y Railway Company", "pipelines")
            ends = _EN_ROUTE_ENDS.search(text, max(0, at - 60), at)
            if ends is not None and not _after_location_cue(text, _start_of_article(text, ends.start())):
                # (not "beside the X expressway": where something is)
                out.append(NameMention(offset + ends.start(), offset + end, text[ends.start():end], "np", True))
    return sorted(out, key=lambda n: n.start)


def _start_of_article(text: str, start: int) -> int:
    """Where "the " before `start` begins, if it is there."""
    return start - 4 if text.endswith(("the ", "The "), 0, start) else start


# "Phase II of the X Project": the phase is part of the name (Phase II and Phase III are two records).
_PHASE_OF = re.compile(r"(?:Phase|Stage)\s+(?:I{1,3}|IV|V|[1-9]|One|Two|Three|Four)\s+of\s+(?:the\s+)?$")


def _with_phase_before(text: str, offset: int, name: NameMention) -> NameMention:
    start = name.start - offset
    if name.source != "np" or not text[max(0, start - 4):start].endswith(("of ", "the ")):
        return name
    phase = _PHASE_OF.search(text, max(0, start - 30), start)
    if phase is None:
        return name
    return replace(name, start=offset + phase.start(), text=text[phase.start():name.end - offset])


def _without_retellings(names: list[NameMention]) -> list[NameMention]:
    """Described names that open with a word of a proper name found in the text refer back to that
    project ("the Chengxi container terminal" after "Chengxi Port Container Terminal Phase II")."""
    named_words = {w for n in names if n.source != "described" for w in n.text.split() if w[:1].isupper()}
    return [n for n in names if n.source != "described" or n.text.split()[0] not in named_words]


def _described_names(text: str, offset: int) -> list[NameMention]:
    return [NameMention(offset + start, offset + end, text[start:end], "described", weak=True)
            for start, end in described_spans(text)]
