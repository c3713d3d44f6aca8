"""The near-duplicate index: LSH band hashes of article MinHash signatures.

`articles.minhash` is the source of truth; `minhash_bands` is derived from it and caught up
incrementally (articles above the highest indexed id), so it survives across runs and a
lookup is one indexed query on (band, hash), never a scan of the archive.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from aggregator.models import NearCandidate

from . import search_index
from .base import StorageBase
from .schema import (
    ArticleLinkRow,
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    MinhashBandRow,
    RelatedUrlRow,
    TranslationRow,
    VectorRow,
)

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
            hits = (
                select(MinhashBandRow.article_id.label("aid"), shared)
                .where(MinhashBandRow.hash.in_([digest for _band, digest in bands]))
                .group_by(MinhashBandRow.article_id)
                .order_by(shared.desc())
                .limit(MAX_CANDIDATES)
                .subquery()
            )
            rows = s.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.lang,
                    ArticleRow.published,
                    ArticleRow.fetched,
                    ArticleRow.minhash,
                ).join(hits, hits.c.aid == ArticleRow.id)
            ).all()
            return [
                NearCandidate(int(aid), lang, published or fetched, blob)
                for aid, lang, published, fetched, blob in rows
                if blob is not None
            ]

    def pending_minhashes(self, after: int = 0, limit: int = 1000) -> list[NearCandidate]:
        """Signatures of articles not yet in a story: what the post-store dedup pass checks."""
        with self._read() as s:
            rows = s.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.lang,
                    ArticleRow.published,
                    ArticleRow.fetched,
                    ArticleRow.minhash,
                )
                .where(
                    ArticleRow.story_id.is_(None),
                    ArticleRow.minhash.is_not(None),
                    ArticleRow.id > after,
                )
                .order_by(ArticleRow.id)
                .limit(limit)
            ).all()
            return [
                NearCandidate(int(aid), lang, published or fetched, blob)
                for aid, lang, published, fetched, blob in rows
                if blob is not None
            ]

    def merge_articles(self, keep: int, drop: int) -> bool:
        """Fold article `drop` into `keep`: its entries, URLs and related links move over,
        the newer of the two texts becomes `keep`'s text, and `drop` is deleted.

        For near duplicates that arrived in one batch (neither was stored when the other
        was checked). Returns False when either article no longer exists.
        """
        with self._tx() as s:
            k, d = s.get(ArticleRow, keep), s.get(ArticleRow, drop)
            if k is None or d is None or keep == drop:
                return False
            for table in (EntryRow, ArticleUrlRow, RelatedUrlRow):
                s.execute(update(table).where(table.article_id == drop).values(article_id=keep))
            if (d.published or d.fetched) >= (k.published or k.fetched):
                changed = [
                    f for f in ("title", "summary", "body") if getattr(k, f) != getattr(d, f)
                ]
                for name in ("title", "summary", "body", "lang", "lang_confidence", "url"):
                    setattr(k, name, getattr(d, name))
                k.fingerprint, k.minhash = d.fingerprint, d.minhash
                k.published = d.published or k.published
                k.updated = max(k.updated, d.updated)
                if changed:
                    s.execute(
                        delete(TranslationRow).where(
                            TranslationRow.article_id == keep, TranslationRow.field.in_(changed)
                        )
                    )
                    s.execute(delete(VectorRow).where(VectorRow.article_id == keep))
            for owned in (TranslationRow, VectorRow, MinhashBandRow):
                s.execute(delete(owned).where(owned.article_id == drop))
            s.execute(
                delete(ArticleLinkRow).where(
                    (ArticleLinkRow.source_id == drop) | (ArticleLinkRow.target_id == drop)
                )
            )
            # `drop` is not linked yet, so no article names it as its original: no scan needed.
            conn = s.connection()
            search_index.remove_article(conn, drop)
            s.delete(d)
            s.flush()
            search_index.index_article(conn, keep)
            return True
