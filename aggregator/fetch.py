"""HTTP fetching with the limits a cron job can trust (CLI.md "Polling behaviour").

A bounded pool (`concurrency` at once, `per_host` per host), a total network-time budget
per fetch (redirect hops included; time queued for a slot excluded, so slow neighbours on a
busy host never time a feed out), redirects followed here (so the chain is known and a
permanent one can move the feed; a loop or more than `max_redirects` hops is an error), and
a body cap counted AFTER decompression: we ask for gzip/deflate only and inflate the raw
stream ourselves with a bounded output size, so a compression bomb costs at most the cap.
httpx errors become `FetchResult.error` here and nowhere else.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import USER_AGENT
from .canonical import canonical_url
from .models import PollLimits

# httpx's __init__ loads its command-line client (rich, pygments, click) whenever those are
# installed, as they are here: ~40 ms of every poll's start-up for a tool newsdesk never
# runs. A None entry makes that import fail at once, and httpx then defines a stub `main`.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
import httpx  # noqa: E402

log = logging.getLogger("newsdesk.fetch")

REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
_CHUNK = 64 * 1024


class BodyTooLarge(Exception):
    pass


@dataclass(frozen=True)
class FetchResult:
    """What one GET did. `error` is set for transport failures, HTTP >= 400 and limits."""

    url: str  # what was asked for
    final_url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""
    redirects: tuple[tuple[int, str], ...] = ()  # (status, target) per hop
    error: str | None = None
    elapsed: float = 0.0  # network seconds, all hops; time queued for a slot excluded

    @property
    def permanent_url(self) -> str | None:
        """Where the feed now lives: the end of the leading run of 301/308 hops, if any."""
        new = None
        for status, target in self.redirects:
            if status not in PERMANENT:
                break
            new = target
        return new if new and new != self.url else None

    @property
    def ok(self) -> bool:
        return self.error is None


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than `limit` bytes in total."""

    def __init__(self, coding: str, limit: int) -> None:
        self.coding = coding
        self.limit = limit
        self.total = 0
        wbits = 16 + zlib.MAX_WBITS if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.d = zlib.decompressobj(wbits) if coding != "identity" else None
        self.first = True

    def feed(self, data: bytes) -> bytes:
        if self.d is None:
            return self._count(data)
        if self.first and self.coding == "deflate" and data:
            self.first = False
            try:  # "deflate" is zlib-wrapped per RFC, raw in the wild
                return self._bounded(data)
            except zlib.error:
                self.d = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._bounded(data)

    def _bounded(self, data: bytes) -> bytes:
        assert self.d is not None
        out = []
        while data:
            chunk = self.d.decompress(data, self.limit - self.total + 1)
            out.append(self._count(chunk))
            data = self.d.unconsumed_tail
            if self.d.eof:
                break
        return b"".join(out)

    def _count(self, chunk: bytes) -> bytes:
        self.total += len(chunk)
        if self.total > self.limit:
            raise BodyTooLarge
        return chunk


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or ''}"


def _size(n: int) -> str:
    return f"{n / 1_048_576:.0f} MB" if n >= 1_048_576 else f"{n} bytes"


