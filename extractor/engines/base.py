"""What an extraction engine is: something that turns a document (and its chunks) into an Extraction.

Two real implementations: the deterministic `rules` engine (offline default) and the instructor-driven
`llm` engine; `hybrid` combines them. A Protocol, not a registry: `get_engine` is the only switch.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Protocol

from extractor.errors import ConfigError
from extractor.settings import Settings
from extractor.types import Chunk, Document, Extraction


class Engine(Protocol):
    name: str
    version: str  # bump when output for the same input may change; part of the resume key

    def extract(self, doc: Document, chunks: list[Chunk]) -> Extraction: ...


def extract_stream(engine: Engine, items: Iterable[tuple[Document, list[Chunk]]]) -> Iterator[tuple[Document, Extraction]]:
    """Yield each document's extraction as soon as it is ready.

    Engines that can overlap work across documents (the LLM engine) provide their own
    `extract_stream`; the default is one document after the other.
    """
    own = getattr(engine, "extract_stream", None)
    if own is not None:
        yield from own(items)
        return
    for doc, chunks in items:
        yield doc, engine.extract(doc, chunks)


def get_engine(name: str, settings: Settings) -> Engine:
    if name == "rules":
        from extractor.engines.rules import RulesEngine

        return RulesEngine()
    if name in ("llm", "hybrid"):
        from extractor.engines.llm import build_llm_engine

        return build_llm_engine(settings, hybrid=(name == "hybrid"))
    raise ConfigError(f"unknown backend {name!r}: use rules, llm or hybrid")
