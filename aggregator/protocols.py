"""The collaborators newsdesk is assembled from, typed (reader's `StorageType`).

`make_newsdesk` takes any object that satisfies these (the embedder's is `embed.Embedder`,
the translator's `translators.Translator`): tests swap a part (an in-memory fetcher, a tiny
translator, a fixed clock) without patching modules, and `mypy --strict` checks every call
the pipeline makes on them. Import-light: SQLAlchemy, httpx and the
models stay out of `import aggregator`.

Every `StorageType` method is one transaction and returns dataclasses from
`aggregator.models`, never ORM rows. Every method may raise `StorageError` (locked,
corrupt, unreachable, read-only database); opening one may also raise `SchemaTooNewError`.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from .intents import IngestIntent, IngestLookup, IngestResult, NearCandidate, PreparedArticle
from .models import (
    Article,
    Conversion,
    FeedConfig,
    FeedState,
    LinkItem,
    PageOutcome,
    PageRetry,
    ParsedQuery,
    PollOutcome,
    SearchCandidate,
    SearchDoc,
    SearchFilters,
    Stats,
    Story,
    Translation,
    TranslationJob,
)

if TYPE_CHECKING:
    from .dedup_refresh import RefreshedMinhash, StaleMinhash
    from .embed import Vector
    from .fetch import FetchResult


class FeedBookType(Protocol):
    """A poll's writes: the feed bookkeeping and the ingest of new entries. Implemented by
    `storage.Storage` and, without SQLAlchemy, by `storage.feed_book.FeedBook` (the poll's
    light route). Every method is one transaction and may raise
    StorageError (locked, corrupt, unreachable, read-only database)."""

    url: str  # the SQLAlchemy URL (may hold a password: never print it unmasked)

    def close(self) -> None: ...

    def sync_feeds(self, configs: Sequence[FeedConfig]) -> list[FeedState]:
        """Make the stored feeds match the config (new, changed, removed); returns the
        active ones in id order. Raises StorageError."""
        ...

    def claim_feeds(
        self, feeds: Sequence[FeedState], now: datetime, lease: timedelta
    ) -> list[FeedState]:
        """The feeds this process may fetch: on a shared server database those whose
        schedule no other poller changed or claimed meanwhile (leased until `now + lease`);
        all of them where the poll lock file serializes runs. Raises StorageError."""
        ...

    def record_polls(self, outcomes: list[PollOutcome]) -> None:
        """Record what each poll did (status, validators, schedule, redirected URL).
        Raises StorageError."""
        ...

    def record_pages(self, feed_id: int, outcomes: Sequence[PageOutcome]) -> None:
        """Remember failed pages (their next try), forget fetched or abandoned ones."""
        ...

    # ingest (decisions are aggregator.ingest.decide)
    def ingest_lookup(self, batch: Sequence[PreparedArticle]) -> IngestLookup:
        """The stored candidates a batch could match (entry, URL, fingerprint, LSH band)."""
        ...

    def apply_ingest(self, intents: Sequence[IngestIntent]) -> IngestResult:
        """Apply intents in one transaction; a raced insert attaches instead."""
        ...


class StorageType(FeedBookType, Protocol):
    """What the pipeline needs of a database (implemented by `storage.Storage`)."""

    # feeds (sync_feeds, claim_feeds, record_polls: FeedBookType)
    def list_feeds(self, include_inactive: bool = False) -> list[FeedState]: ...

    def exclusive(self, name: str) -> AbstractContextManager[bool]:
        """Whether this process holds the database-wide lock `name` for the block (always
        True for SQLite; on a server database False when another host holds it).
        Raises StorageError."""
        ...

    def known_guids(self, feed_id: int, guids: Sequence[str]) -> set[str]: ...

    def page_retries(self, feed_id: int, guids: Sequence[str]) -> dict[str, PageRetry]:
        """Failed full-text pages of these entries, by GUID."""
        ...

    def pending_minhashes(self, after: int = 0, limit: int = 1000) -> list[NearCandidate]: ...

    def merge_articles(self, keep: int, drop: int) -> bool:
        """Fold `drop` into `keep`; False when either is gone."""
        ...

    def stale_minhashes(self, limit: int = 500) -> list[StaleMinhash] | None:
        """Articles (newest first) whose signature predates the MinHash scheme; None when no
        refresh is pending. Raises StorageError."""
        ...

    def put_refreshed_minhashes(self, rows: Sequence[RefreshedMinhash], below: int) -> int:
        """Write recomputed signatures (only over the one read) and move the cursor (0:
        done); one transaction. Raises StorageError."""
        ...

    # articles and vectors
    def get_articles(self, ids: Sequence[int]) -> list[Article]: ...

    def articles_between(self, start: datetime, end: datetime) -> list[Article]: ...

    def articles_missing_vectors(self, limit: int = 64) -> list[Article]: ...

    def put_vectors(self, model: str, items: Sequence[tuple[int, str, bytes]]) -> None: ...

    def language_means(self, model: str) -> dict[str, tuple[int, bytes]]: ...

    # stories
    def pending_link_order(self) -> list[tuple[int, datetime]]: ...

    def link_items(self, ids: Sequence[int]) -> list[LinkItem]: ...

    def link_window(self, start: datetime, end: datetime) -> list[LinkItem]: ...

    def related_article_pairs(self, ids: Sequence[int]) -> list[tuple[int, int]]: ...

    def assign_stories(
        self,
        assignments: Sequence[tuple[int, int]],
        translations: Sequence[tuple[int, int, float]] = (),
        merges: Sequence[tuple[int, int, int]] = (),
    ) -> dict[int, int]:
        """Put articles in stories (negative keys create stories); returns key -> id.

        `merges` (old story, survivor, bridging article) fold stored stories first; the old
        id then resolves to the survivor (get_story). Raises StorageError."""
        ...

    def story_alias(self, story_id: int) -> int | None:
        """The story `story_id` was merged into, or None. Raises StorageError."""
        ...

    def save_link_keys(self, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """Store (article, keys, names, places) linking evidence. Raises StorageError."""
        ...

    def save_story_profiles(self, rows: Sequence[tuple[int, bytes, Sequence[str]]]) -> None:
        """Store (story, centroid bytes, keys) profiles. Raises StorageError."""
        ...

    def story_profiles(
        self, since: datetime
    ) -> list[tuple[int, bytes, list[str], datetime, datetime]]:
        """(id, centroid, keys, first, last) of stories active since `since`. Raises
        StorageError."""
        ...

    def merge_records(self, survivors: Sequence[int]) -> list[tuple[int, int, list[int]]]:
        """(old id, survivor, moved article ids) of the merges into `survivors`. Raises
        StorageError."""
        ...

    def unmerge_story(self, old_id: int) -> bool:
        """Undo the merge of `old_id` (False if none). Raises StorageError."""
        ...

    def save_story_links(self, edges: Sequence[tuple[int, int, float]]) -> None: ...

    def story_links_of(
        self, story_ids: Sequence[int], min_score: float
    ) -> list[tuple[int, int, float]]:
        """Stored related edges (a, b, score) of at least `min_score` touching `story_ids`.
        Raises StorageError."""
        ...

    def story_of(self, article_id: int) -> int | None: ...

    def list_stories(
        self, since: datetime | None = None, until: datetime | None = None, limit: int | None = None
    ) -> list[Story]: ...

    def get_story(self, story_id: int) -> Story | None:
        """None when there is no such story (the facade raises StoryNotFoundError)."""
        ...

    # search
    def search_lexical_langs(
        self, query: ParsedQuery, filters: SearchFilters, limit: int
    ) -> list[SearchCandidate]:
        """The best `limit` full-text matches of EACH language, best first, candidates
        carrying their lang; languages outside `filters.langs` are included (story seeds of a
        --lang search), the wanted ones ranked as if filtered. Raises StorageError."""
        ...

    def search_story_words(
        self, query: ParsedQuery, filters: SearchFilters, cap: int = 2000
    ) -> dict[int, list[SearchCandidate]]:
        """Story id -> its articles having at least one of the query's words (and every
        phrase, no excluded word), for the stories whose articles together have every word:
        search's story-level AND, one read over each word's newest `cap` matches that pass
        the filters but --lang. Each candidate's score is how many words it has itself.
        Raises StorageError."""
        ...

    def has_vectors(self, model: str, dim: int) -> bool:
        """Whether semantic search can run (brings the derived vector copy up to date)."""
        ...

    def search_semantic(
        self, vector: Vector, model: str, filters: SearchFilters, per_lang: int = 5
    ) -> list[SearchCandidate]: ...

    def search_docs(self, ids: Sequence[int]) -> list[SearchDoc]: ...

    def story_docs(
        self, story_ids: Sequence[int], filters: SearchFilters, limit: int = 200
    ) -> list[SearchDoc]:
        """Documents of the filtered articles of these stories, in one read (search's
        story expansion). Raises StorageError."""
        ...

    def related_stories(self, story_ids: Sequence[int], min_score: float) -> dict[int, int]:
        """{related story: the first of `story_ids` it is related to}, edges scoring at
        least `min_score` (search's related expansion). Raises StorageError."""
        ...

    # translations
    def pending_translations(
        self,
        limit: int | None = None,
        fields: Sequence[str] = ...,
        langs: Sequence[str] | None = None,
    ) -> list[TranslationJob]: ...

    def count_pending_translations(self) -> int: ...

    def save_translations(
        self,
        items: Iterable[Translation],
        cache: dict[str, str] | None = None,
        conversions: Iterable[Conversion] = (),
    ) -> int: ...

    def translations_for(self, article_ids: Sequence[int]) -> dict[int, dict[str, str]]: ...

    def cache_get(self, keys: Sequence[str]) -> dict[str, str]: ...

    def stats(self) -> Stats: ...


class FetcherType(Protocol):
    """Fetches URLs concurrently for synchronous callers (`fetch.BackgroundFetcher`).

    Transport failures, HTTP errors and limits come back as `FetchResult.error`, never
    raised; the future raises only on a bug."""

    def submit(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = ...,
    ) -> concurrent.futures.Future[FetchResult]: ...

    def close(self) -> None: ...
