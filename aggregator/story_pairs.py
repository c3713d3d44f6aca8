"""Pairs of one-language stories that tell one event: the split no bridge mends. Pure.

Linking decides each article against the stories of its moment (`aggregator.stories`). An
English report and a Chinese one of one event sit further apart than two reports in one
language (FIELD-NOTES), so the first reports in each language may each start a story, and
when no later article clears both thresholds (a bridge) the two stories stay apart for
good: "Pop Mart recalls 380,000 Labubu keychains" beside "泡泡玛特召回约38万个LABUBU挂件".

Once both stories hold their reports, they can be compared whole: every report of each is
scored against the other story as linking scores an article against a candidate (meaning,
shared keys, the evidence against: `stories.candidate_scores`), and the best of those margins says
how near the two came. Over halves a-l of the labelled corpus, the English-only and
Chinese-only stories within `PAIR_HOURS` of each other whose best margin was above -0.12
were all one event (13 pairs, margins -0.064 to +0.089); the pairs of two events were at
-0.36 and below. `PAIR_MARGIN` keeps well inside that gap. Only stories told in one
language family pair (a story holding both languages has had both compared already), only
each other's best, and never across `merge_evidence.merge_conflict` (other countries or
incident kinds).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .langs import family
from .merge_evidence import merge_conflict
from .stories import Pool, candidate_scores

# The best margin (score minus the language pair's threshold) of any report of one story
# against the other. Margins of the 13 split pairs of a-l: -0.064 to +0.089; of the two
# pairs of other events: -0.365, -0.389. -0.08 pairs all 13.
PAIR_MARGIN = -0.08
# Reports of one event come within a day or so (stories.LATE_HOURS); the stories' nearest
# reports must be this close.
PAIR_HOURS = 30.0
PAIR_SHORTLIST = 5  # other-language stories considered per story, nearest centroid first
PAIRING = True  # switch for the ablation (benchmarks/stories_eval.py --set PAIRING=0)


def one_language_pairs(pool: Pool, touched: Iterable[int]) -> list[tuple[int, int]]:
    """(story, other) pairs to merge: one-language stories of the two families, one of
    them touched by this run, each the other's best match at PAIR_MARGIN or better."""
    if not PAIRING:
        return []
    mono = _one_language(pool)
    mine = [s for s in dict.fromkeys(touched) if s in mono]
    if not mine:
        return []
    cents: dict[int, np.ndarray] = {}  # centroids, as the stories come up
    margins: dict[frozenset[int], float] = {}  # a pair's margin, asked from either side
    best: dict[int, tuple[float, int] | None] = {}

    def best_of(story: int) -> tuple[float, int] | None:
        if story not in best:
            best[story] = _best_match(pool, story, mono, cents, margins)
        return best[story]

    out: list[tuple[int, int]] = []
    taken: set[int] = set()
    for story in mine:
        got = best_of(story)
        if got is None or story in taken:
            continue
        margin, other = got
        back = best_of(other)
        if back is None or back[1] != story or other in taken:
            continue
        if margin >= PAIR_MARGIN and not merge_conflict(pool, story, other):
            out.append((story, other))
            taken |= {story, other}
    return out


def _one_language(pool: Pool) -> dict[int, str]:
    """Story -> its language family, for stories whose reports are all of one family."""
    out: dict[int, str] = {}
    for story, idx in pool.by_story.items():
        fams = {family(pool.members[i].lang) for i in idx}
        if len(fams) == 1:
            out[story] = fams.pop()
    return out


def _centroid(pool: Pool, story: int) -> np.ndarray:
    c: np.ndarray = pool.vectors(pool.by_story[story]).sum(axis=0)
    n = float(np.linalg.norm(c))
    return c / n if n else c


def _best_match(
    pool: Pool,
    story: int,
    mono: dict[int, str],
    cents: dict[int, np.ndarray],
    margins: dict[frozenset[int], float],
) -> tuple[float, int] | None:
    """The other-family one-language story nearest in time and meaning, with the best
    margin any report of either story reaches against the other."""
    near = {
        pool.members[int(j)].story
        for i in pool.by_story[story]
        for j in pool.near(pool.members[i].when, PAIR_HOURS * 3600)
    }
    others = [s for s in near if s in mono and mono[s] != mono[story]]
    if not others:
        return None
    for s in (story, *others):
        if s not in cents:
            cents[s] = _centroid(pool, s)
    others.sort(key=lambda s: -float(cents[s] @ cents[story]))
    found: tuple[float, int] | None = None
    for other in others[:PAIR_SHORTLIST]:
        pair = frozenset((story, other))
        if pair not in margins:
            margins[pair] = max(_margin(pool, story, other), _margin(pool, other, story))
        margin = margins[pair]
        if found is None or margin > found[0]:
            found = (margin, other)
    return found


def _margin(pool: Pool, story: int, other: int) -> float:
    """The best margin of any report of `story` as a candidate for `other`."""
    oidx = pool.by_story[other]
    sims = pool.vectors(pool.by_story[story]) @ pool.vectors(oidx).T
    row = np.zeros(len(pool), dtype=np.float32)  # candidate_scores reads only other's
    best = -1.0
    for i, part in zip(pool.by_story[story], sims, strict=True):
        row[oidx] = part
        got = candidate_scores(pool.members[i], pool, [other], row)
        if got:
            best = max(best, got[0][0])
    return best
