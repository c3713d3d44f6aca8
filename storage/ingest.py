"""Ingest: read the stored state of a batch's candidates, then apply the decider's intents.

No decisions here (they are `aggregator.ingest.decide`) and no text work: signatures,
bands and the segmented search row arrive computed, so the write transaction only writes.
`rewrite_text` is the one routine for "this article's text changed": everything derived
from the old text (translations of the changed fields, vector, MinHash bands, search row)
goes with it, whichever path rewrote it (a feed's update or a near-duplicate merge).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from aggregator.errors import StorageError
from aggregator.intents import (
    AttachSource,
    IngestIntent,
    IngestLookup,
    IngestResult,
    InsertArticle,
    PreparedArticle,
    ReplaceText,
    SearchText,
    StoredText,
)
from aggregator.models import NewArticle

from . import search_index
from .bands import driver_mark, insert_bands, near_lookup, put_bands, select_in
from .base import StorageBase
from .postgres import lock_keys_xact
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    LinkKeysRow,
    RelatedUrlRow,
    TranslationRow,
    VectorRow,
)

# A summary and body translation are indexed together: one changing drops both.
_COUPLED = {"title": ("title",), "summary": ("summary", "body"), "body": ("summary", "body")}


class IngestMixin(StorageBase):
    def ingest_lookup(self, batch: Sequence[PreparedArticle]) -> IngestLookup:
        """Every stored article a batch could match: by (feed, GUID), canonical URL,
        fingerprint, and LSH band (near duplicates). One read transaction, a few queries
        per batch (not per article).

        Raises StorageError.
        """
        with self._read() as s:
            taken = _Taken.read(s, [a.item for a in batch])
            near = near_lookup(s, batch)
            wanted = set(taken.entry.values()) | set(taken.url.values()) | set(taken.fp.values())
            wanted |= {c.article_id for cands in near.values() for c in cands}
            stored = _stored(s, wanted)
        return IngestLookup(taken.entry, taken.url, taken.fp, near, stored)

    def apply_ingest(self, intents: Sequence[IngestIntent]) -> IngestResult:
        """Apply the decider's intents in one transaction (all or nothing).

        An insert whose (feed, GUID), URL or fingerprint appeared meanwhile (another
        writer, on this host or another) attaches to that article instead. On PostgreSQL
        the batch's keys are advisory-locked first (in key order, no deadlock), so the
        check and the insert are one step for every writer: a race never stores an article
        twice, and the entry and URL keys are unique constraints besides. New articles are
        written with Core statements, their dependent rows in one executemany per table
        (the ORM's per-row identity lookups were most of a cold poll's storing time).
        Raises StorageError.
        """
        new: list[int] = []
        new_feeds: list[int] = []
        updated: list[int] = []
        dups = 0
        inserted: dict[int, int] = {}  # intent index -> article id
        rows = _Rows()
        with self._tx() as s:
            conn = s.connection()
            if self.engine.dialect.name == "postgresql":
                lock_keys_xact(conn, [k for i in intents for k in _keys(i)])
            taken = _Taken.read(
                s, [i.article.item for i in intents if isinstance(i, InsertArticle)]
            )
            fresh: list[tuple[int, PreparedArticle]] = []
            for index, intent in enumerate(intents):
                if not isinstance(intent, InsertArticle):
                    continue
                item = intent.article.item
                winner = taken.winner(item)
                if winner is not None:  # stored meanwhile: the loser attaches its URL
                    inserted[index] = winner
                    rows.attach(winner, item)
                    dups += 1
                else:
                    fresh.append((index, intent.article))
            ids = _insert(conn, [a for _, a in fresh], rows)
            for (index, a), aid in zip(fresh, ids, strict=True):
                inserted[index] = aid
                new.append(aid)
                new_feeds.append(a.item.feed_id)
            for intent in intents:
                if isinstance(intent, ReplaceText):
                    row = s.get(ArticleRow, intent.article_id)
                    if row is None:
                        continue
                    rows.attach(row.id, intent.article.item)
                    rewrite_text(s, row, intent.article, intent.changed)
                    updated.append(row.id)
                elif isinstance(intent, AttachSource):
                    target = _target(intent, inserted)
                    if target is not None:
                        rows.attach(target, intent.item)
                    dups += 1
            rows.write(s)
        return IngestResult(
            tuple(new), tuple(dict.fromkeys(updated)), dups, new_feeds=tuple(new_feeds)
        )


# Core, not the ORM (no per-row mapping); ids come back in parameter order.
_ARTICLE_TABLE = cast(Table, ArticleRow.__table__)
_ARTICLE_INSERT = insert(_ARTICLE_TABLE).returning(
    _ARTICLE_TABLE.c.id, sort_by_parameter_order=True
)


class _Taken:
    """What the database holds of a batch's keys at write time (one query per key kind)."""

    def __init__(self) -> None:
        self.entry: dict[tuple[int, str], int] = {}
        self.url: dict[str, int] = {}
        self.fp: dict[str, int] = {}

    @classmethod
    def read(cls, s: Session, items: Sequence[NewArticle]) -> _Taken:
        """The stored owners of the items' entries, URLs and fingerprints. Through the
        driver: built as SQLAlchemy selects, these ~12 statements a batch cost ~10x the
        SQL they ran (a tenth of a 1,000-feed cold poll's storing)."""
        out = cls()
        if not items:
            return out
        conn = s.connection()
        by_feed: dict[int, list[str]] = {}
        for i in items:
            by_feed.setdefault(i.feed_id, []).append(i.guid)
        for feed_id, guids in by_feed.items():
            for n in range(0, len(guids), 500):
                for guid, aid in select_in(
                    conn,
                    "SELECT guid, article_id FROM entries WHERE feed_id = {m} AND guid",
                    guids[n : n + 500],
                    feed_id,
                ):
                    out.entry[(feed_id, guid)] = int(aid)
        urls = sorted({i.url for i in items if i.url})
        for n in range(0, len(urls), 500):
            for url, aid in select_in(
                conn, "SELECT url, article_id FROM article_urls WHERE url", urls[n : n + 500]
            ):
                out.url[url] = int(aid)
        fps = sorted({i.fingerprint for i in items})
        for n in range(0, len(fps), 500):
            for fp, aid in select_in(
                conn,
                "SELECT fingerprint, id FROM articles WHERE fingerprint",
                fps[n : n + 500],
                order="id",
            ):
                out.fp.setdefault(fp, int(aid))
        return out

    def winner(self, item: NewArticle) -> int | None:
        hit = self.entry.get((item.feed_id, item.guid))
        if hit is None and item.url:
            hit = self.url.get(item.url)
        return hit if hit is not None else self.fp.get(item.fingerprint)

    def add(self, item: NewArticle, article_id: int) -> None:
        self.entry.setdefault((item.feed_id, item.guid), article_id)
        if item.url:
            self.url.setdefault(item.url, article_id)
        self.fp.setdefault(item.fingerprint, article_id)


