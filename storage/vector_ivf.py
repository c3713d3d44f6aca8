"""Inverted-file (IVF) partitioning of one language's vectors: spherical k-means, pure numpy.

Scanning every vector of a 1M archive reads 1.5 GB per query (~100+ ms here even from the page
cache); with the rows partitioned into ~sqrt(n) clusters, a query scores the centroids and
then only the rows of the nearest `nprobe` clusters (a few percent). The rows stay in their
append-only file; the cluster of each row is kept in a parallel int32 file, so appending is
assigning the new rows to their nearest centroid, and retraining is needed only when the
archive has grown a lot (VectorIndex retrains at twice the trained size).
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]

MIN_ROWS = 40_000  # below this a full scan costs a few ms (about 6 ms per 50k rows here)
SAMPLE = 40_000  # training sample
ITERATIONS = 8
_CHUNK = 65_536
# the files of one trained generation of a language (`write_generation`)
SUFFIXES = ("f32", "ids", "lists", "centroids", "offsets")


def n_lists(rows: int) -> int:
    return int(min(4096, max(64, round(np.sqrt(rows)))))


def n_probe(lists: int) -> int:
    return max(8, lists // 32)


def _normalized(m: Array) -> Array:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Array = (m / norms).astype(np.float32)
    return out


def train(mat: Array, lists: int, seed: int = 0) -> Array:
    """Centroids (lists x dim, unit length) from a sample of `mat` by spherical k-means."""
    rng = np.random.default_rng(seed)
    n = len(mat)
    pick = np.sort(rng.choice(n, size=min(n, SAMPLE), replace=False))
    sample = np.asarray(mat[pick], dtype=np.float32)
    cent = sample[rng.choice(len(sample), size=lists, replace=False)].copy()
    for _ in range(ITERATIONS):
        labels = np.argmax(sample @ cent.T, axis=1)
        sums = np.zeros_like(cent)
        np.add.at(sums, labels, sample)
        counts = np.bincount(labels, minlength=lists)
        empty = counts == 0
        if empty.any():  # restart empty clusters on random points
            sums[empty] = sample[rng.choice(len(sample), size=int(empty.sum()))]
        cent = _normalized(sums)
    return cent


def assign(mat: Array, centroids: Array, start: int = 0) -> Array:
    """Cluster of each row of mat[start:] (int32), in chunks to bound memory."""
    out = np.empty(len(mat) - start, dtype=np.int32)
    for lo in range(start, len(mat), _CHUNK):
        hi = min(len(mat), lo + _CHUNK)
        block = np.asarray(mat[lo:hi], dtype=np.float32)
        out[lo - start : hi - start] = np.argmax(block @ centroids.T, axis=1)
    return out


def nearest(query: Array, centroids: Array, nprobe: int) -> Array:
    """The `nprobe` clusters nearest to the query."""
    nprobe = min(nprobe, len(centroids))
    out: Array = np.argpartition(-(centroids @ query), nprobe - 1)[:nprobe]
    return out


def candidates(query: Array, centroids: Array, lists: Array, nprobe: int) -> Array:
    """Row numbers in the `nprobe` clusters nearest to the query."""
    return np.flatnonzero(np.isin(lists, nearest(query, centroids, nprobe)))


def write_generation(ids: Array, mat: Array, base: str) -> None:
    """Write one language's rows as a trained generation at `base`: rows and ids sorted by
    cluster (`base.f32`, `base.ids`), each row's cluster (`base.lists`), the centroids, and
    where each cluster's slice starts (`base.offsets`). Raises OSError as file writes do."""
    n = len(ids)
    cent = train(mat, n_lists(n))
    lists = assign(mat, cent)
    order = np.argsort(lists, kind="stable")
    with open(f"{base}.f32", "wb") as fh:
        for lo in range(0, n, _CHUNK):
            fh.write(np.asarray(mat[order[lo : lo + _CHUNK]]).tobytes())
    np.asarray(ids)[order].astype(np.int64).tofile(f"{base}.ids")
    sorted_lists = lists[order]
    sorted_lists.tofile(f"{base}.lists")
    cent.tofile(f"{base}.centroids")
    offsets = np.searchsorted(sorted_lists, np.arange(len(cent) + 1)).astype(np.int64)
    offsets.tofile(f"{base}.offsets")


def remove_generation(base: str) -> None:
    """Delete the files of a generation `write_generation` wrote (those that exist)."""
    for suffix in SUFFIXES:
        if os.path.exists(f"{base}.{suffix}"):
            os.unlink(f"{base}.{suffix}")
