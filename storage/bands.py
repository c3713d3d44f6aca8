"""MinHash band rows: the near-duplicate index (`aggregator.minhash` makes the bands).

One B-tree keyed by (hash, article_id), written in key order. The ingest's lookup and
writes are `ingest_sql` / `ingest_rows` (through the driver: SQLAlchemy's per-parameter
processing of ~1M band rows and ~10,000 looked-up hashes a 1,000-feed cold poll cost more
than the SQL); here, what the ORM-side paths (merges, the MinHash refresh, upgrades) use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.engine import Connection

from aggregator.intents import NearCandidate

from . import ingest_rows
from .base import raw_sql
from .schema import ArticleRow

# What a near-duplicate check reads of a stored article (`near_candidates`).
NEAR_COLUMNS = (
    ArticleRow.id,
    ArticleRow.lang,
    ArticleRow.published,
    ArticleRow.fetched,
    ArticleRow.minhash,
)


def near_candidates(rows: Iterable[Sequence[Any]]) -> list[NearCandidate]:
    """Rows of NEAR_COLUMNS as candidates; an article without a signature is none."""
    return [
        NearCandidate(int(aid), lang, published or fetched, blob)
        for aid, lang, published, fetched, blob in rows
        if blob is not None
    ]


def insert_bands(conn: Connection, rows: list[tuple[int, int]]) -> None:
    """`ingest_rows.insert_bands` (sorted by key, duplicates kept once) in `conn`'s
    transaction."""
    ingest_rows.insert_bands(raw_sql(conn), rows)
