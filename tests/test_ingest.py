"""The ingest decider (pure), the one text-changed routine, and polling through the facade
with an injected fetcher (no HTTP server: these tests are about logic, not the network)."""

from __future__ import annotations

import concurrent.futures
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aggregator.core import make_newsdesk
from aggregator.dedup import fingerprint
from aggregator.fetch import FetchResult
from aggregator.ingest import decide, ingest, prepare
from aggregator.intents import AttachSource, IngestLookup, InsertArticle, ReplaceText, StoredText
from aggregator.models import FeedConfig, NewArticle, PollLimits, Translation
from aggregator.translate_step import indexed

T0 = datetime(2026, 1, 15, 6, 0, tzinfo=UTC)
BODY = (
    "Japan and the Philippines signed a reciprocal access agreement in Manila on Thursday, "
    "letting their forces supply each other with fuel, food and ammunition during joint "
    "exercises. Foreign Minister Motegi said the pact strengthens deterrence in the region."
)


def _item(
    guid: str, title: str, body: str, *, feed: int = 1, url: str | None = None, when: datetime = T0
) -> NewArticle:
    return NewArticle(
        feed_id=feed,
        guid=guid,
        url=url or f"https://example.com/{guid}",
        title=title,
        summary="",
        body=body,
        lang="en",
        lang_confidence=1.0,
        published=when,
        fetched=when,
        fingerprint=fingerprint(title, body),
    )


def _stored(aid: int, item: NewArticle) -> StoredText:
    return StoredText(
        aid,
        item.lang,
        item.published,
        item.fetched,
        item.fingerprint,
        item.title,
        item.summary,
        item.body,
        item.minhash,
    )


# --- the decider: pure ------------------------------------------------------------------


def test_new_articles_are_inserted_and_copies_in_the_batch_attach() -> None:
    a = _item("g1", "Pact signed", BODY)
    copy = _item("g9", "Pact signed", BODY, feed=2, url="https://mirror.example/x")
    intents = decide(prepare([a, copy]), IngestLookup())
    assert isinstance(intents[0], InsertArticle)
    assert intents[1] == AttachSource(copy_item(intents, 1), new_index=0)


def copy_item(intents: list[Any], i: int) -> NewArticle:
    return intents[i].item  # type: ignore[no-any-return]


def test_own_feed_rewrite_replaces_text_and_names_the_changed_fields() -> None:
    old = _item("g1", "Pact signed", BODY)
    new = _item("g1", "Pact signed in Manila", BODY, when=T0 + timedelta(hours=2))
    lookup = IngestLookup(by_entry={(1, "g1"): 7}, stored={7: _stored(7, old)})
    (intent,) = decide(prepare([new]), lookup)
    assert isinstance(intent, ReplaceText)
    assert intent.article_id == 7 and intent.changed == ("title",)


def test_another_feed_with_the_url_never_rewrites_and_an_older_version_never_wins() -> None:
    old = _item("g1", "Pact signed", BODY)
    teaser = _item("other", "Pact", "Short teaser.", feed=2, url=old.url)
    lookup = IngestLookup(by_url={old.url or "": 7}, stored={7: _stored(7, old)})
    (intent,) = decide(prepare([teaser]), lookup)
    assert isinstance(intent, AttachSource) and intent.article_id == 7
    stale = _item("g1", "Pact (draft)", BODY, when=T0 - timedelta(hours=3))
    lookup = IngestLookup(by_entry={(1, "g1"): 7}, stored={7: _stored(7, old)})
    (intent,) = decide(prepare([stale]), lookup)
    assert isinstance(intent, AttachSource) and intent.article_id == 7


# --- the text-changed routine, on a real SQLite file --------------------------------------


