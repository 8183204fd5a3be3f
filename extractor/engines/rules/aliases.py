"""Short names a text uses for a company after naming it in full: "Norvale" for "Norvale
Microsystems Pte. Ltd.", "光域科技" for "新加坡光域科技私人有限公司"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extractor.normalize.places import Gazetteer
from extractor.engines.rules.orgs import OrgMention

_EN_GENERIC = {"co", "ltd", "group", "company", "limited", "inc", "corp", "corporation", "pte", "holdings",
               "technology", "technologies", "information", "network", "new", "materials", "energy", "china",
               "engineering", "environmental", "science", "development", "industry", "industrial", "smart",
               "digital", "international", "investment", "electronic", "commerce", "data", "intelligent",
               "software", "mobile", "internet", "the", "national", "municipal", "provincial"}
_ZH_LEGAL = re.compile(r"(?:私人|股份)?(?:有限责任公司|有限公司|集团有限公司|集团|公司)$")
_ZH_COUNTRY = re.compile(r"^(?:新加坡|美国|日本|韩国|德国|英国|法国|瑞士|荷兰|意大利|加拿大|澳大利亚|中国)")
_ZH_GENERIC = {"科技", "新材", "新能", "电子", "信息", "网络", "智能", "实业", "投资", "发展", "控股", "集团"}


def _is_place(word: str) -> bool:
    return bool(Gazetteer.load().lookup(word))


def aliases_of(org: OrgMention) -> list[str]:
    """The short names the text defines for the company (org.short_names), then the guessed one."""
    if not org.is_company:
        return []
    return list(dict.fromkeys(org.short_names + _company_aliases(org.text)))


def forget_aliases() -> None:
    """Empty the cache of aliases by company name (see `engine.forget_names`)."""
    _company_aliases.cache_clear()


@lru_cache(maxsize=1024)  # a company is named again and again in an article
def _company_aliases(text: str) -> tuple[str, ...]:
    if text.isascii():
        for word in re.findall(r"[A-Z][\w'-]+", text):
            if _is_place(word):
                continue  # "Shaanxi Yushui ...": the brand follows the place
            return (word,) if len(word) >= 4 and word.lower() not in _EN_GENERIC else ()
        return ()
    core = _ZH_COUNTRY.sub("", _ZH_LEGAL.sub("", text))
    places = Gazetteer.load().find(core)
    if places and places[0].start == 0:
        core = core[places[0].end:]
    core = re.sub(r"^[市省县区]", "", core)
    if len(core) < 4 or core[:2] in _ZH_GENERIC:
        return ()
    return (core[:4],)


class AliasBook:
    """Aliases of the companies named so far; `find` returns the company a text refers to."""

    def __init__(self) -> None:
        self._orgs: dict[str, OrgMention] = {}

    def add(self, org: OrgMention) -> None:
        for alias in aliases_of(org):
            self._orgs.setdefault(alias, org)

    def find(self, text: str, skip: tuple[tuple[int, int], ...] = (), offset: int = 0) -> Optional[OrgMention]:
        """The company whose alias occurs first in `text` (outside the `skip` spans, given in document
        offsets with `offset` the document offset of `text`)."""
        best: Optional[tuple[int, str]] = None
        for alias in self._orgs:
            i = text.find(alias)
            while i >= 0:
                pos = offset + i
                bounded = not (alias[0].isascii() and ((i and text[i - 1].isalpha()) or
                                                       text[i + len(alias):i + len(alias) + 1].isalpha()))
                if bounded and not any(s <= pos < e for s, e in skip):
                    if best is None or i < best[0]:
                        best = (i, alias)
                    break
                i = text.find(alias, i + 1)
        return self._orgs[best[1]] if best else None
