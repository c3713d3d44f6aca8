"""Linking with the real multilingual embedder on a small bilingual set, stored in a real
SQLite file: stories across languages, resumability, vectors and language means, related
coverage from a page's own links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from support_stories import ingest

from aggregator.app import App
from aggregator.embed import DIM, MODEL_NAME, get_embedder
from aggregator.linker import link_pending
from aggregator.models import Config

SEEDS = Path(__file__).parent / "data" / "seeds"


def _rows() -> list[dict[str, Any]]:
    seed_en = (SEEDS / "000_1fef5196e698dfdc.txt").read_text(encoding="utf-8")
    return [
        {
            "id": "acsa_en", "feed": "Wire EN", "lang": "en",
            "title": "Japan and Philippines sign defence supply pact in Manila",
            "summary": "", "body": seed_en, "published": "2026-01-15T08:00:00Z",
            "url": "https://wire.example.com/acsa",
            "related_urls": ["https://daily.example.cn/drills"],
        },
        {
            "id": "acsa_zh", "feed": "Daily ZH", "lang": "zh",
            "title": "日菲在马尼拉签署《物资劳务相互提供协定》",
            "summary": "日本外相茂木敏充与菲律宾外长拉扎罗1月15日在马尼拉签署ACSA协定，"
            "两国部队可在联合演习中相互提供弹药、燃料和食品。",
            "body": "", "published": "2026-01-15T10:00:00Z", "url": "https://daily.example.cn/acsa",
        },
        {
            "id": "phone_zh", "feed": "Daily ZH", "lang": "zh",
            "title": "三星发布Galaxy S26系列手机 主打端侧AI",
            "summary": "三星电子2月25日在旧金山发布Galaxy S26系列智能手机，起售价899美元，"
            "主打在手机端运行的人工智能功能。",
            "body": "", "published": "2026-02-25T23:50:00Z", "url": "https://daily.example.cn/s26",
        },
        {
            "id": "phone_en", "feed": "Wire EN", "lang": "en",
            "title": "Samsung unveils Galaxy S26 phones with on-device AI",
            "summary": "Samsung Electronics on February 25 unveiled its Galaxy S26 smartphones in "
            "San Francisco, priced from $899, betting on AI features that run on the phone.",
            "body": "", "published": "2026-02-25T18:40:00Z", "url": "https://wire.example.com/s26",
        },
        {
            "id": "drills_zh", "feed": "Daily ZH", "lang": "zh",
            "title": "韩国和日本同意时隔九年恢复海军搜救演习",
            "summary": "韩日两国防长1月30日在横须贺会谈，同意恢复中断九年的海上联合搜救演习。",
            "body": "", "published": "2026-01-30T09:20:00Z", "url": "https://daily.example.cn/drills",
        },
    ]  # fmt: skip


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, dict[str, int]]]:
    from storage import Storage

    st = Storage(str(tmp_path_factory.mktemp("link") / "link.db"))
    ids = ingest(st, _rows())
    app = App(storage=st, config=Config(feeds=()), embedder=get_embedder())
    report = link_pending(app)
    assert report.embedded == report.linked == len(_rows())
    yield app, ids
    st.close()


def _story(app: App, ids: dict[str, int], key: str) -> int:
    sid = app.storage.story_of(ids[key])
    assert sid is not None
    return int(sid)


def test_same_event_in_two_languages_is_one_story(linked: tuple[App, dict[str, int]]) -> None:
    app, ids = linked
    assert _story(app, ids, "acsa_en") == _story(app, ids, "acsa_zh")
    assert _story(app, ids, "phone_en") == _story(app, ids, "phone_zh")
    assert _story(app, ids, "acsa_en") != _story(app, ids, "phone_en")
    assert _story(app, ids, "drills_zh") not in {
        _story(app, ids, "acsa_en"),
        _story(app, ids, "phone_en"),
    }


def test_story_record(linked: tuple[App, dict[str, int]]) -> None:
    app, ids = linked
    story = app.storage.get_story(_story(app, ids, "acsa_en"))
    assert story.languages == ("en", "zh")
    assert {a.id for a in story.articles} == {ids["acsa_en"], ids["acsa_zh"]}
    assert story.first_seen.isoformat() == "2026-01-15T08:00:00+00:00"
    assert story.last_seen.isoformat() == "2026-01-15T10:00:00+00:00"
    # One article per language: the tie goes to the language that reported first.
    assert story.title == "Japan and Philippines sign defence supply pact in Manila"


def test_page_related_link_becomes_a_story_edge(linked: tuple[App, dict[str, int]]) -> None:
    app, ids = linked
    story = app.storage.get_story(_story(app, ids, "acsa_en"))
    drills = _story(app, ids, "drills_zh")
    assert drills in {r.id for r in story.related}
    back = app.storage.get_story(drills)
    assert story.id in {r.id for r in back.related}  # edges read both ways


def test_vectors_and_language_means_are_stored(linked: tuple[App, dict[str, int]]) -> None:
    app, ids = linked
    vecs = app.storage.get_vectors(list(ids.values()))
    assert len(vecs) == len(set(ids.values()))
    lang, blob = vecs[ids["acsa_en"]]
    raw = np.frombuffer(blob, dtype=np.float32)
    assert lang == "en" and raw.shape == (DIM,)
    assert abs(float(np.linalg.norm(raw)) - 1.0) < 1e-3  # raw normalized vectors stored
    means = app.storage.language_means(MODEL_NAME)
    assert means["en"][0] == 2 and means["zh"][0] == 3
    en = [np.frombuffer(vecs[ids[k]][1], dtype=np.float32) for k in ("acsa_en", "phone_en")]
    stored = np.frombuffer(means["en"][1], dtype=np.float32)
    assert np.allclose(stored, np.mean(en, axis=0), atol=1e-5)


def test_linking_is_incremental_and_resumable(linked: tuple[App, dict[str, int]]) -> None:
    app, ids = linked
    again = link_pending(app)
    assert (again.embedded, again.linked) == (0, 0)  # nothing pending: nothing recomputed
    before = app.storage.get_story(_story(app, ids, "phone_en"))
    late = {
        "id": "phone_hant", "feed": "HK", "lang": "zh-Hant",
        "title": "三星Galaxy S26旗艦登場 主打端側AI",
        "summary": "三星電子2月25日在三藩市發佈Galaxy S26系列手機，售價899美元起。",
        "body": "", "published": "2026-02-26T02:30:00Z", "url": "https://hk.example.com/s26",
    }  # fmt: skip
    new_ids = ingest(app.storage, [late])
    report = link_pending(app)
    assert (report.embedded, report.linked, report.stories_created) == (1, 1, 0)
    after = app.storage.get_story(before.id)
    assert new_ids["phone_hant"] in {a.id for a in after.articles}
    assert after.languages == ("en", "zh", "zh-Hant")


def test_embedding_budget_links_what_is_embedded_and_the_rest_waits(tmp_path: Path) -> None:
    """A poll's embedding has a time budget (limits.embed_seconds): articles left without a
    vector are not linked yet, and the next run embeds and links them."""
    import time

    import aggregator.linker as linker
    from storage import Storage

    real = get_embedder()

    class Slow:
        model_name, dim = real.model_name, real.dim
        calls = 0

        def passages(self, texts: list[str]) -> Any:
            Slow.calls += 1
            time.sleep(0.3)
            return real.passages(texts)

        def query(self, text: str) -> Any:
            return real.query(text)

    st = Storage(str(tmp_path / "b.db"))
    try:
        ingest(st, _rows())
        app = App(storage=st, config=Config(feeds=()), embedder=Slow())
        old = linker.EMBED_BATCH
        linker.EMBED_BATCH = 2
        try:
            first = link_pending(app, embed_budget_seconds=0.1)
        finally:
            linker.EMBED_BATCH = old
        assert first.embedded == 2 and first.linked == 2 and Slow.calls == 1
        assert st.stats().extra["vectors"] == 2
        second = link_pending(app)
        assert second.embedded == len(_rows()) - 2 and second.linked == len(_rows()) - 2
        assert second.linked + first.linked == len(_rows())
    finally:
        st.close()
