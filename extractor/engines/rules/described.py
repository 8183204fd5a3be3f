"""A project described before it is named: "X Inc said it would spend $180 million on a second phase
at its site in Chuzhou. The Chuzhou Silicon Carbide Phase II Project still needs clearance."

Wire reports often tell what a company will do first and name the project in the next sentence. The
sum (and the company) of the describing sentence, or the weak described project it made ("a
photovoltaic glass plant"), then belong to the project the next sentence names for the first time.
A mixin of the Linker: each sentence pops what the one before described, notes what it describes
itself, and hands the popped description to the project it names first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extractor.normalize.money import MoneyMatch
from extractor.types import OrgRole
from extractor.engines.rules.candidates import Candidate
from extractor.engines.rules.orgs import OrgMention

# What a described thing is ("a second phase", "a plant making ...").
_FACILITY = (r"(?:plant|factory|phase|facility|base|park|centre|center|line|mill|terminal|hub|fab|project|expansion"
             r"|warehouse|complex)\b")
# A sum spent on something described, not named: "$180 million on a second phase", "75 million
# euros into a plant making ...", "5亿元建设一座…工厂" is left to the Chinese rules.
_ON_A_FACILITY = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:on|into|in|for|to build|to set up)\s+(?:a|an)\s+"
                            r"(?:[\w-]+\s+){0,6}?" + _FACILITY)  # (past "(about 9.4 billion yuan)")


_WORD = re.compile(r"[a-z][a-z-]+")
_NOT_SAYING_WHAT = frozenset("an on into in for to build set up making make the of and at its site new with "
                             "that which from by".split())


def _words(text: str) -> set[str]:
    """Content words, singular: "harnesses" and "harness" are one."""
    return {re.sub(r"(?:es|s)$", "", w) for w in _WORD.findall(text.lower()) if w not in _NOT_SAYING_WHAT}


_CLAUSE_END = re.compile(r"[,;.]\s|[,;]")
_DESCRIPTION_REACH = 4  # sentences
_GENERIC_FACILITY_WORDS = frozenset("project plant factory facility base park centre center line phase expansion "
                                    "industrial zone area new hub station".split())


# The rest of "a 1.46 billion yuan lithium iron phosphate cathode project": what the sum describes.
_A_SUM_FACILITY = re.compile(r"\s+(?:[\w-]+\s+){0,5}?" + _FACILITY)


@dataclass
class _Described:
    sentence: int
    words: set[str]  # what the description says the thing is
    amount: Optional[MoneyMatch] = None
    company: Optional[OrgMention] = None
    role: OrgRole = OrgRole.investor
    weak: Optional[Candidate] = None  # a described project ("a photovoltaic glass plant")


class DescribedThenNamed:
    """Keeps the last sentence's described project; reads the Linker's `text`, `company_candidate`."""

    _description: Optional[_Described] = None

    def _note_unnamed_sum(self, index: int, amount: MoneyMatch, company: Optional[OrgMention]) -> None:
        """A sum no project of its sentence takes: kept when it is spent on something described, or
        describes it ("approved a 1.46 billion yuan lithium cathode project")."""
        found = _ON_A_FACILITY.match(self.text, amount.end) if company is not None else None
        if found is None and self.text[max(0, amount.start - 2):amount.start] in ("a ", "A "):
            found = _A_SUM_FACILITY.match(self.text, amount.end)
        if found is not None:
            clause_end = _CLAUSE_END.search(self.text, found.end())
            told = self.text[found.start():clause_end.start() if clause_end else found.end()]
            self._description = _Described(index, _words(told), amount=amount, company=company)

    def _note_described(self, index: int, cands: list[Candidate]) -> None:
        """A sentence that makes only a described project ("plans to build a photovoltaic glass plant")."""
        if cands and all(c.weak and c.name.source == "described" for c in cands) and len(set(cands)) == 1:
            self._description = _Described(index, _words(cands[0].name.text), weak=cands[0])

    def _pop_described(self, index: int) -> Optional[_Described]:
        """What a sentence shortly before `index` described (a quote or a remark may come between the
        description and the name); forgotten once a project is named, or after a few sentences."""
        described = self._description
        if described is not None and index - described.sentence > _DESCRIPTION_REACH:
            described = self._description = None
        return described

    def _absorb_described(self, described: _Described, index: int, cands: list[Candidate]) -> None:
        """The one project sentence `index` names for the first time takes what the sentence before
        it described."""
        fresh = list(dict.fromkeys(c for c in cands if c.sentences[0] == index
                                   and (not c.weak or c.name.source != "described")))  # (a proper "X Park" too)
        if fresh:
            self._description = None  # (told of or not, a project named ends the description's reach)
        shared = described.words & _words(fresh[0].name.text) if len(fresh) == 1 else set()
        if not shared or ((index - described.sentence > 1 or fresh[0].weak) and shared <= _GENERIC_FACILITY_WORDS):
            return  # (a project that shares no word with the description is another one; further on, or
            # a name with a weak head ("Suzhou Industrial Park"), no word but "industrial park" or "plant")
        named = fresh[0]
        if described.weak is not None:
            self._take_over(named, described.weak)
            return
        if named.amount is None and described.amount is not None:
            named.set_amount(described.amount)
        named.linked.append(described.sentence)  # its status, date and places
        if described.company is not None:
            named.add_org(described.company, described.role)
            self.company_candidate.setdefault(described.company.text, named)

    def _take_over(self, named: Candidate, weak: Candidate) -> None:
        if named.amount is None and weak.amount is not None:
            named.set_amount(weak.amount)
        for org, role in weak.orgs.values():
            named.add_org(org, role)
        named.linked.extend(i for i in weak.sentences + weak.linked if i not in named.linked)
        for company, cand in list(self.company_candidate.items()):
            if cand is weak:
                self.company_candidate[company] = named
        weak.orgs.clear()
        weak.amount = None
        weak.component = True  # dropped: a part of the named project, with nothing of its own
