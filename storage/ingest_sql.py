"""Ingest: read the stored state of a batch's candidates, then apply the decider's intents,
as SQL over a DB-API connection (`sql.Sql`), written once for both routes: `Storage`
(`ingest.IngestMixin`, on its transaction's raw connection, SQLite or PostgreSQL) and the
poll's light route (`feed_book.FeedBook`, plain sqlite3), so a cold poll stores articles
without importing SQLAlchemy.

No decisions here (they are `aggregator.ingest.decide`) and no text work: signatures,
bands and the segmented search row arrive computed, so the write transaction only writes.
The caller owns the transaction: `lookup` in a read one, `apply` in one write transaction
per batch (all or nothing: a crash anywhere loses nothing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from aggregator.intents import (
    AttachSource,
    IngestIntent,
    IngestLookup,
    IngestResult,
    InsertArticle,
    NearCandidate,
    PreparedArticle,
    ReplaceText,
    StoredText,
)
from aggregator.models import NewArticle

from . import ingest_rows
from .ingest_rows import marks
from .sql import Sql

MAX_NEAR = 50  # candidates per article sharing an LSH band, most shared bands first

# What a near-duplicate check reads of a stored article (`near_candidates`).
NEAR_COLUMNS = "id, lang, published, fetched, minhash"


def select_in(
    db: Sql, head: str, values: Sequence[object], first: Sequence[object] = (), order: str = ""
) -> Iterator[Sequence[Any]]:
    """Rows of `head IN (values)`, in chunks of 500 values (`first`: parameters of `head`
    itself). The SQL names only the callers' literals; every value is bound."""
    for n in range(0, len(values), 500):
        chunk = values[n : n + 500]
        sql = f"{head} IN ({marks(len(chunk))})" + (f" ORDER BY {order}" if order else "")
        yield from db.rows(sql, [*first, *chunk])


def near_candidates(db: Sql, rows: Sequence[Sequence[Any]]) -> list[NearCandidate]:
    """Rows of NEAR_COLUMNS as candidates; an article without a signature is none."""
    return [
        NearCandidate(int(aid), lang, _time(db, published or fetched), bytes(blob))
        for aid, lang, published, fetched, blob in rows
        if blob is not None
    ]


def _time(db: Sql, value: Any) -> datetime:
    """A NOT NULL time column's value, UTC-aware."""
    return cast(datetime, db.read_when(value))


def near_lookup(db: Sql, batch: Sequence[PreparedArticle]) -> dict[int, tuple[NearCandidate, ...]]:
    """Per batch index, the stored articles sharing LSH bands with it, most shared first
    (at most MAX_NEAR): one query for every band hash of the batch."""
    wanted = sorted({h for a in batch for _, h in a.bands})
    holders: dict[int, list[int]] = {}
    for aid, digest in select_in(
        db, "SELECT article_id, hash FROM minhash_bands WHERE hash", wanted
    ):
        holders.setdefault(int(digest), []).append(int(aid))
    picked: dict[int, list[int]] = {}
    for index, a in enumerate(batch):
        shared = Counter(aid for _, h in a.bands for aid in holders.get(h, ()))
        if shared:
            picked[index] = [aid for aid, _ in shared.most_common(MAX_NEAR)]
    ids = sorted({aid for aids in picked.values() for aid in aids})
    rows = list(select_in(db, f"SELECT {NEAR_COLUMNS} FROM articles WHERE id", ids))
    found = {c.article_id: c for c in near_candidates(db, rows)}
    return {
        index: tuple(found[aid] for aid in aids if aid in found) for index, aids in picked.items()
    }


class Taken:
    """What the database holds of a batch's keys (one query per key kind and 500 keys)."""

    def __init__(self) -> None:
        self.entry: dict[tuple[int, str], int] = {}
        self.url: dict[str, int] = {}
        self.fp: dict[str, int] = {}

    @classmethod
    def read(cls, db: Sql, items: Sequence[NewArticle]) -> Taken:
        """The stored owners of the items' entries, URLs and fingerprints."""
        out = cls()
        by_feed: dict[int, list[str]] = {}
        for i in items:
            by_feed.setdefault(i.feed_id, []).append(i.guid)
        for feed_id, guids in by_feed.items():
            head = "SELECT guid, article_id FROM entries WHERE feed_id = ? AND guid"
            for guid, aid in select_in(db, head, guids, [feed_id]):
                out.entry[(feed_id, guid)] = int(aid)
        urls = sorted({i.url for i in items if i.url})
        for url, aid in select_in(db, "SELECT url, article_id FROM article_urls WHERE url", urls):
            out.url[url] = int(aid)
        fps = sorted({i.fingerprint for i in items})
        head = "SELECT fingerprint, id FROM articles WHERE fingerprint"
        for fp, aid in select_in(db, head, fps, order="id"):
            out.fp.setdefault(fp, int(aid))
        return out

    def winner(self, item: NewArticle) -> int | None:
        hit = self.entry.get((item.feed_id, item.guid))
        if hit is None and item.url:
            hit = self.url.get(item.url)
        return hit if hit is not None else self.fp.get(item.fingerprint)


def stored_texts(db: Sql, ids: set[int]) -> dict[int, StoredText]:
    head = (
        "SELECT id, lang, published, fetched, fingerprint, title, summary, body, minhash "
        "FROM articles WHERE id"
    )
    out: dict[int, StoredText] = {}
    for r in select_in(db, head, sorted(ids)):
        blob = None if r[8] is None else bytes(r[8])
        published, fetched = db.read_when(r[2]), _time(db, r[3])
        out[int(r[0])] = StoredText(
            int(r[0]), r[1], published, fetched, r[4], r[5], r[6], r[7], blob
        )
    return out


