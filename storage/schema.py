"""Tables (SQLAlchemy 2.x typed declarative). Portable types only: SQLite today, PostgreSQL next.

Times are stored as naive UTC and handed back UTC-aware (`UTCDateTime`), because SQLite has
no time-zone type and mixing aware/naive values is a classic source of off-by-hours bugs.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

_CASCADE = "CASCADE"


def _fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete=_CASCADE)


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to storage; use UTC-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class FeedRow(Base):
    __tablename__ = "feeds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    config_url: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)  # after permanent redirects
    language: Mapped[str | None] = mapped_column(String(16))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    full_text: Mapped[bool] = mapped_column(default=False)
    encoding: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="new")
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_poll: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_http_status: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)  # false once removed from the config


class StoryRow(Base):
    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    title_lang: Mapped[str | None] = mapped_column(String(16))
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    article_count: Mapped[int] = mapped_column(Integer, default=0)
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary)  # float32 vector, language-centred
    profile_keys: Mapped[str | None] = mapped_column(Text)  # leading evidence keys, one a line


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # indexed by ix_articles_feed_guid (feed_id first): a feed_id index of its own only cost
    # every insert another B-tree (schema v6 drops it)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id"))
    guid: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(16), index=True)
    lang_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    published: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    fetched: Mapped[datetime] = mapped_column(UTCDateTime)
    updated: Mapped[datetime] = mapped_column(UTCDateTime)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    translation_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)  # near-duplicate signature


class ArticleUrlRow(Base):
    """Every URL an article is known by (syndicated copies, moved pages)."""

    __tablename__ = "article_urls"
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), index=True)


class EntryRow(Base):
    """A feed's GUID for an article: one article may be carried by many feeds."""

    __tablename__ = "entries"
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id"), primary_key=True)
    guid: Mapped[str] = mapped_column(Text, primary_key=True)
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), index=True)
    seen: Mapped[datetime] = mapped_column(UTCDateTime)


class RelatedUrlRow(Base):
    """A "related coverage" link found on an article page."""

    __tablename__ = "related_urls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), index=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class TranslationRow(Base):
    __tablename__ = "translations"
    __table_args__ = (UniqueConstraint("article_id", "field", "target_lang"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), index=True)
    field: Mapped[str] = mapped_column(String(20))
    source_lang: Mapped[str] = mapped_column(String(16))
    target_lang: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    model: Mapped[str] = mapped_column(String(100))
    model_version: Mapped[str] = mapped_column(String(40))
    created: Mapped[datetime] = mapped_column(UTCDateTime)


class ConversionRow(Base):
    """A script conversion of a field (Traditional -> Simplified, OpenCC), stored beside the
    text as published: not a translation, so never pending, counted or indexed as one."""

    __tablename__ = "conversions"
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    target: Mapped[str] = mapped_column(String(16), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    tool: Mapped[str] = mapped_column(String(100))


class TranslationCacheRow(Base):
    """Sentence cache keyed by (model, version, source hash): syndicated text is translated once."""

    __tablename__ = "translation_cache"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class VectorRow(Base):
    """Multilingual embedding of an article's title + lead (float32 bytes)."""

    __tablename__ = "article_vectors"
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), primary_key=True)
    model: Mapped[str] = mapped_column(String(100))
    lang: Mapped[str] = mapped_column(String(16), index=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class LanguageMeanRow(Base):
    """Running mean vector per language, to remove the same-language offset of embeddings."""

    __tablename__ = "language_means"
    lang: Mapped[str] = mapped_column(String(16), primary_key=True)
    model: Mapped[str] = mapped_column(String(100))
    count: Mapped[int] = mapped_column(Integer, default=0)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class StoryLinkRow(Base):
    """Related-coverage edge between two different stories."""

    __tablename__ = "story_links"
    __table_args__ = (UniqueConstraint("source_id", "target_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(_fk("stories.id"), index=True)
    target_id: Mapped[int] = mapped_column(_fk("stories.id"), index=True)
    score: Mapped[float] = mapped_column(Float)


class LinkKeysRow(Base):
    """Story-linking evidence keys of an article (names, places, dictionary concepts), kept
    so that each linking run does not re-analyse the articles of its window. Written by
    linking, never read for anything else; derived data that a rebuild may drop."""

    __tablename__ = "link_keys"
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), primary_key=True)
    keys: Mapped[str] = mapped_column(Text, default="")
    names: Mapped[str] = mapped_column(Text, default="")
    places: Mapped[str] = mapped_column(Text, default="")


class StoryAliasRow(Base):
    """A story folded into another by a bridging article: the old id keeps resolving.

    `articles` lists the ids moved by the merge (space-separated), so the merge can be
    undone exactly when its bridge proves wrong."""

    __tablename__ = "story_aliases"
    old_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    new_id: Mapped[int] = mapped_column(_fk("stories.id"), index=True)
    bridge_article_id: Mapped[int | None] = mapped_column(Integer)
    articles: Mapped[str] = mapped_column(Text, default="")


Index("ix_articles_feed_guid", ArticleRow.feed_id, ArticleRow.guid)


class PageRetryRow(Base):
    """A full-text article page whose fetch failed, and when to try it again."""

    __tablename__ = "page_retries"
    feed_id: Mapped[int] = mapped_column(_fk("feeds.id"), primary_key=True)
    guid: Mapped[str] = mapped_column(Text, primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    next_try: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class MinhashBandRow(Base):
    """LSH band hashes of MinHash signatures: a near-duplicate lookup is an indexed query.

    One B-tree keyed by (hash, article_id) (SQLite: WITHOUT ROWID) plus the article index
    for deletes: 32 rows an article made this the costliest table to write, and a rowid
    table with a hash index kept every row three times (schema v6; it was 51 of a 1,000-
    feed cold poll's 319 MB and ~6 of its CPU-seconds). The band number is folded into
    the hash, so it is not stored."""

    __tablename__ = "minhash_bands"
    __table_args__ = {"sqlite_with_rowid": False}
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # digest of (band, rows)
    article_id: Mapped[int] = mapped_column(_fk("articles.id"), primary_key=True, index=True)


class MinhashRefreshRow(Base):
    """Present while stored MinHash signatures of an older scheme remain (schema v5 changed
    the scheme): articles with ids below `below` still have theirs recomputed, newest
    first, by `aggregator.dedup_refresh`. One row; gone when the refresh is done."""

    __tablename__ = "minhash_refresh"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    below: Mapped[int] = mapped_column(Integer)
    scheme: Mapped[int] = mapped_column(Integer)  # the scheme being refreshed to
