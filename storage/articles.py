"""Articles: reads that return `Article` dataclasses (writes are in `ingest`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from aggregator.models import Article

from .base import StorageBase, primary_first
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    FeedRow,
)


def _urls(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = session.execute(
        select(ArticleUrlRow.article_id, ArticleUrlRow.url)
        .where(ArticleUrlRow.article_id.in_(ids))
        .order_by(ArticleUrlRow.url)
    )
    for aid, url in rows:
        out[aid].append(url)
    return out


def to_articles(session: Session, rows: Sequence[ArticleRow]) -> list[Article]:
    ids = [r.id for r in rows]
    urls = _urls(session, ids)
    feeds = {
        f.id: f
        for f in session.scalars(select(FeedRow).where(FeedRow.id.in_({r.feed_id for r in rows})))
    }
    out = []
    for r in rows:
        feed = feeds.get(r.feed_id)
        known = primary_first(r.url, urls.get(r.id, []))
        out.append(
            Article(
                id=r.id,
                feed=feed.name if feed else "",
                url=r.url,
                urls=known,
                title=r.title,
                summary=r.summary,
                body=r.body,
                lang=r.lang,
                lang_confidence=r.lang_confidence,
                published=r.published,
                fetched=r.fetched,
                updated=r.updated,
                fingerprint=r.fingerprint,
                story_id=r.story_id,
                author=r.author,
                translation_of=r.translation_of,
                feed_tags=tuple(feed.tags or ()) if feed else (),
            )
        )
    return out


class ArticlesMixin(StorageBase):
    def get_article(self, article_id: int) -> Article | None:
        with self._read() as s:
            row = s.get(ArticleRow, article_id)
            return None if row is None else to_articles(s, [row])[0]

    def get_articles(self, ids: Sequence[int]) -> list[Article]:
        """Articles in the order of `ids` (missing ones skipped)."""
        with self._read() as s:
            rows = list(s.scalars(select(ArticleRow).where(ArticleRow.id.in_(list(ids)))))
            by_id = {a.id: a for a in to_articles(s, rows)}
            return [by_id[i] for i in ids if i in by_id]

    def articles_between(self, start: datetime, end: datetime) -> list[Article]:
        """Articles published in [start, end); the fetch time stands in for a missing date."""
        with self._read() as s:
            when = func.coalesce(ArticleRow.published, ArticleRow.fetched)
            rows = list(
                s.scalars(
                    select(ArticleRow)
                    .where(
                        or_(
                            (ArticleRow.published >= start) & (ArticleRow.published < end),
                            ArticleRow.published.is_(None)
                            & (ArticleRow.fetched >= start)
                            & (ArticleRow.fetched < end),
                        )
                    )
                    .order_by(when, ArticleRow.id)
                )
            )
            return to_articles(s, rows)

    def count_articles(self) -> int:
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(ArticleRow)) or 0)
