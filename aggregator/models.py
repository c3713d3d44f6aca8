"""Frozen dataclasses passed between pipeline stages. Datetimes are always UTC-aware.

Storage returns these, never ORM rows, so stages stay testable without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .langs import LANGS, FeedStatus, Lang, PollStatus
from .search_models import (
    ParsedQuery,
    QueryTerm,
    SearchCandidate,
    SearchDoc,
    SearchFilters,
    SearchHit,
)

# re-exported: callers import the language codes and the search types from here
__all__ = [
    "LANGS",
    "ParsedQuery",
    "QueryTerm",
    "SearchCandidate",
    "SearchDoc",
    "SearchFilters",
    "SearchHit",
]


# --- configuration -------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedConfig:
    name: str
    url: str
    language: str | None = None
    tags: tuple[str, ...] = ()
    full_text: bool = False
    encoding: str | None = None


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    username: str | None = None


@dataclass(frozen=True)
class DigestConfig:
    to: tuple[str, ...] = ()
    sender: str = "newsdesk@localhost"
    timezone: str = "UTC"
    smtp: SmtpConfig | None = None


@dataclass(frozen=True)
class PollLimits:
    """Per-feed politeness and safety limits (CLI.md: all configurable)."""

    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 30.0
    per_host: int = 2
    max_redirects: int = 5
    concurrency: int = 16
    interval_seconds: int = 30 * 60
    # Time a poll may spend translating its backlog; `newsdesk translate` has no limit.
    translate_seconds: int = 5 * 60
    # What a poll may spend embedding for stories: counted in work done (articles) and
    # capped in time (~3-4 articles per CPU-second on 2 cores, fewer under load), so a cold
    # start never holds every poll, even an all-304 one, for minutes. `newsdesk link` has
    # no limit: run it from cron beside `poll --no-link` for large feed sets.
    embed_articles: int = 400
    embed_seconds: int = 120


@dataclass(frozen=True)
class Config:
    feeds: tuple[FeedConfig, ...]
    digest: DigestConfig | None = None
    limits: PollLimits = field(default_factory=PollLimits)
    path: str | None = None


# --- feeds ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedState:
    """A feed as stored: config plus what polling learned (redirected URL, validators, health)."""

    id: int
    name: str
    config_url: str
    url: str
    language: str | None
    tags: tuple[str, ...]
    full_text: bool
    encoding: str | None
    title: str | None
    status: FeedStatus
    etag: str | None
    last_modified: str | None
    last_polled: datetime | None
    next_poll: datetime | None
    error_count: int
    last_error: str | None
    last_http_status: int | None


@dataclass(frozen=True)
class PollOutcome:
    """What one poll of one feed did; recorded on the feed by storage."""

    feed_id: int
    polled_at: datetime
    status: PollStatus
    http_status: int | None = None
    new_url: str | None = None  # set after a permanent redirect
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    error: str | None = None
    next_poll: datetime | None = None
    error_count: int = 0
    entries: int = 0
    new_articles: int = 0


@dataclass(frozen=True)
class PageRetry:
    """An article page whose fetch failed: when it is tried again (full-text feeds)."""

    guid: str
    url: str
    attempts: int
    next_try: datetime


@dataclass(frozen=True)
class PageOutcome:
    """What fetching one article page did; `retry` None means done (fetched, or given up)."""

    guid: str
    url: str
    retry: PageRetry | None = None
    error: str | None = None


# --- articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RelatedLink:
    """A "related coverage" link found on an article page (kept for story linking)."""

    url: str
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Entry:
    """One feed item, normalized: clean text, canonical URL, UTC time."""

    guid: str
    url: str | None
    title: str
    summary: str
    content: str
    published: datetime | None
    author: str | None = None
    related: tuple[RelatedLink, ...] = ()


@dataclass(frozen=True)
class LanguageGuess:
    lang: Lang
    confidence: float


@dataclass(frozen=True)
class NewArticle:
    """An article ready to store: an entry plus language, fingerprint and fetch time."""

    feed_id: int
    guid: str
    url: str | None
    title: str
    summary: str
    body: str
    lang: str
    lang_confidence: float
    published: datetime | None
    fetched: datetime
    fingerprint: str
    author: str | None = None
    related: tuple[RelatedLink, ...] = ()
    minhash: bytes | None = None


@dataclass(frozen=True)
class Article:
    id: int
    feed: str
    url: str | None
    urls: tuple[str, ...]
    title: str
    summary: str
    body: str
    lang: str
    lang_confidence: float
    published: datetime | None
    fetched: datetime
    updated: datetime
    fingerprint: str
    story_id: int | None = None
    author: str | None = None
    translation_of: int | None = None
    feed_tags: tuple[str, ...] = ()

    @property
    def when(self) -> datetime:
        """Publication time, with the fetch time standing in where the feed gave none."""
        return self.published or self.fetched


@dataclass(frozen=True)
class Conversion:
    """A script conversion stored beside the text (Traditional -> Simplified, OpenCC):
    not a translation, so it is neither pending nor indexed as one."""

    article_id: int
    field: str
    target: str
    text: str
    tool: str


# --- translation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Translation:
    article_id: int
    field: str  # title | summary | body
    source_lang: str
    target_lang: str
    text: str
    model: str
    model_version: str
    indexed: str = ""  # `text` segmented for the search index, before any transaction


@dataclass(frozen=True)
class TranslationJob:
    """One field of one article waiting for translation."""

    article_id: int
    field: str
    source_lang: str
    target_lang: str
    text: str


# --- stories -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryArticle:
    id: int
    url: str | None
    urls: tuple[str, ...]
    title: str
    title_translated: str | None
    lang: str
    feed: str
    published: datetime | None


@dataclass(frozen=True)
class RelatedStory:
    id: int
    title: str
    score: float


@dataclass(frozen=True)
class LinkItem:
    """What story linking needs of one article: text for evidence, vector, time, story."""

    article_id: int
    lang: str
    when: datetime
    title: str
    lead: str
    vector: bytes
    story_id: int | None = None
    translation_of: int | None = None
    # Evidence keys computed by an earlier linking run (keys, names, places; each one key a
    # line), so that the articles of the window are not re-analysed on every run.
    evidence: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    first_seen: datetime
    last_seen: datetime
    languages: tuple[str, ...]
    articles: tuple[StoryArticle, ...] = ()
    related: tuple[RelatedStory, ...] = ()
    title_translated: str | None = None
    title_lang: str | None = None  # the language of `title` (of the article it names)
    # The earliest title in each language family among its own articles (`headlines`).
    headlines: dict[str, str] = field(default_factory=dict)


# --- stats ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    feeds: int
    articles: int
    articles_by_lang: dict[str, int]
    translations: int
    pending_translations: int
    stories: int
    related_links: int
    db_bytes: int
    extra: dict[str, int] = field(default_factory=dict)
