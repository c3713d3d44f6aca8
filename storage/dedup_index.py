"""Near duplicates after the fact: what the post-store pass reads and the merge it applies.

`articles.minhash` is the signature; `minhash_bands` holds its LSH band hashes, written with
the article (`ingest`), so a near-duplicate lookup is one indexed query on the hash.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update

from aggregator.intents import NearCandidate

from . import search_index
from .bands import NEAR_COLUMNS, near_candidates
from .base import StorageBase
from .ingest import rewrite_text
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    LinkKeysRow,
    MinhashBandRow,
    RelatedUrlRow,
    TranslationRow,
    VectorRow,
)


class DedupIndexMixin(StorageBase):
    def pending_minhashes(self, after: int = 0, limit: int = 1000) -> list[NearCandidate]:
        """Signatures of articles not yet in a story: what the post-store dedup pass checks.

        Raises StorageError."""
        with self._read() as s:
            rows = s.execute(
                select(*NEAR_COLUMNS)
                .where(
                    ArticleRow.story_id.is_(None),
                    ArticleRow.minhash.is_not(None),
                    ArticleRow.id > after,
                )
                .order_by(ArticleRow.id)
                .limit(limit)
            ).all()
            return near_candidates(rows)

    def merge_articles(self, keep: int, drop: int) -> bool:
        """Fold article `drop` into `keep`: its entries, URLs and related links move over,
        the newer of the two texts becomes `keep`'s text (through `rewrite_text`, so what
        was derived from the old text goes), and `drop` is deleted.

        For near duplicates that arrived in one batch (neither was stored when the other
        was checked). Returns False when either article no longer exists. Raises
        StorageError.
        """
        with self._tx() as s:
            k, d = s.get(ArticleRow, keep), s.get(ArticleRow, drop)
            if k is None or d is None or keep == drop:
                return False
            for table in (EntryRow, ArticleUrlRow, RelatedUrlRow):
                s.execute(update(table).where(table.article_id == drop).values(article_id=keep))
            conn = s.connection()
            if (d.published or d.fetched) >= (k.published or k.fetched):
                fields = ("title", "summary", "body")
                changed = [f for f in fields if getattr(k, f) != getattr(d, f)]
                for name in (*fields, "lang", "lang_confidence", "url"):
                    setattr(k, name, getattr(d, name))
                k.fingerprint, k.minhash = d.fingerprint, d.minhash
                k.published = d.published or k.published
                k.updated = max(k.updated, d.updated)
                if changed:
                    s.execute(delete(MinhashBandRow).where(MinhashBandRow.article_id == keep))
                    s.execute(
                        update(MinhashBandRow)
                        .where(MinhashBandRow.article_id == drop)
                        .values(article_id=keep)
                    )
                    search = search_index.original_columns(conn, drop)
                    rewrite_text(s, keep, changed, search=search)
            for owned in (TranslationRow, VectorRow, MinhashBandRow, LinkKeysRow):
                s.execute(delete(owned).where(owned.article_id == drop))
            # `drop` is not linked yet, so no article names it as its original: no scan needed.
            search_index.remove_article(conn, drop)
            s.delete(d)
            return True
