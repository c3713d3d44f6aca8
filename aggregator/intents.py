"""What ingest works with: a batch's derived data, the stored state it is decided
against, and the intents the decider returns (`aggregator.ingest`) for storage to apply
(`storage.ingest`). Frozen dataclasses, UTC-aware datetimes, like `models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .models import NewArticle


@dataclass(frozen=True)
class NearCandidate:
    """A stored article sharing an LSH band with a new text (near-duplicate lookup)."""

    article_id: int
    lang: str
    when: datetime
    minhash: bytes


@dataclass(frozen=True)
class SearchText:
    """An article's text as the full-text index takes it: segmented before any write
    transaction opens (jieba holds no lock)."""

    title: str
    body: str


@dataclass(frozen=True)
class PreparedArticle:
    """A new article with everything derived from its text computed: MinHash signature
    (on `item.minhash`), its LSH bands (empty when the text is too short to merge on) and
    its search row."""

    item: NewArticle
    bands: tuple[tuple[int, int], ...]
    search: SearchText


@dataclass(frozen=True)
class StoredText:
    """What the ingest decider needs of a stored article."""

    article_id: int
    lang: str
    published: datetime | None
    fetched: datetime
    fingerprint: str
    title: str
    summary: str
    body: str
    minhash: bytes | None

    @property
    def when(self) -> datetime:
        return self.published or self.fetched


@dataclass(frozen=True)
class IngestLookup:
    """The stored state of every candidate a batch of new articles could match."""

    by_entry: dict[tuple[int, str], int] = field(default_factory=dict)
    by_url: dict[str, int] = field(default_factory=dict)
    by_fingerprint: dict[str, int] = field(default_factory=dict)
    near: dict[int, tuple[NearCandidate, ...]] = field(default_factory=dict)  # by batch index
    stored: dict[int, StoredText] = field(default_factory=dict)


@dataclass(frozen=True)
class InsertArticle:
    """Store a new article."""

    article: PreparedArticle


@dataclass(frozen=True)
class AttachSource:
    """Record another feed entry / URL for a known article (stored, or inserted earlier in
    the same batch: `new_index` is then the index of that InsertArticle intent)."""

    item: NewArticle
    article_id: int | None = None
    new_index: int | None = None


@dataclass(frozen=True)
class ReplaceText:
    """The article's own source rewrote it: new text, and everything derived from the old
    text (translations of `changed` fields, vector, MinHash bands, search row) goes."""

    article_id: int
    article: PreparedArticle
    changed: tuple[str, ...]


IngestIntent = InsertArticle | AttachSource | ReplaceText


@dataclass(frozen=True)
class IngestResult:
    """What storing one batch of entries (one feed's, or several feeds') did."""

    new: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    duplicates: int = 0
    new_feeds: tuple[int, ...] = ()  # the feed of each new article (a batch spans feeds)
