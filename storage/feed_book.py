"""The feed bookkeeping a poll does on every run (sync the config, claim, record outcomes),
as SQL over a DB-API connection (`Sql`), written once for both routes:

* `Storage` (its `FeedsMixin`) runs it on the raw connection of its own SQLAlchemy
  transaction, so pragmas, BEGIN IMMEDIATE and rollback are the engine's as for every
  other method;
* `FeedBook` runs it on a connection of its own from `connect.open_light`, and the ingest
  of new entries too (`ingest_sql`, the SQL `Storage` runs): a poll then never imports
  SQLAlchemy, warm (~0.35 of the ~0.55 CPU-s an all-304 poll of one feed cost) or cold
  (a new file is created at the schema by `connect.create_sqlite`).

Values are stored as SQLAlchemy stores them (`sql.Sql`), so either route reads what the
other wrote. Driver errors leave as `StorageError` with the masked message
`connect.describe` gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from aggregator.langs import as_feed_status
from aggregator.models import FeedConfig, FeedState, PageOutcome, PollOutcome

from .connect import mask_secrets
from .sql import Sql, as_storage_errors

if TYPE_CHECKING:  # not imported by an all-304 poll
    from aggregator.intents import IngestIntent, IngestLookup, IngestResult, PreparedArticle

_COLUMNS = (
    "id, name, config_url, url, language, tags, full_text, encoding, title, status, etag, "
    "last_modified, last_polled, next_poll, error_count, last_error, last_http_status, active"
)


class FeedRecord(NamedTuple):
    """One `feeds` row as `sync_feeds` reads it, values typed as SQLAlchemy gives them."""

    id: int
    name: str
    config_url: str
    url: str
    language: str | None
    tags: list[str]
    full_text: bool
    encoding: str | None
    title: str | None
    status: str
    etag: str | None
    last_modified: str | None
    last_polled: datetime | None
    next_poll: datetime | None
    error_count: int
    last_error: str | None
    last_http_status: int | None
    active: bool


def feed_state(row: Any) -> FeedState:
    """A stored feed (a `FeedRecord`, an ORM row or a Core row) as the pipeline's type."""
    return FeedState(
        id=row.id,
        name=row.name,
        config_url=row.config_url,
        url=row.url,
        language=row.language,
        tags=tuple(row.tags or ()),
        full_text=bool(row.full_text),
        encoding=row.encoding,
        title=row.title,
        status=as_feed_status(row.status),
        etag=row.etag,
        last_modified=row.last_modified,
        last_polled=row.last_polled,
        next_poll=row.next_poll,
        error_count=row.error_count,
        last_error=row.last_error,
        last_http_status=row.last_http_status,
    )


def feed_record(db: Sql, r: Sequence[Any]) -> FeedRecord:
    """A row of `SELECT {_COLUMNS}` with its values typed as SQLAlchemy types them."""
    tags = r[5]
    return FeedRecord(
        id=int(r[0]),
        name=r[1],
        config_url=r[2],
        url=r[3],
        language=r[4],
        tags=json.loads(tags) if isinstance(tags, (str, bytes)) else list(tags or ()),
        full_text=bool(r[6]),
        encoding=r[7],
        title=r[8],
        status=r[9],
        etag=r[10],
        last_modified=r[11],
        last_polled=db.read_when(r[12]),
        next_poll=db.read_when(r[13]),
        error_count=r[14],
        last_error=r[15],
        last_http_status=r[16],
        active=bool(r[17]),
    )


