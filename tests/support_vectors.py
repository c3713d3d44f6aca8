"""Synthetic unit vectors and story members for the pure linking tests (test_stories_decide,
test_stories_actors): one copy of the helpers, each test module keeping its own seed and
start time so its vectors stay what its thresholds were checked against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from aggregator import stories as S
from aggregator.stories import Member


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


@dataclass
class Vectors:
    """Vectors from one seeded generator, and members timed from one start (`t0`)."""

    rng: np.random.Generator
    t0: datetime

    def topic(self) -> np.ndarray:
        return unit(self.rng.normal(size=S.DIM))

    def near(self, topic: np.ndarray, noise: float) -> np.ndarray:
        return unit(topic + noise * self.rng.normal(size=S.DIM) / np.sqrt(S.DIM))

    def at(self, topic: np.ndarray, cos: float) -> np.ndarray:
        """A unit vector at cosine `cos` from `topic`: a cross-language same-event report
        sits around 0.5 from its story once centred (FIELD-NOTES)."""
        other = self.topic()
        other = unit(other - (other @ topic) * topic)
        return unit(cos * topic + np.sqrt(1 - cos**2) * other)

    def member(self, aid: int, vec: np.ndarray, story: int, *, lang: str = "en",
               hours: float = 0, keys: frozenset[str] = frozenset()) -> Member:  # fmt: skip
        return Member(aid, lang, self.t0 + timedelta(hours=hours), vec, keys, story)
