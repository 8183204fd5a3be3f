"""Tie amounts, organisations and follow-up sentences to project names, one sentence at a time.

State carried from sentence to sentence: the project in focus (for "the project", "it"), the last
enumeration (for "the former/latter", "respectively"), the last company named (for "the company")
and the current event (a list release, a signing ceremony) whose date and status projects inherit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from extractor.normalize.dates import DateMatch
from extractor.normalize.money import MoneyMatch
from extractor.types import AggregateFact, OrgRole, Status
from extractor.engines.rules import cues, sums
from extractor.engines.rules.candidates import Candidate, Event, candidate_key
from extractor.engines.rules.mentions import DocMentions
from extractor.engines.rules.names import NameMention
from extractor.engines.rules.orgs import OrgMention
from extractor.engines.rules.sentences import Paragraph, Sentence
from extractor.engines.rules.aliases import AliasBook
from extractor.engines.rules.described import DescribedThenNamed
from extractor.engines.rules.events import EventTracking
from extractor.engines.rules.roles import OrgLinking, is_parent

_OPEN_QUOTES, _CLOSE_QUOTES = "“\"「‘", "”\"」’"
# What may stand between an unquoted Chinese name and its sum: where it is, who builds it, who
# approved or listed it, what it builds, how long or large it is, each clause maybe opened by a time ("X项目今年一季度被列入…名单，由Y投资建设，
# 总投资8.5亿元", "X项目日前获Y核准，总投资18亿元").
_GAP_CLAUSE = ("[^，。；,;]{0,8}?(?:"
               "(?:落户|选址|位于|建于|布局)[\u4e00-\u9fffA-Za-z0-9]{0,20}"
               "|(?:将|拟)?由[^，。；,;]{1,48}?(?:投资建设|投资兴建|兴建|建设|承建|代建|实施|负责|(?<!总)(?<!计划)投资|申报|出资|签约|签订)"
               "|[^，。；,;]{2,40}?(?:承建|总承包|施工)"  # "由A负责实施，B承建，项目投资8亿元": a second builder
               "|是[^，。；,;]{1,30}?之一"  # "X是今年生态环保类的重点项目之一，…，计划总投资15.2亿元"
               "|(?:利用|依托|采用|通过|主要建设|计划建设|拟建设)[^，。；,;]{1,40}"  # "利用厂房屋顶建设光伏电站并配套储能设施"
               "|(?:建设|项目)?(?:地点|地址)(?:在|位于|为|：)[^，。；,;]{1,30}"
               "|(?:当天|当日|同日|同期|今天|今日|日前|近日)?(?:正式|集中|顺利)?(?:开工|动工|开建|签约|落地|获批|建成|投产)(?:建设)?"
               "|(?:获|经)[^，。；,;]{1,30}?(?:核准|批复|批准|备案)"
               "|(?:纳入|列入)[^，。；,;]{1,30}?(?:计划|名单|清单)"
               "|(?:新建|拟建|主要建设|建设内容包括)[^，。；,;]{1,30}"
               "|(?:全长|总长|长|占地(?:面积)?|总?建筑面积|规划面积)约?[0-9.]+万?(?:公里|千米|米|亩|平方米|公顷)"
               "|(?:规划|配置|建成后|设计|装机|容量|规模|产能|年产)[^，。；,;]{0,10}?[0-9.]+万?(?:个|台|套|座|栋|条|千瓦|兆瓦|吨|张|床|千瓦时)"
               # "计划在A、B周边布局加氢站12座": where it builds how many of what
               "|(?:计划|拟|将)?(?:在|于)[^，。；,;]{1,30}?(?:建设|新建|布局|打造)[^，。；,;]{0,12}?[0-9.]+(?:个|台|套|座|栋|条)"
               "|(?:双方|协议|合同)约定|[\u4e00-\u9fff]{0,4}?(?:协议|合同)|(?:项目)?(?:(?:建设|业主|实施)单位|业主|投资方|建设方|(?:投资|建设|实施)主体|法人)(?:为|是)[^，。；,;]{2,30}"
               "|列入[^，。；,;]{1,12}?项目)")
_TIGHT_GAP = re.compile(rf"(?:——|[，,；;：:（(])?(?:{_GAP_CLAUSE}[，,；;]?){{0,3}}(?:(?:去年|今年|此前|当时|首次)?以)?(?:项目)?(?:[一二三四1-4]期(?:工程|项目)?)?(?:拟|将|预计)?"
                        r"(?:工程)?(?:估算|概算|动态|静态)?(?:计划总投资|总投资额|总投资|计划投资|规划总投资|(?:整体)?规划投资|固定资产投资|投资总额|投资金额|投资规模|投资|投资额|总额)?[：:]?"
                        r"(?:约|达到|达|为|超过|逾)?")
# A clause between the name and the sum that opens with "this project" speaks of it again: "X项目同样备受
# 关注，该项目投资方为Y，计划投资9.8亿元".
_REFERRED_BACK = re.compile(r"[，,；;](?:该|此|这一|这个)(?:项目|工程)(?![^，,；;]*[，,；;][^，,；;]*(?:项目|工程))")
# Between a sum and the Chinese name it is invested to build, or describes: "（投资4.2亿元）在屯留区建设",
# "用于建设", "新建", "的".
_INVESTED_TO_BUILD = re.compile(r"[，,]?(?:(?:在|于)[\u4e00-\u9fffA-Za-z0-9]{1,20}?)?(?:用于|拟|将)?"
                                r"(?:投资建设|建设|新建|打造|实施|兴建)|的")  # "总投资48亿元的X项目"
# A sum that revises the one stated before: "上调至62亿元", "raised to 6.2 billion yuan".
_REVISED_TO = re.compile(r"(?:上调|调增|增加|增|提高|调整|追加|扩大)(?:至|到|为)\s*(?:约)?$"
                         r"|\b(?:revised|raised|increased|lifted|adjusted)(?: up(?:ward)?)? to\s+(?:about\s+)?$")
# What a sum is spent on: "mainly for the construction of ...", "used to build", "用于建设".
_SPENT_ON = re.compile(r"\bfor\b|\bconstruction of\b|\bto build\b|用于|主要建设")
# ... but a name right after "for (the)" is what the sum is for: "pledged 2 billion yuan for the Zhenhai ... Yard".
_FOR_THE = re.compile(r"\s+for\s+(?:the\s+)?")
# "The total investment is", "总投资为": a sum of the project the paragraph is about.
_TOTAL_INVESTMENT_BEFORE = re.compile(r"(?:[Tt]otal|[Tt]he|[Ii]ts) (?:(?:approved|estimated|planned|projected|budgeted) )?(?:investment|cost)(?: (?:is|was|will be|has been))?"
                                      r"(?: (?:put|estimated|set|pegged|budgeted|valued|projected))?"
                                      r" (?:at|of|is|was|will be|reaches)\s+(?:about |around |roughly |some |nearly )?$"
                                      r"|\b(?:has|have|with) (?:a|an) (?:planned |estimated |total |budgeted )*"
                                      r"(?:investment|cost|budget) of\s+(?:about |around |roughly |some |nearly )?$"
                                      r"|(?:项目)?总投资(?:为|达|约)?$")
# Between a sum and the same sum converted: "RMB 4.8 billion (about US$670 million)", "2.6亿美元（约合18.7亿元）".
_CONVERSION_GAP = re.compile(r"\s*[（(]\s*(?:about|around|approximately|approx\.|roughly|some|or|equivalent to|约合|约|合)?\s*")
_SUM_LIST_GAP = re.compile(r"\s*(?:、|,|，|和|及|与|and|, and)\s*")  # between the sums of "X、Y和Z"
_IT_OR_THE_COMPANY = re.compile(r"\b(?:it|[Tt]he company)\b")
# What gives a project just described its name: "..., known as the X", "项目正式名称为“X”".
_RENAMED_BEFORE = re.compile(r"(?:名称|名字)(?:为|是|叫)\s*[“\"「]?$|(?:命名|定名)为\s*[“\"「]?$"
                             r"|\b(?:known as|dubbed|officially named|formally named|formally called|officially called)"
                             r"\s+(?:the\s+)?[“\"]?$")
# "The Project comprises a 300MW wind farm, an electrolysis plant ...": what follows are its parts.
# (Plain words first, which the regex engine skips ahead to: a leading \b is tried at every position.)
_COMPRISES = re.compile(r"(?:comprises|will comprise|consists of|will consist of|is made up of|includes|will include)\b")
_HOSTED_BY = re.compile(r"hosted by\b|organi[sz]ed by\b|主办|承办")
_WORD = re.compile(r"[a-z]+")
# Words of "the ... project" that say which one is meant by when or how, not by what it is.
_NOT_DESCRIBING = frozenset("new proposed planned whole entire first second third same latter former above "
                            "said billion million yuan big biggest large largest main".split())


class Linker(OrgLinking, EventTracking, DescribedThenNamed):
    def __init__(self, mentions: DocMentions, doc_id: str):
        self.m = mentions
        self.text = mentions.text
        self.doc_id = doc_id
        self.candidates: dict[str, Candidate] = {}
        self.mention_order: dict[Candidate, None] = {}  # candidates, the most recently named last
        self.focus: Optional[Candidate] = None
        self.enumeration: list[Candidate] = []
        self.last_company: Optional[OrgMention] = None
        self.company_candidate: dict[str, Candidate] = {}
        self.aliases = AliasBook()
        self.event: Optional[Event] = None
        self.events: list[Event] = []  # every event, in the order the text tells them
        self.aggregates: list[AggregateFact] = []
        self.dropped: list[str] = []
        self._org_spans: tuple[tuple[int, int], ...] = ()
        self.event_at: dict[int, Optional[Event]] = {}  # event in force at each skipped (table) paragraph
        self._named: dict[tuple[int, int], tuple[bool, Optional[OrgMention]]] = {}  # this sentence's clauses
        self._sentence_dates: dict[int, Optional[DateMatch]] = {}  # by sentence start
        self._told_dates: set[int] = set()  # sentences whose date is only when something was told
        self._name_words: dict[Candidate, frozenset[str]] = {}  # the words of each project's name
        self._at = _BySentence(mentions)
        # A signing told without its project (sentence index, the governments, the companies' names)
        self._signing_without_project: Optional[tuple[int, list[OrgMention], set[str]]] = None
        # The organisations of the last sentence that named any, with its paragraph: the parties "后者"
        # and "the latter" stand for when their own sentence names none.
        self.parties_before: tuple[int, tuple[OrgMention, ...]] = (-1, ())

    # --- driving -------------------------------------------------------------------------------
    def run(self, skip_paragraphs: set[int]) -> None:
        section = -1
        index = 0
        for para in self.m.paragraphs:
            if para.section != section:
                section, self.focus, self.enumeration = para.section, None, []
            if para.index in skip_paragraphs:
                self.event_at[para.index] = self.event
            if para.index > 0 and para.kind != "heading" and para.index not in skip_paragraphs:
                for k, sent in enumerate(para.sentences):
                    if sent.start in self._at.telling:  # (a sentence without mentions changes nothing)
                        self._sentence(index + k, sent, para)
            index += len(para.sentences)

    def candidate_for(self, name: NameMention, para: Paragraph, sent_index: int,
                      before: Optional[Candidate] = None) -> Candidate:
        """The candidate a name mention stands for (`before`: the project named last, which a name may
        rename)."""
        key = candidate_key(name.text)
        cand = self.candidates.get(key)
        if cand is None and (renamed := self._renamed(name, sent_index, before)) is not None:
            cand = self.candidates[key] = renamed  # "在河口建设冷链物流园，项目名称为“X项目”": X is its name
            renamed.key, renamed.name = key, name
        if cand is None and name.weak and self.text[max(0, name.start - 4):name.start] in ("the ", "The "):
            cand = self._named_project_described_as("the " + name.text)  # "the steel slag plant": one named before
        if cand is None:
            cand = Candidate(key, name, para.section, para.index, event=self.event, weak=name.weak)
            self.candidates[key] = cand
        elif not name.weak:
            cand.weak = False
        if sent_index not in cand.sentences:
            cand.sentences.append(sent_index)
        self.mention_order.pop(cand, None)  # (re)inserted last: the most recently named comes last
        self.mention_order[cand] = None
        return cand

    def _renamed(self, name: NameMention, sent_index: int, focus: Optional[Candidate]) -> Optional[Candidate]:
        """The project just described whose name `name` gives ("..., known as the X", "项目名称为“X”"): the
        one named last (`focus`), in this sentence or the one before, by a description, not a title."""
        if focus is None or not focus.sentences or focus.sentences[-1] < sent_index - 1 \
                or focus.name.source in ("quoted", "bold") or (focus.name.text[:1].isupper() and not focus.weak):
            return None
        return focus if _RENAMED_BEFORE.search(self.text, max(0, name.start - 24), name.start) else None

    # --- one sentence --------------------------------------------------------------------------
    def _sentence(self, index: int, sent: Sentence, para: Paragraph) -> None:
        at, key = self._at, sent.start
        described = self._pop_described(index)
        found = at.status.get(key, ())
        orgs = at.orgs.get(key, ())
        if found:
            self._update_event(index, sent, para, found, orgs)
        elif orgs and self.event is not None:
            self._body_of_the_event(sent, (), orgs)  # "The batch, published by X, ..."
        names = at.names.get(key, ())
        cands: list[Candidate] = []
        for n in names:
            cands.append(self.candidate_for(n, para, index, cands[-1] if cands else self.focus))
        self._org_spans = tuple([(o.start, o.end) for o in orgs]) if orgs else ()
        amounts = at.amounts.get(key, ())
        # Only a sentence that says something (a sum, a company, a date, a place, a status) needs its
        # "the project"/"it" resolved, and only when there is a project to refer to: one in focus, an
        # enumeration, or a company's project. (Only the clauses that refer to a project are kept.)
        referents: dict[tuple[int, int], Candidate] = {}
        if key in at.saying and (self.enumeration or self.focus is not None or self.company_candidate):
            self._named = {}
            for clause in sent.clauses:
                ref = self._referent(clause, self.text[clause[0]:clause[1]], orgs)
                if ref is not None:
                    referents[clause] = ref
        if amounts:
            self._link_amounts(index, sent, names, cands, referents, amounts)
        # (else no organisation and no "the company" can be tied to a project; but "They will be
        # undertaken by A, B and C, respectively" pairs companies with the open enumeration)
        if names or referents or (orgs and self.enumeration):
            self._link_orgs(sent, names, cands, orgs, referents, found)
            self._link_referred_company(sent, names, cands, referents)
        if not names:
            for clause, ref in referents.items():
                if index in ref.sentences:
                    continue
                # "该项目已列入…，由X公司投资建设" speaks of the project, though its company is named
                by_company = self.referred_company(clause, orgs) is not None \
                    and not cues.ANAPHOR_PROJECT.search(self.text, clause[0], clause[1])
                group = ref.company_linked if by_company else ref.linked
                if index not in group:
                    group.append(index)
        self._carry_signing(index, found, orgs, names, referents, cands)
        if described is not None:
            self._absorb_described(described, index, cands)
        self._note_described(index, cands)
        if cands and self.focus is not None and not self._parts_of_the_project(sent, names, cands):
            cands = []  # (the project in focus stays in focus)
        if cands:
            self.focus = cands[-1]
            named = list(dict.fromkeys(cands))  # (a name and the description it renames are one)
            if len(named) >= 2:
                self.enumeration = named
        if orgs and self.event is not None and self.event.gov is None and _HOSTED_BY.search(sent.text):
            # "The ceremony was hosted by the X People's Government": the event's government
            self.event.gov = next((o for o in orgs if o.kind == "government"), None)
        if orgs:
            companies = [o for o in orgs if o.is_company]
            # "the company" later means the one the sentence is about, not its parent named after it
            subjects = [o for o in companies if not is_parent(self.text, o, sent.start)]
            if subjects:
                self.last_company = subjects[-1]
            for org in companies:
                self.aliases.add(org)
            self.parties_before = (para.index, tuple(orgs))

    def _parts_of_the_project(self, sent: Sentence, names, cands) -> bool:
        """False when the sentence tells what the project in focus is made of ("The project comprises a
        wind farm and a plant"): the names after the verb are its parts (marked as components)."""
        said = _COMPRISES.search(self.text, sent.start, sent.end)
        if said is None or any(n.start < said.start() for n in names):
            return True
        subject = self.text[sent.start:said.start()].strip()
        found = cues.ANAPHOR_PROJECT.match(subject)
        if found is None or found.end() != len(subject):
            return True
        for c in cands:
            c.component = True
        return False

    def _carry_signing(self, index: int, found, orgs, names, referents, cands) -> None:
        """"A signed an agreement with the X District People's Government. The unit will put 2.6 billion
        yuan into the Y Park": the government that signed with A signs for the project A's next sentence
        names."""
        pending = self._signing_without_project
        self._signing_without_project = None
        if not names and not referents and orgs and any(s == Status.signed for s, _, _ in found):
            governments = [o for o in orgs if o.kind == "government"]
            companies = {o.text for o in orgs if o.is_company}
            if governments and companies:
                self._signing_without_project = (index, governments, companies)
            return
        if pending is None or pending[0] != index - 1 or not cands:
            return
        _, governments, companies = pending
        for cand in dict.fromkeys(cands):
            if any(o.text in companies for o, _ in cand.orgs.values()):
                for government in governments:
                    cand.add_org(government, OrgRole.signer)

    # --- anaphora ------------------------------------------------------------------------------
    def _referent(self, clause: tuple[int, int], text: str, orgs) -> Optional[Candidate]:
        """The project a clause (`text`) refers to without naming it: "the former", "the company's
        project", "it"."""
        if self.enumeration and cues.FORMER.search(text):
            return self.enumeration[0]
        if self.enumeration and cues.LATTER.search(text):
            return self.enumeration[-1]
        company = self.referred_company(clause, orgs, text)
        if company is not None:
            return self.company_candidate.get(company.text, self.focus)
        if self.focus is not None and (found := cues.ANAPHOR_PROJECT.search(text.lstrip())):
            return self._named_project_described_as(found.group()) or self.focus
        return None

    def _named_project_described_as(self, phrase: str) -> Optional[Candidate]:
        """The one project named earlier whose name holds the words describing it: "the metro line" or
        "the silicon carbide plant" after a list of a metro line, an airport and a silicon carbide project."""
        words = [w for w in _WORD.findall(phrase.lower())[1:-1] if w not in _NOT_DESCRIBING]
        if not words:
            return None
        found = None
        for cand in self.mention_order:
            named = self._name_words.get(cand)
            if named is None:
                named = self._name_words[cand] = frozenset(_WORD.findall(cand.name.text.lower()))
            if named.issuperset(words):
                if found is not None:
                    return None  # two projects fit the description: it says neither
                found = cand
        return found

    def referred_company(self, clause: tuple[int, int], orgs, text: Optional[str] = None) -> Optional[OrgMention]:
        """The company a clause (of the current sentence; `text` if given) talks about: "the company",
        a short name ("Norvale"), or a full name (among `orgs`) of a company already tied to a project."""
        says_company, alias = self._named_company(clause, text)
        if says_company:
            return self.last_company
        if alias is not None:
            return alias
        for org in orgs:
            if clause[0] <= org.start < clause[1] and org.text in self.company_candidate:
                return org
        return None

    def _named_company(self, clause: tuple[int, int], text: Optional[str]) -> tuple[bool, Optional[OrgMention]]:
        """How a clause of this sentence names a company: (True, None) for "the company" (the last
        company named), else (False, the company whose short name it uses, or None). Read at most once
        per clause: it depends only on the companies named in earlier sentences."""
        named = self._named.get(clause)
        if named is None:
            text = text if text is not None else self.text[clause[0]:clause[1]]
            if cues.says_the_company(text):
                # "X Co. plans to invest ... , which the company hopes ...": the company is X, named before
                said = clause[0] + cues.ANAPHOR_COMPANY.search(text).start()
                named = (not any(clause[0] <= start < said for start, _ in self._org_spans), None)
            else:
                named = (False, self.aliases.find(text, self._org_spans, clause[0]))
            self._named[clause] = named
        return named

    # --- amounts -------------------------------------------------------------------------------
    def _link_amounts(self, index: int, sent: Sentence, names, cands, referents, amounts) -> None:
        respectively = len(amounts) >= 2 and bool(cues.RESPECTIVELY.search(sent.text))
        kept: list[MoneyMatch] = []
        text = self.text
        previous_end = -1
        for a in amounts:
            if text[a.start - 1:a.start] in _OPEN_QUOTES and text[a.end:a.end + 1] in _CLOSE_QUOTES:
                continue  # '"不低于10亿元" 这样的表述': a figure quoted as wording, not stated as a sum
            converted = previous_end >= 0 and _CONVERSION_GAP.fullmatch(text, previous_end, a.start)
            previous_end = a.end
            if converted:
                continue  # "RMB 4.8 billion (about US$670 million)": the same sum in another currency
            window = sent.clause_of(a.start)[0]
            if names:  # not before the last project name
                window = max(window, next((n.end for n in reversed(names) if n.end <= a.start), sent.start))
            kind = sums.classify_amount(text, a.start, a.end, window, respectively)
            if kind:
                self.aggregates.append(AggregateFact(kind=kind, doc_id=self.doc_id, start=a.start, end=a.end,
                                                     quote=a.text, amount=a.to_amount()))
            else:
                kept.append(a)
        if respectively and len(kept) >= 2:
            paired = self._pair_respectively(kept, names, cands)
            kept = [a for a in kept if a not in paired]
        revised_of = None  # the project the sentence's last sum was given to
        previous: Optional[MoneyMatch] = None  # that sum
        for a in kept:
            revised = bool(_REVISED_TO.search(text, max(0, a.start - 16), a.start))
            if revised and revised_of is not None:  # "去年以40亿元…，今年总投资上调至62亿元": the same project's
                revised_of.set_amount(a, revised=True)
                continue
            if revised_of is not None and revised_of.amount_is_phase and previous is not None \
                    and _TIGHT_GAP.fullmatch(text, previous.end, a.start):
                revised_of.set_amount(a)  # "一期投资14.5亿元，总投资42亿元": the whole of the same project
                continue
            previous = a
            target = self._amount_target(a, sent, names, cands, referents)
            # (An unquoted Chinese name named in this sentence must be tight with its sum; one referred
            # to by 该项目/该工程 is not named here at all.)
            phase_said = _PHASE_SUM_BEFORE.search(text, max(0, a.start - 10), a.start)  # "一期投资5亿元"
            phase = target is not None and _phase_of(phase_said, target)
            if target is not None and target.name.source == "zh" and target in cands and not phase \
                    and not self._tight(target, names, a):
                target = self._described_by_sum(a, names, cands)  # "总投资48亿元的X项目", or none
            if target is not None:
                target.set_amount(a, revised=revised or phase, phase_only=phase_said is not None and not phase)
                self._mark_components(a, sent, names, cands, target)
                revised_of = target
            elif not names:  # "X said it would spend $180 million on a second phase": named next, maybe
                company = self._company_named_before(sent, a.start)
                if company is None and _IT_OR_THE_COMPANY.search(self.text, sent.start, a.start):
                    company = self.last_company
                self._note_unnamed_sum(index, a, company)

    def _described_by_sum(self, a: MoneyMatch, names, cands) -> Optional[Candidate]:
        """The Chinese name right after a sum that describes it or is invested to build it."""
        after = next(((n, c) for n, c in zip(names, cands) if n.start >= a.end), None)
        if after is None or after[0].source != "zh" or not _INVESTED_TO_BUILD.fullmatch(self.text, a.end, after[0].start):
            return None
        return after[1]

    def _tight(self, cand: Candidate, names: list[NameMention], a: MoneyMatch) -> bool:
        """An unquoted Chinese name takes only an amount that directly follows it ("X项目总投资5亿元"),
        or one that is invested to build it ("计划投资4.2亿元在屯留区建设X项目")."""
        ends = [n.end for n in names if n.end <= a.start and candidate_key(n.text) == cand.key]
        if ends and (_TIGHT_GAP.fullmatch(self.text[ends[-1]:a.start])
                     or _REFERRED_BACK.search(self.text, ends[-1], a.start)):
            return True
        starts = [n.start for n in names if n.start >= a.end and candidate_key(n.text) == cand.key]
        return bool(starts) and bool(_INVESTED_TO_BUILD.fullmatch(self.text, a.end, starts[0]))

    def _pair_respectively(self, amounts: list[MoneyMatch], names, cands: list[Candidate]) -> list[MoneyMatch]:
        """The sums paired in order with the projects they are "respectively" of; the others are read
        one by one. All of a sentence's names and sums ("A and B cost X and Y, respectively"), else the
        first run of sums ("X、Y、Z") and the names before it ("A、B和C分别投资X、Y、Z，…；D项目总投资W")."""
        targets = list(dict.fromkeys(cands)) or list(self.mention_order)[-len(amounts):]
        if len(targets) != len(amounts):
            run = amounts[:1]
            for a in amounts[1:]:
                if not _SUM_LIST_GAP.fullmatch(self.text, run[-1].end, a.start):
                    break
                run.append(a)
            amounts = run
            targets = list(dict.fromkeys(c for n, c in zip(names, cands) if n.end <= amounts[0].start))
        if len(targets) != len(amounts):
            return []
        for cand, amount in zip(targets, amounts):
            cand.set_amount(amount)
        return amounts

    def _amount_target(self, a, sent, names, cands, referents) -> Optional[Candidate]:
        clause = sent.clause_of(a.start)
        lead_ref = referents.get(sent.clauses[0])
        starts_with_anaphor = lead_ref is not None and not [n for n in names if n.start < a.start]
        if starts_with_anaphor:
            return lead_ref
        in_clause = [(n, c) for n, c in zip(names, cands) if clause[0] <= n.start < clause[1]]
        before = [p for p in in_clause if p[0].end <= a.start] or [p for p in zip(names, cands) if p[0].end <= a.start]
        if before:
            return before[-1][1]
        # (not a facility the sum is "mainly for the construction of": a part of the project in focus)
        after = [p for p in in_clause if p[0].start >= a.end
                 and not (p[0].weak and _SPENT_ON.search(self.text, a.end, p[0].start)
                          and not _FOR_THE.fullmatch(self.text, a.end, p[0].start))]
        if after:
            return after[0][1]
        # "X公司将投资4.6亿美元，在Y区建设Z项目": the sum is invested to build the name in the next clause
        following = next(((n, c) for n, c in zip(names, cands) if n.start >= a.end), None)
        if following is not None and following[0].source == "zh" \
                and _INVESTED_TO_BUILD.fullmatch(self.text, a.end, following[0].start):
            return following[1]
        found = referents.get(clause) or (lead_ref if not names else None)
        if found is None and self.focus is not None and self.focus.paragraph == sent.para \
                and _TOTAL_INVESTMENT_BEFORE.search(self.text, max(clause[0], a.start - 48), a.start):
            return self.focus  # "... this project is built by X. The total investment is 1.35 billion yuan"
        return found

    def _mark_components(self, a, sent, names, cands, target) -> None:
        """"The company plans to invest X to build the A and B": A and B are parts of the target."""
        if target in cands:
            return
        clause = sent.clause_of(a.start)
        later = [(n, c) for n, c in zip(names, cands) if n.start > a.end and n.start < clause[1]]
        for i, (n, c) in enumerate(later):
            if cues.BUILD_VERB.search(self.text[max(0, n.start - 24):n.start]):
                for _, part in later[i:]:
                    part.component = True
                break


_PHASE_SUM_BEFORE = re.compile(r"([一二三四1-4])期(?:工程|项目)?(?:总)?投资(?:约|为)?$")


def _phase_of(phase_said: Optional[re.Match], target: Candidate) -> bool:
    """"项目整体规划投资12亿元，分两期实施，其中一期投资5亿元": the phase's sum (`phase_said`, a match of
    _PHASE_SUM_BEFORE) is the amount of the phase named."""
    return phase_said is not None and f"{phase_said.group(1)}期" in target.name.text


class _BySentence:
    """The mentions of each sentence, keyed by the sentence's start: what DocMentions' range queries
    return for it. The linker reads every kind for every sentence; one query per kind for the whole
    document, each mention then put in the sentence that holds it whole, costs a fraction of that."""

    def __init__(self, m: DocMentions):
        whole = (0, len(m.text))
        starts = [s.start for s in m.sentences]
        ends = [s.end for s in m.sentences]
        self.status = _group(m.status(*whole), starts, ends)  # strongest status first, as m.status
        self.names = _group(m.names(*whole), starts, ends)
        self.orgs = _group(m.orgs(*whole), starts, ends)
        self.amounts = _group(m.amounts(*whole), starts, ends)
        self.dates = _group(m.dates(*whole), starts, ends)
        # The sentences that hold a status, organisation, amount, date or place ("say something"),
        # and those that hold any mention at all: the others change no state of the linker. (Places
        # are read for few sentences: here only which sentences hold one.)
        self.saying = set(self.status).union(self.orgs, self.amounts, self.dates,
                                             _group(m.places(*whole), starts, ends))
        self.telling = self.saying.union(self.names)


def _group(items, starts: list[int], ends: list[int]) -> dict[int, list]:
    """`items` by the start of the sentence that holds each one whole (sentences given by their sorted
    `starts` and `ends`), in the order of `items`; sentences without any are left out."""
    out: dict[int, list] = {}
    for item in items:
        start = item.start
        k = bisect_right(starts, start) - 1
        if k < 0 or start >= ends[k] or item.end > ends[k]:
            continue
        group = out.get(starts[k])
        if group is None:
            out[starts[k]] = [item]
        else:
            group.append(item)
    return out
