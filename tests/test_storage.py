"""The repository API on a real SQLite file: feeds, exact dedup, translations, schema versions."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support_db import as_stored

from aggregator.dedup import fingerprint
from aggregator.errors import SchemaTooNewError, StorageError
from aggregator.ingest import ingest
from aggregator.models import FeedConfig, NewArticle, PollOutcome, Translation
from aggregator.translate_step import indexed
from storage import VERSION, Storage

T0 = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


def art(
    feed_id: int,
    guid: str,
    title: str,
    body: str,
    url: str | None = None,
    lang: str = "en",
    published: datetime | None = T0,
) -> NewArticle:
    return NewArticle(
        feed_id=feed_id,
        guid=guid,
        url=url,
        title=title,
        summary="",
        body=body,
        lang=lang,
        lang_confidence=0.9,
        published=published,
        fetched=T0,
        fingerprint=fingerprint(title, body),
    )


def feeds(storage: Any, *names: str) -> list[int]:
    states = storage.sync_feeds(
        [FeedConfig(n, f"https://{i}.example/rss") for i, n in enumerate(names)]
    )
    return [s.id for s in states]


def test_sync_feeds_by_name(storage: Any) -> None:
    (a, b) = feeds(storage, "A", "B")
    storage.record_poll(
        PollOutcome(feed_id=a, polled_at=T0, status="ok", new_url="https://moved/", etag='"x"')
    )
    assert storage.get_feed("A").url == "https://moved/"
    # same config again: the learned URL and validators survive
    storage.sync_feeds(
        [FeedConfig("A", "https://0.example/rss"), FeedConfig("B", "https://1.example/rss")]
    )
    assert storage.get_feed("A").url == "https://moved/" and storage.get_feed("A").etag == '"x"'
    # an error later keeps the URL, validators and title learned before, and masks secrets
    storage.record_poll(
        PollOutcome(feed_id=a, polled_at=T0, status="ok", title="Feed A", last_modified="Mon")
    )
    storage.record_polls(
        [
            PollOutcome(
                feed_id=a, polled_at=T0 + timedelta(hours=1), status="error", http_status=500,
                error="boom at postgresql://u:hunter2@db/x", error_count=1,
            ),
            PollOutcome(feed_id=b, polled_at=T0, status="ok", etag='"b"'),
        ]
    )  # fmt: skip
    got = storage.get_feed("A")
    assert (got.url, got.etag, got.last_modified) == ("https://moved/", '"x"', "Mon")
    assert got.title == "Feed A" and got.error_count == 1 and got.last_http_status == 500
    assert got.last_error is not None and "hunter2" not in got.last_error
    assert storage.get_feed("B").etag == '"b"'
    # config URL changed: start over from it
    storage.sync_feeds([FeedConfig("A", "https://new.example/rss")])
    a_state = storage.get_feed("A")
    assert a_state.url == "https://new.example/rss" and a_state.etag is None
    assert [f.name for f in storage.list_feeds()] == ["A"]  # B inactive, kept
    assert {f.name for f in storage.list_feeds(include_inactive=True)} == {"A", "B"}


def test_sync_feeds_edits_reset_and_reactivation(storage: Any) -> None:
    """Every config edit lands in the states returned, an unchanged config returns what it
    returned before, a changed URL resets what polling learned, a returning feed is
    active again, and the order is the stored order (by id) whatever the config's."""
    a_cfg, b_cfg = FeedConfig("A", "https://a.example/rss"), FeedConfig("B", "https://b.example")
    first = storage.sync_feeds([a_cfg, b_cfg])
    assert [f.name for f in first] == ["A", "B"] and first[0].tags == ()
    assert storage.sync_feeds([b_cfg, a_cfg]) == first  # nothing changed: same states
    b_id = first[1].id
    storage.record_poll(
        PollOutcome(
            feed_id=b_id, polled_at=T0, status="dead", http_status=410, etag='"e"',
            error="gone", error_count=3, next_poll=T0 + timedelta(days=1),
        )
    )  # fmt: skip
    a_edit = FeedConfig("A", a_cfg.url, language="zh", tags=("t",), full_text=True, encoding="gbk")
    states = storage.sync_feeds([a_edit, FeedConfig("B", "https://b.example/new")])
    a, b = states
    assert (a.language, a.tags, a.full_text, a.encoding) == ("zh", ("t",), True, "gbk")
    assert (b.url, b.config_url, b.status, b.etag) == ("https://b.example/new",) * 2 + ("new", None)
    assert (b.error_count, b.next_poll, b.last_error) == (0, None, None)
    assert b.last_http_status == 410  # history, not a validator: kept
    assert storage.sync_feeds([a_edit]) == [a]  # B leaves the config: inactive
    again = storage.sync_feeds([FeedConfig("B", "https://b.example/new"), a_edit])
    assert [f.name for f in again] == ["A", "B"] and again[1].id == b_id


