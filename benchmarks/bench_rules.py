"""Throughput of the rules engine: seed-sized articles per second on one core.

    python benchmarks/bench_rules.py            # 200 articles
    python benchmarks/bench_rules.py --n 500

The corpus is made of distinct articles the size of the seed (13 KB): the seed with its paragraphs
in a different order each time, and English and Chinese mixes of all seed articles cut to the same
size, so no two inputs are equal and nothing can be served from a cache. Ingestion is excluded;
the time is `RulesEngine().extract(doc, [])` only, in this one process.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.engines.rules import RulesEngine  # noqa: E402
from extractor.ingest import document_from_bytes  # noqa: E402

SEED = ROOT / "seeds" / "2020-blockchain-key-projects-7-provinces.txt"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="number of articles")
    args = parser.parse_args()
    docs = corpus(args.n)
    engine = RulesEngine()
    engine.extract(docs[0], [])  # load the gazetteer before timing
    start = time.perf_counter()
    records = sum(len(engine.extract(doc, []).projects) for doc in docs)
    elapsed = time.perf_counter() - start
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles ({chars / len(docs) / 1000:.1f} KB on average), {records} records, "
          f"{elapsed:.2f} s: {len(docs) / elapsed:.0f} articles/s on one core "
          f"({elapsed / len(docs) * 1000:.1f} ms per article)")


if __name__ == "__main__":
    main()
