"""The warm poll's light route to the feed bookkeeping (`storage.feed_book.FeedBook`, no
SQLAlchemy) against the full `Storage`: the same rows, byte for byte, as SQLAlchemy writes
them; the full storage wherever the light route must not open a database; and a poll that
finds new entries after starting light stores them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support_feeds import rss_feed
from support_http import FeedServer

from aggregator.app import make_app
from aggregator.cli import cli
from aggregator.errors import SchemaTooNewError
from aggregator.models import FeedConfig, FeedState, PollOutcome
from storage import Storage
from storage.feed_book import FeedBook, open_feed_book

pytestmark = pytest.mark.sqlite_only  # the light route opens SQLite files only

T0 = datetime(2026, 3, 1, 8, 15, 30, 123456, tzinfo=UTC)
CST = timezone(timedelta(hours=8))  # an aware time in another zone is stored as UTC

FIRST = [
    FeedConfig("A", "https://a.example/rss", "en", ("world", "中文"), True, "gb18030"),
    FeedConfig("B", "https://b.example/rss", "zh"),
    FeedConfig("C", "https://c.example/rss"),
]
# A's URL changes (reset), B's tags change (update), C leaves (inactive), D is new.
SECOND = [
    FeedConfig("A", "https://a2.example/rss", "en", ("world", "中文"), True, "gb18030"),
    FeedConfig("B", "https://b.example/rss", "zh", ("asia",)),
    FeedConfig("D", "https://d.example/rss", "en"),
]


def outcomes(ids: list[int], when: datetime, *, validators: bool) -> list[PollOutcome]:
    """One outcome per feed; without `validators` every optional column is None (kept)."""
    out = []
    for i, fid in enumerate(ids):
        out.append(
            PollOutcome(
                feed_id=fid,
                polled_at=when,
                status="ok" if i % 2 == 0 else "error",
                http_status=200 if i % 2 == 0 else 503,
                new_url=f"https://moved{i}.example/rss" if validators else None,
                etag=f'"e{i}"' if validators else None,
                last_modified="Sun, 01 Mar 2026 08:00:00 GMT" if validators else None,
                title=f"Feed {i} \x00 标题" if validators else None,
                error=None if i % 2 == 0 else "db postgresql://u:hunter2@h/x refused",
                next_poll=when + timedelta(minutes=30 + i) if i else None,
                error_count=i,
            )
        )
    return out


def raw_rows(db: Path) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT * FROM feeds ORDER BY id").fetchall()
    finally:
        con.close()


def run_sequence(book: Any) -> list[list[FeedState]]:
    """Sync, record, re-sync with changes, record again: what both routes are put through."""
    seen = [book.sync_feeds(FIRST)]
    book.record_polls(outcomes([s.id for s in seen[0]], T0.astimezone(CST), validators=True))
    seen.append(book.sync_feeds(SECOND))
    later = T0 + timedelta(hours=1)
    book.record_polls(outcomes([s.id for s in seen[1]], later, validators=False))
    seen.append(book.sync_feeds(SECOND))  # unchanged: read only
    return seen


def test_light_and_full_routes_write_the_same_rows(tmp_path: Path) -> None:
    full_db, light_db = tmp_path / "full.db", tmp_path / "light.db"
    Storage(str(light_db)).close()
    with Storage(str(full_db)) as full:
        by_full = run_sequence(full)
    book = open_feed_book(str(light_db))
    assert isinstance(book, FeedBook)
    try:
        by_light = run_sequence(book)
    finally:
        book.close()
    assert by_light == by_full
    assert raw_rows(light_db) == raw_rows(full_db)
    rows = {r[1]: r for r in raw_rows(light_db)}
    assert "hunter2" not in repr(rows)  # errors masked on the way in
    assert rows["C"][-1] == 0 and rows["D"][-1] == 1  # C left the config, D joined
    assert rows["A"][3] == "https://a2.example/rss" and rows["A"][10] is None  # reset
    # what the light route wrote reads back through SQLAlchemy as it returned it
    with Storage(str(light_db)) as s:
        assert s.list_feeds() == by_light[-1]


def test_light_rows_are_the_bytes_sqlalchemy_writes(tmp_path: Path) -> None:
    """The same feed values written by the ORM itself: the light route's time text, JSON
    tags and booleans must be what SQLAlchemy writes, or each route would misread the
    other's rows (a time compared as text, tags re-synced every poll)."""
    light_db, orm_db = tmp_path / "light.db", tmp_path / "orm.db"
    Storage(str(light_db)).close()
    book = open_feed_book(str(light_db))
    assert book is not None
    try:
        states = run_sequence(book)[-1]
    finally:
        book.close()
    with Storage(str(orm_db)) as s, Storage(str(light_db)) as light:
        from sqlalchemy.orm import Session

        from storage.schema import FeedRow

        every = light.list_feeds(include_inactive=True)
        active = {f.id for f in states}
        with Session(s.engine) as session, session.begin():
            for f in every:
                values = {
                    k: getattr(f, k)
                    for k in FeedRow.__table__.columns.keys()
                    if k not in ("active", "tags")
                }
                session.add(FeedRow(**values, tags=list(f.tags), active=f.id in active))
    assert raw_rows(orm_db) == raw_rows(light_db)


