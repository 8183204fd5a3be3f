"""The hand-labelled gold set must be sound, and its validator must notice when it is not."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Callable

import pytest

from evals.gold_check import DEFAULT_GOLD, DEFAULT_SEEDS, check_gold, document_text, main

SEED_ARTICLE = "2020-blockchain-key-projects-7-provinces.txt"
TESTING_MARKERS = ("[Written for keyproj testing; fictional article]", "【keyproj 测试用文章，虚构】")


EVALS = Path(__file__).resolve().parent.parent / "evals"


def test_gold_set_is_valid():
    assert check_gold(DEFAULT_GOLD, DEFAULT_SEEDS) == []


@pytest.mark.parametrize("held_out", sorted(p.name for p in EVALS.glob("holdout*") if (p / "gold").is_dir()))
def test_held_out_gold_is_valid_and_its_articles_say_they_are_fictional(held_out):
    folder = EVALS / held_out
    assert check_gold(folder / "gold", folder / "seeds") == []
    for path in sorted((folder / "seeds").iterdir()):
        assert document_text(path).startswith(TESTING_MARKERS), path.name


def test_command_line_exit_codes(tmp_path):
    assert main([str(DEFAULT_GOLD), str(DEFAULT_SEEDS)]) == 0
    gold, seeds = _copy(tmp_path)
    (gold / "questions.json").write_text("not json", encoding="utf-8")
    assert main([str(gold), str(seeds)]) == 1


def test_written_articles_say_they_are_fictional_test_texts():
    for path in sorted(DEFAULT_SEEDS.iterdir()):
        if path.name == SEED_ARTICLE:
            continue
        first_line = document_text(path).split("\n", 1)[0]
        marker = next((m for m in TESTING_MARKERS if first_line.startswith(m)), None)
        assert marker, f"{path.name}: first line does not mark the text as written for testing"
        assert len(first_line[len(marker):].strip()) >= 5, f"{path.name}: title missing after the marker"


def test_questions_cover_both_languages_and_intents():
    questions = json.loads((DEFAULT_GOLD / "questions.json").read_text(encoding="utf-8"))
    langs = Counter(q["lang"] for q in questions)
    intents = {q["intent"] for q in questions}
    assert len(questions) >= 30 and langs["zh"] >= 10 and langs["en"] >= 10
    assert {"list", "count", "sum", "max", "min", "lookup", "open"} <= intents
    assert any(q["expect_empty"] for q in questions)


# A broken copy: each mutation damages one thing, and the validator must name it.

def _copy(tmp_path: Path) -> tuple[Path, Path]:
    gold, seeds = tmp_path / "gold", tmp_path / "seeds"
    shutil.copytree(DEFAULT_GOLD, gold)
    shutil.copytree(DEFAULT_SEEDS, seeds)
    return gold, seeds


def _edit(gold: Path, stem: str, change: Callable[[dict | list], None]) -> None:
    path = gold / f"{stem}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _first_record(data: dict) -> dict:
    return data["records"][0]


def _shift_evidence(data):
    ev = _first_record(data)["evidence"][0]
    ev["start"], ev["end"] = ev["start"] + 1, ev["end"] + 1


def _province_suffix(data):
    _first_record(data)["province"] = "Hunan Province"


def _unknown_province(data):
    _first_record(data)["province"] = "Atlantis"


def _bad_date(data):
    _first_record(data)["date"] = "2020-02-30"


def _bad_role(data):
    _first_record(data)["organizations"][0]["role"] = "builder"


def _bad_status(data):
    _first_record(data)["status"] = "done"


def _inverted_range(data):
    rec = next(r for r in data["records"] if r["amount"])
    rec["amount"]["min"], rec["amount"]["max"] = 2e9, 1e9


def _value_outside_range(data):
    rec = next(r for r in data["records"] if r["amount"])
    rec["amount"]["value"] = rec["amount"]["max"] * 2


def _must_not_moved(data):
    data["must_not"][0]["start"] += 3
    data["must_not"][0]["end"] += 3


def _uncited_org(data):
    rec = _first_record(data)
    rec["evidence"] = [e for e in rec["evidence"] if e["field"] != "organizations[0]"]


def _amount_as_trap(data):
    rec = next(r for r in data["records"] if r["amount"])
    amount_ev = next(e for e in rec["evidence"] if e["field"] == "amount")
    data["must_not"].append({k: amount_ev[k] for k in ("quote", "start", "end")} | {"reason": "oops"})


def _question_unknown_record(questions):
    questions[0]["expected"] = {"records": ["A Project That Nobody Labelled"]}


def _question_empty_mismatch(questions):
    questions[0]["expect_empty"] = True


SEED_STEM = Path(SEED_ARTICLE).stem
MUTATIONS = [
    (SEED_STEM, _shift_evidence, "evidence[0] (name): text["),
    (SEED_STEM, _province_suffix, "administrative suffix"),
    (SEED_STEM, _unknown_province, "not a canonical provincial-level name"),
    (SEED_STEM, _bad_date, "not a calendar date"),
    (SEED_STEM, _bad_role, "role 'builder'"),
    (SEED_STEM, _bad_status, "status 'done'"),
    (SEED_STEM, _inverted_range, "amount.min"),
    (SEED_STEM, _value_outside_range, "outside [min, max]"),
    (SEED_STEM, _must_not_moved, "must_not[0]"),
    (SEED_STEM, _uncited_org, "organizations[0] has no evidence span"),
    (SEED_STEM, _amount_as_trap, "overlaps must_not"),
    ("questions", _question_unknown_record, "is not a gold record name"),
    ("questions", _question_empty_mismatch, "expect_empty"),
]


@pytest.mark.parametrize("stem,mutate,message", MUTATIONS, ids=[m[1].__name__ for m in MUTATIONS])
def test_validator_catches_a_broken_copy(tmp_path, stem, mutate, message):
    gold, seeds = _copy(tmp_path)
    assert check_gold(gold, seeds) == []
    _edit(gold, stem, mutate)
    problems = check_gold(gold, seeds)
    assert any(message in p for p in problems), problems


def test_validator_catches_a_missing_article_and_an_unlabelled_one(tmp_path):
    gold, seeds = _copy(tmp_path)
    (seeds / SEED_ARTICLE).rename(seeds / "renamed.txt")
    problems = check_gold(gold, seeds)
    assert any("not found" in p for p in problems)
    assert any("renamed.txt: no gold file" in p for p in problems)


def test_offsets_use_lf_text_without_bom(tmp_path):
    gold, seeds = _copy(tmp_path)
    article = seeds / SEED_ARTICLE
    article.chmod(0o644)  # the seed is shipped read-only; this is a copy
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes().replace(b"\n", b"\r\n"))
    assert check_gold(gold, seeds) == []
