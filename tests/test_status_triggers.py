"""`find_status` tries the status patterns only where a trigger finds a cue's head, and masks
amount phrases in two steps: it must find exactly what `finditer` over the whole masked text finds."""

import random
import re

from extractor.engines.rules.cues import STATUS_CUES, STATUS_RANK, _mask_amount_phrases, find_status

_WORDS = ["sign", "signed", "signing", "contracts", "contracted", "agreement", "deals", "dealist", "approval",
          "approves", "passed the establishment", "ratified", "plans to", "plan to", "planned projects", "will",
          "build", "set up", "intends to", "is preparing", "are preparing", "expects the project", "proposed",
          "listed", "lists", "included in", "key", "Key", "KEY", "major", "turkey", "project", "Projects",
          "planned total investment", "签约", "签署", "协议", "合同", "核准", "批复", "获批准", "审批通过", "拟投资",
          "清单", "名单", "列入", "纳入", "入选", "位列", "重点建设项目", "重大项目", "计划投资", "年度计划", "计划总投资",
          "计划", "年度", "x", "-"]
_AMOUNT_PHRASE = re.compile(r"planned (?:total |annual )?investment|计划(?:总)?投资|年度计划")


def _plain_find_status(text: str) -> list:
    masked = _AMOUNT_PHRASE.sub(lambda m: " " * len(m.group()), text)
    out = [(status, m.start(), m.end()) for status, rx in STATUS_CUES for m in rx.finditer(masked)
           if not (m.start() and masked[m.start()].isascii() and masked[m.start() - 1].isalnum())]
    return sorted(out, key=lambda c: (STATUS_RANK[c[0]], c[1]))


def test_triggers_find_what_finditer_finds():
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(_WORDS) + rng.choice(["", " ", " ", ", ", "\n"]) for _ in range(rng.randint(1, 10)))
        if rng.random() < 0.3:  # cut words apart: cues then start and end mid-word
            text = "".join(c for c in text if rng.random() > 0.1)
        assert _mask_amount_phrases(text) == _AMOUNT_PHRASE.sub(lambda m: " " * len(m.group()), text), text
        assert find_status(text, 0) == _plain_find_status(text), text
