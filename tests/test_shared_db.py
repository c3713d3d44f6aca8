"""Several pollers on one database, and secrets kept out of messages.

The pollers run on whatever database NEWSDESK_TEST_DB picks (conftest.py): on SQLite the
poll lock file keeps runs apart, on PostgreSQL due feeds are claimed per poller and the
ingest keys are locked, so on both every feed is fetched once and no article stored twice.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from support_db import ON_POSTGRES
from support_http import FeedServer

from aggregator.cli import cli
from aggregator.core import make_newsdesk
from aggregator.ingest import decide, prepare
from aggregator.models import FeedConfig, NewArticle, PollOutcome
from storage import Storage
from storage.engine import mask_secrets, safe_url

T0 = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
WIDE = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


@pytest.fixture
def srv() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


_WORDS = (
    "harbour crane ferry council budget river school election bridge railway storm market "
    "festival museum hospital airport factory vineyard glacier orchestra satellite library "
    "tunnel reservoir parliament stadium volcano lighthouse monastery canal"
).split()


def _text(seed: str) -> str:
    """A sentence of its own per seed: distinct articles, never near duplicates."""
    import random

    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) for _ in range(40))


def _rss(n: int, tag: str) -> str:
    items = "".join(
        f"<item><title>{tag} {i} {_text(tag + str(i))[:60]}</title>"
        f"<link>https://news.example/{tag}/{i}</link><guid>{tag}-{i}</guid>"
        f"<description>{_text(tag + str(i))}</description></item>"
        for i in range(n)
    )
    items += (  # the same wire story in every feed: one article, raced by every poller
        f"<item><title>Wire: port strike ends</title><link>https://wire.example/strike</link>"
        f"<guid>{tag}-wire</guid><description>The port strike ended after nine days of "
        "talks between the union and the harbour operators.</description></item>"
    )
    return f'<rss version="2.0"><channel><title>{tag}</title>{items}</channel></rss>'


def test_safe_url_masks_only_the_password() -> None:
    url = "postgresql+psycopg://desk:s3cr3t@db.example:5432/news"
    assert safe_url(url) == "postgresql+psycopg://desk:***@db.example:5432/news"
    assert safe_url("/home/me/newsdesk.db") == "/home/me/newsdesk.db"
    text = f"cannot open {url}; retried http://u:p@x/"
    assert "s3cr3t" not in mask_secrets(text) and ":p@" not in mask_secrets(text)


def test_wrong_password_is_never_printed(srv: FeedServer, tmp_path: Path) -> None:
    """A poll against a server URL with a wrong password (or no server at all): the URL in
    the message has its password masked."""
    from storage import engine

    base = "postgresql+psycopg://newsdesk:Wr0ngPassw0rd@127.0.0.1:9/newsdesk"
    if ON_POSTGRES:
        from conftest import TEST_DB
        from sqlalchemy.engine import make_url

        base = make_url(TEST_DB).set(password="Wr0ngPassw0rd").render_as_string(False)
    assert engine.safe_url(base) != base
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(f"feeds:\n  - name: a\n    url: {srv.url('/a')}\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["--db", base, "--config", str(cfg), "poll", "--no-translate"])
    assert r.exit_code != 0
    assert "Wr0ngPassw0rd" not in r.output and "Wr0ngPassw0rd" not in r.stderr
    assert "***" in r.stderr


def test_stored_feed_errors_never_hold_a_password(db_path: Path) -> None:
    with Storage(str(db_path)) as s:
        (feed,) = s.sync_feeds([FeedConfig("a", "http://127.0.0.1/a")])
        s.record_polls(
            [
                PollOutcome(
                    feed_id=feed.id,
                    polled_at=T0,
                    status="error",
                    http_status=None,
                    next_poll=T0,
                    error_count=1,
                    error="database error at postgresql://desk:hunter2@db/news",
                )
            ]
        )
        (stored,) = s.list_feeds()
    assert stored.last_error is not None and "hunter2" not in stored.last_error
    assert "desk:***@db" in stored.last_error


def _item(feed_id: int, guid: str) -> NewArticle:
    body = "The same syndicated wire story about harbour cranes, carried by two feeds. " * 3
    return NewArticle(
        feed_id=feed_id,
        guid=guid,
        url="https://wire.example/cranes",
        title="Harbour cranes",
        summary="",
        body=body,
        lang="en",
        lang_confidence=1.0,
        published=T0,
        fetched=T0,
        fingerprint="cranes-fp",
    )


def test_a_raced_syndicated_article_is_stored_once(db_path: Path) -> None:
    """Two writers both look the article up before either stores it (the race), then both
    apply: the second finds the first's URL and attaches to it."""
    with Storage(str(db_path)) as one, Storage(str(db_path)) as two:
        a, b = one.sync_feeds([FeedConfig("a", "http://x/a"), FeedConfig("b", "http://x/b")])
        batch_a, batch_b = prepare([_item(a.id, "ga")]), prepare([_item(b.id, "gb")])
        intents_a = decide(batch_a, one.ingest_lookup(batch_a))
        intents_b = decide(batch_b, two.ingest_lookup(batch_b))
        first, second = one.apply_ingest(intents_a), two.apply_ingest(intents_b)
        assert len(first.new) == 1 and second.new == () and second.duplicates == 1
        assert one.count_articles() == 1
        assert {f for f, _g in _entries(one)} == {a.id, b.id}


def _entries(s: Storage) -> list[tuple[int, str]]:
    with s.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT feed_id, guid FROM entries")]


@pytest.mark.skipif(not ON_POSTGRES, reason="concurrent pollers need a server database")
def test_concurrent_pollers_fetch_each_feed_once(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    names = [f"f{i}" for i in range(12)]
    for n in names:
        srv.add(f"/{n}", _rss(5, n))
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(
        "feeds:\n" + "".join(f"  - name: {n}\n    url: {srv.url('/' + n)}\n" for n in names),
        encoding="utf-8",
    )
    make_newsdesk(str(db_path), cfg, create=True).close()
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def poller() -> None:
        try:
            with make_newsdesk(str(db_path), cfg) as desk:
                start.wait()
                with desk.poll_lock(wait=0):
                    desk.poll(link=False, translate=False)
        except BaseException as exc:  # noqa: B036 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=poller) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert [len(srv.requests_for(f"/{n}")) for n in names] == [1] * len(names)
    with Storage(str(db_path)) as s:
        assert s.count_articles() == 5 * len(names) + 1
        assert len(_entries(s)) == 6 * len(names)