def test_due_feeds_and_dead(storage: Any) -> None:
    (a, b, c) = feeds(storage, "A", "B", "C")
    storage.record_poll(
        PollOutcome(feed_id=a, polled_at=T0, status="ok", next_poll=T0 + timedelta(minutes=30))
    )
    storage.record_poll(PollOutcome(feed_id=b, polled_at=T0, status="dead", http_status=410))
    due = {f.name for f in storage.due_feeds(T0 + timedelta(minutes=5))}
    assert due == {"C"}
    due = {f.name for f in storage.due_feeds(T0 + timedelta(hours=1))}
    assert due == {"A", "C"}


def test_exact_dedup_guid_url_fingerprint(storage: Any) -> None:
    (a, b) = feeds(storage, "A", "B")
    r1 = ingest(storage, [art(a, "g1", "Title one", "Body one " * 40, "https://x/1")])
    assert len(r1.new) == 1
    aid = r1.new[0]
    # same GUID again: nothing new
    r2 = ingest(storage, [art(a, "g1", "Title one", "Body one " * 40, "https://x/1")])
    assert r2.new == () and r2.duplicates == 1
    # another feed, same URL
    r3 = ingest(storage, [art(b, "other", "Title one!", "Different " * 40, "https://x/1")])
    assert r3.new == ()
    # another feed and URL, same wire text (syndicated copy)
    r4 = ingest(
        storage, [art(b, "syn", "Rewritten headline", "Body one " * 40, "https://mirror/9")]
    )
    assert r4.new == ()
    stored = storage.get_article(aid)
    assert set(stored.urls) == {"https://x/1", "https://mirror/9"}
    assert stored.url == "https://x/1" and stored.urls[0] == "https://x/1"
    assert storage.count_articles() == 1


def test_changed_text_replaces_and_drops_stale_translation(storage: Any) -> None:
    (a,) = feeds(storage, "A")
    aid = ingest(storage, [art(a, "g", "Old title", "Body " * 50, "https://x/1")]).new[0]
    storage.save_translations(
        indexed(
            [
                Translation(aid, "title", "en", "zh", "旧标题", "m", "1"),
                Translation(aid, "body", "en", "zh", "正文", "m", "1"),
            ]
        )
    )
    r = ingest(
        storage,
        [
            art(
                a,
                "g",
                "New title",
                "Body " * 50 + "more",
                "https://x/1",
                published=T0 + timedelta(hours=1),
            )
        ],
    )
    assert r.updated == (aid,) and r.new == ()
    stored = storage.get_article(aid)
    assert stored.title == "New title"
    assert storage.translations_for([aid]) == {}  # both fields changed -> both stale
    jobs = storage.pending_translations()
    assert [(j.field, j.target_lang) for j in jobs] == [("title", "zh"), ("body", "zh")]


def test_pending_titles_first_and_save(storage: Any) -> None:
    (a,) = feeds(storage, "A")
    items = [
        art(a, "e", "English title", "English body " * 30, "https://x/e"),
        art(a, "z", "日本和菲律宾签署防务协定", "正文内容" * 30, "https://x/z", lang="zh"),
        art(a, "o", "Titre", "Texte " * 30, "https://x/o", lang="other"),
    ]
    ids = ingest(storage, items).new
    jobs = storage.pending_translations()
    assert [j.field for j in jobs] == ["title", "title", "body", "body"]
    assert {(j.source_lang, j.target_lang) for j in jobs} == {("en", "zh"), ("zh", "en")}
    assert ids[2] not in {j.article_id for j in jobs}  # other languages are not translated
    assert storage.count_pending_translations() == 4
    storage.save_translations(
        indexed(
            [
                Translation(j.article_id, j.field, j.source_lang, j.target_lang, "t", "m", "1")
                for j in jobs[:2]
            ]
        )
    )
    assert storage.count_pending_translations() == 2
    assert len(storage.pending_translations(limit=1)) == 1
    assert storage.stats().translations == 2


