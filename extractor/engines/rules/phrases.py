"""Capitalised noun phrases ending in a head word, found from the head backwards.

"the Chongren County Blockchain Technology Construction Project" -> "Chongren County ... Project".
Scanning for the head words first (a literal alternation the regex engine skips to quickly) and
walking left over the words before them is several times faster than one big left-to-right pattern.
The walk itself is, where it can be, one regex match over the reversed window before the head (the
regex engine then steps over the words, not Python).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Iterable, Iterator

# A capitalised word, not one that ends a sentence ("in Harbin. Songbei ... Project": a lower-case
# letter or digit before a final period), save the abbreviations names use ("Line No. 3", "St.").
# (and a brand's lower-case prefix before a capital: "e-Drive", "i-Park")
_CAP = re.compile(r"(?!(?!(?:No|St|Mt)\.$)\S*[a-z0-9]\.$)(?:[A-Z0-9][\w'’.&-]*|[a-z]-[A-Z][\w'’.&-]*"
                  r"|\d{1,3}(?:,\d{3})+|\([A-Z][\w '’-]{0,25}\))")  # (and "1,000" in "Guazhou 1,000 MW Wind Project")
_CONNECT = {"and", "of", "for", "&", "+", "-", "R&D", "in"}
_TOKEN = re.compile(r"\([^()\n]{1,27}\)|[^\s]+")
_NON_SPACE_RUN = re.compile(r"\S*")
_WINDOW = 160
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_GAP_AND_WORD_REVERSED = re.compile(r"[ \t]+(\S+)")  # in the reversed text: spaces or tabs, then a word


# The walks below as single regexes over the reversed window (nearest word first), for windows
# without "(", whose words are then the runs of non-space characters: one match walks a whole run
# in the regex engine instead of a Python step per word. Each word is read whole ((?!\S)). A word
# that is both capitalised and a connector ("R&D") may be read either way by the regex (it
# backtracks); the run it ends at is the one the walk finds.
def _reversed_word(words: Iterable[str]) -> str:
    """Regex text for any of the literal `words`, written backwards, read as a whole word."""
    return "(?:" + "|".join(re.escape(w[::-1]) for w in sorted(words)) + r")(?!\S)"


_GAP = r"[ \t]+"
_CAP_WORD_REVERSED = (  # a word that _CAP fullmatches (it has no "(")
    r"(?!\.(?!(?:oN|tS|tM)(?!\S))[a-z0-9])(?:[\w'’.&-]*[A-Z0-9]|[\w'’.&-]*?[A-Z]-[a-z]|(?:\d{3},)+\d{1,3})(?!\S)")
# capitalised_run_before: capitalised words, each pair joined by at most one connector.
_CAP_RUN_REVERSED = re.compile(
    rf"{_GAP}{_CAP_WORD_REVERSED}(?:(?:{_GAP}{_reversed_word(_CONNECT)})?{_GAP}{_CAP_WORD_REVERSED})*")
_CAP_RUN_PLUS_REVERSED = re.compile(  # ... with allow_connectors=False: "+" only
    rf"{_GAP}{_CAP_WORD_REVERSED}(?:(?:{_GAP}\+(?!\S))?{_GAP}{_CAP_WORD_REVERSED})*")
# lower_modifiers_then_caps: capitalised words, with any number of "+" between them.
_CAP_RUN_PLUSES_REVERSED = re.compile(
    rf"{_GAP}{_CAP_WORD_REVERSED}(?:(?:{_GAP}\+(?!\S))*{_GAP}{_CAP_WORD_REVERSED})*")


@lru_cache(maxsize=8)
def _lower_run_reversed(max_lower: int) -> re.Pattern:
    """lower_modifiers_then_caps: one to `max_lower` lower-case words (_LOWER_WORD)."""
    return re.compile(rf"(?:{_GAP}[\w-]*[a-z](?!\S)){{1,{max_lower}}}")


def _window_start(text: str, end: int, window: int) -> int:
    """Start of the `window` characters before `end`, cut at the last line break."""
    lo = max(0, end - window)
    line = text.rfind("\n", lo, end)
    return line + 1 if line >= 0 else lo


def _run_start_reversed(run: re.Pattern, text: str, lo: int, end: int) -> int:
    """Start of the run matched by `run` (a *_REVERSED pattern) in text[lo:end] ending at `end`, or -1."""
    m = run.match(text[lo:end][::-1])
    return end - m.end() if m else -1


def _left_tokens(text: str, end: int, window: int = _WINDOW) -> Iterable[tuple[int, str]]:
    """Tokens before `end` on the same line, nearest first, while only spaces or tabs separate them."""
    lo = _window_start(text, end, window)
    paren = text.find("(", lo, end)
    if paren < 0:
        return _left_words(text, lo, end)
    # A "(...)" token may hold spaces: from the word holding the first "(" on, the tokens are read
    # forwards, as _TOKEN.finditer does. Before that word they are runs of non-space characters.
    split = paren - _NON_SPACE_RUN.match(text[lo:paren][::-1]).end()
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, split, end)]
    out = []
    pos = end
    for start, tok in reversed(tokens):
        gap = text[start + len(tok):pos]
        if not gap or gap.strip(" \t"):
            return out
        out.append((start, tok))
        pos = start
    return chain(out, _left_words(text, lo, split))


def _left_words(text: str, lo: int, end: int) -> Iterator[tuple[int, str]]:
    """`_left_tokens` for a window without "(": its tokens are then the runs of non-space characters,
    read backwards from `end` only as far as the caller goes (usually a few words). The window is
    reversed once so that the regex engine reads each gap and word in one match."""
    backwards = text[lo:end][::-1]
    match = _GAP_AND_WORD_REVERSED.match
    pos = 0
    while True:
        m = match(backwards, pos)
        if m is None:
            return  # no gap, no word left, or another kind of space (a break)
        pos = m.end()
        yield end - pos, text[end - pos:end - m.start(1)]


def capitalised_run_before(text: str, head_start: int, allow_connectors: bool = True) -> int:
    """Start of the run of capitalised words (with single inner connectors) ending at `head_start`,
    or -1 when the word before the head is not capitalised."""
    lo = _window_start(text, head_start, _WINDOW)
    if text.find("(", lo, head_start) < 0:
        return _run_start_reversed(_CAP_RUN_REVERSED if allow_connectors else _CAP_RUN_PLUS_REVERSED,
                                   text, lo, head_start)
    start = -1
    pending_connector = False
    for pos, tok in _left_tokens(text, head_start):
        if _CAP.fullmatch(tok):
            start, pending_connector = pos, False
        elif allow_connectors and tok in _CONNECT and start >= 0 and not pending_connector:
            pending_connector = True
        elif tok == "+" and start >= 0 and not pending_connector:
            pending_connector = True
        else:
            break
    return start


def lower_modifiers_then_caps(text: str, head_start: int, max_lower: int = 3) -> int:
    """"Blockchain + VR industrial base project": up to three lower-case words before the head, then
    capitalised words (joined by "+"). Returns the start, or -1."""
    pos = _lower_words_start(text, head_start, max_lower)
    if pos < 0:
        return -1
    lo = _window_start(text, pos, _WINDOW)
    if text.find("(", lo, pos) < 0:
        return _run_start_reversed(_CAP_RUN_PLUSES_REVERSED, text, lo, pos)
    cap_start = -1
    for start, tok in _left_tokens(text, pos):
        if _CAP.fullmatch(tok):
            cap_start = start
        elif tok == "+" and cap_start >= 0:
            continue
        else:
            break
    return cap_start


def _lower_words_start(text: str, end: int, max_lower: int) -> int:
    """Start of the (up to `max_lower`) lower-case words ending at `end` (48 characters at most), or -1."""
    lo = _window_start(text, end, 48)
    if text.find("(", lo, end) < 0:
        return _run_start_reversed(_lower_run_reversed(max_lower), text, lo, end)
    lower = 0
    pos = end
    for start, tok in _left_tokens(text, end, 48):
        if _LOWER_WORD.fullmatch(tok) and lower < max_lower:
            lower += 1
            pos = start
            continue
        break
    return pos if lower else -1


def head_matches(text: str, heads: re.Pattern) -> Iterator[re.Match]:
    """Head words preceded by a space or tab and not followed by a word character."""
    for m in heads.finditer(text):
        s, e = m.start(), m.end()
        if s == 0 or text[s - 1] not in " \t":
            continue
        if e < len(text) and (text[e].isalnum() or text[e] in "_-"):
            continue
        yield m


def by_first_letter(alternatives: str) -> str:
    """Regex text for an alternation of literal words, grouped by first letter:
    "Park|Plant|Base" -> "P(?:ark|lant)|B(?:ase)". It has the same matches (the order among words with
    the same first letter is kept; the others cannot match there), and the regex engine, which skips
    ahead to the possible first letters, then tries one branch there instead of every word."""
    groups: dict[str, list[str]] = {}
    for word in alternatives.split("|"):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


def first_characters(alternatives: str) -> str:
    """Regex class of the first characters of an alternation whose alternatives each open with a
    literal character: "的|签约|经(?=批准|核准)" -> "[的签经]" (only top-level "|" separate them)."""
    firsts, depth, i = set(), 0, 0
    at_start = True
    while i < len(alternatives):
        ch = alternatives[i]
        if at_start:
            if ch in "\\()[]|.*+?{}^$":
                raise ValueError(f"an alternative does not open with a literal character: {alternatives!r}")
            firsts.add(ch)
            at_start = False
        if ch == "\\":
            i += 1  # the escaped character
        elif ch == "[":
            i = alternatives.index("]", i + 2)  # a class ("[]...]" and "[^]...]" are not used here)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            at_start = True
        i += 1
    return "[" + "".join(sorted(re.escape(c) for c in firsts)) + "]"
