"""Helpers for the dedup/linking tests: store article dicts through the real ingest path.

The path is the poller's: `aggregator.ingest.ingest`, one feed
entry at a time in publication order, then `link_pending`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from support_corpus import corpus_dir

from aggregator.dedup import fingerprint
from aggregator.ingest import ingest as store
from aggregator.language import detect
from aggregator.models import FeedConfig, NewArticle, RelatedLink


def when(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def load_corpus(half: str = "a") -> list[dict[str, Any]]:
    """Rows of one corpus half as dicts ("a": tune on it; "b" to "y": held out). KeyError if
    unknown."""
    src = corpus_dir(half) / "articles.jsonl"
    return [json.loads(line) for line in src.read_text("utf-8").splitlines() if line.strip()]


def make_item(feed_id: int, row: Mapping[str, Any]) -> NewArticle:
    """A NewArticle as the poller would build it (language detected with the feed's hint)."""
    title, summary, body = row.get("title", ""), row.get("summary", ""), row.get("body", "")
    guess = detect(f"{title}\n{summary}\n{body}", row.get("lang"))
    published = when(row.get("published"))
    return NewArticle(
        feed_id=feed_id,
        guid=str(row.get("guid") or row["id"]),
        url=row.get("url"),
        title=title,
        summary=summary,
        body=body,
        lang=guess.lang,
        lang_confidence=guess.confidence,
        published=published,
        fetched=published or datetime(2026, 1, 1, tzinfo=UTC),
        fingerprint=fingerprint(title, body or summary),
        related=tuple(RelatedLink(u, "") for u in row.get("related_urls") or ()),
    )


def ingest(storage: Any, rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Store rows in publication order; returns row id -> stored article id."""
    rows = sorted(rows, key=lambda r: (r.get("published") or "", str(r["id"])))
    feeds = sorted({str(r.get("feed") or "feed") for r in rows})
    states = storage.sync_feeds(
        [FeedConfig(name=f, url=f"http://127.0.0.1/{i}.xml") for i, f in enumerate(feeds)]
    )
    feed_ids = {st.name: st.id for st in states}
    out: dict[str, int] = {}
    for row in rows:
        fid = feed_ids[str(row.get("feed") or "feed")]
        item = make_item(fid, row)
        store(storage, [item])
        aid = storage.article_for_entry(fid, item.guid)
        assert aid is not None
        out[str(row["id"])] = aid
    return out


def _prf(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict[str, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": len(gold)}


def evaluate(storage: Any, rows: list[dict[str, Any]], ids: Mapping[str, int]) -> dict[str, Any]:
    """Pairwise same-story P/R/F1 (all pairs, cross-language pairs), dedup and related quality.

    Rows that are exact or near duplicates of another share its stored article, and so its
    story; pairs are counted over corpus rows, so a merge is scored like the user sees it.
    """
    story = {rid: storage.story_of(aid) for rid, aid in ids.items()}
    by_id = {str(r["id"]): r for r in rows}
    fam = {rid: ("zh" if r["lang"].startswith("zh") else r["lang"]) for rid, r in by_id.items()}
    keys = sorted(by_id)
    pred_all, gold_all, pred_x, gold_x = set(), set(), set(), set()
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            same_pred = story[a] is not None and story[a] == story[b]
            same_gold = by_id[a]["event"] == by_id[b]["event"]
            pair = (a, b)
            if same_pred:
                pred_all.add(pair)
            if same_gold:
                gold_all.add(pair)
            if fam[a] != fam[b]:
                if same_pred:
                    pred_x.add(pair)
                if same_gold:
                    gold_x.add(pair)
    dups = [r for r in rows if r.get("dup_kind") in ("syndicated", "near")]
    hits = sum(1 for r in dups if ids[str(r["id"])] == ids[str(r["dup_of"])])
    # Rows of different events must never share an article.
    wrong_merges = sum(
        1
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if ids[a] == ids[b] and by_id[a]["event"] != by_id[b]["event"]
    )
    trans = [r for r in rows if r.get("dup_kind") == "translation"]
    trans_hits = 0
    for r in trans:
        x, y = storage.get_articles([ids[str(r["id"])], ids[str(r["dup_of"])]])
        if x.translation_of == y.id or y.translation_of == x.id:
            trans_hits += 1
    situation_of: dict[int, Counter[str]] = {}
    event_of: dict[int, Counter[str]] = {}
    for rid, sid in story.items():
        if sid is not None:
            situation_of.setdefault(sid, Counter())[by_id[rid]["situation"]] += 1
            event_of.setdefault(sid, Counter())[by_id[rid]["event"]] += 1
    edges = set()
    for sid in situation_of:
        st = storage.get_story(sid)
        for rel in st.related if st else ():
            edges.add((min(sid, rel.id), max(sid, rel.id)))
    # An edge is right when both stories belong to one situation, or when the publisher's
    # own related-coverage list links an article of one to an article of the other.
    url_story = {str(r["url"]): story[str(r["id"])] for r in rows if r.get("url")}
    page_pairs = {
        (min(sa, sb), max(sa, sb))
        for r in rows
        for u in r.get("related_urls") or ()
        if (sa := story[str(r["id"])]) is not None and (sb := url_story.get(u)) is not None
    }
    good = sum(
        1
        for a, b in edges
        if (a, b) in page_pairs
        or (
            a in situation_of
            and b in situation_of
            and situation_of[a].most_common(1)[0][0] == situation_of[b].most_common(1)[0][0]
        )
    )
    # Recall at the story level: every pair of stories whose (majority) situations agree is
    # coverage a news page would show; fragments of one split event count too.
    top = {sid: c.most_common(1)[0][0] for sid, c in situation_of.items()}
    sids = sorted(top)
    gold_rel = {(a, b) for i, a in enumerate(sids) for b in sids[i + 1 :] if top[a] == top[b]}
    return {
        "same_story": _prf(pred_all, gold_all),
        "cross_language": _prf(pred_x, gold_x),
        "dedup_hit_rate": round(hits / len(dups), 3) if dups else 1.0,
        "dedup_wrong_merges": wrong_merges,
        "translation_hit_rate": round(trans_hits / len(trans), 3) if trans else 1.0,
        "related_edges": len(edges),
        "related_precision": round(good / len(edges), 3) if edges else 1.0,
        "related_recall": round(len(edges & gold_rel) / len(gold_rel), 3) if gold_rel else 1.0,
        "stories": len(situation_of),
        "events": len({r["event"] for r in rows}),
    }


def poll_corpus(db: str, workdir: Path, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Serve the corpus as feeds on 127.0.0.1 and run `newsdesk poll --all --no-translate`.

    Whole feeds arrive in one poll each, newest first, as a user's first poll would: the
    harder case for near-duplicate detection. Returns corpus id -> stored article id.
    """
    from support_corpus import load_corpus as load_typed
    from support_corpus import poll_articles

    wanted = {str(r["id"]) for r in rows}
    return poll_articles(db, workdir, [a for a in load_typed() if a.id in wanted])
