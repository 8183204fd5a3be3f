"""The Streamlit app's page logic, run headless with AppTest over a temporary data dir."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from extractor.chunking import chunk_document
from extractor.ingest import document_from_bytes
from extractor.types import Amount, Evidence, Extraction, Organization, OrgRole, Project, Status
from tests.conftest import ROOT, SEEDS

APP = str(ROOT / "ui" / "app.py")
HOSTILE = "<script>alert(1)</script></mark><img src=x onerror=alert(2)>"
EN_TEXT = ("Jiangxi lists copper projects\n\nThe Jinxi Copper Foil Project, undertaken by Jiangxi Jinxi Copper Co., "
           f"Ltd. ({HOSTILE}), will cost 1.2 billion yuan.\n\nIn Hunan, the Zhixin Chain Platform was listed.")
ZH_TEXT = "赣州签约\n\n江西省赣州市于都县签约纺织服装数字化工厂项目，总投资8.6亿元，由浙江衣联智造股份有限公司投资。"


def _evidence(doc, field, quote):
    start = doc.text.index(quote)
    return Evidence(field=field, doc_id=doc.id, start=start, end=start + len(quote), quote=quote)


def _records(en, zh) -> dict[str, list[Project]]:
    copper = Project(
        name="Jinxi Copper Foil Project", province="Jiangxi", province_zh="江西省", status=Status.listed,
        organizations=[Organization(name="Jiangxi Jinxi Copper Co., Ltd.", role=OrgRole.undertaker)],
        amount=Amount(value=1.2e9, min=1.2e9, max=1.2e9, currency="CNY", text="1.2 billion yuan"), doc_id=en.id,
        evidence=[_evidence(en, "name", "Jinxi Copper Foil Project"), _evidence(en, "province", "Jiangxi"),
                  _evidence(en, "organizations[0]", "Jiangxi Jinxi Copper Co., Ltd."),
                  _evidence(en, "amount", "1.2 billion yuan")])
    zhixin = Project(name="Zhixin Chain Platform", province="Hunan", province_zh="湖南省", status=Status.listed,
                     doc_id=en.id, evidence=[_evidence(en, "name", "Zhixin Chain Platform"),
                                             _evidence(en, "province", "Hunan")])
    textile = Project(
        name="纺织服装数字化工厂项目", province="Jiangxi", province_zh="江西省", city="Ganzhou", city_zh="赣州市",
        status=Status.signed, doc_id=zh.id,
        organizations=[Organization(name="浙江衣联智造股份有限公司", role=OrgRole.investor)],
        amount=Amount(value=8.6e8, min=8.6e8, max=8.6e8, currency="CNY", text="8.6亿元"),
        evidence=[_evidence(zh, "name", "纺织服装数字化工厂项目"), _evidence(zh, "amount", "8.6亿元"),
                  _evidence(zh, "city", "赣州市")])
    return {en.id: [copper.with_id(), zhixin.with_id()], zh.id: [textile.with_id()]}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("KEYPROJ_DATA_DIR", str(path))
    return path


@pytest.fixture
def corpus(data_dir, store):
    """Two articles and three records written straight into the store the app reads."""
    docs = [document_from_bytes(t.encode(), f"{n}.txt") for n, t in (("en", EN_TEXT), ("zh", ZH_TEXT))]
    by_doc = _records(*docs)
    for doc in docs:
        store.add_document(doc, chunk_document(doc))
        store.save_extraction(1, "test", Extraction(doc_id=doc.id, projects=by_doc[doc.id]))
    store.replace_records([p for ps in by_doc.values() for p in ps])
    return docs


@pytest.fixture
def settings(data_dir):  # the conftest's settings, pointed at the app's data dir
    from extractor.settings import Settings

    return Settings(data_dir=data_dir)


def run_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page != "ask":
        at.switch_page(f"app_pages/{page}.py")
    at.query_params.update(query)
    return at.run()


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def texts(at: AppTest, kind: str) -> str:
    """The text of every element of this kind, markdown escapes and bold markers removed."""
    return re.sub(r"\\(.)", r"\1", "\n".join(str(e.value) for e in at.get(kind)).replace("**", ""))


# Ask ----------------------------------------------------------------------------------------------------

def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question)
    return at.run()


def test_ask_answers_with_records_plan_and_highlighted_citations(corpus):
    at = ask(run_page("ask"), "Which Jiangxi projects exceed 500 million yuan?")
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    table = at.dataframe[0].value
    assert sorted(table["Project"]) == ["Jinxi Copper Foil Project", "纺织服装数字化工厂项目"]
    assert "1,200,000,000 CNY (12亿元)" in set(table["Amount"])
    assert any(e.label.startswith("Plan: list") and "Jiangxi" in e.label for e in at.expander)
    markup = html_of(at)
    assert markup.count('class="kp-passage"') == 2
    assert 'class="kp-mark kp-amount"' in markup and "&lt;script&gt;" in markup and "<script>" not in markup
    links = at.get("page_link")
    assert len(links) == 2 and all(link.proto.page.endswith("documents") or "documents" in link.proto.page
                                   for link in links)


def test_editing_the_plan_filters_re_runs_the_question(corpus):
    at = ask(run_page("ask"), "Which Jiangxi projects exceed 500 million yuan?")
    value = next(n for n in at.number_input if n.label == "Threshold (亿元)")
    assert value.value == 5.0
    value.set_value(10.0)
    next(b for b in at.button if b.label == "Re-run with these filters").click()
    at.run()
    assert not at.exception
    assert len(at.chat_message) == 4  # the first turn, and the re-run with the edited plan
    assert "(filters edited)" in at.chat_message[2].markdown[0].value
    assert list(at.dataframe[1].value["Project"]) == ["Jinxi Copper Foil Project"]


def test_a_question_about_an_unknown_place_gets_a_clear_error(corpus):
    at = ask(run_page("ask"), "Which Atlantis projects exceed 500 million yuan?")
    assert not at.exception
    error = at.chat_message[1].error
    assert len(error) == 1 and "Atlantis" in error[0].value  # the planner's QuestionError, shown as one message


# Records ------------------------------------------------------------------------------------------------

def test_records_page_filters_the_table_and_formats_amounts(corpus):
    at = run_page("records")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 3
    assert "1,200,000,000 CNY (12亿元)" in set(table["Amount"])
    province = next(s for s in at.selectbox if s.label == "Province")
    assert province.options == ["(any)", "Hunan (湖南省)", "Jiangxi (江西省)"]
    province.set_value("Jiangxi").run()
    assert sorted(at.dataframe[0].value["Project"]) == ["Jinxi Copper Foil Project", "纺织服装数字化工厂项目"]
    next(n for n in at.number_input if n.label.startswith("Amount at least")).set_value(10.0).run()
    assert list(at.dataframe[0].value["Project"]) == ["Jinxi Copper Foil Project"]
    assert "1 of 3 records" in texts(at, "markdown")


def test_records_page_offers_csv_and_jsonl_and_charts(corpus):
    at = run_page("records")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download JSONL"]
    assert len(at.get("vega_lite_chart")) == 2  # investment by province, count by status
    assert "Investment by province (亿元)" in texts(at, "subheader")


def test_records_page_without_records_says_how_to_get_some(data_dir):
    at = run_page("records")
    assert "No records yet" in texts(at, "info")


# Documents ----------------------------------------------------------------------------------------------

def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.get("file_uploader")[0].set_value([(name, data, "text/plain") for name, data in files])
    next(b for b in at.button if b.label == "Add and extract").click()
    return at.run()


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"  \n", "file is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_a_bad_upload_gets_a_clear_message_and_adds_nothing(data_dir, store, name, data, reason):
    at = upload(run_page("documents"), (name, data))
    errors = texts(at, "error")
    assert name in errors and reason in errors
    assert store.count("documents") == 0


def test_an_upload_over_the_size_limit_is_refused(data_dir, store, monkeypatch):
    monkeypatch.setenv("KEYPROJ_MAX_FILE_BYTES", "1000")
    at = upload(run_page("documents"), ("long.txt", "江西省".encode() * 400))
    assert "long.txt was not added" in texts(at, "error") and "limit" in texts(at, "error")
    assert store.count("documents") == 0


def test_an_upload_is_extracted_and_shown_with_its_fields_highlighted(data_dir, store):
    article = SEEDS / "2022-ganzhou-signing-ceremony-zh.txt"
    at = upload(run_page("documents"), (article.name, article.read_bytes()))
    assert not at.exception and not at.get("error")
    assert "Added 1 document(s): 1 extracted" in texts(at, "success")
    assert store.count("records") > 0
    markup = html_of(at)
    assert 'class="kp-mark kp-amount"' in markup and 'class="kp-mark kp-name"' in markup
    assert "kp-legend-item" in markup


def test_the_article_view_escapes_the_article_and_marks_every_field(corpus):
    en, _ = corpus
    at = run_page("documents", doc=en.id)
    markup = html_of(at)
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    for kind in ("name", "province", "organizations", "amount"):
        assert f'class="kp-mark kp-{kind}"' in markup
    assert 'title="amount: 1,200,000,000 CNY (12亿元)' in markup


def test_a_citation_link_opens_the_article_at_its_passage(corpus):
    _, zh = corpus
    start = zh.text.index("江西省")
    at = run_page("documents", doc=zh.id, start=str(start), end=str(start + 12))
    assert next(s for s in at.selectbox if s.label == "Article").value == zh.id
    assert "Cited passage" in texts(at, "markdown")
    markup = html_of(at)
    assert 'class="kp-passage"' in markup
    passage_box, article = markup.split('class="kp-article"')
    assert 'title="the cited passage"' in passage_box and 'title="the cited passage"' in article


# Evals --------------------------------------------------------------------------------------------------

def test_evals_without_a_report_says_to_run_keyproj_eval_first(data_dir):
    at = run_page("evals")
    assert "run `keyproj eval` first" in texts(at, "info")


def _report(doc_id: str, text: str) -> dict:
    start = text.index("Zhixin")
    item = {"file": "seeds/en.txt", "doc_id": doc_id, "title": "Jiangxi lists copper projects",
            "name": "Zhixin Chain Platform", "start": start, "end": start + 21,
            "passage": {"start": start - 10, "end": start + 31, "text": text[start - 10:start + 31]}}
    summary = {"precision": 0.9, "recall": 0.75, "f1": 0.8182, "tp": 3, "fp": 1, "fn": 1, "grounding_rate": 1.0,
               "traps": 2, "traps_avoided": 2, "qa_accuracy": None, "recall_at_k": None, "mrr": None}
    backend = {"status": "ok", "error": "", "seconds": 0.5, "documents": 1, "notes": [], "summary": summary,
               "fields": {"province": {"accuracy": 1.0, "correct": 3, "total": 3},
                          "amount": {"accuracy": 0.5, "correct": 1, "total": 2}},
               "articles": [], "misses": [item],
               "false_positives": [{**item, "name": "Copper Platform", "kind": "spurious", "reason": "not in gold"}],
               "field_errors": [], "ungrounded": [], "qa": [], "retrieval": []}
    return {"schema": 1, "created": "2026-11-27T06:00:00+00:00", "seeds": "seeds", "gold": "evals/gold",
            "settings_hash": "abc123", "gold_warnings": [], "articles": [{}], "backends": {"rules": backend}}


def test_evals_shows_metrics_fields_and_linked_misses(corpus, data_dir):
    en, _ = corpus
    (data_dir / "reports").mkdir(parents=True)
    (data_dir / "reports" / "eval-latest.json").write_text(json.dumps(_report(en.id, en.text)), encoding="utf-8")
    at = run_page("evals")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Precision": "90.0%", "Recall": "75.0%", "F1": "81.8%", "Grounding": "100.0%"}
    fields = at.dataframe[0].value
    assert list(fields["Field"]) == ["province", "amount"]
    assert [e.label.split(" — ")[0] for e in at.expander] == ["Zhixin Chain Platform", "Copper Platform · spurious"]
    assert html_of(at).count("kp-mark kp-quote") == 2  # each passage shows its span
    assert len(at.get("page_link")) == 2  # each linked to the whole article


# CLI ----------------------------------------------------------------------------------------------------

def test_keyproj_ui_runs_streamlit_headless_on_localhost_over_the_cli_data_dir(tmp_path, monkeypatch):
    import ui.commands.serve as serve
    from ui.cli import cli
    from ui.commands import register

    calls = []
    monkeypatch.setattr(serve.os, "execve", lambda path, argv, env: calls.append((argv, env)))
    register(cli)
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "d"), "ui", "--port", "9123"])
    assert result.exit_code == 0, result.output
    (argv, env), = calls  # the CLI process becomes the streamlit server
    options = dict(zip(argv[5::2], argv[6::2]))
    assert argv[1:4] == ["-m", "streamlit", "run"] and argv[4].endswith("ui/app.py")
    assert options["--server.address"] == "127.0.0.1" and options["--server.port"] == "9123"
    assert options["--server.headless"] == "true" and options["--browser.gatherUsageStats"] == "false"
    assert env["KEYPROJ_DATA_DIR"] == str((tmp_path / "d").resolve())
