"""Full text: the article pages behind a feed's entries, fetched politely.

Pages of new entries are fetched, and pages that failed before once their retry is due
(`schedule.page_retry_at`: 1 h, 4 h, 16 h, never every run), at most MAX_PAGES_PER_FEED per
feed per run, through the poll's fetcher and so its per-host limits. A page that cannot be
had or read leaves the feed's own text in place.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from . import schedule
from .models import Entry, FeedState, PageOutcome, PageRetry

if TYPE_CHECKING:
    from .app import App
    from .protocols import FetcherType

log = logging.getLogger("newsdesk.poll")

MAX_PAGES_PER_FEED = 50  # full-text page fetches per feed per run
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def with_full_text(
    app: App, fetcher: FetcherType, state: FeedState, entries: list[Entry]
) -> tuple[list[Entry], list[PageOutcome]]:
    """The entries with their article page's main text where it could be had, and what
    each page fetch did.

    Pages of new entries are fetched, and pages that failed before once their retry is
    due (`schedule.page_retry_at`: backoff, never every run), at most MAX_PAGES_PER_FEED
    per feed per run, through the same fetcher and per-host limits as feeds.
    """
    from .extract import extract_article

    guids = [e.guid for e in entries]
    known = app.storage.known_guids(state.id, guids)
    retries = app.storage.page_retries(state.id, [g for g in guids if g in known])
    now = app.clock()
    new = [i for i, e in enumerate(entries) if e.guid not in known and e.url]
    due = [
        i
        for i, e in enumerate(entries)
        if e.guid in retries and retries[e.guid].next_try <= now and e.url
    ]
    todo = (new + due)[:MAX_PAGES_PER_FEED]
    futures = [fetcher.submit(entries[i].url or "", accept=PAGE_ACCEPT) for i in todo]
    out = list(entries)
    outcomes: list[PageOutcome] = []
    for i, fut in zip(todo, futures, strict=True):
        page, entry = fut.result(), entries[i]
        url = entry.url or ""
        if page.error is not None or page.status != 200 or not page.body:
            before = retries.get(entry.guid)
            attempts = before.attempts + 1 if before is not None else 1
            when = schedule.page_retry_at(attempts, now, page.status)
            retry = PageRetry(entry.guid, url, attempts, when) if when is not None else None
            outcomes.append(PageOutcome(entry.guid, url, retry, page.error))
            log.info("%s: full text unavailable: %s", url, page.error)
            continue
        outcomes.append(PageOutcome(entry.guid, url))
        try:
            extracted = extract_article(page.body, page.headers.get("content-type"), page.final_url)
        except Exception:  # a page we cannot read keeps the feed's own text
            log.debug("extracting %s failed", url, exc_info=True)
            continue
        if extracted.text:
            out[i] = replace(entry, content=extracted.text, related=extracted.related)
    return out, outcomes
