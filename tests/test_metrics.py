"""Evaluation metrics on small hand-made cases with known answers (no engine involved)."""

from __future__ import annotations

import pytest

from evals.match import GoldArticle, GoldRecord, Trap, match_records, name_similarity
from evals.metrics import amounts_agree, evaluate_article, evaluate_extraction, grounding_checks
from evals.qa_metrics import (AnswerView, Citation, Question, answer_correct, gold_spans_by_name, recall_at_k,
                              reciprocal_rank, retrieval_ranks, unsupported_citations)
from evals.report import passage
from extractor.types import Amount, Evidence, Organization, Project

DOC = "doc_test"
TEXT = (
    "On April 2, Fuzhou in Jiangxi signed 14 projects worth a combined 9.6 billion yuan. "
    "The Linchuan Logistics Park will cost 500 million yuan and is undertaken by Renkang Co., Ltd. "
    "The Jinxi Copper Foil Project is worth 2.3 billion yuan. "
    "The Nancheng Bamboo Project costs 1.2 billion yuan. "
    "The Yihuang Tea Base costs 300 million yuan. "
    "Renkang has a registered capital of 50 million yuan."
)
TEXTS = {DOC: TEXT}


def ev(field: str, quote: str, text: str = TEXT) -> Evidence:
    start = text.index(quote)
    return Evidence(field=field, doc_id=DOC, start=start, end=start + len(quote), quote=quote)


def money(text: str, value: float) -> Amount:
    return Amount(value=value, min=value, max=value, currency="CNY", text=text)


def project(name: str, amount_text: str, value: float, orgs: tuple[str, ...] = ()) -> Project:
    return Project(
        name=name, province="Jiangxi", city="Fuzhou", date="2021-04-02", status="signed", doc_id=DOC,
        amount=money(amount_text, value),
        organizations=[Organization(name=o, role="undertaker") for o in orgs],
        evidence=[ev("name", name), ev("amount", amount_text), ev("province", "Jiangxi"), ev("city", "Fuzhou"),
                  ev("date", "April 2"), ev("status", "signed")]
        + [ev(f"organizations[{i}]", o) for i, o in enumerate(orgs)],
    )


GOLD = [
    project("Linchuan Logistics Park", "500 million yuan", 5e8, ("Renkang Co., Ltd.",)),
    project("Jinxi Copper Foil Project", "2.3 billion yuan", 2.3e9),
    project("Nancheng Bamboo Project", "1.2 billion yuan", 1.2e9),
    project("Yihuang Tea Base", "300 million yuan", 3e8),
]
TRAP = Trap("14 projects worth a combined 9.6 billion yuan", TEXT.index("14 projects"),
            TEXT.index("14 projects") + len("14 projects worth a combined 9.6 billion yuan"), "list total")


def article(records: list[Project] = GOLD, optional: tuple[int, ...] = ()) -> GoldArticle:
    gold = [GoldRecord(p, required=i not in optional) for i, p in enumerate(records)]
    return GoldArticle(file="seeds/test.txt", doc_id=DOC, title="test", records=gold, traps=[TRAP])


def test_a_perfect_run_scores_one_everywhere():
    scores = evaluate_extraction([article()], {DOC: list(GOLD)}, TEXTS)
    c = scores.counts
    assert (c.tp, c.fp, c.fn) == (4, 0, 0)
    assert c.precision == c.recall == c.f1 == 1.0
    assert all(t.rate == 1.0 for t in scores.fields.values() if t.total)
    assert scores.fields["amount"].total == 4
    assert scores.grounding.rate == 1.0
    assert (scores.traps.correct, scores.traps.total, scores.false_on_traps) == (1, 1, 0)


def test_one_miss_lowers_recall_by_exactly_one_over_n():
    scores = evaluate_extraction([article()], {DOC: GOLD[:3]}, TEXTS)
    assert scores.counts.recall == pytest.approx(1 - 1 / len(GOLD))
    assert scores.counts.precision == 1.0
    assert scores.articles[0].misses == [3]


def test_a_record_made_from_a_list_total_is_a_false_positive_on_a_trap():
    fake = Project(name="Fuzhou signing", doc_id=DOC, amount=money("9.6 billion yuan", 9.6e9),
                   evidence=[ev("amount", "9.6 billion yuan")])
    scores = evaluate_extraction([article()], {DOC: list(GOLD) + [fake]}, TEXTS)
    assert scores.counts.fp == 1 and scores.counts.precision == pytest.approx(4 / 5)
    assert scores.false_on_traps == 1
    assert (scores.traps.correct, scores.traps.total) == (0, 1)
    assert scores.articles[0].false_positives[0].kind == "trap"


