"""The MinHash refresh after a scheme change: reads stale signatures with their text, writes
recomputed ones. The hashing itself happens in `aggregator.dedup_refresh`, between these
transactions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import delete, select, update
from sqlalchemy.engine import CursorResult

from aggregator.dedup_refresh import RefreshedMinhash, StaleMinhash

from .bands import insert_bands
from .base import StorageBase
from .schema import ArticleRow, MinhashBandRow, MinhashRefreshRow


class MinhashRefreshMixin(StorageBase):
    def stale_minhashes(self, limit: int = 500) -> list[StaleMinhash] | None:
        """Up to `limit` articles whose signature is older than the current scheme, newest
        first (below the refresh cursor); None when no refresh is pending. An empty list
        means the refresh is pending but nothing is left: finish it with
        `put_refreshed_minhashes([], 0)`. Raises StorageError."""
        with self._read() as s:
            below = s.execute(select(MinhashRefreshRow.below)).scalar()
            if below is None:
                return None
            rows = s.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.title,
                    ArticleRow.summary,
                    ArticleRow.body,
                    ArticleRow.minhash,
                )
                .where(ArticleRow.id < below, ArticleRow.minhash.is_not(None))
                .order_by(ArticleRow.id.desc())
                .limit(limit)
            ).all()
            return [
                StaleMinhash(int(aid), title or "", summary or "", body or "", blob)
                for aid, title, summary, body, blob in rows
                if blob is not None
            ]

    def put_refreshed_minhashes(self, rows: Sequence[RefreshedMinhash], below: int) -> int:
        """Write recomputed signatures and bands and move the refresh cursor to `below`
        (0: done, the marker goes), in one transaction. A row is written only where the
        article still has the signature that was read (one rewritten or merged since
        already has a current one). Returns how many were written. Raises StorageError."""
        written: list[RefreshedMinhash] = []
        with self._tx() as s:
            for r in rows:
                result = s.execute(
                    update(ArticleRow)
                    .where(ArticleRow.id == r.article_id, ArticleRow.minhash == r.old)
                    .values(minhash=r.minhash)
                )
                if cast(CursorResult[Any], result).rowcount:
                    written.append(r)
            if written:
                ids = [r.article_id for r in written]
                s.execute(delete(MinhashBandRow).where(MinhashBandRow.article_id.in_(ids)))
                insert_bands(
                    s.connection(), [(h, r.article_id) for r in written for _, h in r.bands]
                )
            if below <= 0:
                s.execute(delete(MinhashRefreshRow))
            else:
                s.execute(
                    update(MinhashRefreshRow)
                    .where(MinhashRefreshRow.below > below)
                    .values(below=below)
                )
        return len(written)
