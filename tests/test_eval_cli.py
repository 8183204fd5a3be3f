"""`keyproj eval` end to end on a tiny gold set, with a hand-made engine so the scores are known."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from extractor.errors import ConfigError
from extractor.types import Amount, Evidence, Extraction, Project

ARTICLE = (
    "[Fictional test article] Jiangxi approves two energy projects\n\n"
    "On May 5, 2022, Jiangxi approved the Alpha Solar Farm, worth 800 million yuan. "
    "It also approved the Beta Wind Park, worth 1 billion yuan. "
    "The province's 2022 list totals 50 billion yuan.\n"
)


def span(field: str, quote: str, doc_id: str = "") -> dict:
    start = ARTICLE.index(quote)
    return {"field": field, "start": start, "end": start + len(quote), "quote": quote, **({"doc_id": doc_id} if doc_id else {})}


def gold_record(name: str, amount_text: str, value: float) -> dict:
    return {"name": name, "required": True, "province": "Jiangxi", "city": None, "district": None,
            "organizations": [], "amount": {"value": value, "min": value, "max": value, "currency": "CNY",
                                            "text": amount_text},
            "date": "2022-05-05", "status": "approved", "sector": "energy",
            "evidence": [span("name", name), span("amount", amount_text)]}


@pytest.fixture
def tiny(tmp_path):
    seeds, gold = tmp_path / "seeds", tmp_path / "gold"
    seeds.mkdir()
    gold.mkdir()
    (seeds / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    trap = span("x", "totals 50 billion yuan")
    (gold / "tiny.json").write_text(json.dumps({
        "file": "seeds/tiny.txt",
        "records": [gold_record("Alpha Solar Farm", "800 million yuan", 8e8),
                    gold_record("Beta Wind Park", "1 billion yuan", 1e9)],
        "must_not": [{"quote": trap["quote"], "start": trap["start"], "end": trap["end"], "reason": "list total"}],
    }), encoding="utf-8")
    return tmp_path


class HandMadeEngine:
    """Finds Alpha (right) and turns the list total into a record (wrong); misses Beta."""

    name = "rules"
    version = "test-1"

    def extract(self, doc, chunks) -> Extraction:
        def ev(field: str, quote: str) -> Evidence:
            s = span(field, quote, doc.id)
            return Evidence(**s)

        alpha = Project(name="Alpha Solar Farm", province="Jiangxi", date="2022-05-05", status="approved",
                        sector="energy", doc_id=doc.id,
                        amount=Amount(value=8e8, min=8e8, max=8e8, currency="CNY", text="800 million yuan"),
                        evidence=[ev("name", "Alpha Solar Farm"), ev("amount", "800 million yuan"),
                                  ev("province", "Jiangxi"), ev("date", "May 5, 2022"), ev("status", "approved"),
                                  ev("sector", "energy")])
        bogus = Project(name="2022 list", province="Jiangxi", doc_id=doc.id,
                        amount=Amount(value=5e10, min=5e10, max=5e10, currency="CNY", text="50 billion yuan"),
                        evidence=[ev("name", "2022 list"), ev("amount", "50 billion yuan"), ev("province", "Jiangxi")])
        return Extraction(doc_id=doc.id, projects=[alpha, bogus])


@pytest.fixture
def cli(monkeypatch):
    import extractor.pipeline
    from ui.cli import cli
    from ui.commands import register

    def fake_engine(name, settings):
        if name != "rules":
            raise ConfigError("no LLM endpoint configured: set OPENAI_BASE_URL")
        return HandMadeEngine()

    monkeypatch.setattr(extractor.pipeline, "get_engine", fake_engine)
    register(cli)
    return cli


def run(cli, tiny, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(tiny / "data"), "eval", "--seeds", str(tiny / "seeds"),
                                    "--gold", str(tiny / "gold"), *args])


def test_eval_prints_the_table_and_writes_both_reports(cli, tiny):
    result = run(cli, tiny, "--backend", "rules")
    assert result.exit_code == 0, result.output
    assert "Record recall" in result.stdout and "0.500" in result.stdout
    reports = tiny / "data" / "reports"
    latest = json.loads((reports / "eval-latest.json").read_text(encoding="utf-8"))
    rules = latest["backends"]["rules"]
    assert (rules["summary"]["tp"], rules["summary"]["fp"], rules["summary"]["fn"]) == (1, 1, 1)
    assert rules["summary"]["false_on_traps"] == 1 and rules["summary"]["traps_avoided"] == 0
    miss = rules["misses"][0]
    assert miss["name"] == "Beta Wind Park"
    assert ARTICLE[miss["start"]:miss["end"]] == "Beta Wind Park"
    assert miss["passage"]["text"] == "It also approved the Beta Wind Park, worth 1 billion yuan."
    assert rules["false_positives"][0]["kind"] == "trap"
    markdown = (reports / "eval-latest.md").read_text(encoding="utf-8")
    assert markdown.index("## Summary") < markdown.index("## Per-field") < markdown.index("#### Misses")
    assert "It also approved the **Beta Wind Park**, worth 1 billion yuan." in markdown
    assert len(list(reports.glob("eval-2*.json"))) == 1


def test_eval_json_goes_to_stdout(cli, tiny):
    result = run(cli, tiny, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["backends"]["rules"]["summary"]["recall"] == 0.5
    assert report["backends"]["rules"]["fields"]["amount"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_a_backend_that_cannot_run_fails_the_command_but_not_the_others(cli, tiny):
    result = run(cli, tiny, "--backend", "rules", "--backend", "llm")
    assert result.exit_code == 1
    assert "backend llm failed" in result.stderr and "OPENAI_BASE_URL" in result.stderr
    report = json.loads((tiny / "data" / "reports" / "eval-latest.json").read_text(encoding="utf-8"))
    assert list(report["backends"]) == ["rules", "llm"]
    assert report["backends"]["rules"]["status"] == "ok" and report["backends"]["llm"]["status"] == "error"


def test_low_scores_do_not_fail_the_command(cli, tiny):
    (tiny / "gold" / "tiny.json").write_text(json.dumps({"file": "seeds/tiny.txt", "records": [], "must_not": []}))
    result = run(cli, tiny)
    assert result.exit_code == 0, result.output


def test_an_empty_gold_folder_is_a_one_line_error(cli, tiny):
    empty = tiny / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["--data-dir", str(tiny / "data"), "eval", "--seeds", str(tiny / "seeds"),
                                      "--gold", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("error: no gold files")


def test_the_rules_column_never_uses_an_llm_even_when_one_is_configured(tmp_path):
    from evals.runner import backend_settings
    from extractor.settings import Settings

    configured = Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_api_key="sk-test")
    rules = backend_settings(configured, "rules", tmp_path / "rules")
    assert rules.llm_base_url is None and rules.llm_api_key is None and rules.data_dir == tmp_path / "rules"
    llm = backend_settings(configured, "llm", tmp_path / "llm")
    assert llm.llm_base_url == "http://127.0.0.1:9/v1" and llm.backend == "llm"
