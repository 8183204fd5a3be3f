"""Which organisation plays which role in which project: "undertaken by X", "X's project", "X与Y签订",
"The company plans to invest ...". A mixin of the Linker: it reads the Linker's sentence state."""

from __future__ import annotations

import re
from typing import Optional

from extractor.normalize.scanning import word_start
from extractor.types import OrgRole, Status
from extractor.engines.rules import cues
from extractor.engines.rules.cues import any_case
from extractor.engines.rules.orgs import OrgMention

# \b(?:it|the company)\s+(?:has\s+|had\s+|have\s+)?(?:undertaken|...)\b|该公司[\u4e00-\u9fff]{0,4}?(?:承建|建设|实施), any
# case, written to open with literals (see `scanning`): (?i) lets İ and ı stand for "i".
_ROLE_VERB = (r"\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+|plans?\s+to\s+|planned\s+to\s+|intends?\s+to\s+)?"
              r"(?:undertaken|undertakes|undertake|led|leads|built|builds|build"
              r"|constructs|construct|carry\s+out|carries\s+out|develop)\b")
_PLANS = re.compile(r"\b(?:plans?|planned|intends?|would)\b")
_PRONOUN_ROLE = re.compile("|".join([word_start(c, "(?i:t" + _ROLE_VERB + ")") for c in "Ii\u0130\u0131"]
                                    + [word_start(c, "(?i:he company" + _ROLE_VERB + ")") for c in "Tt"]
                                    + ["该公司[\u4e00-\u9fff]{0,4}?(?:承建|建设|实施)"]))  # "该公司(将/继续/负责)(投资)建设'
# Written to open with literals (see `cues.any_case`; 投 before its look-behind), the plain forms are:
# \b(?:invest|invests|investing|spend|spends|fund)\b (any case)|(?<!总)投资(?!建设)|投入
# What stands between a verb and a project that is not its object: another verb, a clause.
_NOT_THE_OBJECT = re.compile(r"\bto\b|\bwhich\b|\bthat\b|[,，;；]")
_INVEST_VERB = re.compile("|".join(
    any_case(r"\binvest\b", r"\binvests\b", r"\binvesting\b", r"\bspend\b", r"\bspends\b", r"\bfund\b",
             r"\bfunding\b", r"\bfunds\b")
    + [r"put(?<!\wput)(?= (?:more than |about |over |up to )?(?:US\$|HK\$|\$|RMB |€)?\d)"]  # "put 5 billion yuan into"
    + ["投(?<!总投)资(?!建设)", "投入"]))
# \b(?:build|builds|construct|constructs|undertake|undertakes|set up)\b (any case)|建设|承建|实施
_BUILD_VERB = re.compile("|".join(
    any_case(*(r"\b" + verb + r"\b" for verb in ("build", "builds", "construct", "constructs", "undertake",
                                                 "undertakes", "set up")))
    + ["建设", "承建", "实施"]))

_OF_THE = re.compile(r"of\s+(?:the\s+)?$")  # "the X of [the] <organisation>"


# (a few words may say what the parent is: "a unit of Danish medical device group Y A/S")
_PARENT_BEFORE = re.compile(r"\b(?:subsidiary|unit|arm|affiliate|division|member company) of (?:the )?"
                            r"(?:(?:state-owned|listed|privately held|Hong Kong-listed|Shanghai-listed) )?"
                            r"(?:[\w-]+ ){0,4}$")
_NOT_SIGNED_YET = re.compile(r"\b(?:expects?|expected|plans?|planned|hopes?|aims?|intends?|is|are) to sign\b"
                             r"|\bwill sign\b|\bwould sign\b|拟与|将与|计划与")
