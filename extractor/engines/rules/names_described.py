"""Projects described rather than named: "a 12-inch power semiconductor wafer fab", "the Wujiang
textile recycling industrial park". `names` makes weak names of them (kept only when a sum or a
builder ties them to a project).
"""

from __future__ import annotations

import re
from typing import Optional

# A landmark named to say where something is ("a short drive from X Airport", "near X Park") is a
# location reference, not a project.
LOCATION_CUE_BEFORE = re.compile(
    r"(?:\b(?:drive|walk|ride|minutes?|hours?|km|kilometres|kilometers|miles|metres|meters|away)\s+from"
    r"|\bnear(?:by)?|\bnext\s+to|\bclose\s+to|\badjacent\s+to|\bbeside|\bopposite)"
    r"\s+(?:the\s+)?$|(?:毗邻|靠近|紧邻|距离|距)$", re.I)

# A project described rather than named, as English business copy does: "a 12-inch power
# semiconductor wafer fab", "the Wujiang textile recycling industrial park". The head is a lower-case
# facility noun after an article and at least two words (or one capitalised word) that describe it.
# (Found from the facility noun, a literal the regex engine skips ahead to, then read backwards in a
# short window: an opening "\b(?:a|an|the) " would be tried at every position of the text.)
_FACILITY_HEAD = re.compile(r"(?:plant|factory|terminal|fab|park|base|hub|centre|center|facility|mill|farm|port"
                            r"|project|campus|complex|resort|warehouse|laboratory)(?![-\w])")
_ARTICLES = frozenset(("a", "an", "the", "A", "An", "The"))
_DESCRIBING_WORD = re.compile(r"[A-Za-z0-9$][\w.$-]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# A sum written before what it describes ("a 2.8 billion yuan senior living campus"): not part of the name.
_MONEY_LEAD = re.compile(r"(?:(?:US|HK)?\$|RMB\s?)?\d[\d.,]*[\s-](?:million|billion)"
                         r"(?:[\s-](?:yuan|dollars?|euros?|U\.S\. dollars))?\s+")
_NOT_DESCRIBING = frozenset(
    "its their his her our this that these those which who whose is are was were will would has have had be "
    "been new old first second third last next same other such one two three four five about nearly "
    "more than most biggest largest smaller small big large major key planned proposed existing "
    "of the a an in for with to by at on from as main million billion trillion yuan dollar dollars euro euros".split())
_MONEY_WORD = re.compile(r"\$|-(?:yuan|million|billion|dollar|euro)")


# A phrase that opens a sentence before its subject: "In Suining,", "Meanwhile,".
_OPENING_PHRASE = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|At|Meanwhile|Elsewhere|Separately|Nearby|Further (?:north|south|east|west)"
                             r"|In addition|Also)(?: [^,.;\n]{1,40})?(?:, (?:a|an|the) [a-z][^,.;\n]{0,60})?$")
# (an opening place may have its own description: "In Suining, a city that brands itself ..., a plant")


def _article_before(text: str, space: int) -> Optional[int]:
    """Start of the article ("a", "an", "the") that opens one to five describing words ending at the
    `space` before a facility noun; None when there is none."""
    end = space
    for _ in range(9):
        begin = text.rfind(" ", max(0, end - 40), end) + 1
        word = text[begin:end]
        if word in _ARTICLES:
            return begin if end < space and (begin == 0 or not text[begin - 1].isalnum()) else None
        if begin == 0 or not _DESCRIBING_WORD.fullmatch(word):
            return None
        end = begin - 1
    return None


def described_spans(text: str) -> list[tuple[int, int]]:
    """The spans of projects described with an article and a facility noun (see _FACILITY_HEAD)."""
    out = []
    for head in _FACILITY_HEAD.finditer(text):
        if head.start() == 0 or text[head.start() - 1] != " " or text[head.start() - 2:head.start() - 1].isspace():
            continue  # the noun opens no phrase of the text's words
        article = _article_before(text, head.start() - 1)
        if article is None:
            continue
        if text[max(0, article - 2):article] == ", " and not _OPENING_PHRASE.search(text, max(0, article - 140), article - 2):
            continue  # "the X Project, a 200-megawatt solar farm": an apposition describes a named project
            # (not after an opening phrase: "In Suining, a lithium battery recycling plant will be built")
        if LOCATION_CUE_BEFORE.search(text, max(0, article - 30), article):
            continue  # "a yard next to the railway container terminal": where it is, not what is built
        start, end = text.index(" ", article) + 1, head.end()
        money = _MONEY_LEAD.match(text, start, end)
        start = money.end() if money else start
        words = text[start:end].split()
        modifiers = words[:-1]
        if not modifiers or any(w.lower() in _NOT_DESCRIBING or _MONEY_WORD.search(w) for w in modifiers) \
                or modifiers[0] == "and" or modifiers[-1] == "and":
            continue
        if len(modifiers) < 2 and not modifiers[0][0].isupper():
            continue  # "the industrial park", "a solar plant": too little to tell projects apart
        if all(w[0].isupper() for w in modifiers):
            continue  # "the Fuzhou Blockchain Industrial Park project": a proper name, read as one
        out.append((start, end))
    return out
