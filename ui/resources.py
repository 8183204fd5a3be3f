"""Resources shared by every session of the app, created once per server (st.cache_resource).

`keyproj ui` passes the CLI's data dir in KEYPROJ_DATA_DIR, so the app reads the same store. The cache
key is that data dir, which also keeps AppTest runs over different temporary folders apart.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

import streamlit as st

from extractor.settings import Settings
from extractor.store import Store

if TYPE_CHECKING:  # imported lazily: the first page must not wait for chromadb and onnxruntime
    from rag.embedder import MiniLMEmbedder
    from rag.index import RetrievalIndex


def _data_dir_key() -> str:
    return os.environ.get("KEYPROJ_DATA_DIR", "")


def get_settings() -> Settings:
    return _settings(_data_dir_key())


def get_store() -> Store:
    return _store(_data_dir_key())


def write_lock() -> threading.Lock:
    """Held while a session writes (upload, extract): the store's connection is shared by sessions."""
    return _lock(_data_dir_key())


def get_index() -> "RetrievalIndex":
    """The retrieval index (Chroma + FTS5), brought up to date with the store's chunks."""
    index = _index(_data_dir_key())
    with write_lock():
        index.sync(get_store())  # a set difference of chunk ids: cheap when nothing changed
    return index


@st.cache_resource(show_spinner=False)
def _settings(data_dir: str) -> Settings:
    return Settings()


@st.cache_resource(show_spinner=False)
def _store(data_dir: str) -> Store:
    return Store.open(_settings(data_dir))


@st.cache_resource(show_spinner=False)
def _lock(data_dir: str) -> threading.Lock:
    return threading.Lock()


@st.cache_resource(show_spinner="Loading the embedder…")
def _embedder() -> "MiniLMEmbedder":
    from rag.embedder import get_embedder

    return get_embedder()


@st.cache_resource(show_spinner="Opening the retrieval index…")
def _index(data_dir: str) -> "RetrievalIndex":
    from rag.index import build_index

    _embedder()  # loaded here so the spinner says what is slow
    return build_index(_store(data_dir), _settings(data_dir), sync=False)
