"""The fast paths of the name and organisation recognisers find exactly what the plain regexes and
token walks they replace find, on seeded random texts made of the words those rules care about."""

from __future__ import annotations

import random
import re

from extractor.engines.rules import names, orgs, phrases

_EN_WORDS = ["The", "the", "THE", "and", "And", "of", "for", "&", "+", "-", "R&D", "in", "1st", "2020", "(Ab cd)", "e-Drive", "e-", "x-y", "1,000", "2,50",
             "(ab)", "(Hunan)", "Hunan's", "Hunan’s", "A.", "Foo-Bar", "x", "Xx", "İn", "ſaid", "K", "project",
             "Project", "projects", "Park", "Parking", "Lab", "Laboratory", "Programme", "Program", "Airport",
             "Database", "Phase", "II", "(Phase", "II)", "industrial", "base", "Big", "Data", "Zone", "High-tech",
             "Plan", "LIST", "Co., Ltd.", "Group", "GmbHoldings", "Bureau", "People's Government",
             "Department of Commerce", "Company Limited", "Inc.", "Smart", "“Big", "Data”", '"Smart', 'City"']
_ZH_WORDS = ["项目", "工程", "项", "目", "个", "批", "建设", "重点", "集团", "股份", "有限", "公司", "银行", "人民政府",
             "管委会", "委员会", "局", "大学", "学院", "江西", "省", "市", "的", "由", "和", "与", "，", "。", "（", "）"]
_SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", "\r", "\u00a0", "", ", ", "; ", " (", ") "]


def _texts(words: list[str], n: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(words) + rng.choice(_SEPARATORS) for _ in range(rng.randrange(1, 30)))


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_by_first_letter_has_the_matches_of_the_plain_alternation():
    words = "Programme|Program|Port|Airport|Lab|Laboratory|Line|Pipeline|Co|Company|People's"
    grouped, plain = re.compile(phrases.by_first_letter(words)), re.compile(words)
    for text in _texts(_EN_WORDS + ["Pipeline", "Lines", "Company", "Portal"], 300, 1):
        assert _spans(grouped.finditer(text)) == _spans(plain.finditer(text)), text


def test_suffix_matches_are_the_matches_of_finditer():
    for text in _texts(_EN_WORDS + _ZH_WORDS, 1000, 2):
        assert (_spans(orgs._suffix_matches(orgs._EN_SUFFIX, orgs._EN_SUFFIX_TRIGGER, text))
                == _spans(orgs._EN_SUFFIX.finditer(text))), text
        assert (_spans(orgs._suffix_matches(orgs._ZH_SUFFIX, orgs._ZH_SUFFIX_TRIGGER, text))
                == _spans(orgs._ZH_SUFFIX.finditer(text))), text


_EN_TOKEN = re.compile(r"\([^()]*\)|[^\s,;:\"“”()]+")  # the tokens the left-edge walk reads


def _left_edge_by_tokens(text: str, suffix_start: int, floor: int) -> int:
    """_en_left_edge as a walk over the tokens of the window, tokenised forwards."""
    pos = start = suffix_start
    lo = max(floor, suffix_start - 160)
    words = [(t.start(), t.group()) for t in _EN_TOKEN.finditer(text, lo, suffix_start)]
    for begin, word in reversed(words):
        gap = text[begin + len(word):pos]
        if gap.strip() or "\n" in gap:
            break
        low = word.lower()
        ends_sentence = re.search(r"[a-z0-9]\.$", word)  # "Harbin." before the next sentence's name
        if orgs._EN_WORD.match(word) and low not in orgs._EN_LEAD_STOP and not ends_sentence:
            start = begin
        elif not (low in orgs._EN_CONNECT and start < suffix_start):
            break
        pos = begin
    return start