class Fetcher:
    """One httpx client shared by every fetch of a poll run. Use as an async context."""

    def __init__(self, limits: PollLimits, user_agent: str = USER_AGENT) -> None:
        self.limits = limits
        self._global = asyncio.Semaphore(limits.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(limits.per_host)
        )
        timeout = httpx.Timeout(limits.timeout, connect=min(10.0, limits.timeout))
        self.client = httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(
                max_connections=limits.concurrency, max_keepalive_connections=limits.concurrency
            ),
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
        "text/xml;q=0.9, */*;q=0.5",
    ) -> FetchResult:
        """GET with validators, following redirects; never raises (see `FetchResult.error`).

        Errors are transport failures, HTTP >= 400, the size cap, the time budget, a bad
        Location, a redirect loop and more than `max_redirects` hops.
        """
        hops: list[tuple[int, str]] = []
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        seen: set[str] | None = None  # built at the first redirect: most fetches have none
        spent = 0.0  # network seconds used by earlier hops of this chain
        while True:
            result, took = await self._hop(current, headers, self.limits.timeout - spent)
            spent += took
            if isinstance(result, str):
                return _error(url, current, None, hops, spent, result)
            if isinstance(result, FetchResult):
                return _finish(result, url, hops, spent)
            status, location = result
            target = canonical_url(urljoin(current, location)) if location else None
            if target is None:
                return _error(url, current, status, hops, spent, "bad redirect")
            if seen is None:
                seen = {canonical_url(url) or url}
            if target in seen:
                return _error(url, current, status, hops, spent, f"redirect loop at {target}")
            if len(hops) >= self.limits.max_redirects:
                return _error(url, current, status, hops, spent, "too many redirects")
            seen.add(target)
            hops.append((status, target))
            current = target

    async def _hop(
        self, url: str, headers: dict[str, str], budget: float
    ) -> tuple[FetchResult | tuple[int, str] | str, float]:
        """One request of a chain, once a slot is free: (outcome, network seconds it took).

        The clock starts only when both the host's and the pool's slot are held: waiting
        behind a neighbour that trickles or hangs is queueing, not fetching, and must not
        time this feed out. The host slot is taken first so that a feed queued for a busy
        host never holds one of the pool's slots that other hosts could use. The outcome is
        an error string when the chain's remaining `budget` runs out.
        """
        async with self._hosts[_host(url)], self._global:
            started = time.monotonic()
            result: FetchResult | tuple[int, str] | str
            try:
                # The budget covers the whole chain's network time, not each hop.
                async with asyncio.timeout(max(budget, 0.0)):
                    result = await self._one(url, headers)
            except TimeoutError:
                result = f"timed out after {self.limits.timeout:g} s"
            return result, time.monotonic() - started

    async def _one(self, url: str, headers: dict[str, str]) -> FetchResult | tuple[int, str]:
        try:
            async with self.client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                rh = {k.lower(): v for k, v in resp.headers.items()}
                if status in REDIRECTS:
                    return status, rh.get("location", "")
                if status == 304:
                    # A 304 has no body (RFC 9110), but the connection goes back to the
                    # pool only once its end is read: without this, every all-304 poll
                    # opened a new connection per feed on a shared host.
                    await resp.aread()
                    return FetchResult(url, url, status, rh)
                if status >= 400:
                    return FetchResult(url, url, status, rh, error=_http_error(status))
                body = await self._body(resp, rh)
                return FetchResult(url, url, status, rh, body)
        except BodyTooLarge:
            return FetchResult(
                url, url, None, error=f"body larger than {_size(self.limits.max_bytes)}"
            )
        except httpx.TimeoutException as exc:
            return FetchResult(url, url, None, error=f"timed out ({type(exc).__name__})")
        except (httpx.HTTPError, zlib.error, OSError) as exc:
            msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return FetchResult(url, url, None, error=f"{type(exc).__name__}: {msg}"[:300])

    async def _body(self, resp: httpx.Response, rh: dict[str, str]) -> bytes:
        limit = self.limits.max_bytes
        codings = [c.strip().lower() for c in rh.get("content-encoding", "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise httpx.DecodingError(f"unsupported content-encoding {rh['content-encoding']}")
        declared = rh.get("content-length", "")
        if not codings and declared.isdigit() and int(declared) > limit:
            raise BodyTooLarge
        inflater = _Inflater(codings[0] if codings else "identity", limit)
        parts = []
        async for raw in resp.aiter_raw(_CHUNK):
            parts.append(inflater.feed(raw))
        return b"".join(parts)


def _http_error(status: int) -> str | None:
    if status == 304:
        return None
    try:
        from http import HTTPStatus

        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _finish(r: FetchResult, url: str, hops: list[tuple[int, str]], spent: float) -> FetchResult:
    return FetchResult(url, r.url, r.status, r.headers, r.body, tuple(hops), r.error, spent)


def _error(
    url: str,
    current: str,
    status: int | None,
    hops: list[tuple[int, str]],
    spent: float,
    message: str,
) -> FetchResult:
    return FetchResult(url, current, status, {}, b"", tuple(hops), message, spent)


async def fetch_one(url: str, limits: PollLimits | None = None, **kw: str | None) -> FetchResult:
    """Fetch a single URL with a throwaway client (tests, one-off use)."""
    async with Fetcher(limits or PollLimits()) as f:
        return await f.fetch(url, **kw)  # type: ignore[arg-type]


class BackgroundFetcher:
    """A `Fetcher` running on its own event-loop thread, used from synchronous code.

    Parsing and storing are CPU work on the caller's thread; were they on the event loop,
    a slow parse (or a first jieba load) would eat into every in-flight fetch's deadline and
    time out healthy feeds. Here the loop keeps serving I/O while the caller works.
    """

    def __init__(self, limits: PollLimits, user_agent: str = USER_AGENT) -> None:
        import threading

        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.fetcher = self._call(self._make(limits, user_agent))

    @staticmethod
    async def _make(limits: PollLimits, user_agent: str) -> Fetcher:
        return Fetcher(limits, user_agent)  # its semaphores and client bind to this loop

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def submit(self, url: str, **kw: Any) -> concurrent.futures.Future[FetchResult]:
        return asyncio.run_coroutine_threadsafe(self.fetcher.fetch(url, **kw), self.loop)

    def close(self) -> None:
        try:
            self._call(self.fetcher.client.aclose())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=5)
            self.loop.close()

    def __enter__(self) -> BackgroundFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
