"""The instructor-driven extraction engine (`llm`) and its combination with the rules engine (`hybrid`)."""

from extractor.engines.llm.engine import LLMEngine, build_llm_engine

__all__ = ["LLMEngine", "build_llm_engine"]
