"""Storing what a poll fetched: parse each feed, then store several feeds in one batch.

A write transaction per feed was most of a cold poll's database time: every commit copies
the pages it dirtied to the WAL, and the near-duplicate band index is written at random
places, so 30 articles dirty nearly as many pages as 300 (1,000 feeds: 18.7 CPU-s of
SQLite work with one commit per feed, 10.1 with one per ten, replayed on the same rows).
So parsed feeds wait in a `StoreBatch` until it holds BATCH_ARTICLES articles or has
waited BATCH_SECONDS, and are stored in one `ingest`.

Crash safety is unchanged: a feed's poll outcome (its new ETag) is recorded only after its
articles are committed, so a crash before that loses nothing; the feed is fetched again.
A batch is stored in the feeds' own order (their ids), not the order their fetches
finished: which of two copies is kept, the article ids and so the stories built from them
would otherwise change with the threads' timing from one run of the same feeds to the next.
Near copies arriving in one batch from two feeds are folded by the linker's
`merge_pending_near_duplicates`, as for two feeds polled in one run. One bad feed still
costs only itself: a batch that fails is stored again feed by feed.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import schedule
from .app import App
from .errors import NewsdeskError, StorageError
from .fetch import FetchResult
from .models import Entry, FeedState, NewArticle, PageOutcome, PollOutcome

if TYPE_CHECKING:
    from .parse import ParsedFeed
    from .poller import FeedReport

log = logging.getLogger("newsdesk.poll")

# Articles per write transaction. Each commit rewrites every band-index page the batch
# touched (random keys: nearly all of them), so fewer, larger batches write less: replaying
# 1,000 feeds, 300 -> 600 cut storing 9.7 -> 8.6 CPU-s for ~4 MB more peak RSS (900: a
# further 0.2 CPU-s for 4 MB more).
BATCH_ARTICLES = 600
BATCH_SECONDS = 2.0  # the longest a parsed feed waits for others before it is stored


class Recorder:
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
            self.app.feeds_book.record_polls(self.pending)
            self.pending = []
        self.last = time.monotonic()


def record(
    app: App,
    rec: Recorder,
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
    """Decide (schedule) and queue this feed's poll outcome."""
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


def failure(app: App, rec: Recorder, state: FeedState, exc: BaseException) -> FeedReport:
    """A feed that failed on a bug or hostile input: its recorded error, the run goes on."""
    from .poller import FeedReport

    log.debug("feed %s failed", state.url, exc_info=exc)
    reason = str(exc) if isinstance(exc, NewsdeskError) else f"{type(exc).__name__}: {exc}"
    reason = reason.splitlines()[0][:300] if reason else type(exc).__name__
    if isinstance(exc, StorageError):  # not the feed's fault: recording it would fail too
        return FeedReport(state.name, "error", error=reason, storage=True)
    try:
        record(app, rec, state, http_status=None, error=reason)
    except NewsdeskError:
        pass
    return FeedReport(state.name, "error", error=reason)


@dataclass(frozen=True)
class ParsedWork:
    """One feed fetched, parsed and built into articles, waiting to be stored."""

    state: FeedState
    res: FetchResult
    parsed: ParsedFeed
    entries: list[Entry]
    pages: list[PageOutcome]
    built: list[NewArticle]
    build_seconds: float


class StoreBatch:
    """Parsed feeds waiting to be stored together (see the module docstring)."""

    def __init__(self, app: App, rec: Recorder) -> None:
        self.app, self.rec = app, rec
        self.works: list[ParsedWork] = []
        self.articles = 0
        self.since = time.monotonic()

    def add(self, work: ParsedWork) -> list[FeedReport]:
        """Queue one feed; the reports of the feeds stored now (none while it waits)."""
        if not self.works:
            self.since = time.monotonic()
        self.works.append(work)
        self.articles += len(work.built)
        if self.articles >= BATCH_ARTICLES or time.monotonic() - self.since > BATCH_SECONDS:
            return self.flush()
        return []

    def wait_seconds(self) -> float | None:
        """How long the poll may wait for the next fetch before storing what waits here."""
        return BATCH_SECONDS if self.works else None

    def due(self) -> bool:
        """Whether the waiting feeds have waited long enough to be stored without more."""
        return bool(self.works) and time.monotonic() - self.since > BATCH_SECONDS

    def flush(self) -> list[FeedReport]:
        """Store every waiting feed; one report per feed, failures included."""
        works, self.works, self.articles = self.works, [], 0
        works.sort(key=lambda w: w.state.id)  # the feeds' order, not the fetches' (above)
        if not works:
            return []
        try:
            return self._store(works)
        except StorageError as exc:  # the database's failure, the same for every feed
            return [failure(self.app, self.rec, w.state, exc) for w in works]
        except Exception as exc:  # a bug or hostile input: find the feed, store the rest
            if len(works) == 1:
                return [failure(self.app, self.rec, works[0].state, exc)]
        reports: list[FeedReport] = []
        for work in works:
            try:
                reports.extend(self._store([work]))
            except Exception as exc:  # a bug or hostile input: this feed fails, not the run
                reports.append(failure(self.app, self.rec, work.state, exc))
        return reports

    def _store(self, works: list[ParsedWork]) -> list[FeedReport]:
        from .ingest import ingest

        t0 = time.perf_counter()
        # the light feed book stores too (no SQLAlchemy), until something opened `storage`
        stored = ingest(self.app.feeds_book, [a for w in works for a in w.built])
        for w in works:
            self.app.feeds_book.record_pages(w.state.id, w.pages)  # after the entries exist
        share = (time.perf_counter() - t0) / max(1, sum(len(w.built) for w in works))
        new_by_feed = Counter(stored.new_feeds)
        return [self._report(w, new_by_feed[w.state.id], share * len(w.built)) for w in works]

    def _report(self, w: ParsedWork, new: int, store_seconds: float) -> FeedReport:
        from .poller import FeedReport

        o = record(
            self.app,
            self.rec,
            w.state,
            http_status=w.res.status,
            res=w.res,
            title=w.parsed.title,
            entries=len(w.entries),
            new_articles=new,
            warning=w.parsed.warning,
        )
        if w.parsed.warning:
            log.warning("%s: malformed feed, kept what parsed: %s", w.state.url, w.parsed.warning)
        log.info("%s: %d entries, %d new", w.state.url, len(w.entries), new)
        return FeedReport(
            w.state.name,
            o.status,
            entries=len(w.entries),
            new_articles=new,
            warning=w.parsed.warning,
            moved_to=o.new_url,
            parse_seconds=w.parsed.parse_seconds,
            build_seconds=w.build_seconds,
            store_seconds=store_seconds,
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
