"""Bilingual search over a real SQLite file: Chinese words, Traditional/Simplified, phrases,
translations, filters, snippets from the original text, and the index kept in step."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from test_search_support import build, corpus

from aggregator.app import App
from aggregator.dedup import fingerprint
from aggregator.errors import StorageError, UsageError
from aggregator.ingest import ingest
from aggregator.models import Config, NewArticle, SearchCandidate, SearchFilters, Translation
from aggregator.search import fuse, parse_query, search
from aggregator.translate_step import indexed


@pytest.fixture
def archive(storage: Any) -> tuple[App, dict[str, int]]:
    ids = build(storage)
    return App(storage=storage, config=Config(feeds=())), ids


def keys(app: App, ids: dict[str, int], query: str, **kw: Any) -> list[tuple[str, str]]:
    inv = {v: k for k, v in ids.items()}
    return [(inv[h.id], h.matched) for h in search(app, query, semantic=False, **kw)]


@pytest.mark.parametrize(
    ("query", "must", "must_not"),
    [
        ("菲律宾", {"acsa_zh", "marcos_zh"}, {"typhoon_zh", "navy_hant"}),
        ("防务协定", {"acsa_zh"}, {"marcos_zh", "navy_hant"}),
        ("马尼拉", {"acsa_zh"}, {"marcos_zh", "typhoon_zh"}),
        ("日本", {"acsa_zh", "typhoon_zh", "navy_hant"}, {"marcos_zh"}),
        ("茂木敏充", {"acsa_zh"}, {"navy_hant", "typhoon_zh"}),
        ("ACSA", {"acsa_en", "acsa_zh"}, {"football_en"}),
        ("Motegi", {"acsa_en"}, {"football_en", "markets_en"}),
        ('"South China Sea"', {"acsa_en"}, {"football_en"}),
        ("台风", {"typhoon_zh"}, {"navy_hant"}),
    ],
)
def test_words_find_the_right_articles(
    archive: tuple[App, dict[str, int]], query: str, must: set[str], must_not: set[str]
) -> None:
    app, ids = archive
    found = {k for k, _ in keys(app, ids, query)}
    assert must <= found, (query, found)
    assert not (must_not & found), (query, found)


def test_phrase_needs_the_words_together(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    # football_en has "South", "China" and "sea" but not as the phrase
    loose = {k for k, _ in keys(app, ids, "South China Sea")}
    assert "football_en" in loose
    assert "football_en" not in {k for k, _ in keys(app, ids, '"South China Sea"')}


def test_traditional_and_simplified_find_each_other(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    assert {"acsa_zh", "marcos_zh"} <= {k for k, _ in keys(app, ids, "菲律賓")}  # Traditional
    assert [k for k, _ in keys(app, ids, "韩国 海军")] == ["navy_hant"]  # Simplified
    assert [k for k, _ in keys(app, ids, "國防")] == ["navy_hant"]


def test_cross_language_through_translations(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    assert ("typhoon_zh", "translation") in keys(app, ids, "typhoon Okinawa")
    assert ("markets_en", "translation") in keys(app, ids, "股市")
    got = dict(keys(app, ids, "Motegi"))
    assert got["acsa_en"] == "original" and got["acsa_zh"] == "translation"


def test_title_outranks_body(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    # "Manila": in acsa_en's title (and body), only in the translated body of acsa_zh
    assert [k for k, _ in keys(app, ids, "Manila")] == ["acsa_en", "acsa_zh"]
    # 马尼拉: in acsa_en's translated title, only in the body of acsa_zh
    assert [k for k, _ in keys(app, ids, "马尼拉")] == ["acsa_en", "acsa_zh"]


def test_snippets_come_from_the_original_text(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    hit = search(app, "國防", semantic=False)[0]
    assert "«國防»" in hit.snippet and "海軍搜救演習" in hit.snippet  # no spaces, Traditional
    hit = next(h for h in search(app, "Motegi", semantic=False) if h.id == ids["acsa_zh"])
    assert "«Motegi»" in hit.snippet  # from the translation it matched in
    hit = next(h for h in search(app, "signing", semantic=False) if h.id == ids["acsa_en"])
    assert "«signing»" in hit.snippet or "«signed»" in hit.snippet


def test_filters(archive: tuple[App, dict[str, int]], storage: Any) -> None:
    app, ids = archive
    q = "日本"
    assert {k for k, _ in keys(app, ids, q, filters=SearchFilters(langs=("zh-Hant",)))} == {
        "navy_hant"
    }
    day = SearchFilters(
        since=datetime(2026, 1, 18, tzinfo=UTC), until=datetime(2026, 1, 19, tzinfo=UTC)
    )
    assert {k for k, _ in keys(app, ids, q, filters=day)} == {"typhoon_zh"}
    assert {
        k for k, _ in keys(app, ids, "Japanese", filters=SearchFilters(feeds=("Wire EN",)))
    } == {
        "acsa_en",
        "markets_en",
    }
    tagged = {k for k, _ in keys(app, ids, q, filters=SearchFilters(tags=("chinese",)))}
    assert tagged == {"navy_hant", "acsa_zh", "typhoon_zh"}
    with storage.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stories(id, title, first_seen, last_seen, article_count) "
                "VALUES (7, 't', '2026-01-01', '2026-01-02', 1)"
            )
        )
        conn.execute(
            text("UPDATE articles SET story_id = 7 WHERE id = :i"), {"i": ids["typhoon_zh"]}
        )
    assert {k for k, _ in keys(app, ids, q, filters=SearchFilters(story_id=7))} == {"typhoon_zh"}
    hits = search(app, q, semantic=False)
    assert next(h for h in hits if h.id == ids["typhoon_zh"]).story_id == 7


def test_result_fields(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    hit = next(h for h in search(app, "Motegi", semantic=False) if h.id == ids["acsa_zh"])
    assert hit.title == "日本和菲律宾签署新的防务协定以加强关系"
    assert hit.title_translated and hit.title_translated.startswith("Japan and the Philippines")
    assert hit.feed == "新闻 中文" and hit.lang == "zh"
    assert hit.url == "https://example.org/acsa_zh" and hit.urls == (hit.url,)
    assert hit.published == datetime(2026, 1, 16, 8, tzinfo=UTC)
    assert hit.score > 0


def test_exclusion_or_and_prefix(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    assert "acsa_en" not in {k for k, _ in keys(app, ids, "Japanese -Manila")}
    assert "markets_en" in {k for k, _ in keys(app, ids, "Japanese -Manila")}
    assert {k for k, _ in keys(app, ids, "Arsenal OR typhoon")} == {"football_en", "typhoon_zh"}
    assert "acsa_en" in {k for k, _ in keys(app, ids, "Moteg*")}


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "NEAR(a b)", "title:Japan", "^Japan", "Japan AND", "a OR", "Japan -"],
)
def test_operators_are_literal_or_ignored(archive: tuple[App, dict[str, int]], query: str) -> None:
    app, _ = archive
    search(app, query, semantic=False)  # no exception: a literal search


@pytest.mark.parametrize("query", ["", "   ", "*", "-", "NOT", "- *", "-Japan", "!!!", '""'])
def test_unsearchable_queries_are_usage_errors(
    archive: tuple[App, dict[str, int]], query: str
) -> None:
    app, _ = archive
    with pytest.raises(UsageError):
        search(app, query, semantic=False)


def test_fuse_is_reciprocal_rank() -> None:
    a = [SearchCandidate(1, 5.0, "original"), SearchCandidate(2, 4.0, "translation")]
    b = [SearchCandidate(2, 0.9, "semantic"), SearchCandidate(3, 0.8, "semantic")]
    out = fuse([a, b])
    assert [c.article_id for c in out] == [2, 1, 3]
    assert out[0].matched == "translation"  # the lexical explanation wins
    assert out[0].score == pytest.approx(1 / 62 + 1 / 61, rel=1e-4)


def test_parse_segments_chinese_and_folds_traditional() -> None:
    q = parse_query("防務協定 Motegi")
    assert [t.text for t in q.terms] == ["防务", "协定", "Motegi"]


# --- the index kept in step with the data --------------------------------------------------


def _item(feed_id: int, guid: str, title: str, body: str, day: int = 3) -> NewArticle:
    when = datetime(2026, 2, day, tzinfo=UTC)
    return NewArticle(
        feed_id=feed_id,
        guid=guid,
        url=f"https://example.org/{guid}",
        title=title,
        summary="",
        body=body,
        lang="en",
        lang_confidence=1.0,
        published=when,
        fetched=when,
        fingerprint=fingerprint(title, body),
    )


def _fts_rows(storage: Any) -> int:
    with storage.engine.connect() as conn:
        from storage import search_index

        return search_index.size(conn)


def test_failed_write_leaves_no_ghost_and_loses_nothing(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    app, ids = archive
    feed_id = storage.get_feed("Wire EN").id
    before = _fts_rows(storage)
    with pytest.raises(StorageError):
        ingest(
            storage,
            [_item(feed_id, "ok1", "Zanzibar ferry", "A ferry."), _item(99999, "bad", "x", "y")],
        )
    assert _fts_rows(storage) == before
    assert keys(app, ids, "Zanzibar") == []
    with pytest.raises(StorageError):
        storage.save_translations(
            indexed(
                [
                    Translation(ids["marcos_zh"], "title", "zh", "en", "Quokka order", "t", "1"),
                    Translation(ids["marcos_zh"], "body", "zh", "en", None, "t", "1"),  # type: ignore[arg-type]
                ]
            )
        )
    assert keys(app, ids, "Quokka") == []
    assert {"marcos_zh"} <= {k for k, _ in keys(app, ids, "菲律宾")}


def test_rewritten_text_replaces_its_index_entry(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    app, ids = archive
    feed_id = storage.get_feed("Sport EN").id
    res = ingest(storage, [_item(feed_id, "live", "Walrus spotted", "Early report.", 3)])
    aid = res.new[0]
    ingest(storage, [_item(feed_id, "live", "Narwhal spotted", "Corrected report.", 4)])
    assert search(app, "Walrus", semantic=False) == []
    assert [h.id for h in search(app, "Narwhal", semantic=False)] == [aid]
    storage.save_translations(
        indexed([Translation(aid, "title", "en", "zh", "发现独角鲸", "t", "1")])
    )
    assert [(h.id, h.matched) for h in search(app, "独角鲸", semantic=False)] == [
        (aid, "translation")
    ]


def test_stats_counts_index(archive: tuple[App, dict[str, int]], storage: Any) -> None:
    # the byte size walks every index page (dbstat: 2.8 s at 1M articles), so it is not in
    # `stats`; the benchmark reports it
    assert storage.stats().extra["search_index_rows"] == len(corpus())
    assert storage.search_index_bytes() > 4096


def test_group_by_story_keeps_the_best_article(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    app, ids = archive
    with storage.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO stories(id, title, first_seen, last_seen, article_count) "
                "VALUES (3, 't', '2026-01-01', '2026-01-02', 2)"
            )
        )
        conn.execute(
            text("UPDATE articles SET story_id = 3 WHERE id IN (:a, :b)"),
            {"a": ids["acsa_en"], "b": ids["acsa_zh"]},
        )
    flat = search(app, "Motegi", semantic=False)
    grouped = search(app, "Motegi", semantic=False, group="story")
    assert len(flat) == 2 and [h.id for h in grouped] == [flat[0].id]


def test_unsafe_query_text_is_bound_not_interpolated(
    archive: tuple[App, dict[str, int]], storage: Any, db_path: Path
) -> None:
    app, _ = archive
    search(app, "'); DROP TABLE articles; --", semantic=False)
    search(app, '" OR 1=1 --', semantic=False)
    assert storage.count_articles() == len(corpus())


def test_broken_model_falls_back_to_words(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    import numpy as np

    class Broken:
        model_name, dim = "fake-model", 384

        def query(self, text: str) -> Any:
            raise RuntimeError("model file damaged")

    app, ids = archive
    rng = np.random.default_rng(0)
    storage.put_vectors(
        "fake-model",
        [(i, "en", rng.standard_normal(384).astype(np.float32).tobytes()) for i in ids.values()],
    )
    app.embedder = Broken()
    assert {h.matched for h in search(app, "Motegi")} == {"original", "translation"}


def test_long_query_falls_back_to_any_word_ranked(archive: tuple[App, dict[str, int]]) -> None:
    app, ids = archive
    # no article has all of these words: those with any of them, by bm25
    assert keys(app, ids, "Motegi Okinawa") == []  # two words stay strict
    ranked = [k for k, _ in keys(app, ids, "Motegi Lazaro visited Okinawa yesterday")]
    assert set(ranked) == {"acsa_en", "acsa_zh", "typhoon_zh"}


def test_process_killed_mid_write_leaves_index_and_table_agreeing(
    archive: tuple[App, dict[str, int]], storage: Any, db_path: Path
) -> None:
    import subprocess
    import sys

    app, ids = archive
    before = (storage.count_articles(), _fts_rows(storage))
    feed_id = storage.get_feed("Wire EN").id
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from datetime import UTC, datetime
from aggregator.ingest import ingest
from aggregator.models import NewArticle
from storage import Storage, ingest_rows
s = Storage({str(db_path)!r})
real = ingest_rows.insert_search
def die(db, rows):
    real(db, rows)
    os._exit(9)  # killed after the index row was written, before the commit
ingest_rows.insert_search = die
when = datetime(2026, 2, 1, tzinfo=UTC)
ingest(s, [NewArticle(feed_id={feed_id}, guid="k", url="https://example.org/k",
    title="Kakapo parrots return", summary="", body="Kakapo.", lang="en", lang_confidence=1.0,
    published=when, fetched=when, fingerprint="kakapo")])
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert r.returncode == 9, r.stderr
    assert (storage.count_articles(), _fts_rows(storage)) == before
    assert search(app, "Kakapo", semantic=False) == []
    if storage.engine.dialect.name == "sqlite":
        with storage.engine.begin() as conn:  # FTS5's own consistency check raises if broken
            conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
    assert {"acsa_en"} <= {k for k, _ in keys(app, ids, "Motegi")}


def test_highlight_skips_single_characters_of_longer_words() -> None:
    q = parse_query("茂木敏充 日本")
    assert "茂木敏充" in q.highlight and "日本" in q.highlight
    assert not {"茂", "木", "敏", "充"} & set(q.highlight)


def test_the_model_embeds_the_wanted_words_as_written() -> None:
    from aggregator.search import _query_vector_text

    assert _query_vector_text(parse_query('防务协定 "South China Sea" -Chinese')) == (
        "防务协定 South China Sea"
    )


def test_chinese_typed_together_ranks_first(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    app, ids = archive
    feed_id = storage.get_feed("新闻 中文").id
    apart = ingest(
        storage,
        [
            _item(
                feed_id,
                "apart",
                "防务合作与贸易协定：防务 协定 防务",
                "部长谈防务合作,也谈贸易协定。",
            )
        ],
    ).new[0]
    together = ingest(
        storage, [_item(feed_id, "together", "两国关系新进展", "两国周四签署了防务协定。")]
    ).new[0]
    assert parse_query("防务协定").together == ("防务协定",)
    ranked = [h.id for h in search(app, "防务协定", semantic=False)]
    assert ranked.index(together) < ranked.index(apart)
    assert parse_query("防務協定 日本").together == ("防务协定",)  # folded, one run only


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=st.characters(exclude_characters="«»", exclude_categories=("Cs",))),
    st.lists(st.text(min_size=1, max_size=6), max_size=4),
)
def test_snippets_of_any_text_are_bounded_and_balanced(text_: str, words: list[str]) -> None:
    from aggregator.snippets import snippet

    out = snippet(text_, words, width=60)
    assert out.count("«") == out.count("»")
    assert len(out.replace("«", "").replace("»", "")) <= 60 + 15 + 2


def test_an_unknown_name_is_found_however_the_index_cut_it(
    archive: tuple[App, dict[str, int]], storage: Any
) -> None:
    """三村淳, a name jieba does not know, is cut 官三村淳 where a title runs into it; the
    query finds it by its characters side by side, and never by those characters apart."""
    from dataclasses import replace

    app, ids = archive
    feed_id = storage.get_feed("Sport EN").id
    joined = replace(
        _item(feed_id, "yen", "日元急升", "日本负责国际事务的财务官三村淳对记者表示，不评论。"),
        lang="zh",
    )
    apart = replace(
        _item(feed_id, "apart", "三峡村落", "三峡库区的一个村庄，淳朴的村民。", 4), lang="zh"
    )
    res = ingest(storage, [joined, apart])
    found = {h.id for h in search(app, "三村淳", semantic=False)}
    assert res.new[0] in found and res.new[1] not in found
    assert res.new[1] not in {h.id for h in search(app, "三村", semantic=False)}
