from __future__ import annotations

from hypothesis import given, settings as hsettings, strategies as st

from extractor.chunking import chunk_document, split_units
from extractor.ingest import document_from_bytes
from extractor.tokens import count_tokens, get_encoding
from tests.conftest import SEED_ARTICLE

ZH_PARAGRAPH = ("2020年3月27日，江西省发展和改革委员会发布《2020年江西省重点产业投资项目》，共1431个项目，总投资超过1.5万亿元。"
                "其中，崇仁县区块链技术建设项目总投资5亿元；东乡区区块链+VR产业基地项目总投资10亿元！"
                "“该项目由某某科技有限公司承建。”他说？是的；")


def _doc(text: str):
    return document_from_bytes(text.encode("utf-8"), "t.txt")


def test_tiktoken_works_offline():
    assert get_encoding("cl100k_base").encode("hello world") == [15339, 1917]


def test_units_tile_the_text_and_break_after_chinese_punctuation():
    spans = split_units(ZH_PARAGRAPH)
    assert "".join(ZH_PARAGRAPH[s:e] for s, e in spans) == ZH_PARAGRAPH
    assert all(ZH_PARAGRAPH[e - 1] in "。！？；”" for s, e in spans[:-1])


def test_seed_chunks_keep_offsets_size_and_overlap():
    doc = _doc(SEED_ARTICLE.read_text(encoding="utf-8"))
    chunks = chunk_document(doc, max_tokens=400, overlap=60)
    assert len(chunks) > 3
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert c.n_tokens <= 400
    for a, b in zip(chunks, chunks[1:]):
        assert b.start < a.end, "neighbouring chunks overlap"
        assert count_tokens(doc.text[b.start:a.end]) <= 60 + 5
        ends_paragraph = doc.text[a.end - 1] == "\n"
        assert ends_paragraph or doc.text[: a.end].rstrip()[-1] in ".!?;\"”。！？；", "chunks end at sentence ends"
    assert chunks[0].start == 0 and chunks[-1].end == len(doc.text)
    assert [c.id for c in chunks] == [c.id for c in chunk_document(doc)], "ids are stable"


def test_chinese_offsets_hold_with_small_chunks():
    doc = _doc(ZH_PARAGRAPH * 20)
    chunks = chunk_document(doc, max_tokens=64, overlap=16)
    assert len(chunks) > 10
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text and c.n_tokens <= 64


def test_a_run_on_sentence_longer_than_a_chunk_is_split():
    doc = _doc("word " * 2000)
    chunks = chunk_document(doc, max_tokens=100, overlap=10)
    assert all(c.n_tokens <= 100 for c in chunks)
    assert chunks[-1].end == len(doc.text)


@hsettings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab c。，！？.!\n项目投资亿元 Xx1")), min_size=1, max_size=600),
       st.integers(min_value=32, max_value=120))
def test_offset_invariant_on_arbitrary_text(text, max_tokens):
    if not text.strip():
        return
    doc = _doc(text)
    chunks = chunk_document(doc, max_tokens=max_tokens, overlap=max_tokens // 4)
    covered = 0
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert c.n_tokens <= max_tokens
        assert c.start <= covered, "no gap between chunks"
        covered = c.end
    assert covered == len(doc.text)