def test_a_right_project_with_its_sum_read_from_a_trap_hits_the_trap():
    wrong = [p.model_copy() for p in GOLD]
    wrong[0] = wrong[0].model_copy(update={"amount": money("9.6 billion yuan", 9.6e9),
                                            "evidence": [e for e in wrong[0].evidence if e.field != "amount"]
                                            + [ev("amount", "9.6 billion yuan")]})
    scores = evaluate_extraction([article()], {DOC: wrong}, TEXTS)
    assert scores.counts.fp == 0 and scores.false_on_traps == 0
    assert (scores.traps.correct, scores.traps.total) == (0, 1)


def test_a_second_record_for_the_same_project_is_a_duplicate_false_positive():
    result = evaluate_article(article(), list(GOLD) + [GOLD[1].model_copy()], TEXTS)
    assert result.counts.fp == 1
    assert result.false_positives[0].kind == "duplicate"


@pytest.mark.parametrize("predicted, ok", [(1.005e9, True), (0.995e9, True), (1.0051e9, False), (0.9949e9, False)])
def test_amounts_agree_within_half_a_percent(predicted, ok):
    assert amounts_agree(money("1 billion yuan", 1e9), money("x", predicted)) is ok


def test_amount_ranges_open_bounds_and_currency_must_agree():
    gold_range = Amount(value=None, min=1e9, max=1.5e9, currency="CNY", text="1 to 1.5 billion yuan")
    assert amounts_agree(gold_range, gold_range.model_copy())
    assert not amounts_agree(gold_range, money("1 billion yuan", 1e9))  # a point is not a range
    more_than = Amount(value=1e9, min=1e9, max=None, currency="CNY", text="more than 1 billion yuan")
    assert not amounts_agree(more_than, money("1 billion yuan", 1e9))
    assert not amounts_agree(money("1 billion", 1e9), Amount(value=1e9, min=1e9, max=1e9, currency="USD", text="x"))
    assert amounts_agree(None, None) and not amounts_agree(money("1", 1.0), None)


def test_a_wrong_amount_is_a_field_error_not_a_missed_record():
    wrong = GOLD[1].model_copy(update={"amount": money("2.3 billion yuan", 2.4e9)})
    scores = evaluate_extraction([article()], {DOC: [GOLD[0], wrong, GOLD[2], GOLD[3]]}, TEXTS)
    assert scores.counts.recall == 1.0
    assert (scores.fields["amount"].correct, scores.fields["amount"].total) == (3, 4)


def test_optional_records_are_neither_hits_nor_misses():
    found = evaluate_extraction([article(optional=(3,))], {DOC: list(GOLD)}, TEXTS).counts
    assert (found.tp, found.fp, found.fn, found.optional_matched) == (3, 0, 0, 1)
    missing = evaluate_extraction([article(optional=(3,))], {DOC: GOLD[:3]}, TEXTS).counts
    assert (missing.tp, missing.fp, missing.fn) == (3, 0, 0)
    assert missing.recall == 1.0


def test_an_article_with_no_projects_and_no_predictions_has_nothing_to_score():
    empty = GoldArticle(file="seeds/none.txt", doc_id=DOC, title="none")
    result = evaluate_article(empty, [], TEXTS)
    assert (result.counts.precision, result.counts.recall, result.counts.f1) == (None, None, None)
    spurious = evaluate_article(empty, [GOLD[0]], TEXTS)
    assert spurious.counts.f1 == 0.0 and spurious.false_positives[0].kind == "spurious"


def test_name_similarity_handles_english_variants_and_chinese():
    assert name_similarity("Nancheng Bamboo-Fibre Project", "nancheng bamboo fibre project") == 1.0
    assert name_similarity("赣州市区块链产业园项目", "赣州区块链产业园项目") >= 0.8
    assert name_similarity("赣州区块链产业园项目", "合肥量子通信网络") < 0.2
    assert name_similarity("Jinxi Copper Foil Project", "Yihuang Tea Base") < 0.3


