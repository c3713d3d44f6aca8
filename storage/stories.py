"""Stories: what linking reads (pending articles, the time window) and writes, and the reads
behind `newsdesk stories` / `story ID`.

Linking decisions are made in `aggregator.stories` (pure); this module only stores them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from aggregator.headlines import main_headline
from aggregator.models import LinkItem, RelatedStory, Story, StoryArticle

from .base import StorageBase, primary_first
from .schema import (
    ArticleRow,
    ArticleUrlRow,
    EntryRow,
    FeedRow,
    LinkKeysRow,
    RelatedUrlRow,
    StoryLinkRow,
    StoryRow,
    TranslationRow,
    VectorRow,
)
from .story_merge import merge_into, resolve

LEAD_CHARS = 400

_WHEN = func.coalesce(ArticleRow.published, ArticleRow.fetched)


def _items(s: Session, stmt: object) -> list[LinkItem]:
    rows = s.execute(stmt).all()  # type: ignore[call-overload]
    return [
        LinkItem(
            article_id=int(r.id),
            lang=r.lang,
            when=r.published or r.fetched,
            title=r.title,
            lead=r.lead or "",
            vector=r.vector,
            story_id=r.story_id,
            translation_of=r.translation_of,
            evidence=None if r.ev_keys is None else (r.ev_keys, r.ev_names, r.ev_places),
        )
        for r in rows
    ]


def _item_select() -> object:
    return (
        select(
            ArticleRow.id,
            ArticleRow.lang,
            ArticleRow.published,
            ArticleRow.fetched,
            ArticleRow.title,
            func.substr(
                func.coalesce(func.nullif(ArticleRow.summary, ""), ArticleRow.body), 1, LEAD_CHARS
            ).label("lead"),
            VectorRow.vector,
            ArticleRow.story_id,
            ArticleRow.translation_of,
            LinkKeysRow.keys.label("ev_keys"),
            LinkKeysRow.names.label("ev_names"),
            LinkKeysRow.places.label("ev_places"),
        )
        .join(VectorRow, VectorRow.article_id == ArticleRow.id)
        .outerjoin(LinkKeysRow, LinkKeysRow.article_id == ArticleRow.id)
    )


class StoriesMixin(StorageBase):
    # --- what linking reads ---------------------------------------------------------------

    def pending_link_order(self) -> list[tuple[int, datetime]]:
        """(id, time) of embedded articles without a story, in publication order."""
        with self._read() as s:
            rows = s.execute(
                select(ArticleRow.id, ArticleRow.published, ArticleRow.fetched)
                .join(VectorRow, VectorRow.article_id == ArticleRow.id)
                .where(ArticleRow.story_id.is_(None))
            ).all()
            out = [(int(i), p or f) for i, p, f in rows]
            out.sort(key=lambda x: (x[1], x[0]))
            return out

    def link_items(self, ids: Sequence[int]) -> list[LinkItem]:
        """What linking needs of these articles, in the order of `ids`."""
        with self._read() as s:
            stmt = _item_select().where(ArticleRow.id.in_(list(ids)))  # type: ignore[attr-defined]
            by_id = {i.article_id: i for i in _items(s, stmt)}
            return [by_id[i] for i in ids if i in by_id]

    def link_window(self, start: datetime, end: datetime) -> list[LinkItem]:
        """Articles already in a story whose time falls in [start, end]."""
        in_range = or_(
            (ArticleRow.published >= start) & (ArticleRow.published <= end),
            ArticleRow.published.is_(None)
            & (ArticleRow.fetched >= start)
            & (ArticleRow.fetched <= end),
        )
        with self._read() as s:
            stmt = (
                _item_select()  # type: ignore[attr-defined]
                .where(ArticleRow.story_id.is_not(None), in_range)
                .order_by(_WHEN, ArticleRow.id)
            )
            return _items(s, stmt)

    def related_article_pairs(self, ids: Sequence[int]) -> list[tuple[int, int]]:
        """(a, b) where article a (in `ids`) links to stored article b on its page, or b to a."""
        if not ids:
            return []
        ids = list(ids)
        with self._read() as s:
            out = s.execute(
                select(RelatedUrlRow.article_id, ArticleUrlRow.article_id)
                .join(ArticleUrlRow, ArticleUrlRow.url == RelatedUrlRow.url)
                .where(or_(RelatedUrlRow.article_id.in_(ids), ArticleUrlRow.article_id.in_(ids)))
            ).all()
            return [(int(a), int(b)) for a, b in out if a != b]

    def story_links_of(
        self, story_ids: Sequence[int], min_score: float
    ) -> list[tuple[int, int, float]]:
        """Stored related-coverage edges (a, b, score) scoring at least `min_score` that touch
        one of `story_ids`, best first (the third stories that bridge a weak pair; search's
        related expansion). Raises StorageError."""
        if not story_ids:
            return []
        ids = sorted(set(story_ids))
        with self._read() as s:
            rows = s.execute(
                select(StoryLinkRow.source_id, StoryLinkRow.target_id, StoryLinkRow.score)
                .where(
                    StoryLinkRow.score >= min_score,
                    or_(StoryLinkRow.source_id.in_(ids), StoryLinkRow.target_id.in_(ids)),
                )
                .order_by(StoryLinkRow.score.desc(), StoryLinkRow.id)
            ).all()
            return [(int(a), int(b), float(sc)) for a, b, sc in rows]

    def related_stories(self, story_ids: Sequence[int], min_score: float) -> dict[int, int]:
        """{related story: the first of `story_ids` it is related to, by the best edge} for
        the edges scoring at least `min_score` (search's related expansion), in one read;
        the stories themselves are left out. Raises StorageError."""
        mine = set(story_ids)
        out: dict[int, int] = {}
        for a, b, _ in self.story_links_of(story_ids, min_score):
            seed, other = (a, b) if a in mine else (b, a)
            if other not in mine:
                out.setdefault(other, seed)
        return out

    # --- what linking writes ----------------------------------------------------------------

    def assign_stories(
        self,
        assignments: Sequence[tuple[int, int]],
        translations: Sequence[tuple[int, int, float]] = (),
        merges: Sequence[tuple[int, int, int]] = (),
    ) -> dict[int, int]:
        """Put articles in stories; negative story keys create new stories.

        `assignments`: (article_id, story id or negative key); `translations`: (article,
        original, score) marks `translation_of`; `merges`: (old story, surviving story,
        bridging article), applied first and in order: old's articles and links move, old
        resolves to the survivor from then on. Story title, span and count are refreshed.
        Returns key -> story id. Raises StorageError.
        """
        created: dict[int, int] = {}
        with self._tx() as s:
            touched: set[int] = set()
            for old, new, bridge in merges:
                merge_into(s, old, new, bridge)
                touched.update((old, resolve(s, new)))
            for aid, key in assignments:
                if key < 0 and key not in created:
                    when = _when_of(s, aid)
                    row = StoryRow(first_seen=when, last_seen=when)
                    s.add(row)
                    s.flush()
                    created[key] = row.id
                sid = created[key] if key < 0 else resolve(s, key)
                s.execute(update(ArticleRow).where(ArticleRow.id == aid).values(story_id=sid))
                touched.add(sid)
            for aid, original, _score in translations:
                s.execute(
                    update(ArticleRow)
                    .where(ArticleRow.id == aid, ArticleRow.translation_of.is_(None))
                    .values(translation_of=original)
                )
            s.flush()
            for sid in touched:
                _refresh_story(s, sid)
        return created

    def save_link_keys(self, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """(article, keys, names, places) evidence of linked articles, one key a line;
        replaces what was there. Raises StorageError."""
        if not rows:
            return
        with self._tx() as s:
            for aid, keys, names, places in rows:
                s.merge(LinkKeysRow(article_id=aid, keys=keys, names=names, places=places))

    def save_story_links(self, edges: Sequence[tuple[int, int, float]]) -> None:
        """Related-coverage edges (a, b, score), stored once per pair (a < b), best score.

        Raises StorageError."""
        with self._tx() as s:
            best: dict[tuple[int, int], float] = {}
            for a, b, score in edges:
                a, b = resolve(s, a), resolve(s, b)  # an edge to a merged story: its survivor
                if a != b:
                    pair = (min(a, b), max(a, b))
                    best[pair] = max(score, best.get(pair, score))
            if not best:
                return
            sources = sorted({a for a, _ in best})
            existing = {
                (r.source_id, r.target_id): r
                for r in s.scalars(select(StoryLinkRow).where(StoryLinkRow.source_id.in_(sources)))
            }
            for (lo, hi), score in best.items():
                row = existing.get((lo, hi))
                if row is None:
                    s.add(StoryLinkRow(source_id=lo, target_id=hi, score=score))
                elif score > row.score:
                    row.score = score

    # --- reads for the CLI --------------------------------------------------------------------

    def list_stories(
        self, since: datetime | None = None, until: datetime | None = None, limit: int | None = None
    ) -> list[Story]:
        """Stories overlapping [since, until), most recently active first."""
        with self._read() as s:
            stmt = select(StoryRow).where(StoryRow.article_count > 0)
            if since is not None:
                stmt = stmt.where(StoryRow.last_seen >= since)
            if until is not None:
                stmt = stmt.where(StoryRow.first_seen < until)
            stmt = stmt.order_by(StoryRow.last_seen.desc(), StoryRow.id.desc())
            if limit is not None:
                stmt = stmt.limit(limit)
            return _to_stories(s, list(s.scalars(stmt)))

    def get_story(self, story_id: int) -> Story | None:
        """The story, or the one it was merged into; None when there is no such story."""
        with self._read() as s:
            row = s.get(StoryRow, resolve(s, story_id))  # a merged story's old id resolves
            if row is None or not row.article_count:
                return None
            return _to_stories(s, [row])[0]

    def article_for_entry(self, feed_id: int, guid: str) -> int | None:
        """The article a feed's entry was stored as (after deduplication)."""
        with self._read() as s:
            row = s.get(EntryRow, (feed_id, guid))
            return None if row is None else int(row.article_id)

    def entry_articles(self) -> list[tuple[str, str, int]]:
        """(feed name, guid, article id) of every stored entry: how feed items were merged."""
        with self._read() as s:
            rows = s.execute(
                select(FeedRow.name, EntryRow.guid, EntryRow.article_id).join(
                    FeedRow, FeedRow.id == EntryRow.feed_id
                )
            ).all()
            return [(str(n), str(g), int(a)) for n, g, a in rows]

    def story_of(self, article_id: int) -> int | None:
        with self._read() as s:
            sid = s.scalar(select(ArticleRow.story_id).where(ArticleRow.id == article_id))
            return None if sid is None else int(sid)


def _when_of(s: Session, aid: int) -> datetime:
    row = s.get(ArticleRow, aid)
    assert row is not None
    return row.published or row.fetched


def _refresh_story(s: Session, sid: int) -> None:
    """Span, count and title (`aggregator.headlines.main_headline`)."""
    rows = s.execute(
        select(ArticleRow.id, ArticleRow.lang, ArticleRow.title, _WHEN.label("when"))
        .where(ArticleRow.story_id == sid)
        .order_by(_WHEN, ArticleRow.id)
    ).all()
    story = s.get(StoryRow, sid)
    if story is None:
        return
    if not rows:
        story.article_count = 0
        return
    # The naming rule is the aggregator's (pure); storage only keeps its answer.
    head = main_headline([(r.lang, r.title, _aware(r.when)) for r in rows])
    whens = [_aware(r.when) for r in rows]
    story.first_seen, story.last_seen = min(whens), max(whens)
    story.article_count = len(rows)
    if head is not None:
        story.title, story.title_lang = head


def _aware(value: datetime | str) -> datetime:
    from datetime import UTC

    if isinstance(value, str):  # coalesce() loses the column type on SQLite
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _to_stories(s: Session, rows: list[StoryRow]) -> list[Story]:
    if not rows:
        return []
    sids = [r.id for r in rows]
    arts = list(
        s.scalars(
            select(ArticleRow).where(ArticleRow.story_id.in_(sids)).order_by(_WHEN, ArticleRow.id)
        )
    )
    aids = [a.id for a in arts]
    urls: dict[int, list[str]] = {a: [] for a in aids}
    for aid, url in s.execute(
        select(ArticleUrlRow.article_id, ArticleUrlRow.url)
        .where(ArticleUrlRow.article_id.in_(aids))
        .order_by(ArticleUrlRow.url)
    ):
        urls[aid].append(url)
    titles = {
        int(aid): text
        for aid, text in s.execute(
            select(TranslationRow.article_id, TranslationRow.text).where(
                TranslationRow.article_id.in_(aids), TranslationRow.field == "title"
            )
        )
    }
    feeds = dict(s.execute(select(FeedRow.id, FeedRow.name)).all())
    by_story: dict[int, list[StoryArticle]] = {sid: [] for sid in sids}
    head_translation: dict[int, str | None] = {}
    for a in arts:
        known = primary_first(a.url, urls.get(a.id, []))
        by_story[a.story_id or 0].append(  # story_id is set by the query
            StoryArticle(
                id=a.id,
                url=a.url,
                urls=known,
                title=a.title,
                title_translated=titles.get(a.id),
                lang=a.lang,
                feed=str(feeds.get(a.feed_id, "")),
                published=a.published,
            )
        )
    for r in rows:
        head = next((a for a in by_story[r.id] if a.title == r.title), None)
        head_translation[r.id] = head.title_translated if head else None
    related: dict[int, list[RelatedStory]] = {sid: [] for sid in sids}
    links = s.execute(
        select(StoryLinkRow.source_id, StoryLinkRow.target_id, StoryLinkRow.score).where(
            or_(StoryLinkRow.source_id.in_(sids), StoryLinkRow.target_id.in_(sids))
        )
    ).all()
    others = {int(x) for src, dst, _ in links for x in (src, dst)}
    names = dict(
        s.execute(select(StoryRow.id, StoryRow.title).where(StoryRow.id.in_(others))).all()
    )
    for src, dst, score in links:
        for mine, other in ((src, dst), (dst, src)):
            if mine in related:
                related[mine].append(
                    RelatedStory(int(other), str(names.get(other, "")), round(float(score), 3))
                )
    out = []
    for r in rows:
        members = by_story[r.id]
        langs = tuple(sorted({m.lang for m in members}))
        out.append(
            Story(
                id=r.id,
                title=r.title,
                first_seen=r.first_seen,
                last_seen=r.last_seen,
                languages=langs,
                articles=tuple(members),
                related=tuple(sorted(related[r.id], key=lambda x: (-x.score, x.id))),
                title_translated=head_translation[r.id],
                title_lang=r.title_lang,
            )
        )
    return out
