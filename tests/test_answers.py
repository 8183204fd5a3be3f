"""Answers over records: the gold questions on the gold records, citations, honest empties, the
claim check of written answers, and the LLM planner and answerer through a fake OpenAI endpoint."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.qa_metrics import check_question, gold_spans_by_name
from evals.qa_run import _view
from evals.runner import load_gold
from extractor.errors import QuestionError
from extractor.merge import merge_projects
from extractor.pipeline import ingest
from extractor.settings import Settings
from extractor.store import Store
from extractor.types import Extraction
from rag.answers import ask
from rag.verify import check_answer
from tests.conftest import ROOT, SEEDS
from tests.fake_openai_server import FakeOpenAI, Reply, Status
from tests.llm_fixtures import llm_settings

GOLD = load_gold(ROOT / "evals" / "gold", SEEDS)
STRUCTURED = [q for q in GOLD.questions if q.intent != "open"]


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory) -> tuple[Store, Settings]:
    """The seed articles with the hand-labelled gold records as the store's records."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("gold") / "data")
    store = Store.open(settings)
    ingest(store, [SEEDS], settings)
    run = store.start_run("extract", "gold", settings.hash(), settings.public_dict())
    for article in GOLD.articles:
        projects = [g.project.with_id() for g in article.records if g.required]
        store.save_extraction(run, "gold", Extraction(doc_id=article.doc_id, projects=projects))
    store.replace_records(p.with_id() for p in merge_projects(store.doc_records()))
    return store, settings


@pytest.mark.parametrize("question", STRUCTURED, ids=[q.id for q in STRUCTURED])
def test_gold_structured_questions(gold_store, question):
    store, settings = gold_store
    answer = ask(question.question, store, settings)
    check = check_question(question, _view(answer), gold_spans_by_name(GOLD.articles), GOLD.texts)
    assert check.passed, (check.reason, answer.plan.summary(), answer.text)
    if answer.records:
        assert check.citations > 0 and check.supported_citations == check.citations


def test_every_record_cites_its_evidence_verbatim(gold_store):
    store, settings = gold_store
    answer = ask("Which Jiangxi projects exceed 500 million yuan?", store, settings)
    assert len(answer.records) == 7
    for record in answer.records:
        numbers = answer.record_citations[record.id]
        assert numbers and f"[{numbers[0]}]" in answer.text
        citation = answer.citations[numbers[0] - 1]
        assert store.get_document(citation.doc_id).text[citation.start:citation.end] == citation.text
        amount = record.evidence_for("amount")[0]
        assert citation.start <= amount.start and amount.end <= citation.end  # the amount is in the passage
        assert (amount.start, amount.end, "amount") in citation.highlights


def test_contract_shape(gold_store):
    store, settings = gold_store
    contract = ask("江西省有哪些项目投资超过5亿元？", store, settings).contract()
    assert set(contract) == {"answer", "plan", "records", "citations"}
    assert contract["plan"]["intent"] == "list" and contract["plan"]["filters"][0]["province"] == "Jiangxi"
    assert {"id", "name", "province", "amount", "evidence", "doc_id"} <= set(contract["records"][0])
    assert all(set(c) == {"doc_id", "title", "start", "end", "text"} for c in contract["citations"])
    assert contract["answer"].startswith("共7个项目")


def test_honest_empty_shows_the_nearest_miss_and_why(gold_store):
    store, settings = gold_store
    answer = ask("Which projects in Linchuan exceed 500 million yuan?", store, settings)
    assert answer.records == [] and "No project record matches" in answer.text
    miss = answer.near_misses[0]
    assert miss.record.name == "Linchuan Pharmaceutical Logistics Park"
    assert miss.reason == "500 million yuan does not exceed 500 million yuan"
    assert miss.citation and f"[{miss.citation}]" in answer.text


def test_count_of_nothing_is_zero_not_an_error(gold_store):
    store, settings = gold_store
    answer = ask("How many projects are there in Yunnan?", store, settings)
    assert (answer.count, answer.records) == (0, [])
    assert answer.text.startswith("0 projects match")


def test_unknown_names_raise_clear_errors(gold_store):
    store, settings = gold_store
    with pytest.raises(QuestionError, match="Atlantis"):
        ask("Which Atlantis projects exceed 500 million yuan?", store, settings)
    with pytest.raises(QuestionError, match="unknown place"):
        ask("Which projects are in Atlantis?", store, settings)
    with pytest.raises(QuestionError, match="亚特兰蒂斯"):
        ask("亚特兰蒂斯有哪些项目？", store, settings)


def test_sum_sets_other_currencies_aside(gold_store):
    store, settings = gold_store
    answer = ask("What is the total investment of Chongqing projects?", store, settings)
    assert answer.currency == "CNY"
    assert "other currencies are not included" in answer.text


# claim checking -----------------------------------------------------------------------------------

PASSAGES = ["The Linchuan park will cost 500 million yuan and was signed on April 2, 2021.",
            "该项目总投资8亿元，主要生产造雪机。"]