_BY = re.compile(r"[”\"」』》]?\s*(?:将|拟)?由")  # between a name and the company that builds it
_POSSESSIVE_GAP = re.compile(r"[\s“\"「『《(（]*(?:'s|’s|的|之)?[\s“\"「『《(（]*")
# What joins two organisations that share one role: "by A and B", "by A, B and C", "由A、B".
_COORDINATED = re.compile(r"\s*,?\s*(?:and|&|as well as)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?|、|和|及|以及|与")
# A place that signs as its government: "柳江区与X公司签约", "Rudong County signed a contract with X".
# (Read right after the place; the company must follow in the same clause.)
_PLACE_SIGNS_ZH = re.compile(r"[与同]")
_PLACE_SIGNS_ZH_VERB = re.compile(r"签约|签订|签署")
_PLACE_SIGNS_EN = re.compile(r"\s+(?:has\s+|have\s+|also\s+)?signed\b[^;]{0,80}?\bwith\s+(?:the\s+)?$")
# Between "the company" and the project it signs for or plans: "该公司当天与X签约“Y项目”".
_SIGNS_OR_PLANS = re.compile(r"签约|签订|签署|拟|将|计划|\bsigned\b|\bwill\b|\bplans\b")
# "will be built by the company", "funded by the firm": the company is the agent of a passive verb, whose
# subject is the project named before it. (The words a verb may take between it and "by": "solely".)
_PASSIVE_BY = re.compile(r"\b(?P<verb>built|constructed|undertaken|developed|implemented|carried out|invested|funded"
                         r"|financed|backed|bankrolled)\s+(?:\w+\s+)?by\s+$")
_FUNDED = frozenset(("invested", "funded", "financed", "backed", "bankrolled"))
# "..., which it will carry out": the company builds the project named right before "which".
# Between a project's name and "which it will build": maybe its Chinese name in brackets, maybe where
# it is ("at Bao'an International Airport", "in Yuhang District").
_WHICH_BEFORE = re.compile(r"\s*(?:[(（][^()（）]{0,40}[)）])?(?:\s+(?:at|in|on|near)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w'’-]*\s+){0,5}[A-Z][\w'’-]*)?\s*,?\s*(?:which|that)\s+")


def is_parent(text: str, org, floor: int) -> bool:
    """`org` is named as the parent of the company before it ("a subsidiary of the state-owned X")."""
    return _PARENT_BEFORE.search(text, max(floor, org.start - 50), org.start) is not None