class _Rows:
    """Rows that hang off articles, written once per batch (executemany)."""

    def __init__(self) -> None:
        self.entries: dict[tuple[int, str], dict[str, object]] = {}
        self.urls: dict[str, dict[str, object]] = {}
        self.related: list[dict[str, object]] = []
        self.bands: list[tuple[int, int]] = []  # (hash, article_id)
        self.search: list[dict[str, object]] = []

    def attach(self, article_id: int, item: NewArticle) -> None:
        key = (item.feed_id, item.guid)
        self.entries.setdefault(
            key,
            {"feed_id": item.feed_id, "guid": item.guid, "article_id": article_id,
             "seen": item.fetched},
        )  # fmt: skip
        if item.url:
            self.urls.setdefault(item.url, {"url": item.url, "article_id": article_id})

    def write(self, s: Session) -> None:
        conn = s.connection()
        s.flush()
        _insert_missing(conn, EntryRow, list(self.entries.values()))
        _insert_missing(conn, ArticleUrlRow, list(self.urls.values()))
        if self.related:
            conn.execute(insert(RelatedUrlRow), self.related)
        if self.bands:
            # 32 rows an article: through the driver as tuples, not SQLAlchemy's
            # per-row parameter processing (~1M dicts in a 1,000-feed cold poll), and in
            # key order, so each B-tree page is visited once (-25% of the insert's CPU)
            insert_bands(conn, self.bands)
        if self.search:
            search_index.insert_segmented(conn, self.search)


def _insert_missing(conn: Connection, table: type, values: list[dict[str, object]]) -> None:
    """Insert rows whose primary key is not taken yet (an entry or URL already recorded for
    an article stays as it is)."""
    if not values:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).on_conflict_do_nothing(), values)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), values)


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


def _stored(s: Session, ids: set[int]) -> dict[int, StoredText]:
    if not ids:
        return {}
    rows = s.execute(
        select(
            ArticleRow.id,
            ArticleRow.lang,
            ArticleRow.published,
            ArticleRow.fetched,
            ArticleRow.fingerprint,
            ArticleRow.title,
            ArticleRow.summary,
            ArticleRow.body,
            ArticleRow.minhash,
        ).where(ArticleRow.id.in_(sorted(ids)))
    ).all()
    return {int(r[0]): StoredText(int(r[0]), *r[1:]) for r in rows}


