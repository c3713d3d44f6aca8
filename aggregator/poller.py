"""Polling: fetch the due feeds concurrently, parse, and hand each feed's entries to ingest.

I/O sits here; decisions are in `schedule` (when, backoff, dead), `parse` (what a feed
says) and `ingest.decide` (what is new, a copy or an update). Progress is what
`poll_iter` yields; nothing here draws on a terminal. One bad feed never stops the others:
every failure, even a bug tripped by hostile input, becomes that feed's recorded error.
"""

from __future__ import annotations

import concurrent.futures
import logging
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING

from . import schedule
from .app import App
from .errors import ConfigError, FeedError, StorageError
from .fetch import FetchResult
from .langs import PollStatus
from .models import (
    FeedConfig,
    FeedState,
    PageOutcome,
)
from .pages import with_full_text
from .poll_store import (
    ParsedWork,
    Recorder,
    StoreBatch,
    build_articles,
    failure,
    record,
)

if TYPE_CHECKING:
    from .pipeline import AfterIngestReport
    from .protocols import FetcherType

log = logging.getLogger("newsdesk.poll")


@dataclass(frozen=True)
class FeedReport:
    """What polling one feed did: what `Newsdesk.poll_iter` yields, one per feed."""

    name: str
    status: PollStatus
    entries: int = 0
    new_articles: int = 0
    error: str | None = None
    warning: str | None = None
    moved_to: str | None = None
    parse_seconds: float = 0.0  # parse_feed (feedparser, decoding, cleaning)
    build_seconds: float = 0.0  # language detection and fingerprints
    store_seconds: float = 0.0  # signatures, segmentation, lookup and the write
    storage: bool = False  # the failure was the database's, not the feed's


@dataclass
class PollReport:
    feeds: list[FeedReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # asked for, but dead or told to wait
    after: AfterIngestReport | None = None  # when the post-ingest steps ran
    elapsed: float = 0.0

    @property
    def parse_seconds(self) -> float:
        return sum(f.parse_seconds for f in self.feeds)

    @property
    def build_seconds(self) -> float:
        return sum(f.build_seconds for f in self.feeds)

    @property
    def store_seconds(self) -> float:
        return sum(f.store_seconds for f in self.feeds)

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.status in ("error", "dead")]

    @property
    def new_articles(self) -> int:
        return sum(f.new_articles for f in self.feeds)

    @property
    def entries(self) -> int:
        return sum(f.entries for f in self.feeds)

    def error_lines(self) -> list[str]:
        """One line per failed feed, except that a database failure (the same for every
        feed) is one line for all; when every feed failed, a last line says how many and
        the most common cause (an offline first poll, a dead proxy)."""
        failed = self.failed
        lines = [f"feed {f.name!r}: {f.error or f.status}" for f in failed if not f.storage]
        by_cause = Counter(f.error or f.status for f in failed if f.storage)
        for cause, n in by_cause.items():
            lines.append(f"database: {cause} ({n} feed(s) not stored)")
        if len(failed) > 1 and len(failed) == len(self.feeds):
            causes = Counter(_cause(f.error or f.status) for f in failed)
            cause, n = causes.most_common(1)[0]
            lines.append(f"all {len(failed)} feeds failed; most common cause ({n}): {cause}")
        if self.after is not None:
            lines.extend(self.after.errors)
        return lines


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b")


def _cause(error: str) -> str:
    """An error without the addresses in it: what feeds failing alike have in common."""
    return " ".join(_ADDRESS.sub("…", error).split())


# How long a claimed feed stays with the poller that claimed it before another may take it
# (a poller killed mid-run): longer than any poll's fetch phase.
CLAIM_LEASE = timedelta(minutes=30)


def select_feeds(
    app: App, *, force: bool = False, name: str | None = None
) -> tuple[list[FeedState], list[str]]:
    """The feeds to poll now, and notes on those asked for but held back (dead, Retry-After).

    Raises ConfigError for an unknown `name` (exit 2).
    """
    states = app.feeds_book.sync_feeds(app.config.feeds)
    now = app.clock()
    notes: list[str] = []
    if name is not None:
        states = [s for s in states if s.name == name]
        if not states:
            raise ConfigError(f"no feed named {name!r} in the config")
        force = True
    chosen = []
    for s in states:
        if schedule.is_due(s, now, force=force):
            chosen.append(s)
        elif s.status == "dead" and name is not None:
            notes.append(f"feed {s.name!r} is dead (HTTP 410); change its url to revive it")
        elif schedule.under_retry_after(s, now) and (force or name is not None):
            assert s.next_poll is not None
            when = s.next_poll.strftime("%Y-%m-%dT%H:%M:%SZ")
            notes.append(f"feed {s.name!r}: server asked to wait until {when}")
    # Pollers on other hosts (a shared PostgreSQL database) may want the same feeds: fetch
    # only those this process claims, so each feed is fetched once per due period.
    return app.feeds_book.claim_feeds(chosen, now, CLAIM_LEASE), notes


