"""The parts newsdesk is assembled from, typed: storage, config, clock, and the lazily
built heavy collaborators (fetcher, translator, embedder).

`App` is internal plumbing that the pipeline stages take; the public surface is
`core.Newsdesk`, built by `core.make_newsdesk`. Collaborators are injected here so tests
swap a part (a fixed clock, an in-memory fetcher, a tiny translator, a fake embedder where
the real one cannot run) without patching modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .config import load_config
from .models import Config, PollLimits
from .paths import default_config_path, default_db_url

if TYPE_CHECKING:
    from translators import Translator

    from .embed import Embedder
    from .protocols import FetcherType, StorageType


def utcnow() -> datetime:
    return datetime.now(UTC)


def background_fetcher(limits: PollLimits) -> FetcherType:
    """The real fetcher: httpx on its own event-loop thread."""
    from .fetch import BackgroundFetcher

    return BackgroundFetcher(limits)


@dataclass
class App:
    storage: StorageType
    config: Config
    clock: Callable[[], datetime] = utcnow
    # None means "build the real one lazily when first needed" (heavy imports).
    translator: Translator | None = None
    embedder: Embedder | None = None
    fetcher: Callable[[PollLimits], FetcherType] = background_fetcher

    def close(self) -> None:
        self.storage.close()


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
) -> App:
    """Open the database (migrating it) and read the config.

    `create=False` (read-only commands): a missing SQLite file is an error, never created.
    Raises ConfigError for a bad or (when `need_config`) missing feeds file or a missing
    database file, StorageError for a database that cannot be opened.
    """
    from .errors import ConfigError

    path = config_path if config_path is not None else default_config_path()
    if path is None and need_config:
        raise ConfigError("no feeds.yaml found (use --config FILE or NEWSDESK_CONFIG)")
    config = load_config(path)
    if storage is None:
        from storage import Storage, missing_file

        url = db or default_db_url()
        if not create and (missing := missing_file(url)) is not None:
            raise ConfigError(f"no database at {missing} (run newsdesk poll first, or check --db)")
        storage = Storage(url)
    return App(
        storage=storage,
        config=config,
        clock=clock or utcnow,
        translator=translator,
        embedder=embedder,
        fetcher=fetcher or background_fetcher,
    )
