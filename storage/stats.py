"""Counts and sizes for `newsdesk stats`."""

from __future__ import annotations

import os

from sqlalchemy import func, select, text

from aggregator.models import Stats

from . import search_index
from .base import StorageBase
from .engine import sqlite_path
from .schema import (
    ArticleRow,
    FeedRow,
    StoryLinkRow,
    StoryRow,
    TranslationCacheRow,
    TranslationRow,
    VectorRow,
)
from .translations import count_pending


class StatsMixin(StorageBase):
    url: str

    def stats(self) -> Stats:
        with self._read() as s:

            def count(model: type) -> int:
                return int(s.scalar(select(func.count()).select_from(model)) or 0)

            by_lang = {
                str(lang): int(n)
                for lang, n in s.execute(
                    select(ArticleRow.lang, func.count()).group_by(ArticleRow.lang)
                )
            }
            for lang in ("en", "zh"):
                by_lang.setdefault(lang, 0)
            translations = count(TranslationRow)
            extra = {
                "search_index_rows": search_index.size(s.connection()),
                "vectors": count(VectorRow),
                "translation_cache": count(TranslationCacheRow),
            }
            result = dict(
                feeds=int(
                    s.scalar(select(func.count()).select_from(FeedRow).where(FeedRow.active)) or 0
                ),
                articles=count(ArticleRow),
                articles_by_lang=by_lang,
                translations=translations,
                stories=count(StoryRow),
                related_links=count(StoryLinkRow),
            )
        path = sqlite_path(self.url)
        size = 0
        if self.engine.dialect.name == "postgresql":
            with self._read() as s2:
                size = int(s2.scalar(text("SELECT pg_database_size(current_database())")) or 0)
        elif path is not None:
            for suffix in ("", "-wal"):
                try:
                    size += os.path.getsize(str(path) + suffix)
                except OSError:
                    pass
        return Stats(
            pending_translations=count_pending(s),
            db_bytes=size,
            extra=extra,
            **result,  # type: ignore[arg-type]
        )