def test_light_only_where_nothing_needs_the_full_storage(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    app = make_app(str(db), None, light=True)  # missing: created light, at the schema
    assert not app.storage_open and isinstance(app.feeds_book, FeedBook)  # (test_cold_poll)
    app.close()
    app = make_app(str(db), None, light=True)
    try:
        assert not app.storage_open and isinstance(app.feeds_book, FeedBook)
        assert app.db_url == f"sqlite:///{db}"
        assert app.storage.list_feeds() == []  # opened on first use, the book closed
        assert app.storage_open and app.feeds_book is app.storage
    finally:
        app.close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO minhash_refresh (id, below, scheme) VALUES (1, 10, 2)")
    con.commit()
    assert open_feed_book(str(db)) is None  # a refresh pending: Storage runs it
    con.execute("DELETE FROM minhash_refresh")
    con.execute("UPDATE schema_version SET version = version + 1")
    con.commit()
    con.close()
    assert open_feed_book(str(db)) is None
    with pytest.raises(SchemaTooNewError):  # the same refusal as without `light`
        make_app(str(db), None, light=True)


def test_poll_started_light_stores_a_changed_feed(tmp_path: Path) -> None:
    with FeedServer() as srv:
        srv.add("/a.xml", rss_feed("en", items=3), etag='"a1"')
        srv.add("/b.xml", rss_feed("zh", items=2), etag='"b1"')
        cfg = tmp_path / "feeds.yaml"
        cfg.write_text(
            f"feeds:\n  - name: a\n    url: {srv.url('/a.xml')}\n"
            f"  - name: b\n    url: {srv.url('/b.xml')}\n",
            encoding="utf-8",
        )
        db = tmp_path / "news.db"
        args = ["--db", str(db), "--config", str(cfg), "poll", "--all"]
        args += ["--no-translate", "--no-link"]
        first = CliRunner().invoke(cli, args)
        assert first.exit_code == 0, first.output
        before = {r[1]: r for r in raw_rows(db)}
        srv.add("/b.xml", rss_feed("zh", items=5), etag='"b2"')  # b changed, a did not
        second = CliRunner().invoke(cli, args)
        assert second.exit_code == 0, second.output
    after = {r[1]: r for r in raw_rows(db)}
    assert after["a"][10] == '"a1"' and after["b"][10] == '"b2"'
    assert after["a"][9] == "not_modified" and after["b"][9] == "ok"
    for name in "ab":  # both outcomes recorded, the second time
        assert after[name][12] > before[name][12]
    con = sqlite3.connect(db)
    counts = dict(con.execute("SELECT feed_id, count(*) FROM entries GROUP BY feed_id"))
    con.close()
    assert counts == {after["a"][0]: 3, after["b"][0]: 5}  # every entry of b's new body


def test_a_locked_database_fails_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.connect as conn_mod
    import storage.engine as eng

    monkeypatch.setattr(eng, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(conn_mod, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "news.db"
    Storage(str(db)).close()
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text("feeds:\n  - name: a\n    url: http://127.0.0.1:9/a.xml\n", encoding="utf-8")
    blocker = sqlite3.connect(db, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        args = ["--db", str(db), "--config", str(cfg), "poll", "--all", "--no-link"]
        result = CliRunner().invoke(cli, [*args, "--no-translate"])
    finally:
        blocker.rollback()
        blocker.close()
    assert result.exit_code == 1
    assert f"{db}: database is locked" in result.output
    assert raw_rows(db) == []  # nothing half-written
