"""One chunk's request: instructor's validate-and-re-ask loop inside our own HTTP backoff loop.

Every attempt that reaches the endpoint is recorded (model, mode, prompt hash, tokens, latency,
outcome) through per-call instructor hooks, so concurrent requests never mix their records.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from instructor import openai_schema
from instructor.core.hooks import Hooks
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

from extractor.engines.llm.models import ChunkAnswer
from extractor.errors import LLMError
from extractor.llm_client import (backoff_delay, describe_failure, is_endpoint_failure, is_transient, outcome_of,
                                  retry_after)
from extractor.settings import Settings

CallSink = Callable[..., None]
# Wrapped once: given a plain model, instructor would build a new wrapper class (and its schema) per request.
RESPONSE_MODEL = openai_schema(ChunkAnswer)


class GaveUp(Exception):
    """The model gave no acceptable answer for this chunk (malformed output after every re-ask)."""


@dataclass
class CallRecorder:
    """Collects one row per attempt for the llm_calls log; also counts attempts for the validator."""

    settings: Settings
    chunk_id: str
    context: dict
    rows: list[dict] = field(default_factory=list)
    _started: float = 0.0
    _prompt_hash: str = ""

    def hooks(self) -> Hooks:
        hooks = Hooks()
        hooks.on("completion:kwargs", self._on_request)
        hooks.on("completion:response", self._on_response)
        hooks.on("completion:error", self._on_error)
        hooks.on("parse:error", self._on_parse_error)
        return hooks

    def _on_request(self, *args: Any, **kwargs: Any) -> None:
        self.context["attempt"] = self.context.get("attempt", 0) + 1
        self._started = time.perf_counter()
        blob = json.dumps([kwargs.get("messages"), kwargs.get("tools"), kwargs.get("response_format")],
                          sort_keys=True, default=str)
        self._prompt_hash = hashlib.sha256(blob.encode()).hexdigest()[:16]

    def _row(self, outcome: str, error: Optional[str] = None, usage: Any = None) -> dict:
        return {"model": self.settings.llm_model, "mode": self.settings.llm_mode, "prompt_hash": self._prompt_hash,
                "chunk_id": self.chunk_id, "latency_ms": round((time.perf_counter() - self._started) * 1000, 1),
                "prompt_tokens": getattr(usage, "prompt_tokens", None),
                "completion_tokens": getattr(usage, "completion_tokens", None),
                "outcome": outcome, "error": error}

    def _on_response(self, response: Any) -> None:
        self.rows.append(self._row("ok", usage=getattr(response, "usage", None)))

    def _on_parse_error(self, error: Exception, **_: Any) -> None:
        self.mark_last("invalid", str(error))  # the response was logged as ok a moment ago

    def mark_last(self, outcome: str, error: str) -> None:
        """Correct the last row: an answer accepted only in part, or not at all."""
        if self.rows:
            self.rows[-1].update(outcome=outcome, error=error[:1000])

    def _on_error(self, error: Exception, **_: Any) -> None:
        self.rows.append(self._row(outcome_of(error), error=str(error)[:300]))

    def flush(self, sink: Optional[CallSink]) -> None:
        if sink is not None:
            for row in self.rows:
                sink(**row)
        self.rows.clear()


async def ask_chunk(client: Any, settings: Settings, messages: list[dict], context: dict,
                    recorder: CallRecorder) -> ChunkAnswer:
    """The validated answer; LLMError when the endpoint fails for good; GaveUp when the model does."""
    attempts = settings.llm_http_retries + 1
    for attempt in range(attempts):
        context["attempt"] = 0  # instructor starts its re-ask count afresh
        try:
            answer, _completion = await client.create_with_completion(
                model=settings.llm_model, messages=[dict(m) for m in messages], response_model=RESPONSE_MODEL,
                max_retries=settings.llm_max_retries, context=context, hooks=recorder.hooks(),
                strict=False, temperature=0, max_tokens=settings.llm_max_tokens)
            if answer.dropped:
                recorder.mark_last("partial", "; ".join(answer.dropped))
            return answer
        except IncompleteOutputException as err:
            recorder.mark_last("truncated", "finish_reason=length")
            raise GaveUp(f"the answer was cut off at {settings.llm_max_tokens} tokens") from err
        except InstructorRetryException as err:
            cause = err.__cause__ or err
            if not is_endpoint_failure(cause):
                raise GaveUp(f"no valid answer after {err.n_attempts} attempts: {str(cause)[:300]}") from err
            if not is_transient(cause) or attempt + 1 == attempts:
                raise LLMError(describe_failure(cause, settings, attempt + 1)) from cause
            await asyncio.sleep(backoff_delay(attempt, settings.llm_backoff_base, retry_after(cause)))
    raise AssertionError("unreachable: the loop returns or raises")
