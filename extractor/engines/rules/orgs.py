"""Organisation names in English and Chinese, found by their legal or administrative suffix.

English: a run of capitalised words ending in a suffix ("... Co., Ltd.", "... People's Government",
"... Department of Industry and Information Technology"). Chinese: CJK characters before a suffix
(有限公司, 集团, 人民政府, 委员会, 局 ...), cut on the left at function words such as 由, 与, 和.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

from extractor.engines.rules.cues import ORIGIN_WORDS
from extractor.engines.rules.phrases import by_first_letter, first_characters
from extractor.normalize.places import Gazetteer

_GOV_EN = (r"People's Government|Government|government|Management Committee|Commission|Committee|Bureau"
           r"|administrative committee|management committee"
           r"|Administration|Department|Ministry|Office|Council|Authority|Agency")
_OF_TAIL = r"(?: of(?: (?:and|&|the)| [A-Z][\w'’&-]*| \([A-Z][a-z]+\))+)?"  # (of the China (Guangxi) Pilot ...)
# Legal forms of companies outside China ("Domaine Valcour SA", "Nordfibre AB"), dotted forms first.
# Short capitals that are often something else ("SE" a compass point, "AS" a word) are left out.
_FOREIGN_LEGAL = (r"Limited|Plc|LLP|S\.p\.A\.|SpA|S\.r\.l\.|Srl|S\.A\.S\.|SAS|S\.A\.|SA|AG|AB|N\.V\.|NV"
                  r"|B\.V\.|BV|Oyj|Oy|ASA|A/S|Sdn\.? Bhd\.?|Bhd\.?")
_EN_SUFFIX = re.compile(  # no leading \b (slow): the word start is checked in _find_en
    r"(?:(?P<co>(?:Group |Holdings? )?(?:Co\.,? ?Ltd\.?|Co\., Limited|Company Limited|Pte\.? Ltd\.?|Ltd\.?"
    rf"|Inc\.?|Corp(?:oration|\.)?|LLC|GmbH|PLC|{_FOREIGN_LEGAL}|Holdings|Group|Company|Bank|Exchange|Co\.?))"
    rf"|(?P<gov>(?:{_GOV_EN}){_OF_TAIL})"
    r"|(?P<inst>(?:University|Institute|Academy|Association|Alliance|Federation|Chamber of Commerce|Cooperative)"
    rf"{_OF_TAIL}))(?![\w-])")
# The first word (or its first letters) of every alternative of _EN_SUFFIX. An alternation of plain
# literals lets the regex engine skip ahead to its possible first letters, so searching for it
# finds the few places worth a full _EN_SUFFIX match (which opens with groups, so cannot skip
# ahead) far faster than trying it at every capital letter.
_EN_SUFFIX_TRIGGER = re.compile(by_first_letter(
    "Group|Holding|Co|Pte|Ltd|Inc|LLC|GmbH|PLC|Bank|Exchange"  # Co: Co., Company, Corp, Commission ...
    "|Limited|Plc|LLP|S.|SpA|Srl|SAS|SA|AG|AB|N.|NV|B.|BV|Oy|ASA|A/S|Sdn|Bhd"
    "|People's|Government|government|Management|Bureau|Administration|Department|Ministry|Office|Authority|Agency"
    "|administrative|management"
    "|University|Institute|Academy|Association|Alliance|Federation|Chamber|Cooperative"))
_EN_WORD = re.compile(r"(?:[A-Z][\w'’.&-]*|\d[\w-]*|\([A-Z][^()]{0,30}\)|&|\+)$")
_CONTINUES = re.compile(r" (?:[A-Z][a-z]|&)")
_EN_CONNECT = {"and", "of", "&", "for", "the"}
# "Singapore-based X Pte. Ltd.", "Hong Kong-headquartered X Ltd.": the place says where the company is
# from and is not part of its name (the last such word ends the prefix).
_PLACE_BASED_PREFIX = re.compile(rf".*[\w)]-(?:{'|'.join(ORIGIN_WORDS)})\s+(?=\S)")
_EN_LEAD_STOP = {"the", "a", "an", "this", "that", "these", "its", "his", "their", "in", "on", "at", "by",
                 "for", "with", "among", "and", "also", "both", "then", "afterwards", "however", "according",
                 "from", "to", "as", "of", "it", "after", "before", "while", "when", "last", "next", "said",
                 "since", "under", "but", "or", "if", "one", "two", "meanwhile", "besides", "moreover"}


# _en_left_edge's walk as a regex over the reversed text, built from pieces that each read one
# token backwards (the tokens being "(...)" groups and runs of other characters than whitespace and
# ,;:"“”(); tests/test_rules_name_scans.py walks them forwards to check the regex). A word token is a maximal run of characters that are neither
# whitespace nor ,;:"“”() (so each piece checks that the run ends there: _R_END); a "(...)" token
# is read from its ")" back to the nearest "(" (the forward scan opens it at that "("). "&" is both
# a name word and a connector: the regex may read it either way (it backtracks), ending where the
# walk ends.
def _any_case_reversed(words: set[str]) -> str:
    """The lower-case ASCII `words`, reversed, as a regex for the tokens whose .lower() is one of
    them: the same letters in any case ([Tt][Hh][Ee]); no other character lowers to an ASCII letter
    but the Kelvin sign (to "k", in none of these words), which is why IGNORECASE is not used.
    Grouped by their last letter, so that the regex engine tries one branch per token, not all."""
    def any_case(letters: str) -> str:
        return "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in letters)
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[-1], []).append(word[-2::-1])
    return "|".join(f"{any_case(last)}(?:{'|'.join(any_case(rest) for rest in rests)})"
                    for last, rests in groups.items())


_R_GAP = r"[^\S\n]*"  # whitespace without a line break, maybe none
_R_END = r'(?![^\s,;:"“”()])'  # the word token ends here
# A word that ends a sentence ("... in Harbin. Heilongjiang X Co., Ltd."): a lower-case letter or a
# digit before a final period. (Initials keep theirs: "U.S. Steel".)
_R_SENTENCE_END = r"\.[a-z0-9]"
_R_NAME_WORD = (  # a token that _EN_WORD matches and that is not a _EN_LEAD_STOP word
    rf"(?!(?:{_any_case_reversed(_EN_LEAD_STOP)}){_R_END}|{_R_SENTENCE_END})[\w'’.&-]*[A-Z]{_R_END}"
    rf"|[\w-]*\d{_R_END}|\)[^()]{{0,30}}[A-Z]\(|&{_R_END}|\+{_R_END}")
_R_CONNECTOR = rf"(?:{_any_case_reversed(_EN_CONNECT)}){_R_END}"
_NAME_BEFORE_REVERSED = re.compile(
    rf"{_R_GAP}(?:{_R_NAME_WORD})(?:(?:{_R_GAP}{_R_CONNECTOR})*{_R_GAP}(?:{_R_NAME_WORD}))*")
_ZH_SUFFIX = re.compile(
    r"(?P<co>(?:集团)?(?:股份|控股)?有限(?:责任)?公司|私人有限公司|集团|公司|银行|交易所|株式会社|会社|合作社)"
    r"|(?P<gov>人民政府办公厅|政府办公厅|人民政府|管理委员会|管委会|委员会|发展改革委|发改委|经信委|工信委|商务委|国资委|住建委|科委|工信厅|政府|局|厅|办公室)"
    r"|(?P<inst>研究院|研究所|大学|学院|医院|协会|联盟|商会)")
_ZH_SUFFIX_TRIGGER = re.compile(by_first_letter(  # the first words of _ZH_SUFFIX's alternatives
    "集团|股份|控股|有限|私人有限公司|公司|银行|交易所|株式会社|会社|合作社"
    "|人民政府|管理委员会|管委会|委员会|发展改革委|发改委|经信委|工信委|商务委|国资委|住建委|科委|工信厅|政府|局|厅|办公室"
    "|研究院|研究所|大学|学院|医院|协会|联盟|商会"))
_ZH_CHARS = re.compile(r"[\u4e00-\u9fff（）()A-Za-z0-9·]+$")
# Characters or words that cannot be inside an organisation name and mark its left edge.
_ZH_LEFT_CUT_WORDS = (
    r"获得|获|经(?=[\u4e00-\u9fff]{2,20}(?:批准|核准|同意))|报请|通过|根据|按照|由|与|同|跟|向|对|在|为|是|将|把|被|从|于|据|以|等|其|该|这家|这|由|的|了|和(?!改革|信息化|规划|社会|城乡|旅游|自然资源|体育)"
    r"|及|并|签约|签订|签署|投资|建设|承建|引进|实施|成立|设立|组建|表示|介绍|透露|出席|会同|联合|携手|及其|旗下|子公司|包括"
    r"|还有|另有|也有|既有|代表|他们|他|她|签下|则|国有企业|国企|央企|民营企业|龙头企业|区属|市属|省属|县属|当属|项目单位|建设单位|实施单位|业主单位|批复|核准|批准|印发")


def _last_of(words: str) -> re.Pattern:
    """The text up to the end of the last of `words`: .* backtracks from the right, and the lookahead
    (the words' first characters) saves trying every word at each position where none can start."""
    return re.compile(rf".*(?={first_characters(words)})(?:{words})")


_ZH_LEFT_CUT = _last_of(_ZH_LEFT_CUT_WORDS)
_ZH_LEFT_CUT_KEEP_DE = _last_of(_ZH_LEFT_CUT_WORDS.replace("|的|", "|"))
_ZH_MAX = 24
_NEEDS_PLACE = {"局", "厅", "政府", "办公室"}
# A body named by its level alone, as news does after the full name: 省发改委, 市发展改革委, 县发改局.
LEVEL_BODY = re.compile(r"[省市县区](?:发改委|发展改革委|发展和改革委员会|发改局|发展改革局|商务局|商务厅|人民政府|政府)")
_ADMIN_WORD = re.compile(r"[省市县区州]|国家|中国|自治")
_GENERIC_ZH = {"公司", "该公司", "本公司", "子公司", "集团", "政府", "办公室", "委员会", "管委会", "局"}
# A company named only by what it is, not who: "项目公司" (the project company), "合资公司", "全资子公司".
_GENERIC_ZH_COMPANY = re.compile(
    r"(?:该|本|其|此|新设|新|全资|控股|下属|关联|合资|合营|合作|项目|平台|运营|母|子|孙|分|参股|独资|外资|国有|民营|上市)+"
    r"(?:子公司|分公司|公司|集团)")
# "由该公司", "与这家企业": the company named before, referred to (see cues.ANAPHOR_COMPANY), not a name.
_ZH_THE_COMPANY = re.compile(r"[由与和将把被向对][该本其此这](?:家)?(?:公司|企业|集团)")
# Words ending in 局 or 厅 that are no bureau or department: "在潞州区布局" (lays out), "格局", "大局";
# "大厅" (a hall), "餐厅".
_NOT_OFFICE = re.compile(r"[布格开结大时变破僵出定残骗饭棋赌胜终]局|[大餐展客歌舞门前]厅")


# Short names a text defines in parentheses right after a company's full name: 'X Co., Ltd. ("X" or
# "the Group")', "X有限公司（以下简称“X”）". Only quoted words count: "(Gansu)" says where, not what.
_DEFINED_PAREN = re.compile(r"[ \t]*[(（]([^()（）\n]{2,80})[)）]")
_DEFINED_SHORT = re.compile(r'["“「]([^"“”「」\n]{2,40})["”」]')


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    text: str
    kind: str  # "company", "government", "institution"
    short_names: tuple[str, ...] = ()  # defined by the text right after the name (_DEFINED_PAREN)

    @property
    def is_company(self) -> bool:
        return self.kind == "company"


def _kind(m: re.Match) -> str:
    return "company" if m["co"] else "government" if m["gov"] else "institution"


def _en_left_edge(text: str, suffix_start: int, floor: int) -> int:
    """Walk left over capitalised words and inner connectors; return the start of the name.

    The walk, over the tokens of the window before the suffix (nearest first, separated by
    whitespace without a line break): a name word (_EN_WORD, not a _EN_LEAD_STOP word) moves the
    start to it; a connector (_EN_CONNECT) after at least one name word is passed over; anything
    else ends the walk. _NAME_BEFORE_REVERSED does exactly this in one match over the reversed
    window (the regex engine instead of a Python step per word)."""
    lo = max(floor, suffix_start - 160)
    run = _NAME_BEFORE_REVERSED.match(text[lo:suffix_start][::-1])
    return suffix_start - run.end() if run else suffix_start


def _suffix_matches(suffix: re.Pattern, trigger: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of `suffix.finditer(text)`, tried only where `trigger` (the first words of its
    alternatives, a plain alternation the regex engine skips ahead to) is found. After a failed try
    the trigger is searched again from the next character, so no start inside a hit ("Government"
    in "People's Government") is passed over; after a match, from its end, as finditer does."""
    pos = 0
    while True:
        hit = trigger.search(text, pos)
        if hit is None:
            return
        m = suffix.match(text, hit.start())
        if m is None:
            pos = hit.start() + 1
        else:
            yield m
            pos = m.end()


def _skip_partner_before_and(text: str, start: int, suffix_start: int) -> int:
    """"Haixin and Zhejiang Yongxin Materials Co., Ltd." names two companies: a Chinese company's full
    name opens with its place, so a place word right after " and " starts the name, unless the words
    before "and" open with a place too ("Guangdong and Hong Kong Trading Co.")."""
    head = text[start:suffix_start]
    cut = head.rfind(" and ")
    if cut < 0:
        return start  # the usual case
    first_before, _, _ = head.partition(" ")
    after = head[cut + 5:].split(" ", 1)[0]
    places = Gazetteer.load()
    if not after or not places.lookup(after) or places.lookup(first_before):
        return start
    return start + cut + 5


def _skip_speaker(text: str, start: int, suffix_start: int) -> int:
    """'said Zhao Li of the Hebei ... Commission': the speaker before "of (the)" is no part of the name."""
    if not text.endswith(("said ", "says ", "told ", "to "), 0, start):
        return start  # the usual case
    of = _SPEAKER_OF.match(text, start, suffix_start)
    return of.end() if of else start


_SPEAKER_OF = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}of (?:the )?(?=[A-Z])")


def _skip_place_based(text: str, start: int, suffix_start: int) -> int:
    """The name's start after a "<Place>-based " prefix, if a name word is left before the suffix."""
    if "-" not in text[start:suffix_start]:
        return start  # the usual case
    prefix = _PLACE_BASED_PREFIX.match(text, start, suffix_start)
    return prefix.end() if prefix and prefix.end() < suffix_start else start


# "the Yueyang Fiber Project of Hunan X Co., Ltd.": a project "of" its company; the company's name
# starts after the "of" that follows a project's head word.
_PROJECT_OF = re.compile(r".*\b(?:Project|Plant|Base|Factory|Facility|Platform|Programme|Expansion|Upgrade|Phase"
                         r"|Centre|Center|Park|Line|Station|Terminal|Mine|Fab|Gigafactory|Campus|Hub|Mill|Smelter|Refinery"
                         r"|[IV]+)[^\S\n]+of[^\S\n]+(?=[A-Z])")


def _skip_project_of(text: str, start: int, suffix_start: int) -> int:
    if " of " not in text[start:suffix_start]:
        return start  # the usual case
    project = _PROJECT_OF.match(text, start, suffix_start)
    return project.end() if project and project.end() < suffix_start else start


_LOWER_BODIES = ("administrative committee", "management committee")  # "the administrative committee of X Zone"
_LEVEL_BEFORE = re.compile(r"(?:municipal|provincial|district|county|city|prefectural|local) $")

# "the" belongs inside a name only after "of" or "for" ("Ministry of the Interior", "Fund for the
# Arts"); after another word it opens a new noun phrase: "On March 4 the Hubei ... Commission".
_ARTICLE_AFTER = re.compile(r"(\S+)[^\S\n]+[Tt][Hh][Ee][^\S\n]+")
_ARTICLE_INSIDE_AFTER = {"of", "for"}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# A date or weekday that opens the words before a suffix dates the sentence and is not part of the
# name: "On March 4 Hubei Provincial ...", "On Tuesday Gansu ...". A number alone (a year, or a day
# after "Sept.", where the walk stopped) only after a preposition, a month or a day and comma
# (where the walk stopped: "In 2025 Anhui ...", "On Sept. 9 Wuhan ...", "On May 9, 2025 Wuhan ..."):
# names open with years too ("the 2008 Games Organising Committee").
_LEADING_DATE = re.compile(
    rf"(?:{_MONTH}[^\S\n]+{_DAY}(?:,?[^\S\n]+{_YEAR})?|{_DAY}[^\S\n]+{_MONTH}(?:[^\S\n]+{_YEAR})?"
    rf"|{_MONTH}[^\S\n]+{_YEAR}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?[^\S\n]+")
_DATE_OPENINGS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
                  "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}  # the first letters of _LEADING_DATE's words
_LEADING_NUMBER = re.compile(rf"(?:{_YEAR}|{_DAY}(?:,?[^\S\n]+{_YEAR})?),?[^\S\n]+")
_DATE_WORD_BEFORE = re.compile(
    rf"(?<![\w-])(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Tt]hrough|{_MONTH}|{_DAY},)[^\S\n]+$")
# Words that make a common noun of a company, not a name: "the Project Company", "a Joint Venture Co."
_GENERIC_EN_WORDS = re.compile(
    r"(?:(?:[Pp]roject|[Jj]oint|[Vv]enture|JV|[Pp]arent|[Hh]olding|[Oo]perating|[Nn]ew|[Ss]pecial|[Pp]urpose"
    r"|[Ss]ubsidiary|[Ll]ocal|[Ll]isted)[^\S\n]+)+")


# A parenthesis that opens the words before a suffix closes the name before them: "Nordfibre AB
# (Sweden) and Lindqvist Pumps Co.": the walk took "(Sweden)" as a word of the second name.
_LEADING_PAREN = re.compile(r"\([^()]*\)(?:[^\S\n]+(?:and|of|for|&|the))*[^\S\n]+")


# A place or country owning the name: "Singapore's", "Hong Kong's", "Hubei's".
_OWNER = re.compile(r"((?:[A-Z][a-z]+\s)?[A-Z][A-Za-z.]+)['’]s\s+(?=[A-Z])")
_COUNTRIES = frozenset((
    "Singapore", "Germany", "Japan", "Korea", "South Korea", "Taiwan", "Macao", "Macau", "America", "U.S.", "US",
    "Britain", "UK", "France", "Italy", "Spain", "Netherlands", "Sweden", "Denmark", "Norway", "Finland",
    "Switzerland", "Austria", "Belgium", "Israel", "India", "Thailand", "Malaysia", "Indonesia", "Vietnam",
    "Australia", "Canada", "Brazil", "Russia", "Qatar", "China", "Hong Kong"))


def _is_place(word: str) -> bool:
    return word in _COUNTRIES or bool(Gazetteer.load().lookup(word))


def _trim_lead(text: str, start: int, suffix_start: int) -> int:
    """The name's start past a parenthesis, a date and an article that the left walk ran over (see
    _LEADING_PAREN, _ARTICLE_AFTER, _LEADING_DATE): the walk takes "(...)" groups, numbers and
    capitalised words, and "the" as a connector."""
    if text[start] == "(":
        paren = _LEADING_PAREN.match(text, start, suffix_start)
        start = paren.end() if paren else start
    head = text[start:suffix_start]
    if "he " in head:  # the usual case has no "the"
        cuts = [m.end() for m in _ARTICLE_AFTER.finditer(head) if m.group(1).lower() not in _ARTICLE_INSIDE_AFTER]
        if cuts:
            start, head = start + cuts[-1], head[cuts[-1]:]
    if "s " in head and (owner := _OWNER.match(head)) and _is_place(owner.group(1)):
        return start + owner.end()  # "Singapore's Skyreach Aerospace Pte Ltd": where it is from
    if not (head[:1].isdigit() or head[:3] in _DATE_OPENINGS):
        return start  # the usual case: no date
    date = _LEADING_DATE.match(head)
    if date is None and _DATE_WORD_BEFORE.search(text, max(0, start - 12), start):
        date = _LEADING_NUMBER.match(head)
    return start + date.end() if date else start


def _is_generic_en(text: str, start: int, suffix_start: int) -> bool:
    return _GENERIC_EN_WORDS.fullmatch(text, start, suffix_start) is not None


def _find_en(text: str) -> list[OrgMention]:
    out: list[OrgMention] = []
    floor = 0
    for m in _suffix_matches(_EN_SUFFIX, _EN_SUFFIX_TRIGGER, text):
        if m.start() < floor or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")):
            continue
        if not m["co"] or not m.group().endswith("."):
            if _CONTINUES.match(text, m.end()):
                continue  # "Hunan Smart Government Blockchain Technology Co., Ltd.": not the end yet
        start = _en_left_edge(text, m.start(), floor)
        if start == m.start() and m.group().startswith("government"):
            # "the Shenzhen municipal government": the place before a lower-case level word
            level = _LEVEL_BEFORE.search(text, max(floor, m.start() - 16), m.start())
            if level is not None:
                start = _en_left_edge(text, level.start(), floor)
                start = m.start() if start == level.start() else start
        start = _trim_lead(text, start, m.start())
        if start == m.start() and not (m["gov"] and (m.group()[0].isupper() or m.group().startswith(_LOWER_BODIES))
                                       and " of " in m.group() and m.group().rsplit(" ", 1)[-1][:1].isupper()):
            continue  # a bare suffix ("the Bureau", "Group", "the government") is not a name; "the
            # People's Government of Shanxi Province" is
        if m["co"] and _is_generic_en(text, start, m.start()):
            continue  # "the Project Company"
        start = _skip_place_based(text, _skip_speaker(text, start, m.start()), m.start())
        if m["co"]:
            start = _skip_project_of(text, _skip_partner_before_and(text, start, m.start()), m.start())
        name = text[start:m.end()]
        if m["co"] and name.endswith("Ltd") and text[m.end():m.end() + 1] == ".":
            name += "."
        out.append(OrgMention(start, start + len(name), name, _kind(m)))
        floor = start + len(name)
    return out


# Trade words that follow a company's brand ("华为技术", "云桥数据科技"): a name made of them alone
# has lost its brand to a cut.
_ZH_TRADE_WORDS = re.compile(
    r"(?:技术|科技|数据|信息|网络|智能|新能源|能源|新材料|材料|电子|实业|发展|投资|贸易|经济|交易|物流|药业|医药"
    r"|生物|环保|工程|置业|文化|旅游|传媒|服务|管理|咨询|制造|装备|汽车|电力|储能|半导体|通信|软件|数字|国际|产业"
    r"|建设|开发|运营)*$")


def _places_start(prefix: str) -> int:
    """Where the run of place names that ends `prefix` starts ("与芜湖市鸠江区" -> 1): a government is
    named by its places, which a cut word may sit inside ("无为市人民政府": 为)."""
    start = len(prefix)
    for match in reversed(Gazetteer.load().find(prefix)):
        if match.end != start:
            break
        start = match.start
    return start


# Countries that open the names of foreign companies ("泰国X集团有限公司", "新加坡X私人有限公司"), which
# the gazetteer of Chinese places does not hold.
_ZH_COUNTRY = re.compile(r"(?:中国|新加坡|马来西亚|泰国|越南|印度尼西亚|印尼|菲律宾|日本|韩国|美国|加拿大|英国|法国|德国"
                         r"|意大利|西班牙|荷兰|瑞士|瑞典|丹麦|挪威|芬兰|奥地利|比利时|以色列|印度|澳大利亚|新西兰|巴西"
                         r"|俄罗斯|卡塔尔|沙特|阿联酋|香港|澳门|台湾)")


def _opens_with_place(s: str) -> bool:
    if _ZH_COUNTRY.match(s):
        return True
    found = Gazetteer.load().find(s[:8])
    return bool(found) and found[0].start == 0


# Words that cut a name as verbs but are also words of names: 联合 ("united"), 投资 (an investment
# company: "鞍山高新区国有资本投资运营有限公司").
_NAME_WORDS_ALSO_VERBS = ("联合", "投资")
# Connectors that are also characters of brands after a place: "北京同康健本生物医药有限公司".
_CONNECTORS_IN_NAMES = "同和"


def _united_in_name(prefix: str, united_end: int) -> bool:
    """Whether the 联合 (or 投资, see _NAME_WORDS_ALSO_VERBS) ending at `united_end` is a word of the
    company's name ("暹罗联合农产集团", "中国联合网络通信集团": "united"), not the verb "together
    with" ("A公司联合江苏X有限公司"). A Chinese legal name opens with its place or country: 联合 is
    inside one when the words before it open with a place and the words after it do not (a partner's
    name after the verb would)."""
    width = 1 if prefix[united_end - 1] in _CONNECTORS_IN_NAMES else 2
    before = _ZH_LEFT_CUT.match(prefix, 0, united_end - 1)
    opening = prefix[before.end() if before else 0:united_end - width]
    after = prefix[united_end:]
    return len(opening) >= 2 and len(after) >= 2 and _opens_with_place(opening) and not _opens_with_place(after)


# Words that cut a name as verbs but also name what a bureau is for: 住房和城乡建设局, 投资促进局.
_NAME_WORDS_ALSO_VERBS_GOV = ("建设", "投资")


def _word_in_body_name(prefix: str, word_end: int) -> bool:
    """Whether the two-character word ending at `word_end` is inside a government body's name: the
    words before it open with a place or a level ("由汉寿县住房和城乡建设局", "省住房和城乡建设厅"), as a
    body's name does."""
    before = _ZH_LEFT_CUT.match(prefix, 0, word_end - 2)
    opening = prefix[before.end() if before else 0:word_end - 2]
    return len(opening) >= 2 and (opening[0] in "省市县区" or _opens_with_place(opening))


def _zh_name_start(prefix: str, company: bool) -> int:
    """Where the name starts in `prefix` (the run of characters before the suffix): after the last
    word that cannot be inside a name ("由", "与", "签约" ...). For a company, not where that leaves
    fewer than two characters of brand before its trade words: the word was inside the brand
    ("由华为技术有限公司": 为; "以岭药业": 以), so the cut moves to the word before it."""
    end = len(prefix)
    while True:
        cut = _ZH_LEFT_CUT.match(prefix, 0, end)
        if cut is None:
            places = len(prefix) if company else _places_start(prefix)
            if places < len(prefix):
                return places  # "经四川省发展改革委": 经's cue lies past the suffix
            return 1 if not company and len(prefix) >= 2 and prefix[0] in "经由据从向对在与" else 0  # "经省政府同意"
        if len(prefix) - cut.end() < 2:
            keep_de = _ZH_LEFT_CUT_KEEP_DE.match(prefix, 0, end)  # "美的集团": 的 can be part of a short brand
            cut = keep_de or cut
        if not company:
            if prefix.endswith(_NAME_WORDS_ALSO_VERBS_GOV, 0, cut.end()) and _word_in_body_name(prefix, cut.end()):
                end = cut.end() - 1  # "汉寿县住房和城乡建设局", "常德市投资促进局": the word names the bureau
                continue
            return min(cut.end(), _places_start(prefix))
        if (prefix.endswith(_NAME_WORDS_ALSO_VERBS, 0, cut.end()) or prefix[cut.end() - 1] in _CONNECTORS_IN_NAMES) \
                and _united_in_name(prefix, cut.end()):
            end = cut.end() - 1
            continue
        brand = prefix[cut.end():]
        if len(brand[:_ZH_TRADE_WORDS.search(brand).start()]) >= 2:
            return cut.end()
        end = cut.end() - 1


def _find_zh(text: str) -> list[OrgMention]:
    out: list[OrgMention] = []
    floor = 0
    for m in _suffix_matches(_ZH_SUFFIX, _ZH_SUFFIX_TRIGGER, text):
        if m.start() < floor:
            continue
        lo = max(floor, m.start() - _ZH_MAX)
        left = _ZH_CHARS.search(text, lo, m.start())
        if not left:
            continue
        start = left.start() + _zh_name_start(left.group(), m.lastgroup == "co")
        name = text[start:m.end()]
        if len(name) - len(m.group()) < 2 and not LEVEL_BODY.fullmatch(name) \
                or name in _GENERIC_ZH or _GENERIC_ZH_COMPANY.fullmatch(name) or "某" in name \
                or _ZH_THE_COMPANY.search(name) or "是" in name[1:] \
                or name.endswith("子公司") and _GENERIC_ZH_COMPANY.search(name):
            continue  # ("在华全资子公司": what the company named next is, not a name; "本次投资是公司": a clause)
        if m.group() in _NEEDS_PLACE and (not _ADMIN_WORD.search(name) or _NOT_OFFICE.match(text, m.end() - 2)):
            continue  # "布局", "格局": 局 ends many words that are not bureaus
        out.append(OrgMention(start, m.end(), name, _kind(m)))
        floor = m.end()
    return _merge_adjacent(out)


def _merge_adjacent(orgs: list[OrgMention]) -> list[OrgMention]:
    """"江西南康港通物流集团有限公司" matches 集团 then 有限公司: keep the longer, joined name."""
    out: list[OrgMention] = []
    for o in orgs:
        if out and out[-1].end == o.start and out[-1].is_company:
            prev = out.pop()
            o = OrgMention(prev.start, o.end, prev.text + o.text, o.kind)
        out.append(o)
    return out


# Where an organisation is, between its name and the parenthesis defining its short name: "the People's
# Government of Luotian County, Huanggang City, Hubei Province, the PRC (the "County Government")".
_ADDRESS_TAIL = re.compile(r"(?:,[ \t]+(?:the[ \t]+)?[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,3}){1,4}(?=[ \t]*[(（])")


def _with_short_names(text: str, org: OrgMention) -> OrgMention:
    """`org` with the short names that a parenthesis right after it (or after its address) defines
    (see _DEFINED_PAREN)."""
    paren = _DEFINED_PAREN.match(text, org.end)
    if paren is None and text.startswith(",", org.end):
        address = _ADDRESS_TAIL.match(text, org.end)
        paren = _DEFINED_PAREN.match(text, address.end()) if address else None
    if paren is None:
        return org
    names = tuple(n.strip() for n in _DEFINED_SHORT.findall(paren.group(1)) if n.strip() != org.text)
    return OrgMention(org.start, org.end, org.text, org.kind, names) if names else org


def _add_short_names(text: str, orgs: list[OrgMention]) -> list[OrgMention]:
    return [_with_short_names(text, o) if o.kind != "institution"
            and (_opens_paren(text[o.end:o.end + 3]) or text.startswith(",", o.end)) else o
            for o in orgs]


def _opens_paren(s: str) -> bool:
    return "(" in s or "（" in s  # the cheap test before _DEFINED_PAREN


def find_orgs(text: str, zh: bool) -> list[OrgMention]:
    """All organisation mentions in `text`, in order, non-overlapping."""
    return _add_short_names(text, _find_orgs(text, zh))


# "Copenhagen-based Nordvik Biologics will build": a company named without a legal suffix, known as
# one by where it is based and by what it does next.
_BASED_NAME = re.compile(r"-(?:based|headquartered) ((?:[A-Z][\w&'’-]*\s){0,3}[A-Z][\w&'’-]*)"
                         r"(?=,|\s+(?:will|would|said|says|has|had|is|plans|planned|signed|announced|agreed)\b)")


# ("Bio-based Materials Plant": a material, and a plant) The word before "-based" must read as a place:
# capitalised, more than a prefix.
_NOT_A_FIRM = re.compile(r"\b(?:Plant|Project|Base|Centre|Center|Park|Factory|Line|Facility|Hub|Materials|Products)$")
_PLACE_WORD_BEFORE = re.compile(r"(?:^|[\s(“\"])[A-Z][a-z'’]{3,}(?:[ -][A-Z][a-z'’]+)?$")


def _based_companies(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """`found` with the companies only `_BASED_NAME` knows, in order."""
    if "-based " not in text and "-headquartered " not in text:
        return found
    spans = [(o.start, o.end) for o in found]
    extra = [OrgMention(m.start(1), m.end(1), m.group(1), "company") for m in _BASED_NAME.finditer(text)
             if not any(s < m.end(1) and m.start(1) < e for s, e in spans) and not _NOT_A_FIRM.search(m.group(1))
             and _PLACE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())]
    return sorted(found + extra, key=lambda o: o.start) if extra else found


def _find_orgs(text: str, zh: bool) -> list[OrgMention]:
    found = _based_companies(text, _find_en(text))
    if zh:
        # The English names are in order and do not overlap, so the last one starting before a
        # Chinese name's end is the only one that can overlap it.
        starts, ends = [o.start for o in found], [o.end for o in found]
        for o in _find_zh(text):
            k = bisect_left(starts, o.end)
            if k == 0 or ends[k - 1] <= o.start:
                found.append(o)
        found.sort(key=lambda o: o.start)
    return found


# A parenthesis that ends a table cell: "Nordfibre AB (Sweden)", "X有限公司（牵头）".
_TRAILING_PAREN = re.compile(r"[^\S\n]*[(（][^()（）\n]*[)）][^\S\n]*$")


def cell_org_end(cell: str, zh: bool) -> int:
    """Where the organisation a table cell names ends: before a parenthesis after its legal suffix
    ("Nordfibre AB (Sweden)": the country the company is from, not part of its name), else the
    cell's end. A parenthesis inside the name, before the suffix ("Halvorsen Medical (Suzhou) Co."),
    is kept, as is one after text that does not end in an organisation's suffix."""
    paren = _TRAILING_PAREN.search(cell)
    if paren is None or paren.start() == 0:
        return len(cell)
    found = _find_orgs(cell[:paren.start()], zh)
    return paren.start() if found and found[-1].end == paren.start() else len(cell)
