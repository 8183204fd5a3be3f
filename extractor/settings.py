"""The one settings object. Precedence: CLI flag > environment (KEYPROJ_*, OPENAI_*) > default.

Its hash (secrets excluded) is stored with every run so results can be compared and reproduced.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Backend = Literal["rules", "llm", "hybrid"]
LLMMode = Literal["json_schema", "tools", "json", "md_json"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KEYPROJ_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(Path(".keyproj"), description="Where the SQLite store, Chroma index and caches live.")

    # Ingestion and chunking
    max_file_bytes: int = Field(5_000_000, description="Files larger than this are rejected.")
    encoding: str = Field("cl100k_base", description="tiktoken encoding used for chunking.")
    chunk_tokens: int = Field(400, ge=32, description="Target chunk size in tokens.")
    chunk_overlap: int = Field(60, ge=0, description="Tokens repeated between neighbouring chunks.")

    # Extraction
    backend: Backend = Field("rules", description="rules (offline default), llm or hybrid.")

    # LLM: any OpenAI-compatible endpoint
    llm_base_url: Optional[str] = Field(
        None, validation_alias=AliasChoices("KEYPROJ_LLM_BASE_URL", "OPENAI_BASE_URL", "llm_base_url"),
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1 for llama.cpp or Ollama.")
    llm_api_key: Optional[SecretStr] = Field(
        None, validation_alias=AliasChoices("KEYPROJ_LLM_API_KEY", "OPENAI_API_KEY", "llm_api_key"),
        description="API key; never written to disk, logs or exports.")
    llm_model: str = Field("gpt-4o-mini", description="Model name sent to the endpoint.")
    llm_mode: LLMMode = Field("json_schema", description="instructor mode: json_schema, tools, json, md_json.")
    llm_timeout: float = Field(60.0, gt=0, description="Seconds per request.")
    llm_max_retries: int = Field(2, ge=0, description="Re-asks after a failed validation.")
    llm_http_retries: int = Field(4, ge=0, description="Retries on 429, 5xx and timeouts (exponential backoff).")
    llm_concurrency: int = Field(4, ge=1, description="Requests in flight at once.")
    llm_backoff_base: float = Field(0.5, ge=0, description="First backoff delay in seconds; doubles per retry, "
                                    "with jitter.")
    llm_max_tokens: int = Field(2048, ge=16, description="Cap on tokens the model may write per answer.")

    # Retrieval
    chroma_host: Optional[str] = Field(None, description="Use a Chroma server at this host instead of on-disk.")
    chroma_port: int = Field(8000, description="Port of the Chroma server.")
    top_k: int = Field(5, ge=1, description="Passages retrieved per question.")

    # UI
    ui_port: int = Field(8501, description="Port for `keyproj ui`.")

    @property
    def db_path(self) -> Path:
        return self.data_dir / "keyproj.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    def public_dict(self) -> dict:
        """Everything but secrets, JSON-ready."""
        return self.model_dump(mode="json", exclude={"llm_api_key"})

    def hash(self) -> str:
        blob = json.dumps(self.public_dict(), sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
