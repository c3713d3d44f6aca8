"""The near-duplicate index: LSH band hashes of article MinHash signatures.

`articles.minhash` is the source of truth; `minhash_bands` is derived from it and caught up
incrementally (articles above the highest indexed id), so it survives across runs and a
lookup is one indexed query on (band, hash), never a scan of the archive.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.orm import Session

from aggregator.models import NearCandidate

from .base import StorageBase
from .schema import ArticleRow, MinhashBandRow

MAX_CANDIDATES = 50


class DedupIndexMixin(StorageBase):
    _bands_ready: bool = False

    def _ensure_bands_table(self, s: Session) -> None:
        # A database created before this table existed gets it on first use.
        if not self._bands_ready:
            MinhashBandRow.__table__.create(s.connection(), checkfirst=True)  # type: ignore[attr-defined]
            self._bands_ready = True

    def index_pending_minhashes(self, batch: int = 5000) -> int:
        """Add band hashes for stored articles not indexed yet; returns how many were added."""
        import numpy as np

        from aggregator.dedup import band_hashes

        done = 0
        while True:
            with self._tx() as s:
                self._ensure_bands_table(s)
                top = s.scalar(select(func.max(MinhashBandRow.article_id))) or 0
                rows = s.execute(
                    select(ArticleRow.id, ArticleRow.minhash)
                    .where(ArticleRow.id > top, ArticleRow.minhash.is_not(None))
                    .order_by(ArticleRow.id)
                    .limit(batch)
                ).all()
                values = [
                    {"band": band, "hash": digest, "article_id": aid}
                    for aid, blob in rows
                    if blob is not None
                    for band, digest in band_hashes(np.frombuffer(blob, dtype=np.uint32))
                ]
                if values:
                    s.execute(insert(MinhashBandRow), values)
            done += len(rows)
            if len(rows) < batch:
                return done

    def near_candidates(self, bands: Sequence[tuple[int, int]]) -> list[NearCandidate]:
        """Stored articles sharing at least one LSH band, most shared bands first."""
        if not bands:
            return []
        with self._read() as s:
            self._ensure_bands_table(s)
            shared = func.count(MinhashBandRow.id).label("shared")
            hits = s.execute(
                select(MinhashBandRow.article_id, shared)
                .where(tuple_(MinhashBandRow.band, MinhashBandRow.hash).in_(list(bands)))
                .group_by(MinhashBandRow.article_id)
                .order_by(shared.desc())
                .limit(MAX_CANDIDATES)
            ).all()
            ids = [int(aid) for aid, _ in hits]
            if not ids:
                return []
            rows = s.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.lang,
                    ArticleRow.published,
                    ArticleRow.fetched,
                    ArticleRow.minhash,
                ).where(ArticleRow.id.in_(ids), ArticleRow.minhash.is_not(None))
            ).all()
            return [
                NearCandidate(int(aid), lang, published or fetched, blob)
                for aid, lang, published, fetched, blob in rows
                if blob is not None
            ]
