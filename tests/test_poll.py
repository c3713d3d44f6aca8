"""`poll` end to end against a real local HTTP server and a real SQLite file.

Most cases call the poller without the post-ingest steps (linking loads the embedding
model); the CLI cases run the whole command as cron would.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support_http import FeedServer, Response

from aggregator.cli import cli
from aggregator.core import Newsdesk as App
from aggregator.core import make_newsdesk

T0 = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
RSS = '<rss version="2.0"><channel><title>t</title></channel></rss>'
WIDE = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


@pytest.fixture
def srv() -> Iterator[FeedServer]:
    with FeedServer() as s:
        yield s


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def config(tmp_path: Path, feeds: list[dict[str, object]], limits: str = "") -> Path:
    lines = ["feeds:"]
    for f in feeds:
        lines.append(f"  - name: {json.dumps(f['name'], ensure_ascii=False)}")
        for key, value in f.items():
            if key != "name":
                lines.append(f"    {key}: {json.dumps(value, ensure_ascii=False)}")
    if limits:
        lines.append("limits: " + limits)
    path = tmp_path / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def app_for(db: Path, cfg: Path, clock: Clock | None = None) -> App:
    return make_newsdesk(str(db), cfg, clock=clock)


def cli_run(db: Path, cfg: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "--config", str(cfg), *args])


def articles(app: App) -> dict[str, object]:
    return {a.url: a for a in app.storage.articles_between(*WIDE)}


# --- the whole command --------------------------------------------------------------------


def test_cli_poll_stores_then_second_run_is_conditional(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    names = ["en_rss.xml", "zh_atom.xml", "seeds.xml", "gbk_undeclared.xml"]
    for n in names:
        srv.add_file(f"/{n}", n, etag=f'"{n}-v1"', content_type="application/xml")
    cfg = config(tmp_path, [{"name": n, "url": srv.url(f"/{n}")} for n in names])

    first = cli_run(db_path, cfg, "poll", "--no-translate")
    assert first.exit_code == 0, first.output
    assert first.stdout == "" and first.stderr == ""  # silent on success (cron mails output)

    app = app_for(db_path, cfg)
    stored = articles(app)
    assert len(stored) == 9
    seed_en = stored["https://news.example.org/2026/01/15/japan-philippines-acsa"]
    assert seed_en.lang == "en"  # type: ignore[attr-defined]
    assert "Acquisition and Cross-Servicing Agreement" in seed_en.body  # type: ignore[attr-defined]
    # The scraped seed page as a feed item: English prose with a Chinese related-coverage
    # block. Detection weighs a Han character as ~3.5 Latin letters of content, so the
    # English article (about twice the content) decides; the Chinese paragraphs are still
    # routed to the right model paragraph by paragraph when translating.
    assert stored["https://grok.example.com/news/japan-philippines-pact"].lang == "en"  # type: ignore[attr-defined]
    gbk = stored["https://nodecl.example.cn/news/1.html"]
    assert gbk.title == "韩国和日本同意时隔九年恢复海军搜救演习" and gbk.lang == "zh"  # type: ignore[attr-defined]
    app.close()

    second = cli_run(db_path, cfg, "poll", "--all", "--no-translate")
    assert second.exit_code == 0, second.output
    for n in names:
        hits = srv.requests_for(f"/{n}")
        assert len(hits) == 2
        assert hits[1].headers["If-None-Match"] == f'"{n}-v1"'
    app = app_for(db_path, cfg)
    assert app.storage.count_articles() == 9
    assert {f.status for f in app.storage.list_feeds()} == {"not_modified"}
    app.close()

    # Not due yet without --all: nothing fetched at all.
    third = cli_run(db_path, cfg, "poll", "--no-translate")
    assert third.exit_code == 0 and sum(len(srv.requests_for(f"/{n}")) for n in names) == 8


def test_cli_partial_failure_exit_1_and_others_stored(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.add_file("/good.xml", "en_rss.xml")
    srv.add("/broken", b"oops", status=500)
    srv.gzip_bomb("/bomb")
    srv.oversized("/huge", 300_000)
    srv.add("/slow", b"<rss/>", delay=4)
    srv.add_file("/html", "not_a_feed.html")
    feeds: list[dict[str, object]] = [
        {"name": "good", "url": srv.url("/good.xml")},
        {"name": "broken", "url": srv.url("/broken")},
        {"name": "bomb", "url": srv.url("/bomb")},
        {"name": "huge", "url": srv.url("/huge")},
        {"name": "slow", "url": srv.url("/slow")},
        {"name": "page", "url": srv.url("/html")},
    ]
    cfg = config(tmp_path, feeds, limits="{timeout: 2, max_bytes: 200000}")
    r = cli_run(db_path, cfg, "poll", "--no-translate")
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 5
    by_feed = {
        name: next(line for line in lines if f"'{name}'" in line)
        for name in ("broken", "bomb", "huge", "slow", "page")
    }
    assert "500" in by_feed["broken"]
    assert "larger than" in by_feed["bomb"] and "larger than" in by_feed["huge"]
    assert "timed out" in by_feed["slow"]
    assert "not a feed" in by_feed["page"]
    app = app_for(db_path, cfg)
    assert app.storage.count_articles() == 3
    states = {f.name: f for f in app.storage.list_feeds()}
    assert states["good"].status == "ok" and states["broken"].error_count == 1
    assert states["bomb"].last_error and "larger than" in states["bomb"].last_error
    app.close()


def test_cli_config_errors_exit_2(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    cfg = config(tmp_path, [{"name": "a", "url": srv.url("/a")}])
    r = cli_run(db_path, cfg, "poll", "--feed", "nope")
    assert r.exit_code == 2 and "nope" in r.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("feeds:\n  - name: x\n    url: ftp://x\n", encoding="utf-8")
    assert cli_run(db_path, bad, "poll").exit_code == 2
    assert srv.requests == []


@pytest.mark.sqlite_only
def test_cli_lock_second_run_exits_0(
    srv: FeedServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import aggregator.cli.poll as poll_cmd
    from aggregator.lock import poll_lock

    srv.add_file("/f.xml", "en_rss.xml")
    cfg = config(tmp_path, [{"name": "f", "url": srv.url("/f.xml")}])
    monkeypatch.setattr(poll_cmd, "LOCK_WAIT_SECONDS", 0.3)
    with poll_lock("sqlite:///" + str(db_path)):
        r = cli_run(db_path, cfg, "poll", "--no-translate")
    assert r.exit_code == 0
    assert "another newsdesk poll is running" in r.stderr and len(r.stderr.splitlines()) == 1
    assert srv.requests == []
    assert (db_path.parent / (db_path.name + ".lock")).exists()


@pytest.mark.sqlite_only
def test_link_and_poll_locks_let_each_other_run(
    srv: FeedServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cron layout of the README: a long `newsdesk link` never holds up `poll`, and a
    poll while linking runs elsewhere stores and leaves its linking to that run."""
    import aggregator.cli.poll as poll_cmd
    from aggregator.lock import poll_lock

    srv.add_file("/f.xml", "en_rss.xml")
    cfg = config(tmp_path, [{"name": "f", "url": srv.url("/f.xml")}])
    monkeypatch.setattr(poll_cmd, "LOCK_WAIT_SECONDS", 0.3)
    url = "sqlite:///" + str(db_path)
    with poll_lock(url, kind="link"):
        r = cli_run(db_path, cfg, "-v", "poll", "--no-translate")
        assert r.exit_code == 0, r.stderr
        assert "another newsdesk link is running" in r.stderr  # said under -v only
        busy = cli_run(db_path, cfg, "link")
        assert busy.exit_code == 0 and "another newsdesk link is running" in busy.stderr
    app = app_for(db_path, cfg)
    assert app.storage.count_articles() == 3  # stored, not linked yet
    assert app.stories() == []
    app.close()
    with poll_lock(url):  # a poll holds its lock: linking runs all the same
        r = cli_run(db_path, cfg, "link")
    assert r.exit_code == 0 and r.stderr == ""


