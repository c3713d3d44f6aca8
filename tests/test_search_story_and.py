"""Story-level AND: a multi-word query finds the story when no single article holds every
word (the "China GDP" shape of held-out half c), and nothing when no story holds them all.

A small archive written through the storage API, stories assigned as the linker does
(`assign_stories`); runs on SQLite, and on PostgreSQL when NEWSDESK_TEST_DB names one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from sqlalchemy import event
from test_search_support import Doc, build

from aggregator.app import App
from aggregator.embed import to_bytes
from aggregator.models import Config, SearchFilters
from aggregator.search import search
from aggregator.search_cross import Bridges

DOCS = [
    # one story, three reports: China in one, GDP in the others, never both in one
    Doc(
        "gdp_en1",
        "Wire EN",
        "en",
        "China's growth slows to 4.8%",
        "The economy grew 4.8% in the second quarter, its slowest pace in a year.",
        14,
    ),
    Doc(
        "gdp_en2",
        "Wire EN",
        "en",
        "Statistics bureau: second-quarter GDP grew 4.8%",
        "Output rose 4.8% from a year earlier, the statistics bureau said. (Reuters)",
        15,
    ),
    Doc(
        "gdp_zh",
        "新闻 中文",
        "zh",
        "国家统计局：二季度GDP同比增长4.8%",
        "国家统计局周一公布，二季度GDP同比增长4.8%，增速放缓。",
        15,
    ),
    Doc(
        "gdp_mate",
        "Wire EN",
        "en",
        "Beijing's economy cools as exports slow",
        "Exporters and retailers reported weaker orders in the spring months.",
        16,
    ),
    # both words in one article, in a story of its own: a strict hit
    Doc(
        "imf",
        "Wire EN",
        "en",
        "IMF raises its China GDP forecast",
        "The IMF raised its forecast for China's GDP this year.",
        10,
    ),
    # one of the words each, in stories of their own
    Doc("sat", "Wire EN", "en", "China launches a weather satellite", "The launch went well.", 11),
    Doc("jp_gdp", "Wire EN", "en", "Japan's GDP shrinks", "Japan's GDP fell in the quarter.", 12),
    # TSMC in one story, the Philippines in another
    Doc("tsmc_en", "Wire EN", "en", "TSMC lifts capital spending", "TSMC raised its capex.", 17),
    Doc("tsmc_zh", "新闻 中文", "zh", "台积电第四季度净利润增长35%", "台积电上调资本支出。", 17),
    Doc("ph_en", "Wire EN", "en", "Philippines holds drills", "Manila and Tokyo held drills.", 18),
    Doc("ph_zh", "新闻 中文", "zh", "菲律宾与日本举行联合演习", "日本和菲律宾军队演习。", 18),
]
STORIES = {
    -1: ("gdp_en1", "gdp_en2", "gdp_zh", "gdp_mate"),
    -2: ("imf",),
    -3: ("sat",),
    -4: ("jp_gdp",),
    -5: ("tsmc_en", "tsmc_zh"),
    -6: ("ph_en", "ph_zh"),
}


class Fixed:
    """A query embedder returning one stored article's vector (so that article is the
    nearest neighbour of any query)."""

    model_name, dim = "test-model", 16

    def __init__(self, vec: Any) -> None:
        self.vec = vec

    def query(self, text: str) -> Any:
        return self.vec


@pytest.fixture()
def desk(storage: Any) -> tuple[App, dict[str, int]]:
    ids = build(storage, DOCS)
    storage.assign_stories([(ids[k], key) for key, keys in STORIES.items() for k in keys])
    return App(storage=storage, config=Config(feeds=())), ids


def keys(
    app: App, ids: dict[str, int], q: str, langs: tuple[str, ...] = (), **kw: Any
) -> list[str]:
    names = {v: k for k, v in ids.items()}
    hits = search(app, q, SearchFilters(langs=langs), limit=kw.pop("limit", 20), **kw)
    return [names[h.id] for h in hits]


def test_the_story_holds_the_words_no_article_does(desk: Any) -> None:
    app, ids = desk
    found = keys(app, ids, "China GDP", semantic=False)
    assert found[0] == "imf"  # the article with both words first
    assert {"gdp_en1", "gdp_en2", "gdp_zh"} <= set(found)
    assert not {"sat", "jp_gdp"} & set(found)  # their stories hold one word each
    # --lang zh: the Chinese report of that story, found through its story's English words
    assert keys(app, ids, "China GDP", ("zh",), semantic=False) == ["gdp_zh"]
    # the same in Chinese words
    assert {"gdp_en1", "gdp_en2", "gdp_zh"} <= set(keys(app, ids, "中国 GDP", semantic=False))


def test_no_story_holds_both_words(desk: Any) -> None:
    app, ids = desk
    assert keys(app, ids, "台积电 菲律宾", semantic=False) == []
    assert keys(app, ids, "TSMC Philippines", semantic=False) == []
    # each word alone still finds its story
    assert {"tsmc_en", "tsmc_zh"} <= set(keys(app, ids, "TSMC", semantic=False))


def test_not_excludes_per_article(desk: Any) -> None:
    app, ids = desk
    for q in ("China GDP -Reuters", "China GDP NOT Reuters"):
        found = keys(app, ids, q, semantic=False)
        assert "gdp_en2" not in found  # says Reuters
        assert {"gdp_en1", "gdp_zh"} <= set(found)  # the story still has China and GDP


def test_a_phrase_stays_in_the_article(desk: Any) -> None:
    app, ids = desk
    found = keys(app, ids, '"statistics bureau" China', semantic=False)
    assert "gdp_en2" in found  # has the phrase; China is elsewhere in its story
    assert "gdp_en1" not in found  # has China, not the phrase
    assert keys(app, ids, '"weather satellite" GDP', semantic=False) == []


def test_vector_hits_may_lean_on_their_story(desk: Any, storage: Any) -> None:
    app, ids = desk
    rng = np.random.default_rng(3)
    vecs = {k: v / np.linalg.norm(v) for k, v in ((d.key, rng.standard_normal(16)) for d in DOCS)}
    storage.put_vectors(
        Fixed.model_name, [(ids[d.key], d.lang, to_bytes(vecs[d.key])) for d in DOCS]
    )
    no_expansion = Bridges(True, True, False)  # story expansion would bring gdp_mate too
    app.embedder = Fixed(vecs["gdp_mate"])
    hits = search(app, "China GDP", limit=20, bridges=no_expansion)
    mate = [h for h in hits if h.id == ids["gdp_mate"]]
    assert mate and mate[0].matched == "semantic"  # neither word, but its story has both
    assert ids["sat"] not in {h.id for h in hits}
    app.embedder = Fixed(vecs["ph_en"])
    assert search(app, "TSMC Philippines", limit=20, bridges=no_expansion) == []
    assert search(app, "TSMC Philippines", limit=20) == []
    app.embedder = Fixed(vecs["gdp_mate"])  # a one-word query keeps its neighbours
    assert ids["gdp_mate"] in {h.id for h in search(app, "Japan", limit=20)}


def test_story_read_only_when_articles_fall_short(desk: Any) -> None:
    app, ids = desk
    reads: list[str] = []

    def seen(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        if "whole AS" in sql:
            reads.append(sql)

    engine = app.storage.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert keys(app, ids, "China GDP", limit=1, semantic=False) == ["imf"]
        assert keys(app, ids, "GDP", semantic=False)  # one word
        assert reads == []  # the strict hits filled the limit / nothing to AND
        keys(app, ids, "China GDP", semantic=False)
        assert len(reads) == 1  # one statement for the fallback
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def test_a_strong_hits_story_mates_in_its_own_language_follow_it(desk: Any) -> None:
    # "exporters" is only in gdp_mate; its English story-mates report the same event
    # without the word and come after it (the Chinese mate before them), with no vectors.
    app, ids = desk
    found = keys(app, ids, "exporters", semantic=False)
    assert found[0] == "gdp_mate"
    assert {"gdp_en1", "gdp_en2", "gdp_zh"} <= set(found)
    assert found.index("gdp_zh") < max(found.index("gdp_en1"), found.index("gdp_en2"))
    # ... but a phrase holds for them as for any English hit
    assert keys(app, ids, '"weaker orders"', semantic=False) == ["gdp_mate", "gdp_zh"]


def test_a_related_storys_other_language_articles_follow_lower(storage: Any) -> None:
    """A person is the subject of two events of one situation: the query's word is in one
    story's English report only, the related story is told in Chinese with a transliteration
    no dictionary holds. Related expansion brings it, after the seed's own story, and only
    for a related-coverage edge of at least RELATED_EXPAND_MIN."""
    from aggregator import search_cross

    docs = [
        Doc("named_en", "Wire EN", "en", "Macron names Vautrin prime minister",
            "Catherine Vautrin becomes France's prime minister.", 20),
        Doc("named_zh", "新闻 中文", "zh", "马克龙任命新总理", "法国总统府公布新总理人选。", 20),
        Doc("cabinet_zh", "新闻 中文", "zh", "沃特兰内阁名单公布", "新内阁共有十八名部长。", 22),
        Doc("other_zh", "新闻 中文", "zh", "法国农民抗议", "农民在巴黎街头抗议。", 22),
    ]  # fmt: skip
    ids = build(storage, docs)
    stories = storage.assign_stories(
        [(ids["named_en"], -1), (ids["named_zh"], -1), (ids["cabinet_zh"], -2),
         (ids["other_zh"], -3)]
    )  # fmt: skip
    named, cabinet, other = stories[-1], stories[-2], stories[-3]
    storage.save_story_links([(named, cabinet, 0.45), (named, other, 0.2)])
    app = App(storage=storage, config=Config(feeds=()))
    found = keys(app, ids, "Vautrin", semantic=False)
    assert found[0] == "named_en"
    assert found.index("named_zh") < found.index("cabinet_zh")  # the story's own mate first
    assert "other_zh" not in found  # an edge under RELATED_EXPAND_MIN brings nothing
    assert keys(app, ids, "Vautrin", ("zh",), semantic=False)[:2] == ["named_zh", "cabinet_zh"]
    old = search_cross.RELATED_EXPAND_MIN
    search_cross.RELATED_EXPAND_MIN = 2.0  # off
    try:
        assert "cabinet_zh" not in keys(app, ids, "Vautrin", semantic=False)
    finally:
        search_cross.RELATED_EXPAND_MIN = old
