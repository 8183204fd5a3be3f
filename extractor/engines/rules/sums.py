"""What a sum in a sentence is: a project's investment, or a list total, registered capital, revenue
or another figure that is not (see `classify_amount`); and facilities that already run.

Kept as data (compiled regexes) beside the few functions that read them, as in `cues`.
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.engines.rules.cues import any_case


_CAPITAL = re.compile(r"registered capital|注册资本|注册资金", re.I)
# The word lists below match in any case; `any_case` writes them so that a search can skip ahead.
# revenue|sales|turnover|profit|income|营业收入|营收|销售收入|销售额|利润|收入
_REVENUE = re.compile("|".join(any_case("revenue", "sales", "turnover", "profit", "income")
                               + ["营业收入", "营收", "销售收入", "销售额", "利润", "收入"]))
# \boutput\b|\bGDP\b|\btax|\bmarket\b|\bcredit|\bloans?\b|foreign (?:direct )?investment|\bFDI\b|\bfunds?\b
# |\bexports?\b|\bbudget(?!ed)|产值|税收|利税|授信|贷款|基金|出口 ("budgeted at", "budget of", "the
# project's budget at": the project's cost)
_OTHER = re.compile("|".join(
    any_case(r"\boutput\b", r"\bGDP\b", r"\btax", r"\bmarket\b", r"\bcredit", r"\bloans?\b",
             "foreign (?:direct )?investment", r"\bFDI\b", r"\bfunds?\b", r"\bexports?\b", r"\bbudget(?!ed)(?! of)(?<!project's budget)(?<!project’s budget)")
    + ["产值", "税收", "利税", "授信", "贷款", "基金", "出口"]))
_TRADE = re.compile(r"\btrade (?:volume|value|with|between|reached|totall?ed|grew|rose)|贸易额|进出口")
_OTHER_AFTER = re.compile(r"^\s*(?:of (?:annual )?(?:output|revenue|sales|foreign|exports?|tax)|fund\b|(?:in )?GDP"
                          r"|(?:revolving )?credit (?:line|facility)|(?:bank |syndicated )?loan\b|bond issue)"
                          r"|^[\u4e00-\u9fff]{0,6}(?:基金|产值)", re.I)
# A count of projects: "12 projects", "two new key projects", "8个项目", "项目12个". In Chinese, every
# form (\d+个(?:项目)?|项目\d+个|\d+个[\u4e00-\u9fff]{0,6}项目) holds a digit right before 个; in English
# the counted noun is read first (a literal-opening search): most sums have no count before them.
_COUNT = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|several)"
                    r"\s+(?:[\w-]+\s+){0,3}(?:projects|deals|contracts|entries)\b", re.I)
_COUNTED = re.compile("|".join(any_case(r"projects\b", r"deals\b", r"contracts\b", r"entries\b")))
# A count of projects ("签约项目28个", "35个重点项目"), not of berths or plants ("新建泊位4个").
_COUNT_ZH = re.compile(r"项目\D{0,4}\d+个|\d+个[\u4e00-\u9fff]{0,6}?项目")
# \bcombined\b|\btogether\b|\bin total\b|\baltogether\b|\ba total of\b|\b(?:annual|yearly) (?:planned )?investment
# |planned annual investment (any case)|共(?=[\u4e00-\u9fff]{0,8}\d)|合计|累计|总计|年度计划投资|年度投资|年计划投资
_TOTAL_WORDS = re.compile("|".join(
    any_case(r"\bcombined\b", r"\btogether\b", r"\bin total\b", r"\baltogether\b", r"\ba total of\b",
             r"\bannual (?:planned )?investment", r"\byearly (?:planned )?investment", "planned annual investment")
    + [r"共(?=[\u4e00-\u9fff]{0,8}\d)", "合计", "累计", "总计", "年度计划投资", "年度投资", "年计划投资",
       "(?:今年|年内|本年度?|当年)(?:计划)?(?:完成)?投资", "计划完成投资"]))
_ZH_CLAUSE_BREAK = re.compile(r"[，；]")
_EACH_AFTER = re.compile(r"^\s*(?:each\b|apiece\b|or more each)|^(?:以上|以下)?的?项目|^[\u4e00-\u9fff]{0,2}以上的?项目")


_BUILT_IN_A_PAST_YEAR = re.compile(r"\b(?:completed|built|finished|commissioned|opened) in (?:19|20)\d\d\b"
                                   r"|(?:19|20)\d\d年(?:建成|竣工|投产|投用)")


_AFTER_A_CLAUSE_BREAK = re.compile(r"[,，]\s*(?:and\s+|which\s+|it\s+)?(?:was|were|had been)\s+")


def _built_after(after: str) -> bool:
    """"(which cost $95 million), was completed in 2022": the sum of something that exists already."""
    found = _AFTER_A_CLAUSE_BREAK.match(after)
    return found is not None and _BUILT_IN_A_PAST_YEAR.match(after, found.end()) is not None


# "X will invest a total of RMB 4.8 billion in the Y Base": all of one company's money, for one project.
_INVESTS_A_TOTAL = re.compile(r"\binvest(?:s|ed|ing)?\s+a total of\s+(?:approximately\s+|about\s+|around\s+|some\s+)?$")


def classify_amount(text: str, start: int, end: int, window_start: int, respectively: bool) -> Optional[str]:
    """None for a project's investment, else the AggregateFact kind: registered_capital, revenue,
    list_total or other. `window_start` bounds the words read before the amount (the clause, or
    the text after the last project name)."""
    before = text[max(window_start, start - 100):start]
    after = text[end:end + 24]
    near = before[-30:]
    if _CAPITAL.search(near):
        return "registered_capital"
    if _REVENUE.search(near):
        return "revenue"
    if _OTHER.search(near) or _OTHER_AFTER.search(after) or _TRADE.search(before[-60:]):
        return "other"
    if _EACH_AFTER.search(after):
        return "list_total"
    if _BUILT_IN_A_PAST_YEAR.search(before) or _built_after(text[end:end + 48]):
        return "other"  # "a plant completed in 2021 at a cost of 1.2 billion yuan": it exists already
    if not respectively and (says_count(before) or _totals(before[-40:])):
        return "list_total"
    return None


def _totals(before: str) -> bool:
    """The words right before a sum make it a total: "a total of", 合计. Not a company's own total ("invest
    a total of"), nor a Chinese total of another quantity in an earlier clause ("厂房共计36万平方米，…，
    计划投资12.8亿元")."""
    found = None
    for found in _TOTAL_WORDS.finditer(before):
        pass
    if found is None or _INVESTS_A_TOTAL.search(before):
        return False
    return not (found.group() >= "\u4e00" and _ZH_CLAUSE_BREAK.search(before, found.end()))


