"""What the linker accumulates: project candidates, and the events (a list released, a ceremony held,
an approval granted) whose date, status, place and government body later projects inherit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extractor.normalize.dates import DateMatch
from extractor.normalize.money import MoneyMatch
from extractor.normalize.places import PlaceMatch
from extractor.types import OrgRole, Status, normalise_name
from extractor.engines.rules.names import NameMention
from extractor.engines.rules.orgs import OrgMention

# When one organisation gets several roles for one project, the most specific one is kept.
ROLE_RANK = {OrgRole.investor: 0, OrgRole.undertaker: 1, OrgRole.signer: 2, OrgRole.government: 3,
             OrgRole.other: 4}


def provinces_named(places: list[PlaceMatch]) -> set[str]:
    """The provinces that place mentions name, each read its most likely way."""
    return {m.candidates[0].province_en for m in places if m.candidates}


@dataclass
class Cue:
    status: Status
    start: int
    end: int


@dataclass(eq=False)
class Event:
    """A dated happening that introduces projects: "On March 27, the X Commission released ..."."""

    status: Cue
    sentence: int
    section: int
    date: Optional[DateMatch] = None
    gov: Optional[OrgMention] = None
    places: list[PlaceMatch] = field(default_factory=list)


@dataclass(eq=False)
class Candidate:
    key: str
    name: NameMention
    section: int
    paragraph: int
    sentences: list[int] = field(default_factory=list)  # where the project is named
    linked: list[int] = field(default_factory=list)  # where it is referred to ("the project", "it")
    company_linked: list[int] = field(default_factory=list)  # where its company is ("the company ...")
    amount: Optional[MoneyMatch] = None
    amount_conflicts: list[MoneyMatch] = field(default_factory=list)
    amount_is_phase: bool = False  # the amount is one phase's sum (see set_amount)
    orgs: dict[str, tuple[OrgMention, OrgRole]] = field(default_factory=dict)
    event: Optional[Event] = None
    component: bool = False  # named only as a part of another project ("to build the X and Y")
    weak: bool = True
    cells: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # table cells by field

    def add_org(self, org: OrgMention, role: OrgRole) -> None:
        known = self.orgs.get(org.text)
        if known is None or ROLE_RANK[role] < ROLE_RANK[known[1]]:
            self.orgs[org.text] = (known[0] if known else org, role)

    def set_amount(self, amount: MoneyMatch, revised: bool = False, phase_only: bool = False) -> None:
        """The first sum stated is the amount and a later one a conflict, unless the later one revises
        it ("今年总投资上调至62亿元", "raised to"): that one is the amount now. The sum of one phase of
        a project named whole (`phase_only`: "一期投资14.5亿元，总投资42亿元") is its amount only until
        the whole project's sum is stated, and no conflict with it."""
        if phase_only:
            if self.amount is None:
                self.amount, self.amount_is_phase = amount, True
            return
        if self.amount_is_phase:
            self.amount, self.amount_is_phase = amount, False
        elif revised and self.amount is not None and amount.start > self.amount.start:
            self.amount_conflicts.append(self.amount)
            self.amount = amount
        elif self.amount is None:
            self.amount = amount
        elif (amount.start, amount.end) != (self.amount.start, self.amount.end):
            self.amount_conflicts.append(amount)

    @property
    def has_link(self) -> bool:
        """Something ties the name to a project: a sum, a builder or investor, or a table row."""
        roles = {r for _, r in self.orgs.values()}
        return self.amount is not None or bool(roles & {OrgRole.undertaker, OrgRole.investor}) or bool(self.cells)


@lru_cache(maxsize=4096)  # asked again for every mention of a name
def candidate_key(name: str) -> str:
    key = normalise_name(name)
    return re.sub(r"^(?:the|a)(?=[a-z])", "", key)
