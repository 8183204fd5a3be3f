"""On-disk cache of validated LLM answers, so an unchanged corpus costs zero calls to re-extract.

Key: (chunk text, hints, record schema version, prompt fingerprint, model, mode). Never the endpoint
key or any other secret. Values are the answer as the model gave it (after validation), not the
grounded records: grounding re-runs on a hit, so a fix to the normalisers applies to cached answers.
Only accepted answers are stored; a failed request is asked again next time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Optional

import diskcache

from extractor.engines.llm.prompt import prompt_fingerprint
from extractor.types import SCHEMA_VERSION


def cache_key(text: str, hints: str, model: str, mode: str) -> str:
    parts = [hashlib.sha256(text.encode()).hexdigest(), hashlib.sha256(hints.encode()).hexdigest(),
             f"schema{SCHEMA_VERSION}", prompt_fingerprint(), model, mode]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class AnswerCache:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._disk: Optional[diskcache.Cache] = None

    @property
    def disk(self) -> diskcache.Cache:
        if self._disk is None:  # opened on first use: engines built but never run touch no disk
            self._disk = diskcache.Cache(str(self.directory))
        return self._disk

    def get(self, key: str) -> Optional[dict]:
        raw = self.disk.get(key)
        return json.loads(raw) if raw is not None else None

    def put(self, key: str, answer: dict) -> None:
        self.disk.set(key, json.dumps(answer, ensure_ascii=False))

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None
