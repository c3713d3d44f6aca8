"""Search behind the storage interface: lexical candidates, semantic candidates, documents.

The backend-specific parts live in `search_index` (FTS5) and `vector_index` (memory-mapped
matrices); this mixin is what a PostgreSQL backend would reimplement (tsvector over the same
pre-segmented text, pgvector for the vectors). Ranking and fusion are not done here:
`aggregator.search` fuses the candidate lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from aggregator.extract import lead_and_body
from aggregator.langs import LANGS, family
from aggregator.models import ParsedQuery, SearchCandidate, SearchDoc, SearchFilters

from . import search_index, search_story
from .base import StorageBase, primary_first
from .engine import sqlite_path
from .postgres import host_folder
from .schema import ArticleRow, ArticleUrlRow, FeedRow, TranslationRow

if TYPE_CHECKING:  # numpy loads with it: only searches and linking need vectors
    from .vector_index import VectorIndex


class SearchMixin(StorageBase):
    url: str

    def _feed_ids(self, s: Session, filters: SearchFilters) -> list[int] | None:
        if not filters.feeds and not filters.tags:
            return None
        out = []
        for fid, name, tags in s.execute(select(FeedRow.id, FeedRow.name, FeedRow.tags)):
            if filters.feeds and name not in filters.feeds:
                continue
            if filters.tags and not set(tags or ()) & set(filters.tags):
                continue
            out.append(int(fid))
        return out

    def search_lexical_langs(
        self, query: ParsedQuery, filters: SearchFilters, limit: int
    ) -> list[SearchCandidate]:
        """The best `limit` full-text matches of each language, the languages outside
        `filters.langs` included (search_index.lexical_langs), best first."""
        with self._read() as s:
            feed_ids = self._feed_ids(s, filters)
            return search_index.lexical_langs(s.connection(), query, filters, feed_ids, limit)

    def search_story_words(
        self, query: ParsedQuery, filters: SearchFilters, cap: int = search_index.CAP
    ) -> dict[int, list[SearchCandidate]]:
        """Story id -> its articles with at least one query word (and every phrase, no
        excluded word), for the stories whose articles together hold every word
        (search_story.story_words: one statement, each word's newest `cap` matches)."""
        with self._read() as s:
            feed_ids = self._feed_ids(s, filters)
            return search_story.story_words(s.connection(), query, filters, feed_ids, cap)

    def _vector_index(self, model: str, dim: int) -> VectorIndex:
        from .vector_index import VectorIndex

        cache: dict[tuple[str, int], VectorIndex] = self.__dict__.setdefault("_vindex", {})
        if (model, dim) not in cache:
            path = sqlite_path(self.url)
            if path is not None:
                cache[(model, dim)] = VectorIndex(Path(str(path) + ".vectors"), model, dim)
            elif self.engine.dialect.name == "postgresql":
                # a per-host copy, as beside an SQLite file; several writers commit out of
                # id order, hence late_commits
                folder = host_folder(self.url) / "vectors"
                cache[(model, dim)] = VectorIndex(folder, model, dim, late_commits=True)
            else:
                cache[(model, dim)] = VectorIndex(None, model, dim)
        return cache[(model, dim)]

    def has_vectors(self, model: str, dim: int) -> bool:
        """Whether any article has a vector of this model (syncs the derived index)."""
        index = self._vector_index(model, dim)
        with self._read() as s:
            index.sync(s.connection())
        return bool(index.langs())

    def search_semantic(
        self,
        vector: Any,
        model: str,
        filters: SearchFilters,
        per_lang: int = 5,
    ) -> list[SearchCandidate]:
        """The nearest `per_lang` articles of each language that pass the filters.

        Filters other than language are applied to a widened candidate list (4x), so a
        narrow filter may return fewer than `per_lang`."""
        dim = int(getattr(vector, "shape", (len(vector),))[-1])
        index = self._vector_index(model, dim)
        # vectors are kept per language family (zh and zh-Hant share one matrix), so a
        # zh-Hant filter searches the zh matrix and the SQL below keeps the zh-Hant rows
        families = tuple(dict.fromkeys(family(lang) for lang in filters.langs))
        narrower = bool(filters.langs) and set(filters.langs) != {
            code for f in families for code in LANGS if family(code) == f
        }
        with self._read() as s:
            index.sync(s.connection())
            filtering = narrower or filters != SearchFilters(langs=filters.langs)
            found = index.search(vector, families, per_lang * (4 if filtering else 1))
            if not found:
                return []
            feed_ids = self._feed_ids(s, filters)
            native = self.engine.dialect.name == "postgresql"
            where, params, expanding = search_index.filter_sql(
                filters, feed_ids, native_times=native
            )
            sql = "SELECT a.id FROM articles AS a WHERE a.id IN :ids" + (
                f" AND {where}" if where else ""
            )
            stmt = text(sql).bindparams(
                *(bindparam(n, expanding=True) for n in [*expanding, "ids"])
            )
            params["ids"] = [c.article_id for c in found]
            keep = {int(r[0]) for r in s.execute(stmt, params)}
        counts: dict[str, int] = {}
        out = []
        for c in found:  # already best first within each language
            if c.article_id in keep and counts.get(c.lang, 0) < per_lang:
                counts[c.lang] = counts.get(c.lang, 0) + 1
                out.append(c)
        return out

    def story_docs(
        self, story_ids: Sequence[int], filters: SearchFilters, limit: int = 200
    ) -> list[SearchDoc]:
        """Documents of up to `limit` articles of these stories that pass the filters, in
        one read (the mates and their documents: search's story expansion)."""
        if not story_ids:
            return []
        with self._read() as s:
            feed_ids = self._feed_ids(s, filters)
            native = self.engine.dialect.name == "postgresql"
            where, params, expanding = search_index.filter_sql(
                filters, feed_ids, native_times=native
            )
            sql = (
                "SELECT a.id FROM articles AS a WHERE a.story_id IN :sids"
                + (f" AND {where}" if where else "")
                + " ORDER BY a.id LIMIT :limit"
            )
            stmt = text(sql).bindparams(
                *(bindparam(n, expanding=True) for n in [*expanding, "sids"])
            )
            params.update(sids=list(story_ids), limit=limit)
            return self._docs(s, [int(r[0]) for r in s.execute(stmt, params)])

    def search_docs(self, ids: Sequence[int]) -> list[SearchDoc]:
        """Documents for result display, in the order of `ids` (deleted ones skipped)."""
        if not ids:
            return []
        with self._read() as s:
            return self._docs(s, ids)

    def _docs(self, s: Session, ids: Sequence[int]) -> list[SearchDoc]:
        if not ids:
            return []
        rows = {
            r.id: r
            for r in s.execute(
                select(
                    ArticleRow.id,
                    ArticleRow.url,
                    ArticleRow.title,
                    ArticleRow.summary,
                    ArticleRow.body,
                    ArticleRow.lang,
                    ArticleRow.published,
                    ArticleRow.fetched,
                    ArticleRow.story_id,
                    FeedRow.name,
                )
                .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
                .where(ArticleRow.id.in_(list(ids)))
            )
        }
        urls: dict[int, list[str]] = {}
        for aid, url in s.execute(
            select(ArticleUrlRow.article_id, ArticleUrlRow.url)
            .where(ArticleUrlRow.article_id.in_(list(rows)))
            .order_by(ArticleUrlRow.url)
        ):
            urls.setdefault(int(aid), []).append(url)
        trs: dict[int, dict[str, str]] = {}
        for aid, field, tr_text in s.execute(
            select(TranslationRow.article_id, TranslationRow.field, TranslationRow.text).where(
                TranslationRow.article_id.in_(list(rows)),
            )
        ):
            trs.setdefault(int(aid), {})[field] = tr_text
        out = []
        for i in ids:
            r = rows.get(i)
            if r is None:
                continue
            known = primary_first(r.url, urls.get(i, []))
            tr = trs.get(i, {})
            out.append(
                SearchDoc(
                    id=i,
                    url=r.url or (known[0] if known else None),
                    urls=known,
                    title=r.title,
                    text=lead_and_body(r.summary, r.body),
                    title_translated=tr.get("title"),
                    text_translated="\n".join(tr[f] for f in ("summary", "body") if tr.get(f)),
                    lang=r.lang,
                    feed=r.name,
                    published=r.published,
                    story_id=r.story_id,
                )
            )
        return out

    def search_index_bytes(self) -> int:
        with self._read() as s:
            return search_index.size_bytes(s.connection())
