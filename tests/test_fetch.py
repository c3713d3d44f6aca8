"""The fetcher against a real local server: limits, validators, redirects, bombs."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
from support_http import FeedServer, RecordedRequest, Response

from aggregator import USER_AGENT
from aggregator.fetch import Fetcher, FetchResult, fetch_one
from aggregator.models import PollLimits

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


@pytest.fixture
def srv() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


def get(url: str, limits: PollLimits | None = None, **kw: str | None) -> FetchResult:
    return asyncio.run(fetch_one(url, limits, **kw))


def test_user_agent_and_conditional_get(srv: FeedServer) -> None:
    srv.add("/f", FEED, etag='"abc"', last_modified="Thu, 15 Jan 2026 10:00:00 GMT")
    first = get(srv.url("/f"))
    assert first.status == 200 and first.body == FEED and first.ok
    assert first.headers["etag"] == '"abc"'
    second = get(srv.url("/f"), etag='"abc"', last_modified=first.headers["last-modified"])
    assert second.status == 304 and second.body == b"" and second.ok
    sent = srv.requests_for("/f")
    assert all(r.headers["User-Agent"] == USER_AGENT for r in sent)
    assert "newsdesk/" in USER_AGENT
    assert "If-None-Match" not in sent[0].headers
    assert sent[1].headers["If-None-Match"] == '"abc"'
    assert sent[1].headers["If-Modified-Since"] == "Thu, 15 Jan 2026 10:00:00 GMT"


def test_http_errors_keep_status_and_headers(srv: FeedServer) -> None:
    srv.add("/busy", b"", status=429, headers={"Retry-After": "120"})
    r = get(srv.url("/busy"))
    assert r.status == 429 and r.error and "429" in r.error
    assert r.headers["retry-after"] == "120"
    assert get(srv.url("/missing")).status == 404


def test_redirect_chain_and_permanent_target(srv: FeedServer) -> None:
    srv.add("/new", FEED)
    srv.redirect("/a", "/b", 301)
    srv.redirect("/b", srv.url("/new"), 308)
    r = get(srv.url("/a"))
    assert r.ok and r.body == FEED
    assert [s for s, _ in r.redirects] == [301, 308]
    assert r.permanent_url == srv.url("/new")
    # A temporary hop first: the feed has not moved.
    srv.redirect("/t", "/a", 302)
    assert get(srv.url("/t")).permanent_url is None
    # Permanent then temporary: the feed moved as far as the last permanent hop.
    srv.redirect("/p", "/t", 301)
    assert get(srv.url("/p")).permanent_url == srv.url("/t")


def test_redirect_limit(srv: FeedServer) -> None:
    for i in range(7):
        srv.redirect(f"/r{i}", f"/r{i + 1}", 302)
    srv.add("/r7", FEED)
    r = get(srv.url("/r0"), PollLimits(max_redirects=5))
    assert r.error == "too many redirects"
    assert get(srv.url("/r2"), PollLimits(max_redirects=5)).ok


def test_gzip_is_decoded(srv: FeedServer) -> None:
    srv.add("/gz", FEED * 100, gzip=True)
    r = get(srv.url("/gz"))
    assert r.body == FEED * 100
    assert srv.requests_for("/gz")[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_size_cap_counts_decompressed_bytes(srv: FeedServer) -> None:
    srv.oversized("/big", 2_000_000)
    srv.add("/gzbig", b"<rss>" + b"x" * 2_000_000 + b"</rss>", gzip=True)  # small on the wire
    srv.add("/ok", FEED * 10)
    limits = PollLimits(max_bytes=1_000_000)
    assert "larger than" in (get(srv.url("/big"), limits).error or "")
    assert "larger than" in (get(srv.url("/gzbig"), limits).error or "")
    assert get(srv.url("/ok"), limits).ok


def test_gzip_bomb_is_refused_without_inflating_it(srv: FeedServer) -> None:
    import resource

    srv.gzip_bomb("/bomb", size=64 << 20)  # 64 MB of zeros in ~64 KB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    r = get(srv.url("/bomb"))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert r.error == "body larger than 10 MB"
    assert grown_mb < 60


def test_total_timeout(srv: FeedServer) -> None:
    srv.add("/slow", FEED * 100, chunk_delay=0.3)  # trickles: each read is quick, total is not
    srv.add("/stall", FEED, delay=3)
    limits = PollLimits(timeout=1.0)
    started = time.monotonic()
    r = get(srv.url("/slow"), limits)
    assert r.error and "timed out" in r.error
    assert time.monotonic() - started < 2.5
    assert "timed out" in (get(srv.url("/stall"), limits).error or "")


def test_connection_refused_is_an_error_not_an_exception() -> None:
    r = get("http://127.0.0.1:9/feed.xml")
    assert r.status is None and r.error


def _counting(active: dict[str, int], lock: threading.Lock, key: str):  # type: ignore[no-untyped-def]
    def handle(_req: RecordedRequest) -> Response:
        with lock:
            active[key] += 1
            active[key + "_max"] = max(active[key + "_max"], active[key])
        time.sleep(0.25)
        with lock:
            active[key] -= 1
        return Response(200, FEED)

    return handle


def test_per_host_cap_is_per_host(srv: FeedServer) -> None:
    """At most 2 in flight per host, while another host proceeds in parallel."""
    active = {"a": 0, "a_max": 0, "b": 0, "b_max": 0}
    lock = threading.Lock()
    with FeedServer(host="127.0.0.2") as other:
        urls = []
        for i in range(6):
            srv.handler(f"/a{i}", _counting(active, lock, "a"))
            other.handler(f"/b{i}", _counting(active, lock, "b"))
            urls += [srv.url(f"/a{i}"), other.url(f"/b{i}")]

        async def run() -> list[FetchResult]:
            async with Fetcher(PollLimits(concurrency=16, per_host=2)) as f:
                return await asyncio.gather(*(f.fetch(u) for u in urls))

        started = time.monotonic()
        results = asyncio.run(run())
        elapsed = time.monotonic() - started
    assert all(r.ok for r in results)
    assert active["a_max"] == 2 and active["b_max"] == 2
    assert elapsed < 6 * 0.25  # the two hosts overlapped: 3 rounds of 0.25 s, not 6
