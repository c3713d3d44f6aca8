"""The factory that assembles newsdesk (reader's `make_reader`): storage, config, clock.

Collaborators are injected here so tests swap a part (a fixed clock, a tiny translator,
a fake embedder where the real one cannot run) without patching modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import load_config
from .models import Config
from .paths import default_config_path, default_db_url


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class App:
    storage: Any  # storage.Storage; typed loosely to keep SQLAlchemy off import paths
    config: Config
    clock: Callable[[], datetime] = utcnow
    # Optional overrides; None means "build the real one lazily when first needed".
    translator: Any = None
    embedder: Any = None
    services: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.storage.close()


def make_app(
    db: str | None = None,
    config_path: str | Path | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
    translator: Any = None,
    embedder: Any = None,
    need_config: bool = False,
) -> App:
    """Open the database (migrating it) and read the config.

    Raises ConfigError for a bad or (when `need_config`) missing feeds file, StorageError
    for a database that cannot be opened.
    """
    from storage import Storage

    from .errors import ConfigError

    path = config_path if config_path is not None else default_config_path()
    if path is None and need_config:
        raise ConfigError("no feeds.yaml found (use --config FILE or NEWSDESK_CONFIG)")
    config = load_config(path)
    storage = Storage(db or default_db_url())
    return App(
        storage=storage,
        config=config,
        clock=clock or utcnow,
        translator=translator,
        embedder=embedder,
    )
