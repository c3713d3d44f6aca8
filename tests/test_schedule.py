"""Scheduling decisions (pure): due, backoff, Retry-After in both forms, 410 dead."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from aggregator.models import FeedState
from aggregator.schedule import (
    MAX_RETRY_AFTER,
    backoff,
    decide,
    is_due,
    parse_retry_after,
)

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
HOUR = 3600


def state(**kw: object) -> FeedState:
    base = FeedState(
        id=1,
        name="f",
        config_url="https://e.com/f",
        url="https://e.com/f",
        language=None,
        tags=(),
        full_text=False,
        encoding=None,
        title=None,
        status="ok",
        etag=None,
        last_modified=None,
        last_polled=None,
        next_poll=None,
        error_count=0,
        last_error=None,
        last_http_status=200,
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_retry_after_seconds_and_http_date() -> None:
    assert parse_retry_after("120", NOW) == NOW + timedelta(seconds=120)
    when = parse_retry_after("Thu, 15 Jan 2026 13:30:00 GMT", NOW)
    assert when == datetime(2026, 1, 15, 13, 30, tzinfo=UTC)
    assert parse_retry_after("Thu, 15 Jan 2026 11:00:00 GMT", NOW) == NOW  # past: now
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after("", NOW) is None
    assert parse_retry_after("99999999999", NOW) == NOW + MAX_RETRY_AFTER


def test_success_resets_errors_and_schedules_interval() -> None:
    d = decide(state(error_count=3, status="error"), NOW, HOUR, http_status=200)
    assert (d.status, d.error_count, d.next_poll) == ("ok", 0, NOW + timedelta(hours=1))
    d = decide(state(), NOW, HOUR, http_status=304)
    assert d.status == "not_modified" and d.next_poll == NOW + timedelta(hours=1)


def test_failures_back_off_exponentially_with_a_cap() -> None:
    waits = []
    s = state()
    for _ in range(8):
        d = decide(s, NOW, HOUR, http_status=500, error="HTTP 500")
        assert d.status == "error" and d.next_poll is not None
        waits.append(d.next_poll - NOW)
        s = replace(s, error_count=d.error_count)
    assert waits[:4] == [timedelta(hours=h) for h in (1, 2, 4, 8)]
    assert max(waits) == timedelta(days=1)
    assert backoff(1000, timedelta(minutes=30)) == timedelta(days=1)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_overrides_backoff(status: int) -> None:
    d = decide(state(), NOW, HOUR, http_status=status, error="busy", retry_after="7200")
    assert d.next_poll == NOW + timedelta(hours=2)
    assert d.error is not None and "retry after" in d.error
    # The wait holds even against --all, but only for this feed.
    waiting = state(status="error", next_poll=d.next_poll, last_http_status=status)
    assert not is_due(waiting, NOW, force=True)
    assert is_due(waiting, NOW + timedelta(hours=2), force=False)


def test_410_is_dead_forever() -> None:
    d = decide(state(), NOW, HOUR, http_status=410, error="HTTP 410 Gone")
    assert d.status == "dead" and d.next_poll is None
    dead = state(status="dead", last_http_status=410)
    assert not is_due(dead, NOW, force=True)
    assert not is_due(dead, NOW + timedelta(days=365))


def test_force_ignores_schedule_and_backoff_but_not_politeness() -> None:
    later = state(next_poll=NOW + timedelta(minutes=10))
    assert not is_due(later, NOW)
    assert is_due(later, NOW, force=True)
    failing = state(
        status="error", error_count=4, last_http_status=500, next_poll=NOW + timedelta(hours=8)
    )
    assert is_due(failing, NOW, force=True)
    assert is_due(state(next_poll=None, status="new"), NOW)