def says_count(text: str) -> bool:
    """A count of projects ("12 projects", "8个项目") in `text`."""
    if "个" in text and _COUNT_ZH.search(text):
        return True
    return bool(_COUNTED.search(text)) and bool(_COUNT.search(text))


# A facility that already runs (a company's existing plant), or a project that will not be built: not
# a project of a list or a signing.
# A word every OPERATING phrase holds, found by a search that skips ahead (OPERATING cannot: "\b" first).
OPERATING_WORD = re.compile(r"production|operation|service|grid|completed|finished|terminated|cancelled|canceled|scrapped|suspended|shelved|opened"
                            r"|投产|投入|投运|投用|并网|终止|不再实施|取消|建成|竣工|通车")
OPERATING = re.compile(r"\b(?:has|have|had) been (?:in )?(?:full |commercial |normal |stable )?(?:production|operation|service)\b"
                       r"|\b(?:went|came|was put|were put|completed and put) into (?:production|operation|service)\b"
                       r"|\bin (?:production|operation|service) since\b"
                       r"|\b(?:was|were|has been|had been) (?:fully )?(?:connected|hooked up) to the grid\b"
                       r"|(?<!\bbe )(?<!\bbeing )(?<!\bonce )(?<!\bonce fully )\bcompleted in (?:19|20)\d\d\b"
                       r"|\b(?:was|were|had been) (?:completed|finished|opened) (?:last|the previous) year\b"
                       # ("completed the X wind farm ... back in 2018", "opened to traffic in June 2022")
                       r"|(?<!\bbe )(?<!\bbeen )\b(?:completed|opened|commissioned) (?:the|its|a|an)\b[^.;]{0,80}?\b(?:back )?in (?:19|20)\d\d\b"
                       r"|\bopened to (?:traffic|the public)\b"
                       # (or one that will not be built: terminated, cancelled)
                       r"|\b(?:has been|have been|was|were|will be) (?:terminated|cancelled|canceled|scrapped|suspended|shelved)\b"
                       r"|\b(?:has|have|had) (?:shelved|scrapped|cancelled|canceled|terminated|suspended)\b"
                       r"|终止(?:实施|建设)|不再实施|取消(?:实施|建设)"
                       r"|已(?:经)?(?:于[^，。；,;]{1,12}?)?(?:建成)?(?:投产|投入运营|投入使用|投运|投用|通车)"
                       r"|已(?:经)?(?:于[^，。；,;]{1,12}?)?(?:全容量|全部)?并网"
                       r"|(?:19|20)\d\d年[^，。；,;]{0,6}?(?:建成投产|建成投运|建成|投产|投运|投用|竣工|通车)的"  # "2019年建成投产的X项目"
                       r"|(?:去年|前年|上年)[^，。；,;]{0,6}?(?:建成投产|建成通车|建成|竣工|投产|投用|通车)"
                       r"|早在(?:19|20)\d\d年[^。；;]{0,30}?(?:建成|投产|投运|竣工)")  # "早在2019年，…建成投产了X项目"
