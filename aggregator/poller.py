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
from typing import TYPE_CHECKING

from . import schedule
from .app import App
from .errors import ConfigError, FeedError, NewsdeskError, StorageError
from .fetch import FetchResult
from .langs import PollStatus
from .models import (
    Entry,
    FeedConfig,
    FeedState,
    NewArticle,
    PageOutcome,
    PollOutcome,
)
from .pages import with_full_text

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
    states = app.storage.sync_feeds(app.config.feeds)
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
    return app.storage.claim_feeds(chosen, now, CLAIM_LEASE), notes


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
    poll over: a database error here is logged and polling goes on."""
    from .dedup_refresh import refresh_signatures

    try:
        refresh_signatures(app.storage)
    except StorageError as exc:
        log.warning("MinHash refresh: %s", exc)


def poll_iter(app: App, feeds: list[FeedState]) -> Iterator[FeedReport]:
    """Fetch, parse and store these feeds (no linking or translation), yielding one report
    per feed as it finishes.

    Fetches run concurrently on the injected fetcher; each result is parsed and stored here,
    on the caller's thread, as it arrives. At most a few windows' worth of fetched bodies
    wait in memory, however many feeds there are. Raises StorageError only where the
    database fails for every feed (a feed's own failure is its report).
    """
    if not feeds:
        return
    _refresh_minhashes(app)
    limits = app.config.limits
    # Bodies of finished fetches wait here until parsed: bounded, as each may be 10 MB.
    window = max(2 * limits.concurrency, 16)
    rec = _Recorder(app)
    fetcher = app.fetcher(limits)
    try:
        queue = list(reversed(feeds))
        pending: dict[concurrent.futures.Future[FetchResult], FeedState] = {}

        def refill() -> None:
            while queue and len(pending) < window:
                s = queue.pop()
                pending[fetcher.submit(s.url, etag=s.etag, last_modified=s.last_modified)] = s

        refill()
        while pending:
            done, _ = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for fut in done:
                yield _process(app, rec, fetcher, pending.pop(fut), fut)
            refill()
    finally:
        try:
            rec.flush()
        finally:
            fetcher.close()


def _process(
    app: App,
    rec: _Recorder,
    fetcher: FetcherType,
    state: FeedState,
    fut: concurrent.futures.Future[FetchResult],
) -> FeedReport:
    try:
        return _store_feed(app, rec, fetcher, state, fut.result())
    except Exception as exc:  # a bug or hostile input: this feed fails, the run goes on
        log.debug("feed %s failed", state.url, exc_info=True)
        reason = str(exc) if isinstance(exc, NewsdeskError) else f"{type(exc).__name__}: {exc}"
        reason = reason.splitlines()[0][:300] if reason else type(exc).__name__
        if isinstance(exc, StorageError):  # not the feed's fault: recording it would fail too
            return FeedReport(state.name, "error", error=reason, storage=True)
        try:
            _record(app, rec, state, http_status=None, error=reason)
        except NewsdeskError:
            pass
        return FeedReport(state.name, "error", error=reason)


class _Recorder:
    """Poll outcomes written in batches: one transaction per feed would dominate a warm
    poll of thousands of feeds (measured: ~9 ms each). At worst a crash loses the states
    of one batch, and those feeds are simply polled again."""

    def __init__(self, app: App, size: int = 200, seconds: float = 2.0) -> None:
        self.app, self.size, self.seconds = app, size, seconds
        self.pending: list[PollOutcome] = []
        self.last = time.monotonic()

    def add(self, outcome: PollOutcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= self.size or time.monotonic() - self.last > self.seconds:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.app.storage.record_polls(self.pending)
            self.pending = []
        self.last = time.monotonic()


def _record(
    app: App,
    rec: _Recorder,
    state: FeedState,
    *,
    http_status: int | None,
    error: str | None = None,
    res: FetchResult | None = None,
    title: str | None = None,
    entries: int = 0,
    new_articles: int = 0,
    warning: str | None = None,
) -> PollOutcome:
    now = app.clock()
    retry_after = res.headers.get("retry-after") if res is not None else None
    d = schedule.decide(
        state,
        now,
        app.config.limits.interval_seconds,
        http_status=http_status,
        error=error,
        retry_after=retry_after,
    )
    ok = d.status in ("ok", "not_modified") and res is not None
    outcome = PollOutcome(
        feed_id=state.id,
        polled_at=now,
        status=d.status,
        http_status=http_status,
        new_url=res.permanent_url if ok and res is not None else None,
        etag=res.headers.get("etag") if ok and res is not None else None,
        last_modified=res.headers.get("last-modified") if ok and res is not None else None,
        title=title,
        # A malformed feed that still parsed is healthy, but `feeds` should say why it is odd.
        error=d.error if d.error or not warning else f"warning: {warning}",
        next_poll=d.next_poll,
        error_count=d.error_count,
        entries=entries,
        new_articles=new_articles,
    )
    rec.add(outcome)
    return outcome


def _store_feed(
    app: App, rec: _Recorder, fetcher: FetcherType, state: FeedState, res: FetchResult
) -> FeedReport:
    from .ingest import ingest
    from .parse import parse_feed

    if res.error is not None:
        o = _record(app, rec, state, http_status=res.status, error=res.error, res=res)
        log.info("%s: %s", state.url, o.error)
        return FeedReport(state.name, o.status, error=o.error)
    if res.status == 304:
        o = _record(app, rec, state, http_status=304, res=res)
        log.info("%s: not modified", state.url)
        return FeedReport(state.name, o.status, moved_to=o.new_url)
    try:
        parsed = parse_feed(res.body, res.headers, res.final_url, state.encoding, now=app.clock())
    except FeedError as exc:
        o = _record(app, rec, state, http_status=res.status, error=exc.message, res=res)
        return FeedReport(state.name, "error", error=o.error)
    entries = list(parsed.entries)
    pages: list[PageOutcome] = []
    if state.full_text and entries:
        entries, pages = with_full_text(app, fetcher, state, entries)
    t0 = time.perf_counter()
    built = build_articles(app, state, entries)
    t1 = time.perf_counter()
    stored = ingest(app.storage, built)
    app.storage.record_pages(state.id, pages)  # after the entries exist
    t2 = time.perf_counter()
    o = _record(
        app,
        rec,
        state,
        http_status=res.status,
        res=res,
        title=parsed.title,
        entries=len(entries),
        new_articles=len(stored.new),
        warning=parsed.warning,
    )
    if parsed.warning:
        log.warning("%s: malformed feed, kept what parsed: %s", state.url, parsed.warning)
    log.info("%s: %d entries, %d new", state.url, len(entries), len(stored.new))
    return FeedReport(
        state.name,
        o.status,
        entries=len(entries),
        new_articles=len(stored.new),
        warning=parsed.warning,
        moved_to=o.new_url,
        parse_seconds=parsed.parse_seconds,
        build_seconds=t1 - t0,
        store_seconds=t2 - t1,
    )


def build_articles(app: App, state: FeedState, entries: list[Entry]) -> list[NewArticle]:
    """Entries as articles: language detected on title + text, content fingerprint."""
    from .dedup import fingerprint
    from .language import detect

    fetched = app.clock()
    out = []
    for e in entries:
        body = e.content or e.summary
        summary = e.summary or body.split("\n\n", 1)[0][:600]
        guess = detect(f"{e.title}\n\n{body}", hint=state.language)
        out.append(
            NewArticle(
                feed_id=state.id,
                guid=e.guid,
                url=e.url,
                title=e.title,
                summary=summary,
                body=body,
                lang=guess.lang,
                lang_confidence=guess.confidence,
                published=e.published,
                fetched=fetched,
                fingerprint=fingerprint(e.title, body),
                author=e.author,
                related=e.related,
            )
        )
    return out