def test_places_keep_same_named_projects_apart():
    jiangxi = GOLD[0].model_copy(update={"name": "Blockchain Industrial Park"})
    hunan = jiangxi.model_copy(update={"province": "Hunan", "city": "Changsha"})
    gold = [GoldRecord(jiangxi), GoldRecord(hunan)]
    m = match_records(gold, [hunan, jiangxi])
    assert [(g, p) for g, p, _ in m.pairs] == [(0, 1), (1, 0)]
    assert not match_records([GoldRecord(jiangxi)], [hunan]).pairs


def test_grounding_needs_a_verbatim_span_that_states_the_value():
    p = GOLD[1]
    assert all(c.grounded for c in grounding_checks(p, TEXTS))
    moved = Evidence(field="amount", doc_id=DOC, start=0, end=16, quote="2.3 billion yuan")
    elsewhere = ev("amount", "1.2 billion yuan")
    for bad, problem in [(moved, "offsets"), (elsewhere, "does not state"), (None, "no evidence")]:
        evidence = [e for e in p.evidence if e.field != "amount"] + ([bad] if bad else [])
        checks = {c.field: c for c in grounding_checks(p.model_copy(update={"evidence": evidence}), TEXTS)}
        assert not checks["amount"].grounded and problem in checks["amount"].problem


def test_question_answers_are_checked_by_record_set_value_and_emptiness():
    q = Question.from_json({"id": "q1", "question": "Which?", "expected": {"records": ["Jinxi Copper Foil Project",
                                                                                       "Yihuang Tea Base"]}})
    assert answer_correct(q, AnswerView("", ["Jinxi copper foil project", "Yihuang Tea Base"]))[0]
    assert not answer_correct(q, AnswerView("", ["Jinxi Copper Foil Project"]))[0]
    assert not answer_correct(q, AnswerView("", ["Jinxi Copper Foil Project", "Yihuang Tea Base", "Linchuan Logistics Park"]))[0]
    total = Question.from_json({"id": "q2", "question": "How much?", "expected": {"value": 3.5e9}})
    assert answer_correct(total, AnswerView("", [], value=3.51e9))[0]
    assert not answer_correct(total, AnswerView("", [], value=3.6e9))[0]
    none = Question.from_json({"id": "q3", "question": "Tibet?", "expected": {"records": []}, "expect_empty": True})
    assert answer_correct(none, AnswerView("No records found.", []))[0]
    assert not answer_correct(none, AnswerView("", ["Yihuang Tea Base"]))[0]


def test_citation_precision_counts_verbatim_citations_of_the_fact():
    spans = gold_spans_by_name([article()])
    q = Question.from_json({"id": "q", "question": "Jinxi?", "expected": {"records": ["Jinxi Copper Foil Project"]}})
    good = ev("name", "The Jinxi Copper Foil Project is worth 2.3 billion yuan.")
    off_topic = ev("name", "The Yihuang Tea Base costs 300 million yuan.")
    citations = [Citation(DOC, good.start, good.end, good.quote), Citation(DOC, off_topic.start, off_topic.end, off_topic.quote),
                 Citation(DOC, good.start, good.end, "not the text")]
    assert unsupported_citations(q, AnswerView("", [], citations), spans, TEXTS) == citations[1:]


def test_recall_at_k_and_reciprocal_rank():
    target_a, target_b = [(DOC, 100, 120)], [(DOC, 300, 320)]
    retrieved = [(DOC, 0, 50), (DOC, 90, 110), ("other", 300, 320), (DOC, 310, 400)]
    ranks = retrieval_ranks([target_a, target_b], retrieved)
    assert ranks == [2, 4]
    assert recall_at_k(ranks, 2) == 0.5 and recall_at_k(ranks, 4) == 1.0
    assert reciprocal_rank(ranks) == 0.5 and reciprocal_rank([None]) == 0.0


def test_passage_is_the_sentence_around_the_span():
    start = TEXT.index("Jinxi")
    p = passage(TEXT, start, start + 5)
    assert p["text"] == "The Jinxi Copper Foil Project is worth 2.3 billion yuan."
    assert TEXT[p["start"]:p["end"]].rstrip() == p["text"]
    start = TEXT.index("Renkang Co")  # "Co., Ltd." does not end the sentence
    assert passage(TEXT, start, start + 7)["text"].startswith("The Linchuan")


