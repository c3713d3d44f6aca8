"""`Storage`, the one storage interface, assembled from per-domain mixins (each public
method is one transaction and returns dataclasses from `aggregator.models`). Every method
may raise `StorageError` (locked, corrupt, unreachable database); opening also raises
`SchemaTooNewError`. Imported lazily by `storage/__init__` (it brings in SQLAlchemy).
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from aggregator.errors import StorageError

from .articles import ArticlesMixin
from .dedup_index import DedupIndexMixin
from .engine import converted, make_engine, mask_secrets, safe_url, to_url
from .feeds import FeedsMixin
from .ingest import IngestMixin
from .migrations import migrate
from .minhash_refresh import MinhashRefreshMixin
from .search import SearchMixin
from .stats import StatsMixin
from .stories import StoriesMixin
from .story_merge import StoryMergeMixin
from .story_profiles import StoryProfilesMixin
from .translations import TranslationsMixin
from .vectors import VectorsMixin


class Storage(
    FeedsMixin,
    IngestMixin,
    ArticlesMixin,
    TranslationsMixin,
    StatsMixin,
    StoriesMixin,
    StoryMergeMixin,
    StoryProfilesMixin,
    VectorsMixin,
    DedupIndexMixin,
    MinhashRefreshMixin,
    SearchMixin,
):
    def __init__(self, db: str) -> None:
        self.url = to_url(db)
        self.where = safe_url(db)  # names the database in every error: password masked
        self.engine = make_engine(self.url)
        try:
            with converted(self.where):
                self.previous_version = migrate(self.engine, self.where)
        except StorageError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StorageError(
                mask_secrets(f"cannot open database: {exc}".splitlines()[0]), self.where
            ) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Storage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
