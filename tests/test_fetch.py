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


def test_redirect_on_a_busy_host_is_not_timed_out_by_the_queue(srv: FeedServer) -> None:
    """A 301's second hop queues behind a trickling and a hanging feed of the same host.

    The queue is not the network: the target must be fetched with the chain's own budget,
    while the two slow neighbours still time out on theirs.
    """
    timeout = 1.0
    srv.add("/trickle", FEED * 100, chunk_delay=0.3)  # ~8 s in all, each read quick
    srv.add("/hang", FEED, delay=timeout * 4)
    srv.redirect("/moved", "/target", 301)
    srv.add("/target", FEED, delay=0.2)  # needs network time after the queue

    async def run() -> list[FetchResult]:
        async with Fetcher(PollLimits(timeout=timeout, per_host=2, concurrency=8)) as f:
            # In this order: /moved and /trickle take the two slots, /hang waits for the one
            # /moved's first hop frees, and the second hop queues behind both.
            return await asyncio.gather(
                *(f.fetch(srv.url(p)) for p in ("/moved", "/trickle", "/hang"))
            )

    started = time.monotonic()
    moved, trickle, hang = asyncio.run(run())
    assert trickle.error and "timed out" in trickle.error
    assert hang.error and "timed out" in hang.error
    (target_request,) = srv.requests_for("/target")
    # The case at hand: the second hop really waited a whole timeout for a slot...
    assert target_request.at - started >= timeout * 0.9
    # ...and that wait did not count: the target was fetched and the feed moved.
    assert moved.ok and moved.body == FEED, moved.error
    assert moved.redirects == ((301, srv.url("/target")),)
    assert moved.permanent_url == srv.url("/target")
    assert moved.elapsed < timeout  # network time only


def test_temporary_redirects_do_not_move_the_feed(srv: FeedServer) -> None:
    srv.add("/new", FEED)
    for status in (302, 303, 307):
        srv.redirect(f"/t{status}", "/new", status)
        r = get(srv.url(f"/t{status}"))
        assert r.ok and r.final_url == srv.url("/new") and r.redirects == ((status, r.final_url),)
        assert r.permanent_url is None
    srv.redirect("/p308", "/new", 308)
    assert get(srv.url("/p308")).permanent_url == srv.url("/new")


def test_redirect_loop_is_an_error_for_that_feed(srv: FeedServer) -> None:
    srv.redirect("/self", "/self", 301)
    srv.redirect("/ping", "/pong", 302)
    srv.redirect("/pong", srv.url("/ping"), 301)
    r = get(srv.url("/self"))
    assert r.error == f"redirect loop at {srv.url('/self')}" and r.status == 301
    assert r.permanent_url is None and len(srv.requests_for("/self")) == 1
    r = get(srv.url("/ping"))
    assert r.error and r.error.startswith("redirect loop") and r.permanent_url is None
    # Found on the first repeat, long before the hop limit.
    assert len(srv.requests_for("/ping")) == 1 and len(srv.requests_for("/pong")) == 1


def test_not_modified_keeps_the_connection(srv: FeedServer) -> None:
    """A 304's (empty) end is read, so its connection serves the next feed on the host:
    an all-304 poll of a thousand feeds on one host used to open a thousand connections."""
    for i in range(6):
        srv.add(f"/f{i}", FEED, etag=f'"v{i}"')

    async def poll_twice() -> list[FetchResult]:
        async with Fetcher(PollLimits(per_host=1)) as f:
            results = [await f.fetch(srv.url(f"/f{i}")) for i in range(6)]
            return results + [await f.fetch(srv.url(f"/f{i}"), etag=f'"v{i}"') for i in range(6)]

    results = asyncio.run(poll_twice())
    assert [r.status for r in results] == [200] * 6 + [304] * 6
    assert all(r.ok and r.body == b"" for r in results[6:])
    assert len({r.peer for r in srv.requests}) == 1