def sync_feeds(db: Sql, configs: Sequence[FeedConfig]) -> list[FeedState]:
    """`Storage.sync_feeds` (see there), in the caller's write transaction."""
    if db.pg:
        # pollers on several hosts start at once: one adds a new feed, not all of them
        from .postgres import XACT_LOCKS, lock_key

        db.rows(XACT_LOCKS.format(keys="?"), [[lock_key("sync_feeds")]])
    rows = [feed_record(db, r) for r in db.rows(f"SELECT {_COLUMNS} FROM feeds")]
    plan = sync_plan(rows, configs)
    js = db.json_slot()
    if plan.inserts:
        db.many(
            "INSERT INTO feeds (name, config_url, url, status, error_count, language, tags, "
            f"full_text, encoding, active) VALUES (?, ?, ?, 'new', 0, ?, {js}, ?, ?, ?)",
            [(c.name, c.url, c.url, *_config_values(c, True)) for c in plan.inserts],
        )
    sets = f"language = ?, tags = {js}, full_text = ?, encoding = ?, active = ?"
    if plan.resets:
        db.many(
            f"UPDATE feeds SET {sets}, config_url = ?, url = ?, etag = NULL, "
            "last_modified = NULL, status = 'new', error_count = 0, next_poll = NULL, "
            "last_error = NULL WHERE id = ?",
            [(*_config_values(c, True), c.url, c.url, fid) for fid, c in plan.resets],
        )
    if plan.updates:
        db.many(
            f"UPDATE feeds SET {sets} WHERE id = ?",
            [(*values, fid) for fid, values in plan.updates],
        )
    if plan.inserts or plan.resets or plan.updates:
        sql = f"SELECT {_COLUMNS} FROM feeds WHERE active ORDER BY id"
        active = [feed_record(db, r) for r in db.rows(sql)]
    else:
        active = sorted((r for r in rows if r.active), key=lambda r: int(r.id))
    return [feed_state(r) for r in active]


def _config_values(c: FeedConfig, active: bool) -> tuple[Any, ...]:
    # tags as the JSON text SQLAlchemy's JSON type writes (json.dumps, default settings)
    return (c.language, json.dumps(list(c.tags)), c.full_text, c.encoding, active)


@dataclass
class SyncPlan:
    """What makes the stored feeds match the config: feeds to insert, feeds whose config
    URL changed (reset, with the feed id), and feeds whose config columns changed (the id
    and the new language, tags as JSON, full_text, encoding, active)."""

    inserts: list[FeedConfig] = field(default_factory=list)
    resets: list[tuple[int, FeedConfig]] = field(default_factory=list)
    updates: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)


def sync_plan(rows: Sequence[FeedRecord], configs: Sequence[FeedConfig]) -> SyncPlan:
    """The writes that make the stored feeds `rows` match `configs`; only rows that change
    are written, so an unchanged config is one SELECT. Pure."""
    plan = SyncPlan()
    by_name = {r.name: r for r in rows}
    for c in configs:
        row = by_name.get(c.name)
        if row is None:
            plan.inserts.append(c)
        elif row.config_url != c.url:
            plan.resets.append((row.id, c))
        elif (row.language, row.tags, row.full_text, row.encoding, row.active) != (
            c.language,
            list(c.tags),
            c.full_text,
            c.encoding,
            True,
        ):
            plan.updates.append((row.id, _config_values(c, True)))
    wanted = {c.name for c in configs}
    for r in rows:
        if r.name not in wanted and r.active:
            kept = (r.language, json.dumps(list(r.tags)), r.full_text, r.encoding, False)
            plan.updates.append((r.id, kept))
    return plan


def claim_feeds(
    db: Sql, feeds: Sequence[FeedState], now: datetime, lease: timedelta
) -> list[FeedState]:
    """`Storage.claim_feeds` on PostgreSQL (see there), in the caller's write transaction:
    rows locked FOR UPDATE SKIP LOCKED, those whose `next_poll` is still what the caller
    read are leased until `now + lease`."""
    seen = {f.id: f.next_poll for f in feeds}
    rows = db.rows(
        "SELECT id, next_poll FROM feeds WHERE id = ANY(?) FOR UPDATE SKIP LOCKED",
        [list(seen)],
    )
    mine = {int(fid) for fid, nxt in rows if db.read_when(nxt) == seen[int(fid)]}
    if mine:
        db.run(
            "UPDATE feeds SET next_poll = ? WHERE id = ANY(?)", [db.when(now + lease), sorted(mine)]
        )
    return [f for f in feeds if f.id in mine]


