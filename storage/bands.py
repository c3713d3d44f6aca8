"""MinHash band rows: the near-duplicate index (`aggregator.minhash` makes the bands).

One B-tree keyed by (hash, article_id), written in key order; a batch's lookup is one
query for all its band hashes; candidates come back with what the decider needs to verify
them on the full signature (`near_candidates`). All through the driver: SQLAlchemy's
per-parameter processing of ~1M band rows and ~10,000 looked-up hashes a 1,000-feed cold
poll cost more than the SQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from aggregator.intents import NearCandidate, PreparedArticle

from .schema import ArticleRow, MinhashBandRow

MAX_NEAR = 50  # candidates per article sharing an LSH band, most shared bands first


def driver_mark(conn: Connection) -> str:
    """The driver's positional placeholder, for SQL sent to it directly (qmark: SQLite)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def select_in(
    conn: Connection, head: str, values: Sequence[object], *first: object, order: str = ""
) -> Iterable[Sequence[Any]]:
    """Rows of `head IN (values)` through the driver (`head` may hold one `{m}` placeholder,
    bound to `first`). The SQL names only the callers' literals; every value is bound."""
    mark = driver_mark(conn)
    sql = f"{head.format(m=mark)} IN ({', '.join([mark] * len(values))})"
    if order:
        sql += f" ORDER BY {order}"
    return conn.exec_driver_sql(sql, (*first, *values))


def near_lookup(
    s: Session, batch: Sequence[PreparedArticle]
) -> dict[int, tuple[NearCandidate, ...]]:
    """Per batch index, the stored articles sharing LSH bands with it, most shared first
    (at most MAX_NEAR): one query for every band hash of the batch."""
    wanted = sorted({h for a in batch for _, h in a.bands})
    holders: dict[int, list[int]] = {}
    conn = s.connection()
    head = f"SELECT article_id, hash FROM {MinhashBandRow.__tablename__} WHERE hash"
    for n in range(0, len(wanted), 2000):
        for aid, digest in select_in(conn, head, wanted[n : n + 2000]):
            holders.setdefault(int(digest), []).append(int(aid))
    picked: dict[int, list[int]] = {}
    for index, a in enumerate(batch):
        shared = Counter(aid for _, h in a.bands for aid in holders.get(h, ()))
        if shared:
            picked[index] = [aid for aid, _ in shared.most_common(MAX_NEAR)]
    ids = sorted({aid for aids in picked.values() for aid in aids})
    found: dict[int, NearCandidate] = {}
    for n in range(0, len(ids), 500):
        rows = s.execute(select(*NEAR_COLUMNS).where(ArticleRow.id.in_(ids[n : n + 500])))
        found.update((c.article_id, c) for c in near_candidates(rows))
    return {
        index: tuple(found[aid] for aid in aids if aid in found) for index, aids in picked.items()
    }


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


def put_bands(s: Session, article_id: int, bands: Sequence[tuple[int, int]]) -> None:
    """Replace one article's band rows with `bands` ((band, hash) pairs)."""
    s.execute(delete(MinhashBandRow).where(MinhashBandRow.article_id == article_id))
    insert_bands(s.connection(), [(h, article_id) for _, h in bands])


def insert_bands(conn: Connection, rows: list[tuple[int, int]]) -> None:
    """Insert (hash, article_id) band rows, sorted by key first. A row already there (one
    article's two bands hashing alike) is kept once."""
    if not rows:
        return
    mark = driver_mark(conn)
    conn.exec_driver_sql(
        f"INSERT INTO {MinhashBandRow.__tablename__} (hash, article_id) "
        f"VALUES ({mark}, {mark}) ON CONFLICT DO NOTHING",
        sorted(rows),
    )
