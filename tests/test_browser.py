"""The app in a real browser: Debian's chromium driven by Playwright against a live `streamlit run`.

The server is started the way `keyproj ui` starts it, over a data dir prepared with the library
(ingest + extract of seeds/, and an evaluation report). Screenshots of every page go to
test-artifacts/ so a person can look at them.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEEDS, stop_process

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]
JIANGXI = "Which Jiangxi projects exceed 500 million yuan?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_data_dir(data_dir: Path):
    from evals.report import report_json, write_reports
    from evals.runner import DEFAULT_GOLD, run_eval
    from extractor.pipeline import extract, ingest
    from extractor.settings import Settings
    from extractor.store import Store

    settings = Settings(data_dir=data_dir)
    store = Store.open(settings)
    try:
        assert not ingest(store, [SEEDS], settings).rejected
        assert extract(store, settings).records > 0
    finally:
        store.close()
    gold = _gold_without_aliases(DEFAULT_GOLD, data_dir.parent / "gold")
    write_reports(report_json(run_eval(["rules"], settings, SEEDS, gold)), data_dir / "reports")
    return settings


def _gold_without_aliases(source: Path, target: Path) -> Path:
    """The gold set with its alias lists removed, so the report surely has a miss and a false
    positive (the record the article names two ways) for the Evals page to show."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for record in data.get("records", []) if isinstance(data, dict) else []:
            record.pop("aliases", None)
        (target / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=1).text == "ok":
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit did not answer /_stcore/health within {timeout} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium "
                    "fonts-wqy-microhei); Playwright must not download a browser")
    from ui.commands.serve import streamlit_command

    settings = prepare_data_dir(tmp_path_factory.mktemp("ui") / "data")
    port = free_port()
    argv, env = streamlit_command(settings, port)
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def browser(server):
    """Chromium, launched once; before any test uses the server it times the first page's render."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        FIRST_RENDER["seconds"] = time_first_render(chromium, server)
        yield chromium
        chromium.close()


FIRST_RENDER: dict[str, float] = {}


def time_first_render(chromium, url: str) -> float:
    """Seconds from opening the app (the server has only answered /_stcore/health) to the Ask title."""
    context = chromium.new_context()
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.get_by_role("heading", name="Ask", exact=True).wait_for(timeout=30_000)
    elapsed = time.perf_counter() - started
    context.close()
    (ARTIFACTS / "ui-first-render.txt").write_text(f"{elapsed:.2f} s from a healthy server to the Ask page's title\n")
    return elapsed


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def no_exception(page) -> None:
    errors = page.get_by_test_id("stException").all_inner_texts()
    assert not errors, errors


def open_page(page, url: str, title: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=30_000)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=30_000)  # the script finished


# The app scrolls in its main pane (stMain, or stAppScrollToBottomContainer on a chat page); panes
# nested in the content (the article box) scroll on their own and do not count.
SCROLL_HEIGHT = """Math.max(document.body.scrollHeight, ...Array.from(document.querySelectorAll('*'))
    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
    .filter(e => !e.closest('[data-testid=stMainBlockContainer]')).map(e => e.scrollHeight))"""


def shot(page, name: str) -> None:
    """A screenshot of the whole page: the app scrolls inside its main pane, so grow the window to fit it."""
    page.wait_for_timeout(500)  # let charts and fonts settle
    height = page.evaluate(SCROLL_HEIGHT)
    page.set_viewport_size({"width": 1400, "height": max(900, min(int(height) + 40, 8000))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"ui-{name}.png"))


def test_the_jiangxi_question_is_answered_with_a_highlighted_citation(server, page):
    open_page(page, server, "Ask")
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(JIANGXI)
    box.press("Enter")
    quote = page.locator(".kp-passage mark.kp-mark").first
    quote.wait_for(timeout=60_000)
    no_exception(page)
    answer = page.get_by_test_id("stChatMessage").nth(1)
    assert "matching projects" in answer.inner_text()
    assert "Jinxi Copper Foil Project" in answer.inner_text()
    assert quote.get_attribute("title")  # hover names what the span is
    # the link is drawn after its passage: wait for it rather than count what has rendered so far
    answer.get_by_text("Open the whole article").first.wait_for(timeout=30_000)
    shot(page, "ask")


def test_a_citation_opens_the_whole_article_at_its_passage(server, page):
    open_page(page, server, "Ask")
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(JIANGXI)
    box.press("Enter")
    page.get_by_text("Open the whole article").first.click()
    page.get_by_role("heading", name="Documents", exact=True).wait_for(timeout=30_000)
    page.locator('.kp-article mark[title="the cited passage"]').first.wait_for(timeout=30_000)
    assert "doc=" in page.url and "start=" in page.url
    no_exception(page)


def test_a_bad_upload_gets_a_clear_message(server, page):
    open_page(page, f"{server}/documents", "Documents")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "scan.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}])
    page.get_by_text("scan.txt").wait_for()
    page.get_by_role("button", name="Add and extract").click()
    alert = page.get_by_test_id("stAlertContentError").first
    alert.wait_for(timeout=30_000)
    assert "scan.txt was not added" in alert.inner_text() and "binary" in alert.inner_text()
    shot(page, "documents-bad-upload")


def test_the_article_view_highlights_fields_and_renders_chinese(server, page):
    open_page(page, f"{server}/documents", "Documents")
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="赣州一季度重大招商项目集中签约 新能源与现代物流项目占比过半").click()
    amount = page.locator(".kp-article mark.kp-amount").first
    amount.wait_for(timeout=30_000)
    assert amount.get_attribute("title").startswith("amount: ") and "亿元" in amount.get_attribute("title")
    assert page.locator(".kp-legend-item").count() >= 4
    amount.hover()
    no_exception(page)
    shot(page, "documents-article")


def test_records_and_evals_pages_render(server, page):
    open_page(page, f"{server}/records", "Records")
    page.get_by_text("Investment by province (亿元)").wait_for()
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=30_000)
    no_exception(page)
    shot(page, "records")
    open_page(page, f"{server}/evals", "Evals")
    page.get_by_text("Per field").wait_for()
    no_exception(page)
    page.get_by_test_id("stExpander").first.click()
    page.locator(".kp-passage mark").first.wait_for()
    shot(page, "evals")
