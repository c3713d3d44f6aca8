"""Ingest: read the stored state of a batch's candidates, then apply the decider's intents.

No decisions here (they are `aggregator.ingest.decide`) and no text work: signatures,
bands and the segmented search row arrive computed, so the write transaction only writes.
`rewrite_text` is the one routine for "this article's text changed": everything derived
from the old text (translations of the changed fields, vector, MinHash bands, search row)
goes with it, whichever path rewrote it (a feed's update or a near-duplicate merge).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from aggregator.models import (
    AttachSource,
    IngestIntent,
    IngestLookup,
    IngestResult,
    InsertArticle,
    NearCandidate,
    NewArticle,
    PreparedArticle,
    ReplaceText,
    SearchText,
    StoredText,
)

from . import search_index
from .base import StorageBase
from .postgres import lock_keys_xact
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    MinhashBandRow,
    RelatedUrlRow,
    TranslationRow,
    VectorRow,
)

MAX_NEAR = 50  # candidates per article sharing an LSH band, most shared bands first
# A summary and body translation are indexed together: one changing drops both.
_COUPLED = {"title": ("title",), "summary": ("summary", "body"), "body": ("summary", "body")}


class IngestMixin(StorageBase):
    def ingest_lookup(self, batch: Sequence[PreparedArticle]) -> IngestLookup:
        """Every stored article a batch could match: by (feed, GUID), canonical URL,
        fingerprint, and LSH band (near duplicates). One read transaction.

        Raises StorageError.
        """
        entries = {(a.item.feed_id, a.item.guid) for a in batch}
        urls = {a.item.url for a in batch if a.item.url}
        fps = {a.item.fingerprint for a in batch}
        with self._read() as s:
            by_entry: dict[tuple[int, str], int] = {}
            for feed_id in {f for f, _ in entries}:
                guids = [g for f, g in entries if f == feed_id]
                for guid, aid in s.execute(
                    select(EntryRow.guid, EntryRow.article_id).where(
                        EntryRow.feed_id == feed_id, EntryRow.guid.in_(guids)
                    )
                ):
                    by_entry[(feed_id, guid)] = int(aid)
            by_url = {
                u: int(a)
                for u, a in s.execute(
                    select(ArticleUrlRow.url, ArticleUrlRow.article_id).where(
                        ArticleUrlRow.url.in_(urls)
                    )
                )
            }
            by_fp: dict[str, int] = {}
            for fp, aid in s.execute(
                select(ArticleRow.fingerprint, ArticleRow.id)
                .where(ArticleRow.fingerprint.in_(fps))
                .order_by(ArticleRow.id)
            ):
                by_fp.setdefault(fp, int(aid))
            near = {i: self._near(s, a.bands) for i, a in enumerate(batch) if a.bands}
            wanted = set(by_entry.values()) | set(by_url.values()) | set(by_fp.values())
            wanted |= {c.article_id for cands in near.values() for c in cands}
            stored = _stored(s, wanted)
        return IngestLookup(by_entry, by_url, by_fp, near, stored)

    @staticmethod
    def _near(s: Session, bands: Sequence[tuple[int, int]]) -> tuple[NearCandidate, ...]:
        from sqlalchemy import func

        shared = func.count(MinhashBandRow.id).label("shared")
        hits = (
            select(MinhashBandRow.article_id.label("aid"), shared)
            .where(MinhashBandRow.hash.in_([digest for _band, digest in bands]))
            .group_by(MinhashBandRow.article_id)
            .order_by(shared.desc())
            .limit(MAX_NEAR)
            .subquery()
        )
        rows = s.execute(
            select(
                ArticleRow.id,
                ArticleRow.lang,
                ArticleRow.published,
                ArticleRow.fetched,
                ArticleRow.minhash,
            ).join(hits, hits.c.aid == ArticleRow.id)
        ).all()
        return tuple(
            NearCandidate(int(aid), lang, published or fetched, blob)
            for aid, lang, published, fetched, blob in rows
            if blob is not None
        )

    def apply_ingest(self, intents: Sequence[IngestIntent]) -> IngestResult:
        """Apply the decider's intents in one transaction (all or nothing).

        An insert whose (feed, GUID), URL or fingerprint appeared meanwhile (another
        writer, on this host or another) attaches to that article instead. On PostgreSQL
        the batch's keys are advisory-locked first (in key order, no deadlock), so the
        check and the insert are one step for every writer: a race never stores an article
        twice, and the entry and URL keys are unique constraints besides.
        Raises StorageError.
        """
        new: list[int] = []
        updated: list[int] = []
        dups = 0
        inserted: dict[int, int] = {}  # intent index -> article id
        with self._tx() as s:
            if self.engine.dialect.name == "postgresql":
                lock_keys_xact(s.connection(), [k for i in intents for k in _keys(i)])
            for index, intent in enumerate(intents):
                if isinstance(intent, InsertArticle):
                    item = intent.article.item
                    raced = s.get(EntryRow, (item.feed_id, item.guid))
                    if raced is not None:
                        inserted[index] = raced.article_id
                        dups += 1
                        continue
                    winner = _stored_copy(s, item)
                    if winner is not None:  # the loser of a race attaches its URL
                        inserted[index] = winner
                        _attach(s, winner, item)
                        dups += 1
                        continue
                    inserted[index] = _insert(s, intent.article)
                    new.append(inserted[index])
                elif isinstance(intent, ReplaceText):
                    row = s.get(ArticleRow, intent.article_id)
                    if row is None:
                        continue
                    _attach(s, row.id, intent.article.item)
                    rewrite_text(s, row, intent.article, intent.changed)
                    updated.append(row.id)
                else:
                    target = _target(intent, inserted)
                    if target is not None and s.get(ArticleRow, target) is not None:
                        _attach(s, target, intent.item)
                    dups += 1
        return IngestResult(tuple(new), tuple(dict.fromkeys(updated)), dups)


def _keys(intent: IngestIntent) -> list[str]:
    """The keys an intent may create or match (advisory-lock names)."""
    item = intent.item if isinstance(intent, AttachSource) else intent.article.item
    keys = [f"entry:{item.feed_id}:{item.guid}", f"fp:{item.fingerprint}"]
    if item.url:
        keys.append(f"url:{item.url}")
    return keys


def _stored_copy(s: Session, item: NewArticle) -> int | None:
    """An article stored since the lookup with this item's URL or fingerprint."""
    if item.url:
        by_url = s.get(ArticleUrlRow, item.url)
        if by_url is not None:
            return by_url.article_id
    return s.scalar(
        select(ArticleRow.id)
        .where(ArticleRow.fingerprint == item.fingerprint)
        .order_by(ArticleRow.id)
        .limit(1)
    )


