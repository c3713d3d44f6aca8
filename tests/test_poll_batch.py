"""Several feeds stored in one write transaction (aggregator.poll_store): each feed's report
still counts its own new articles, a copy carried by two feeds of one batch is stored once,
and a feed whose items trip a bug costs only itself, not the feeds batched with it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from support_http import FeedServer
from test_poll import WIDE, config

from aggregator import ingest as ingest_module
from aggregator import poll_store
from aggregator.core import make_newsdesk
from aggregator.models import NewArticle

WORDS = (
    "council harbour budget river school bridge museum railway airport festival hospital "
    "election market stadium library ferry tunnel garden factory court"
).split()


def words(seed: str) -> str:
    """Sixteen words picked by the seed's hash: unrelated texts, not near copies."""
    h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return " ".join(WORDS[(h >> (5 * k)) % len(WORDS)] for k in range(16))


def rss(prefix: str, n: int, extra: str = "") -> str:
    items = "".join(
        f"<item><title>{prefix} {i} {words(prefix + str(i) + 't')[:40]}</title>"
        f"<link>https://{prefix}.example.org/a/{i}</link>"
        f"<description>{words(prefix + str(i))} {words(prefix + str(i) + 'x')}</description>"
        "<pubDate>Thu, 15 Jan 2026 08:00:00 GMT</pubDate></item>"
        for i in range(n)
    )
    return f'<rss version="2.0"><channel><title>{prefix}</title>{items}{extra}</channel></rss>'


@pytest.fixture
def srv() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


def test_feeds_batched_together_report_their_own_new_articles(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    # Feed "b" also carries one of feed "a"'s articles (same link): stored once, new once.
    shared = (
        "<item><title>a copy of the harbour story</title>"
        "<link>https://a.example.org/a/0</link><description>copy</description></item>"
    )
    srv.add("/a", rss("a", 4))
    srv.add("/b", rss("b", 3, shared))
    srv.add("/c", rss("c", 2))
    cfg = config(tmp_path, [{"name": n, "url": srv.url(f"/{n}")} for n in "abc"])
    with make_newsdesk(str(db_path), cfg) as nd:
        reports = {r.name: r for r in nd.poll_iter(nd.plan_poll(force=True))}
        assert poll_store.BATCH_ARTICLES > 10  # so all three feeds went in one batch
        new = {n: r.new_articles for n, r in reports.items()}
        # the shared article is new for whichever feed's fetch finished first
        assert new["c"] == 2 and {new["a"], new["b"]} == {3, 4} and sum(new.values()) == 9
        assert {n: r.entries for n, r in reports.items()} == {"a": 4, "b": 4, "c": 2}
        assert nd.storage.count_articles() == 9
        stored = {a.url for a in nd.storage.articles_between(*WIDE)}
        assert "https://a.example.org/a/0" in stored
        assert {f.name: f.status for f in nd.storage.list_feeds()} == dict.fromkeys("abc", "ok")


def test_a_bug_in_one_feed_of_a_batch_costs_only_that_feed(
    srv: FeedServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fault injection (no real input trips a bug on purpose): prepare() fails on one
    # feed's items, as a parser or segmenter bug on hostile text would.
    real = ingest_module.prepare

    def fragile(items: list[NewArticle]) -> object:
        if any("poison" in i.title for i in items):
            raise ValueError("poisoned item")
        return real(items)

    monkeypatch.setattr(ingest_module, "prepare", fragile)
    srv.add("/a", rss("a", 3))
    srv.add("/p", rss("poison", 2))
    srv.add("/c", rss("c", 2))
    cfg = config(tmp_path, [{"name": n, "url": srv.url(f"/{n}")} for n in "apc"])
    with make_newsdesk(str(db_path), cfg) as nd:
        reports = {r.name: r for r in nd.poll_iter(nd.plan_poll(force=True))}
        assert reports["p"].status == "error" and "poisoned item" in (reports["p"].error or "")
        assert reports["a"].new_articles == 3 and reports["c"].new_articles == 2
        assert nd.storage.count_articles() == 5
        states = {f.name: f for f in nd.storage.list_feeds()}
        assert states["p"].error_count == 1 and states["p"].etag is None
        assert states["a"].status == "ok" and states["c"].status == "ok"


def test_a_feed_waits_for_no_more_than_the_batch_time(
    srv: FeedServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fast feed and one that answers after 3 s: the fast one is stored (its report comes
    # first) before the slow fetch ends, not held back for it.
    monkeypatch.setattr(poll_store, "BATCH_SECONDS", 0.5)
    srv.add("/fast", rss("fast", 2))
    srv.add("/slow", rss("slow", 2), delay=3)
    cfg = config(tmp_path, [{"name": n, "url": srv.url(f"/{n}")} for n in ("fast", "slow")])
    with make_newsdesk(str(db_path), cfg) as nd:
        it = nd.poll_iter(nd.plan_poll(force=True))
        first = next(it)
        assert first.name == "fast" and first.new_articles == 2
        assert nd.storage.count_articles() == 2  # committed while the slow fetch runs
        rest = list(it)
        assert [r.name for r in rest] == ["slow"] and rest[0].new_articles == 2
