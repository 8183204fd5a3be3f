"""Hybrid extraction: the rule engine's candidates become hints for the model; both outputs are merged.

A project found by both keeps the model's values (it saw the hints and the text), and every field on
which the two disagree is flagged in the record's `conflicts`, naming both readings. Projects only one
side found are kept: both sides' records are grounded.
"""

from __future__ import annotations

from extractor.engines.llm.prompt import format_hints
from extractor.merge import merge_projects, same_project
from extractor.types import Chunk, Conflict, Project


def hints_for(rules_projects: list[Project], chunk: Chunk) -> str:
    """Hint lines for the rule candidates whose name is stated inside this chunk."""
    inside = [p for p in rules_projects
              if any(chunk.start <= e.start and e.end <= chunk.end for e in p.evidence_for("name"))]
    return format_hints(inside)


def merge_hybrid(llm_projects: list[Project], rules_projects: list[Project]) -> list[Project]:
    merged: list[Project] = []
    unmatched = list(rules_projects)
    for project in llm_projects:
        twin = next((r for r in unmatched if same_project(project, r)), None)
        if twin is None:
            merged.append(project)
            continue
        unmatched.remove(twin)
        merged.append(_merge_pair(project, twin))
    return merged + unmatched


def _merge_pair(llm: Project, rules: Project) -> Project:
    combined = merge_projects([llm, rules])[0]
    known = len(llm.conflicts) + len(rules.conflicts)
    flagged = [_label(c) for c in combined.conflicts[known:]]
    return combined.model_copy(update={"conflicts": combined.conflicts[:known] + flagged})


def _label(conflict: Conflict) -> Conflict:
    """merge_projects lists the first-stated value first: here that is the model's."""
    values = ", ".join(f"{who}: {value}" for who, value in zip(("llm", "rules"), conflict.values))
    return conflict.model_copy(update={"note": f"llm and rules engine disagree ({values}); kept the llm value"})