class OrgLinking:
    """Organisation linking for `Linker` (which provides text, focus, last_company, ...)."""

    def _link_orgs(self, sent, names, cands, orgs, referents, found) -> None:
        statuses = {s for s, _, _ in found}
        if Status.signed in statuses:
            orgs = self._with_place_signers(sent, orgs)
        paired = self._pair_orgs_respectively(sent, cands, orgs, statuses)
        for k, org in enumerate(orgs):
            if id(org) in paired:
                continue
            role, target = self._org_role_target(orgs, k, sent, names, cands, referents, statuses)
            if role is None or target is None:
                continue
            target.add_org(org, role)
            if org.is_company:
                self.company_candidate.setdefault(org.text, target)

    def _with_place_signers(self, sent, orgs) -> list:
        """`orgs` and, in order among them, each place that signs as its government: "柳州市柳江区与X公司
        签约…", "Nantong's Rudong County signed a contract with X" (the gold counts a government that
        signs as a signer, named by its place alone as by "…人民政府"). The place must be followed by
        a company it signs with; a place inside an organisation's name is that organisation's."""
        companies = [o for o in orgs if o.is_company]
        if not companies:
            return list(orgs)
        text, added = self.text, []
        for start, end in _qualified_places(text, self.m.places(sent.start, sent.end, in_names=False)):
            if any(o.start < end and start < o.end for o in orgs):
                continue
            clause_end = sent.clause_of(start)[1]
            company = next((c for c in companies if end < c.start < clause_end), None)
            if company is None or not _signs_with(text, end, company.start, clause_end):
                continue
            added.append(OrgMention(start, end, text[start:end], "government"))
        return sorted([*orgs, *added], key=lambda o: o.start) if added else list(orgs)

    def _pair_orgs_respectively(self, sent, cands, orgs, statuses) -> set[int]:
        """"甲政府分别与A公司、B公司签约“X”和“Y”", "A and B will build X and Y respectively": the
        companies pair with the projects in order; an organisation named before them all (the other
        party) takes part in each. With no project named, "They will be built by A, B and C,
        respectively" pairs the companies with the projects the last sentences enumerated. Returns the
        id()s of the organisations linked here."""
        companies = [o for o in orgs if o.is_company]
        if len(companies) < 2 or not cues.RESPECTIVELY.search(sent.text):
            return set()
        targets = list(dict.fromkeys(cands)) or self.enumeration
        if len(targets) < 2 or len(companies) != len(targets):
            return set()
        # ("undertaken by A, B and C, respectively": the words before the first hold the role of all)
        role = OrgRole.signer if Status.signed in statuses else (
            cues.role_cue(self.text, companies[0].start, companies[0].end)
            or _verb_role(_INVEST_VERB.search(sent.text), _BUILD_VERB.search(sent.text)))
        if role is None:
            return set()
        for org, target in zip(companies, targets):
            target.add_org(org, cues.role_cue(self.text, org.start, org.end) or role)
            self.company_candidate.setdefault(org.text, target)
        shared = [o for o in orgs if not o.is_company and o.end <= min(c.start for c in companies)]
        shared_role = OrgRole.signer if Status.signed in statuses else OrgRole.government
        for org in shared:
            for target in targets:
                target.add_org(org, shared_role)
        return {id(o) for o in companies + shared}

    def _org_role_target(self, orgs, k, sent, names, cands, referents, statuses):
        """The role of `orgs[k]` (the sentence's organisations) and the project it plays it in."""
        text, org = self.text, orgs[k]
        pairs = list(zip(names, cands))
        clause = sent.clause_of(org.start)
        in_clause = [p for p in pairs if clause[0] <= p[0].start < clause[1]] or pairs
        before = [p for p in in_clause if p[0].end <= org.start]
        after = [p for p in in_clause if p[0].start >= org.end]
        if is_parent(text, org, clause[0]):
            return None, None  # "X Co., Ltd., a subsidiary of Y Holdings": Y only describes X
        role, prefer_before = self._role_words(sent, clause, orgs, k)
        if role == OrgRole.signer and _NOT_SIGNED_YET.search(text, max(clause[0], org.start - 60), org.start):
            return None, None  # "expects to sign an agreement with X": no party has signed anything yet
        if role is not None:
            pick = (before[-1:] if prefer_before else after[:1]) or before[-1:] or after[:1]
            target = pick[0][1] if pick else referents.get(clause) or referents.get(sent.clauses[0])
            return role, target
        # "X公司“Y项目”", "X's Y Project": the name right after the organisation is its own, unless a
        # verb stands between them ("X签约“Y”" only says X signed).
        adjacent = [p for p in after
                    if p[0].start - org.end <= 3 and _POSSESSIVE_GAP.fullmatch(text, org.end, p[0].start)]
        if adjacent or cues.is_possessive(text, org.start, org.end):
            role = OrgRole.undertaker if org.is_company else OrgRole.government
            pick = adjacent[:1] or (before[-1:] if _OF_THE.search(text[max(0, org.start - 8):org.start])
                                    else after[:1]) or before[-1:]
            return role, (pick[0][1] if pick else None)
        nearest = (after[:1] or before[-1:])
        if not nearest:
            return None, None
        if Status.signed in statuses:
            return OrgRole.signer, nearest[0][1]
        if org.kind == "government" and statuses & {Status.approved, Status.listed, Status.planned}:
            return OrgRole.government, nearest[0][1]
        return None, None

    def _role_words(self, sent, clause, orgs, k) -> tuple[Optional[OrgRole], bool]:
        """The role the words around `orgs[k]` give it, and whether they stand before it (see
        `cues.role_cue_where`). Without words of its own, an organisation joined to others ("built by a
        joint venture between A and B", "undertaken by A, B and C", "A and B will build") shares the
        role that the words before the first or after the last of them give; one after a bare "by" in
        a clause that leaves out its verb ("The first is built by X; the second by Y") takes the role
        of the verb left out."""
        text, org = self.text, orgs[k]
        role, prefer_before = cues.role_cue_where(text, org.start, org.end)
        if role is not None:
            return role, prefer_before
        first = k
        while first and _COORDINATED.fullmatch(text, orgs[first - 1].end, orgs[first].start):
            first -= 1  # walk back over "A, B and" to the first organisation of the run
        last = k
        while last + 1 < len(orgs) and _COORDINATED.fullmatch(text, orgs[last].end, orgs[last + 1].start):
            last += 1
        if first < k:
            role, prefer_before = cues.role_cue_where(text, orgs[first].start, orgs[first].end)
            if role is not None and prefer_before:
                return role, True
        if last > k:
            role, prefer_before = cues.role_cue_where(text, orgs[last].start, orgs[last].end)
            if role is not None and not prefer_before:
                return role, False
        head = max(clause[0], text.rfind(",", clause[0], org.start) + 1)  # "..., the second by Y"
        role = cues.elided_role(text, head, org.start, sent.start)
        if role is not None:
            return role, True
        role = cues.signed_to_role(text, org.end) if org.is_company else None  # "X signed a deal to invest"
        return role, False

    def _link_referred_company(self, sent, names, cands, referents) -> None:
        """"The company plans to invest ...", "Norvale will invest ...", "it has undertaken the X"."""
        for clause in sent.clauses:
            target = referents.get(clause)
            if target is None and not names:
                continue  # nothing to link: no project named, none referred to
            text = self.text[clause[0]:clause[1]]
            # (The cheap tests first: the searches below only read, they change nothing.)
            if (self.last_company is not None or sent.start in self._at.orgs) and (m := _PRONOUN_ROLE.search(text)):
                at = clause[0] + m.start()
                company = self._company_named_before(sent, at)
                if company is None and not _PLANS.search(m.group()):
                    company = self.last_company  # ("X said it plans to build": only an X of this sentence)
                if company is None:
                    continue
                later = [c for n, c in zip(names, cands) if n.start >= clause[0] + m.end()]
                # "“X项目”由该公司投资建设": the name stands before 由 and the company builds it;
                # "the Y Upgrade, which it will carry out": before "which".
                passive = [c for n, c in zip(names, cands)
                           if _BY.fullmatch(self.text, n.end, at) or _WHICH_BEFORE.fullmatch(self.text, n.end, at)]
                target = (later or passive or [None])[0]
                if target is not None:
                    target.add_org(company, OrgRole.undertaker)
                    self.company_candidate.setdefault(company.text, target)
                continue
            company = self.referred_company(clause, (), text)
            if company is None and cues.says_the_company(text):  # "X and Y agreed that the company will invest"
                company = self._company_named_before(sent, clause[0] + cues.ANAPHOR_COMPANY.search(text).start())
            verbs_from = 0  # where the company's verbs are read from: past 后者 ("A与B签订投资协议，由后者建设X")
            if company is None and (which := cues.FORMER.search(text) or cues.LATTER.search(text)):
                company = self._party(sent, clause[0] + which.start(), latter=cues.LATTER.match(which.group()) is not None)
                verbs_from = which.end()
            if company is None or is_parent(self.text, company, clause[0]):
                continue  # (a parent named in the clause only describes the company before it)
            if self._link_passive_agent(sent, clause, text, names, cands, company):
                continue
            invest, build = _INVEST_VERB.search(text, verbs_from), _BUILD_VERB.search(text, verbs_from)
            subject_end = clause[0] + _subject_end(text, invest, build)
            before_verb = [c for n, c in zip(names, cands) if clause[0] <= n.start < subject_end]
            if before_verb:
                # A project named before the verb owns the clause, unless "the company" is its subject,
                # named before it: "该公司当天与X签约“Y项目”，拟投资8500万元".
                said = cues.ANAPHOR_COMPANY.search(text)
                first = min(n.start for n in names if clause[0] <= n.start < subject_end)
                gap = self.text[clause[0] + said.end():first] if said is not None else ""
                if not _SIGNS_OR_PLANS.search(gap):
                    continue  # (not "该公司盐湖提锂一期项目", the company's project, nor one it built long ago)
                target = before_verb[0]
            if target is None:  # "The unit will put 2.6 billion yuan into the X Park": the project it names
                target = self._object_of_verb(clause, names, cands, invest or build)
                if target is None:
                    continue
            role = _verb_role(invest, build)
            if role is not None:
                target.add_org(company, role)
                self.company_candidate.setdefault(company.text, target)

    def _link_passive_agent(self, sent, clause, text: str, names, cands, company: OrgMention) -> bool:
        """"The X Project, which will be built by the company, ...", "X项目由后者投资建设": the company
        (named by "the company", "the latter", 后者) builds or funds the project the sentence names before
        the passive verb. True when the clause said so."""
        said = cues.ANAPHOR_COMPANY.search(text) or cues.LATTER.search(text) or cues.FORMER.search(text)
        if said is None:
            return False
        at = clause[0] + said.start()
        passive = _PASSIVE_BY.search(self.text, max(sent.start, at - 40), at)
        if passive is not None:
            before = [c for n, c in zip(names, cands) if n.end <= passive.start()]
            role = OrgRole.investor if passive["verb"] in _FUNDED else OrgRole.undertaker
        else:  # "X项目由后者负责投资建设"
            before = [c for n, c in zip(names, cands) if n.end <= at and _BY.fullmatch(self.text, n.end, at)]
            after = text[said.end():]
            role = _verb_role(_INVEST_VERB.search(after), _BUILD_VERB.search(after))
        if not before or role is None:
            return False
        before[-1].add_org(company, role)
        self.company_candidate.setdefault(company.text, before[-1])
        return True

    def _object_of_verb(self, clause, names, cands, verb: Optional[re.Match]):
        """The project named right after the clause's verb and its sum ("put 2.6 billion yuan into the X"),
        not one further on ("invest X to set up a company to build the Y")."""
        if verb is None:
            return None
        verb_end = clause[0] + verb.end()
        for n, c in zip(names, cands):
            if verb_end <= n.start < clause[1]:
                gap = self.text[verb_end:n.start]
                return c if len(gap) <= 48 and not _NOT_THE_OBJECT.search(gap) else None
        return None

    def _party(self, sent, at: int, latter: bool) -> Optional[OrgMention]:
        """"A与B签署协议，后者将…投资建设": the second (or first) of two parties named before `at`, if a company.
        When the sentence names none before `at`, the parties are those of the paragraph's sentence before
        ("A与B签署协议。根据协议，项目由后者建设")."""
        named = [o for o in self._at.orgs.get(sent.start, ()) if o.end <= at]
        if not named and self.parties_before[0] == sent.para:
            named = list(self.parties_before[1])  # (a place may have been the other party: "Hefei signed with X")
            if latter and named:
                return named[-1] if named[-1].is_company else None
        if len(named) < 2:
            return None
        party = named[-1] if latter else named[0]
        return party if party.is_company else None

    def _company_named_before(self, sent, at: int) -> Optional[OrgMention]:
        """The last company this sentence names before `at` (not a parent named to describe it): what
        "it" stands for there ("X unveiled plans for Y, which it will carry out"), rather than a company of
        an earlier sentence."""
        for org in reversed(self._at.orgs.get(sent.start, ())):
            if org.is_company and org.end <= at and not is_parent(self.text, org, sent.start):
                return org
        return None


