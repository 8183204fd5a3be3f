from __future__ import annotations

import pytest

from extractor.errors import IngestError
from extractor.ingest import Rejected, document_from_bytes, load_paths
from extractor.pipeline import ingest
from tests.conftest import SEED_ARTICLE

ZH = "【测试】江西省重点项目\n\n2020年3月27日，江西省发展和改革委员会发布重点项目清单。崇仁县区块链项目总投资5亿元。\n"


def test_seed_article_is_read_with_title_and_language():
    doc = document_from_bytes(SEED_ARTICLE.read_bytes(), source=str(SEED_ARTICLE))
    assert doc.title.startswith("7 Key construction projects")
    assert doc.lang == "en"
    assert doc.text == SEED_ARTICLE.read_text(encoding="utf-8")
    assert doc.id.startswith("doc_") and doc.id == document_from_bytes(SEED_ARTICLE.read_bytes(), "elsewhere").id


def test_chinese_utf8_and_gb18030_decode_to_the_same_document():
    utf8 = document_from_bytes(ZH.encode("utf-8"), "a.txt")
    gb = document_from_bytes(ZH.encode("gb18030"), "b.txt")
    assert utf8.text == gb.text == ZH
    assert utf8.lang == "zh" and utf8.title == "江西省重点项目"


def test_bom_and_crlf_are_normalised():
    doc = document_from_bytes(b"\xef\xbb\xbfTitle\r\n\r\nBody text.\r\n", "x.txt")
    assert doc.text == "Title\n\nBody text.\n"


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes([0xff, 0xfe, 0xfa, 0x81, 0x30]) * 50, "decode"),
])
def test_bad_bytes_are_rejected_with_a_clear_message(data, message):
    with pytest.raises(IngestError, match=message):
        document_from_bytes(data, "bad.txt")


def test_oversize_is_rejected():
    with pytest.raises(IngestError, match="over the"):
        document_from_bytes(b"a" * 2000, "big.txt", max_bytes=1000)


def test_html_drops_scripts_and_styles_and_keeps_the_title():
    html = ("<html><head><title>Jiangxi &amp; Hunan list</title><style>p{color:red}</style>"
            "<script>var secret = 'do not index';</script></head><body><h1>Heading</h1>"
            "<p>The project costs 500 million yuan.</p><script>alert(1)</script><p>第二段。</p></body></html>")
    doc = document_from_bytes(html.encode(), "page.html", kind=".html")
    assert doc.title == "Jiangxi & Hunan list"
    assert "do not index" not in doc.text and "alert" not in doc.text and "color" not in doc.text
    assert "The project costs 500 million yuan." in doc.text and "第二段。" in doc.text


def test_published_date_from_a_dateline():
    doc = document_from_bytes("Title\nPublished: March 27, 2020\n\nText.".encode(), "d.md", kind=".md")
    assert doc.published == "2020-03-27"
    zh = document_from_bytes("标题\n发布时间：2021年5月6日\n正文。".encode(), "z.txt")
    assert zh.published == "2021-05-06"


def test_folder_batch_goes_on_past_bad_files(tmp_path, settings, store):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Good article\n\nA project.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "blob.html").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "in" / "ignored.pdf").write_bytes(b"%PDF")
    results = list(load_paths([tmp_path / "in"], settings.max_file_bytes))
    rejected = {r.source.split("/")[-1]: r.reason for r in results if isinstance(r, Rejected)}
    assert set(rejected) == {"empty.txt", "blob.html"}
    report = ingest(store, [tmp_path / "in"], settings)
    assert len(report.added) == 1 and len(report.rejected) == 2
    again = ingest(store, [tmp_path / "in"], settings)
    assert not again.added and len(again.unchanged) == 1
    assert store.count("documents") == 1
    assert store.count("chunks") == len(store.chunks())


def test_missing_path_is_an_error(settings, store, tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        ingest(store, [tmp_path / "nope"], settings)