def test_org_left_edge_is_the_token_walk():
    rng = random.Random(3)
    for text in _texts(_EN_WORDS, 2000, 3):
        end = rng.randrange(len(text) + 1)
        floor = rng.randrange(end + 1) if rng.random() < 0.3 else 0
        assert orgs._en_left_edge(text, end, floor) == _left_edge_by_tokens(text, end, floor), (text, end, floor)


def _tokens_forwards(text: str, end: int, window: int) -> list[tuple[int, str]]:
    """phrases._left_tokens as it was: the whole window tokenised forwards, then read backwards."""
    lo = max(0, end - window)
    line = text.rfind("\n", lo, end)
    lo = line + 1 if line >= 0 else lo
    out, pos = [], end
    for start, tok in reversed([(m.start(), m.group()) for m in phrases._TOKEN.finditer(text, lo, end)]):
        gap = text[start + len(tok):pos]
        if not gap or gap.strip(" \t"):
            break
        out.append((start, tok))
        pos = start
    return out


def _cap_run_by_tokens(text: str, head_start: int, allow_connectors: bool = True) -> int:
    start, pending = -1, False
    for pos, tok in _tokens_forwards(text, head_start, 160):
        if phrases._CAP.fullmatch(tok):
            start, pending = pos, False
        elif (allow_connectors and tok in phrases._CONNECT or tok == "+") and start >= 0 and not pending:
            pending = True
        else:
            break
    return start


def test_phrase_walks_are_the_token_walks():
    rng = random.Random(4)
    for text in _texts(_EN_WORDS, 2000, 4):
        end = rng.randrange(len(text) + 1)
        assert list(phrases._left_tokens(text, end)) == _tokens_forwards(text, end, 160), (text, end)
        assert list(phrases._left_tokens(text, end, 48)) == _tokens_forwards(text, end, 48), (text, end)
        for connectors in (True, False):
            assert (phrases.capitalised_run_before(text, end, connectors)
                    == _cap_run_by_tokens(text, end, connectors)), (text, end)


def test_unquoted_chinese_names_are_the_matches_of_finditer():
    for text in _texts(_ZH_WORDS + ["A", "1", "x", "项目名称：", "（二期）", "（1期）", "（", "）", "期", "—", "——"], 2000, 5):
        assert list(names._zh_unquoted_spans(text)) == _spans(names._ZH_UNQUOTED.finditer(text)), text


def test_word_tests_on_ascii_names_agree_with_the_case_insensitive_regexes():
    for text in _texts(_EN_WORDS + ["Laboratory Lab", "Lists", "list", "POLICY", "Projects", "4G", "a_b"], 2000, 6):
        words = names._ascii_words(text)
        assert names._has_head_word(text, words) == bool(names._HEAD_WORD.search(text)), text
        assert names._has_list_word(text, words) == bool(names._LIST_WORDS.search(text)), text
        heads = names._ANY_HEAD.findall(text)
        expected = heads[-1].lower() if names._HEAD_WORD.search(text) else ""
        assert names._last_head(text, words) == expected, text
        assert names._latin_words(text, words) == [w.lower() for w in re.findall("[A-Za-z]+", text)], text


def test_first_characters_reads_only_top_level_alternatives():
    assert phrases.first_characters("的|签约|经(?=[\\u4e00-\\u9fff]{2}(?:批准|核准))|和(?!改革)") == "[和的签经]"


def test_last_cut_word_searches_find_the_plain_last_word():
    rng = random.Random(7)
    for words, fast in ((names._ZH_CUT_WORDS, names._ZH_UNQUOTED_CUT), (orgs._ZH_LEFT_CUT_WORDS, orgs._ZH_LEFT_CUT)):
        plain = re.compile(rf".*(?:{words})")
        pieces = re.findall(r"[\u4e00-\u9fff]+", words) + ["江西", "A", "1", "（", "）"]
        for _ in range(2000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
            assert _end(fast.match(text)) == _end(plain.match(text)), text


def _end(m):
    return m.end() if m else None
