"""Ingest on the full `Storage`: the SQL is `ingest_sql` / `ingest_rows` (written once, over
a DB-API connection), run here on the raw connection of this storage's own transaction, so
pragmas, BEGIN IMMEDIATE, rollback and the error mapping are the engine's as for every
other method. The poll's light route (`feed_book.FeedBook`) runs the same functions on a
plain sqlite3 connection.

`rewrite_text` is the one routine for "this article's text changed": everything derived
from the old text (translations of the changed fields, vector, MinHash bands, search row)
goes with it, whichever path rewrote it (a feed's update or a near-duplicate merge).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from aggregator.intents import (
    IngestIntent,
    IngestLookup,
    IngestResult,
    PreparedArticle,
    SearchText,
)

from . import ingest_rows, ingest_sql
from .base import StorageBase, raw_sql


class IngestMixin(StorageBase):
    def ingest_lookup(self, batch: Sequence[PreparedArticle]) -> IngestLookup:
        """Every stored article a batch could match: by (feed, GUID), canonical URL,
        fingerprint, and LSH band (near duplicates). One read transaction, a few queries
        per batch (not per article).

        Raises StorageError.
        """
        with self._raw(write=False) as db:
            return ingest_sql.lookup(db, batch)

    def apply_ingest(self, intents: Sequence[IngestIntent]) -> IngestResult:
        """Apply the decider's intents in one transaction (all or nothing); see
        `ingest_sql.apply` (a raced insert attaches; advisory locks on PostgreSQL).

        Raises StorageError.
        """
        with self._raw(write=True) as db:
            return ingest_sql.apply(db, intents)


def rewrite_text(
    s: Session,
    article_id: int,
    changed: Sequence[str],
    *,
    search: SearchText | None = None,
) -> None:
    """`ingest_rows.rewrite_text` for a session whose ORM changes to the article (its new
    text, moved bands: a merge) are flushed first, in the same transaction."""
    s.flush()
    ingest_rows.rewrite_text(raw_sql(s.connection()), article_id, None, changed, search=search)
