"""`RulesEngine`: the offline default backend. Deterministic, grounded, fast."""

from __future__ import annotations

import re
from typing import Optional

from extractor.merge import merge_projects
from extractor.normalize.places import Gazetteer
from extractor.types import AggregateFact, Chunk, Document, Extraction, Project, Status, normalise_name
from extractor.engines.rules import sums
from extractor.engines.rules.aliases import forget_aliases
from extractor.engines.rules.build import Builder, row_amount
from extractor.engines.rules.candidates import candidate_key
from extractor.engines.rules.forms import block_event, form_rows
from extractor.engines.rules.linking import Linker
from extractor.engines.rules.mentions import collect
from extractor.engines.rules.tables import table_rows


def forget_names() -> None:
    """Empty the caches keyed by names read from articles (project keys, company aliases). They pay
    off within an article and across a batch about the same projects; a benchmark built from reused
    paragraphs calls this between articles so that none is served names read in another."""
    candidate_key.cache_clear()
    forget_aliases()


class RulesEngine:
    name = "rules"
    version = "1.3"  # bumped when the rules change what they extract: stored documents are extracted again

    def extract(self, doc: Document, chunks: list[Chunk]) -> Extraction:
        """Works on the whole document (chunks are not needed); evidence offsets are document offsets."""
        mentions = collect(doc.text, doc.lang == "zh", doc.year)
        rows, table_paras = table_rows(mentions.paragraphs)
        blocks, block_paras = form_rows(mentions.paragraphs, table_paras)  # "项目名称：…" blocks, read as rows
        linker = Linker(mentions, doc.id)
        linker.run(table_paras | block_paras)
        builder = Builder(linker, doc.id)
        # The records by lower-case name, as plain dicts (merged ones as Projects).
        projects: dict[str, dict | Project] = {}
        aggregates = list(linker.aggregates)
        dropped = list(linker.dropped)
        first_table = min(table_paras) if table_paras else None
        event = linker.event_at.get(first_table) if first_table is not None else None
        for row in rows + blocks:
            if row.is_total:
                amount = row_amount(row)
                if amount is not None:
                    aggregates.append(AggregateFact(kind="list_total", doc_id=doc.id, start=amount.start,
                                                    end=amount.end, quote=amount.text, amount=amount.to_amount()))
                continue
            key = row.cells["name"].text.lower()
            if key not in projects:  # the first record of a name stands: a later one is not even built
                # (a run of blocks takes the event in force where it opens; the tables, the first table's)
                row_event = block_event(linker.event_at.get(row.table), mentions) if row.table in block_paras else event
                projects[key] = builder.row_project(row, row_event)
        from_rows = set(projects)  # names a table lists: prose about them is merged in, not dropped
        rows_named = list(projects)
        for cand in linker.candidates.values():
            key = cand.name.text.lower()
            if key in from_rows:  # the table says it is a project: the prose tells more of it
                from_rows.discard(key)  # a second prose candidate of the name is not merged again
                projects[key] = combine(projects[key], builder.project(cand))
                continue
            if cand.component and not cand.has_link:
                dropped.append(f"{cand.name.text!r}: named only as part of another project")
                continue
            if cand.weak and not cand.has_link and not _named_on_a_list(builder, cand):
                dropped.append(f"{cand.name.text!r}: no amount or undertaker ties the name to a project")
                continue
            # (one tied to a sum or a company is still dropped when nothing says it was listed, signed,
            # approved or planned: "broke ground in 2023 ..., was connected to the grid last year", or when
            # every sentence naming it says it runs: "去年列入清单的X项目已于2024年12月全容量并网")
            runs = _says_it_runs(cand, mentions)
            if any(runs) and (not cand.has_link or _no_status_but_started(builder, cand) or all(runs)):
                dropped.append(f"{cand.name.text!r}: an existing facility, already in operation")
                continue
            if key in projects:
                continue
            record = builder.project(cand)
            row = next((projects[k] for k in rows_named if _shorter_name_of(record, projects[k])), None) \
                if rows_named else None
            if row is not None:
                dropped.append(f"{cand.name.text!r}: a shorter name of the table's {row['name']!r}")
                continue
            projects[key] = record
        # All records validated in one call (see `build`).
        return Extraction.model_validate({"doc_id": doc.id, "projects": list(projects.values()),
                                          "aggregates": aggregates, "dropped": dropped})


