"""A derived, memory-mapped copy of `article_vectors`, one matrix per language, for search.

Why: a CLI process runs once per query, and 1M x 384 float32 vectors are 1.5 GB; reading
them out of SQLite per query is out of the question. The table stays the source of truth;
beside the SQLite file a folder `<db>.vectors/<model>/` holds, per language, `LANG.f32`
(raw float32 rows, appended in article-id order) and `LANG.ids` (int64 article ids), plus
`state.json` (rows per language, highest article id copied). Opening is a `np.memmap`: the
OS page cache keeps the hot part between processes. float32 rather than float16/int8
because numpy's BLAS matrix-vector product is 20x faster on float32 than on float16 here
(100k rows: 5 ms against 110 ms), and the exact scores need no re-ranking step.

Sync (`sync`): new vectors (article id above the copied maximum) are appended; a missing,
foreign or inconsistent folder, or a table whose maximum id went down, is rebuilt. A vector
replaced in place under the same article id is not noticed until `rebuild()`; deleted
articles are filtered out when results are read back.

Scale: a language with more than `vector_ivf.MIN_ROWS` vectors is partitioned (IVF,
spherical k-means, ~sqrt(n) clusters). Training writes a new generation of that language's
files (`LANG.gN.*`, named in state.json, so the switch is atomic) with the rows sorted by
cluster and `LANG.gN.offsets` marking each cluster's slice; rows appended afterwards form a
tail with a row->cluster file, and the language is retrained once it has doubled. A query
scores the centroids, then a few contiguous slices (about 3% of the rows) and the matching
tail rows: 6.5 ms at 1M, where gathering the same rows scattered took 30-160 ms. Smaller
languages, and the in-memory copy for non-file databases, are scanned whole (newest
`window` rows).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.engine import Connection

from aggregator.models import SearchCandidate

from . import vector_ivf

Array = np.ndarray[Any, Any]

WINDOW = 250_000  # rows per language scored per query (about 12 ms each here)
_BATCH = 20_000
MIN_Z = 1.0  # see search(): how far above its language's mean a hit must score
MIN_ROWS_FOR_Z = 20


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name) or "_"


class VectorIndex:
    """Per-language matrices of one embedding model; `folder` None keeps them in memory."""

    def __init__(
        self, folder: Path | None, model: str, dim: int, *, late_commits: bool = False
    ) -> None:
        """`late_commits`: the database may commit a lower article id after a higher one
        (PostgreSQL with several writers), so freshness also compares row counts and the
        ids a sync skipped are filled in (`_fill_gaps`)."""
        self.late_commits = late_commits
        self.model = model
        self.dim = dim
        self.folder = None if folder is None else folder / _safe(model)
        self._mem: dict[str, tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]] = {}
        self._state: dict[str, Any] = {"max_id": 0, "rows": {}}

    def _base(self, lang: str, gen: int = 0) -> str:
        """Path prefix of a language's files; a retraining writes a new generation."""
        assert self.folder is not None
        return str(self.folder / _safe(lang)) + (f".g{gen}" if gen else "")

    # --- state --------------------------------------------------------------------------

    def _read_state(self) -> dict[str, Any] | None:
        if self.folder is None:
            return self._state if self._mem or self._state["max_id"] else None
        try:
            state = json.loads((self.folder / "state.json").read_text())
        except (OSError, ValueError):
            return None
        if state.get("model") != self.model or state.get("dim") != self.dim:
            return None
        return dict(state)

    def _write_state(self, state: dict[str, Any]) -> None:
        state = {**state, "model": self.model, "dim": self.dim}
        if self.folder is None:
            self._state = state
            return
        tmp = self.folder / "state.json.tmp"
        tmp.write_text(json.dumps(state))
        os.replace(tmp, self.folder / "state.json")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        if self.folder is None:
            yield
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # --- sync ---------------------------------------------------------------------------

    def sync(self, conn: Connection) -> None:
        """Bring the copy up to date with the table (cheap when nothing changed)."""
        top = conn.execute(text("SELECT max(article_id) FROM article_vectors")).scalar()
        top = int(top or 0)
        count = self._count(conn)
        if self._fresh(self._read_state(), top, count):
            return
        with self._locked():
            state = self._read_state()
            if self._fresh(state, top, count):
                return
            if state is None or int(state.get("max_id", 0)) > top or not self._consistent(state):
                self._clear()
                state = {"max_id": 0, "rows": {}}
            self._append(conn, state)
            if count is not None:
                self._fill_gaps(conn, count)

    def _count(self, conn: Connection) -> int | None:
        """Searchable rows of this model in the table (only where commits come late)."""
        if not self.late_commits:
            return None
        # No length(vector) here: it detoasts every vector (~140 ms per search at 100k
        # rows); a model's vectors all have its dimension.
        n = conn.execute(
            text("SELECT count(*) FROM article_vectors WHERE model = :m"), {"m": self.model}
        ).scalar()
        return int(n or 0)

    def _fill_gaps(self, conn: Connection, count: int) -> None:
        """Copy the vectors committed below the copied maximum after it was copied (another
        host's poller finished later): the copy holds every row of the table again."""
        state = self._read_state()
        if state is None or sum(state["rows"].values()) >= count:
            if state is not None and state.get("count") != count:
                self._write_state({**state, "count": count})
            return
        gens = {k: int(v) for k, v in state.get("gen", {}).items()}
        have: set[int] = set()
        for lang, n in state["rows"].items():
            have.update(int(i) for i in self._matrix(lang, n, gens.get(lang, 0))[0])
        rows = conn.execute(
            text(
                "SELECT article_id, lang, vector FROM article_vectors WHERE model = :m "
                "AND length(vector) = :b AND article_id <= :top ORDER BY article_id"
            ),
            {"m": self.model, "b": self.dim * 4, "top": int(state["max_id"])},
        )
        by_lang: dict[str, tuple[list[int], list[bytes]]] = {}
        for aid, lang, vec in rows:
            if int(aid) not in have:
                ids, vecs = by_lang.setdefault(str(lang), ([], []))
                ids.append(int(aid))
                vecs.append(bytes(vec))
        counts = dict(state["rows"])
        for lang, (ids, vecs) in by_lang.items():
            self._write(lang, ids, b"".join(vecs), gens.get(lang, 0))
            counts[lang] = counts.get(lang, 0) + len(ids)
        trained, new_gens = self._refresh_ivf(counts, dict(state.get("ivf", {})), gens)
        self._write_state(
            {**state, "rows": counts, "count": count, "ivf": trained, "gen": new_gens}
        )
        self._drop_old(gens, new_gens)

    def _fresh(self, state: dict[str, Any] | None, top: int, count: int | None = None) -> bool:
        """Up to date: nothing new in the table, every large language partitioned."""
        if state is None or state.get("max_id") != top:
            return False
        if count is not None and state.get("count") != count:
            return False
        if self.folder is None:
            return True
        ivf = state.get("ivf", {})
        return all(lang in ivf for lang, n in state["rows"].items() if n >= vector_ivf.MIN_ROWS)

    def rebuild(self, conn: Connection) -> None:
        with self._locked():
            self._clear()
            self._append(conn, {"max_id": 0, "rows": {}})

    def _clear(self) -> None:
        self._mem = {}
        if self.folder is not None:
            for p in self.folder.glob("*.f32"):
                p.unlink()
            for suffix in ("ids", "lists", "centroids", "offsets"):
                for p in self.folder.glob(f"*.{suffix}"):
                    p.unlink()

    def _consistent(self, state: dict[str, Any]) -> bool:
        if self.folder is None:
            return True
        gens = state.get("gen", {})
        for lang, n in state.get("rows", {}).items():
            base = self._base(lang, int(gens.get(lang, 0)))
            try:
                if os.path.getsize(f"{base}.f32") < n * self.dim * 4:
                    return False
                if os.path.getsize(f"{base}.ids") < n * 8:
                    return False
            except OSError:
                return False
        return True

    def _append(self, conn: Connection, state: dict[str, Any]) -> None:
        rows: dict[str, int] = dict(state.get("rows", {}))
        gens: dict[str, int] = {k: int(v) for k, v in state.get("gen", {}).items()}
        last = int(state.get("max_id", 0))
        if self.folder is not None:  # drop what a crashed sync appended past the state
            for lang, n in rows.items():
                base = self._base(lang, gens.get(lang, 0))
                os.truncate(f"{base}.f32", n * self.dim * 4)
                os.truncate(f"{base}.ids", n * 8)
                if os.path.exists(f"{base}.lists") and os.path.getsize(f"{base}.lists") > n * 4:
                    os.truncate(f"{base}.lists", n * 4)
        while True:
            batch = conn.execute(
                text(
                    "SELECT article_id, lang, vector FROM article_vectors "
                    "WHERE article_id > :last AND model = :m ORDER BY article_id LIMIT :n"
                ),
                {"last": last, "m": self.model, "n": _BATCH},
            ).fetchall()
            if not batch:
                break
            by_lang: dict[str, tuple[list[int], list[bytes]]] = {}
            for aid, lang, vec in batch:
                if len(vec) != self.dim * 4:
                    continue  # a vector of another shape: not searchable with this model
                ids, vecs = by_lang.setdefault(str(lang), ([], []))
                ids.append(int(aid))
                vecs.append(bytes(vec))
            for lang, (ids, vecs) in by_lang.items():
                self._write(lang, ids, b"".join(vecs), gens.get(lang, 0))
                rows[lang] = rows.get(lang, 0) + len(ids)
            last = int(batch[-1][0])
        top = conn.execute(text("SELECT max(article_id) FROM article_vectors")).scalar()
        # vectors of other models above `last` are skipped, not fetched again next time
        trained, new_gens = self._refresh_ivf(rows, dict(state.get("ivf", {})), gens)
        new_state = {"max_id": max(last, int(top or 0)), "rows": rows}
        self._write_state({**new_state, "ivf": trained, "gen": new_gens})
        self._drop_old(gens, new_gens)

    def _drop_old(self, gens: dict[str, int], new_gens: dict[str, int]) -> None:
        for lang, g in new_gens.items():  # the previous generation of a retrained language
            if g != gens.get(lang, 0):
                vector_ivf.remove_generation(self._base(lang, gens.get(lang, 0)))

    def _refresh_ivf(
        self, rows: dict[str, int], trained: dict[str, int], gens: dict[str, int]
    ) -> tuple[dict[str, int], dict[str, int]]:
        """Partition large languages (vector_ivf). Training writes a new generation of the
        language's files with its rows sorted by cluster (each cluster one contiguous slice,
        `LANG.offsets`); rows appended later form a tail with a row->cluster file. Retrains
        when a language has doubled. Returns (lang -> trained rows, lang -> generation)."""
        if self.folder is None:
            return {}, {}
        out, new_gens = {}, dict(gens)
        for lang, n in rows.items():
            if n < vector_ivf.MIN_ROWS:
                continue
            gen = gens.get(lang, 0)
            base = self._base(lang, gen)
            was = int(trained.get(lang, 0))
            paths = [f"{base}.{x}" for x in ("centroids", "lists", "offsets")]
            if not was or n > 2 * was or not all(os.path.exists(p) for p in paths):
                new_gens[lang] = self._train(lang, n, gen)
                out[lang] = n
                continue
            _, mat = self._matrix(lang, n, gen)
            cent = np.fromfile(f"{base}.centroids", dtype=np.float32).reshape(-1, self.dim)
            have = os.path.getsize(f"{base}.lists") // 4
            if have < n:
                with open(f"{base}.lists", "ab") as fh:
                    fh.write(vector_ivf.assign(mat, cent, start=have).tobytes())
            out[lang] = was
        return out, new_gens

    def _train(self, lang: str, n: int, gen: int) -> int:
        """Write generation gen+1 of a language, sorted by cluster; returns its number."""
        ids, mat = self._matrix(lang, n, gen)
        vector_ivf.write_generation(ids, mat, self._base(lang, gen + 1))
        return gen + 1

    def _write(self, lang: str, ids: Sequence[int], data: bytes, gen: int = 0) -> None:
        if self.folder is None:
            old_ids, old_m = self._mem.get(
                lang, (np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32))
            )
            new_m = np.frombuffer(data, np.float32).reshape(-1, self.dim)
            self._mem[lang] = (
                np.concatenate([old_ids, np.asarray(ids, np.int64)]),
                np.concatenate([old_m, new_m]),
            )
            return
        base = self._base(lang, gen)
        with open(f"{base}.f32", "ab") as fh:
            fh.write(data)
        with open(f"{base}.ids", "ab") as fh:
            fh.write(np.asarray(ids, np.int64).tobytes())

    # --- search -------------------------------------------------------------------------

    def _matrix(self, lang: str, n: int, gen: int = 0) -> tuple[Array, Array]:
        if self.folder is None:
            return self._mem.get(lang, (np.zeros(0, np.int64), np.zeros((0, self.dim))))
        if n == 0:
            return np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32)
        base = self._base(lang, gen)
        ids = np.memmap(f"{base}.ids", dtype=np.int64, mode="r", shape=(n,))
        mat = np.memmap(f"{base}.f32", dtype=np.float32, mode="r", shape=(n, self.dim))
        return ids, mat

    def _scores(
        self, lang: str, n: int, state: dict[str, Any], mat: Array, q: Array, window: int
    ) -> tuple[Array, Array, Array]:
        """(row numbers, their scores, a sample of all scores for the noise floor)."""
        trained = int(state.get("ivf", {}).get(lang, 0))
        if self.folder is not None and trained:
            base = self._base(lang, int(state.get("gen", {}).get(lang, 0)))
            try:
                cent = np.fromfile(f"{base}.centroids", dtype=np.float32).reshape(-1, self.dim)
                offsets = np.fromfile(f"{base}.offsets", dtype=np.int64)
                lists = np.memmap(f"{base}.lists", dtype=np.int32, mode="r")
            except (OSError, ValueError):
                lists = None
            if lists is not None and len(lists) >= n and len(offsets) == len(cent) + 1:
                near = vector_ivf.nearest(q, cent, vector_ivf.n_probe(len(cent)))
                # trained rows: one contiguous slice per cluster; the tail: by its clusters
                spans = [np.arange(offsets[c], offsets[c + 1]) for c in np.sort(near)]
                tail = trained + np.flatnonzero(np.isin(lists[trained:n], near))
                rows = np.concatenate([*spans, tail]).astype(np.int64)
                parts = [np.asarray(mat[offsets[c] : offsets[c + 1]] @ q) for c in np.sort(near)]
                parts.append(np.asarray(mat[tail] @ q) if len(tail) else np.zeros(0, np.float32))
                sample = np.asarray(mat[:: max(1, n // 4096)] @ q)
                return rows, np.concatenate(parts), sample
        start = max(0, n - window)  # no partition: the newest `window` rows
        scores = np.asarray(mat[start:] @ q)
        return np.arange(start, n), scores, scores

    def langs(self) -> list[str]:
        state = self._read_state() or {"rows": {}}
        return sorted(k for k, v in state["rows"].items() if v)

    def search(
        self,
        query: np.ndarray[Any, Any],
        langs: Sequence[str] = (),
        k: int = 5,
        window: int = WINDOW,
        min_z: float = MIN_Z,
    ) -> list[SearchCandidate]:
        """The top `k` of each language by cosine (vectors are L2-normalized), among each
        language's newest `window` vectors. Taking k per language, not k overall, is what
        lets a query find the other language at all (FIELD-NOTES: recall 0.18 -> 0.83).

        Every language always has *some* nearest article, relevant or not; raw cosines differ
        by language and query, so a hit must also stand out from its language's scores: at
        least `min_z` standard deviations above their mean (where there are enough rows to
        tell, MIN_ROWS_FOR_Z)."""
        state = self._read_state() or {"rows": {}}
        gens = state.get("gen", {})
        q = np.asarray(query, np.float32).reshape(self.dim)
        out: list[SearchCandidate] = []
        for lang, n in sorted(state["rows"].items()):
            if langs and lang not in langs:
                continue
            ids, mat = self._matrix(lang, int(n), int(gens.get(lang, 0)))
            if len(ids) == 0:
                continue
            rows, scores, sample = self._scores(lang, int(n), state, mat, q, window)
            if len(rows) == 0:
                continue
            take = min(k, len(scores))
            top = np.argpartition(-scores, take - 1)[:take]
            floor = -np.inf
            if len(sample) >= MIN_ROWS_FOR_Z and min_z > 0:
                floor = float(sample.mean() + min_z * sample.std())
            for i in top[np.argsort(-scores[top])]:
                if scores[i] < floor:
                    break
                out.append(SearchCandidate(int(ids[rows[i]]), float(scores[i]), "semantic", lang))
        return out
