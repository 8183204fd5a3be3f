"""ui.render: highlighted passages and article views are escaped HTML with marks where the spans are."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from extractor.types import Amount, Evidence, Organization, OrgRole, Project, Status
from ui.render import (Mark, article_html, escape_markdown, field_kind, field_value, highlight, legend_html,
                       markdown_lines,
                       marks_for_project, passage_html)

HOSTILE = [
    "<script>alert(1)</script>",
    "</mark><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "</div><style>body{display:none}</style>",
    "&lt;b&gt; & <b>bold</b>",
]


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the text a browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(markup)
    parser.close()
    return parser


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_article_text_is_shown_as_text_never_as_markup(hostile):
    text = f"Jiangxi listed {hostile} the project {hostile} for 5亿元."
    start = text.index("the project")
    marks = [Mark(start, start + len("the project") + 1 + len(hostile), "name", f"name: {hostile}")]
    markup = article_html(text, marks)
    parsed = parse(markup)
    assert {tag for tag, _ in parsed.tags} <= {"div", "mark"}
    assert "".join(parsed.text) == text  # what a reader sees is exactly the article
    tips = [attrs["title"] for tag, attrs in parsed.tags if tag == "mark"]
    assert tips == [f"name: {hostile}"]
    assert all(set(attrs) <= {"class", "style", "title"} for _, attrs in parsed.tags)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_passage_keeps_only_the_quote_marks(hostile):
    passage = f"before {hostile} quoted {hostile} after"
    offset = 1000
    q0 = offset + passage.index("quoted")
    markup = passage_html(passage, offset, [(q0, q0 + len("quoted"))], tip=hostile)
    parsed = parse(markup)
    marks = [attrs for tag, attrs in parsed.tags if tag == "mark"]
    assert len(marks) == 1 and marks[0]["title"] == hostile
    assert "".join(parsed.text) == passage
    assert "<script" not in markup and "<img" not in markup


def test_marks_sit_exactly_on_their_spans():
    text = "江西省抚州市东乡区签约区块链+VR产业基地项目，总投资10亿元。"
    name = text.index("区块链")
    amount = text.index("10亿元")
    marks = [Mark(0, 3, "province", "province: Jiangxi"), Mark(name, name + len("区块链+VR产业基地项目"), "name", "name: x"),
             Mark(amount, amount + 4, "amount", "amount: 1,000,000,000 CNY (10亿元)")]
    found = re.findall(r'<mark class="kp-mark kp-(\w+)"[^>]*>(.*?)</mark>', highlight(text, marks))
    assert found == [("province", "江西省"), ("name", "区块链+VR产业基地项目"), ("amount", "10亿元")]


def test_overlapping_spans_do_not_nest_and_the_innermost_colours_the_overlap():
    text = "Hunan Chenhan Information Technology Co., Ltd."
    marks = [Mark(0, len(text), "organizations", "organisation: Chenhan"), Mark(0, 5, "province", "province: Hunan")]
    markup = highlight(text, marks)
    assert markup.count("<mark") == 2 and "<mark" not in re.sub(r"<mark[^>]*>[^<]*</mark>", "", markup)
    first = re.match(r'<mark class="kp-mark kp-(\w+)"[^>]*title="([^"]*)">Hunan</mark>', markup)
    assert first and first.group(1) == "province"
    assert "organisation: Chenhan" in html.unescape(first.group(2))  # the overlap names both fields


def test_spans_outside_a_passage_are_clipped_and_offsets_are_document_offsets():
    passage = "abcdef"
    markup = passage_html(passage, 100, [(98, 102), (105, 120), (200, 210)])
    assert re.findall(r"<mark[^>]*>(\w+)</mark>", markup) == ["ab", "f"]


def test_empty_and_inverted_spans_add_no_mark():
    assert highlight("abc", [Mark(1, 1, "name", "x"), Mark(2, 1, "name", "y")]) == "abc"


def test_marks_for_a_project_show_the_normalised_value_of_each_field():
    text = "Jiangxi: the Copper Foil Project of Jinxi Copper Co., Ltd. costs 5亿元."
    ev = lambda field, quote: Evidence(field=field, doc_id="d1", start=text.index(quote),  # noqa: E731
                                       end=text.index(quote) + len(quote), quote=quote)
    p = Project(name="Copper Foil Project", province="Jiangxi", province_zh="江西省",
                organizations=[Organization(name="Jinxi Copper Co., Ltd.", role=OrgRole.undertaker)],
                amount=Amount(value=5e8, min=5e8, max=5e8, currency="CNY", text="5亿元"), status=Status.listed,
                evidence=[ev("province", "Jiangxi"), ev("organizations[0]", "Jinxi Copper Co., Ltd."),
                          ev("amount", "5亿元"), Evidence(field="name", doc_id="other", start=0, end=3, quote="abc")])
    marks = marks_for_project(p, "d1")
    assert [m.kind for m in marks] == ["province", "organizations", "amount"]  # other documents left out
    assert marks[0].tip.startswith("province: Jiangxi / 江西省")
    assert marks[1].tip.startswith("organisation: Jinxi Copper Co., Ltd. (undertaker)")
    assert marks[2].tip.startswith("amount: 500,000,000 CNY (5亿元)")
    assert field_kind("organizations[12]") == "organizations" and field_value(p, "organizations[5]") == ""


def test_legend_lists_the_requested_fields_in_a_fixed_order():
    markup = legend_html({"amount", "province"})
    assert re.findall(r">([\w ]+)</span>", markup) == ["province", "amount"]
    assert markup.count("kp-legend-item") == 2
    assert re.findall(r">([\w ]+)</span>", legend_html({"name", "quote"})) == ["name", "cited passage"]


def test_escape_markdown_neutralises_markup():
    raw = "**bold** [link](http://x) <b>$x$</b> `code` # head"
    escaped = escape_markdown(raw)
    assert re.sub(r"\\(.)", r"\1", escaped) == raw
    assert "**" not in escaped and "](" not in escaped and "<b>" not in escaped


def test_labelled_quotes_take_their_field_colour_and_unknown_labels_the_quote_colour():
    passage = "Jinxi Copper Foil Project, 1.2 billion yuan, <b>x</b>"
    spans = [(0, 25, "name"), (27, 43, "amount"), (45, 53, "<script>"), (45, 46)]
    markup = passage_html(passage, 0, spans)
    kinds = re.findall(r'class="kp-mark kp-(\w+)"', markup)
    assert kinds == ["name", "amount", "quote", "quote"]
    assert "<script>" not in markup and "<b>" not in markup


def test_markdown_lines_keeps_line_breaks_and_numbering_as_text():
    text = "2 matching projects:\n1. **A** — 5亿元 [1]\n2. B"
    out = markdown_lines(text)
    assert out.split("  \n") == [escape_markdown(line) for line in text.split("\n")]
    assert "1\\." in out  # not turned into a Markdown list


def test_a_span_supporting_several_place_fields_is_coloured_by_the_most_specific():
    text = "于都县签约"
    marks = [Mark(0, 3, "province", "province: Jiangxi"), Mark(0, 3, "district", "district: Yudu"),
             Mark(0, 3, "city", "city: Ganzhou")]
    markup = highlight(text, marks)
    assert re.findall(r'kp-mark kp-(\w+)', markup) == ["district"]
    assert html.unescape(re.search(r'title="([^"]*)"', markup).group(1)).split("\n") == [
        "province: Jiangxi", "district: Yudu", "city: Ganzhou"]
