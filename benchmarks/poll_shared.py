"""Shared polling: K poller processes against one database (PostgreSQL), loopback feeds.

Run by hand:  .venv/bin/python benchmarks/poll.py --db postgresql+psycopg://... \
                  --pollers 1,2,4 --sizes 200 --entries 10
For each K: a fresh database (the URL's database is the admin one; each run creates and
drops its own), the feeds served by benchmarks/poll.py's child server, K processes each
planning (claiming) and polling at once. Reports feeds/s against K=1, fetches per feed
(must be 1) and duplicate articles (stored rows beyond one per distinct URL: must be 0).
"""

from __future__ import annotations

import multiprocessing as mp
import time
import uuid
from typing import Any


def _poller(url: str, feeds: list[tuple[str, str]], start: Any, out: Any) -> None:
    from aggregator.app import App
    from aggregator.models import Config, FeedConfig
    from aggregator.poller import poll_iter, select_feeds
    from storage import Storage

    config = Config(feeds=tuple(FeedConfig(n, u) for n, u in feeds))
    app = App(storage=Storage(url), config=config)
    start.wait()
    chosen, _ = select_feeds(app)
    fetched = sum(1 for _ in poll_iter(app, chosen))
    app.close()
    out.put(fetched)


def run(url: str, urls: list[str], pollers: int) -> dict[str, float]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storage import Storage

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = "bench_" + uuid.uuid4().hex[:10]
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE DATABASE {name}")
    db = make_url(url).set(database=name).render_as_string(hide_password=False)
    try:
        Storage(db).close()  # schema first, so the pollers race on feeds, not on DDL
        feeds = [(f"feed{i}", u) for i, u in enumerate(urls)]
        ctx = mp.get_context("fork")
        start, out = ctx.Barrier(pollers + 1), ctx.Queue()
        procs = [ctx.Process(target=_poller, args=(db, feeds, start, out)) for _ in range(pollers)]
        for p in procs:
            p.start()
        start.wait()
        t0 = time.perf_counter()
        fetched = sum(out.get(timeout=600) for _ in procs)
        elapsed = time.perf_counter() - t0
        for p in procs:
            p.join()
        with Storage(db) as s, s.engine.connect() as c:
            stored = s.count_articles()
            distinct = int(c.execute(text("SELECT count(DISTINCT url) FROM articles")).scalar_one())
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
    return {
        "pollers": pollers,
        "feeds": len(urls),
        "seconds": elapsed,
        "feeds_per_s": len(urls) / elapsed,
        "fetches_per_feed": fetched / len(urls),
        "stored": stored,
        "duplicates": stored - distinct,
    }
