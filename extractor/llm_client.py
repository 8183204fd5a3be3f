"""The one place an LLM client is built: instructor over any OpenAI-compatible endpoint.

Everything that talks to a model (the extraction engine, the question planner) gets its client from
`build_client`, so the endpoint, key, mode, timeout and retries come from the one Settings object.
The helpers below classify failures and compute backoff delays; they never see or print the API key.
"""

from __future__ import annotations

import logging
import random
from typing import Optional, Union

import instructor
import openai

from extractor.errors import ConfigError
from extractor.settings import Settings

MODES = {
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
OPENAI_URL = "https://api.openai.com/v1"
MAX_BACKOFF = 30.0  # seconds; longer waits are better spent failing with a clear message
# instructor logs every failed attempt at ERROR; we retry, log each call in the store and raise a clear
# LLMError ourselves, so without a configured handler those lines would only be noise on stderr.
logging.getLogger("instructor").addHandler(logging.NullHandler())
# Local servers ignore the key, but the openai client refuses to start without one.
_NO_KEY = "not-needed"


def build_client(settings: Settings, *, async_: bool = False,
                 http_retries: Optional[int] = None) -> Union[instructor.Instructor, instructor.AsyncInstructor]:
    """An instructor client for the configured endpoint and mode.

    `http_retries` defaults to `settings.llm_http_retries`, handled by the openai SDK (exponential
    backoff with jitter on 429, 5xx, timeouts). The extraction engine passes 0 and retries itself so
    that every attempt is logged.
    """
    check_endpoint(settings)
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else _NO_KEY
    options = dict(base_url=settings.llm_base_url or OPENAI_URL, api_key=key, timeout=settings.llm_timeout,
                   max_retries=settings.llm_http_retries if http_retries is None else http_retries)
    raw = openai.AsyncOpenAI(**options) if async_ else openai.OpenAI(**options)
    return instructor.from_openai(raw, mode=MODES[settings.llm_mode])


def check_endpoint(settings: Settings) -> None:
    """Fail early, before any work starts, when no endpoint can be reached at all."""
    if not settings.llm_base_url and settings.llm_api_key is None:
        raise ConfigError("no LLM endpoint configured: set OPENAI_BASE_URL (e.g. http://127.0.0.1:8080/v1 "
                          "after `keyproj llm-server`) or OPENAI_API_KEY for api.openai.com")


def endpoint(settings: Settings) -> str:
    return settings.llm_base_url or OPENAI_URL


def is_transient(err: BaseException) -> bool:
    """Worth retrying after a pause: rate limits, server errors, timeouts."""
    if isinstance(err, openai.APITimeoutError):
        return True
    if isinstance(err, openai.APIStatusError):
        return err.status_code in (408, 409, 429) or err.status_code >= 500
    return False


def is_endpoint_failure(err: BaseException) -> bool:
    """The endpoint failed (unreachable, refused, HTTP error): not something a re-ask can fix."""
    return isinstance(err, openai.APIError)


def backoff_delay(attempt: int, base: float, retry_after: Optional[float] = None) -> float:
    """Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer."""
    ceiling = min(base * (2 ** attempt), MAX_BACKOFF)
    delay = random.uniform(ceiling / 2, ceiling)  # jitter keeps concurrent retries from re-colliding
    if retry_after is not None and 0 < retry_after <= MAX_BACKOFF:
        delay = max(delay, retry_after)
    return delay


def retry_after(err: BaseException) -> Optional[float]:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms headers), if any."""
    response = getattr(err, "response", None)
    headers = getattr(response, "headers", None) or {}
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None  # an HTTP date: rare from these servers; fall back to our own backoff
    return None


def outcome_of(err: BaseException) -> str:
    """A short label for the llm_calls log."""
    if isinstance(err, openai.APITimeoutError):
        return "timeout"
    if isinstance(err, openai.APIConnectionError):
        return "unreachable"
    if isinstance(err, openai.APIStatusError):
        return "rate_limited" if err.status_code == 429 else f"http_{err.status_code}"
    return "error"


def describe_failure(err: BaseException, settings: Settings, attempts: int) -> str:
    """A one-line error for the user: what failed, where, and what to do. Never includes the key."""
    url = endpoint(settings)
    if isinstance(err, openai.APITimeoutError):
        return (f"the LLM endpoint at {url} did not answer within {settings.llm_timeout:g} s "
                f"({attempts} attempts): raise KEYPROJ_LLM_TIMEOUT or lower KEYPROJ_LLM_CONCURRENCY")
    if isinstance(err, openai.APIConnectionError):
        return (f"cannot reach the LLM endpoint at {url}: is the server running? Start a local one with "
                f"`keyproj llm-server --model MODEL.gguf`, or set OPENAI_BASE_URL")
    if isinstance(err, openai.AuthenticationError):
        return f"the LLM endpoint at {url} refused the API key (HTTP 401): check OPENAI_API_KEY"
    if isinstance(err, openai.APIStatusError):
        detail = str(getattr(err, "message", "") or "")[:200]
        # Servers without structured outputs (llama-cpp-python rejects response_format json_schema)
        # answer 400, 422 or even 500 naming the field: another mode is the fix.
        unsupported = err.status_code in (400, 422) or "response_format" in detail or "tool" in detail
        hint = " (the server may not support this mode: try KEYPROJ_LLM_MODE=tools or md_json)" if unsupported else ""
        return (f"the LLM endpoint at {url} answered HTTP {err.status_code} after {attempts} attempts"
                f"{hint}: {detail}")
    return f"the LLM endpoint at {url} failed: {type(err).__name__}: {str(err)[:200]}"
