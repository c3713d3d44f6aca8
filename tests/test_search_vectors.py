"""The memory-mapped vector copy at scale: IVF partitioning finds what a full scan finds,
follows appends, retrains when the archive doubles, and survives a torn write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

from aggregator.models import FeedConfig
from storage import vector_ivf
from storage.vector_index import VectorIndex

DIM = 384
MODEL = "test-model"


def clustered(n: int, seed: int, clusters: int = 40) -> np.ndarray[Any, Any]:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, DIM)).astype(np.float32)
    m = centres[rng.integers(0, clusters, n)] + 0.6 * rng.standard_normal((n, DIM))
    return (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)


def test_ivf_candidates_hold_the_exact_nearest() -> None:
    mat = clustered(6000, 1)
    cent = vector_ivf.train(mat, vector_ivf.n_lists(len(mat)))
    lists = vector_ivf.assign(mat, cent)
    assert lists.shape == (6000,) and lists.max() < len(cent)
    queries = clustered(50, 2)
    found = 0
    for q in queries:
        exact = set(np.argsort(-(mat @ q))[:5])
        rows = vector_ivf.candidates(q, cent, lists, vector_ivf.n_probe(len(cent)))
        assert len(rows) < len(mat) / 2  # it does skip most rows
        found += len(exact & set(rows))
    assert found / (5 * len(queries)) >= 0.9


def _add(storage: Any, start: int, vecs: np.ndarray[Any, Any]) -> None:
    feed = storage.list_feeds()[0].id
    with storage.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles(id, feed_id, guid, title, summary, body, lang, "
                "lang_confidence, fetched, updated, fingerprint) VALUES (:i, :f, :g, 't', '', "
                "'', 'en', 1.0, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', :fp)"
            ),
            [
                {"i": start + i, "f": feed, "g": f"g{start + i}", "fp": f"g{start + i}"}
                for i in range(len(vecs))
            ],
        )
        conn.execute(
            text(
                "INSERT INTO article_vectors(article_id, model, lang, vector) "
                "VALUES (:i, :m, 'en', :v)"
            ),
            [{"i": start + i, "m": MODEL, "v": v.tobytes()} for i, v in enumerate(vecs)],
        )


def test_partitioned_copy_follows_the_table(
    storage: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_ivf, "MIN_ROWS", 1000)
    storage.sync_feeds([FeedConfig("f", "http://127.0.0.1/f")])
    mat = clustered(4000, 3)
    _add(storage, 1, mat[:1500])
    index = VectorIndex(tmp_path / "vectors", MODEL, DIM)
    with storage.engine.connect() as conn:
        index.sync(conn)
    folder = tmp_path / "vectors" / MODEL
    state = json.loads((folder / "state.json").read_text())
    assert state["rows"] == {"en": 1500} and state["ivf"] == {"en": 1500}

    def files(suffix: str) -> Path:
        gen = json.loads((folder / "state.json").read_text())["gen"]["en"]
        return folder / f"en.g{gen}.{suffix}"

    assert files("lists").stat().st_size == 1500 * 4
    assert not (folder / "en.f32").exists()  # the unsorted generation 0 is gone
    offsets = np.fromfile(files("offsets"), dtype=np.int64)
    lists = np.fromfile(files("lists"), dtype=np.int32)
    assert offsets[-1] == 1500 and (np.diff(lists) >= 0).all()  # rows sorted by cluster

    def agreement(n: int) -> float:
        hits = 0
        for q in clustered(20, 4):
            exact = {i + 1 for i in np.argsort(-(mat[:n] @ q))[:5]}
            got = {c.article_id for c in index.search(q, k=5, min_z=0)}
            hits += len(exact & got)
        return hits / 100

    assert agreement(1500) >= 0.85
    # a copy written before partitioning existed (no "ivf" in its state) gets partitioned
    (folder / "state.json").write_text(json.dumps({**state, "ivf": {}}))
    with storage.engine.connect() as conn:
        index.sync(conn)
    state = json.loads((folder / "state.json").read_text())
    assert state["ivf"] == {"en": 1500} and state["gen"] == {"en": 2}
    assert files("centroids").exists() and agreement(1500) >= 0.85
    _add(storage, 1501, mat[1500:2500])  # grows, under twice: rows assigned, no retraining
    with storage.engine.connect() as conn:
        index.sync(conn)
    state = json.loads((folder / "state.json").read_text())
    assert state["rows"] == {"en": 2500} and state["ivf"] == {"en": 1500}
    assert files("lists").stat().st_size == 2500 * 4
    assert agreement(2500) >= 0.85
    # a torn write: the row->cluster file lost its tail; the next sync restores it
    with open(files("lists"), "r+b") as fh:
        fh.truncate(2000 * 4)
    _add(storage, 2501, mat[2500:2600])
    with storage.engine.connect() as conn:
        index.sync(conn)
    assert files("lists").stat().st_size == 2600 * 4
    assert json.loads((folder / "state.json").read_text())["ivf"] == {"en": 1500}
    assert agreement(2600) >= 0.85
    _add(storage, 2601, mat[2600:4000])  # past twice the trained size: retrained
    with storage.engine.connect() as conn:
        index.sync(conn)
    state = json.loads((folder / "state.json").read_text())
    assert state["rows"] == {"en": 4000} and state["ivf"] == {"en": 4000}
    assert files("lists").stat().st_size == 4000 * 4
    assert agreement(4000) >= 0.85


def test_a_vector_committed_late_below_the_copied_maximum_is_copied(
    storage: Any, tmp_path: Path
) -> None:
    """Several writers (PostgreSQL pollers on several hosts) commit out of id order: a
    vector whose article id is below what the copy already holds still gets copied."""
    storage.sync_feeds([FeedConfig("f", "http://127.0.0.1/f")])
    mat = clustered(30, 5)
    _add(storage, 1, mat[:10])
    _add(storage, 20, mat[19:20])
    index = VectorIndex(tmp_path / "vectors", MODEL, DIM, late_commits=True)
    with storage.engine.connect() as conn:
        index.sync(conn)
    _add(storage, 15, mat[14:15])  # committed after 20 was copied
    with storage.engine.connect() as conn:
        index.sync(conn)
    state = json.loads((tmp_path / "vectors" / MODEL / "state.json").read_text())
    assert state["rows"] == {"en": 12} and state["count"] == 12
    got = index.search(mat[14], k=1, min_z=0)
    assert [c.article_id for c in got] == [15]