def test_check_answer_keeps_supported_claims_and_renumbers():
    checked = check_answer("It produces snow makers [2]. It costs 5亿元 [1].", PASSAGES, 2021)
    assert checked.removed == []
    assert checked.text == "It produces snow makers [1]. It costs 5亿元 [2]."
    assert checked.used == [2, 1]


def test_check_answer_removes_unsupported_amounts_dates_and_citations():
    checked = check_answer("It costs 900 million yuan [1]. It was signed on May 5, 2021 [1]. "
                           "See passage [7]. It costs 8亿元.", PASSAGES, 2021)
    reasons = [why for _, why in checked.removed]
    assert len(reasons) == 4
    assert "amount" in reasons[0] and "2021-05-05" in reasons[1] and "[7]" in reasons[2]
    assert "without a citation" in reasons[3]
    assert checked.text == ""


# LLM planner and writer through a fake OpenAI-compatible endpoint ---------------------------------

def test_llm_planner_normalises_places_and_amounts(tmp_path, gold_store):
    store, _ = gold_store
    draft = {"intent": "list", "provinces": ["江西"], "amounts": [{"op": "gt", "amount": "5亿元"}]}
    with FakeOpenAI([Reply(draft)]) as server:
        settings = llm_settings(tmp_path, server.url)
        answer = ask("Which Jiangxi projects exceed 500 million yuan?", store, settings)
    f = answer.plan.filters[0]
    assert (f.province, f.amounts[0].op, f.amounts[0].value) == ("Jiangxi", "gt", 5e8)
    assert "planned by the LLM" in answer.notes and len(answer.records) == 7


def test_llm_planner_unknown_place_and_fallback(tmp_path, gold_store):
    store, _ = gold_store
    with FakeOpenAI([Reply({"intent": "list", "provinces": ["Atlantis"]})]) as server:
        with pytest.raises(QuestionError, match="unknown place"):
            ask("Which Atlantis projects are there?", store, llm_settings(tmp_path, server.url))
    with FakeOpenAI([Status(400)] * 3) as server:
        answer = ask("How many projects are there in Yunnan?", store,
                     llm_settings(tmp_path, server.url, llm_http_retries=0, llm_max_retries=0))
    assert answer.count == 0 and any("deterministic planner" in n for n in answer.notes)


def test_llm_written_answer_is_checked(tmp_path):
    settings = Settings(data_dir=tmp_path / "plain")
    store = Store.open(settings)
    ingest(store, [SEEDS / "2021-anhui-key-project-list-zh.txt"], settings)
    from rag.index import RetrievalIndex

    index = RetrievalIndex(settings)
    index.sync(store)
    hits = index.search("冰雪装备智能制造产业园项目主要生产什么？", settings.top_k)
    n = next(i for i, h in enumerate(hits, start=1) if "造雪机" in h.text)
    written = {"text": f"该项目主要生产造雪机、压雪车 [{n}]。该项目总投资99亿元 [{n}]。"}
    plan = {"intent": "open"}
    with FakeOpenAI([Reply(plan), Reply(written)]) as server:
        llm = llm_settings(tmp_path, server.url)
        answer = ask("冰雪装备智能制造产业园项目主要生产什么？", store, llm, index=index)
    assert "造雪机" in answer.text and "99亿元" not in answer.text and "[1]" in answer.text
    assert len(answer.removed) == 1 and "amount" in answer.removed[0].reason
    assert len(answer.citations) == 1 and "造雪机" in answer.citations[0].text


def test_open_question_offline_is_extractive_and_cited(tmp_path):
    settings = Settings(data_dir=tmp_path / "plain")
    store = Store.open(settings)
    ingest(store, [SEEDS / "2021-two-fuzhous-and-hefei-signings.txt"], settings)
    answer = ask("Who will the Linchuan Pharmaceutical Logistics Park serve?", store, settings)
    assert "hospitals" in answer.text and answer.citations
    for c in answer.citations:
        assert store.get_document(c.doc_id).text[c.start:c.end] == c.text
    assert Path(settings.data_dir / "retrieval.sqlite3").exists()


# the CLI ------------------------------------------------------------------------------------------

def _cli():
    from ui.cli import cli
    from ui.commands import register

    register(cli)
    return cli


def test_cli_ask_json_and_clear_errors(gold_store):
    import json

    from click.testing import CliRunner

    store, settings = gold_store
    runner = CliRunner()
    result = runner.invoke(_cli(), ["--data-dir", str(settings.data_dir), "ask", "哈尔滨有哪些项目？", "--json"])
    assert result.exit_code == 0, result.output
    contract = json.loads(result.output)
    assert sorted(r["name"] for r in contract["records"]) == ["Chain + New Technology Cluster", "冰雪装备智能制造产业园项目"]
    result = runner.invoke(_cli(), ["--data-dir", str(settings.data_dir), "ask", "Which projects are in Atlantis?"])
    assert result.exit_code == 1 and "unknown place 'Atlantis'" in result.output


@pytest.mark.slow
def test_cli_demo_answers_the_sample_question(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(_cli(), ["--data-dir", str(tmp_path / "d"), "demo", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "7 matching projects" in result.output and "Jinxi Copper Foil Project" in result.output
    assert "[7] " in result.output  # every cited passage is printed
