"""Pure functions that turn article text and evidence spans into escaped HTML for the app.

Article text comes from arbitrary files, so every piece of it goes through `html.escape` before it is
placed between tags or inside an attribute; the only markup in the output is what this module writes.
Overlapping spans are flattened into runs of text that share the same set of spans, so the result is
never a tangle of nested or crossing <mark> tags.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from extractor.types import Project
from ui.formatting import format_amount

# One colour per field kind (Material 100-200 tones): light enough for dark text, distinct hues.
FIELD_COLOURS: dict[str, str] = {
    "name": "#ffe082",
    "province": "#a5d6a7",
    "city": "#90caf9",
    "district": "#e1bee7",
    "organizations": "#ffab91",
    "amount": "#f48fb1",
    "date": "#80deea",
    "status": "#bcaaa4",
    "sector": "#b0bec5",
}
QUOTE_COLOUR = "#fff176"  # the quoted span of a citation
FIELD_LABELS = {"organizations": "organisation"}

# When one span supports several place fields ("于都县" is the district, and gives city and province),
# colour it by the most specific one; the hover text still lists all of them.
_SPECIFIC = {"district": -3, "city": -2, "province": -1}
_ORG_FIELD = re.compile(r"^organizations\[(\d+)\]$")


@dataclass(frozen=True)
class Mark:
    """A span to highlight: document offsets, the field kind (colour) and the hover text."""

    start: int
    end: int
    kind: str
    tip: str


def field_kind(field: str) -> str:
    """'organizations[2]' -> 'organizations'; other evidence fields are their own kind."""
    return "organizations" if _ORG_FIELD.match(field) else field


def field_value(project: Project, field: str) -> str:
    """The normalised value a field's evidence supports, as a person would read it."""
    org = _ORG_FIELD.match(field)
    if org:
        i = int(org.group(1))
        if i < len(project.organizations):
            o = project.organizations[i]
            return f"{o.name} ({o.role.value})"
        return ""
    if field == "amount":
        return format_amount(project.amount)
    if field == "status":
        return project.status.value if project.status else ""
    if field in ("province", "city", "district"):
        en, zh = getattr(project, field), getattr(project, f"{field}_zh")
        return " / ".join(x for x in (en, zh) if x)
    value = getattr(project, field, None)
    return "" if value is None else str(value)


def marks_for_project(project: Project, doc_id: str) -> list[Mark]:
    """One mark per evidence span of `project` inside document `doc_id`."""
    marks = []
    for ev in project.evidence:
        if ev.doc_id != doc_id:
            continue
        kind = field_kind(ev.field)
        label = FIELD_LABELS.get(kind, kind)
        tip = f"{label}: {field_value(project, ev.field)}\nproject: {project.name}"
        marks.append(Mark(ev.start, ev.end, kind, tip))
    return marks


def marks_for_projects(projects: Iterable[Project], doc_id: str) -> list[Mark]:
    return [m for p in projects for m in marks_for_project(p, doc_id)]


def highlight(text: str, marks: Sequence[Mark], offset: int = 0) -> str:
    """Escaped HTML of `text` (which starts at document offset `offset`) with `marks` as <mark> tags.

    Where marks overlap, the innermost (shortest) one gives the colour and the hover text lists all.
    """
    local = _clip(marks, offset, len(text))
    cuts = sorted({0, len(text), *(m.start for m in local), *(m.end for m in local)})
    runs: list[tuple[int, int, tuple[Mark, ...]]] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(m for m in local if m.start <= a and m.end >= b)
        if runs and runs[-1][2] == covering:
            runs[-1] = (runs[-1][0], b, covering)  # same spans: extend instead of a new tag
        else:
            runs.append((a, b, covering))
    return "".join(_run_html(text[a:b], covering) for a, b, covering in runs)


def _clip(marks: Sequence[Mark], offset: int, length: int) -> list[Mark]:
    out = []
    for m in marks:
        start, end = max(m.start - offset, 0), min(m.end - offset, length)
        if start < end:
            out.append(Mark(start, end, m.kind, m.tip))
    return out


def _run_html(text: str, covering: tuple[Mark, ...]) -> str:
    body = html.escape(text)
    if not covering:
        return body
    inner = min(covering, key=lambda m: (m.end - m.start, _SPECIFIC.get(m.kind, 0)))
    tips = list(dict.fromkeys(m.tip for m in covering))
    colour = QUOTE_COLOUR if inner.kind == "quote" else FIELD_COLOURS.get(inner.kind, "#e0e0e0")
    kind_class = re.sub(r"[^a-z0-9_-]", "", inner.kind.lower()) or "other"
    return (f'<mark class="kp-mark kp-{kind_class}" style="background:{colour};padding:0 1px;'
            f'border-radius:3px" title="{html.escape(chr(10).join(tips), quote=True)}">{body}</mark>')


_ARTICLE_STYLE = ("white-space:pre-wrap;line-height:1.75;font-size:0.95rem;padding:0.75rem 1rem;"
                  "border:1px solid #e6e6e6;border-radius:8px;background:#fcfcfc;"
                  "font-family:'Source Sans Pro','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif")


def article_html(text: str, marks: Sequence[Mark]) -> str:
    """A whole article, line breaks kept, every field's span highlighted."""
    return f'<div class="kp-article" style="{_ARTICLE_STYLE}">{highlight(text, marks)}</div>'


def passage_html(text: str, offset: int, quotes: Iterable[tuple], tip: str = "quoted in the answer") -> str:
    """A cited passage (starting at document offset `offset`) with its quoted spans highlighted.

    `quotes` are (start, end) or (start, end, field) in document offsets; a span labelled with a
    record field takes that field's colour and names it on hover, others use the quote colour.
    """
    marks = [_quote_mark(q, tip) for q in quotes]
    style = _ARTICLE_STYLE.replace("background:#fcfcfc", "background:#fffdf5")
    return f'<div class="kp-passage" style="{style}">{highlight(text, marks, offset)}</div>'


def _quote_mark(quote: tuple, tip: str) -> Mark:
    start, end = quote[0], quote[1]
    label = str(quote[2]) if len(quote) > 2 and quote[2] else ""
    kind = field_kind(label)
    if kind not in FIELD_COLOURS:
        return Mark(start, end, "quote", label or tip)
    return Mark(start, end, kind, f"{FIELD_LABELS.get(kind, kind)}: {tip}")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def escape_markdown(text: str) -> str:
    """Text shown through st.markdown exactly as written: no emphasis, links, maths or HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_lines(text: str) -> str:
    """Escaped text for st.markdown that keeps its line breaks (Markdown joins single newlines)."""
    return "  \n".join(escape_markdown(line) for line in text.split("\n"))


def legend_html(kinds: Optional[Iterable[str]] = None) -> str:
    """Colour swatches for the given field kinds (all kinds by default), in a fixed order."""
    wanted = set(kinds) if kinds is not None else set(FIELD_COLOURS)
    swatches = [(FIELD_LABELS.get(kind, kind), colour) for kind, colour in FIELD_COLOURS.items() if kind in wanted]
    if "quote" in wanted:
        swatches.append(("cited passage", QUOTE_COLOUR))
    items = [
        f'<span class="kp-legend-item" style="background:{colour};padding:2px 8px;border-radius:10px;'
        f'margin:0 6px 6px 0;display:inline-block;font-size:0.85rem">{html.escape(label)}</span>'
        for label, colour in swatches
    ]
    return f'<div class="kp-legend">{"".join(items)}</div>'
