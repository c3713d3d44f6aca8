"""Translations, the pending queue (derived, never stored) and the sentence cache."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from aggregator.langs import FIELDS, TRANSLATABLE, target_of
from aggregator.models import Conversion, Translation, TranslationJob

from . import search_index
from .base import StorageBase
from .schema import ArticleRow, ConversionRow, TranslationCacheRow, TranslationRow


def _pending_query(field: str, langs: Sequence[str] | None = None):  # type: ignore[no-untyped-def]
    col = getattr(ArticleRow, field)
    done = exists().where(
        and_(
            TranslationRow.article_id == ArticleRow.id,
            TranslationRow.field == field,
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
        """Fields waiting for a translation. Raises StorageError."""
        with self._read() as s:
            return count_pending(s)

    def save_translations(
        self,
        items: Iterable[Translation],
        cache: dict[str, str] | None = None,
        conversions: Iterable[Conversion] = (),
    ) -> int:
        """Store translations (replacing older ones of the same field), their script
        conversions and sentence-cache entries, and update the articles' search rows, all in
        one transaction, so search never sees half of it. Each translation arrives with its
        text already segmented (`Translation.indexed`): no text work under the lock.
        Returns how many translations were stored. Raises StorageError."""
        fresh: dict[int, list[Translation]] = {}
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
                fresh.setdefault(t.article_id, []).append(t)
            for c in conversions:
                if s.get(ArticleRow, c.article_id) is not None:
                    s.merge(
                        ConversionRow(
                            article_id=c.article_id,
                            field=c.field,
                            target=c.target,
                            text=c.text,
                            tool=c.tool,
                        )
                    )
            s.flush()
            conn = s.connection()
            for aid, saved in sorted(fresh.items()):
                tt, bt = search_index.translated_columns(conn, aid)
                for t in saved:
                    if t.field == "title":
                        tt = t.indexed
                    elif t.indexed:
                        bt = f"{bt}\n{t.indexed}" if bt else t.indexed
                search_index.set_translated(conn, aid, (tt, bt))
        return sum(len(v) for v in fresh.values())

    def translations_for(self, article_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """{article_id: {field: text}} of machine translations."""
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


def count_pending(s: Session) -> int:
    total = 0
    for field in FIELDS:
        sub = _pending_query(field).subquery()
        total += int(s.scalar(select(func.count()).select_from(sub)) or 0)
    return total


def _put_cache(s: Session, entries: dict[str, str]) -> None:
    for key, text in entries.items():
        if s.get(TranslationCacheRow, key) is None:
            s.add(TranslationCacheRow(key=key, text=text))


def _translations(s: Session, article_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    for aid, field, text in s.execute(
        select(TranslationRow.article_id, TranslationRow.field, TranslationRow.text).where(
            TranslationRow.article_id.in_(list(article_ids)),
        )
    ):
        out.setdefault(aid, {})[field] = text
    return out
