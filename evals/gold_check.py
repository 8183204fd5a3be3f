"""Validate the hand-labelled gold set itself, before anything is scored against it.

Wrong gold is worse than no gold, so every gold file is checked against its article: spans must be
the article's text at the stated offsets, values must be well-formed, and every record a question
expects must exist. `python -m evals.gold_check [GOLD_DIR SEEDS_DIR]` prints the problems and exits
non-zero when there are any.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable

from extractor.types import ISO_DATE, OrgRole, Status

QUESTIONS_FILE = "questions.json"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "evals" / "gold"
DEFAULT_SEEDS = ROOT / "seeds"

# Provincial-level divisions in canonical English, without "Province"/"Autonomous Region".
PROVINCES = frozenset({
    "Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
    "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
    "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet",
    "Xizang", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang", "Hong Kong", "Macau", "Macao",
    "Taiwan",
})
PLACE_FIELDS = ("province", "city", "district")
# Fields that, when filled, must cite the text; status and sector may be a reader's judgement.
CITED_FIELDS = ("name", "amount", "date") + PLACE_FIELDS
SIMPLE_EVIDENCE_FIELDS = frozenset(CITED_FIELDS + ("status", "sector"))
CURRENCY = re.compile(r"^[A-Z]{3}$")
LANGS = frozenset({"en", "zh"})
INTENTS = frozenset({"list", "count", "sum", "max", "min", "lookup", "open"})
EXPECTATIONS = ("records", "value", "count", "text_contains")


def document_text(path: Path) -> str:
    """The text every offset indexes: UTF-8, BOM removed, CRLF -> LF, nothing else changed."""
    text = path.read_bytes().decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def check_gold(gold_dir: Path | str = DEFAULT_GOLD, seeds_dir: Path | str = DEFAULT_SEEDS) -> list[str]:
    """All problems found in the gold files and questions of `gold_dir`; empty when the gold is sound."""
    gold_dir, seeds_dir = Path(gold_dir), Path(seeds_dir)
    problems: list[str] = []
    names: dict[str, str] = {}  # record name -> file, to resolve question references
    labelled: set[str] = set()
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == QUESTIONS_FILE:
            continue
        data = _load(path, problems)
        if data is None:
            continue
        article = _article_path(data, path, seeds_dir, problems)
        if article is None:
            continue
        labelled.add(article.name)
        problems += _check_article(path.name, data, document_text(article), names)
    for article in sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix in (".txt", ".md")):
        if article.name not in labelled:
            problems.append(f"seeds/{article.name}: no gold file labels this article")
    questions = gold_dir / QUESTIONS_FILE
    if questions.exists():
        data = _load(questions, problems)
        if data is not None:
            problems += _check_questions(data, names)
    else:
        problems.append(f"{QUESTIONS_FILE}: missing")
    return problems


def _load(path: Path, problems: list[str]) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(f"{path.name}: cannot read JSON ({exc})")
        return None


def _article_path(data: Any, path: Path, seeds_dir: Path, problems: list[str]) -> Path | None:
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        problems.append(f"{path.name}: top level must be an object with a 'file' string")
        return None
    article = seeds_dir / Path(data["file"]).name
    if not data["file"].startswith("seeds/") or not article.is_file():
        problems.append(f"{path.name}: article {data['file']!r} not found in {seeds_dir}")
        return None
    if article.stem != path.stem:
        problems.append(f"{path.name}: file name should be {article.stem}.json")
    return article


# articles ---------------------------------------------------------------------------------------

def _check_article(where: str, data: dict, text: str, names: dict[str, str]) -> list[str]:
    problems: list[str] = []
    records = data.get("records")
    traps = data.get("must_not")
    if not isinstance(records, list) or not isinstance(traps, list):
        return [f"{where}: 'records' and 'must_not' must be lists"]
    for i, rec in enumerate(records):
        label = f"{where} records[{i}] {rec.get('name', '?')!r}" if isinstance(rec, dict) else f"{where} records[{i}]"
        if not isinstance(rec, dict):
            problems.append(f"{label}: not an object")
            continue
        problems += [f"{label}: {p}" for p in _check_record(rec, text)]
        name = rec.get("name")
        if isinstance(name, str):
            if name in names:
                problems.append(f"{label}: name already used in {names[name]} (questions could not tell them apart)")
            names[name] = where
    trap_problems, trap_spans = _check_traps(where, traps, text)
    return problems + trap_problems + _evidence_inside_traps(where, records, trap_spans)


def _check_traps(where: str, traps: list, text: str) -> tuple[list[str], list[tuple[int, int, str]]]:
    """must_not entries: spans that must never become a record or a project amount."""
    problems, spans = [], []
    for i, trap in enumerate(traps):
        label = f"{where} must_not[{i}]"
        if not isinstance(trap, dict) or not isinstance(trap.get("reason"), str) or not trap["reason"]:
            problems.append(f"{label}: needs quote, start, end and a reason")
            continue
        problem = _span_problem(trap, text)
        if problem:
            problems.append(f"{label}: {problem}")
        else:
            spans.append((trap["start"], trap["end"], trap["quote"]))
    return problems, spans


def _check_record(rec: dict, text: str) -> list[str]:
    problems: list[str] = []
    if not isinstance(rec.get("name"), str) or not rec["name"].strip():
        problems.append("name must be a non-empty string")
    if not isinstance(rec.get("required"), bool):
        problems.append("required must be true or false")
    aliases = rec.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append("aliases must be a list of strings")
        aliases = []
    problems += _check_places(rec)
    orgs = rec.get("organizations")
    problems += _check_orgs(orgs)
    problems += _check_amount(rec.get("amount"))
    problems += _check_date(rec.get("date"))
    status = rec.get("status")
    if status is not None and status not in {s.value for s in Status}:
        problems.append(f"status {status!r} not one of {[s.value for s in Status]}")
    if rec.get("sector") is not None and not isinstance(rec["sector"], str):
        problems.append("sector must be a string or null")
    problems += _check_evidence(rec, text, aliases, orgs if isinstance(orgs, list) else [])
    return problems


def _check_places(rec: dict) -> list[str]:
    problems = []
    for field in PLACE_FIELDS:
        value = rec.get(field)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{field} must be a non-empty string or null")
    province = rec.get("province")
    if province is None:
        problems.append("province must be filled (inferred from the city when not written)")
    elif province not in PROVINCES:
        problems.append(f"province {province!r} is not a canonical provincial-level name")
    for field in PLACE_FIELDS:
        value = rec.get(field)
        if isinstance(value, str) and re.search(r"[\u3400-\u9fff]", value):
            problems.append(f"{field} {value!r} must be the English name (the record contract keeps *_zh apart)")
        elif isinstance(value, str) and re.search(r"\b(Province|City|County|District)$", value):
            problems.append(f"{field} {value!r} keeps its administrative suffix")
    return problems


def _check_orgs(orgs: Any) -> list[str]:
    if not isinstance(orgs, list):
        return ["organizations must be a list"]
    roles = {r.value for r in OrgRole}
    problems = []
    for i, org in enumerate(orgs):
        if not isinstance(org, dict) or not isinstance(org.get("name"), str) or not org["name"].strip():
            problems.append(f"organizations[{i}] needs a name")
        elif org.get("role") not in roles:
            problems.append(f"organizations[{i}] role {org.get('role')!r} not one of {sorted(roles)}")
    return problems


def _check_amount(amount: Any) -> list[str]:
    if amount is None:
        return []
    if not isinstance(amount, dict):
        return ["amount must be an object or null"]
    problems = []
    value, low, high = amount.get("value"), amount.get("min"), amount.get("max")
    for key, number in (("value", value), ("min", low), ("max", high)):
        if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0):
            problems.append(f"amount.{key} must be a non-negative number or null")
            return problems
    if not isinstance(amount.get("currency"), str) or not CURRENCY.match(amount["currency"]):
        problems.append(f"amount.currency {amount.get('currency')!r} is not an ISO 4217 code")
    if not isinstance(amount.get("text"), str) or not amount["text"]:
        problems.append("amount.text must give the amount as written")
    if low is None and not (high is not None and value == high):
        problems.append("amount.min must be set (equal to value for a point amount; only an 'up to X' "
                        "amount, value = max = X, has none)")
    if low is not None and high is not None and low > high:
        problems.append(f"amount.min {low} > amount.max {high}")
    if value is not None and ((low is not None and value < low) or (high is not None and value > high)):
        problems.append(f"amount.value {value} outside [min, max]")
    if value is None and high is None:
        problems.append("amount needs a value or an upper bound")
    return problems


def _check_date(date: Any) -> list[str]:
    if date is None:
        return []
    if not isinstance(date, str) or not ISO_DATE.match(date):
        return [f"date {date!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)"]
    parts = [int(p) for p in date.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return [f"date {date!r} is not a calendar date"]
    return []


def _check_evidence(rec: dict, text: str, aliases: list[str], orgs: list) -> list[str]:
    evidence = rec.get("evidence")
    if not isinstance(evidence, list):
        return ["evidence must be a list"]
    problems = []
    cited: dict[str, list[str]] = {}
    for i, ev in enumerate(evidence):
        if not isinstance(ev, dict):
            problems.append(f"evidence[{i}] not an object")
            continue
        field = ev.get("field")
        if field not in SIMPLE_EVIDENCE_FIELDS | {f"organizations[{j}]" for j in range(len(orgs))}:
            problems.append(f"evidence[{i}] field {field!r} is not a record field (or no such organisation)")
        elif field in SIMPLE_EVIDENCE_FIELDS and rec.get(field) is None:
            problems.append(f"evidence[{i}] cites {field!r}, which the record leaves empty")
        problem = _span_problem(ev, text)
        if problem:
            problems.append(f"evidence[{i}] ({field}): {problem}")
        else:
            cited.setdefault(field, []).append(ev["quote"])
    for field in CITED_FIELDS:
        if rec.get(field) is not None and field not in cited:
            problems.append(f"{field} is filled but has no evidence span")
    for j in range(len(orgs)):
        if f"organizations[{j}]" not in cited:
            problems.append(f"organizations[{j}] has no evidence span")
    problems += _quotes_match_values(rec, cited, aliases)
    return problems


def _quotes_match_values(rec: dict, cited: dict[str, list[str]], aliases: list[str]) -> list[str]:
    """The name and amount quotes must be the very strings the record stores."""
    problems = []
    if "name" in cited and not set(cited["name"]) & ({rec.get("name")} | set(aliases)):
        problems.append("no name evidence quotes the name (or an alias) as stored")
    amount = rec.get("amount")
    if isinstance(amount, dict) and "amount" in cited and amount.get("text") not in cited["amount"]:
        problems.append(f"amount.text {amount.get('text')!r} is not the quote of its evidence")
    for j, org in enumerate(rec.get("organizations") or []):
        quotes = cited.get(f"organizations[{j}]", [])
        if isinstance(org, dict) and quotes and org.get("name") not in quotes:
            problems.append(f"organizations[{j}] name {org.get('name')!r} differs from its quote")
    return problems


def _span_problem(span: dict, text: str) -> str | None:
    start, end, quote = span.get("start"), span.get("end"), span.get("quote")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(quote, str)) or \
            isinstance(start, bool) or isinstance(end, bool):
        return "needs integer start/end and a quote"
    if not 0 <= start < end <= len(text):
        return f"offsets [{start}, {end}) outside the text (length {len(text)})"
    if text[start:end] != quote:
        return f"text[{start}:{end}] is {text[start:end]!r}, not {quote!r}"
    return None


def _evidence_inside_traps(where: str, records: list, traps: list[tuple[int, int, str]]) -> list[str]:
    """A name or amount span overlapping a must_not span means one of the two labels is wrong."""
    problems = []
    for rec in (r for r in records if isinstance(r, dict)):
        for ev in rec.get("evidence") or []:
            if not isinstance(ev, dict) or ev.get("field") not in ("name", "amount"):
                continue
            for start, end, quote in traps:
                if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int) \
                        and ev["start"] < end and start < ev["end"]:
                    problems.append(f"{where} {rec.get('name')!r}: {ev['field']} evidence overlaps must_not {quote!r}")
    return problems


# questions --------------------------------------------------------------------------------------

def _check_questions(data: Any, names: dict[str, str]) -> list[str]:
    if not isinstance(data, list):
        return [f"{QUESTIONS_FILE}: must be a list of questions"]
    problems: list[str] = []
    seen: set[str] = set()
    for i, q in enumerate(data):
        if not isinstance(q, dict):
            problems.append(f"{QUESTIONS_FILE}[{i}]: not an object")
            continue
        label = f"{QUESTIONS_FILE} {q.get('id', i)}"
        if not isinstance(q.get("id"), str) or q["id"] in seen:
            problems.append(f"{label}: id missing or repeated")
        seen.add(str(q.get("id")))
        problems += [f"{label}: {p}" for p in _check_question(q, names)]
    return problems


def _check_question(q: dict, names: dict[str, str]) -> list[str]:
    problems = []
    if not isinstance(q.get("question"), str) or not q["question"].strip():
        problems.append("question text missing")
    if q.get("lang") not in LANGS:
        problems.append(f"lang {q.get('lang')!r} not one of {sorted(LANGS)}")
    if q.get("intent") not in INTENTS:
        problems.append(f"intent {q.get('intent')!r} not one of {sorted(INTENTS)}")
    if not isinstance(q.get("expect_empty"), bool):
        problems.append("expect_empty must be true or false")
    expected = q.get("expected")
    if not isinstance(expected, dict):
        return problems + ["expected must be an object"]
    kinds = [k for k in EXPECTATIONS if k in expected]
    if len(kinds) != 1:
        return problems + [f"expected must hold exactly one of {EXPECTATIONS}, has {kinds}"]
    problems += _check_expectation(kinds[0], expected[kinds[0]], q.get("expect_empty"))
    for name in _referenced_names(q):
        if name not in names:
            problems.append(f"expected record {name!r} is not a gold record name")
    return problems


def _check_expectation(kind: str, value: Any, expect_empty: Any) -> list[str]:
    if kind == "records":
        if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
            return ["expected.records must be a list of names"]
        if len(set(value)) != len(value):
            return ["expected.records repeats a name"]
        if bool(expect_empty) != (not value):
            return ["expect_empty must be true exactly when expected.records is empty"]
    elif kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return ["expected.count must be a non-negative integer"]
        if expect_empty and value != 0:
            return ["expect_empty with a non-zero count"]
    elif kind == "value":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return ["expected.value must be a number"]
    elif not isinstance(value, list) or not value or not all(isinstance(t, str) and t for t in value):
        return ["expected.text_contains must be a non-empty list of strings"]
    if expect_empty and kind not in ("records", "count"):
        return ["expect_empty only makes sense with records or count"]
    return []


def _referenced_names(q: dict) -> Iterable[str]:
    expected = q.get("expected") or {}
    for key, source in (("records", expected), ("also_ok", q)):
        value = source.get(key)
        if isinstance(value, list):
            yield from (n for n in value if isinstance(n, str))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (0, 2):
        print("usage: python -m evals.gold_check [GOLD_DIR SEEDS_DIR]", file=sys.stderr)
        return 2
    problems = check_gold(*args) if args else check_gold()
    for problem in problems:
        print(problem)
    if not problems:
        print("gold OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
