"""Helpers for the dedup/linking tests: store article dicts through the real ingest path.

The path is the poller's: `mark_near_duplicates` then `storage.store_articles`, one feed
entry at a time in publication order, then `link_pending`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator.dedup import fingerprint, mark_near_duplicates
from aggregator.language import detect
from aggregator.models import FeedConfig, NewArticle, RelatedLink

CORPUS = Path(__file__).parent / "data" / "corpus" / "articles.jsonl"


def when(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def load_corpus() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


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
        related=tuple(RelatedLink(u, "") for u in row.get("related", ())),
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
        storage.store_articles(mark_near_duplicates(storage, [item]))
        aid = storage.article_for_entry(fid, item.guid)
        assert aid is not None
        out[str(row["id"])] = aid
    return out