def test_a_value_answer_may_state_the_amount_in_words():
    total = Question.from_json({"id": "q", "question": "How much?", "expected": {"value": 4.6e9}})
    assert answer_correct(total, AnswerView("Together 4.6 billion yuan (3 billion + 1.6 billion).", []))[0]
    assert answer_correct(total, AnswerView("合计46亿元。", []))[0]
    assert not answer_correct(total, AnswerView("Together 4.5 billion yuan.", []))[0]


def test_passage_splits_chinese_sentences():
    text = "赣州举行签约仪式。稀土永磁电机产业园项目投资12亿元，由赣州稀磁公司承建。另有3个项目签约。"
    start = text.index("稀土永磁")
    assert passage(text, start, start + 4)["text"] == "稀土永磁电机产业园项目投资12亿元，由赣州稀磁公司承建。"


def test_a_place_span_inside_the_stated_province_grounds_it():
    text = "The Changsha Data Hub will cost 1 billion yuan."
    hub = Project(name="Changsha Data Hub", province="Hunan", doc_id=DOC,
                  evidence=[ev("name", "Changsha Data Hub", text), ev("province", "Changsha", text)])
    assert all(c.grounded for c in grounding_checks(hub, {DOC: text}))
    elsewhere = hub.model_copy(update={"province": "Jiangxi"})
    assert not {c.field: c for c in grounding_checks(elsewhere, {DOC: text})}["province"].grounded


def test_a_prediction_named_by_a_gold_alias_is_a_hit():
    from evals.match import GoldRecord, match_records
    from extractor.types import Project

    gold = [GoldRecord(Project(name="big data-based supply chain finance", province="Hunan"),
                       aliases=("Blockchain data platform",))]
    preds = [Project(name="Blockchain data platform", province="Hunan")]
    matching = match_records(gold, preds)
    assert matching.pairs and not matching.unmatched_gold and not matching.unmatched_pred
    assert match_records([GoldRecord(gold[0].project)], preds).unmatched_pred == [0]


def test_a_long_sentence_is_clipped_at_words_around_the_span():
    text = "Intro. " + "word " * 100 + "TARGET " + "word " * 100 + "end."
    start = text.index("TARGET")
    p = passage(text, start, start + 6, limit=40)
    assert p["clipped_left"] and p["clipped_right"]
    assert text[p["start"]:p["end"]] == p["text"]
    assert p["text"].startswith("word") and p["text"].endswith("word") and "TARGET" in p["text"]
    assert len(p["text"]) <= 6 + 2 * 40


def test_a_september_date_is_held_by_sept_and_sep():
    from evals.metrics import _date_held
    assert _date_held("2025-09-16", "On Sept. 16, the city signed")
    assert _date_held("2025-09-16", "On Sep 16, the city signed")
    assert not _date_held("2025-09-16", "On Oct. 16, the city signed")


def test_a_one_character_county_agrees_in_both_spellings():
    from evals.metrics import _same_county
    assert _same_county("lixian", "li") and _same_county("li", "lixian") and _same_county("li", "li")
    assert not _same_county("lixian", "lu") and not _same_county("", "li") and not _same_county("xian", "")


def test_two_spellings_of_one_place_agree_and_two_places_do_not():
    from evals.match import same_place
    assert same_place("Tibet", "Xizang") and same_place("Shigatse", "Xigaze") and same_place("Macau", "Macao")
    assert same_place("jiangxi", "Jiangxi")
    assert not same_place("Tibet", "Qinghai") and not same_place("Shigatse", "") and not same_place(None, "Tibet")


def test_an_ethnic_autonomous_county_is_stated_by_its_short_name():
    from evals.metrics import _place_forms
    assert "河口" in _place_forms("Hekou", "河口瑶族自治县")
    assert "恩施" in _place_forms("Enshi", "恩施土家族苗族自治州")


def test_a_place_spelt_another_way_in_its_quote_is_stated():
    from evals.metrics import _place_within
    assert _place_within("Hangjin Banner", "district", "Hanggin", "杭锦旗")
    assert not _place_within("Ordos", "district", "Hanggin", "杭锦旗")


def test_a_day_counted_from_another_date_is_held_by_its_phrase():
    from evals.metrics import _date_held
    assert _date_held("2026-11-14", "two days later") and _date_held("2026-11-13", "次日")
    assert not _date_held("2026-11-14", "later this year")