def configured_states(
    configs: Sequence[FeedConfig], stored: Sequence[FeedState]
) -> list[FeedState]:
    """The configured feeds as `feeds` shows them, in config order: the stored state where
    one exists (by name), a `new` state for a feed never polled. Pure."""
    by_name = {s.name: s for s in stored}
    out: list[FeedState] = []
    for c in configs:
        s = by_name.get(c.name)
        if s is None:
            s = FeedState(
                id=0,
                name=c.name,
                config_url=c.url,
                url=c.url,
                language=c.language,
                tags=c.tags,
                full_text=c.full_text,
                encoding=c.encoding,
                title=None,
                status="new",
                etag=None,
                last_modified=None,
                last_polled=None,
                next_poll=None,
                error_count=0,
                last_error=None,
                last_http_status=None,
            )
        elif s.config_url != c.url:
            s = replace(s, config_url=c.url, url=c.url)  # the next poll follows the config
        out.append(s)
    return out


def _refresh_minhashes(app: App) -> None:
    """Before storing: recompute signatures an older MinHash scheme left (schema v5), newest
    first, so this poll's items match recent stored articles. Dedup is not worth failing a
    poll over: a database error here is logged and polling goes on. Skipped while only the
    light feed book is open: it opens only where no refresh is pending
    (`storage.connect.open_light`), and only a schema upgrade starts one."""
    if not app.storage_open:
        return
    from .dedup_refresh import refresh_signatures

    try:
        refresh_signatures(app.storage)
    except StorageError as exc:
        log.warning("MinHash refresh: %s", exc)


def poll_iter(app: App, feeds: list[FeedState]) -> Iterator[FeedReport]:
    """Fetch, parse and store these feeds (no linking or translation), yielding one report
    per feed as it is stored.

    Fetches run concurrently on the injected fetcher; each result is parsed here, on the
    caller's thread, as it arrives, and stored with others in a batch (`poll_store`). At
    most a few windows' worth of fetched bodies wait in memory, however many feeds there
    are. Raises StorageError only where the database fails for every feed (a feed's own
    failure is its report).
    """
    if not feeds:
        return
    _refresh_minhashes(app)
    limits = app.config.limits
    # Bodies of finished fetches wait here until parsed: bounded, as each may be 10 MB.
    window = max(2 * limits.concurrency, 16)
    rec = Recorder(app)
    batch = StoreBatch(app, rec)
    fetcher = app.fetcher(limits)
    try:
        queue = list(reversed(feeds))
        pending: dict[concurrent.futures.Future[FetchResult], FeedState] = {}
        # Finished fetches arrive here (a done-callback), so each costs O(1) to collect:
        # `concurrent.futures.wait` hooked and unhooked a waiter on every pending future
        # for every completion.
        finished: SimpleQueue[concurrent.futures.Future[FetchResult]] = SimpleQueue()

        def refill() -> None:
            while queue and len(pending) < window:
                s = queue.pop()
                fut = fetcher.submit(s.url, etag=s.etag, last_modified=s.last_modified)
                pending[fut] = s
                fut.add_done_callback(finished.put)

        refill()
        while pending:
            for fut in _collect(finished, batch.wait_seconds()):
                out = _process(app, rec, fetcher, pending.pop(fut), fut)
                yield from [out] if isinstance(out, FeedReport) else batch.add(out)
            if batch.due():  # slow fetches: what was parsed does not wait for them
                yield from batch.flush()
            refill()
        yield from batch.flush()
    finally:
        try:
            batch.flush()  # a run cut short still stores what it parsed
            rec.flush()
        finally:
            fetcher.close()


def _collect(
    finished: SimpleQueue[concurrent.futures.Future[FetchResult]], timeout: float | None
) -> list[concurrent.futures.Future[FetchResult]]:
    """Every fetch finished by now, waiting up to `timeout` (None: for ever) for the first;
    none when the time runs out."""
    try:
        done = [finished.get(timeout=timeout)]
    except Empty:
        return []
    while True:
        try:
            done.append(finished.get_nowait())
        except Empty:
            return done


def _process(
    app: App,
    rec: Recorder,
    fetcher: FetcherType,
    state: FeedState,
    fut: concurrent.futures.Future[FetchResult],
) -> FeedReport | ParsedWork:
    try:
        return _parse_feed(app, rec, fetcher, state, fut.result())
    except Exception as exc:  # a bug or hostile input: this feed fails, the run goes on
        return failure(app, rec, state, exc)


def _parse_feed(
    app: App, rec: Recorder, fetcher: FetcherType, state: FeedState, res: FetchResult
) -> FeedReport | ParsedWork:
    """A feed's fetch as a report (an error, 304 or no feed) or as articles to store."""
    if res.error is not None:
        o = record(app, rec, state, http_status=res.status, error=res.error, res=res)
        log.info("%s: %s", state.url, o.error)
        return FeedReport(state.name, o.status, error=o.error)
    if res.status == 304:
        o = record(app, rec, state, http_status=304, res=res)
        log.info("%s: not modified", state.url)
        return FeedReport(state.name, o.status, moved_to=o.new_url)
    from .parse import parse_feed  # here, not above: an all-304 poll never parses

    try:
        parsed = parse_feed(res.body, res.headers, res.final_url, state.encoding, now=app.clock())
    except FeedError as exc:
        o = record(app, rec, state, http_status=res.status, error=exc.message, res=res)
        return FeedReport(state.name, "error", error=o.error)
    entries = list(parsed.entries)
    pages: list[PageOutcome] = []
    if state.full_text and entries:
        entries, pages = with_full_text(app, fetcher, state, entries)
    t0 = time.perf_counter()
    built = build_articles(app, state, entries)
    return ParsedWork(state, res, parsed, entries, pages, built, time.perf_counter() - t0)
