"""The LLM engine: one request per chunk, bounded concurrency, cached answers, grounded records.

`extract_stream` drives a private asyncio loop from a plain generator: it yields each document as
soon as all of its chunks are answered, so the pipeline commits documents one by one and an
interrupted batch resumes where it stopped (finished chunks of unfinished documents are in the cache).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any, Iterable, Iterator, Optional

from extractor.engines.llm.cache import AnswerCache, cache_key
from extractor.engines.llm.calls import CallRecorder, CallSink, GaveUp, ask_chunk
from extractor.engines.llm.hybrid import hints_for, merge_hybrid
from extractor.engines.llm.models import ChunkAnswer
from extractor.engines.llm.prompt import build_messages, prompt_fingerprint
from extractor.llm_client import build_client, check_endpoint
from extractor.merge import merge_projects
from extractor.settings import Settings
from extractor.types import Chunk, Document, Extraction, Project

ENGINE_VERSION = 1

Items = Iterable[tuple[Document, list[Chunk]]]


class LLMEngine:
    def __init__(self, settings: Settings, hybrid: bool = False) -> None:
        check_endpoint(settings)
        self.settings = settings
        self.hybrid = hybrid
        self.name = "hybrid" if hybrid else "llm"
        # the prompt fingerprint covers the instructions and the schema (record descriptions included)
        self.version = f"{ENGINE_VERSION}.{prompt_fingerprint()}"
        if hybrid:
            from extractor.engines.rules import RulesEngine

            self.rules = RulesEngine()
            self.version += f"+rules{self.rules.version}"
        self.cache = AnswerCache(settings.cache_dir / "llm")
        self._sink: Optional[CallSink] = None

    def log_calls_to(self, sink: CallSink) -> None:
        """Where each request's log row goes (the pipeline passes the store, bound to its run)."""
        self._sink = sink

    def extract(self, doc: Document, chunks: list[Chunk]) -> Extraction:
        stream = self.extract_stream([(doc, chunks)])
        try:
            return next(stream)[1]
        finally:
            stream.close()

    def extract_stream(self, items: Items) -> Iterator[tuple[Document, Extraction]]:
        """(document, extraction) pairs in order of completion, at most `llm_concurrency` requests
        in flight. Only a small window of documents is open at once, so an interruption leaves few
        half-answered documents (and their answered chunks are cached)."""
        loop = asyncio.new_event_loop()
        client = build_client(self.settings, async_=True, http_retries=0)
        limit = asyncio.Semaphore(self.settings.llm_concurrency)
        todo = iter(items)
        window = 2 * self.settings.llm_concurrency
        pending: set[asyncio.Task] = set()
        try:
            while True:
                for doc, chunks in itertools.islice(todo, window - len(pending)):
                    pending.add(loop.create_task(self._document(client, limit, doc, chunks)))
                if not pending:
                    break
                done, pending = loop.run_until_complete(
                    asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED))
                failed = [t for t in done if t.cancelled() or t.exception() is not None]
                for task in done.difference(failed):  # finished work is handed over before any error
                    yield task.result()
                for task in failed:
                    task.result()  # raises: an LLMError ends the batch here
        finally:
            loop.run_until_complete(_shut_down(pending, client))
            loop.close()
            self.cache.close()

    async def _document(self, client: Any, limit: asyncio.Semaphore, doc: Document,
                        chunks: list[Chunk]) -> tuple[Document, Extraction]:
        rules = self.rules.extract(doc, chunks) if self.hybrid else None
        hints = [hints_for(rules.projects, c) if rules else "" for c in chunks]
        try:
            async with asyncio.TaskGroup() as group:  # one failed chunk cancels its siblings
                tasks = [group.create_task(self._chunk(client, limit, doc, c, h)) for c, h in zip(chunks, hints)]
        except BaseExceptionGroup as failed:
            raise failed.exceptions[0]  # callers expect the LLMError itself, not a group
        projects: list[Project] = []
        dropped: list[str] = []
        for task in tasks:
            found, reasons = task.result()
            projects += found
            dropped += reasons
        projects = merge_projects(projects)
        if rules is None:
            return doc, Extraction(doc_id=doc.id, projects=projects, dropped=dropped)
        return doc, Extraction(doc_id=doc.id, projects=merge_hybrid(projects, rules.projects),
                               aggregates=rules.aggregates, dropped=dropped + rules.dropped)

    async def _chunk(self, client: Any, limit: asyncio.Semaphore, doc: Document, chunk: Chunk,
                     hints: str) -> tuple[list[Project], list[str]]:
        """Grounded projects of one chunk and the reasons anything was dropped."""
        key = cache_key(chunk.text, hints, self.settings.llm_model, self.settings.llm_mode)
        cached = self.cache.get(key)
        if cached is not None:  # accepted before: re-ground it, without re-asking
            answer = ChunkAnswer.model_validate(cached, context={"doc": doc, "chunk": chunk,
                                                                 "max_attempts": 0})
            return answer.grounded, _tagged(chunk, answer.dropped)
        context = {"doc": doc, "chunk": chunk, "max_attempts": self.settings.llm_max_retries + 1}
        recorder = CallRecorder(self.settings, chunk.id, context)
        try:
            async with limit:
                answer = await ask_chunk(client, self.settings, build_messages(chunk.text, hints), context, recorder)
        except GaveUp as err:
            return [], _tagged(chunk, [str(err)])
        finally:
            recorder.flush(self._sink)
        self.cache.put(key, answer.model_dump(mode="json"))
        return answer.grounded, _tagged(chunk, answer.dropped)


async def _shut_down(pending: set[asyncio.Task], client: Any) -> None:
    """Cancel unfinished documents (their answered chunks are cached) and close the connections."""
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    await client.client.close()


def _tagged(chunk: Chunk, reasons: list[str]) -> list[str]:
    return [f"llm, chunk {chunk.index}: {reason}" for reason in reasons]


def build_llm_engine(settings: Settings, hybrid: bool) -> LLMEngine:
    return LLMEngine(settings, hybrid=hybrid)