@pytest.mark.sqlite_only
def test_lock_in_another_process_blocks(tmp_path: Path, db_path: Path) -> None:
    import subprocess
    import sys
    import time

    from aggregator.errors import LockedError
    from aggregator.lock import poll_lock

    url = "sqlite:///" + str(db_path)
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[2]); from aggregator.lock import poll_lock\n"
        "with poll_lock(sys.argv[1]):\n print('held', flush=True); time.sleep(1.5)\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    proc = subprocess.Popen(
        [sys.executable, "-c", code, url, root], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(LockedError):
            with poll_lock(url, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5
    finally:
        proc.wait(timeout=10)
    with poll_lock(url, wait=0.5):  # released when the holder exits
        pass


# --- politeness and state (poller called directly, no post-ingest steps) -----------------


def test_retry_after_respected_even_with_all(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.script("/secs", [Response(429, headers={"Retry-After": "3600"}), Response(200, RSS)])
    date = "Thu, 15 Jan 2026 14:00:00 GMT"  # two hours after T0
    srv.script("/date", [Response(503, headers={"Retry-After": date}), Response(200, RSS)])
    srv.add_file("/neighbour", "en_rss.xml")  # same host: must not be blocked (FreshRSS#7870)
    cfg = config(
        tmp_path,
        [
            {"name": "secs", "url": srv.url("/secs")},
            {"name": "date", "url": srv.url("/date")},
            {"name": "neighbour", "url": srv.url("/neighbour")},
        ],
    )
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    report = app.poll(link=False, translate=False)
    assert {f.name for f in report.failed} == {"secs", "date"}
    states = {s.name: s for s in app.storage.list_feeds()}
    assert states["secs"].next_poll == T0 + timedelta(hours=1)
    assert states["date"].next_poll == T0 + timedelta(hours=2)

    clock.now = T0 + timedelta(minutes=30)
    report = app.poll(force=True, link=False, translate=False)
    assert [f.name for f in report.feeds] == ["neighbour"]
    assert len(srv.requests_for("/secs")) == 1 and len(srv.requests_for("/date")) == 1
    assert len(report.skipped) == 2  # --all says why it skipped them

    clock.now = T0 + timedelta(minutes=61)
    report = app.poll(force=True, link=False, translate=False)
    assert sorted(f.name for f in report.feeds) == ["neighbour", "secs"]
    clock.now = T0 + timedelta(hours=2, seconds=1)
    report = app.poll(link=False, translate=False)
    assert "date" in [f.name for f in report.feeds] and not report.failed
    app.close()


def test_410_marks_dead_until_config_url_changes(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.add("/gone", status=410)
    srv.add_file("/new", "zh_atom.xml")
    cfg = config(tmp_path, [{"name": "old", "url": srv.url("/gone")}])
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    assert app.poll(link=False, translate=False).failed[0].status == "dead"
    clock.now = T0 + timedelta(days=30)
    assert app.poll(force=True, link=False, translate=False).feeds == []
    report = app.poll(name="old", link=False, translate=False)
    assert report.feeds == [] and "dead" in report.skipped[0]
    assert len(srv.requests_for("/gone")) == 1
    app.close()
    r = cli_run(db_path, cfg, "poll", "--feed", "old", "--no-translate")
    assert r.exit_code == 0 and "is dead" in r.stderr and len(srv.requests_for("/gone")) == 1

    cfg = config(tmp_path, [{"name": "old", "url": srv.url("/new")}])
    app = app_for(db_path, cfg, clock)
    report = app.poll(link=False, translate=False)
    assert [(f.name, f.status, f.new_articles) for f in report.feeds] == [("old", "ok", 2)]
    app.close()


def test_301_moves_the_feed_and_feeds_shows_both_urls(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.add_file("/new.xml", "en_rss.xml", etag='"e1"')
    srv.redirect("/old.xml", "/new.xml", 301)
    cfg = config(tmp_path, [{"name": "世界新闻", "url": srv.url("/old.xml")}])
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    report = app.poll(link=False, translate=False)
    assert report.feeds[0].moved_to == srv.url("/new.xml")
    state = app.storage.get_feed("世界新闻")
    assert state.url == srv.url("/new.xml") and state.config_url == srv.url("/old.xml")
    clock.now = T0 + timedelta(hours=1)
    app.poll(link=False, translate=False)
    assert len(srv.requests_for("/old.xml")) == 1  # later polls go straight to the new URL
    assert srv.requests_for("/new.xml")[-1].headers["If-None-Match"] == '"e1"'
    app.close()

    r = cli_run(db_path, cfg, "feeds", "--format", "json")
    assert r.exit_code == 0
    (feed,) = json.loads(r.stdout)["feeds"]
    assert {
        "name",
        "url",
        "language",
        "status",
        "last_polled",
        "next_poll",
        "error_count",
        "last_error",
    } <= set(feed)
    assert feed["url"] == srv.url("/new.xml") and feed["config_url"] == srv.url("/old.xml")
    assert feed["status"] == "not_modified" and feed["last_polled"].endswith("Z")

    table = cli_run(db_path, cfg, "feeds")
    assert table.exit_code == 0
    assert "世界新闻" in table.stdout and "moved from" in table.stdout
    from rich.cells import cell_len

    assert max(cell_len(line) for line in table.stdout.splitlines()) <= 80


def test_offline_first_poll_ends_with_one_summary_line(tmp_path: Path, db_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on: every connection is refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    feeds: list[dict[str, object]] = [
        {"name": f"f{i}", "url": f"http://127.0.0.1:{port}/{i}.xml"} for i in range(4)
    ]
    cfg = config(tmp_path, feeds, limits="{timeout: 2}")
    r = cli_run(db_path, cfg, "poll", "--no-link", "--no-translate")
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 5  # one per feed, then the summary
    assert lines[-1].startswith("newsdesk: all 4 feeds failed; most common cause (4):")


def test_failures_back_off_and_schedule_is_kept(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.script("/flaky", [Response(500), Response(500), Response(200, b"<rss version='2.0'/>")])
    cfg = config(tmp_path, [{"name": "flaky", "url": srv.url("/flaky")}], "{interval: 600}")
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    app.poll(link=False, translate=False)
    assert app.storage.get_feed("flaky").next_poll == T0 + timedelta(minutes=10)
    clock.now = T0 + timedelta(minutes=5)
    assert app.poll(link=False, translate=False).feeds == []  # not due
    clock.now = T0 + timedelta(minutes=10)
    app.poll(link=False, translate=False)
    s = app.storage.get_feed("flaky")
    assert s.error_count == 2 and s.next_poll == clock.now + timedelta(minutes=20)
    app.poll(force=True, link=False, translate=False)
    s = app.storage.get_feed("flaky")
    assert (s.status, s.error_count, s.last_error) == ("ok", 0, None)
    app.close()


def test_big5_feed_stored_as_traditional(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    # Served with no charset in the header: the XML declaration (big5) decides.
    srv.add_file("/big5.xml", "big5.xml", content_type="application/rss+xml")
    cfg = config(tmp_path, [{"name": "tw", "url": srv.url("/big5.xml"), "language": "zh-Hant"}])
    app = app_for(db_path, cfg)
    assert not app.poll(link=False, translate=False).failed
    stored = articles(app)
    big5 = stored["https://big5.example.tw/news/1.html"]
    assert big5.title == "韓國和日本同意時隔九年恢復海軍搜救演習"  # type: ignore[attr-defined]
    assert big5.lang == "zh-Hant"  # type: ignore[attr-defined]
    app.close()


def test_lying_server_charset_and_encoding_override(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.add_file("/declared", "gbk_declared.xml", content_type="text/xml; charset=utf-8")
    srv.add_file("/latin", "gbk_undeclared.xml", content_type="text/xml; charset=iso-8859-1")
    cfg = config(
        tmp_path,
        [
            {"name": "declared", "url": srv.url("/declared")},
            {"name": "latin", "url": srv.url("/latin"), "encoding": "gbk"},
        ],
    )
    app = app_for(db_path, cfg)
    assert not app.poll(link=False, translate=False).failed
    titles = sorted(a.title for a in app.storage.articles_between(*WIDE))
    assert titles.count("韩国和日本同意时隔九年恢复海军搜救演习") >= 1
    assert all("\u00c3" not in t and "\u00ba" not in t for t in titles)  # no mojibake
    assert app.storage.get_feed("latin").title == "新闻频道 无声明"
    app.close()


def test_feed_option_polls_only_that_feed(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    srv.add_file("/a", "en_rss.xml")
    srv.add_file("/b", "zh_atom.xml")
    cfg = config(
        tmp_path, [{"name": "a", "url": srv.url("/a")}, {"name": "b", "url": srv.url("/b")}]
    )
    app = app_for(db_path, cfg)
    report = app.poll(name="b", link=False, translate=False)
    assert [f.name for f in report.feeds] == ["b"] and srv.requests_for("/a") == []
    app.close()


def test_malformed_and_hostile_feeds_store_what_parsed(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    srv.add_file("/m", "malformed.xml")
    srv.add_file("/bomb", "entity_bomb.xml")
    cfg = config(
        tmp_path, [{"name": "m", "url": srv.url("/m")}, {"name": "b", "url": srv.url("/bomb")}]
    )
    app = app_for(db_path, cfg)
    report = app.poll(link=False, translate=False)
    assert not report.failed and all(f.warning for f in report.feeds)
    titles = {a.title for a in app.storage.articles_between(*WIDE)}
    assert {"First story survives", "Second story & friends", "Harmless item"} <= titles
    state = app.storage.get_feed("m")
    assert state.status == "ok" and state.error_count == 0
    assert state.last_error and state.last_error.startswith("warning:")
    app.close()


def test_full_text_fetches_new_pages_once(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    page_url = srv.url("/news/japan-philippines-pact")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Grok</title>'
        f"<item><title>Japan and Philippines sign new defense pact</title><link>{page_url}</link>"
        "<guid>pact-1</guid><description>Teaser only.</description></item></channel></rss>"
    )
    srv.add("/feed.xml", feed)
    srv.add_file("/news/japan-philippines-pact", "acsa_bilingual.html")
    cfg = config(tmp_path, [{"name": "grok", "url": srv.url("/feed.xml"), "full_text": True}])
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    assert not app.poll(link=False, translate=False).failed
    (article,) = app.storage.articles_between(*WIDE)
    assert article.body.startswith("Japan and the Philippines signed a new defense pact")
    assert "cookie" not in article.body and "AI 生成的图像" not in article.body
    assert article.lang == "en"
    assert article.summary == "Teaser only."
    assert "text/html" in srv.requests_for("/news/japan-philippines-pact")[0].headers["Accept"]
    with app.storage.engine.connect() as conn:
        related = conn.exec_driver_sql("SELECT url, title FROM related_urls ORDER BY id").fetchall()
    assert len(related) == 6
    assert related[0][1] == "韩国和日本同意时隔九年恢复海军搜救演习"
    clock.now = T0 + timedelta(hours=2)
    # the feed has no validators: fetched again, the page is not
    app.poll(link=False, translate=False)
    assert len(srv.requests_for("/feed.xml")) == 2
    assert len(srv.requests_for("/news/japan-philippines-pact")) == 1
    app.close()


def test_301_on_a_busy_host_moves_the_feed_while_slow_neighbours_time_out(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    """The reported case: the 301's second hop queued behind a trickling and a hanging
    feed of the same host, and that wait used to count against the feed's timeout."""
    srv.redirect("/moved", "/target.xml", 301)
    srv.add_file("/target.xml", "en_rss.xml", delay=0.2)
    srv.add("/trickle", RSS + " " * 20_000, chunk_delay=0.3)  # ~6 s, each read quick
    srv.add("/hang", RSS, delay=5)
    feeds: list[dict[str, object]] = [
        {"name": p.strip("/"), "url": srv.url(p)} for p in ("/moved", "/trickle", "/hang")
    ]
    cfg = config(tmp_path, feeds, "{timeout: 1, per_host: 2}")
    app = app_for(db_path, cfg, Clock())
    report = {f.name: f for f in app.poll(link=False, translate=False).feeds}
    assert srv.requests_for("/target.xml"), "the second hop was never made"
    assert report["moved"].status == "ok" and report["moved"].entries == 3
    assert report["moved"].moved_to == srv.url("/target.xml")
    assert app.storage.get_feed("moved").url == srv.url("/target.xml")
    for slow in ("trickle", "hang"):
        assert report[slow].status == "error" and "timed out" in (report[slow].error or "")
    app.close()


def test_302_does_not_move_the_feed(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    srv.add_file("/today.xml", "en_rss.xml")
    srv.redirect("/feed", "/today.xml", 302)
    cfg = config(tmp_path, [{"name": "daily", "url": srv.url("/feed")}])
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    report = app.poll(link=False, translate=False)
    assert report.feeds[0].status == "ok" and report.feeds[0].moved_to is None
    assert app.storage.get_feed("daily").url == srv.url("/feed")
    clock.now = T0 + timedelta(hours=1)
    app.poll(link=False, translate=False)
    assert len(srv.requests_for("/feed")) == 2  # still asked at the old URL
    app.close()


def test_bad_item_dates_store_every_item(srv: FeedServer, tmp_path: Path, db_path: Path) -> None:
    """An out-of-range pubDate in one item used to store none of the feed's seven."""
    srv.add_file("/dates.xml", "bad_dates.xml")
    cfg = config(tmp_path, [{"name": "dates", "url": srv.url("/dates.xml")}])
    app = app_for(db_path, cfg, Clock())
    (feed,) = app.poll(link=False, translate=False).feeds
    assert feed.status == "ok" and feed.entries == 7 and feed.new_articles == 7
    assert feed.warning and "item dates dropped" in feed.warning
    stored = articles(app)
    assert len(stored) == 7
    overflow = stored["https://dates.example.com/news/2"]
    assert overflow.published is None  # type: ignore[attr-defined]
    assert overflow.fetched == T0  # type: ignore[attr-defined]  # stands in for the date
    good = stored["https://dates.example.com/news/1"]
    assert good.published == datetime(2026, 1, 14, 8, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    state = app.storage.get_feed("dates")
    assert state.status == "ok" and (state.last_error or "").startswith("warning:")
    app.close()


def test_full_text_failures_are_retried_with_backoff_not_every_run(
    srv: FeedServer, tmp_path: Path, db_path: Path
) -> None:
    ok_url, busy_url = srv.url("/news/ok"), srv.url("/news/busy")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Grok</title>'
        f"<item><title>Pact signed</title><link>{ok_url}</link><guid>ok</guid>"
        "<description>Teaser one.</description></item>"
        f"<item><title>Japan and Philippines sign new defense pact</title><link>{busy_url}</link>"
        "<guid>busy</guid><description>Teaser two.</description></item></channel></rss>"
    )
    srv.add("/feed.xml", feed)
    srv.add_file("/news/ok", "acsa_bilingual.html")
    srv.add("/news/busy", b"busy", status=503)
    cfg = config(tmp_path, [{"name": "grok", "url": srv.url("/feed.xml"), "full_text": True}])
    clock = Clock()
    app = app_for(db_path, cfg, clock)
    assert not app.poll(link=False, translate=False).failed

    def body_of(url: str) -> str:
        return next(a.body for a in app.storage.articles_between(*WIDE) if a.url == url)

    assert body_of(busy_url) == "Teaser two."  # the feed's own text stands for now
    clock.now = T0 + timedelta(minutes=30)  # due again for the feed, not yet for the page
    app.poll(link=False, translate=False, force=True)
    assert len(srv.requests_for("/news/busy")) == 1
    assert len(srv.requests_for("/news/ok")) == 1  # a fetched page is never asked again
    srv.add_file("/news/busy", "acsa_bilingual.html")
    clock.now = T0 + timedelta(hours=2)  # past the first backoff (1 h)
    app.poll(link=False, translate=False, force=True)
    assert len(srv.requests_for("/news/busy")) == 2
    assert body_of(busy_url).startswith("Japan and the Philippines signed a new defense pact")
    clock.now = T0 + timedelta(hours=30)
    app.poll(link=False, translate=False, force=True)
    assert len(srv.requests_for("/news/busy")) == 2  # done: not asked again
    app.close()


def test_a_gone_page_is_not_asked_again() -> None:
    from aggregator.schedule import page_retry_at

    assert page_retry_at(1, T0, 404) is None and page_retry_at(1, T0, 410) is None
    assert page_retry_at(1, T0, 503) == T0 + timedelta(hours=1)
    assert page_retry_at(2, T0, None) == T0 + timedelta(hours=4)
    assert page_retry_at(4, T0, 503) is None  # given up: the feed's text stands