def test_translation_cache(storage: Any) -> None:
    storage.cache_put({"k1": "一", "k2": "二"})
    storage.cache_put({"k1": "changed?"})  # first write wins: the cache is immutable
    assert storage.cache_get(["k1", "k2", "k3"]) == {"k1": "一", "k2": "二"}


def test_articles_between_uses_fetch_time_when_undated(storage: Any) -> None:
    (a,) = feeds(storage, "A")
    ingest(
        storage,
        [
            art(a, "1", "in", "a " * 10, "https://x/1", published=T0),
            art(a, "2", "out", "b " * 10, "https://x/2", published=T0 - timedelta(days=2)),
            art(a, "3", "undated", "c " * 10, "https://x/3", published=None),
        ],
    )
    got = storage.articles_between(T0 - timedelta(hours=12), T0 + timedelta(hours=12))
    assert sorted(x.title for x in got) == ["in", "undated"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(min_size=1, max_size=80), body=st.text(max_size=300))
def test_unicode_round_trip(storage: Any, title: str, body: str) -> None:
    (a,) = feeds(storage, "A")
    guid = fingerprint(title, body) + title
    r = ingest(storage, [art(a, guid, title, body, None)])
    aid = (r.new or r.updated or (None,))[0]
    if aid is None:
        return  # an earlier example had the same normalized text: deduplicated, fine
    got = storage.get_article(aid)
    assert got.title == as_stored(title) and got.body == as_stored(body)
    assert got.published == T0 and got.published.tzinfo is not None


def test_naive_datetime_rejected(storage: Any) -> None:
    (a,) = feeds(storage, "A")
    with pytest.raises(Exception, match="naive"):
        ingest(storage, [art(a, "g", "t", "b", published=datetime(2026, 1, 1))])


def test_corrupt_database_is_a_storage_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.db"
    p.write_bytes(b"this is not sqlite" * 500)
    with pytest.raises(StorageError, match="corrupt"):
        Storage(str(p))
    assert p.read_bytes().startswith(b"this is not sqlite")  # untouched


@pytest.mark.sqlite_only
def test_locked_database_is_a_storage_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.engine as eng

    monkeypatch.setattr(eng, "BUSY_TIMEOUT_MS", 200)
    s = Storage(str(db_path))
    (a,) = feeds(s, "A")
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="locked"):
            ingest(s, [art(a, "g", "t", "b " * 10)])
    finally:
        blocker.rollback()
        blocker.close()
    # nothing lost, and it works again once the lock is gone
    assert ingest(s, [art(a, "g", "t", "b " * 10)]).new
    s.close()


@pytest.mark.sqlite_only
def test_newer_schema_refused(db_path: Path) -> None:
    Storage(str(db_path)).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE schema_version SET version = ?", (VERSION + 1,))
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="newer"):
        Storage(str(db_path))


@pytest.mark.sqlite_only
def test_upgrade_from_v1_indexes_old_articles(db_path: Path) -> None:
    """A v1 database (no search index) is upgraded on open and its articles become searchable."""
    from sqlalchemy import create_engine

    from storage.schema import Base

    engine = create_engine(f"sqlite:///{db_path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO schema_version (id, version) VALUES (1, 1)")
    con.execute(
        "INSERT INTO feeds (id, name, config_url, url, tags, full_text, status, "
        "error_count, active) VALUES (1, 'A', 'https://a/', 'https://a/', '[]', 0, 'ok', 0, 1)"
    )
    con.execute(
        "INSERT INTO articles (id, feed_id, guid, url, title, summary, body, lang, "
        "lang_confidence, fetched, updated, fingerprint) VALUES (1, 1, 'g', 'https://a/1', "
        "'日本和菲律宾签署防务协定', '', '马尼拉', 'zh', 1.0, '2026-01-15 00:00:00', "
        "'2026-01-15 00:00:00', 'f')"
    )
    con.commit()
    con.close()
    s = Storage(str(db_path))
    assert s.previous_version == 1
    s.close()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == VERSION
    rows = con.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", ('"菲律宾"',)
    ).fetchall()
    con.close()
    assert rows == [(1,)]


@pytest.mark.sqlite_only
def test_foreign_tables_refused(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE something_else (x)")
    con.commit()
    con.close()
    with pytest.raises(StorageError, match="not ours"):
        Storage(str(db_path))
