"""LLM engine speed and prompt size, against a local OpenAI-compatible test server.

The server (tests/fake_openai_server.py, started in this process on 127.0.0.1) answers every request
after a fixed delay with a trivially grounded answer, so what is measured is the engine: concurrency,
cache, request size. No model quality is measured here (that needs a real model: see `keyproj eval`).

Targets (issue "LLM extraction through instructor"):
  1. concurrency 8 gives >= 6x the throughput of concurrency 1 on 64 chunks (fixed server delay);
  2. a second run over the seed folder makes 0 calls and takes < 1 s;
  3. prompt tokens per article <= 1.3 x the article's tokens + the fixed instructions of each call.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.chunking import chunk_document  # noqa: E402
from extractor.engines.llm.engine import LLMEngine  # noqa: E402
from extractor.engines.llm.prompt import HINTS_HEADER, build_messages  # noqa: E402
from extractor.ingest import Rejected, load_paths  # noqa: E402
from extractor.pipeline import extract, ingest  # noqa: E402
from extractor.settings import Settings  # noqa: E402
from extractor.store import Store  # noqa: E402
from extractor.tokens import count_tokens  # noqa: E402
from tests.fake_openai_server import FakeOpenAI, chunk_text, prompt_tokens  # noqa: E402

SEEDS = ROOT / "seeds"
DELAY = 0.25  # seconds the server takes per answer
N_CHUNKS = 64


def settings_for(url: str, data_dir: Path, **changes) -> Settings:
    return Settings(data_dir=data_dir, llm_base_url=url, llm_model="bench-model", llm_mode="json_schema", **changes)


def sixty_four_chunks() -> list[tuple]:
    """Seed articles cut into 150-token chunks, the first 64 of them (synthetic copies if short)."""
    docs = [d for d in load_paths([SEEDS], 5_000_000) if not isinstance(d, Rejected)]
    items, total, copy = [], 0, 0
    while total < N_CHUNKS:
        for doc in docs:
            if copy:  # a distinct text so that no answer comes from the cache
                doc = doc.model_copy(update={"id": f"{doc.id}-{copy}", "text": f"Copy {copy}. {doc.text}"})
            chunks = chunk_document(doc, 150, 20)[: N_CHUNKS - total]
            items.append((doc, chunks))
            total += len(chunks)
            if total == N_CHUNKS:
                break
        copy += 1
    return items


def warm_up(item: tuple) -> None:
    """One untimed request, so that first-use imports (openai resources, gazetteer) are not counted
    against the first measured run."""
    doc, chunks = item
    with FakeOpenAI() as fake, tempfile.TemporaryDirectory() as tmp:
        LLMEngine(settings_for(fake.url, Path(tmp))).extract(doc, chunks[:1])


def throughput(concurrency: int, items: list[tuple]) -> float:
    """Chunks per second against a test server in its own process (so that its work does not share
    this process's interpreter lock with the engine being measured)."""
    server = subprocess.Popen([sys.executable, "-m", "tests.fake_openai_server", "--delay", str(DELAY)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        with tempfile.TemporaryDirectory() as tmp:
            engine = LLMEngine(settings_for(url, Path(tmp), llm_concurrency=concurrency))
            calls = []
            engine.log_calls_to(lambda **row: calls.append(row))
            started = time.perf_counter()
            done = sum(1 for _ in engine.extract_stream(items))
            seconds = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    assert done == len(items) and len(calls) == N_CHUNKS and all(c["outcome"] == "ok" for c in calls)
    print(f"  concurrency {concurrency}: {N_CHUNKS} chunks in {seconds:.2f} s = {N_CHUNKS / seconds:.1f} chunks/s")
    return N_CHUNKS / seconds


def second_run(tmp: Path) -> None:
    with FakeOpenAI() as fake:
        settings = settings_for(fake.url, tmp / "data")
        store = Store.open(settings)
        ingest(store, [SEEDS], settings)
        first = extract(store, settings, backend="llm")
        asked = len(fake.requests)
        started = time.perf_counter()
        again = extract(store, settings, backend="llm", force=True)
        forced = time.perf_counter() - started
        fresh_settings = settings_for(fake.url, tmp / "fresh")
        fresh_settings = fresh_settings.model_copy(update={"data_dir": tmp / "fresh"})
        started = time.perf_counter()
        fresh = Store.open(fresh_settings)
        ingest(fresh, [SEEDS], fresh_settings)
        _share_cache(fresh_settings, settings)
        fresh_run = extract(fresh, fresh_settings, backend="llm")
        fresh_seconds = time.perf_counter() - started
    print(f"  first run: {first.processed} documents, {asked} calls "
          f"({store.llm_usage(first.run_id)['llm_calls']} logged)")
    print(f"  second run (--force, same store): {store.llm_usage(again.run_id)['llm_calls']} calls, "
          f"{forced:.2f} s   target: 0 calls, < 1 s")
    print(f"  second run (new store, same cache, ingest included): "
          f"{fresh.llm_usage(fresh_run.run_id)['llm_calls']} calls, {fresh_seconds:.2f} s")
    print(f"  server requests after both second runs: {len(fake.requests) - asked}")


def _share_cache(target: Settings, source: Settings) -> None:
    """Point the new store's cache folder at the first one (cache_dir lives under data_dir)."""
    target.cache_dir.parent.mkdir(parents=True, exist_ok=True)
    if not target.cache_dir.exists():
        target.cache_dir.symlink_to(source.cache_dir.resolve(), target_is_directory=True)


def prompt_size(tmp: Path, backend: str) -> None:
    with FakeOpenAI() as fake:
        settings = settings_for(fake.url, tmp / backend)
        store = Store.open(settings)
        ingest(store, [SEEDS], settings)
        extract(store, settings, backend=backend)
        base, header = _fixed_tokens(fake, hints=False), _fixed_tokens(fake, hints=True)
    sent, fixed = defaultdict(int), defaultdict(int)
    for request in fake.requests:
        text = chunk_text(request)
        sent[text] += prompt_tokens(request)
        fixed[text] += header if HINTS_HEADER in request["messages"][-1]["content"] else base
    print(f"  [{backend}] fixed instructions per call: {base} tokens (system prompt + schema + text markers)"
          + (f", {header} with the hint header" if backend == "hybrid" else ""))
    worst = 0.0
    for doc in store.documents():
        chunks = store.chunks(doc.id)
        total = sum(sent[c.text] for c in chunks)
        overhead = sum(fixed[c.text] for c in chunks)
        article = count_tokens(doc.text)
        worst = max(worst, (total - overhead) / article)
        print(f"    {doc.source.split('/')[-1][:44]:44} article {article:5d}  sent {total:6d} in {len(chunks)} calls"
              f" = {(total - overhead) / article:.2f} x article + {overhead} fixed")
    print(f"  [{backend}] worst article: {worst:.2f} x its own tokens beyond the fixed instructions   "
          "target: <= 1.3")


def _fixed_tokens(fake: FakeOpenAI, hints: bool) -> int:
    """Tokens of a request whose text is empty (and whose hint list is, with `hints`): what a call
    costs before any of the article."""
    template = dict(fake.requests[0])
    template["messages"] = [dict(m) for m in template["messages"]]
    for message in template["messages"]:
        if message["role"] == "user":
            message["content"] = build_messages("")[1]["content"] + (f"\n{HINTS_HEADER}\n" if hints else "")
    return prompt_tokens(template)


def main() -> None:
    print(f"LLM engine against a local test server ({DELAY:.2f} s per answer)")
    items = sixty_four_chunks()
    warm_up(items[0])
    one, eight = throughput(1, items), throughput(8, items)
    print(f"  speed-up concurrency 8 / 1: {eight / one:.1f}x   target: >= 6x")
    with tempfile.TemporaryDirectory() as tmp:
        second_run(Path(tmp))
        prompt_size(Path(tmp), "llm")
        prompt_size(Path(tmp), "hybrid")


if __name__ == "__main__":
    main()
