"""Article embeddings and the per-language running means used to centre them.

Format (shared with search):
- `article_vectors(article_id, model, lang, vector)`: `vector` is the RAW L2-normalized
  embedding of the article's title + lead, `numpy.float32` bytes in native (little-endian)
  order, `DIM` (384) values; `lang` is the language the linker embedded it as: the family
  (`en`, `zh` for Simplified and Traditional alike, `other`), since one offset serves both
  scripts; callers of `put_vectors` may store finer codes, readers should fold `zh-Hant`.
- `language_means(lang, model, count, vector)`: the running mean of the raw vectors of
  that language and model (float32 bytes, same layout, not normalized), updated
  incrementally as vectors are added: mean += (sum(new) - n * mean) / (count + n).

Centring happens at comparison time, never in storage: `c = v - mean[lang]`, then
re-normalize `c`; compare centred vectors with a dot product. Raw cosine carries a strong
same-language offset (FIELD-NOTES), so raw vectors are not comparable across languages.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from aggregator.models import Article

from .articles import to_articles
from .base import StorageBase
from .schema import ArticleRow, LanguageMeanRow, VectorRow


class VectorsMixin(StorageBase):
    def articles_missing_vectors(self, limit: int = 64) -> list[Article]:
        """Articles with no stored embedding yet, oldest id first (resumable embedding)."""
        with self._read() as s:
            rows = list(
                s.scalars(
                    select(ArticleRow)
                    .outerjoin(VectorRow, VectorRow.article_id == ArticleRow.id)
                    .where(VectorRow.article_id.is_(None))
                    .order_by(ArticleRow.id)
                    .limit(limit)
                )
            )
            return to_articles(s, rows)

    def put_vectors(self, model: str, items: Sequence[tuple[int, str, bytes]]) -> None:
        """Store (article_id, lang, raw float32 bytes) and fold them into the language means."""
        import numpy as np  # here, not at import: a warm poll never loads numpy

        if not items:
            return
        with self._tx() as s:
            by_lang: dict[str, list[np.ndarray]] = {}
            for aid, lang, blob in items:
                existing = s.get(VectorRow, aid)
                if existing is not None:
                    existing.model, existing.lang, existing.vector = model, lang, blob
                    continue  # re-embedding does not count twice in the mean
                s.add(VectorRow(article_id=aid, model=model, lang=lang, vector=blob))
                by_lang.setdefault(lang, []).append(np.frombuffer(blob, dtype=np.float32))
            for lang, vecs in by_lang.items():
                batch = np.stack(vecs).astype(np.float64)
                row = s.get(LanguageMeanRow, lang)
                if row is None or row.model != model:
                    mean = batch.mean(axis=0)
                    count = len(vecs)
                    if row is None:
                        row = LanguageMeanRow(lang=lang)
                        s.add(row)
                else:
                    old = np.frombuffer(row.vector, dtype=np.float32).astype(np.float64)
                    count = row.count + len(vecs)
                    mean = old + (batch.sum(axis=0) - len(vecs) * old) / count
                row.model, row.count = model, count
                row.vector = mean.astype(np.float32).tobytes()

    def language_means(self, model: str) -> dict[str, tuple[int, bytes]]:
        """lang -> (count, mean float32 bytes) for one embedding model."""
        with self._read() as s:
            rows = s.scalars(select(LanguageMeanRow).where(LanguageMeanRow.model == model))
            return {r.lang: (r.count, r.vector) for r in rows}

    def get_vectors(self, ids: Sequence[int]) -> dict[int, tuple[str, bytes]]:
        """article id -> (lang, raw vector bytes) for those that have one."""
        with self._read() as s:
            rows = s.execute(
                select(VectorRow.article_id, VectorRow.lang, VectorRow.vector).where(
                    VectorRow.article_id.in_(list(ids))
                )
            )
            return {int(a): (lang, blob) for a, lang, blob in rows}
