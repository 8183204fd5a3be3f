"""Tie amounts, organisations and follow-up sentences to project names, one sentence at a time.

State carried from sentence to sentence: the project in focus (for "the project", "it"), the last
enumeration (for "the former/latter", "respectively"), the last company named (for "the company")
and the current event (a list release, a signing ceremony) whose date and status projects inherit.
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.normalize.money import MoneyMatch
from extractor.types import AggregateFact, Status
from extractor.engines.rules import cues
from extractor.engines.rules.candidates import Candidate, Cue, Event, candidate_key
from extractor.engines.rules.mentions import DocMentions
from extractor.engines.rules.names import NameMention
from extractor.engines.rules.orgs import OrgMention
from extractor.engines.rules.sentences import Paragraph, Sentence
from extractor.engines.rules.aliases import AliasBook
from extractor.engines.rules.roles import OrgLinking

_FUTURE_DATE = re.compile(r"(?:open|opening|complet\w*|start\w*|begin\w*|operation\w*|finish\w*|due|"
                          r"production|service)\s+(?:[\w-]+\s+){0,2}in\s+$|(?:\bby|\buntil|\bbefore|\bafter|\bsince|(?:founded|established|set up|"
                          r"registered|listed) in)\s+$|预计$|计划$|将于$|成立于$|始建于$|创立于$|成立$")
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"「‘", "”\"」’"
_TIGHT_GAP = re.compile(r"(?:(?:落户|选址|位于|建于|布局)[\u4e00-\u9fffA-Za-z0-9]{0,20})?[，,；;]?(?:项目)?"
                        r"(?:总投资|计划投资|投资|投资额|总额)?[：:]?(?:约|达|为|超过|逾)?")
_DATE_PURPOSE_AFTER = re.compile(r"^\s*(?:年)?(?:投产|建成|完工|竣工|开工|达产|运营)")


class Linker(OrgLinking):
    def __init__(self, mentions: DocMentions, doc_id: str):
        self.m = mentions
        self.text = mentions.text
        self.doc_id = doc_id
        self.candidates: dict[str, Candidate] = {}
        self.mention_order: list[Candidate] = []
        self.focus: Optional[Candidate] = None
        self.enumeration: list[Candidate] = []
        self.last_company: Optional[OrgMention] = None
        self.company_candidate: dict[str, Candidate] = {}
        self.aliases = AliasBook()
        self.event: Optional[Event] = None
        self.aggregates: list[AggregateFact] = []
        self.dropped: list[str] = []
        self._org_spans: tuple[tuple[int, int], ...] = ()
        self.event_at: dict[int, Optional[Event]] = {}  # event in force at each skipped (table) paragraph

    # --- driving -------------------------------------------------------------------------------
    def run(self, skip_paragraphs: set[int]) -> None:
        section = -1
        index = 0
        for para in self.m.paragraphs:
            if para.section != section:
                section, self.focus, self.enumeration = para.section, None, []
            if para.index in skip_paragraphs:
                self.event_at[para.index] = self.event
            for sent in para.sentences:
                if para.index > 0 and para.kind != "heading" and para.index not in skip_paragraphs:
                    self._sentence(index, sent, para)
                index += 1

    def candidate_for(self, name: NameMention, para: Paragraph, sent_index: int) -> Candidate:
        key = candidate_key(name.text)
        cand = self.candidates.get(key)
        if cand is None:
            cand = Candidate(key, name, para.section, para.index, event=self.event, weak=name.weak)
            self.candidates[key] = cand
        elif not name.weak:
            cand.weak = False
        if sent_index not in cand.sentences:
            cand.sentences.append(sent_index)
        if cand in self.mention_order:
            self.mention_order.remove(cand)
        self.mention_order.append(cand)
        return cand

    # --- one sentence --------------------------------------------------------------------------
    def _sentence(self, index: int, sent: Sentence, para: Paragraph) -> None:
        found = self.m.status(sent.start, sent.end)
        self._update_event(index, sent, para, found)
        names = self.m.names(sent.start, sent.end)
        cands = [self.candidate_for(n, para, index) for n in names]
        orgs = self.m.orgs(sent.start, sent.end)
        self._org_spans = tuple((o.start, o.end) for o in orgs)
        worth = (orgs or found or self.m.amounts(sent.start, sent.end) or self.m.dates(sent.start, sent.end)
                 or self.m.places(sent.start, sent.end))
        # Only a sentence that says something (a sum, a company, a date, a place, a status) needs its
        # "the project"/"it" resolved.
        referents = {c: self._referent(c, sent, orgs) for c in sent.clauses} if worth else {}
        self._link_amounts(sent, names, cands, referents)
        self._link_orgs(sent, names, cands, orgs, referents, found)
        for clause, ref in referents.items():
            if ref is None or names or index in ref.sentences:
                continue
            by_company = self.referred_company(self.text[clause[0]:clause[1]], clause[0], orgs) is not None
            group = ref.company_linked if by_company else ref.linked
            if index not in group:
                group.append(index)
        if cands:
            self.focus = cands[-1]
            if len(cands) >= 2:
                self.enumeration = list(dict.fromkeys(cands))
        companies = [o for o in orgs if o.is_company]
        if companies:
            self.last_company = companies[-1]
        for org in companies:
            self.aliases.add(org)

    def _update_event(self, index: int, sent: Sentence, para: Paragraph, found) -> None:
        found = [f for f in found if f[0] != Status.planned]  # plans belong to one project, not an event
        if not found:
            return
        gov = next((o for o in self.m.orgs(sent.start, sent.end) if o.kind == "government"), None)
        date = self.sentence_date(sent)
        if date is None and cues.SAME_DAY.search(sent.text) and self.event is not None:
            date = self.event.date
        if date is None:
            date = self.paragraph_date(para, sent.start)
        if date is None:
            return  # an undated remark ("officials said 1020 projects made the list") opens no event
        status, start, end = found[0]
        places = self.m.places(sent.start, sent.end, in_names=False)
        current = self.event
        if current and current.date and current.date.iso == date.iso and current.status.status == status \
                and _same_region(current.places, places):
            current.gov = current.gov or gov  # the same event, told in a further sentence
            return
        self.event = Event(Cue(status, start, end), index, para.section, date, gov, places)

    def sentence_date(self, sent: Sentence):
        """The most precise date the sentence states for what happened (not "to open in 2023")."""
        best = None
        for d in self.m.dates(sent.start, sent.end):
            if _FUTURE_DATE.search(self.text[max(0, d.start - 30):d.start]):
                continue
            if _DATE_PURPOSE_AFTER.match(self.text[d.end:d.end + 4]):
                continue
            if best is None or len(d.iso) > len(best.iso):
                best = d
        return best

    def paragraph_date(self, para: Paragraph, before: int):
        """The date a paragraph opens with ("On March 18th, ..."), for its later sentences."""
        first = para.sentences[0] if para.sentences else None
        if first is None or first.start >= before:
            return None
        return self.sentence_date(first)

    # --- anaphora ------------------------------------------------------------------------------
    def _referent(self, clause: tuple[int, int], sent: Sentence, orgs: list[OrgMention]) -> Optional[Candidate]:
        text = self.text[clause[0]:clause[1]]
        if self.enumeration and cues.FORMER.search(text):
            return self.enumeration[0]
        if self.enumeration and cues.LATTER.search(text):
            return self.enumeration[-1]
        company = self.referred_company(text, clause[0], orgs)
        if company is not None:
            return self.company_candidate.get(company.text, self.focus)
        if cues.ANAPHOR_PROJECT.search(text.lstrip()):
            return self.focus
        return None

    def referred_company(self, text: str, offset: int, orgs: list[OrgMention]) -> Optional[OrgMention]:
        """The company a clause talks about: "the company", a short name ("Norvale"), or a full name
        of a company already tied to a project."""
        if cues.ANAPHOR_COMPANY.search(text):
            return self.last_company
        alias = self.aliases.find(text, self._org_spans, offset)
        if alias is not None:
            return alias
        for org in orgs:
            if offset <= org.start < offset + len(text) and org.text in self.company_candidate:
                return org
        return None

    # --- amounts -------------------------------------------------------------------------------
    def _link_amounts(self, sent: Sentence, names, cands, referents) -> None:
        amounts = self.m.amounts(sent.start, sent.end)
        if not amounts:
            return
        respectively = bool(cues.RESPECTIVELY.search(sent.text)) and len(amounts) >= 2
        kept: list[MoneyMatch] = []
        for a in amounts:
            if self.text[a.start - 1:a.start] in _OPEN_QUOTES and self.text[a.end:a.end + 1] in _CLOSE_QUOTES:
                continue  # '"不低于10亿元" 这样的表述': a figure quoted as wording, not stated as a sum
            clause = sent.clause_of(a.start)
            before_names = [n for n in names if n.end <= a.start]
            window = max(clause[0], before_names[-1].end if before_names else sent.start)
            kind = cues.classify_amount(self.text, a.start, a.end, window, respectively)
            if kind:
                self.aggregates.append(AggregateFact(kind=kind, doc_id=self.doc_id, start=a.start, end=a.end,
                                                     quote=a.text, amount=a.to_amount()))
            else:
                kept.append(a)
        if respectively and len(kept) >= 2 and self._pair_respectively(kept, cands):
            return
        for a in kept:
            target = self._amount_target(a, sent, names, cands, referents)
            if target is not None and target.name.source == "zh" and not self._tight(target, names, a):
                target = None
            if target is not None:
                target.set_amount(a)
                self._mark_components(a, sent, names, cands, target)

    def _tight(self, cand: Candidate, names: list[NameMention], a: MoneyMatch) -> bool:
        """An unquoted Chinese name takes only an amount that directly follows it: "X项目总投资5亿元"."""
        ends = [n.end for n in names if n.end <= a.start and candidate_key(n.text) == cand.key]
        return bool(ends) and bool(_TIGHT_GAP.fullmatch(self.text[ends[-1]:a.start]))

    def _pair_respectively(self, amounts: list[MoneyMatch], cands: list[Candidate]) -> bool:
        targets = list(dict.fromkeys(cands))
        if not targets:
            targets = self.mention_order[-len(amounts):]
        if len(targets) != len(amounts):
            return False
        for cand, amount in zip(targets, amounts):
            cand.set_amount(amount)
        return True

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
        after = [p for p in in_clause if p[0].start >= a.end]
        if after:
            return after[0][1]
        return referents.get(clause) or (lead_ref if not names else None)

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


def _same_region(a, b) -> bool:
    """No province named in one event sentence contradicts the other's."""
    pa = {c.province_en for m in a for c in m.candidates[:1]}
    pb = {c.province_en for m in b for c in m.candidates[:1]}
    return not pa or not pb or bool(pa & pb)
