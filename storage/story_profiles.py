"""Story profiles (centred centroid and leading evidence keys) kept on the story row, so that
related coverage reaches stories weeks back without re-reading their articles.

`aggregator.linker` computes the profiles (`aggregator.stories.profiles`); this only stores
and reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from .base import StorageBase
from .schema import StoryRow

StoredProfile = tuple[int, bytes, list[str], datetime, datetime]


class StoryProfilesMixin(StorageBase):
    def save_story_profiles(self, rows: Sequence[tuple[int, bytes, Sequence[str]]]) -> None:
        """(story id, float32 centroid bytes, keys) per story; keys must not contain a
        newline. Raises StorageError."""
        if not rows:
            return
        with self._tx() as s:
            for sid, centroid, keys in rows:
                row = s.get(StoryRow, sid)
                if row is not None:
                    row.centroid = centroid
                    row.profile_keys = "\n".join(keys)

    def story_profiles(self, since: datetime) -> list[StoredProfile]:
        """(id, centroid, keys, first_seen, last_seen) of live stories with a profile that
        were active at or after `since`. Raises StorageError."""
        with self._read() as s:
            rows = s.execute(
                select(
                    StoryRow.id,
                    StoryRow.centroid,
                    StoryRow.profile_keys,
                    StoryRow.first_seen,
                    StoryRow.last_seen,
                ).where(
                    StoryRow.last_seen >= since,
                    StoryRow.article_count > 0,
                    StoryRow.centroid.is_not(None),
                )
            ).all()
            return [
                (int(i), bytes(c or b""), k.split("\n") if k else [], f, last)
                for i, c, k, f, last in rows
            ]
