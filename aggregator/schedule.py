"""Polling decisions as pure functions: is a feed due, and what does a fetch result mean
for its next poll (reader's `Decider`: no I/O here, so every rule is unit-testable).

Politeness is per feed, never per domain (FreshRSS#7870): a 429 from one feed must not
block its neighbours on the same host.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from .langs import PollStatus
from .models import FeedState

# Longest we believe a server's Retry-After or our own backoff; beyond that a typo in a
# header (or years of failures) would silence a feed for good.
MAX_RETRY_AFTER = timedelta(days=7)
MAX_BACKOFF = timedelta(days=1)
POLITE_STATUSES = (429, 503)


@dataclass(frozen=True)
class Decision:
    """The PollOutcome fields a fetch result decides."""

    status: PollStatus
    next_poll: datetime | None
    error_count: int
    error: str | None = None


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as seconds or an HTTP date, as an absolute UTC time; None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        when = now + timedelta(seconds=int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        when = when.astimezone(UTC)
    return min(max(when, now), now + MAX_RETRY_AFTER)


def backoff(error_count: int, interval: timedelta) -> timedelta:
    """Wait after the n-th consecutive failure: the interval, then doubling, capped at a day."""
    n = max(1, error_count)
    if n > 20:
        return MAX_BACKOFF
    wait: timedelta = interval * (2 ** (n - 1))
    return min(wait, max(MAX_BACKOFF, interval))


def under_retry_after(state: FeedState, now: datetime) -> bool:
    """Whether the server told us to wait (429/503) and the wait is not over."""
    return (
        state.last_http_status in POLITE_STATUSES
        and state.next_poll is not None
        and state.next_poll > now
    )


def is_due(state: FeedState, now: datetime, *, force: bool = False) -> bool:
    """Dead feeds never; a server's Retry-After always; the schedule unless `force`."""
    if state.status == "dead":
        return False
    if under_retry_after(state, now):
        return False
    if force:
        return True
    return state.next_poll is None or state.next_poll <= now


def decide(
    prev: FeedState,
    now: datetime,
    interval_seconds: int,
    *,
    http_status: int | None,
    error: str | None = None,
    retry_after: str | None = None,
) -> Decision:
    """What a fetch result means: `error` set for any failure (transport, HTTP, parse).

    410 Gone marks the feed dead; 429/503 wait at least as long as Retry-After says;
    other failures back off exponentially; a success resets the error count.
    """
    interval = timedelta(seconds=interval_seconds)
    if http_status == 410:
        return Decision("dead", None, prev.error_count + 1, error or "gone (HTTP 410)")
    if error is None and http_status == 304:
        return Decision("not_modified", now + interval, 0)
    if error is None:
        return Decision("ok", now + interval, 0)
    count = prev.error_count + 1
    wait = now + backoff(count, interval)
    if http_status in POLITE_STATUSES:
        told = parse_retry_after(retry_after, now)
        if told is not None:
            wait = max(told, now + timedelta(seconds=1))
            error = f"{error}; retry after {told.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    return Decision("error", wait, count, error)


PAGE_RETRY_BASE = timedelta(hours=1)
PAGE_ATTEMPTS = 4  # 1 h, 4 h, 16 h after the first failure, then the feed's text stands


def page_retry_at(attempts: int, now: datetime, http_status: int | None) -> datetime | None:
    """When to fetch a failed article page again, or None to give up. Pure.

    A page that is gone (404, 410) or refused (401, 403) is not asked for again; a busy or
    broken server (timeouts, 5xx, 429) is, with the wait growing fourfold, never every run.
    """
    if http_status in (401, 403, 404, 410) or attempts >= PAGE_ATTEMPTS:
        return None
    wait: timedelta = PAGE_RETRY_BASE * int(4 ** (attempts - 1))
    return now + wait
