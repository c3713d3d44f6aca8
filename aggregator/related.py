"""Related coverage, pure: which stories tell the same ongoing situation (a news page's
"related coverage", seed 004's 相关文章), scored from story profiles (centred centroid,
leading evidence keys, time span). No I/O: `aggregator.linker` stores the profiles and
the edges; `aggregator.stories` decides which story an article joins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .stories import Member, Pool, Vec

RELATED_WINDOW_DAYS = 21.0  # related coverage of an ongoing situation spans weeks
# Centred cosine (x0.7) plus key Jaccard (x0.3): about the lowest threshold keeping
# precision >= 0.8 on half a of the corpus, linked at once or day by day (pair AUC 0.96
# there; 0.32 gave recall 0.30).
RELATED_MIN = 0.2
# Related coverage looks back this far through stored story profiles (a situation runs for
# months: the ACSA signed in January is approved in March), losing RELATED_DECAY per month.
RELATED_LOOKBACK_DAYS = 90.0
RELATED_DECAY = 0.0
RELATED_PER_STORY = 8  # edges kept per story and run: a page shows a handful
PROFILE_KEYS = 40  # keys stored per story profile
RELATED_URL_SCORE = 0.9
RELATED_SHORTLIST = 20  # nearest stories by centroid scored for related coverage
# A weaker pair (at least RELATED_WEAK) is related coverage when both stories are linked at
# RELATED_STRONG or more to one third story (`bridged`): a situation's events that share
# little with each other (talks in January, a collision at sea in March) can each share
# much with a third (the water-cannon incident whose page lists the talks). Over the 52
# halves of the corpus it added 23 edges, 18 of them right.
RELATED_WEAK = 0.15
RELATED_STRONG = 0.3


@dataclass
class StoryProfile:
    """A story as related-coverage scoring sees it: centred centroid, keys, time span."""

    story: int
    centroid: Vec
    keys: Counter[str]
    first: datetime
    last: datetime


def profiles(members: Iterable[Member]) -> dict[int, StoryProfile]:
    groups: dict[int, list[Member]] = {}
    for m in members:
        groups.setdefault(m.story, []).append(m)
    out = {}
    for sid, ms in groups.items():
        c = np.mean(np.stack([m.vec for m in ms]), axis=0)
        n = float(np.linalg.norm(c))
        keys: Counter[str] = Counter()
        for m in ms:
            # Actors, places and dictionary concepts (language-independent), not figures.
            keys.update(k for k in m.keys if k[0] in "pw" or ":" not in k)
        out[sid] = StoryProfile(
            sid, c / n if n else c, keys, min(m.when for m in ms), max(m.when for m in ms)
        )
    return out


def stored_profile(
    sid: int, centroid: Vec, keys: Iterable[str], first: datetime, last: datetime
) -> StoryProfile:
    """A profile read back from storage (its keys were `top_keys`)."""
    return StoryProfile(sid, centroid, Counter(keys), first, last)


def top_keys(p: StoryProfile) -> list[str]:
    """The keys worth storing with a story: its PROFILE_KEYS most frequent."""
    return [k for k, _ in p.keys.most_common(PROFILE_KEYS)]


def _weight(p: StoryProfile, pool: Pool) -> float:
    """Rarity-weighted size of a profile's key set, memoized until the pool grows."""
    got = pool.weights.get(id(p))
    if got is None or got[0] is not p:
        got = pool.weights[id(p)] = (p, sum(pool.idf(k) for k in p.keys))
    return got[1]


def related_score(a: StoryProfile, b: StoryProfile, pool: Pool) -> float:
    """Same ongoing situation: similar centred meaning plus shared actors and places.

    Actors and places are compared by rarity-weighted Jaccard, not by the share of the
    smaller story's keys: a one-article story naming only "Philippines" would otherwise
    relate to everything that mentions the country.
    """
    gap = max(0.0, (max(a.first, b.first) - min(a.last, b.last)).total_seconds()) / 86400.0
    if gap > RELATED_LOOKBACK_DAYS:
        return 0.0
    cos = float(a.centroid @ b.centroid)
    both = sum(pool.idf(k) for k in a.keys.keys() & b.keys.keys())
    # |A u B| = |A| + |B| - |A n B|, each story's weight computed once (`_weight`).
    # Smoothed by two rare keys' weight: two stories sharing only a common word ("China")
    # are not thereby one situation.
    union = _weight(a, pool) + _weight(b, pool) - both + 2 * pool.idf("")
    jaccard = both / union
    return 0.7 * cos + 0.3 * jaccard - RELATED_DECAY * gap / 30.0


def related_edges(
    touched: Iterable[int], stories: Mapping[int, StoryProfile], pool: Pool
) -> list[tuple[int, int, float]]:
    """Edges (a, b, score) from each touched story to other stories above RELATED_MIN."""
    return related_candidates(touched, stories, pool)[0]


def related_candidates(
    touched: Iterable[int], stories: Mapping[int, StoryProfile], pool: Pool
) -> tuple[list[tuple[int, int, float]], list[tuple[int, int, float]]]:
    """(edges above RELATED_MIN, weak pairs between RELATED_WEAK and RELATED_MIN) from each
    touched story; a weak pair becomes an edge only when `bridged`.

    Each touched story is scored against its RELATED_SHORTLIST nearest stories by centroid
    (one matrix product), not against every story in the window.
    """
    ids = list(stories)
    if len(ids) < 2:
        return [], []
    mat = np.stack([stories[i].centroid for i in ids])
    mine = [a for a in touched if a in stories]
    if not mine:
        return [], []
    all_sims = np.stack([stories[a].centroid for a in mine]) @ mat.T  # one matrix product
    out: dict[tuple[int, int], float] = {}
    weak: dict[tuple[int, int], float] = {}
    for a, sims in zip(mine, all_sims, strict=True):
        pa = stories[a]
        found: list[tuple[float, int]] = []
        for j in np.argsort(-sims)[: RELATED_SHORTLIST + 1]:
            b = ids[int(j)]
            if b == a:
                continue
            score = related_score(pa, stories[b], pool)
            if score >= RELATED_MIN:
                found.append((score, b))
            elif score >= RELATED_WEAK:
                weak[(min(a, b), max(a, b))] = score
        for score, b in sorted(found, reverse=True)[:RELATED_PER_STORY]:
            pair = (min(a, b), max(a, b))
            out[pair] = max(out.get(pair, 0.0), score)
    edges = [(a, b, round(s, 4)) for (a, b), s in out.items()]
    return edges, [(a, b, round(s, 4)) for (a, b), s in weak.items() if (a, b) not in out]


def bridged(
    weak: Iterable[tuple[int, int, float]], strong: Iterable[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """The weak pairs whose two stories both have an edge of RELATED_STRONG or more (a
    score, or a page's own related list) to one third story."""
    near: dict[int, set[int]] = {}
    for a, b, score in strong:
        if score >= RELATED_STRONG and a != b:
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    return [(a, b, s) for a, b, s in weak if near.get(a, set()) & near.get(b, set())]