def _named_on_a_list(builder: Builder, cand) -> bool:
    """A Chinese name that opens with its place and that its own sentence says is on a list ("清单中，
    既有天水市X项目，也有定西市Y项目…"): a project, though no sum or builder ties it. (A name without a
    place, "新能源汽车配套项目", may be a kind of project.)"""
    if cand.name.source != "zh":
        return False
    place = next(iter(Gazetteer.load().find(cand.name.text[:8])), None)
    if place is None or place.start != 0:
        return False
    own = builder.own_status(cand)
    return own is not None and own.status == Status.listed and \
        any(builder.m.sentences[i].start <= own.start < builder.m.sentences[i].end for i in cand.sentences)


def _no_status_but_started(builder: Builder, cand) -> bool:
    own = builder.own_status(cand)
    return own is None or own.status == Status.other


def _says_it_runs(cand, mentions) -> list[bool]:
    """For each sentence naming the candidate, whether it says the facility already runs ("has been in
    production since 2020")."""
    text = mentions.text
    return [bool(sums.OPERATING_WORD.search(text, s.start, s.end) and sums.OPERATING.search(text, s.start, s.end))
            for s in (mentions.sentences[i] for i in cand.sentences)]


# What a project's name ends with that says only that it is a project.
_PROJECT_WORDS = re.compile(r"(?:项目|工程|\s*project)$", re.I)


def _shorter_name_of(prose: dict, row: dict | Project) -> bool:
    """The prose record names a table row again, shorter ("排在首位的玉门市光伏组件项目由X负责实施" for the
    row "年产2GW高效光伏组件及配套储能系统项目" of 玉门市, undertaken by X): its sum, if any, is the row's, its
    companies are the row's, its place does not contradict the row's, and what its name says beyond a place and
    "project" is part of the row's name (perhaps with a gap: 老旧小区改造 of 老旧小区及配套管网改造)."""
    row = row.model_dump() if isinstance(row, Project) else row
    if "amount" in prose and not _same_sum(_value(prose["amount"]), _value(row.get("amount"))):
        return False  # (a sum of its own: another project)
    orgs, row_orgs = {o["name"] for o in prose["organizations"]}, {o["name"] for o in row["organizations"]}
    if not orgs <= row_orgs:
        return False
    if any(prose.get(f) and row.get(f) and prose[f] != row[f] for f in ("province", "city", "district")):
        return False
    name = _PROJECT_WORDS.sub("", prose["name"])
    place = next(iter(Gazetteer.load().find(name)), None)
    if place is not None and place.start == 0:
        name = name[place.end:]
    core, full = normalise_name(name), normalise_name(_PROJECT_WORDS.sub("", row["name"]))
    if not orgs:  # nothing but the name ties them: the row's name must end with it ("多式联运物流园项目")
        return len(core) >= 4 and full.endswith(core)
    return len(core) >= 4 and _in_at_most_two_pieces(core, full)


def _same_sum(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _value(amount) -> Optional[float]:
    if amount is None:
        return None
    return amount.value if hasattr(amount, "value") else amount.get("value")


def _in_at_most_two_pieces(short: str, full: str) -> bool:
    """`short` is in `full`, whole or with one gap: "老旧小区改造" in "凉州区老旧小区及配套管网改造"."""
    if short in full:
        return True
    for cut in range(2, len(short) - 1):  # (each piece at least two characters)
        at = full.find(short[:cut])
        if at >= 0 and full.find(short[cut:], at + cut) >= 0:
            return True
    return False


def combine(row: dict, prose: dict) -> dict | Project:
    """One record of a project both listed in a table and described in prose, made by the merge that
    joins records across chunks and documents (`merge_projects`): each field from whichever source
    states it, the one named first in the text winning where both do. The loser's evidence for a
    field the two disagree on is dropped, so that every field's evidence supports its value. When
    the two contradict each other's place they are not the same project: the row stands."""
    first, later = sorted((Project.model_validate(row), Project.model_validate(prose)),
                          key=lambda p: p.evidence_for("name")[0].start)
    merged = merge_projects([first, later])
    if len(merged) != 1:
        return row
    record = merged[0]
    lost = {c.field for c in record.conflicts}
    kept = {(e.field, e.start, e.end) for e in first.evidence}
    return record.model_copy(update={"evidence": [e for e in record.evidence
                                                  if e.field not in lost or (e.field, e.start, e.end) in kept]})
