"""Near-duplicate detection: MinHash estimates, the persistent LSH index, and the poller's
path (`aggregator.ingest.ingest`: prepare, look up, decide, apply) on a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from support_minhash_v1 import shingles_v1

from aggregator.dedup import (
    MIN_SHINGLES,
    NEAR_THRESHOLD,
    NUM_PERM,
    fingerprint,
    merge_pending_near_duplicates,
    shingle_keys,
    shingles,
    signature,
    similarity,
)
from aggregator.ingest import ingest
from aggregator.intents import IngestResult
from aggregator.models import FeedConfig, NewArticle

T0 = datetime(2026, 1, 19, 5, 20, tzinfo=UTC)
# Letters, digits, punctuation, Han in both scripts, and what NFKC or casefold rewrites.
_ALPHABET = [
    *"abcXYZ09 ,.!_-\n'é",
    *"热带風暴阿達，。、「」",
    *("ＧＤＰ", "２０", "ß", "ﬁ", "İ", "①", "⼀", "豈", "𠀀", "\x00", "\u3000"),
]
STORM = (
    "Tropical Storm Ada made landfall in Eastern Samar early on Monday, forcing more than "
    "40,000 people to leave their homes as heavy rain flooded low-lying villages. The weather "
    "bureau said the storm was packing winds of 75 km/h and was expected to cross the central "
    "islands before moving into the West Philippine Sea on Wednesday. Classes were suspended "
    "in Manila and flights to Tacloban were cancelled. Officials reported {dead} dead and "
    "several missing after landslides in two mountain towns."
)
OTHER = (
    "The central bank kept its benchmark rate unchanged on Thursday, saying inflation had "
    "cooled for a third month while growth stayed firm. The governor told reporters the board "
    "would watch food prices and the currency before deciding on cuts later in the year. "
    "Economists had expected the decision, and bond yields barely moved after it."
)


def _feeds(storage: Any, *names: str) -> dict[str, int]:
    states = storage.sync_feeds(
        [FeedConfig(name=n, url=f"http://127.0.0.1/{i}.xml") for i, n in enumerate(names)]
    )
    return {s.name: s.id for s in states}


def _item(
    feed_id: int, guid: str, title: str, body: str, when: datetime, lang: str = "en"
) -> NewArticle:
    return NewArticle(
        feed_id=feed_id,
        guid=guid,
        url=f"https://example.com/{guid}",
        title=title,
        summary="",
        body=body,
        lang=lang,
        lang_confidence=1.0,
        published=when,
        fetched=when,
        fingerprint=fingerprint(title, body),
    )


def _store(storage: Any, item: NewArticle) -> IngestResult:
    return ingest(storage, [item])


def test_signature_estimates_jaccard() -> None:
    a = _text_keys(range(200))
    b = _text_keys(range(60, 260))
    true = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    assert abs(similarity(signature(a), signature(b)) - true) < 0.12
    assert similarity(signature(a), signature(a[::-1].copy())) == 1.0
    assert similarity(signature(a), signature(_text_keys(range(300, 500)))) < 0.1


def _text_keys(ids: range) -> Any:
    return shingle_keys(" ".join(f"w{i}" for i in ids))


def test_estimate_is_unbiased_on_real_text_pairs() -> None:
    """Estimated against exact Jaccard over pairs of corpus texts cut at random (each pair
    a prefix and a suffix of one text: every overlap from none to nearly all): the mean
    error stays near zero and the spread near MinHash's binomial sqrt(J(1-J)/NUM_PERM)."""
    from support_corpus import load_corpus

    rng = np.random.default_rng(3)
    errors, ideal = [], []
    for article in load_corpus(half="a") + load_corpus(half="b"):
        text = f"{article.title}\n{article.body}"
        n = len(text)
        cut_a, cut_b = sorted(rng.integers(0, n, size=2).tolist())
        ka, kb = shingle_keys(text[: max(cut_b, 40)]), shingle_keys(text[cut_a:])
        sa, sb = set(ka.tolist()), set(kb.tolist())
        if len(sa) < MIN_SHINGLES or len(sb) < MIN_SHINGLES:
            continue
        true = len(sa & sb) / len(sa | sb)
        errors.append(similarity(signature(ka), signature(kb)) - true)
        ideal.append(true * (1 - true) / NUM_PERM)
    assert len(errors) > 150
    spread = float(np.sqrt(np.mean(ideal)))
    assert abs(float(np.mean(errors))) < 3 * spread / np.sqrt(len(errors))
    assert float(np.std(errors)) < 1.3 * spread


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join), st.data())
def test_keys_relabel_the_string_shingles(text: str, data: st.DataObject) -> None:
    """The numeric keys are the old string shingles renamed: the same count per text and
    the same overlap between two texts, so Jaccard (what the signature estimates) is kept."""
    other = data.draw(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
    assert len(shingle_keys(text)) == len(shingles_v1(text))
    assert len(shingles(text) & shingles(other)) == len(shingles_v1(text) & shingles_v1(other))


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_signature_is_deterministic(text: str) -> None:
    keys = shingle_keys(text)
    assert (signature(keys) == signature(keys[::-1].copy())).all()
    assert (signature(keys) == signature(shingles(text))).all()
    assert (signature(keys) == signature(shingle_keys(text))).all()


def test_traditional_and_simplified_copies_share_shingles() -> None:
    simp = shingles("热带风暴阿达登陆菲律宾东萨马省，逾四万人撤离，马尼拉停课。")
    trad = shingles("熱帶風暴阿達登陸菲律賓東薩馬省，逾四萬人撤離，馬尼拉停課。")
    assert len(simp & trad) / len(simp | trad) > 0.9


def test_edited_version_updates_the_stored_article(storage: Any) -> None:
    fid = _feeds(storage, "Wire")["Wire"]
    first = _store(storage, _item(fid, "g1", "Storm Ada hits Samar", STORM.format(dead=3), T0))
    assert first.new and not first.updated
    later = T0 + timedelta(hours=28)
    update = _item(
        fid,
        "g2",
        "Death toll from Storm Ada rises to 11",
        STORM.format(dead=11) + " Rescue teams reached the towns on Tuesday.",
        later,
    )
    marked = _store(storage, update)
    assert marked.updated and not marked.new
    assert storage.count_articles() == 1
    article = storage.get_article(marked.updated[0])
    assert article.title == "Death toll from Storm Ada rises to 11"  # the newer text is current
    assert set(article.urls) == {"https://example.com/g1", "https://example.com/g2"}


def test_unrelated_text_and_other_language_are_not_duplicates(storage: Any) -> None:
    fid = _feeds(storage, "Wire")["Wire"]
    _store(storage, _item(fid, "g1", "Storm", STORM.format(dead=3), T0))
    assert _store(storage, _item(fid, "g2", "Rates", OTHER, T0)).new
    assert storage.count_articles() == 2


def test_same_template_weeks_later_is_a_new_article(storage: Any) -> None:
    fid = _feeds(storage, "Wire")["Wire"]
    _store(storage, _item(fid, "g1", "Storm", STORM.format(dead=3), T0))
    again = _item(fid, "g2", "Storm", STORM.format(dead=4), T0 + timedelta(days=30))
    assert _store(storage, again).new
    assert storage.count_articles() == 2


def test_index_survives_reopening(db_path: Path) -> None:
    from storage import Storage

    with Storage(str(db_path)) as s1:
        fid = _feeds(s1, "Wire")["Wire"]
        _store(s1, _item(fid, "g1", "Storm", STORM.format(dead=3), T0))
    with Storage(str(db_path)) as s2:
        edited = _item(fid, "g2", "Storm update", STORM.format(dead=5), T0 + timedelta(hours=3))
        assert ingest(s2, [edited]).updated


def test_same_batch_near_duplicates_are_merged_after_storing(storage: Any) -> None:
    fid = _feeds(storage, "Wire")["Wire"]
    old = _item(fid, "g1", "Storm", STORM.format(dead=3), T0)
    new = _item(fid, "g2", "Storm toll rises", STORM.format(dead=9), T0 + timedelta(hours=5))
    # Neither is stored when the batch is checked, as on a feed's first poll.
    assert len(ingest(storage, [new, old]).new) == 2
    assert storage.count_articles() == 2
    assert merge_pending_near_duplicates(storage) == 1
    assert storage.count_articles() == 1
    (aid,) = {a for _, _, a in storage.entry_articles()}
    article = storage.get_article(aid)
    assert article.title == "Storm toll rises"
    assert len(article.urls) == 2
    assert merge_pending_near_duplicates(storage) == 0  # nothing left to do: resumable


def test_threshold_is_a_real_boundary() -> None:
    base = shingles(STORM.format(dead=3))
    assert similarity(signature(base), signature(shingles(STORM.format(dead=4)))) > NEAR_THRESHOLD
    assert similarity(signature(base), signature(shingles(OTHER))) < NEAR_THRESHOLD / 2


def test_short_items_are_not_merged(storage: Any) -> None:
    fid = _feeds(storage, "Wire")["Wire"]
    _store(storage, _item(fid, "g1", "Markets open higher", "Stocks rose.", T0))
    short = replace(_item(fid, "g2", "Markets open lower", "Stocks fell.", T0), url=None)
    assert _store(storage, short).new


def test_traditional_copy_is_kept_as_published(storage: Any) -> None:
    """A Traditional rendering of a stored Simplified article is not folded into it: both
    scripts stay stored as published (CLI.md), each its own record."""
    from aggregator.segment import to_simplified

    feeds = _feeds(storage, "cn", "hk")
    trad_title = "颱風「阿達」吹襲菲律賓 逾四萬人撤離"
    trad_body = (
        "熱帶風暴「阿達」周一清晨在菲律賓東薩馬省登陸，逾四萬人撤離家園，馬尼拉等地停課。"
        "氣象部門表示，風暴中心附近最高持續風速每小時七十五公里，預料周三進入西菲律賓海。"
        "當局報告兩個山區城鎮發生山泥傾瀉，至少三人死亡，多人失蹤。"
    ) * 2
    simp = _item(feeds["cn"], "s1", to_simplified(trad_title), to_simplified(trad_body), T0, "zh")
    trad = _item(feeds["hk"], "t1", trad_title, trad_body, T0 + timedelta(hours=1), "zh-Hant")
    assert simp.body != trad.body
    _store(storage, simp)
    marked = _store(storage, trad)
    assert marked.new
    stored = {
        a.lang: a for a in storage.articles_between(T0 - timedelta(days=1), T0 + timedelta(days=1))
    }
    assert set(stored) == {"zh", "zh-Hant"}
    assert stored["zh-Hant"].body == trad_body and stored["zh"].body == simp.body
