"""Articles: exact deduplication on write, and reads that return `Article` dataclasses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from aggregator.models import Article, IngestResult, NewArticle

from . import search_index
from .base import StorageBase
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    FeedRow,
    RelatedUrlRow,
    TranslationRow,
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
        known = urls.get(r.id, [])
        if r.url and r.url in known:
            known = [r.url] + [u for u in known if u != r.url]
        out.append(
            Article(
                id=r.id,
                feed=feed.name if feed else "",
                url=r.url,
                urls=tuple(known),
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
    def store_articles(self, items: Iterable[NewArticle]) -> IngestResult:
        """Store one feed's new articles in one transaction, deduplicating exactly.

        The same GUID in the same feed, a known canonical URL, or the same content
        fingerprint is the same article: the entry and URL are attached to it and nothing
        new is stored. A changed text under a known GUID (or a near-duplicate flagged by
        the dedup stage) replaces the stored text and drops its stale translations.
        """
        new: list[int] = []
        updated: list[int] = []
        dups = 0
        with self._tx() as s:
            for item in items:
                existing, same_source = self._find_existing(s, item)
                if existing is None:
                    aid = self._insert(s, item)
                    new.append(aid)
                else:
                    row = s.get(ArticleRow, existing)
                    assert row is not None
                    self._attach(s, row.id, item)
                    # Only the same feed's entry (or a flagged near-duplicate) may rewrite the
                    # text: another feed carrying the URL may only have a teaser of it.
                    if (
                        same_source
                        and row.fingerprint != item.fingerprint
                        and self._is_newer(row, item)
                    ):
                        self._replace_text(s, row, item)
                        if row.id not in new:
                            updated.append(row.id)
                    else:
                        dups += 1
            s.flush()
            conn = s.connection()
            for aid in new + updated:
                search_index.index_article(conn, aid)
        return IngestResult(tuple(new), tuple(dict.fromkeys(updated)), dups)

    @staticmethod
    def _is_newer(row: ArticleRow, item: NewArticle) -> bool:
        if item.published and row.published:
            return item.published >= row.published
        return True

    @staticmethod
    def _find_existing(s: Session, item: NewArticle) -> tuple[int | None, bool]:
        """(article id, whether the match may replace its text) for a known article."""
        hit = s.scalar(
            select(EntryRow.article_id).where(
                EntryRow.feed_id == item.feed_id, EntryRow.guid == item.guid
            )
        )
        if hit is not None:
            return int(hit), True
        if item.duplicate_of is not None and s.get(ArticleRow, item.duplicate_of) is not None:
            return item.duplicate_of, True
        if item.url:
            hit = s.scalar(select(ArticleUrlRow.article_id).where(ArticleUrlRow.url == item.url))
            if hit is not None:
                return int(hit), False
        hit = s.scalar(
            select(ArticleRow.id).where(ArticleRow.fingerprint == item.fingerprint).limit(1)
        )
        return (None, False) if hit is None else (int(hit), False)

    @staticmethod
    def _attach(s: Session, article_id: int, item: NewArticle) -> None:
        if s.get(EntryRow, (item.feed_id, item.guid)) is None:
            s.add(
                EntryRow(
                    feed_id=item.feed_id, guid=item.guid, article_id=article_id, seen=item.fetched
                )
            )
        if item.url and s.get(ArticleUrlRow, item.url) is None:
            s.add(ArticleUrlRow(url=item.url, article_id=article_id))
        s.flush()

    @staticmethod
    def _insert(s: Session, item: NewArticle) -> int:
        row = ArticleRow(
            feed_id=item.feed_id,
            guid=item.guid,
            url=item.url,
            title=item.title,
            summary=item.summary,
            body=item.body,
            author=item.author,
            lang=item.lang,
            lang_confidence=item.lang_confidence,
            published=item.published,
            fetched=item.fetched,
            updated=item.fetched,
            fingerprint=item.fingerprint,
            minhash=item.minhash,
        )
        s.add(row)
        s.flush()
        ArticlesMixin._attach(s, row.id, item)
        ArticlesMixin._add_related(s, row.id, item)
        return row.id

    @staticmethod
    def _add_related(s: Session, article_id: int, item: NewArticle) -> None:
        for link in item.related:
            s.add(
                RelatedUrlRow(
                    article_id=article_id, url=link.url, title=link.title, summary=link.summary
                )
            )

    @staticmethod
    def _replace_text(s: Session, row: ArticleRow, item: NewArticle) -> None:
        changed = [f for f in ("title", "summary", "body") if getattr(row, f) != getattr(item, f)]
        row.title, row.summary, row.body = item.title, item.summary, item.body
        row.lang, row.lang_confidence = item.lang, item.lang_confidence
        row.fingerprint, row.updated = item.fingerprint, item.fetched
        if item.minhash is not None:
            row.minhash = item.minhash
        if item.url:
            row.url = item.url
        if item.published:
            row.published = item.published
        if changed:
            s.execute(
                delete(TranslationRow).where(
                    TranslationRow.article_id == row.id, TranslationRow.field.in_(changed)
                )
            )
        if item.related:
            s.execute(delete(RelatedUrlRow).where(RelatedUrlRow.article_id == row.id))
            ArticlesMixin._add_related(s, row.id, item)

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