def _insert(conn: Connection, batch: Sequence[PreparedArticle], rows: _Rows) -> list[int]:
    """The batch's article rows in one executemany with RETURNING (SQLAlchemy's
    "insertmanyvalues": a few multi-row INSERTs, ids in parameter order), and their
    dependent rows queued in `rows`. One Core insert per article was ~30,000 statements
    in a 1,000-feed cold poll, each paying SQLAlchemy's per-execute overhead."""
    if not batch:
        return []
    params = [
        {
            "feed_id": a.item.feed_id,
            "guid": a.item.guid,
            "url": a.item.url,
            "title": a.item.title,
            "summary": a.item.summary,
            "body": a.item.body,
            "author": a.item.author,
            "lang": a.item.lang,
            "lang_confidence": a.item.lang_confidence,
            "published": a.item.published,
            "fetched": a.item.fetched,
            "updated": a.item.fetched,
            "fingerprint": a.item.fingerprint,
            "minhash": a.item.minhash,
        }
        for a in batch
    ]
    ids = _article_ids(conn, params)
    for a, aid in zip(batch, ids, strict=True):
        item = a.item
        rows.attach(aid, item)
        rows.related.extend(
            {"article_id": aid, "url": link.url, "title": link.title, "summary": link.summary}
            for link in item.related
        )
        rows.bands += [(h, aid) for _, h in a.bands]
        rows.search.append({"id": aid, "t": a.search.title, "b": a.search.body, "tt": "", "bt": ""})
    return ids


def _article_ids(conn: Connection, params: list[dict[str, Any]]) -> list[int]:
    """Insert article rows; their ids in parameter order.

    SQLite: one driver executemany of tuples (values through each column's own bind
    processor, so stored values are what Core writes). Inside this write transaction no one
    else inserts, and an INTEGER PRIMARY KEY without AUTOINCREMENT takes max(id) + 1, so the
    ids are the next ones after the old maximum, which is checked. SQLAlchemy's
    insertmanyvalues with RETURNING spent ~2x SQLite's own insert time building statements.
    Elsewhere (PostgreSQL): RETURNING, ids in parameter order. Raises StorageError if the
    ids are not the expected run (a table with AUTOINCREMENT or a concurrent writer)."""
    if conn.dialect.name != "sqlite":
        return [int(r[0]) for r in conn.execute(_ARTICLE_INSERT, params)]
    procs = [(name, _ARTICLE_TABLE.c[name].type.bind_processor(conn.dialect)) for name in params[0]]
    rows = [tuple(p(row[n]) if p else row[n] for n, p in procs) for row in params]
    top = int(conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM articles").scalar_one())
    mark = driver_mark(conn)
    conn.exec_driver_sql(
        f"INSERT INTO articles ({', '.join(n for n, _ in procs)}) "
        f"VALUES ({', '.join([mark] * len(procs))})",
        rows,
    )
    got = tuple(
        conn.exec_driver_sql(
            f"SELECT COUNT(*), MIN(id), MAX(id) FROM articles WHERE id > {mark}", (top,)
        ).one()
    )
    if got != (len(rows), top + 1, top + len(rows)):
        raise StorageError(f"article ids after {top} are not the {len(rows)} inserted: {got}")
    return list(range(top + 1, top + 1 + len(rows)))


def _add_related(s: Session, article_id: int, item: NewArticle) -> None:
    for link in item.related:
        s.add(
            RelatedUrlRow(
                article_id=article_id, url=link.url, title=link.title, summary=link.summary
            )
        )


def rewrite_text(
    s: Session,
    row: ArticleRow,
    new: PreparedArticle | None,
    changed: Sequence[str],
    *,
    search: SearchText | None = None,
) -> None:
    """Give `row` new text and drop what was derived from the old: translations of the
    changed fields, its vector and story-linking keys (so it is embedded and analysed
    again), its MinHash bands (replaced by `new.bands`) and its search row (replaced by
    `new.search`, or `search`; translated columns of unchanged fields are kept). `new`
    None: the caller already set the row's text and moved its bands (a merge)."""
    if new is not None:
        item = new.item
        row.title, row.summary, row.body = item.title, item.summary, item.body
        row.lang, row.lang_confidence = item.lang, item.lang_confidence
        row.fingerprint, row.updated, row.minhash = item.fingerprint, item.fetched, item.minhash
        row.url = item.url or row.url
        row.published = item.published or row.published
        if item.related:
            s.execute(delete(RelatedUrlRow).where(RelatedUrlRow.article_id == row.id))
            _add_related(s, row.id, item)
        put_bands(s, row.id, new.bands)
        search = new.search
    dropped = sorted({f for c in changed for f in _COUPLED.get(c, (c,))})
    if dropped:
        s.execute(
            delete(TranslationRow).where(
                TranslationRow.article_id == row.id, TranslationRow.field.in_(dropped)
            )
        )
    for derived in (VectorRow, LinkKeysRow):  # embedded and analysed again from the new text
        s.execute(delete(derived).where(derived.article_id == row.id))
    s.flush()
    if search is not None:
        conn = s.connection()
        kept = search_index.translated_columns(conn, row.id)
        tt = "" if "title" in dropped else kept[0]
        bt = "" if "body" in dropped else kept[1]
        search_index.write_row(conn, row.id, search, (tt, bt))
