"""The cue helpers that make the linker's word tests fast must answer exactly as the plain patterns."""

from __future__ import annotations

import re

import pytest

from extractor.engines.rules import cues, sums


def test_any_case_opens_with_literals_and_matches_like_ignorecase():
    # sign for "k") must open an alternative of its own.
    for letter in "abcdefghijklmnopqrstuvwxyz":
        plain = re.compile(r"\b" + letter + "x", re.I)
        fast = re.compile("|".join(cues.any_case(r"\b" + letter + "x")))
        for code in range(0x250):
            for text in (chr(code) + "x", "a" + chr(code) + "x", " " + chr(code) + "X"):
                assert bool(plain.search(text)) == bool(fast.search(text)), (letter, text)
        for extra in "\u0130\u0131\u017f\u212a":
            for text in (extra + "x", "-" + extra + "X"):
                assert bool(plain.search(text)) == bool(fast.search(text)), (letter, text)


@pytest.mark.parametrize("text", [
    "Output value", "the GDP of", "syntax", "TAXES", "a ſales figure", "İNCOME", "foreign direct investment",
    "twelve projects", "3 PROJECTS", "ſeveral new key projects", "12个项目", "项目12个", "in total", "ın total",
    "undertaken by the", "由", "投资方：", "its developer,", "signed with", "the same day", "THAT DAY", "当天",
    "The company", "this firm", "该公司", "这家新能源企业", "the companies",
])
def test_fast_cue_tests_agree_with_the_plain_patterns(text):
    same_day = re.compile(r"\b(?:the same day|that day|same day)\b|同日|当日|同一天|当天", re.I)
    assert cues.says_same_day(text) == bool(same_day.search(text))
    assert cues.says_the_company(text) == bool(cues.ANAPHOR_COMPANY.search(text))
    count = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of|several)"
                       r"\s+(?:[\w-]+\s+){0,3}(?:projects|deals|contracts|entries)\b"
                       r"|\d+个(?:项目)?|项目\d+个|\d+个[\u4e00-\u9fff]{0,6}项目", re.I)
    assert sums.says_count(text) == bool(count.search(text))
    at = len(text)
    role, before = cues.role_cue_where(text + " X", at + 1, at + 2)
    assert role == cues.role_cue(text + " X", at + 1, at + 2)
    assert before == (cues._role_before((text + " X")[max(0, at + 1 - 40):at + 1]) is not None)
