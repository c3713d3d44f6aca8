"""Story merges: a bridging article folds one stored story into another, the old id keeps
resolving (`story_aliases`), and a merge can be undone exactly.

The decision to merge is made in `aggregator.stories` (pure); these helpers only move rows,
inside the caller's transaction (`StoriesMixin.assign_stories`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from .base import StorageBase
from .schema import ArticleRow, StoryAliasRow, StoryLinkRow, StoryRow


def resolve(s: Session, story_id: int) -> int:
    """The story an id stands for now: itself, or the story it was merged into."""
    alias = s.get(StoryAliasRow, story_id)
    return story_id if alias is None else int(alias.new_id)


def merge_into(s: Session, old: int, new: int, bridge: int | None) -> None:
    """Move `old`'s articles and related links to `new`; `old` becomes an alias of `new`.

    Aliases that pointed to `old` point to `new` (one hop always resolves). The caller
    refreshes both stories' span, title and count.
    """
    old, new = resolve(s, old), resolve(s, new)
    if old == new or s.get(StoryRow, old) is None or s.get(StoryRow, new) is None:
        return
    moved = list(s.scalars(select(ArticleRow.id).where(ArticleRow.story_id == old)))
    s.execute(update(ArticleRow).where(ArticleRow.story_id == old).values(story_id=new))
    _move_links(s, old, new)
    s.execute(update(StoryAliasRow).where(StoryAliasRow.new_id == old).values(new_id=new))
    s.add(
        StoryAliasRow(
            old_id=old,
            new_id=new,
            bridge_article_id=bridge,
            articles=" ".join(str(a) for a in moved),
        )
    )


def _move_links(s: Session, old: int, new: int) -> None:
    """Re-point `old`'s related-coverage edges at `new`, best score per pair, no self-edge."""
    rows = list(
        s.scalars(
            select(StoryLinkRow).where(
                (StoryLinkRow.source_id == old) | (StoryLinkRow.target_id == old)
            )
        )
    )
    scores: dict[int, float] = {}
    for r in rows:
        other = r.target_id if r.source_id == old else r.source_id
        if other not in (old, new):
            scores[other] = max(scores.get(other, 0.0), r.score)
        s.delete(r)
    s.flush()
    for other, score in scores.items():
        lo, hi = min(other, new), max(other, new)
        row = s.scalar(
            select(StoryLinkRow).where(StoryLinkRow.source_id == lo, StoryLinkRow.target_id == hi)
        )
        if row is None:
            s.add(StoryLinkRow(source_id=lo, target_id=hi, score=score))
        elif score > row.score:
            row.score = score
    # An edge between the two merged stories is now a self-edge.
    s.execute(
        delete(StoryLinkRow).where(StoryLinkRow.source_id == new, StoryLinkRow.target_id == new)
    )


class StoryMergeMixin(StorageBase):
    def story_alias(self, story_id: int) -> int | None:
        """The story `story_id` was merged into, or None if it was never merged."""
        with self._read() as s:
            alias = s.get(StoryAliasRow, story_id)
            return None if alias is None else int(alias.new_id)

    def merge_records(self, survivors: Sequence[int]) -> list[tuple[int, int, list[int]]]:
        """(old id, survivor, ids of the articles the merge moved) of every merge into one
        of `survivors`, so linking can check whether a bridge has proved wrong. Raises
        StorageError."""
        if not survivors:
            return []
        with self._read() as s:
            rows = s.scalars(
                select(StoryAliasRow).where(StoryAliasRow.new_id.in_(sorted(set(survivors))))
            )
            return [
                (int(r.old_id), int(r.new_id), [int(x) for x in r.articles.split()]) for r in rows
            ]

    def unmerge_story(self, old_id: int) -> bool:
        """Undo a merge: the articles it moved (and still in the merged story) go back to
        `old_id`, the alias goes. Returns False when `old_id` was not merged. Related links
        moved by the merge stay with the merged story (a later linking run re-scores them).
        Raises StorageError."""
        from .stories import _refresh_story

        with self._tx() as s:
            alias = s.get(StoryAliasRow, old_id)
            if alias is None:
                return False
            new = int(alias.new_id)
            ids = [int(x) for x in alias.articles.split()]
            if ids:
                s.execute(
                    update(ArticleRow)
                    .where(ArticleRow.id.in_(ids), ArticleRow.story_id == new)
                    .values(story_id=old_id)
                )
            s.delete(alias)
            s.flush()
            _refresh_story(s, old_id)
            _refresh_story(s, new)
            return True
