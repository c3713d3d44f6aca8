"""A real HTTP server on 127.0.0.1 (port 0) for fetching tests, end to end tests and benchmarks.

Usage::

    from support_http import FeedServer, Response

    with FeedServer() as srv:
        srv.add_file("/en.xml", "en_rss.xml", etag='"v1"')     # tests/data/feeds/en_rss.xml
        srv.add("/zh.xml", "<rss>...</rss>", content_type="application/rss+xml; charset=utf-8")
        srv.redirect("/old.xml", "/en.xml", status=301)
        srv.script("/flaky.xml", [Response(503, headers={"Retry-After": "9"}), Response(200)])
        srv.gzip_bomb("/bomb.xml", size=50 * 1024 * 1024)
        url = srv.url("/en.xml")
        ...
        srv.requests_for("/en.xml")[-1].headers["If-None-Match"]

Routes:
- `add(path, body, status=200, content_type=..., headers=..., etag=..., last_modified=...,
  gzip=False, delay=0.0, chunk_delay=0.0)`: a fixed response. With `etag`/`last_modified` it
  answers 304 to a matching If-None-Match / If-Modified-Since (conditional GET).
  `content_type="text/xml; charset=utf-8"` over GBK bytes is a server lying about the charset;
  `content_type="application/xml"` one that does not say.
- `add_file(path, name, **kw)`: the same, body read from tests/data/feeds/ or tests/data/pages/.
- `redirect(path, to, status)`: 301/302/307/308 with a Location (relative or absolute).
- `script(path, responses)`: answers each `Response` in turn; the last one repeats.
- `gzip_bomb(path, size)`, `oversized(path, size)`: bodies over any sane cap.
- `handler(path, fn)`: `fn(RecordedRequest) -> Response` for anything else.
Every request is recorded (`requests`, `requests_for(path)`), headers included. Unknown paths
are 404. Several servers on different loopback addresses (127.0.0.2, ...) act as different
hosts for per-host limits.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0  # before the status line
    chunk_delay: float = 0.0  # between 1 KB chunks of the body (a slow server)
    raw_encoding: str | None = None  # body is already encoded with this Content-Encoding

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    at: float
    peer: tuple[str, int] | None = None  # the client's address: one per connection


@lru_cache(maxsize=4)
def _bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [comp.compress(block) for _ in range(size >> 20)]
    parts.append(comp.flush())
    return b"".join(parts)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        # Clients hanging up early (size caps, timeouts) are what these tests provoke.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class FeedServer:
    """A threaded HTTP/1.1 server with scripted routes; a context manager."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Callable[[RecordedRequest], Response]] = {}
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server._serve(self)

            do_HEAD = do_GET  # noqa: N815

        self.httpd = _QuietServer((host, 0), Handler)
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    # -- routes --------------------------------------------------------------------------
    def handler(self, path: str, fn: Callable[[RecordedRequest], Response]) -> None:
        self.routes[path] = fn

    def add(self, path: str, body: bytes | str = b"", **kw: Any) -> None:
        resp = Response(body=body, **kw)
        self.routes[path] = lambda _req: resp

    def add_file(self, path: str, name: str, **kw: Any) -> None:
        for folder in ("feeds", "pages"):
            p = DATA / folder / name
            if p.exists():
                if "content_type" not in kw and folder == "pages":
                    kw["content_type"] = "text/html; charset=utf-8"
                self.add(path, p.read_bytes(), **kw)
                return
        raise FileNotFoundError(name)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.add(path, b"", status=status, headers={"Location": to}, content_type="text/plain")

    def script(self, path: str, responses: list[Response]) -> None:
        queue = list(responses)

        def next_response(_req: RecordedRequest) -> Response:
            with self._lock:
                return queue.pop(0) if len(queue) > 1 else queue[0]

        self.routes[path] = next_response

    def gzip_bomb(self, path: str, size: int = 64 << 20) -> None:
        """A small gzip body that inflates to `size` bytes of zeros."""
        self.add(path, _bomb(size), raw_encoding="gzip")

    def oversized(self, path: str, size: int) -> None:
        self.add(path, b"<rss>" + b" " * size + b"</rss>")

    def requests_for(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # -- serving -------------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        peer = (str(h.client_address[0]), int(h.client_address[1]))
        req = RecordedRequest(h.command, h.path, dict(h.headers.items()), time.monotonic(), peer)
        with self._lock:
            self.requests.append(req)
        route = self.routes.get(h.path.split("?", 1)[0]) or self.routes.get(h.path)
        resp = route(req) if route else Response(404, b"not found", "text/plain")
        if resp.delay:
            time.sleep(resp.delay)
        status, body = resp.status, resp.payload()
        headers = {"Content-Type": resp.content_type, **resp.headers}
        if resp.etag:
            headers["ETag"] = resp.etag
        if resp.last_modified:
            headers["Last-Modified"] = resp.last_modified
        if status == 200 and self._not_modified(req, resp):
            status, body = 304, b""
        if resp.raw_encoding:
            headers["Content-Encoding"] = resp.raw_encoding
        elif resp.gzip and body:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if h.command == "HEAD" or status == 304:
                return
            if resp.chunk_delay:
                for i in range(0, len(body), 1024):
                    h.wfile.write(body[i : i + 1024])
                    h.wfile.flush()
                    time.sleep(resp.chunk_delay)
            else:
                h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): expected in these tests

    @staticmethod
    def _not_modified(req: RecordedRequest, resp: Response) -> bool:
        inm = req.headers.get("If-None-Match")
        if resp.etag and inm is not None:
            return inm == resp.etag
        ims = req.headers.get("If-Modified-Since")
        return bool(resp.last_modified and ims == resp.last_modified)
