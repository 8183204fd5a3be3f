"""Run a regex over a long text quickly when it cannot skip ahead by itself.

Python's regex engine skips fast to where a pattern can start only when the pattern opens with a
literal or a character class. A pattern that opens with a lookbehind, a group of alternatives or an
optional part is tried at every position of the text, which dominates the time of a whole-article
scan. `finditer_from` gives exactly the matches of `pattern.finditer(text)` while trying only the
positions a cheap pattern (`starts`) says a match can begin at.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator


def finditer_from(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, for a pattern that never matches the empty string.

    `starts` are positions in increasing order and must include every position where a match of
    `pattern` can begin; extra positions only cost time. `pattern.match(text, pos)` sees the text
    before `pos` (lookbehinds and \\b behave as in a scan of the whole text)."""
    floor = 0
    for start in starts:
        if start < floor:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            floor = m.end()


# --- patterns that open with a literal ---------------------------------------------------------
# Another way to the same speed: write the pattern so that every alternative opens with a literal
# character, and check a leading \b or ^ right after that character instead of before it. The
# alternatives built this way must exclude each other (different first characters), so that their
# order does not matter.

def word_start(first: str, rest: str) -> str:
    """Regex text for `\bfirst rest` where `first` is one literal word character."""
    return first + r"(?<!\w.)" + rest


def text_start(first: str, rest: str) -> str:
    """Regex text for `^first rest` (start of the text) where `first` is one literal character."""
    return first + r"(?<![\s\S].)" + rest


def occurrences(text: str, literal: str) -> Iterator[int]:
    """Every position where `literal` starts in `text`, overlapping ones too, found by `str.find`: a
    literal is found faster so than by any pattern, and a pattern then tried around each."""
    at = text.find(literal)
    while at >= 0:
        yield at
        at = text.find(literal, at + 1)


def starts_of(starter: re.Pattern, text: str) -> Iterator[int]:
    """Start positions of a one-character `starter` pattern (a character class): every position
    holding one of those characters, none skipped."""
    return (m.start() for m in starter.finditer(text))


# --- where a pattern that contains an anchor can start ------------------------------------------
# For patterns whose matches all contain an anchor (a year, a month name, 月) with a short left part
# before it: the candidate starts are read backwards from each anchor occurrence.

def word_starts_before(text: str, anchor: int, words: int) -> list[int]:
    """Starts of the (up to `words`) words before `anchor`, nearest first: runs of word characters
    (as regex \\w), each followed by whitespace or hyphens only, up to the next word or the anchor."""
    out = []
    i = anchor
    for _ in range(words):
        j = i
        while j > 0 and (text[j - 1].isspace() or text[j - 1] == "-"):
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        if j == i or k == j:
            break
        out.append(k)
        i = k
    return out


def reach_before(text: str, anchor: int, chars: int) -> int:
    """The lowest start of a stretch that ends at `anchor` and holds at most `chars` characters
    other than whitespace (as regex \\s; whitespace is not counted)."""
    i = anchor
    while i > 0:
        if text[i - 1].isspace():
            i -= 1
        elif chars:
            chars -= 1
            i -= 1
        else:
            break
    return i
