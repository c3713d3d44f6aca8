"""Query semantics across languages, through the dictionary bridge (no vectors, no
translations stored: what crosses here is CC-CEDICT and the names table).

A small archive written through the storage API; each test asserts what a person expects
in both languages: words ANDed (Chinese words as jieba and the names table cut them),
NOT in both languages, --lang zh spanning both scripts, --lang with a query in the other
language, no single character of a longer word standing for it.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_search_support import Doc, build

from aggregator.app import App
from aggregator.models import Config, SearchFilters
from aggregator.search import MAX_VECTOR_CHARS, _query_vector_text, parse_query, search

DOCS = [
    Doc(
        "tsmc_zh",
        "新闻 中文",
        "zh",
        "台积电第四季度净利润增长35%",
        "台积电表示今年资本支出最高560亿美元。",
        10,
    ),
    Doc("tsmc_hant", "台灣 新聞", "zh-Hant", "台積電上季純利大增", "台積電上調資本支出。", 11),
    Doc(
        "tsmc_ph_zh",
        "新闻 中文",
        "zh",
        "台积电考虑在菲律宾设立封装厂",
        "菲律宾政府欢迎台积电投资。",
        12,
    ),
    Doc(
        "ph_zh", "新闻 中文", "zh", "菲律宾与日本举行联合演习", "日本和菲律宾军队在吕宋岛演习。", 13
    ),
    Doc("jp_zh", "新闻 中文", "zh", "日本央行维持利率不变", "日本央行行长表示在观察通胀。", 14),
    Doc("zai_zh", "新闻 中文", "zh", "台风在冲绳登陆", "台风在周二登陆,居民在家避险。", 15),
    Doc("people_zh", "新闻 中文", "zh", "人们在说什么:选举观察", "人们在街头讨论选举。", 16),
    Doc("tsmc_en", "Wire EN", "en", "TSMC lifts capital spending", "TSMC raised its capex.", 17),
    # a transliterated name the index cuts into 卢斯说 (and its characters): its two-character
    # half still finds it
    Doc(
        "rice_hant",
        "台灣 新聞",
        "zh-Hant",
        "菲律賓稻米進口關稅降為零",
        "農業部長比亞盧斯說將釋出公糧。",
        19,
    ),
    Doc(
        "jp_en", "Wire EN", "en", "Japan holds rates", "The Bank of Japan kept rates unchanged.", 18
    ),
    # one country under its mainland and its Taiwan name (赞比亚 / 尚比亞)
    Doc("zm_zh", "新闻 中文", "zh", "赞比亚铜矿工人罢工", "赞比亚北部铜带省矿工罢工。", 20),
    Doc("zm_hant", "台灣 新聞", "zh-Hant", "尚比亞銅價大漲", "尚比亞銅礦出口創新高。", 21),
    # one word on either side of the strait (勒索软件 / 勒索軟體)
    Doc("rw_zh", "新闻 中文", "zh", "德班港遭勒索软件攻击", "码头系统被勒索软件锁死。", 22),
    Doc("rw_hant", "台灣 新聞", "zh-Hant", "醫院遭勒索軟體攻擊", "院方系統遭勒索軟體加密。", 23),
]


@pytest.fixture()
def desk(storage: Any) -> tuple[App, dict[str, int]]:
    ids = build(storage, DOCS)
    return App(storage=storage, config=Config(feeds=())), ids


def keys(app: App, ids: dict[str, int], q: str, langs: tuple[str, ...] = ()) -> list[str]:
    names = {v: k for k, v in ids.items()}
    hits = search(app, q, SearchFilters(langs=langs), limit=20, semantic=False)
    return [names[h.id] for h in hits]


def test_english_query_finds_chinese_articles_by_dictionary(desk: Any) -> None:
    app, ids = desk
    found = keys(app, ids, "TSMC")
    assert {"tsmc_zh", "tsmc_hant", "tsmc_ph_zh", "tsmc_en"} <= set(found)
    hits = search(app, "TSMC", limit=20, semantic=False)
    # a dictionary hit on the original text is an "original" match: the JSON kinds stay three
    assert {h.matched for h in hits} <= {"original", "translation", "semantic"}
    assert all(h.matched == "original" for h in hits if h.lang != "en")


def test_chinese_words_are_anded(desk: Any) -> None:
    app, ids = desk
    assert keys(app, ids, "台积电 菲律宾") == ["tsmc_ph_zh"]
    assert keys(app, ids, "TSMC Philippines") == ["tsmc_ph_zh"]


def test_function_words_are_not_required_or_matched_alone(desk: Any) -> None:
    app, ids = desk
    found = keys(app, ids, "人们在说什么")
    assert "zai_zh" not in found  # shares only 在 with the query
    assert "people_zh" in found


def test_a_two_character_word_the_index_cut_inside_a_longer_one(desk: Any) -> None:
    app, ids = desk
    assert keys(app, ids, "比亞盧斯") == ["rice_hant"]
    assert keys(app, ids, "盧斯") == ["rice_hant"]
    assert "people_zh" not in keys(app, ids, "们在")  # 在 is a word everywhere


def test_a_place_under_its_other_regional_name(desk: Any) -> None:
    """Taiwan's 尚比亞 finds the mainland's 赞比亚 and back: jieba cut 尚比亞 into 尚 + 比亚,
    so the query keeps dictionary names whole and adds their other regional forms."""
    from aggregator.bilingual import regional_forms

    app, ids = desk
    assert set(keys(app, ids, "尚比亞")) == {"zm_zh", "zm_hant"}
    assert set(keys(app, ids, "赞比亚")) == {"zm_zh", "zm_hant"}
    assert keys(app, ids, "赞比亚 罢工") == ["zm_zh"]
    assert "赞比亚" in regional_forms("尚比亞") and "坎培拉" in regional_forms("堪培拉")
    # a name many headwords share is no such pair: 中国's "China" leads to 中日韩
    assert regional_forms("中国") == ()


def test_a_word_as_the_other_side_of_the_strait_writes_it(desk: Any) -> None:
    """Taiwan's 勒索軟體 finds the mainland's (and Hong Kong's) 勒索软件 and back: script
    folding leaves 软体 and 软件 apart, OpenCC's Taiwan phrase tables join them (blind half
    bg's query found nothing)."""
    app, ids = desk
    assert set(keys(app, ids, "勒索軟體")) == {"rw_zh", "rw_hant"}
    assert set(keys(app, ids, "勒索软件")) == {"rw_zh", "rw_hant"}


def test_not_excludes_in_both_languages(desk: Any) -> None:
    app, ids = desk
    found = keys(app, ids, "Japan NOT Philippines")
    assert "jp_zh" in found and "jp_en" in found
    assert "ph_zh" not in found  # 菲律宾 is Philippines in Chinese
    assert "ph_zh" not in keys(app, ids, "日本 -Philippines")


def test_lang_zh_spans_both_scripts_and_zh_hant_narrows(desk: Any) -> None:
    app, ids = desk
    assert {"tsmc_zh", "tsmc_hant"} <= set(keys(app, ids, "台积电", ("zh",)))
    assert keys(app, ids, "TSMC", ("zh-Hant",)) == ["tsmc_hant"]
    assert keys(app, ids, "台積電", ("en",)) == ["tsmc_en"]


def test_no_single_character_of_a_longer_word() -> None:
    for text in ("茂木敏充", "防务协定", "台积电"):
        for term in parse_query(text).terms:
            for alt in term.alternatives:
                assert any(len(tok) > 1 for tok in alt), (text, alt)


def test_a_huge_query_is_cut_before_embedding() -> None:
    q = parse_query("typhoon" + "x" * 100_000)
    assert len(_query_vector_text(q)) <= MAX_VECTOR_CHARS


def test_one_full_text_query_carries_the_dictionary(desk: Any) -> None:
    """A --lang search in the other language: the words, their translations and the story
    seeds come from one ranked full-text statement (before: four, one per list)."""
    from sqlalchemy import event

    app, ids = desk
    ranked: list[str] = []

    def seen(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        if "bm25(" in sql or "ts_rank(" in sql:
            ranked.append(sql)

    engine = app.storage.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert keys(app, ids, "TSMC", ("zh",))[:1] != []
        assert {"tsmc_zh", "tsmc_hant", "tsmc_ph_zh"} <= set(keys(app, ids, "TSMC", ("zh",)))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(ranked) == 2  # one per search above


def test_translations_join_each_term_in_the_originals_only() -> None:
    from aggregator import search_bridge as bridge
    from storage.search_index import match_expression

    query = parse_query("TSMC Philippines -Japan")
    zh = bridge.translated(query, "zh")
    words = bridge.with_translations(bridge.with_excluded(query, [zh]), [zh])
    expr = match_expression(words)
    # each typed term ORed with its Chinese words in the original columns, ANDed across
    assert [len(t.original) for t in words.terms] == [1, 1]
    assert expr.count("{title body} :") == 2
    assert '"台积"' in expr and '"菲律宾"' in expr
    assert expr.index('"菲律宾"') > expr.index(") AND (")  # the second term's group
    assert '"日本"' in expr[expr.index(" NOT ") :]  # NOT in both languages, any column


def test_lexical_langs_reranks_a_language_the_cap_cut_short(desk: Any) -> None:
    """The newest `cap` matches may hold none of a rare wanted language: it is ranked again
    among its own matches, so --lang zh-Hant still finds its article."""
    from aggregator import search_bridge as bridge
    from storage import search_index

    app, ids = desk
    query = parse_query("TSMC")
    words = bridge.with_translations(query, [bridge.translated(query, "zh")])
    with app.storage.engine.connect() as conn:
        got = search_index.lexical_langs(
            conn, words, SearchFilters(langs=("zh-Hant",)), None, limit=5, cap=1
        )
    langs = {c.lang for c in got}
    assert ids["tsmc_hant"] in {c.article_id for c in got if c.lang == "zh-Hant"}
    assert "en" in langs  # the newest match, another language, still comes back as a seed


def test_the_other_language_takes_places_by_its_strong_hits() -> None:
    from aggregator.models import SearchCandidate
    from aggregator.search_bridge import interleave

    lang = {i: "en" for i in range(1, 8)} | {i: "zh" for i in range(11, 18)}
    ranked = [SearchCandidate(i, 1.0 - i / 100, "original") for i in [*range(1, 8), *range(11, 18)]]
    order = [c.article_id for c in interleave(ranked, lang, "en")]
    assert order[:6] == [1, 11, 2, 3, 12, 4]  # the query's language: 3 of the first 5
    weak_zh = set(range(13, 18))
    strong = {c.article_id for c in ranked} - weak_zh
    order = [c.article_id for c in interleave(ranked, lang, "en", strong)]
    assert order[:9] == [1, 11, 2, 3, 12, 4, 5, 6, 7]  # zh's weak hits wait for en's strong
    assert order[9:] == [13, 14, 15, 16, 17]
    scores = [c.score for c in interleave(ranked, lang, "en", strong)]
    assert scores == sorted(scores, reverse=True)


def test_vector_hits_of_one_typed_chinese_run_need_one_of_its_words() -> None:
    """存款保險 typed as one run is one concept (deposit insurance): a vector neighbour that
    says 存款担保 (a deposit guarantee) stays, one with neither word goes. Typed as two
    words with a space, both are required, as for `台积电 菲律宾` (blind half bp: the
    guarantee's three reports were dropped for lacking 保险)."""
    from datetime import datetime

    from aggregator.models import SearchCandidate, SearchDoc
    from aggregator.search_cross import held_to_words

    def doc(i: int, title: str) -> SearchDoc:
        return SearchDoc(i, None, (), title, "", None, "", "zh", "f", datetime(2032, 1, 1), i)

    docs = {1: doc(1, "政府提供全额存款担保"), 2: doc(2, "央行宣布降息"), 3: doc(3, "存款保险覆盖")}
    fused = [SearchCandidate(i, 1.0, "semantic", "zh") for i in (1, 2, 3)]
    kept = held_to_words(fused, docs, parse_query("存款保險"), {})
    assert [c.article_id for c in kept] == [1, 3]
    spaced = held_to_words(fused, docs, parse_query("存款 保險"), {})
    assert [c.article_id for c in spaced] == [3]
