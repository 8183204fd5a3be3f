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
