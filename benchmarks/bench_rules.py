"""Throughput of the rules engine: seed-sized articles per second on one core.

    python benchmarks/bench_rules.py            # 200 articles, best of 3 runs, with a breakdown
    python benchmarks/bench_rules.py --n 500 --repeat 5 --no-stages

The corpus is made of distinct articles the size of the seed (13 KB): the seed with its paragraphs
in a different order each time, and English and Chinese mixes of all seed articles cut to the same
size, so no two inputs are equal and nothing can be served from a cache (the engine's caches keyed by
names read from articles are emptied before each article: the reused paragraphs repeat names). Ingestion is excluded;
the time is `RulesEngine().extract(doc, [])` only, in this one process. The best of `--repeat`
runs is reported (the machine may be shared: the other runs show the noise).

The breakdown times each recogniser on its own over the same corpus, then the rest of the work
(mention filtering and indexing, linking, building the records) as the difference.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.engines.rules import RulesEngine  # noqa: E402
from extractor.engines.rules.engine import forget_names  # noqa: E402
from extractor.engines.rules import mentions  # noqa: E402
from extractor.engines.rules.cues import find_status  # noqa: E402
from extractor.engines.rules.names import find_names  # noqa: E402
from extractor.engines.rules.orgs import find_orgs  # noqa: E402
from extractor.engines.rules.sentences import split_document  # noqa: E402
from extractor.ingest import document_from_bytes  # noqa: E402
from extractor.normalize.money import find_amounts  # noqa: E402
from extractor.normalize.places import Gazetteer  # noqa: E402

SEED = ROOT / "seeds" / "2020-blockchain-key-projects-7-provinces.txt"
TARGET = 500  # articles per second on one core (the requirement)


def _paragraphs(path: Path) -> tuple[str, list[str]]:
    lines = [line for line in path.read_text("utf-8").split("\n") if line.strip()]
    return lines[0], lines[1:]


def corpus(n: int) -> list:
    size = len(SEED.read_text("utf-8"))
    title, seed_paras = _paragraphs(SEED)
    others = [_paragraphs(p) for p in sorted((ROOT / "seeds").iterdir()) if p != SEED]
    docs = []
    for k in range(n):
        rng = random.Random(k)
        if k % 2 == 0:  # the seed, reordered
            paras = seed_paras[:]
            rng.shuffle(paras)
            text = "\n\n".join([f"{title} ({k})"] + paras)
        else:  # a mix of the other articles, filled to the seed's size
            parts, length = [f"Mixed article {k}"], 0
            while length < size:
                t, paras = rng.choice(others)
                parts += [t] + paras
                length += sum(len(p) for p in paras) + len(t)
            text = "\n\n".join(parts)[: size]
        docs.append(document_from_bytes(text.encode("utf-8"), source=f"bench-{k}.txt"))
    return docs


def _seconds(work: Callable, docs: list) -> float:
    start = time.perf_counter()
    for doc in docs:
        forget_names()
        work(doc)
    return time.perf_counter() - start


def _stages(docs: list) -> list[tuple[str, float]]:
    """Seconds per stage over `docs`: each recogniser alone, then the rest by difference."""
    gazetteer = Gazetteer.load()
    recognisers: list[tuple[str, Callable]] = [
        ("sentences and paragraphs", lambda d: split_document(d.text, d.lang == "zh")),
        ("project names", lambda d: find_names(d.text, 0, d.lang == "zh")),
        ("organisations", lambda d: find_orgs(d.text, d.lang == "zh")),
        ("places (gazetteer)", lambda d: gazetteer.find(d.text)),
        ("dates", lambda d: mentions._dates(d.text, d.year)),  # what `collect` runs for dates
        ("status cues", lambda d: find_status(d.text, 0)),
        ("money", lambda d: find_amounts(d.text)),
    ]
    out = [(name, _seconds(work, docs)) for name, work in recognisers]
    collect = _seconds(lambda d: mentions.collect(d.text, d.lang == "zh", d.year), docs)
    engine = RulesEngine()
    extract = _seconds(lambda d: engine.extract(d, []), docs)
    out.append(("other mention work (filtering, indexing)", collect - sum(s for _, s in out)))
    out.append(("linking and building records", extract - collect))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="number of articles")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--stages", action=argparse.BooleanOptionalAction, default=True,
                        help="also time each stage on its own")
    args = parser.parse_args()
    docs = corpus(args.n)
    engine = RulesEngine()
    engine.extract(docs[0], [])  # load the gazetteer before timing
    records = sum(len(engine.extract(doc, []).projects) for doc in docs)
    runs = [_seconds(lambda d: engine.extract(d, []), docs) for _ in range(args.repeat)]
    best = min(runs)
    rate = len(docs) / best
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles ({chars / len(docs) / 1000:.1f} KB on average), {records} records")
    print(f"{rate:.0f} articles/s on one core, {best / len(docs) * 1000:.1f} ms per article "
          f"({rate / TARGET:.2f}x the target of {TARGET}/s; best of {args.repeat} runs: "
          + ", ".join(f"{r:.2f}" for r in runs) + " s)")
    if args.stages:
        print("where the time goes (ms per article, each stage timed on its own):")
        for name, seconds in _stages(docs):
            print(f"  {name:42s} {seconds / len(docs) * 1000:6.2f}")


if __name__ == "__main__":
    main()
