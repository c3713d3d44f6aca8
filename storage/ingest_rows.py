"""The rows an ingest writes, as SQL over a DB-API connection (`sql.Sql`), written once
for both routes to a database: `Storage` runs them on the raw connection of its own
transaction, the poll's light route (`feed_book.FeedBook`) on its plain sqlite3 connection,
so a cold poll stores articles without importing SQLAlchemy (~0.3 of a 100-feed cold poll's
CPU-seconds).

Values are bound as SQLAlchemy's column types bind them (`Sql.when` for times; blobs and
numbers as they are), so either route reads what the other wrote. No decisions and no text
work here: the caller's transaction, the caller's rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from aggregator.errors import StorageError
from aggregator.intents import PreparedArticle, SearchText
from aggregator.models import NewArticle, PageOutcome

from .sql import Sql

FTS_TABLE = "search_fts"  # SQLite's FTS5 index (search_index)
TSV_TABLE = "search_tsv"  # PostgreSQL's tsvector twin (search_pg)

# A summary and body translation are indexed together: one changing drops both.
COUPLED = {"title": ("title",), "summary": ("summary", "body"), "body": ("summary", "body")}

_ARTICLE_COLUMNS = (
    "feed_id, guid, url, title, summary, body, author, lang, lang_confidence, published, "
    "fetched, updated, fingerprint, minhash"
)
_ARTICLE_SLOTS = ", ".join(["?"] * 14)

_FTS_INSERT = (
    f"INSERT INTO {FTS_TABLE}(rowid, title, body, title_tr, body_tr) VALUES (?, ?, ?, ?, ?)"
)
_TSV_UPSERT = (
    f"INSERT INTO {TSV_TABLE} (article_id, title, body, title_tr, body_tr) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
    "title = excluded.title, body = excluded.body, "
    "title_tr = excluded.title_tr, body_tr = excluded.body_tr"
)

# (id, segmented title, segmented body, translated title, translated body)
SearchRow = tuple[int, str, str, str, str]


def marks(n: int) -> str:
    """`n` comma-separated placeholders (for `IN (...)`)."""
    return ", ".join(["?"] * n)


def _article_values(db: Sql, item: NewArticle) -> tuple[object, ...]:
    return (
        item.feed_id,
        item.guid,
        item.url,
        item.title,
        item.summary,
        item.body,
        item.author,
        item.lang,
        item.lang_confidence,
        _stamp(db, item.published),
        _stamp(db, item.fetched),
        _stamp(db, item.fetched),
        item.fingerprint,
        item.minhash,
    )


def _stamp(db: Sql, value: datetime | None) -> object:
    """A new article row's time, stored as the insert has stored it since stop 26: on SQLite
    the text of sqlite3's datetime adapter (`isoformat(" ")`: no fraction where the
    microseconds are 0, as in every RSS date), where `Sql.when` (SQLAlchemy's format)
    always writes six digits. Both read back as the same time; the bytes are kept.
    Raises ValueError for a naive time."""
    if value is None or db.pg or value.tzinfo is None:
        return db.when(value)  # (a naive time: ValueError there)
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def insert_articles(db: Sql, batch: Sequence[PreparedArticle]) -> list[int]:
    """Insert the batch's article rows; their ids in batch order.

    SQLite: one executemany. Inside this write transaction no one else inserts, and an
    INTEGER PRIMARY KEY without AUTOINCREMENT takes max(id) + 1, so the ids are the next
    ones after the old maximum, which is checked. PostgreSQL: INSERT ... RETURNING, the
    batch pipelined (`Sql.many_returning`: ids in batch order whatever the sequence
    does). Raises StorageError if the SQLite ids are not the expected run (a table with
    AUTOINCREMENT, a concurrent writer)."""
    if not batch:
        return []
    sql = f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({_ARTICLE_SLOTS})"
    rows = [_article_values(db, a.item) for a in batch]
    if db.pg:
        return [int(r[0]) for r in db.many_returning(sql + " RETURNING id", rows)]
    top = int(db.rows("SELECT COALESCE(MAX(id), 0) FROM articles")[0][0])
    db.many(sql, rows)
    got = tuple(db.rows("SELECT COUNT(*), MIN(id), MAX(id) FROM articles WHERE id > ?", [top])[0])
    if got != (len(rows), top + 1, top + len(rows)):
        raise StorageError(f"article ids after {top} are not the {len(rows)} inserted: {got}")
    return list(range(top + 1, top + 1 + len(rows)))


def insert_entries(db: Sql, rows: Sequence[tuple[int, str, int, object]]) -> None:
    """(feed_id, guid, article_id, seen) rows; an entry already recorded stays as it is."""
    if rows:
        db.many(
            "INSERT INTO entries (feed_id, guid, article_id, seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            rows,
        )


def insert_urls(db: Sql, rows: Sequence[tuple[str, int]]) -> None:
    """(url, article_id) rows; a URL already recorded for an article stays as it is."""
    if rows:
        db.many(
            "INSERT INTO article_urls (url, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            rows,
        )


def related_rows(article_id: int, item: NewArticle) -> list[tuple[int, str, str, str]]:
    return [(article_id, link.url, link.title, link.summary) for link in item.related]


def insert_related(db: Sql, rows: Sequence[tuple[int, str, str, str]]) -> None:
    if rows:
        db.many(
            "INSERT INTO related_urls (article_id, url, title, summary) VALUES (?, ?, ?, ?)",
            rows,
        )


def insert_bands(db: Sql, rows: list[tuple[int, int]]) -> None:
    """Insert (hash, article_id) band rows, sorted by key first (each B-tree page visited
    once: -25% of the insert's CPU). A row already there (one article's two bands hashing
    alike) is kept once."""
    if rows:
        db.many(
            "INSERT INTO minhash_bands (hash, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            sorted(rows),
        )


def insert_search(db: Sql, rows: Iterable[SearchRow]) -> None:
    """Bulk insert already segmented index rows (no row there for these ids yet)."""
    batch = list(rows)
    if batch:
        db.many(_TSV_UPSERT if db.pg else _FTS_INSERT, batch)


def translated_columns(db: Sql, article_id: int) -> tuple[str, str]:
    """The indexed (segmented) translated title and body, empty when there are none."""
    if db.pg:
        sql = f"SELECT title_tr, body_tr FROM {TSV_TABLE} WHERE article_id = ?"
    else:
        sql = f"SELECT title_tr, body_tr FROM {FTS_TABLE} WHERE rowid = ?"
    rows = db.rows(sql, [article_id])
    return ("", "") if not rows else (rows[0][0] or "", rows[0][1] or "")


def write_search_row(
    db: Sql, article_id: int, original: SearchText, translated: tuple[str, str]
) -> None:
    """(Re)write one article's index row from text segmented before the transaction."""
    if not db.pg:
        db.run(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [article_id])
    insert_search(db, [(article_id, original.title, original.body, *translated)])


def rewrite_text(
    db: Sql,
    article_id: int,
    new: PreparedArticle | None,
    changed: Sequence[str],
    *,
    search: SearchText | None = None,
) -> None:
    """Give an article new text and drop what was derived from the old: translations of
    the changed fields, its vector and story-linking keys (so it is embedded and analysed
    again), its MinHash bands (replaced by `new.bands`) and its search row (replaced by
    `new.search`, or `search`; translated columns of unchanged fields are kept). `new`
    None: the caller already wrote the article's text and moved its bands (a merge)."""
    if new is not None:
        item = new.item
        # times only where they change, as the ORM wrote them (an equal time keeps its text)
        stored = db.rows("SELECT published, updated FROM articles WHERE id = ?", [article_id])
        sets, times = "", []
        if item.published is not None and item.published != db.read_when(stored[0][0]):
            sets, times = ", published = ?", [db.when(item.published)]
        if item.fetched != db.read_when(stored[0][1]):
            sets, times = sets + ", updated = ?", [*times, db.when(item.fetched)]
        db.run(
            "UPDATE articles SET title = ?, summary = ?, body = ?, lang = ?, lang_confidence = ?, "
            f"fingerprint = ?, minhash = ?, url = coalesce(?, url){sets} WHERE id = ?",
            [
                item.title,
                item.summary,
                item.body,
                item.lang,
                item.lang_confidence,
                item.fingerprint,
                item.minhash,
                item.url or None,
                *times,
                article_id,
            ],
        )
        if item.related:
            db.run("DELETE FROM related_urls WHERE article_id = ?", [article_id])
            insert_related(db, related_rows(article_id, item))
        db.run("DELETE FROM minhash_bands WHERE article_id = ?", [article_id])
        insert_bands(db, [(h, article_id) for _, h in new.bands])
        search = new.search
    dropped = sorted({f for c in changed for f in COUPLED.get(c, (c,))})
    if dropped:
        db.run(
            f"DELETE FROM translations WHERE article_id = ? AND field IN ({marks(len(dropped))})",
            [article_id, *dropped],
        )
    for derived in ("article_vectors", "link_keys"):  # embedded and analysed again
        db.run(f"DELETE FROM {derived} WHERE article_id = ?", [article_id])
    if search is not None:
        kept = translated_columns(db, article_id)
        tt = "" if "title" in dropped else kept[0]
        bt = "" if "body" in dropped else kept[1]
        write_search_row(db, article_id, search, (tt, bt))


def record_pages(db: Sql, feed_id: int, outcomes: Sequence[PageOutcome]) -> None:
    """`Storage.record_pages`: failed pages remembered (their next try), done ones
    forgotten, in the caller's write transaction."""
    for o in outcomes:
        if o.retry is None:
            db.run("DELETE FROM page_retries WHERE feed_id = ? AND guid = ?", [feed_id, o.guid])
            continue
        db.run(
            "INSERT INTO page_retries (feed_id, guid, url, attempts, next_try, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid) DO UPDATE SET "
            "url = excluded.url, attempts = excluded.attempts, next_try = excluded.next_try, "
            "last_error = excluded.last_error",
            [feed_id, o.guid, o.url, o.retry.attempts, db.when(o.retry.next_try), o.error],
        )
