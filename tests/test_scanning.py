"""Shared scanning helpers."""

from __future__ import annotations

import re

import pytest

from extractor.normalize.scanning import occurrences


@pytest.mark.parametrize("text, literal", [("aaaa", "aa"), ("in Q1 and in Q2", "in Q"), ("", "x"), ("abc", "d")])
def test_occurrences_are_every_start_overlapping_ones_too(text, literal):
    expected = [m.start() for m in re.finditer(f"(?={re.escape(literal)})", text)]
    assert list(occurrences(text, literal)) == expected
