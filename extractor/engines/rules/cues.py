"""Word cues: project status, anaphora, organisation roles, and sums that are not project investment.

Kept as data (compiled regexes) so the linking code reads as logic, not as vocabulary.
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.normalize.scanning import text_start, word_start
from extractor.types import OrgRole, Status

# Status cues, strongest first: a sentence that mentions signing and a list is about the signing.
# The patterns are tried only where `_TRIGGERS` finds the head of a cue: every alternative added
# here needs a trigger. The word boundary on the left is checked in `find_status`.
_PLANNED_VERB = r" (?:build|invest|construct|set up|develop|launch|establish|spend)\b"
_KEY_PROJECTS = r" (?:[\w-]+ ){0,3}(?:[Pp]rojects?)\b"
STATUS_CUES: list[tuple[Status, re.Pattern]] = [
    (Status.signed, re.compile(r"signed\b(?! off\b)|signing\b|sign\b(?! off\b)|contracts?\b|contracted\b|agreements?\b|deals?\b"
                               r"|inked\b|put pen to paper\b|Agreements?\b"
                               r"|entered into (?:an? |the )?(?:[\w-]+ ){0,3}(?:[Aa]greement|[Cc]ontract|deal|[Mm]emorandum|MoU)s?\b"
                               r"|agreed (?:with|to|that)\b|agreed on [A-Z][a-z]{2,8}\.? \d{1,2},? to\b"
                               r"|签约|签订|签署|签下|签字|协议|合同")),
    (Status.approved, re.compile(r"approv(?:ed|al|es|e)\b|passed the establishment\b|ratified\b|signed off\b|signs off\b"
                                 r"|got the nod\b|gets the nod\b"
                                 r"|sign off\b|green[- ]?light(?:ed|s)?\b|greenlit\b"
                                 r"|(?:(?<=was )|(?<=were )|(?<=been ))cleared\b(?! the way)"
                                 r"|核准|批复|获批|批准|审批通过|予以备案|完成备案|已备案|备案通过")),
    (Status.planned, re.compile(r"plans? to" + _PLANNED_VERB + r"|will" + _PLANNED_VERB
                                + r"|intends? to" + _PLANNED_VERB
                                + r"|planned projects?\b|is preparing\b|are preparing\b|expects? the project\b"
                                r"|proposed\b|拟建|拟投资|拟在|拟于|拟通过|拟以")),
    # Construction started: the one kind of "other" news tells of a batch ("集中开工", "broke ground"), or
    # of a project ("X项目开工。"). Not a plan to start ("计划开工", "to start construction"), which the
    # planned cues read.
    (Status.other, re.compile(r"broke ground\b|breaks ground\b|groundbreaking (?:ceremony|of)\b"
                              r"|(?i:c)onstruction (?:officially |formally )?(?:started|began|kicked off)\b"
                              r"|started construction\b|集中开工|正式开工|开工仪式|已开工|开工奠基|奠基仪式"
                              r"|正式动工|动工仪式"
                              r"|(?:(?<=项目)|(?<=工程)|(?<=项目当天)|(?<=工程当天)|(?<=项目当日)|(?<=工程当日)|(?<=项目正式)"
                              r"|(?<=工程正式)|(?<=项目顺利)|(?<=工程顺利)|(?<=项目同步)|(?<=工程同步)|(?<=项目同日)"
                              r"|(?<=工程同日))(?:开工|动工)(?=[。，,；;])")),
    # ("a Shenzhen-listed company", "listed on the Hong Kong stock exchange": shares, not a project list)
    (Status.listed, re.compile(r"(?<!-)list(?:ed|s)?\b(?! (?:compan|firm|group|developer|maker"
                               r"|on the (?:[\w-]+ ){0,3}(?:stock|exchange|bourse|market)))|included in\b|key" + _KEY_PROJECTS + "|Key" + _KEY_PROJECTS
                               + "|KEY" + _KEY_PROJECTS + r"|major (?:[\w-]+ ){0,2}projects\b"
                               r"|清单|名单|列入|纳入|入选|位列|重点项目|重大项目|重点(?:[\u4e00-\u9fff]{0,4})项目")),
]
STATUS_RANK = {s: i for i, (s, _) in enumerate(STATUS_CUES)}
# "planned total investment", "计划投资" describe an amount, not the project's status. The English
# phrase opens with a literal word, which the regex engine skips ahead to; the Chinese ones do not
# (计划投资, 年度计划), so they are tried only around each "计划" (see `_mask_amount_phrases`).
_AMOUNT_PHRASE_EN = re.compile(r"planned (?:total |annual )?investment")
_AMOUNT_PHRASE_ZH = re.compile(r"计划(?:总)?投资|年度计划")
_JIHUA = re.compile("计划")

# Where a status cue can start, found for all statuses at once. The patterns above open with
# common letters (s, c, a, d, p, i, ...), at each of which the regex engine stops to try them; a
# trigger opens with one rarer character of a cue's head ("g" of "sign", "v" of "approv"), checks
# the rest of the head around it, and the empty marker group after it says which status pattern
# can match how far before that character. `find_status` then tries each status pattern only
# there, exactly as `finditer` would (see `_leftmost_matches`): 0.5 -> 0.26 ms per article.
# Triggers that share a first character exclude each other (they differ in a character before or
# after it), so that none hides another at the same position.
_TRIGGERS: list[tuple[int, str, int]] = [  # (index in STATUS_CUES, anchor and context, chars back)
    (0, r"g(?<=sig)", 2), (0, r"c(?=ontract)", 0), (0, r"g(?<=ag)(?=reement)", 1), (0, r"d(?=eal)", 0),
    (0, r"g(?<=ag)(?=reed (?:with|to|that)\b|reed on [A-Z])", 1), (0, r"k(?<=ink)(?=ed\b)", 2), (0, r"d(?<=entered)(?= into\b)", 6), (0, r"g(?<=Ag)(?=reement)", 1), (0, r"p(?<=put p)(?=en to paper)", 4), (0, "签", 0), (0, "协(?=议)", 0), (0, "合(?=同)", 0),
    (1, r"v(?<=approv)", 5), (1, r"f(?<=signed of)(?=f\b)", 8), (1, r"f(?<=signs of)(?=f\b)", 7),
    (1, r"f(?<=sign of)(?=f\b)", 6), (1, r"p(?=assed the establishment)", 0), (1, r"f(?<=ratif)(?=ied)", 4),
    (1, r"g(?=reen[- ]?light|reenlit)", 0), (1, r"g(?=ot the nod\b|ets the nod\b)", 0), (1, r"c(?:(?<=was c)|(?<=ere c)|(?<=een c))(?=leared\b)", 0),
    (1, "核(?=准)", 0), (1, "备(?=案通过)", 0), (1, "予(?=以备案)", 0), (1, "完(?=成备案)", 0), (1, "已(?=备案)", 0), (1, "批(?=[复准])", 0), (1, "获(?=批)", 0), (1, "审(?=批通过)", 0),
    (2, r"p(?=lan|roposed)", 0), (2, r"w(?=ill )", 0), (2, r"d(?<=intend)(?=[s ])", 5),
    (2, r"g(?<=is preparing)", 11), (2, r"g(?<=are preparing)", 12), (2, r"x(?<=ex)(?=pect)", 1), (2, "拟", 0),
    (3, r"k(?<=brok)(?=e ground)", 3), (3, r"k(?<=break)(?=s ground)", 4), (3, r"k(?<=groundbreak)(?=ing )", 10),
    (3, r"c(?<=started c)(?=onstruction)", 8), (3, r"c(?=onstruction (?:officially |formally )?(?:started|began|kicked))", 0),
    (3, r"C(?=onstruction (?:officially |formally )?(?:started|began|kicked))", 0),  # (one letter each: a class
    # of letters opening an alternative stops the engine skipping ahead to the triggers)
    (3, "集(?=中开工)", 0), (3, "正(?=式开工)", 0), (3, "开(?=工仪式|工奠基|工[。，,；;])", 0), (3, "已(?=开工)", 0),
    (3, "奠(?=基仪式)", 0), (3, "动(?=工[。，,；;]|工仪式)", 0), (3, "正(?=式动工)", 0),
    (4, r"l(?=ist)", 0), (4, r"c(?<=inc)(?=luded in)", 2), (4, r"k(?=ey )", 0), (4, r"K(?=ey |EY )", 0),
    (4, r"j(?<=maj)(?=or )", 2), (4, "清(?=单)", 0), (4, "名(?=单)", 0),
    (4, "列(?=入)", 0), (4, "纳(?=入)", 0), (4, "入(?=选)", 0),
    (4, "位(?=列)", 0), (4, "重(?=[点大])", 0),
]


def _trigger(entries: list[tuple[int, str, int]]) -> tuple[re.Pattern, list[tuple[int, str, int]]]:
    """One pattern of the anchors of `entries`, and the entries by marker group number - 1."""
    return re.compile("|".join(anchor + "()" for _, anchor, _ in entries)), entries


# English and Chinese anchors are read in two scans: with Chinese characters among the first
# characters, the engine tests each character of the text against a larger table (slower).
_EN_TRIGGER = _trigger([t for t in _TRIGGERS if t[1].isascii()])
_ZH_TRIGGER = _trigger([t for t in _TRIGGERS if not t[1].isascii()])


def find_status(text: str, offset: int) -> list[tuple[Status, int, int]]:
    """Status cues in `text` with document offsets, strongest status first."""
    masked = _mask_amount_phrases(text)
    starts: list[list[int]] = [[] for _ in STATUS_CUES]  # per status: where its pattern may match
    for trigger, entries in (_EN_TRIGGER, _ZH_TRIGGER) if not masked.isascii() else (_EN_TRIGGER,):
        for m in trigger.finditer(masked):
            status_index, _, back = entries[m.lastindex - 1]
            starts[status_index].append(m.start() - back)
    out = []
    for (status, rx), candidates in zip(STATUS_CUES, starts):
        for m in _leftmost_matches(rx, masked, candidates):
            start = m.start()
            if start and masked[start].isascii() and masked[start - 1].isalnum():
                continue  # "designed", "blacklisted": not a word start
            out.append((status, offset + start, offset + m.end()))
    return sorted(out, key=lambda c: (STATUS_RANK[c[0]], c[1]))


def _mask_amount_phrases(text: str) -> str:
    """`text` with its amount phrases blanked out (same length). An English and a Chinese phrase
    share no character: masking one kind, then the other, is masking both in one pass."""
    masked = _AMOUNT_PHRASE_EN.sub(lambda m: " " * len(m.group()), text)
    starts = [start for m in _JIHUA.finditer(masked) for start in (m.start() - 2, m.start()) if start >= 0]
    for m in _leftmost_matches(_AMOUNT_PHRASE_ZH, masked, starts):  # "计划" is at 0 or 2 in each
        masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
    return masked


def _leftmost_matches(rx: re.Pattern, text: str, candidates: list[int]) -> list[re.Match]:
    """`list(rx.finditer(text))`, given every position where `rx` can match among `candidates`:
    finditer takes the leftmost match at or after the end of the previous one (for a pattern that
    never matches the empty string, as here)."""
    out = []
    end = 0
    for pos in sorted(candidates):
        if pos >= end and (m := rx.match(text, pos)):
            out.append(m)
            end = m.end()
    return out


# --- anaphora ------------------------------------------------------------------------------------


# The letters that re.IGNORECASE lets stand for more than their two cases ("İ" and "ı" are an "i").
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def any_case(*alternatives: str) -> list[str]:
    """Regex alternatives that match, in any case, what `alternatives` (each `\\bword...` or `word...`,
    opening with a letter) match under re.IGNORECASE, written to open with one literal character each
    so that a search skips ahead: `\\boutput\\b` becomes `O(?<!\\w.)(?i:utput\\b)|o(?<!\\w.)(?i:utput\\b)`.
    (Under re.IGNORECASE the engine cannot skip ahead and tries every alternative at every position.)"""
    out = []
    for alt in alternatives:
        bounded = alt.startswith(r"\b")
        first, rest = (alt[2], alt[3:]) if bounded else (alt[0], alt[1:])
        low = first.lower()
        for c in low + low.upper() + _CASE_EXTRA.get(low, ""):
            out.append(word_start(c, "(?i:" + rest + ")") if bounded else c + "(?i:" + rest + ")")
    return out


# The anaphora patterns are read for every clause. Each alternative opens with a literal character
# so that the regex engine skips ahead to the few places where one can start (see `scanning`); the
# comment above each pattern gives its plain form.
_PROJECT_NOUNS = ("project|scheme|works|contract|deal|agreement|plant|station|centre|center|terminal|park|base|platform|facility"
                  "|hub|network|line|cluster|factory|farm|mine|port|resort|hotel|hospital|school|campus|mall"
                  "|bridge|tunnel|railway|expressway|highway|airport|reservoir|pipeline|complex|laboratory|lab|town|fab|mill|warehouse"
                  "|road|expansion|widening|upgrade|extension|renovation|retrofit|dam")
_NOT_IT_IS = r"(?! is (?:reported|said|understood|expected|necessary|worth|clear|likely|not))"
# \b(?:[Tt]he|[Tt]his|[Tt]hat) (up to 3 words) noun | ^(?:[Ii]t|[Ii]ts)\b ... | 该项目 ... | ^项目 | (?<=[，,])项目(?=...)
ANAPHOR_PROJECT = re.compile("|".join(
    # (the words between may be a sum: "The 1.8-billion-yuan base", "the $120 million plant", "The
    # 1.8-billion-yuan (about $254 million) project")
    [word_start(c, r"h(?:e|is|at)\s+(?:(?:[\w$.,\u2010\u2011-]+\s+){0,3})?(?:\(.{1,40}?\)\s+)?(?:"
                + _PROJECT_NOUNS + r")\b(?!s)")
     for c in "Tt"]
    + [text_start(c, r"(?:t|ts)\b" + _NOT_IT_IS) for c in "Ii"]
    # (a filing's defined term: the X Project (the "Project"); not "the Project Company", another term)
    + [word_start(c, r"he Project\b(?! [A-Z])") for c in "Tt"]
    # ("Construction is the responsibility of X": of the project in focus)
    + [text_start("C", r"onstruction (?:is|will be) (?:the responsibility of|led by|undertaken by|carried out by|handled by)")]
    + ["该项目", "此项目", "本项目", "这一项目", "这个项目", "该工程", "此工程", "本工程", "该基地",
       "这(?=个[^，。；,;]{1,24}?的项目)个[^，。；,;]{1,24}?的项目",  # "这个由X承建的项目"
       text_start("项", "目"), text_start("工", "程(?=估算|概算|总投资|动态|由|已|建成|计划|位于|选址|预计)"),
       "项(?<=[，,]项)目(?=总投资|由|已|建成|计划|位于|选址|落户|预计)"]))
# \b(?:[Tt]he|[Tt]his)\s+(?:company|...)\b | 该公司 | 这家...(?:企业|公司) | 该企业 | 该集团
ANAPHOR_COMPANY = re.compile("|".join(
    # (one word may describe it: "the Singaporean firm", "the Hong Kong-listed company" is two; a press
    # release's defined term "the Company" is the same)
    # (not "the investor, Hubei X Co., Ltd.": the company's name right after it says which one it is)
    [word_start(c, r"h(?:e|is)\s+(?:[A-Z][\w'’-]*\s+)?(?:[Cc]ompany|firm|enterprise|investor|group|developer"
                   r"|subsidiary|unit(?!\s+(?:price|cost|of|value)\b))\b"
                   r"(?!,?\s+[A-Z][^,;]{0,60}?\b(?:Co|Ltd|Inc|Corp|Group|Holdings|Company|GmbH|AG|SA|LLC|PLC)\b)")
     for c in "Tt"]
    + ["该公司", "这家[\u4e00-\u9fff]{0,12}?(?:企业|公司)", "该企业", "该集团",
       "企(?<![\u4e00-\u9fff]企)业(?=拟|将|计划)"]))  # "据介绍，企业拟投资…": the company just named
# A piece of every ANAPHOR_COMPANY match (its nouns are lower case): most clauses hold none.
_COMPANY_WORDS = ("company", "Company", "firm", "enterprise", "investor", "group", "developer", "subsidiary", "unit", "该",
                  "这家", "企业")
# \b(?:the former|the first)\b|前者, \b(?:the latter|the second)\b|后者 (any case; an ordinal with no
# noun after it), \brespectively\b|分别
# "the first"/"the second" only stand for an item when no noun follows them: "in the first two
# months", "the second phase" are not references to a list of projects.
_ORDINAL_ALONE = (r"(?!\s+(?:\d|(?:two|three|four|five|six|ten|half|quarter|phase|batch|stage|round|time|tranche"
                  r"|step|part|section|session|season|years?|months?|weeks?|days?)\b))")
FORMER = re.compile("|".join(word_start(c, r"(?i:he former\b|he first\b" + _ORDINAL_ALONE + ")") for c in "Tt")
                    + "|前者")
LATTER = re.compile("|".join(word_start(c, r"(?i:he latter\b|he second\b" + _ORDINAL_ALONE + ")") for c in "Tt")
                    + "|后者")
RESPECTIVELY = re.compile(word_start("r", r"espectively\b") + "|分别")
# \b(?:the same day|that day|same day)\b (any case) | 同日 | 当日 | 同一天 | 当天
SAME_DAY = re.compile("|".join(any_case(r"\bthe same day\b", r"\bthat day\b", r"\bsame day\b")
                               + ["同日", "当日", "同一天", "当天"]))
# (Every SAME_DAY match holds 日, 天 or "day" in some case, which lower() turns into "day": none of
# its letters has a third case form, like "İ" for "i".)
BUILD_VERB = re.compile(r"(?:to build|to set up|to construct|to establish|to develop|建设|打造)\s+(?:the\s+|a\s+)?$")


def says_same_day(text: str) -> bool:
    """`text` says "the same day", "当天" (SAME_DAY), tested on its words first: cheaper."""
    if "日" in text or "天" in text or "day" in text.lower():
        return bool(SAME_DAY.search(text))
    return False


def says_the_company(text: str) -> bool:
    """`text` says "the company", "该公司" (ANAPHOR_COMPANY), tested on its words first: cheaper."""
    for word in _COMPANY_WORDS:
        if word in text:
            return bool(ANAPHOR_COMPANY.search(text))
    return False


# --- organisation roles --------------------------------------------------------------------------

# (role, pattern, what the text must end with, spaces aside, for the pattern to match it). The patterns
# end with "$", which the regex engine cannot skip ahead to: it tries every position of the text, so
# the cheap test on the ending comes first.
_ROLE_BEFORE = [
    # ("built by a joint venture between A and B": the partners build it; B takes A's role, see `roles`)
    (OrgRole.undertaker, re.compile(r"(?:(?:(?i:u)ndertaken|(?i:b)uilt|(?i:c)onstructed|carried out|implemented|(?i:d)eveloped|led|"
                                    r"operated|run|invested and (?:constructed|built)|managed|handled|owned|proposed|"
                                    r"submitted)(?:\s+and\s+(?:run|operated|managed))?\s+by|(?:is|are|will be) the responsibility of)"
                                    r"\s+(?:the\s+"
                                    r"|(?:an?\s+|the\s+)?(?:new\s+)?joint[\s-]venture\s+(?:between|of|formed by)\s+"
                                    r"(?:the\s+)?"
                                    # ("carried out by a new subsidiary, X", "built by its local unit, X")
                                    r"|(?:an?\s+|its\s+|their\s+)(?:new\s+|local\s+|wholly[\s-]owned\s+)?"
                                    r"(?:subsidiary|unit|affiliate|arm|project company),?\s+)?$"),
     ("by", "the", "between", "of", "subsidiary", "subsidiary,", "unit,", "unit", "affiliate,", "arm,",
      "company,")),
    # ("The project company, X, ...": the company set up to build it)
    (OrgRole.undertaker, re.compile(r"\b[Tt]he (?:project company|project's developer|developer|builder),\s+$"),
     (",",)),
    # ("built by a consortium of A and B": both build it)
    (OrgRole.undertaker, re.compile(r"\b(?:by|is|are|was|were)\s+(?:an?\s+|the\s+)?consortium\s+(?:of|formed by|led by)\s+"
                                    r"(?:the\s+)?$"), ("of", "by", "the")),
    (OrgRole.investor, re.compile(r"(?:backed|funded|financed|invested)\s+by\s+(?:the\s+)?$"), ("by", "the")),
    (OrgRole.signer, re.compile(r"(?:signed\s+(?:by|with)|agreement\s+with|contract\s+with)\s+(?:the\s+)?$"),
     ("by", "with", "the")),
    (OrgRole.undertaker, re.compile(r"由$"), ("由",)),
    (OrgRole.undertaker, re.compile(r"(?:项目单位|建设单位|实施单位)$"), ("位",)),  # "项目单位X负责项目建设"
    (OrgRole.undertaker, re.compile(r"(?:建设单位|承建单位|实施单位|业主单位|项目业主|责任单位|承建方|建设方|"
                                    r"[Uu]ndertaker|[Dd]eveloper|[Bb]uilder|[Cc]ontractor)\s*[：:]\s*$"), ("：", ":")),
    (OrgRole.investor, re.compile(r"(?:投资方|投资主体|出资方|[Ii]nvestor)\s*[：:]\s*$"), ("：", ":")),
    (OrgRole.undertaker, re.compile(r"\b(?:[Ii]ts|[Tt]he(?: project's)?) (?:developer|builder|contractor|operator)"
                                    r",?\s*$|(?:建设单位|承建单位|实施单位|项目单位|业主单位|项目业主|业主|建设主体|实施主体"
                                    r"|承建方|建设方|申报单位|项目法人)(?:为|是)$"
                                    r"|(?:承担|承建|负责)(?:该|此|本)?(?:项目|工程)(?:建设)?的$"),
     ("developer", "builder", "contractor", "operator", ",", "为", "是", "的")),
    (OrgRole.investor, re.compile(r"\b(?:[Ii]ts|[Tt]he(?: project's)?) (?:investor|backer|owner),?\s*$"
                                  r"|(?:投资方|投资主体|出资方)(?:为|是)$"),
     ("investor", "backer", "owner", ",", "为", "是")),
]
# A Chinese sum between 投资 and 建设 ("投资3.2亿元建设"): the one who invests it builds.
_ZH_SUM = r"约?[0-9.]+[亿万]*(?:美元|元)?"
_ROLE_AFTER = [
    # ("is investing 12.5 billion yuan to construct the X Project", "began work on the X": it builds it)
    (OrgRole.undertaker, re.compile(r"^(?:,?\s*which\s+)?\s*(?:will|plans? to|is|has|have|would)?\s*"
                                    r"(?:invest|investing|spend|spending|put|putting)\b(?:[^.;]|\.(?=\d)){0,60}?"
                                    r"\bto (?:build|construct|develop|carry out) the [A-Z]"  # (the project named: not "a line")
                                    r"|^\s*(?:began|begun|started|has started|broke ground on|kicked off) (?:work|construction) on\b"
                                    r"|^\s*(?:started building|broke ground on)\b")),
    (OrgRole.investor, re.compile(r"^(?:,?\s*which\s+)?\s*(?:will|plans? to|is to|intends? to|would|has|have)\s+"
                                  r"(?:invest(?! in and (?:build|construct))|spend|(?:has |have )?committed to invest(?:ing)?"
                                  r"|put\s+(?:about\s+|some\s+|nearly\s+)?(?:US\$|HK\$|\$|RMB|¥|\d))"
                                  r"|^\s*(?:has |have )?(?:pledged|agreed (?:on [^,;]{1,16} )?to (?:invest|put))\b"
                                  r"|^\s*committed to invest(?:ing)?|^\s*(?:is|are) investing\b"
                                  rf"|^(?:将|计划|拟)?投资(?!建设)(?!{_ZH_SUM}建设)"
                                  r"|^(?:将|计划|拟)投入")),
    (OrgRole.undertaker, re.compile(r"^\)?(?:,?\s*(?:which|that)\s+)?\s*(?:has |have |had |will |is |was )?"
                                    r"(?:jointly |together |also |then )?"
                                    r"(?:undertaken|undertakes?|led|leads|(?:is )?building|build|builds|"
                                    r"(?:is )?preparing|constructs?|(?:is )?constructing|carry out|carries out|is responsible for|"
                                    r"(?<=will )develop|(?<=is )developing|"  # (not "which develops software")
                                    r"is the (?:project(?:'s)? )?(?:builder|developer|contractor|operator|owner)"
                                    r"|is undertaking|is to (?:build|develop|construct)|(?:will |is to )?act as (?:the )?(?:project(?:'s)? )?"
                                    r"(?:owner|developer|builder|general contractor|contractor|operator)"
                                    r"|(?:been |has been |was |is |will be )?(?:lined up|appointed|selected|chosen|named|hired)"
                                    r" as (?:the )?(?:project's )?(?:general |EPC |main )?(?:contractor|builder|developer|operator)"
                                    r"|will invest in and build)\b"
                                    # (also past a short name it is given and where: "X公司（以下简称“Y”）将在Z区建设")
                                    r"|^(?:（以下简称[^）]{1,16}）)?(?:将|拟|计划)?(?:在[^，。；,;]{1,20}?)?"
                                    r"(?:负责|牵头)?(?:承建|投资建设|投资兴建|兴建|建设|实施|负责实施|运营|开发)"
                                    # ("X申报的Y项目": the unit that put the project forward; "投资3.2亿元建设X": builds it)
                                    r"|^(?:申报|作为(?:项目业主|项目法人|建设单位|实施主体|建设主体))"
                                    rf"|^(?:将|计划|拟)?投资{_ZH_SUM}建设")),
]
# "由X投资" invests; "由X投资建设" and "由X投资20亿元建设" build.
_INVESTS_ONLY = re.compile(rf"投资(?!建设)(?!{_ZH_SUM}(?:人民币)?建设)")
_SIGNS_WITH = re.compile(r"(?:与|和|同)[^，。；,;]{2,40}?(?:正式|成功)?(?:签约|签订|签署)")
_POSSESSIVE = re.compile(r"^(?:'s|’s)\b|^的")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def role_cue(text: str, start: int, end: int) -> Optional[OrgRole]:
    """The role an organisation mention at text[start:end] plays, from the words around it."""
    return role_cue_where(text, start, end)[0]


# "X Pte. Ltd. of Singapore": where a company is from, written after its name.
_OF_PLACE = re.compile(r"^ of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?")
# ", a unit of state-owned Y Group,", ", an arm of Y,": a phrase that says what the company is, between
# two commas (a few words, no verb that could hold a role itself).
_APPOSITIVE = re.compile(r", (?:an?|the) (?:[\w'’.()&-]+ ){0,8}?(?:unit|subsidiary|arm|affiliate|division|member|maker|"
                         r"developer|operator|manufacturer|producer|company|firm|group|venture)\b[^,;:]{0,90},")
# ", which has a registered capital of 800 million yuan,": a clause that says what the company is.
_RELATIVE = re.compile(r", (?:which|who|whose) [^,;.]{0,90},")
# A short name in brackets right after an organisation: 'X Co., Ltd. ("Nordhavn Ningbo")', "X Co. (Hengrui)".
_SHORT_NAME_AFTER = re.compile(r" ?[(（][^()（）]{1,40}[)）]")
# "X on Monday signed a deal with the Y government to invest $85 million in ...", "X signed an agreement
# to build ...": the signing company says what it will do (the other party, named after "with", does not).
_SIGNED_TO = re.compile(r"(?:\s+(?:on|in|at|last|this|early|late|also|has|have|had)\b[^,;]{0,25}?)?\s+signed\s+"
                        r"(?:(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|contract|pact|memorandum)\b|(?=with\b))"
                        r"(?:(?!\.\s+[A-Z])[^;]){0,90}?\bto\s+(?:(?P<invest>invest|fund)|build|construct|set\s+up)\b")
# "Singapore-based", "Shenzhen-headquartered": where a company is from, written before its name.
ORIGIN_WORDS = ("based", "headquartered", "registered", "listed")  # also read by `orgs`
_ORIGIN_PREFIX = re.compile(rf"(?:[A-Z][\w'’.]*\s)?[A-Z][\w'’.]*-(?:{'|'.join(ORIGIN_WORDS)})\s+$")


def role_cue_where(text: str, start: int, end: int) -> tuple[Optional[OrgRole], bool]:
    """`role_cue`, and whether the role words come before the organisation ("undertaken by X", "由X"):
    the project is then named before it."""
    before = text[max(0, start - 60):start]
    if before.rstrip().endswith(ORIGIN_WORDS):  # "funded by Singapore-based X": read past the origin
        before = _ORIGIN_PREFIX.sub("", before)
    before = before[-40:]
    role = _role_before(before)
    if role is not None:
        if role == OrgRole.undertaker and before.endswith("由"):
            after = text[end:end + 40]
            if _SIGNS_WITH.match(after):
                return OrgRole.signer, True  # "X项目由A与B签约": they only sign
            return (OrgRole.investor if _INVESTS_ONLY.match(after) else OrgRole.undertaker), True
        return role, True
    end = _past_short_name(text, end)
    after = text[end:end + 72]
    if after.startswith(" of "):  # "X Pte. Ltd. of Singapore will put US$350 million into ..."
        after = _OF_PLACE.sub("", after, count=1)
    elif after.startswith((", a", ", the ")):
        end = _past_appositive(text, end)
        after = text[end:end + 72]
    after = after[:56]
    role = _role_after(after)
    if role is None and after.startswith((", which", ", who", ", whose")):
        # "X, which has a registered capital of 800 million yuan, will build ...": past the clause
        relative = _RELATIVE.match(text, end)
        if relative is not None:
            role = _role_after(text[relative.end():relative.end() + 56])
    return role, False


def _role_after(after: str) -> Optional[OrgRole]:
    """The role the words right `after` an organisation give it ("will invest", "将投资建设"), if any."""
    return next((role for role, rx in _ROLE_AFTER if rx.search(after)), None)


def _past_short_name(text: str, end: int) -> int:
    """Where the words after an organisation ending at `end` go on, past a short name given it in
    brackets (see _SHORT_NAME_AFTER)."""
    if not text.startswith((" (", "(", "（"), end):
        return end  # the usual case
    short = _SHORT_NAME_AFTER.match(text, end)
    return short.end() if short else end


def _past_appositive(text: str, end: int) -> int:
    """Where the words after an organisation ending at `end` go on, past a phrase that says what it
    is ("X Co., a unit of Y Group, is responsible for ...")."""
    appositive = _APPOSITIVE.match(text, end, end + 120)
    return appositive.end() if appositive is not None else end


def signed_to_role(text: str, end: int) -> Optional[OrgRole]:
    """The role a company ending at `end` takes by signing a deal "to invest" (investor) or "to build"
    (undertaker) (`_SIGNED_TO`). Only for a company: a government that signs "with X to build" does
    not build."""
    end = _past_short_name(text, end)
    if text.startswith((", a", ", the "), end):
        end = _past_appositive(text, end)
    if "signed" not in text[end:end + 60]:  # (the cheap test first)
        return None
    signed = _SIGNED_TO.match(text, end, end + 200)
    if signed is None:
        return None
    return OrgRole.investor if signed["invest"] else OrgRole.undertaker


def _role_before(before: str) -> Optional[OrgRole]:
    """The role the words `before` an organisation give it ("undertaken by", "由", "投资方："), if any."""
    tail = before.rstrip()
    for role, rx, ends in _ROLE_BEFORE:
        if tail.endswith(ends) and rx.search(before):
            return role
    return None


# "...; the second by Y", "and the latter by Y": a clause that leaves out the verb of the clause before
# it ("The first is being built by X; the second by Y"). What stands before the "by" is a few words, none
# of them a verb of its own ("funded in part by Y" has one).
_GAPPED_BY = re.compile(r"\s*(?:(?:and|while|whereas|with)\s+)?(?:(?![\w-]*(?:ed|en|ing)\s)[\w-]+\s+){1,3}?"
                        r"by\s+(?:the\s+)?")


def elided_role(text: str, clause_start: int, start: int, floor: int) -> Optional[OrgRole]:
    """The role of an organisation at `start` that a gapped clause (text[clause_start:start], see
    `_GAPPED_BY`) names with a bare "by": that of the last "<verb> by" between `floor` and the clause."""
    if not _GAPPED_BY.fullmatch(text, clause_start, start):
        return None
    by = text.rfind(" by ", floor, clause_start)
    return _role_before(text[max(floor, by - 40):by + 4]) if by >= 0 else None


def is_possessive(text: str, start: int, end: int) -> bool:
    return bool(_POSSESSIVE.match(text[end:end + 3])) or bool(_OF_BEFORE.search(text[max(0, start - 8):start]))
