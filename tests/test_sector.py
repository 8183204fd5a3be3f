from extractor.engines.rules import RulesEngine
from extractor.engines.rules.sector import find_sector
from extractor.ingest import document_from_bytes


def test_keywords_in_english_and_chinese_map_to_one_label():
    assert find_sector("Sodium-Ion Battery Pilot Plant", 0, 30)[0] == "batteries"
    assert find_sector("区块链政务数据共享平台项目", 0, 13)[:1] == ("blockchain",)
    assert find_sector("An ordinary sentence about nothing.", 0, 35) is None


def test_sector_comes_with_its_evidence_span():
    text = ("Jiangxi Key Projects\n\nOn March 27, 2020 Jiangxi listed the Nanchang Cold-Chain Logistics Hub, "
            "undertaken by Ganlian Logistics Co., Ltd., with a total investment of 1.2 billion yuan.\n")
    doc = document_from_bytes(text.encode(), "s.txt")
    [project] = RulesEngine().extract(doc, []).projects
    assert project.sector == "logistics"
    [ev] = project.evidence_for("sector")
    assert doc.text[ev.start:ev.end] == ev.quote and ev.quote.lower() in project.name.lower()


def _searched_label_by_label(text, start, end):
    """find_sector without its stem gate: every label's pattern searched in order."""
    from extractor.engines.rules.sector import _PATTERNS
    for label, pattern in _PATTERNS:
        m = pattern.search(text, start, end)
        if m:
            return label, m.start(), m.end()
    return None


def test_stem_gate_changes_no_answer():
    import random
    from pathlib import Path
    texts = [p.read_text("utf-8") for p in sorted((Path(__file__).parent.parent / "seeds").iterdir())]
    texts += ["CHIPS and Wafers", "a ſolar farm", "L\u0131THIUM", "S\u0130LICON CARBIDE", "5G基站", "chain + x",
              "cold chain +", "Battery", "robotics park", "data centres", "rare-earth", "AI-driven"]
    rng = random.Random(7)
    for text in texts:
        spans = [(0, len(text))] + [sorted(rng.sample(range(len(text) + 1), 2)) for _ in range(100)]
        for start, end in spans:
            assert find_sector(text, start, end) == _searched_label_by_label(text, start, end), (text[start:end])


def test_only_known_characters_fold_to_ascii_unlike_lower():
    """The gate's premise: case-insensitive regex matching equates a non-ASCII character with an ASCII
    letter or digit only where str.lower() gives that letter, except for İ, ı and ſ."""
    import re
    import string
    from extractor.engines.rules.sector import _ODD_FOLDS
    ascii_char = re.compile("[a-z0-9]", re.I)
    odd = [chr(x) for x in range(0x80, 0x110000)
           if ascii_char.fullmatch(chr(x)) and chr(x).lower() not in string.ascii_lowercase]
    assert sorted(odd) == sorted(_ODD_FOLDS)