def _target(intent: AttachSource, inserted: dict[int, int]) -> int | None:
    if intent.article_id is not None:
        return intent.article_id
    return inserted.get(intent.new_index) if intent.new_index is not None else None


def _stored(s: Session, ids: set[int]) -> dict[int, StoredText]:
    if not ids:
        return {}
    rows = s.execute(
        select(
            ArticleRow.id,
            ArticleRow.lang,
            ArticleRow.published,
            ArticleRow.fetched,
            ArticleRow.fingerprint,
            ArticleRow.title,
            ArticleRow.summary,
            ArticleRow.body,
            ArticleRow.minhash,
        ).where(ArticleRow.id.in_(sorted(ids)))
    ).all()
    return {int(r[0]): StoredText(int(r[0]), *r[1:]) for r in rows}


def _insert(s: Session, a: PreparedArticle) -> int:
    item = a.item
    row = ArticleRow(
        feed_id=item.feed_id,
        guid=item.guid,
        url=item.url,
        title=item.title,
        summary=item.summary,
        body=item.body,
        author=item.author,
        lang=item.lang,
        lang_confidence=item.lang_confidence,
        published=item.published,
        fetched=item.fetched,
        updated=item.fetched,
        fingerprint=item.fingerprint,
        minhash=item.minhash,
    )
    s.add(row)
    s.flush()
    _attach(s, row.id, item)
    _add_related(s, row.id, item)
    put_bands(s, row.id, a.bands)
    search_index.write_row(s.connection(), row.id, a.search, ("", ""))
    return row.id


def _attach(s: Session, article_id: int, item: NewArticle) -> None:
    if s.get(EntryRow, (item.feed_id, item.guid)) is None:
        s.add(
            EntryRow(feed_id=item.feed_id, guid=item.guid, article_id=article_id, seen=item.fetched)
        )
    if item.url and s.get(ArticleUrlRow, item.url) is None:
        s.add(ArticleUrlRow(url=item.url, article_id=article_id))
    s.flush()


def _add_related(s: Session, article_id: int, item: NewArticle) -> None:
    for link in item.related:
        s.add(
            RelatedUrlRow(
                article_id=article_id, url=link.url, title=link.title, summary=link.summary
            )
        )


def put_bands(s: Session, article_id: int, bands: Sequence[tuple[int, int]]) -> None:
    s.execute(delete(MinhashBandRow).where(MinhashBandRow.article_id == article_id))
    if bands:
        s.execute(
            insert(MinhashBandRow),
            [{"band": b, "hash": h, "article_id": article_id} for b, h in bands],
        )


def rewrite_text(
    s: Session,
    row: ArticleRow,
    new: PreparedArticle | None,
    changed: Sequence[str],
    *,
    search: SearchText | None = None,
) -> None:
    """Give `row` new text and drop what was derived from the old: translations of the
    changed fields, its vector (so it is embedded again), its MinHash bands (replaced by
    `new.bands`) and its search row (replaced by `new.search`, or `search`; translated
    columns of unchanged fields are kept). `new` None: the caller already set the row's
    text and moved its bands (a merge)."""
    if new is not None:
        item = new.item
        row.title, row.summary, row.body = item.title, item.summary, item.body
        row.lang, row.lang_confidence = item.lang, item.lang_confidence
        row.fingerprint, row.updated, row.minhash = item.fingerprint, item.fetched, item.minhash
        row.url = item.url or row.url
        row.published = item.published or row.published
        if item.related:
            s.execute(delete(RelatedUrlRow).where(RelatedUrlRow.article_id == row.id))
            _add_related(s, row.id, item)
        put_bands(s, row.id, new.bands)
        search = new.search
    dropped = sorted({f for c in changed for f in _COUPLED.get(c, (c,))})
    if dropped:
        s.execute(
            delete(TranslationRow).where(
                TranslationRow.article_id == row.id, TranslationRow.field.in_(dropped)
            )
        )
    s.execute(delete(VectorRow).where(VectorRow.article_id == row.id))
    s.flush()
    if search is not None:
        conn = s.connection()
        kept = search_index.translated_columns(conn, row.id)
        tt = "" if "title" in dropped else kept[0]
        bt = "" if "body" in dropped else kept[1]
        search_index.write_row(conn, row.id, search, (tt, bt))