def _subject_end(clause_text: str, invest: Optional[re.Match], build: Optional[re.Match]) -> int:
    """Where the clause's verb starts (roughly): the first invest/build verb, else the whole clause.
    `invest` and `build` are the first matches of `_INVEST_VERB` and `_BUILD_VERB` in it."""
    found = [m.start() for m in (invest, build) if m]
    return min(found) if found else len(clause_text)


def _verb_role(invest: Optional[re.Match], build: Optional[re.Match]) -> Optional[OrgRole]:
    """investor or undertaker, from whichever verb comes first: "will invest" / "将在...建设"; one who
    invests to build the project named builds it ("will invest 2 billion yuan to build the X Base")."""
    if invest and (not build or invest.start() < build.start()):
        invests_to_build = build is not None and build.string[build.start() - 3:build.start()] == "to " \
            and build.string.startswith(" the ", build.end()) and build.string[build.end() + 5:build.end() + 6].isupper()
        return OrgRole.undertaker if invests_to_build else OrgRole.investor
    return OrgRole.undertaker if build else None


def _qualified_places(text: str, places) -> list[tuple[int, int]]:
    """The spans of places named with the place they belong to: "柳州市柳江区" (a run of adjacent
    places, all of it), "Nantong's Rudong County" (the last). A place named alone ("瑞金市与X签订…")
    is not taken for its government: the development set's gold leaves such places out."""
    out: list[tuple[int, int]] = []
    run_start, prev_end, parts = -1, -1, 0
    for p in places:
        if p.start == prev_end:
            parts += 1  # "柳州市" + "柳江区"
        elif prev_end >= 0 and text[prev_end:p.start] in ("'s ", "’s "):
            run_start, parts = p.start, parts + 1  # "Nantong's" + "Rudong County"
        else:
            if parts >= 2:
                out.append((run_start, prev_end))
            run_start, parts = p.start, 1
        prev_end = p.end
    if parts >= 2:
        out.append((run_start, prev_end))
    return out


def _signs_with(text: str, place_end: int, company_start: int, clause_end: int) -> bool:
    """The place is a party that signs with the company: "<place>与<company>…签约",
    "<place> signed a contract ... with <company>"."""
    if _PLACE_SIGNS_ZH.match(text, place_end, place_end + 1):
        return place_end + 1 == company_start and bool(_PLACE_SIGNS_ZH_VERB.search(text, company_start, clause_end))
    return company_start - place_end <= 90 and bool(_PLACE_SIGNS_EN.match(text, place_end, company_start))