def lookup(db: Sql, batch: Sequence[PreparedArticle]) -> IngestLookup:
    """Every stored article a batch could match: by (feed, GUID), canonical URL,
    fingerprint, and LSH band (near duplicates). A few queries per batch, not per article."""
    taken = Taken.read(db, [a.item for a in batch])
    near = near_lookup(db, batch)
    wanted = set(taken.entry.values()) | set(taken.url.values()) | set(taken.fp.values())
    wanted |= {c.article_id for cands in near.values() for c in cands}
    return IngestLookup(taken.entry, taken.url, taken.fp, near, stored_texts(db, wanted))


class _Rows:
    """Rows that hang off articles, written once per batch (executemany)."""

    def __init__(self, db: Sql) -> None:
        self.db = db
        self.entries: dict[tuple[int, str], tuple[int, str, int, object]] = {}
        self.urls: dict[str, tuple[str, int]] = {}
        self.related: list[tuple[int, str, str, str]] = []
        self.bands: list[tuple[int, int]] = []  # (hash, article_id)
        self.search: list[ingest_rows.SearchRow] = []

    def attach(self, article_id: int, item: NewArticle) -> None:
        key = (item.feed_id, item.guid)
        self.entries.setdefault(
            key, (item.feed_id, item.guid, article_id, self.db.when(item.fetched))
        )
        if item.url:
            self.urls.setdefault(item.url, (item.url, article_id))

    def new(self, article_id: int, a: PreparedArticle) -> None:
        self.attach(article_id, a.item)
        self.related += ingest_rows.related_rows(article_id, a.item)
        self.bands += [(h, article_id) for _, h in a.bands]
        self.search.append((article_id, a.search.title, a.search.body, "", ""))

    def write(self) -> None:
        ingest_rows.insert_entries(self.db, list(self.entries.values()))
        ingest_rows.insert_urls(self.db, list(self.urls.values()))
        ingest_rows.insert_related(self.db, self.related)
        ingest_rows.insert_bands(self.db, self.bands)
        ingest_rows.insert_search(self.db, self.search)


def apply(db: Sql, intents: Sequence[IngestIntent]) -> IngestResult:
    """Apply the decider's intents in the caller's write transaction.

    An insert whose (feed, GUID), URL or fingerprint appeared meanwhile (another writer, on
    this host or another) attaches to that article instead. On PostgreSQL the batch's keys
    are advisory-locked first (in key order, no deadlock), so the check and the insert are
    one step for every writer: a race never stores an article twice, and the entry and URL
    keys are unique constraints besides. Dependent rows go in one executemany per table.
    Raises StorageError (SQLite ids not the expected run)."""
    new: list[int] = []
    new_feeds: list[int] = []
    updated: list[int] = []
    dups = 0
    inserted: dict[int, int] = {}  # intent index -> article id
    rows = _Rows(db)
    if db.pg:
        from .postgres import XACT_LOCKS, lock_key

        keys = sorted({lock_key(k) for i in intents for k in _keys(i)})
        if keys:
            db.rows(XACT_LOCKS.format(keys="?"), [keys])
    inserts = [i.article.item for i in intents if isinstance(i, InsertArticle)]
    taken = Taken.read(db, inserts) if inserts else Taken()
    fresh: list[tuple[int, PreparedArticle]] = []
    for index, intent in enumerate(intents):
        if not isinstance(intent, InsertArticle):
            continue
        winner = taken.winner(intent.article.item)
        if winner is not None:  # stored meanwhile: the loser attaches its URL
            inserted[index] = winner
            rows.attach(winner, intent.article.item)
            dups += 1
        else:
            fresh.append((index, intent.article))
    ids = ingest_rows.insert_articles(db, [a for _, a in fresh])
    for (index, a), aid in zip(fresh, ids, strict=True):
        inserted[index] = aid
        rows.new(aid, a)
        new.append(aid)
        new_feeds.append(a.item.feed_id)
    for intent in intents:
        if isinstance(intent, ReplaceText):
            if not db.rows("SELECT 1 FROM articles WHERE id = ?", [intent.article_id]):
                continue
            rows.attach(intent.article_id, intent.article.item)
            ingest_rows.rewrite_text(db, intent.article_id, intent.article, intent.changed)
            updated.append(intent.article_id)
        elif isinstance(intent, AttachSource):
            target = _target(intent, inserted)
            if target is not None:
                rows.attach(target, intent.item)
            dups += 1
    rows.write()
    return IngestResult(tuple(new), tuple(dict.fromkeys(updated)), dups, new_feeds=tuple(new_feeds))


def _keys(intent: IngestIntent) -> list[str]:
    """The keys an intent may create or match (advisory-lock names)."""
    item = intent.item if isinstance(intent, AttachSource) else intent.article.item
    keys = [f"entry:{item.feed_id}:{item.guid}", f"fp:{item.fingerprint}"]
    if item.url:
        keys.append(f"url:{item.url}")
    return keys


def _target(intent: AttachSource, inserted: dict[int, int]) -> int | None:
    if intent.article_id is not None:
        return intent.article_id
    return inserted.get(intent.new_index) if intent.new_index is not None else None
