"""Retrieval and question answering: structured-question latency over the records of 10,000 generated
articles, indexing throughput against the embedder's raw throughput, and retrieval recall@5 of the
gold evidence (vector only, keyword only, fused).

    python benchmarks/bench_rag.py                       # 10,000 articles (built once, then reused)
    python benchmarks/bench_rag.py --articles 2000 --questions 300
    python benchmarks/bench_rag.py --data-dir /tmp/kp     # where the generated corpus is kept

The articles are generated from templates (English and Chinese, 2-4 projects each, random real
places from the gazetteer, companies, amounts, dates and statuses), ingested and extracted with the
rules engine; questions are drawn from English and Chinese templates over the same places and
amounts. Latency is `rag.answers.ask` end to end after one warm-up question (loading the gazetteer
and the first SQLite pages is reported separately); structured questions never load the embedder.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.normalize.places import Gazetteer  # noqa: E402
from extractor.pipeline import extract, ingest_bytes  # noqa: E402
from extractor.settings import Settings  # noqa: E402
from extractor.store import Store  # noqa: E402

SECTORS = [("Lithium Battery Materials", "锂电池材料"), ("Photovoltaic Glass", "光伏玻璃"),
           ("Cold-Chain Logistics", "冷链物流"), ("Blockchain Industrial", "区块链产业"),
           ("Hydrogen Equipment", "氢能装备"), ("Smart Parking", "智慧停车"), ("Data Centre", "数据中心"),
           ("Rare Earth Motor", "稀土永磁电机"), ("Textile Digital", "纺织数字化"), ("Chip Packaging", "芯片封测")]
KINDS = [("Project", "项目"), ("Industrial Park", "产业园项目"), ("Production Base", "生产基地项目"),
         ("Centre", "中心项目")]
WORDS = [("Huaxin", "华信"), ("Zhongke", "中科"), ("Hengtong", "恒通"), ("Tianyuan", "天元"), ("Ruifeng", "瑞丰"),
         ("Jinlong", "金龙"), ("Xinda", "信达"), ("Boyuan", "博远")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _places(gaz: Gazetteer) -> list[tuple]:
    """(city, district or None) pairs of prefecture-level cities, for article and question slots."""
    by_city: dict[str, list] = {}
    for d in gaz.places("district"):
        by_city.setdefault(d.city_zh or "", []).append(d)
    cities = [c for c in gaz.places("city") if gaz.is_prefecture_level(c) and c.name_zh in by_city]
    return [(c, by_city[c.name_zh]) for c in cities]


def _amount(rng: random.Random) -> tuple[float, str, str]:
    value = rng.choice([0.5, 0.8, 1, 1.2, 2, 3, 3.5, 5, 6, 8, 10, 12, 15, 20, 35, 50, 80]) * 1e8
    en = f"{value / 1e9:g} billion yuan" if value >= 1e9 else f"{value / 1e6:g} million yuan"
    return value, en, f"{value / 1e8:g}亿元"


def _project_en(rng, city, district, year) -> str:
    sector, kind = rng.choice(SECTORS)[0], rng.choice(KINDS)[0]
    word = rng.choice(WORDS)[0]
    name = f"{city.name_en} {sector} {kind}"
    company = f"{city.province_en} {word} {sector.split()[0]} Co., Ltd."
    _, amount, _ = _amount(rng)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"
    return rng.choice([
        f"On {date}, {city.name_en} signed the {name} with {company}, with a total investment of {amount}.",
        f"The {name}, undertaken by {company}, will be built in {district.name_en} District of {city.name_en} "
        f"with a total investment of {amount}. It was approved on {date}.",
        f"On {date}, the {city.province_en} Provincial Development and Reform Commission listed the {name} among "
        f"the key projects of the year. {company} will invest {amount} in it.",
    ])


def _project_zh(rng, city, district, year) -> str:
    sector, kind = rng.choice(SECTORS)[1], rng.choice(KINDS)[1]
    company = f"{city.name_zh[:2]}{rng.choice(WORDS)[1]}科技有限公司"
    _, _, amount = _amount(rng)
    date = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    name = f"{district.name_zh[:2]}{sector}{kind}"
    return rng.choice([
        f"{date}，{city.name_zh}签约“{name}”，由{company}承建，总投资{amount}。",
        f"{date}，{city.province_zh}发展和改革委员会公布重点项目清单，位于{city.name_zh}{district.name_zh}的“{name}”"
        f"列入清单，由{company}投资建设，总投资{amount}。",
    ])


def article(k: int, places: list[tuple]) -> str:
    rng = random.Random(k)
    year = rng.randint(2019, 2024)
    zh = k % 2 == 1
    city, districts = rng.choice(places)
    paras = []
    for _ in range(rng.randint(2, 4)):
        district = rng.choice(districts)
        paras.append(_project_zh(rng, city, district, year) if zh else _project_en(rng, city, district, year))
    title = f"{city.name_zh}重点项目建设提速（{k}）" if zh else f"{city.name_en} key projects round-up ({k})"
    lead = (f"本报讯 {city.province_zh}{city.name_zh}持续推进重大项目建设。" if zh
            else f"{city.name_en}, {city.province_en}, keeps its key projects moving.")
    return "\n\n".join([title, lead] + paras)


def build_corpus(settings: Settings, n: int) -> Store:
    store = Store.open(settings)
    have = store.count("documents")
    if have >= n and store.count("records"):
        print(f"corpus: reusing {have} articles and {store.count('records')} records in {settings.data_dir}")
        return store
    places = _places(Gazetteer.load())
    started = time.perf_counter()
    for k in range(have, n):
        ingest_bytes(store, article(k, places).encode("utf-8"), f"generated-{k}.txt", settings)
    ingested = time.perf_counter() - started
    started = time.perf_counter()
    report = extract(store, settings, backend="rules")
    print(f"corpus: {n} generated articles ingested in {ingested:.0f} s, extracted by the rules engine in "
          f"{time.perf_counter() - started:.0f} s: {report.records} records")
    return store


def questions(rng: random.Random, places: list[tuple], n: int) -> list[str]:
    templates = [
        "Which {prov} projects exceed {amount_en}?", "{prov_zh}有哪些项目投资超过{amount_zh}？",
        "How many projects were signed in {month} {year}?", "What is the total investment of {prov} projects?",
        "列出投资不低于{amount_zh}的项目", "Which projects are between {lo} and {hi} billion yuan?",
        "Which {city} projects are there?", "{city_zh}有哪些项目？", "Which {prov} project has the largest investment?",
        "{prov_zh}投资额最大的项目是哪个？", "How many projects in {prov} were approved in {year}?",
        "Which projects in {city} exceed {amount_en}?", "文中提到的{city_zh}项目合计投资多少？",
        "{year}年签约的项目有哪些？", "Which projects were listed in {year}?",
    ]
    out = []
    for _ in range(n):
        city, _ = rng.choice(places)
        value, amount_en, amount_zh = _amount(rng)
        lo = rng.choice([1, 2, 3])
        out.append(rng.choice(templates).format(
            prov=city.province_en, prov_zh=city.province_zh, city=city.name_en, city_zh=city.name_zh,
            amount_en=amount_en, amount_zh=amount_zh, month=rng.choice(MONTHS), year=rng.randint(2019, 2024),
            lo=lo, hi=lo + rng.choice([1, 2, 5])))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_questions(store: Store, settings: Settings, n: int) -> None:
    from rag.answers import ask

    places = _places(Gazetteer.load())
    qs = questions(random.Random(7), places, n)
    started = time.perf_counter()
    ask("Which Jiangxi projects exceed 500 million yuan?", store, settings)
    cold = time.perf_counter() - started
    times, records = [], 0
    for q in qs:
        t = time.perf_counter()
        answer = ask(q, store, settings)
        times.append((time.perf_counter() - t) * 1000)
        records += len(answer.records)
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    print(f"structured questions: {len(qs)} over {store.count('records')} records ({records / len(qs):.0f} "
          f"records returned on average): p50 {p50:.1f} ms (target <= 100), p95 {p95:.1f} ms (target <= 300), "
          f"max {max(times):.1f} ms, mean {statistics.mean(times):.1f} ms")
    print(f"  first question (loads the gazetteer, opens the store): {cold * 1000:.0f} ms, not counted")


def bench_indexing(settings: Settings, sample_dir: Path, docs: int, group: int = 10) -> None:
    """Raw embedder throughput vs indexing throughput (metadata + embedding + Chroma + FTS5) on the
    same passages. Measured in alternating rounds of `group` articles (embed their passages, then
    index them) so that load from other processes on the machine hits both sides alike; the model
    is loaded before either is timed."""
    from rag.embedder import get_embedder
    from rag.index import RetrievalIndex, prepare

    sample = Settings(data_dir=sample_dir)
    source = Store.open(settings)
    sample_store = Store.open(sample)
    gaz = Gazetteer.load()
    started = time.perf_counter()
    embedder = get_embedder()
    embedder.embed(["warm-up"])
    print(f"embedder: loaded in {time.perf_counter() - started:.2f} s (excluded below)")
    index = RetrievalIndex(sample)
    raw_seconds = index_seconds = 0.0
    passages = 0
    chosen = source.documents()[:docs]
    for lo in range(0, len(chosen), group):
        batch = chosen[lo: lo + group]
        for doc in batch:
            sample_store.add_document(doc, source.chunks(doc.id))
        texts = [p.embed_text for d in batch for p in prepare(d, sample_store.chunks(d.id), gaz)]
        t = time.perf_counter()
        embedder.embed(texts)
        raw_seconds += time.perf_counter() - t
        t = time.perf_counter()
        report = index.sync(sample_store)
        index_seconds += time.perf_counter() - t
        assert report.added == len(texts)
        passages += len(texts)
    raw_rate, index_rate = passages / raw_seconds, passages / index_seconds
    print(f"indexing: {passages} passages, embedder raw {raw_rate:.1f} passages/s, indexing {index_rate:.1f} "
          f"passages/s: ratio {index_rate / raw_rate:.2f} (target >= 0.90)")


def bench_recall(tmp: Path) -> None:
    from evals.qa_metrics import recall_at_k, retrieval_ranks, retrieval_targets, gold_spans_by_name
    from evals.runner import load_gold
    from extractor.pipeline import ingest
    from rag.index import RetrievalIndex

    settings = Settings(data_dir=tmp / "gold-index")
    store = Store.open(settings)
    ingest(store, [ROOT / "seeds"], settings)
    index = RetrievalIndex(settings)
    index.sync(store)
    gold = load_gold(ROOT / "evals" / "gold", ROOT / "seeds")
    spans = gold_spans_by_name(gold.articles)
    # gold spans carry the ids of the gold loader's documents, which are the store's (same text)
    for name, search in (("vector", index.search_vector), ("keyword", index.search_keyword), ("fused", index.search)):
        per_question = []
        for q in gold.questions:
            targets = retrieval_targets(q, spans)
            if targets:
                hits = search(q.question, 5)
                per_question.append(recall_at_k(retrieval_ranks(targets, [(h.doc_id, h.start, h.end) for h in hits]), 5))
        print(f"recall@5 of gold evidence, {name:7}: {statistics.mean(per_question):.3f} "
              f"({len(per_question)} questions with expected records)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--index-docs", type=int, default=150, help="articles whose chunks are indexed")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/keyproj-bench-rag"))
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir / f"corpus-{args.articles}")
    store = build_corpus(settings, args.articles)
    bench_questions(store, settings, args.questions)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        bench_indexing(settings, Path(tmp) / "index-sample", args.index_docs)
        bench_recall(Path(tmp))


if __name__ == "__main__":
    main()
