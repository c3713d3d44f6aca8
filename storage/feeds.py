"""Feeds: configuration sync and per-feed polling state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Row, Table, Text, bindparam, func, insert, or_, select, update

from aggregator.langs import as_feed_status
from aggregator.models import FeedConfig, FeedState, PageOutcome, PageRetry, PollOutcome

from .base import StorageBase
from .engine import mask_secrets
from .postgres import lock_keys_xact
from .schema import EntryRow, FeedRow, PageRetryRow


def feed_state(row: FeedRow | Row[Any]) -> FeedState:
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


class FeedsMixin(StorageBase):
    def sync_feeds(self, configs: Sequence[FeedConfig]) -> list[FeedState]:
        """Make the stored feeds match the config, keyed by name.

        A changed config URL resets the redirect-learned URL, validators and dead state (the
        user pointed the feed somewhere new); feeds gone from the config are kept inactive so
        their articles stay searchable. Core statements, not ORM rows: every poll runs this
        over every feed, and loading, diffing and re-reading a thousand ORM rows cost ~0.09
        CPU-s of each warm poll. Only rows that change are written (the config's own columns,
        plus the reset on a URL change), and an unchanged config is one SELECT. Raises
        StorageError.
        """
        with self._tx() as s:
            if self.engine.dialect.name == "postgresql":
                # pollers on several hosts start at once: one adds a new feed, not all of them
                lock_keys_xact(s.connection(), ["sync_feeds"])
            rows = s.execute(select(_FEEDS)).all()
            plan = _sync_plan(rows, configs)
            if plan.inserts:
                s.execute(insert(_FEEDS), plan.inserts)
            if plan.resets:
                s.execute(_RESET_FEED, plan.resets)
            if plan.updates:
                s.execute(_SYNC_FEED, plan.updates)
            if plan.inserts or plan.resets or plan.updates:
                active = s.execute(
                    select(_FEEDS).where(_FEEDS.c.active).order_by(_FEEDS.c.id)
                ).all()
            else:
                active = sorted((r for r in rows if r.active), key=lambda r: int(r.id))
            return [feed_state(r) for r in active]

    def claim_feeds(
        self, feeds: Sequence[FeedState], now: datetime, lease: timedelta
    ) -> list[FeedState]:
        """The feeds of `feeds` this process may fetch now. On PostgreSQL (pollers on many
        hosts) a feed is claimed when its `next_poll` is still what the caller read: the
        row is locked (FOR UPDATE SKIP LOCKED: a feed another poller is claiming is
        skipped, not waited for) and its `next_poll` set to `now + lease`, so no other
        poller takes it until its outcome is recorded, or the lease runs out (a killed
        poller's feeds come back). SQLite: all of them (the poll lock file serializes runs).
        Raises StorageError."""
        if self.engine.dialect.name != "postgresql" or not feeds:
            return list(feeds)
        seen = {f.id: f.next_poll for f in feeds}
        with self._tx() as s:
            rows = s.execute(
                select(FeedRow.id, FeedRow.next_poll)
                .where(FeedRow.id.in_(list(seen)))
                .with_for_update(skip_locked=True)
            ).all()
            mine = [int(fid) for fid, nxt in rows if nxt == seen[int(fid)]]
            if mine:
                s.execute(update(FeedRow).where(FeedRow.id.in_(mine)).values(next_poll=now + lease))
        return [f for f in feeds if f.id in set(mine)]

    def list_feeds(self, include_inactive: bool = False) -> list[FeedState]:
        with self._read() as s:
            q = select(FeedRow).order_by(FeedRow.id)
            if not include_inactive:
                q = q.where(FeedRow.active)
            return [feed_state(r) for r in s.scalars(q)]

    def get_feed(self, name: str) -> FeedState | None:
        with self._read() as s:
            row = s.scalars(select(FeedRow).where(FeedRow.name == name)).first()
            return None if row is None else feed_state(row)

    def due_feeds(self, now: datetime) -> list[FeedState]:
        with self._read() as s:
            q = (
                select(FeedRow)
                .where(FeedRow.active, FeedRow.status != "dead")
                .where(or_(FeedRow.next_poll.is_(None), FeedRow.next_poll <= now))
                .order_by(FeedRow.id)
            )
            return [feed_state(r) for r in s.scalars(q)]

    def record_poll(self, outcome: PollOutcome) -> None:
        """Store what a poll learned. Validators are only replaced by new ones, never erased
        by an error, so a failing server does not cost us the next conditional GET."""
        self.record_polls([outcome])

    def record_polls(self, outcomes: list[PollOutcome]) -> None:
        """`record_poll` for many feeds in one transaction (a poll of thousands of feeds
        would otherwise spend most of its time committing one row at a time)."""
        if not outcomes:
            return
        # One executemany UPDATE: loading a thousand ORM rows to set six columns cost a
        # warm (all-304) poll of 1,000 feeds about 0.25 CPU-s, a tenth of reader's whole poll.
        with self._tx() as s:
            s.execute(_RECORD_POLL, [_poll_params(o) for o in outcomes])

    def known_guids(self, feed_id: int, guids: Sequence[str]) -> set[str]:
        """Which of these entry GUIDs this feed has already stored (the poller fetches full
        article pages only for the others)."""
        if not guids:
            return set()
        with self._read() as s:
            found: set[str] = set()
            for i in range(0, len(guids), 500):
                q = select(EntryRow.guid).where(
                    EntryRow.feed_id == feed_id, EntryRow.guid.in_(guids[i : i + 500])
                )
                found.update(s.scalars(q))
            return found

    def page_retries(self, feed_id: int, guids: Sequence[str]) -> dict[str, PageRetry]:
        """The failed article pages of these entries, by GUID. Raises StorageError."""
        if not guids:
            return {}
        with self._read() as s:
            out: dict[str, PageRetry] = {}
            for i in range(0, len(guids), 500):
                for r in s.scalars(
                    select(PageRetryRow).where(
                        PageRetryRow.feed_id == feed_id, PageRetryRow.guid.in_(guids[i : i + 500])
                    )
                ):
                    out[r.guid] = PageRetry(r.guid, r.url, r.attempts, r.next_try)
            return out

    def record_pages(self, feed_id: int, outcomes: Sequence[PageOutcome]) -> None:
        """Remember failed pages to try again (`retry`), forget the done ones. Raises
        StorageError."""
        if not outcomes:
            return
        with self._tx() as s:
            for o in outcomes:
                row = s.get(PageRetryRow, (feed_id, o.guid))
                if o.retry is None:
                    if row is not None:
                        s.delete(row)
                    continue
                if row is None:
                    row = PageRetryRow(feed_id=feed_id, guid=o.guid)
                    s.add(row)
                row.url, row.attempts, row.next_try = o.url, o.retry.attempts, o.retry.next_try
                row.last_error = o.error


_FEEDS = cast(Table, FeedRow.__table__)
# Validators, URL and title are only replaced by new ones (a None parameter keeps the
# stored value): a failing server must not cost the next conditional GET.
_RECORD_POLL = (
    update(_FEEDS)
    .where(_FEEDS.c.id == bindparam("fid"))
    .values(
        last_polled=bindparam("polled"),
        status=bindparam("status"),
        last_http_status=bindparam("http_status"),
        next_poll=bindparam("next_poll"),
        error_count=bindparam("error_count"),
        last_error=bindparam("error"),
        url=func.coalesce(bindparam("new_url", type_=Text), _FEEDS.c.url),
        etag=func.coalesce(bindparam("etag", type_=Text), _FEEDS.c.etag),
        last_modified=func.coalesce(bindparam("modified", type_=Text), _FEEDS.c.last_modified),
        title=func.coalesce(bindparam("title", type_=Text), _FEEDS.c.title),
    )
)


def _poll_params(outcome: PollOutcome) -> dict[str, object]:
    return {
        "fid": outcome.feed_id,
        "polled": outcome.polled_at,
        "status": outcome.status,
        "http_status": outcome.http_status,
        "next_poll": outcome.next_poll,
        "error_count": outcome.error_count,
        # an error text may quote a URL with a password in it (a database's, a feed's)
        "error": None if outcome.error is None else mask_secrets(outcome.error),
        "new_url": outcome.new_url or None,
        "etag": outcome.etag,
        "modified": outcome.last_modified,
        "title": outcome.title or None,
    }


# What `sync_feeds` writes: the config's own columns on every changed row, and on a row
# whose config URL changed, the reset of what polling learned from the old URL as well.
# Parameters are named `v_<column>`: SQLAlchemy keeps bare column names for itself.
_SYNC_COLUMNS = ("language", "tags", "full_text", "encoding", "active")
_SYNC_VALUES: dict[str, Any] = {c: bindparam(f"v_{c}") for c in _SYNC_COLUMNS}
_SYNC_FEED = update(_FEEDS).where(_FEEDS.c.id == bindparam("fid")).values(_SYNC_VALUES)
_RESET_FEED = (
    update(_FEEDS)
    .where(_FEEDS.c.id == bindparam("fid"))
    .values(
        _SYNC_VALUES
        | {
            "config_url": bindparam("v_url"),
            "url": bindparam("v_url"),
            "etag": None,
            "last_modified": None,
            "status": "new",
            "error_count": 0,
            "next_poll": None,
            "last_error": None,
        }
    )
)


@dataclass
class _SyncPlan:
    """The rows `sync_feeds` inserts, resets (config URL changed) and updates."""

    inserts: list[dict[str, Any]] = field(default_factory=list)
    resets: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)


def _sync_plan(rows: Sequence[Row[Any]], configs: Sequence[FeedConfig]) -> _SyncPlan:
    """What makes the stored feeds `rows` match `configs`, as statement parameters. Pure."""
    plan = _SyncPlan()
    by_name = {r.name: r for r in rows}
    for c in configs:
        want = {
            "language": c.language,
            "tags": list(c.tags),
            "full_text": c.full_text,
            "encoding": c.encoding,
            "active": True,
        }
        row = by_name.get(c.name)
        if row is None:
            new = {"name": c.name, "config_url": c.url, "url": c.url, "status": "new"}
            plan.inserts.append(new | {"error_count": 0} | want)
        elif row.config_url != c.url:
            plan.resets.append({"fid": row.id, "v_url": c.url} | _prefixed(want))
        elif any(getattr(row, k) != v for k, v in want.items()):
            plan.updates.append({"fid": row.id} | _prefixed(want))
    wanted = {c.name for c in configs}
    for r in rows:
        if r.name not in wanted and r.active:
            kept = {k: getattr(r, k) for k in _SYNC_COLUMNS}
            plan.updates.append({"fid": r.id} | _prefixed(kept | {"active": False}))
    return plan


def _prefixed(values: dict[str, Any]) -> dict[str, Any]:
    return {f"v_{k}": v for k, v in values.items()}
