"""Translations, the pending queue (derived, never stored) and the sentence cache."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from aggregator.langs import FIELDS, TRANSLATABLE, target_of
from aggregator.models import Translation, TranslationJob

from . import search_index
from .base import StorageBase
from .schema import ArticleRow, TranslationCacheRow, TranslationRow


def _pending_query(field: str, langs: Sequence[str] | None = None):  # type: ignore[no-untyped-def]
    col = getattr(ArticleRow, field)
    done = exists().where(
        and_(
            TranslationRow.article_id == ArticleRow.id,
            TranslationRow.field == field,
            ~TranslationRow.model.like("opencc%"),  # script conversions are not translations
        )
    )
    return select(ArticleRow.id, ArticleRow.lang, col).where(
        ArticleRow.lang.in_([lang for lang in TRANSLATABLE if langs is None or lang in langs]),
        col != "",
        ~done,
    )


class TranslationsMixin(StorageBase):
    def pending_translations(
        self,
        limit: int | None = None,
        fields: Sequence[str] = FIELDS,
        langs: Sequence[str] | None = None,
    ) -> list[TranslationJob]:
        """Fields still lacking a translation: all titles first, then summaries, then bodies,
        newest articles first within each, so a backlog gives both languages early.
        `langs` restricts to articles in those languages (those with a model installed)."""
        jobs: list[TranslationJob] = []
        with self._read() as s:
            for field in fields:
                q = _pending_query(field, langs).order_by(
                    func.coalesce(ArticleRow.published, ArticleRow.fetched).desc(),
                    ArticleRow.id.desc(),
                )
                if limit is not None:
                    q = q.limit(max(0, limit - len(jobs)))
                for aid, lang, text in s.execute(q):
                    jobs.append(TranslationJob(aid, field, lang, target_of(lang) or "en", text))
                if limit is not None and len(jobs) >= limit:
                    break
        return jobs

    def count_pending_translations(self) -> int:
        with self._read() as s:
            total = 0
            for field in FIELDS:
                sub = _pending_query(field).subquery()
                total += int(s.scalar(select(func.count()).select_from(sub)) or 0)
            return total

    def save_translations(
        self, items: Iterable[Translation], cache: dict[str, str] | None = None
    ) -> int:
        """Store translations (replacing older ones of the same field) and reindex the
        articles in the same transaction, so search never sees half of it. `cache`
        entries (sentence key -> translation) are stored in that same transaction."""
        touched: set[int] = set()
        n = 0
        now = datetime.now(UTC)
        with self._tx() as s:
            if cache:
                _put_cache(s, cache)
            for t in items:
                if s.get(ArticleRow, t.article_id) is None:
                    continue  # deleted meanwhile
                row = s.scalars(
                    select(TranslationRow).where(
                        TranslationRow.article_id == t.article_id,
                        TranslationRow.field == t.field,
                        TranslationRow.target_lang == t.target_lang,
                    )
                ).first()
                if row is None:
                    row = TranslationRow(
                        article_id=t.article_id, field=t.field, target_lang=t.target_lang
                    )
                    s.add(row)
                row.source_lang, row.text = t.source_lang, t.text
                row.model, row.model_version, row.created = t.model, t.model_version, now
                touched.add(t.article_id)
                n += 1
            s.flush()
            conn = s.connection()
            for aid in sorted(touched):
                search_index.index_article(conn, aid)
        return n

    def translations_for(self, article_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """{article_id: {field: text}} of machine translations (not script conversions)."""
        out: dict[int, dict[str, str]] = {}
        if not article_ids:
            return out
        with self._read() as s:
            return _translations(s, article_ids)

    def cache_get(self, keys: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        with self._read() as s:
            for i in range(0, len(keys), 500):
                chunk = list(keys[i : i + 500])
                for key, text in s.execute(
                    select(TranslationCacheRow.key, TranslationCacheRow.text).where(
                        TranslationCacheRow.key.in_(chunk)
                    )
                ):
                    out[key] = text
        return out

    def cache_put(self, entries: dict[str, str]) -> None:
        with self._tx() as s:
            _put_cache(s, entries)


def _put_cache(s: Session, entries: dict[str, str]) -> None:
    for key, text in entries.items():
        if s.get(TranslationCacheRow, key) is None:
            s.add(TranslationCacheRow(key=key, text=text))


def _translations(s: Session, article_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for aid, field, text in s.execute(
        select(TranslationRow.article_id, TranslationRow.field, TranslationRow.text).where(
            TranslationRow.article_id.in_(list(article_ids)),
            ~TranslationRow.model.like("opencc%"),
        )
    ):
        out.setdefault(aid, {})[field] = text
    return out
