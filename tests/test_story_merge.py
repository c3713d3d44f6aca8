"""Story merges on a real SQLite file: a bridging article folds a stored story into an older
one, the old id resolves to the merged story, links follow, the merge can be undone, and a
v3 database gains the alias table on open."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.dedup import fingerprint
from aggregator.ingest import ingest
from aggregator.models import FeedConfig, NewArticle
from storage import VERSION, Storage

T0 = datetime(2026, 1, 15, 9, tzinfo=UTC)


def _article(fid: int, n: int, title: str, lang: str) -> NewArticle:
    body = f"{title} body {n}"
    return NewArticle(
        feed_id=fid, guid=f"g{n}", url=f"https://x.example/{n}", title=title, summary="",
        body=body, lang=lang, lang_confidence=0.9, published=T0 + timedelta(hours=n),
        fetched=T0, fingerprint=fingerprint(title, body),
    )  # fmt: skip


def _stored(storage: Any) -> list[int]:
    fid = storage.sync_feeds([FeedConfig("A", "https://a.example/rss")])[0].id
    titles = [
        ("TSMC fourth-quarter profit jumps", "en"),
        ("台积电第四季度净利润大增", "zh"),
        ("TSMC results lift Taiwan stocks", "en"),
        ("Samsung unveils Galaxy S26", "en"),
    ]
    for n, (title, lang) in enumerate(titles):
        ingest(storage, [_article(fid, n, title, lang)])
    return [storage.article_for_entry(fid, f"g{n}") for n in range(len(titles))]


def test_bridge_merges_into_the_older_story_and_old_id_resolves(storage: Any) -> None:
    a, b, c, d = _stored(storage)
    created = storage.assign_stories([(a, -1), (b, -2), (d, -3)])
    en, zh, other = created[-1], created[-2], created[-3]
    storage.save_story_links([(zh, other, 0.4)])
    # The bridging article joins the English story and folds the Chinese one into it.
    storage.assign_stories([(c, en)], (), [(zh, en, c)])
    merged = storage.get_story(zh)
    assert merged is not None and merged.id == en
    assert sorted(x.id for x in merged.articles) == sorted([a, b, c])
    assert set(merged.languages) == {"en", "zh"}
    assert storage.story_alias(zh) == en and storage.story_alias(en) is None
    assert [r.id for r in merged.related] == [other]  # the link moved with the articles
    assert zh not in {s.id for s in storage.list_stories()}  # listed once, as the survivor
    # An edge saved later against the old id lands on the survivor.
    storage.save_story_links([(zh, other, 0.7)])
    got = storage.get_story(other)
    assert got is not None and [(r.id, r.score) for r in got.related] == [(en, 0.7)]


def test_story_links_of_reads_the_strong_edges_touching_the_stories(storage: Any) -> None:
    a, b, c, d = _stored(storage)
    created = storage.assign_stories([(a, -1), (b, -2), (c, -3), (d, -4)])
    s1, s2, s3, s4 = (created[k] for k in (-1, -2, -3, -4))
    storage.save_story_links([(s1, s2, 0.5), (s3, s2, 0.2), (s3, s4, 0.9)])
    got = sorted(
        (min(x, y), max(x, y), round(sc, 3)) for x, y, sc in storage.story_links_of([s2], 0.3)
    )
    assert got == [(min(s1, s2), max(s1, s2), 0.5)]
    assert len(storage.story_links_of([s2, s4], 0.1)) == 3
    assert storage.story_links_of([], 0.0) == []


def test_merge_is_undone_exactly(storage: Any) -> None:
    a, b, c, _d = _stored(storage)
    created = storage.assign_stories([(a, -1), (b, -2)])
    en, zh = created[-1], created[-2]
    storage.assign_stories([(c, en)], (), [(zh, en, c)])
    assert storage.unmerge_story(zh) is True
    back = storage.get_story(zh)
    assert back is not None and back.id == zh and [x.id for x in back.articles] == [b]
    kept = storage.get_story(en)
    assert kept is not None and sorted(x.id for x in kept.articles) == sorted([a, c])
    assert storage.story_alias(zh) is None and storage.unmerge_story(zh) is False


def test_chained_merges_resolve_in_one_hop(storage: Any) -> None:
    a, b, c, d = _stored(storage)
    created = storage.assign_stories([(a, -1), (b, -2), (c, -3)])
    s1, s2, s3 = created[-1], created[-2], created[-3]
    storage.assign_stories([(d, s2)], (), [(s3, s2, d)])
    storage.assign_stories([], (), [(s2, s1, d)])
    assert storage.story_alias(s3) == s1 and storage.story_alias(s2) == s1
    story = storage.get_story(s3)
    assert story is not None and story.id == s1 and len(story.articles) == 4


@pytest.mark.sqlite_only  # builds a v3 file with sqlite3
def test_v3_database_gains_aliases_and_profiles(db_path: Path) -> None:
    Storage(str(db_path)).close()
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE story_aliases")
    con.execute("DROP TABLE link_keys")
    con.execute("ALTER TABLE stories DROP COLUMN profile_keys")
    con.execute("UPDATE schema_version SET version = 3")
    con.commit()
    con.close()
    s = Storage(str(db_path))
    assert s.previous_version == 3
    s.close()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == VERSION >= 4
    assert con.execute("SELECT count(*) FROM story_aliases").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM link_keys").fetchone()[0] == 0
    cols = {r[1] for r in con.execute("PRAGMA table_info(stories)")}
    con.close()
    assert "profile_keys" in cols


def test_link_keys_and_profiles_are_read_back(storage: Any) -> None:
    """What one linking run computed, the next reads instead of re-analysing the text."""
    import numpy as np

    a, b, _c, _d = _stored(storage)
    vec = np.ones(4, dtype=np.float32).tobytes()
    storage.put_vectors("m", [(a, "en", vec), (b, "zh", vec)])
    storage.save_link_keys([(a, "台积电\nn:1.6e10", "台积电", "")])
    got = {i.article_id: i.evidence for i in storage.link_items([a, b])}
    assert got == {a: ("台积电\nn:1.6e10", "台积电", ""), b: None}
    sid = storage.assign_stories([(a, -1)])[-1]
    storage.save_story_profiles([(sid, vec, ["台积电", "p:taiwan"])])
    profiles = storage.story_profiles(T0 - timedelta(days=1))
    assert [(p[0], p[1], p[2]) for p in profiles] == [(sid, vec, ["台积电", "p:taiwan"])]
    assert storage.story_profiles(T0 + timedelta(days=30)) == []


def test_a_merge_whose_parts_later_tell_other_kinds_is_undone(storage: Any) -> None:
    """Two stubs were bridged (a report naming no kind cleared both); later reports set the
    parts apart (the moved part's headlines name a capsizing, the rest a boarding): linking
    undoes the merge in storage and in the window's members. Parts that still agree stay."""
    import numpy as np

    from aggregator.linker import _undo_wrong_merges
    from aggregator.stories import Member, Pool

    a, b, c, d = _stored(storage)
    created = storage.assign_stories([(a, -1), (b, -2)])
    first, second = created[-1], created[-2]
    storage.assign_stories([(c, first)], (), [(second, first, c)])
    storage.assign_stories([(d, first)])
    vec = np.ones(384, dtype=np.float32) / np.sqrt(384)

    def member(aid: int, lang: str, kinds: set[str]) -> Member:
        return Member(aid, lang, T0, vec, frozenset(), first, kinds=frozenset(kinds))

    cache = {m.article_id: m for m in (
        member(a, "en", {"boarding"}), member(b, "zh", {"capsize"}),
        member(c, "en", set()), member(d, "en", {"boarding"}),
    )}  # fmt: skip
    pool = Pool()
    for m in cache.values():
        pool.add(m)
    assert _undo_wrong_merges(storage, pool, cache, {first}) == 1
    assert storage.story_of(b) == second and storage.story_of(a) == first
    assert storage.story_alias(second) is None
    assert cache[b].story == second and [
        pool.members[i].article_id for i in pool.by_story[second]
    ] == [b]
    # nothing left to undo; a merge whose parts agree stays
    assert _undo_wrong_merges(storage, pool, cache, {first}) == 0
    storage.assign_stories([(c, first)], (), [(second, first, c)])
    for m in cache.values():
        m.kinds = frozenset({"boarding"})
        m.story = first
    pool = Pool()
    for m in cache.values():
        pool.add(m)
    assert _undo_wrong_merges(storage, pool, cache, {first}) == 0
    assert storage.story_of(b) == first
