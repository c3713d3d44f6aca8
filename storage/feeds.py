"""Feeds: configuration sync and per-feed polling state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from aggregator.models import FeedConfig, FeedState, PageOutcome, PageRetry, PollOutcome

from . import feed_book, ingest_rows
from .base import StorageBase
from .feed_book import feed_state
from .schema import EntryRow, FeedRow, PageRetryRow


class FeedsMixin(StorageBase):
    # The feed bookkeeping's SQL (`feed_book`) exists once, for this route and the poll's
    # light one (`feed_book.FeedBook`): it runs here in `_raw(write=True)` transactions.

    def sync_feeds(self, configs: Sequence[FeedConfig]) -> list[FeedState]:
        """Make the stored feeds match the config, keyed by name.

        A changed config URL resets the redirect-learned URL, validators and dead state (the
        user pointed the feed somewhere new); feeds gone from the config are kept inactive so
        their articles stay searchable. Plain driver statements, not ORM rows: every poll
        runs this over every feed, and loading, diffing and re-reading a thousand ORM rows
        cost ~0.09 CPU-s of each warm poll. Only rows that change are written (the config's
        own columns, plus the reset on a URL change), and an unchanged config is one SELECT.
        On PostgreSQL an advisory lock keeps pollers on several hosts from adding one new
        feed twice. Raises StorageError.
        """
        with self._raw(write=True) as db:
            return feed_book.sync_feeds(db, configs)

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
        with self._raw(write=True) as db:
            return feed_book.claim_feeds(db, feeds, now, lease)

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
        would otherwise spend most of its time committing one row at a time). Raises
        StorageError."""
        if not outcomes:
            return
        # One executemany UPDATE: loading a thousand ORM rows to set six columns cost a
        # warm (all-304) poll of 1,000 feeds about 0.25 CPU-s, a tenth of reader's whole poll.
        with self._raw(write=True) as db:
            feed_book.record_polls(db, outcomes)

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
        """Remember failed pages to try again (`retry`), forget the done ones
        (`ingest_rows.record_pages`, the light route's SQL too). Raises StorageError."""
        if outcomes:
            with self._raw(write=True) as db:
                ingest_rows.record_pages(db, feed_id, outcomes)
