"""The one storage interface. Only this package imports SQLAlchemy or writes SQL.

`Storage` (`storage.store`) is assembled from per-domain mixins; each public method is one
transaction and returns dataclasses from `aggregator.models`. Every method may raise
`StorageError` (locked, corrupt, unreachable database); opening also raises
`SchemaTooNewError`. `feed_book.FeedBook` is the poll's light route (feed bookkeeping and
ingest, over the DB-API driver alone; the SQL is written once, `Storage` runs it too).

`Storage` is imported on first use (PEP 562), not with the package: importing it brings in
SQLAlchemy and the ORM schema (~0.35 CPU-s), which a poll without full-text feeds,
linking or translation does without.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .connect import VERSION, missing_file

if TYPE_CHECKING:
    from .store import Storage

__all__ = ["Storage", "VERSION", "missing_file"]


def __getattr__(name: str) -> Any:
    if name == "Storage":
        from .store import Storage

        return Storage
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