# Validators, URL and title are only replaced by new ones (a NULL parameter keeps the
# stored value): a failing server must not cost the next conditional GET.
_RECORD_POLL = (
    "UPDATE feeds SET last_polled = ?, status = ?, last_http_status = ?, next_poll = ?, "
    "error_count = ?, last_error = ?, url = coalesce(?, url), etag = coalesce(?, etag), "
    "last_modified = coalesce(?, last_modified), title = coalesce(?, title) WHERE id = ?"
)


def record_polls(db: Sql, outcomes: Sequence[PollOutcome]) -> None:
    """`Storage.record_polls`: one executemany UPDATE in the caller's write transaction."""
    db.many(
        _RECORD_POLL,
        [
            (
                db.when(o.polled_at),
                o.status,
                o.http_status,
                db.when(o.next_poll),
                o.error_count,
                # an error text may quote a URL with a password in it (a database's, a feed's)
                None if o.error is None else mask_secrets(o.error),
                o.new_url or None,
                o.etag,
                o.last_modified,
                o.title or None,
                o.feed_id,
            )
            for o in outcomes
        ],
    )


class FeedBook:
    """A poll's writes on a connection of its own (`connect.open_light`), without
    SQLAlchemy: the feed bookkeeping of an all-304 poll, and the ingest of a poll whose
    feeds have new entries (`ingest_sql`, the SQL `Storage` runs too). Each method is one
    transaction (writers BEGIN IMMEDIATE, as `Storage` does). Raises StorageError."""

    def __init__(self, conn: Any, dialect: str, url: str, where: str) -> None:
        self.conn, self.dialect, self.url, self.where = conn, dialect, url, where

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[Sql]:
        with as_storage_errors(self.dialect, self.where):
            self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield Sql(self.conn, self.dialect)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # a failed COMMIT leaves it open too
                    self.conn.execute("ROLLBACK")
                raise

    def sync_feeds(self, configs: Sequence[FeedConfig]) -> list[FeedState]:
        with self._tx() as db:
            return sync_feeds(db, configs)

    def claim_feeds(
        self, feeds: Sequence[FeedState], now: datetime, lease: timedelta
    ) -> list[FeedState]:
        # only SQLite opens light: the poll lock file serializes its runs (see Storage)
        return list(feeds)

    def record_polls(self, outcomes: list[PollOutcome]) -> None:
        if outcomes:
            with self._tx() as db:
                record_polls(db, outcomes)

    def record_pages(self, feed_id: int, outcomes: Sequence[PageOutcome]) -> None:
        from .ingest_rows import record_pages

        if outcomes:
            with self._tx() as db:
                record_pages(db, feed_id, outcomes)

    def ingest_lookup(self, batch: Sequence[PreparedArticle]) -> IngestLookup:
        from .ingest_sql import lookup

        with self._tx(write=False) as db:
            return lookup(db, batch)

    def apply_ingest(self, intents: Sequence[IngestIntent]) -> IngestResult:
        from .ingest_sql import apply

        with self._tx() as db:
            return apply(db, intents)

    def close(self) -> None:
        self.conn.close()


def open_feed_book(db: str) -> FeedBook | None:
    """A `FeedBook` on the database `db` (a path or URL, as `Storage` takes it), or None
    where the full `Storage` must open it (see `connect.open_light`); a missing SQLite
    file is created first (`connect.create_sqlite`). Never raises."""
    from .connect import create_sqlite, open_light, safe_url, to_url

    url = to_url(db)
    create_sqlite(url)  # a first poll's new file: made here, at the current schema
    opened = open_light(url)
    if opened is None:
        return None
    conn, dialect = opened
    # named in errors exactly as Storage names it
    return FeedBook(conn, dialect, url, safe_url(db))
