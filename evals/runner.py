"""Run a backend over the seed articles and score it against the hand-labelled gold.

Each backend gets its own data directory (a fresh temporary one unless `work_dir` is given), so an
evaluation never touches the user's store. Documents go through the real pipeline (ingest, extract,
merge); extraction is scored on the per-document records, questions on the merged store. The
rules backend is evaluated without any LLM, questions included; llm and hybrid use the configured
endpoint for extraction and for planning and answering questions.
"""

from __future__ import annotations

import json
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from evals.match import GoldArticle, gold_article_from_json
from evals.metrics import ExtractionScores, evaluate_extraction
from evals.qa_metrics import Question, QAScores, RetrievalScores
from extractor.errors import KeyprojError
from extractor.ingest import load_file
from extractor.pipeline import extract, ingest
from extractor.settings import Settings
from extractor.store import Store
from extractor.types import Document, Project

QUESTIONS_FILE = "questions.json"
DEFAULT_GOLD = Path(__file__).resolve().parent / "gold"
DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass
class Gold:
    articles: list[GoldArticle]
    documents: dict[str, Document]  # by doc id
    questions: list[Question]
    warnings: list[str] = field(default_factory=list)

    @property
    def texts(self) -> dict[str, str]:
        return {doc_id: d.text for doc_id, d in self.documents.items()}


@dataclass
class BackendRun:
    backend: str
    status: str = "ok"  # ok | error
    error: str = ""
    seconds: float = 0.0
    documents: int = 0
    extraction: Optional[ExtractionScores] = None
    qa: Optional[QAScores] = None
    retrieval: Optional[RetrievalScores] = None
    notes: list[str] = field(default_factory=list)


@dataclass
class EvalRun:
    seeds_dir: Path
    gold_dir: Path
    gold: Gold
    settings_hash: str
    started: float
    backends: list[BackendRun] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(b.status != "ok" for b in self.backends)


# gold ---------------------------------------------------------------------------------------------

def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise KeyprojError(f"cannot read gold file {path}: {err}") from err


def load_gold(gold_dir: Path, seeds_dir: Path, max_bytes: int = 5_000_000) -> Gold:
    """Read evals/gold/*.json and the seed articles they label (located by file name in seeds_dir)."""
    files = sorted(p for p in Path(gold_dir).glob("*.json") if p.name != QUESTIONS_FILE)
    if not files:
        raise KeyprojError(f"no gold files in {gold_dir}: expected <article stem>.json files")
    gold = Gold(articles=[], documents={}, questions=[])
    for path in files:
        data = _read_json(path)
        source = Path(seeds_dir) / Path(data.get("file", "")).name
        if not source.is_file():
            raise KeyprojError(f"{path.name} labels {data.get('file')!r}, which is not in {seeds_dir}")
        doc = load_file(source, max_bytes)
        try:
            article = gold_article_from_json(data, doc.id, doc.title)
        except (KeyError, ValueError, TypeError) as err:
            raise KeyprojError(f"{path.name} is not valid gold: {err}") from err
        gold.articles.append(article)
        gold.documents[doc.id] = doc
        gold.warnings += _offset_warnings(path.name, article, doc.text)
    questions = Path(gold_dir) / QUESTIONS_FILE
    if questions.is_file():
        gold.questions = [Question.from_json(q) for q in _read_json(questions)]
    return gold


def _offset_warnings(name: str, article: GoldArticle, text: str) -> list[str]:
    """Gold spans that do not hold their quote would silently skew citation and retrieval scores."""
    bad = [f"{name}: {g.project.name!r} {e.field} span {e.start}-{e.end} is not {e.quote!r}"
           for g in article.records for e in g.project.evidence if text[e.start:e.end] != e.quote]
    bad += [f"{name}: trap span {t.start}-{t.end} is not {t.quote!r}" for t in article.traps
            if text[t.start:t.end] != t.quote]
    return bad


# running ------------------------------------------------------------------------------------------

def backend_settings(settings: Settings, backend: str, data_dir: Path) -> Settings:
    """The settings for one backend's run. The rules column stays fully offline: question answering
    then uses the deterministic planner and extractive answers even when an LLM is configured."""
    changes: dict = {"backend": backend, "data_dir": data_dir}
    if backend == "rules":
        changes.update(llm_base_url=None, llm_api_key=None)
    return Settings(**{**settings.model_dump(), **changes})


def predictions_by_doc(records: list[Project]) -> dict[str, list[Project]]:
    grouped: dict[str, list[Project]] = {}
    for p in records:
        grouped.setdefault(p.doc_id, []).append(p)
    return grouped


def run_backend(backend: str, settings: Settings, seeds_dir: Path, gold: Gold, data_dir: Path) -> BackendRun:
    """Ingest, extract and score one backend; expected failures (no LLM configured) become status=error."""
    run = BackendRun(backend)
    s = backend_settings(settings, backend, data_dir)
    try:
        store = Store.open(s)
        try:
            ingest(store, [seeds_dir], s)
            started = time.perf_counter()
            report = extract(store, s, backend=backend)
            run.seconds = time.perf_counter() - started
            run.documents = report.processed + report.skipped
            run.extraction = evaluate_extraction(gold.articles, predictions_by_doc(store.doc_records()), gold.texts)
            if gold.questions:
                from evals.qa_run import evaluate_questions

                run.qa, run.retrieval, notes = evaluate_questions(gold, store, s)
                run.notes += notes
            else:
                run.notes.append(f"no {QUESTIONS_FILE} in the gold folder: question answering not scored")
        finally:
            store.close()
    except KeyprojError as err:
        run.status, run.error = "error", str(err)
    return run


def run_eval(backends: list[str], settings: Settings, seeds_dir: Path, gold_dir: Path,
             work_dir: Optional[Path] = None) -> EvalRun:
    """Score each backend in turn; one backend's failure does not stop the others."""
    gold = load_gold(gold_dir, seeds_dir, settings.max_file_bytes)
    result = EvalRun(Path(seeds_dir), Path(gold_dir), gold, settings.hash(), time.time())
    with ExitStack() as stack:
        root = Path(work_dir) if work_dir else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="keyproj-eval-")))
        for backend in backends:
            result.backends.append(run_backend(backend, settings, seeds_dir, gold, root / backend))
    return result
