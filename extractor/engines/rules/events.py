"""Events: the dated happenings (a list released, a ceremony held, an approval) that projects inherit
their status and date from, and the date each sentence states for what happened.

A mixin of the Linker, which calls `_update_event` for every sentence with a status cue.
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.types import Status
from extractor.engines.rules import cues, sums
from extractor.engines.rules.candidates import Cue, Event, provinces_named
from extractor.engines.rules.orgs import LEVEL_BODY
from extractor.engines.rules.sentences import Paragraph, Sentence
from extractor.normalize.places import Gazetteer
from extractor.normalize.relative_dates import dates_the_filing

_FUTURE_DATE = re.compile(r"(?:open|opening|complet\w*|start\w*|begin\w*|operation\w*|finish\w*|due|running|"
                          r"operating|online|production|service)\s+(?:[\w-]+\s+){0,2}in\s+$|\bwhen\s+(?:[\w-]+\s+){0,3}in\s+$|(?:\bby|\buntil|\bbefore|\bafter|\bsince|(?:[Ff]ounded|[Ee]stablished|[Ss]et up|"
                          r"[Rr]egistered|[Ii]ncorporated|[Ll]isted)(?: in [A-Z][\w'’-]+)? in)\s+$|预计$|计划$|将于$|成立于$|始建于$|创立于$|成立$"
                          # "due to roll off the line in late 2027", "from 2028, for export"
                          r"|\b(?:due|expected|scheduled|slated|set|aims?|targets?|hopes?)\s+to\s+(?:[\w-]+\s+){1,5}in\s+$"
                          r"|\bfrom\s+$")
# Every word `_FUTURE_DATE` can end with (before the spaces it allows): a cheap test that spares
# most dates the search, which cannot skip ahead (it ends with "$") and is tried at every position.
_FUTURE_DATE_ENDS = ("in", "by", "until", "before", "after", "since", "from",
                     "预计", "计划", "将于", "成立于", "始建于", "创立于", "成立")
# A date in a clause that hopes or expects something, or that dates a company's revenue or output,
# is not when the project's status happened ("hopes will be added to the 2027 list", "reported revenue
# of 16.7 billion yuan in 2025"). The clause is what follows its last comma or full stop.
_NOT_THE_EVENT_WORD = re.compile(r"hope|expect|will\b|would\b|aims?\b|revenue|sales|turnover|profit|output value"
                                 r"|income|希望|有望|争取|营收|营业收入|销售收入|产值|利润"
                                 r"|截至|截止|累计")  # "截至2025年底累计完成投资7.6亿元": a tally, not the event
_CLAUSE_END = re.compile(r"[,;，。；]|\.(?!\d)")
# A sentence that opens with the event told before: "The approval, granted on Nov 5, ...", "该批复…".
_ISSUED_BY = re.compile(r"\b(?:published|issued|released|compiled|drawn up) by\b")
_THE_EVENT_AGAIN = re.compile(r"\s*(?:(?:[Tt]he|[Tt]his) (?:approval|list|roster|batch|signing|agreement|deal|ceremony|"
                              r"decision)\b|该(?:批复|名单|清单|协议|核准))")
# When something was told, not done: "记者26日从甘肃省人民政府获悉", "officials said on Friday".
_REPORTED_AFTER = re.compile(r"(?:从[^，。；]{0,20}?)?(?:获悉|了解到|获知|得知)")
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|told reporters|confirmed)"
                          r"(?:\s+in\s+(?:a|an|its)\s+(?:[\w-]+\s+)?(?:statement|notice|release|announcement))?\s+(?:on\s+)?$")
_SAID_ENDS = ("said ", "said on ", "says ", "announced ", "announced on ", "reporters ", "reporters on ",
              "confirmed ", "confirmed on ", "statement ", "statement on ", "notice ", "notice on ", "release ",
              "release on ", "announcement ", "announcement on ")
# "the administration", "the provincial commission": a body named by its kind, as the subject of an act.
_BODY_AGAIN = re.compile(r"\b[Tt]he ((?:[a-z]+ ){0,4}(administration|commission|bureau|department))\b")
_THE_ACT = re.compile(r"名单|清单|目录|批复|\b(?:[Tt]he|[Tt]his|[Tt]hat) (?:list|roster|batch|approval|catalogue)\b")
_BODY_KINDS = (re.compile(r"发改|发展改革|发展和改革"), re.compile(r"商务"), re.compile(r"政府"))
_LEVEL_WORD = {"省": re.compile(r"省|自治区"), "市": re.compile(r"市"), "县": re.compile(r"县|旗"), "区": re.compile(r"区")}
_UNKNOWN = object()  # not worked out yet
_YEAR_LABEL_AFTER = re.compile(r"(?:（[^）]{1,12}）)?[\u4e00-\u9fff]{0,14}?(?:洽谈会|推介会|博览会|交易会|投洽会|峰会|论坛|大会|兰洽会|广交会|进博会)")
_DATE_PURPOSE_AFTER = re.compile(r"^\s*(?:年)?(?:投产|建成|完工|竣工|开工|达产|运营)")


class EventTracking:
    """What the Linker knows of events and of sentence dates. It keeps `event` (in force), `events` (all,
    in order) and `_sentence_dates`; it reads the Linker's `m` (DocMentions), `_at` (mentions by
    sentence) and `focus`."""

    _defined_names: Optional[dict] = None  # short names the text defines, to their organisations (lazily)

    def _update_event(self, index: int, sent: Sentence, para: Paragraph, found, orgs) -> None:
        for status, start, end in found:
            if status != Status.planned:
                break
        else:
            return  # plans belong to one project, not an event
        date = self.sentence_date(sent)
        if date is None and self.event is not None and cues.says_same_day(sent.text):
            date = self.event.date
        if date is None:
            date = self.paragraph_date(para, sent.start)
            if date is not None and self.event is not None and self.event.date is date:
                self._body_of_the_event(sent, found, orgs)
                return  # an undated aside in the paragraph of an event ("deals signed over the summer are in the table below")
        if date is None:
            if self.event is not None:
                self._body_of_the_event(sent, found, orgs)
            return  # an undated remark ("officials said 1020 projects made the list") opens no event
        current = self.event
        if current is not None and _looks_back(date, current, self.m.year):
            return  # "2023年，全省省重点项目累计完成投资…" in a 2024 list: a look back, not a new event
        if current is not None and self._recalls_an_earlier_one(index, sent, para, status, date):
            return  # "加上今年3月公布的第一批名单，全省…已达312个": the count so far, not a new list
        if current is not None and self._about_the_focus(sent):
            return  # "该项目已列入今年1月印发的清单": that project's own status, not the document's next event
        # (the cue that names the act comes last: "to implement the decisions of the Provincial Government
        # on major projects, the People's Government of Shanxi Province issued ... projects are listed")
        cue_start = max(c[1] for c in found if c[0] == status)
        gov = self.by_full_name(_acting_government(orgs, cue_start, self.text)) or self._body_named_again(sent, cue_start) \
            or self._body_of_an_undated_act(index, sent, status)
        places = self.m.places(sent.start, sent.end, in_names=False)
        if gov is None and current is not None and current.status.status == status \
                and _THE_EVENT_AGAIN.match(sent.text) and _same_region(current.places, places):
            gov = current.gov  # "The approval, granted on Nov 5, covers ...": the approval told before
        if current and current.date and current.date.iso == date.iso and _same_region(current.places, places) \
                and (current.status.status == status or status == Status.other):
            # the same event, told in a further sentence; work starting that day ("柳州市当天共有21个项目集中
            # 开工") is part of the day's ceremony
            current.gov = current.gov or gov
            return
        self.event = Event(Cue(status, start, end), index, para.section, date, gov, places)
        self.events.append(self.event)

    def _body_of_the_event(self, sent: Sentence, found, orgs) -> None:
        """"The list, issued by the X Commission, includes 186 projects": the body of the event told
        before, when that did not name one."""
        current = self.event
        if current.gov is None and _THE_EVENT_AGAIN.match(sent.text):
            cues_of_event = [c[1] for c in found if c[0] == current.status.status]
            if not cues_of_event:  # "The batch, published by X, comprises ...": no cue but who made it
                issued = _ISSUED_BY.search(sent.text)
                if issued is None:
                    return
                cues_of_event = [sent.start + issued.start()]
            current.gov = self.by_full_name(_acting_government(orgs, max(cues_of_event), self.text))

    def by_full_name(self, gov):
        """The organisation an abbreviation stands for: a short name the text defines ("海晟集团" for
        "江苏海晟新能源集团有限公司（以下简称“海晟集团”）"), or 省发改委/市政府, the body the article names in
        full ("湖南省发展和改革委员会6月28日消息"), if it does."""
        if gov is None:
            return gov
        if self._defined_names is None:
            self._defined_names = {short: org for org in self.m.orgs(0, len(self.text)) for short in org.short_names}
        full = self._defined_names.get(gov.text)
        if full is not None and full is not gov:
            return full
        if not LEVEL_BODY.fullmatch(gov.text):
            return self._company_in_full(gov) if gov.is_company else self._with_renmin(gov)
        kind = next(k for k in _BODY_KINDS if k.search(gov.text))
        for org in self.m.orgs(0, len(self.text)):
            if org.kind == "government" and not LEVEL_BODY.fullmatch(org.text) and kind.search(org.text) \
                    and _LEVEL_WORD[gov.text[0]].search(org.text):
                return self._with_renmin(org)
        return gov

    def _company_in_full(self, org):
        """"恒锐公司" is "深圳市恒锐精密五金有限公司" when the article named it so before: a brand of two to
        four characters and 公司, inside the full name of exactly one company named earlier."""
        if not (4 <= len(org.text) <= 6 and org.text.endswith("公司")):
            return org
        brand = org.text[:-2]
        fuller = {o.text: o for o in self.m.orgs(0, org.start) if o.is_company and brand in o.text and o.text != org.text}
        return next(iter(fuller.values())) if len(fuller) == 1 else org

    def _with_renmin(self, gov):
        """甘肃省政府 is 甘肃省人民政府 when the article names it so too."""
        if not gov.text.endswith("政府") or gov.text.endswith("人民政府"):
            return gov
        fuller = gov.text[:-2] + "人民政府"
        return next((o for o in self.m.orgs(0, len(self.text)) if o.text == fuller), gov)

    def _body_of_an_undated_act(self, index: int, sent: Sentence, status: Status):
        """"近日，临沂市发展和改革委员会印发《名单》… 名单于3月2日正式公布": the body that did the act in an
        undated sentence shortly before (which opened no event) is the dated event's, when the dated
        sentence names the act again (the list, the approval) and no province of the two differs."""
        if status not in (Status.listed, Status.approved) or not _THE_ACT.search(sent.text):
            return None
        places = self.m.places(sent.start, sent.end, in_names=False)
        for earlier in self.m.sentences[max(0, index - 5):index][::-1]:
            if not _same_region(self.m.places(earlier.start, earlier.end, in_names=False), places):
                continue
            cues_there = [c for c in self._at.status.get(earlier.start, ()) if c[0] == status]
            orgs = self._at.orgs.get(earlier.start, ())
            if cues_there and orgs:
                found = _acting_government(orgs, max(c[1] for c in cues_there), self.text)
                if found is not None:
                    found = self.by_full_name(found)
                    # ("同日，哈尔滨市也发布了…清单": another place's list, not the Anhui commission's)
                    return found if _same_region(Gazetteer.load().find(found.text), places) else None
        return None

    def _body_named_again(self, sent: Sentence, cue_start: int):
        """The government body a sentence names by its kind alone ("the administration signed off on",
        "the provincial development and reform commission published"): the last one of that kind the
        article has named in full before, else the first it names after."""
        if "the" not in sent.text.lower():
            return None  # the usual case
        kind = _BODY_AGAIN.search(sent.text)
        if kind is None:
            return None
        phrase, word = kind.group(1), kind.group(2)
        named = [o for o in self.m.orgs(0, len(self.text)) if o.kind == "government" and o.text.lower().endswith(word)
                 and o.text[:1].isupper()]
        if "reform" in phrase:  # "the provincial development and reform commission": one of those
            named = [o for o in named if "Reform" in o.text]
        earlier = [o for o in named if o.start < sent.start]
        return earlier[-1] if earlier else (named[0] if named else None)

    def _recalls_an_earlier_one(self, index: int, sent: Sentence, para: Paragraph, status: Status, date) -> bool:
        """A sentence that follows an event in its paragraph, names no project, counts projects and
        dates the same kind of event earlier recalls a past one (an earlier batch of the list, for a
        running total) rather than opening one."""
        current = self.event
        if current is None or current.date is None or current.status.status != status:
            return False
        if not sums.says_count(sent.text):
            return False  # "All of them were included in the list published in early March": their list
        if self._at.names.get(sent.start) or current.sentence < index - para.sentences.index(sent):
            return False
        a, b = date.iso, current.date.iso
        n = min(len(a), len(b))
        return a[:n] < b[:n]

    def _about_the_focus(self, sent: Sentence) -> bool:
        """The sentence opens with "the project"/该项目 and names no project: it tells of the one in focus."""
        if self.focus is None or self._at.names.get(sent.start):
            return False
        found = cues.ANAPHOR_PROJECT.search(self.text, sent.start, sent.end)
        return found is not None and not self.text[sent.start:found.start()].strip(" ，,")

    def sentence_date(self, sent: Sentence):
        """The most precise date the sentence states for what happened (not "to open in 2023")."""
        # Asked again for the sentences of a paragraph (its opening date) and by the Builder: worked
        # out once per sentence of this document.
        best = self._sentence_dates.get(sent.start, _UNKNOWN)
        if best is not _UNKNOWN:
            return best
        best = told = None
        for d in self._at.dates.get(sent.start, ()):
            before = self.text[max(0, d.start - 30):d.start]
            if before.rstrip().endswith(_FUTURE_DATE_ENDS) and _FUTURE_DATE.search(before):
                continue
            if _DATE_PURPOSE_AFTER.match(self.text[d.end:d.end + 4]):
                continue
            if len(d.iso) == 4 and _YEAR_LABEL_AFTER.match(self.text, d.end):
                continue  # "2026年兰洽会签约项目": the year names an event, it does not date one
            if _REPORTED_AFTER.match(self.text, d.end, d.end + 30) or before.endswith(_SAID_ENDS) \
                    and _SAID_BEFORE.search(before):
                told = told or d  # "记者26日从省政府获悉": when it was told; the date of a plan told, alone
                continue
            if _not_the_event(self.text[max(sent.start, d.start - 60):d.start]):
                continue  # "hopes will be added to the 2027 list", "reported revenue of 16.7 billion yuan in 2025"
            if best is None or _date_rank(self.text, d) > _date_rank(self.text, best):
                best = d
        if best is None and told is not None:
            self._told_dates.add(sent.start)
        best = best or told
        self._sentence_dates[sent.start] = best
        return best

    def only_told_when(self, sent: Sentence) -> bool:
        """The sentence's date says when it was told, not done ("记者25日从国家发展改革委获悉")."""
        return sent.start in self._told_dates

    def paragraph_date(self, para: Paragraph, before: int):
        """The date a paragraph opens with ("On March 18th, ..."), for its later sentences."""
        first = para.sentences[0] if para.sentences else None
        if first is None or first.start >= before:
            return None
        return self.sentence_date(first)


