"""Capitalised noun phrases ending in a head word, found from the head backwards.

"the Chongren County Blockchain Technology Construction Project" -> "Chongren County ... Project".
Scanning for the head words first (a literal alternation the regex engine skips to quickly) and
walking left over the words before them is several times faster than one big left-to-right pattern.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

_CAP = re.compile(r"(?:[A-Z0-9][\w'’.&-]*|\([A-Z][\w '’-]{0,25}\))")
_CONNECT = {"and", "of", "for", "&", "+", "-", "R&D", "in"}
_TOKEN = re.compile(r"\([^()\n]{1,27}\)|[^\s]+")
_WINDOW = 160
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_GAP_AND_WORD_REVERSED = re.compile(r"[ \t]+(\S+)")  # in the reversed text: spaces or tabs, then a word


def _left_tokens(text: str, end: int, window: int = _WINDOW) -> Iterable[tuple[int, str]]:
    """Tokens before `end` on the same line, nearest first, while only spaces or tabs separate them."""
    lo = max(0, end - window)
    line = text.rfind("\n", lo, end)
    lo = line + 1 if line >= 0 else lo
    if text.find("(", lo, end) < 0:
        return _left_words(text, lo, end)
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, lo, end)]
    out = []
    pos = end
    for start, tok in reversed(tokens):
        gap = text[start + len(tok):pos]
        if not gap or gap.strip(" \t"):
            break
        out.append((start, tok))
        pos = start
    return out


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
    lower = 0
    pos = head_start
    for start, tok in _left_tokens(text, head_start, 48):
        if _LOWER_WORD.fullmatch(tok) and lower < max_lower:
            lower += 1
            pos = start
            continue
        break
    if lower == 0:
        return -1
    cap_start = -1
    for start, tok in _left_tokens(text, pos):
        if _CAP.fullmatch(tok):
            cap_start = start
        elif tok == "+" and cap_start >= 0:
            continue
        else:
            break
    return cap_start


def head_matches(text: str, heads: re.Pattern) -> Iterator[re.Match]:
    """Head words preceded by a space or tab and not followed by a word character."""
    for m in heads.finditer(text):
        s, e = m.start(), m.end()
        if s == 0 or text[s - 1] not in " \t":
            continue
        if e < len(text) and (text[e].isalnum() or text[e] in "_-"):
            continue
        yield m