def _db_rows(db: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return list(con.execute(sql, args))
    finally:
        con.close()


def test_rewritten_article_gets_new_vector_bands_search_row_and_loses_stale_translation(
    tmp_path: Path,
) -> None:
    from storage import Storage

    db = tmp_path / "n.db"
    with Storage(str(db)) as st:
        (feed,) = st.sync_feeds([FeedConfig("Wire", "https://example.com/feed")])
        first = _item("g1", "Walrus sighted", BODY, feed=feed.id)
        (aid,) = ingest(st, [first]).new
        st.put_vectors("m", [(aid, "en", b"\x00" * 16)])
        st.save_translations(indexed([Translation(aid, "title", "en", "zh", "海象", "t", "1")]))
        bands_before = _db_rows(db, "SELECT hash FROM minhash_bands WHERE article_id = ?", aid)
        rewritten = _item(
            "g1",
            "Narwhal sighted",
            BODY.replace("Manila", "Cebu"),
            feed=feed.id,
            when=T0 + timedelta(hours=1),
        )
        result = ingest(st, [rewritten])
        assert result.updated == (aid,) and not result.new
        # the vector is gone, so linking embeds the new text
        assert [a.id for a in st.articles_missing_vectors()] == [aid]
        bands_after = _db_rows(db, "SELECT hash FROM minhash_bands WHERE article_id = ?", aid)
        assert bands_after and set(bands_after) != set(bands_before)
        assert st.translations_for([aid]) == {}  # the title changed: its translation went
        fts = _db_rows(db, "SELECT title, title_tr FROM search_fts WHERE rowid = ?", aid)
        assert fts == [("Narwhal sighted", "")]


# --- polling through the facade with an injected fetcher -----------------------------------


class MemoryFetcher:
    """URL -> bytes, answered at once: the poll logic without a network."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def submit(self, url: str, **_: Any) -> concurrent.futures.Future[FetchResult]:
        self.asked.append(url)
        fut: concurrent.futures.Future[FetchResult] = concurrent.futures.Future()
        body = self.pages.get(url)
        if body is None:
            fut.set_result(FetchResult(url, url, 404, error="HTTP 404"))
        else:
            headers = {"content-type": "application/rss+xml; charset=utf-8"}
            fut.set_result(FetchResult(url, url, 200, headers=headers, body=body))
        return fut

    def close(self) -> None:
        pass


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>W</title>
<item><guid>a</guid><link>https://example.com/a</link><title>Pact signed</title>
<description>{body}</description><pubDate>Thu, 15 Jan 2026 06:00:00 GMT</pubDate></item>
<item><guid>b</guid><link>https://example.com/b?utm_source=x</link><title>Pact signed</title>
<description>{body}</description><pubDate>Thu, 15 Jan 2026 06:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_poll_iter_with_an_injected_fetcher(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.yaml"
    cfg.write_text(
        "feeds:\n  - name: Wire\n    url: https://example.com/rss\n"
        "  - name: Gone\n    url: https://example.com/missing\n",
        encoding="utf-8",
    )
    fetcher = MemoryFetcher({"https://example.com/rss": RSS.format(body=BODY).encode()})

    def factory(limits: PollLimits) -> MemoryFetcher:
        return fetcher

    with make_newsdesk(str(tmp_path / "n.db"), cfg, fetcher=factory, clock=lambda: T0) as desk:
        plan = desk.plan_poll(force=True)
        reports = {r.name: r for r in desk.poll_iter(plan)}
        assert set(fetcher.asked) == {"https://example.com/rss", "https://example.com/missing"}
        assert reports["Wire"].status == "ok" and reports["Wire"].new_articles == 1
        assert reports["Gone"].status == "error" and "404" in (reports["Gone"].error or "")
        states = {f.name: f for f in desk.feeds()}
        assert states["Gone"].error_count == 1
        assert desk.stats().articles == 1  # the second item is the same text: one article


def test_a_summary_held_by_the_body_is_indexed_and_shingled_once() -> None:
    """A feed without full text gives its summary as the body (and a summary cut from the
    first paragraph is in the body): the search text and the MinHash text hold it once, and a
    summary the body lacks is kept before it."""
    from aggregator.extract import lead_and_body
    from aggregator.ingest import text_of

    same = replace(_item("s", "Pact signed", BODY), summary=BODY)
    (prep,) = prepare([same])
    assert prep.search.body.count("reciprocal") == 1
    assert text_of(same).count("reciprocal") == 1
    lead = "Japan and the Philippines signed a reciprocal access agreement"
    cut = replace(_item("c", "Pact signed", BODY), summary=lead)
    assert prepare([cut])[0].search.body == BODY
    other = replace(_item("o", "Pact signed", BODY), summary="A defence pact, in brief.")
    assert prepare([other])[0].search.body == f"A defence pact, in brief.\n{BODY}"
    assert lead_and_body("", "") == "" and lead_and_body("Only a summary.", "") == (
        "Only a summary."
    )


def test_sqlite_driver_insert_stores_what_core_stores(tmp_path: Path) -> None:
    """SQLite's article rows go in through the driver with each column's bind processor;
    the raw rows (values and SQLite storage classes) equal those of a Core insert of the
    same values, and the ids come back in order."""
    from sqlalchemy import insert

    from storage import Storage
    from storage.schema import ArticleRow

    t0 = datetime(2026, 1, 15, 6, 0, 12, 345678, tzinfo=UTC)
    items = [
        replace(
            _item(f"g{i}", f"Title {i} 标题", BODY + f" {i}", when=t0 + timedelta(hours=i)),
            published=(t0 + timedelta(hours=i)) if i % 3 else None,
            author=None if i % 2 else "Ann",
            lang_confidence=0.5 + i / 100,
        )
        for i in range(7)
    ]
    prepared = prepare(items)
    cols = "id, feed_id, guid, url, title, summary, body, author, lang, lang_confidence, " + (
        "published, fetched, updated, fingerprint, minhash"
    )
    raw = f"SELECT {cols}, typeof(published), typeof(fetched), typeof(minhash) FROM articles"
    dumps = []
    for name, via_core in (("driver.db", False), ("core.db", True)):
        with Storage(str(tmp_path / name)) as s:
            fid = s.sync_feeds([FeedConfig("F", "http://127.0.0.1/f")])[0].id
            batch = [replace(p.item, feed_id=fid) for p in prepared]
            if via_core:
                values = [
                    {c: getattr(a, c) for c in ("feed_id", "guid", "url", "title", "summary",
                     "body", "author", "lang", "lang_confidence", "published", "fetched",
                     "fingerprint", "minhash")} | {"updated": a.fetched}
                    for a in batch
                ]  # fmt: skip
                with s.engine.begin() as conn:
                    conn.execute(insert(ArticleRow.__table__), values)  # type: ignore[arg-type]
            else:
                assert ingest(s, batch).new == tuple(range(1, len(batch) + 1))
        with sqlite3.connect(tmp_path / name) as con:
            dumps.append(con.execute(raw + " ORDER BY id").fetchall())
    assert len(dumps[0]) == len(items) and dumps[0] == dumps[1]
