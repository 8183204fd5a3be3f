"""The extraction prompt: short fixed instructions, the chunk, and (hybrid) the rule engine's hints.

What each field means is not repeated here: instructor sends the JSON schema of `ChunkAnswer`, whose
descriptions are the record types' own (extractor/types.py). Bump PROMPT_VERSION when the wording
changes; the cache key and the engine version include it (and a hash of the schema, so a changed field
description invalidates old answers too).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from extractor.engines.llm.models import ChunkAnswer
from extractor.types import SCHEMA_VERSION, Project

PROMPT_VERSION = 1

INSTRUCTIONS = (
    "You extract Chinese key projects (what is built or invested in, where, by whom, for how much, "
    "when) from a news text, in the JSON format described by the schema. Rules: copy every name and "
    "every *_quote character for character from the text; give a value only if the text states it, "
    "otherwise null; a project is a named undertaking, not a list, a meeting or a company; totals of "
    "a whole list, registered capital and revenue are not project amounts. Return an empty list of "
    "projects when the text names none."
)
TEXT_OPEN = "<text>"
TEXT_CLOSE = "</text>"
HINTS_HEADER = ("Candidates a rule-based reader found in this text, as name | place | amount (they may be "
                "wrong or incomplete: check each against the text, correct or complete it, drop it if it is "
                "not a project, and add projects it missed):")


def build_messages(text: str, hints: str = "") -> list[dict]:
    user = f"{TEXT_OPEN}\n{text}\n{TEXT_CLOSE}"
    if hints:
        user += f"\n{HINTS_HEADER}\n{hints}"
    return [{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": user}]


def format_hints(projects: list[Project]) -> str:
    """One short line per rule-engine candidate: name, place and amount as the text states them.

    Kept small on purpose (everything else is in the text the model reads anyway): hints must not
    cost more tokens than they save in missed projects."""
    lines = []
    for p in projects:
        quoted = {e.field: e.quote for e in p.evidence}
        place = quoted.get("district") or quoted.get("city") or quoted.get("province")
        parts = [p.name] + [x for x in (place, p.amount.text if p.amount else None) if x]
        lines.append("- " + " | ".join(parts))
    return "\n".join(lines)


@lru_cache(maxsize=1)
def prompt_fingerprint() -> str:
    """Changes whenever the instructions, the response schema or the record schema change."""
    blob = json.dumps([PROMPT_VERSION, SCHEMA_VERSION, INSTRUCTIONS, HINTS_HEADER,
                       ChunkAnswer.model_json_schema()], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]
