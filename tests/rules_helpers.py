"""What the rules engine makes of a text written for a test."""

from __future__ import annotations

from extractor.engines.rules import RulesEngine
from extractor.ingest import document_from_bytes


def projects_in(text: str) -> dict:
    """The rules engine's records of `text`, by name."""
    doc = document_from_bytes(text.encode("utf-8"), source="t.txt")
    return {p.name: p for p in RulesEngine().extract(doc, []).projects}


def parties(project) -> list[tuple[str, str]]:
    """A record's organisations as (name, role) pairs."""
    return [(o.name, o.role.value) for o in project.organizations]
