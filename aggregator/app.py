"""The parts newsdesk is assembled from, typed: storage, config, clock, and the lazily
built heavy collaborators (fetcher, translator, embedder).

`App` is internal plumbing that the pipeline stages take; the public surface is
`core.Newsdesk`, built by `core.make_newsdesk`. Collaborators are injected here so tests
swap a part (a fixed clock, an in-memory fetcher, a tiny translator, a fake embedder where
the real one cannot run) without patching modules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .config import load_config
from .models import Config, PollLimits
from .paths import default_config_path, default_db_url

if TYPE_CHECKING:
    from translators import Translator

    from .embed import Embedder
    from .protocols import FeedBookType, FetcherType, StorageType


def utcnow() -> datetime:
    return datetime.now(UTC)


def background_fetcher(limits: PollLimits) -> FetcherType:
    """The real fetcher: httpx on its own event-loop thread."""
    from .fetch import BackgroundFetcher

    return BackgroundFetcher(limits)


class App:
    """The collaborators of one run. `storage` is the full `storage.Storage`; an app made
    for a poll (`make_app(light=True)`) may start with only a light feed book
    (`storage.feed_book.FeedBook`, no SQLAlchemy: feed bookkeeping and ingest) and open
    the full storage on first use: a full-text feed's page bookkeeping, linking or
    translation."""

    def __init__(
        self,
        storage: StorageType | None,
        config: Config,
        clock: Callable[[], datetime] = utcnow,
        # None means "build the real one lazily when first needed" (heavy imports).
        translator: Translator | None = None,
        embedder: Embedder | None = None,
        fetcher: Callable[[PollLimits], FetcherType] = background_fetcher,
        *,
        book: FeedBookType | None = None,
        open_storage: Callable[[], StorageType] | None = None,
    ) -> None:
        if storage is not None:
            self.db_url = storage.url
        elif book is not None and open_storage is not None:
            self.db_url = book.url
        else:
            raise ValueError("App needs a storage, or a feed book and a way to open storage")
        self._storage, self._book, self._open_storage = storage, book, open_storage
        self.config, self.clock, self.fetcher = config, clock, fetcher
        self.translator, self.embedder = translator, embedder

    @property
    def storage(self) -> StorageType:
        """The full storage, opened (and the light feed book closed) on first use.
        Raises StorageError, SchemaTooNewError (opening it)."""
        if self._storage is None:
            assert self._open_storage is not None
            self._storage = self._open_storage()
            if self._book is not None:
                self._book.close()
                self._book = None
        return self._storage

    @property
    def feeds_book(self) -> FeedBookType:
        """Where a poll's writes go (feed bookkeeping, ingest): the full storage once it is
        open (one writer), the light feed book before."""
        if self._storage is None and self._book is not None:
            return self._book
        return self.storage

    @property
    def storage_open(self) -> bool:
        """Whether the full storage is open (False: only the light feed book so far)."""
        return self._storage is not None

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._storage is not None:
            self._storage.close()


def make_app(
    db: str | None = None,
    config_path: str | Path | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    storage: StorageType | None = None,
    fetcher: Callable[[PollLimits], FetcherType] | None = None,
    translator: Translator | None = None,
    embedder: Embedder | None = None,
    need_config: bool = False,
    create: bool = True,
    light: bool = False,
) -> App:
    """Open the database (migrating it) and read the config.

    `create=False` (read-only commands): a missing SQLite file is an error, never created.
    `light=True` (a poll): open only the feed bookkeeping, through the DB-API driver,
    where `storage.connect.open_light` accepts the database (SQLite at the current schema,
    nothing to migrate or refresh); everywhere else the full storage opens here as without
    it, with the same errors. Raises ConfigError for a bad or (when `need_config`) missing
    feeds file or a missing database file, StorageError for a database that cannot be
    opened.
    """
    from .errors import ConfigError

    path = config_path if config_path is not None else default_config_path()
    if path is None and need_config:
        raise ConfigError("no feeds.yaml found (use --config FILE or NEWSDESK_CONFIG)")
    config = load_config(path)
    book: FeedBookType | None = None
    opener: Callable[[], StorageType] | None = None
    if storage is None:
        from storage import missing_file

        url = db or default_db_url()
        if not create and (missing := missing_file(url)) is not None:
            raise ConfigError(f"no database at {missing} (run newsdesk poll first, or check --db)")

        def opener() -> StorageType:
            from storage import Storage  # SQLAlchemy: only where something needs it

            return Storage(url)

        if light:
            from storage.feed_book import open_feed_book

            book = open_feed_book(url)
        if book is None:
            storage = opener()
    return App(
        storage,
        config,
        clock or utcnow,
        translator,
        embedder,
        fetcher or background_fetcher,
        book=book,
        open_storage=opener,
    )