def _same_region(a, b) -> bool:
    """No province named in one event sentence contradicts the other's."""
    pa, pb = provinces_named(a), provinces_named(b)
    return not pa or not pb or bool(pa & pb)


def _date_rank(text: str, d) -> tuple[bool, int]:
    """Dates that are not a dateline first (a report is filed after what it tells), then the more precise."""
    return not dates_the_filing(text, d), len(d.iso)


def _looks_back(date, current: Event, article_year: Optional[int]) -> bool:
    """A date in an earlier year than the article's, while an event of the article's year is in force."""
    if article_year is None or current.date is None:
        return False
    return int(date.iso[:4]) < article_year and current.date.iso[:4] == str(article_year)


def _not_the_event(before: str) -> bool:
    """The clause that ends where a date starts hopes or expects, or tells of revenue or output."""
    found = _NOT_THE_EVENT_WORD.search(before)
    if found is None:
        return False
    ends = [m.end() for m in _CLAUSE_END.finditer(before, found.start())]
    return not ends or _NOT_THE_EVENT_WORD.search(before, ends[-1]) is not None


def _acting_government(orgs, cue_start: int, text: str):
    """The government that lists, approves or signs: the last one named before the cue (its subject:
    "the People's Government of Shanxi Province issued the list"), else the first after it ("approved
    by the X Commission"). Not one whose consent is cited (经省政府同意), when another is named."""
    governments = [o for o in orgs if o.kind == "government"]
    if len(governments) > 1:
        governments = [o for o in governments if text[o.start - 1:o.start] != "经"] or governments
    before = [o for o in governments if o.end <= cue_start]
    return before[-1] if before else (governments[0] if governments else None)
