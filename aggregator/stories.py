"""Story decisions, pure: does an article join a story, start one, translate another (which
stories are related: `aggregator.related`). No I/O: `aggregator.linker` feeds these
functions from storage.

Evidence, in the order FIELD-NOTES measured it to matter:
- time: only stories active within `WINDOW_DAYS` of the article are candidates;
- meaning: the article's embedding centred on its language's running mean (the raw vectors
  of one language sit together whatever they say) compared with the story's members,
  against a threshold calibrated per language pair (same language / across languages);
- names, numbers, dates and places shared with the story (`aggregator.entities`), weighted
  by how rare they are in the window, since "China" says less than "ACSA" or "600万".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .langs import family
from .merge_evidence import merge_conflict
from .story_continuity import Candidate, continues, dominant, restates
from .story_evidence import conflict

if TYPE_CHECKING:
    from .related import StoryProfile

Vec = npt.NDArray[np.float32]

WINDOW_DAYS = 3.0  # a story is joined only by articles within this many days of its members
DIM = 384
MEAN_PRIOR = 10.0  # articles' worth of weight of the generic prior in a language's mean
# Thresholds on the combined score, per language pair (same language vs across languages):
# centred cosines across languages run lower than within one (FIELD-NOTES). Chosen on the
# labelled corpus from a coarse grid where both halves of its events agreed (same-language
# 0.40-0.50 all equal; cross-language 0.35 best on both halves, 0.30 merged, 0.42 split);
# unrelated cross-language pairs in a 3-day window stayed below ~0.30 centred cosine.
JOIN_SAME = 0.45
JOIN_CROSS = 0.35
ENTITY_WEIGHT = 0.25  # weight of the share of the article's (rarity-weighted) keys in the story
TIME_PENALTY = 0.06  # subtracted per WINDOW_DAYS of distance to the nearest member
# A story's reports come in a burst: over halves a-k, no two consecutive reports of one
# event are more than 43 hours apart, and all but two are within 24. A report more than
# LATE_HOURS after (or before) the story's nearest report is mostly the next stage of the
# situation (the relief package three days after the farmers' rally, the fleet checks three
# days after the overrun): related coverage, not the story. LATE_PENALTY per day beyond.
# 0.6 at 26 h to 1.0 at 30 h gave the same figures (d, g, i, j, k precision up, no recall
# lost on a-k); 12-20 h cost a and f recall; 40 h let j's and k's follow-ups back in.
LATE_HOURS = 30.0
LATE_PENALTY = 1.0
# ... unless it continues the story (`continues`: the same English subject naming the same
# incident kind: AWS's account of its outage two days on). 48-72 alike on blind half r once
# read (0.887 -> 0.937 recall); at 54 a-q unchanged. Without the competition kinds left
# out, m's match final (one player levels it, then wins it two days later) joined.
CONTINUE_HOURS = 54.0
# A story's reports come in one burst from its first: a report AGE_HOURS or more after the
# story's first report pays AGE_PENALTY per day beyond, unless its headline reports the
# incident going on (`follow`: the search, the toll, the second day, the close) or
# continues it (`continues`). The late penalty above counts from the nearest report, so a
# next-morning follow-up let the next day's new event in (the visa rule, then the bookings
# it caused; a refinery blast, then the fuel price rise): the kinds tables cannot name
# every next event. Over the corpus, 2% of reports come 24 h or more after their event's
# first, while 76% of a situation's next events start 24 h or more after the one before.
# Chosen where no rule had been read from the halves, on the start-of-stop-28 code and
# halves t-z: mean precision 0.748 -> 0.939, recall 0.924 -> 0.921 (12 h at 0.4: 0.925 /
# 0.925; 16 h at 1.0: 0.927 / 0.920; without the `follow` cues 0.938 / 0.884). Blind
# halves aa and ab, measured after: 0.789 / 0.869 -> 0.957 / 0.876; ac and ad, written
# after it, at their first measurement 0.978 / 0.868 and 0.979 / 0.940 (the start-of-stop
# code 0.724 / 0.868 and 0.772 / 0.860). Tuned halves lose recall where an event runs
# over days without a cue (n 0.906 -> 0.800, r 0.937 -> 0.849).
AGE_HOURS = 12.0
AGE_PENALTY = 0.6
# A follow-up (`Member.follow`) clears its threshold by this much less: an explainer or a
# survivors' account the next morning is framed unlike the first reports ("Resorts, rupees
# and rivals: what the Maldives' missed payment means"). 0.05-0.15 alike on precision over
# 32 halves (mean recall 0.945 -> 0.950 at 0.1: ab, ae, n, p, v); 0.2 merged ae's balloon
# crash with the next day's grounding.
FOLLOW_RELIEF = 0.1
TRANSLATION_MIN = 0.80  # centred cosine: independent same-event reports reach ~0.72 (measured)
TRANSLATION_KEYS = 0.5
TRANSLATION_HOURS = 48.0
CONCEPTS = True  # dictionary concepts, headline names and places as evidence (linker)
MERGING = True  # an article clearing two stories' thresholds merges them
MERGE_MARGIN = 0.0  # by how much the second story must be cleared to merge
SHORTLIST = 20  # stories of the article's nearest members considered for joining


@dataclass
class Member:
    """An article as linking sees it: centred unit vector, evidence keys, time, story."""

    article_id: int
    lang: str
    when: datetime
    vec: Vec
    keys: frozenset[str]
    story: int  # story id, or a negative key for a story started in this run
    translation_of: int | None = None
    names: frozenset[str] = frozenset()  # who/what the headline names (story_keys)
    places: frozenset[str] = frozenset()  # specific places named (story_keys)
    days: frozenset[int] = frozenset()  # days the report says its event happened (event_dates)
    tallies: frozenset[str] = frozenset()  # its scores and vessel/aircraft counts (event_dates)
    kinds: frozenset[str] = frozenset()  # incident kinds its headline names (incidents)
    craft: frozenset[str] = frozenset()  # kinds of craft its headline names (incidents)
    lead: str | None = None  # the country its headline names first (entities.lead_country)
    heads: frozenset[str] = frozenset()  # every country its headline names
    repeat: bool = False  # its headline calls the incident a repeat (headline_cues.repeats)
    maker: str | None = None  # who launched, or whose shares moved, in its headline (headline_cues)
    subject: frozenset[str] = frozenset()  # names an English headline opens with (story_keys)
    follow: bool = False  # its headline reports the incident going on (headline_cues)


@dataclass
class Decision:
    article_id: int
    story: int  # existing story id, or negative key of a new story
    score: float
    translation_of: int | None = None
    translation_score: float = 0.0
    merges: tuple[int, ...] = ()  # other stories this article also clears: they join `story`


class Pool:
    """The members in the time window, indexed by story; grows as articles are decided.

    Vectors and times live in growing numpy arrays so that finding the neighbours of an
    article in its window is one vectorized pass, not a Python loop over the window.
    """

    def __init__(self, dim: int = 384) -> None:
        self.members: list[Member] = []
        self.df: Counter[str] = Counter()
        self.by_story: dict[int, list[int]] = {}
        self.next_key = -1
        self._mat = np.zeros((64, dim), dtype=np.float32)
        self._ts = np.zeros(64, dtype=np.float64)
        self._idf: dict[str, float] = {}
        self.weights: dict[int, tuple[StoryProfile, float]] = {}  # see `_weight`

    def add(self, m: Member) -> None:
        n = len(self.members)
        if n == len(self._ts):
            self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
            self._ts = np.concatenate([self._ts, np.zeros_like(self._ts)])
        if m.vec.shape[0] != self._mat.shape[1]:
            raise ValueError(f"vector of dimension {m.vec.shape[0]}, pool has {self._mat.shape[1]}")
        self._mat[n] = m.vec
        self._ts[n] = m.when.timestamp()
        self.members.append(m)
        self.by_story.setdefault(m.story, []).append(n)
        self.df.update(m.keys)
        self._idf.clear()
        self.weights.clear()

    def merge(self, loser: int, survivor: int) -> None:
        """Fold story `loser` into `survivor`: its members move (the objects are relabelled)."""
        if loser == survivor or loser not in self.by_story:
            return
        moved = self.by_story.pop(loser)
        for i in moved:
            self.members[i].story = survivor
        self.by_story.setdefault(survivor, []).extend(moved)

    def split(self, story: int, article_ids: set[int], to: int) -> None:
        """Undo a merge here: the members of `story` with these article ids go to `to`."""
        idx = self.by_story.get(story, [])
        back = [i for i in idx if self.members[i].article_id in article_ids]
        if not back:
            return
        going = set(back)
        self.by_story[story] = [i for i in idx if i not in going]
        for i in back:
            self.members[i].story = to
        self.by_story.setdefault(to, []).extend(back)

    def new_story(self) -> int:
        key = self.next_key
        self.next_key -= 1
        return key

    def near(self, when: datetime, seconds: float) -> npt.NDArray[np.intp]:
        n = len(self.members)
        return np.nonzero(np.abs(self._ts[:n] - when.timestamp()) <= seconds)[0]

    def vectors(self, idx: npt.NDArray[np.intp] | list[int]) -> Vec:
        return self._mat[idx]

    def similarities(self, vec: Vec) -> Vec:
        """Dot products of `vec` with every member, in pool order."""
        out: Vec = self._mat[: len(self.members)] @ vec
        return out

    def __len__(self) -> int:
        return len(self.members)

    def time_of(self, i: int) -> float:
        return float(self._ts[i])

    def idf(self, key: str) -> float:
        # Memoized until the pool grows: one decision asks for the same keys per candidate
        # story, and related scoring for the same keys per pair.
        got = self._idf.get(key)
        if got is None:
            n = len(self.members) + 1
            got = self._idf[key] = math.log((n + 1) / (self.df.get(key, 0) + 1)) + 0.1
        return got


def effective_means(
    running: Mapping[str, tuple[int, Vec]], prior: Mapping[str, Vec]
) -> dict[str, Vec]:
    """Per language family, the archive's running mean shrunk towards a generic prior.

    With few articles of a language the archive mean is mostly their topic, and
    subtracting it would erase what they say; the prior (mean of generic headlines) holds
    until MEAN_PRIOR articles' worth of evidence has accumulated.
    """
    sums: dict[str, tuple[float, npt.NDArray[np.float64]]] = {}
    for lang, (count, mean) in running.items():
        fam = family(lang)
        n, acc = sums.get(fam, (0.0, np.zeros(mean.shape, dtype=np.float64)))
        sums[fam] = (n + count, acc + count * mean.astype(np.float64))
    out: dict[str, Vec] = {}
    for key in set(sums) | set(prior):
        n, acc = sums.get(key, (0.0, np.zeros(DIM, dtype=np.float64)))
        base = prior.get(key)
        # Without a prior the mean is shrunk towards zero, i.e. towards no centring.
        total = acc + MEAN_PRIOR * base if base is not None else acc
        out[key] = (total / (n + MEAN_PRIOR)).astype(np.float32)
    return out


def centre(vec: Vec, lang: str, means: Mapping[str, Vec]) -> Vec:
    """Remove the language offset: subtract the language's mean, re-normalize."""
    out = np.asarray(vec, dtype=np.float32)
    mean = means.get(family(lang))
    if mean is not None:
        out = out - mean
    norm = float(np.linalg.norm(out))
    return out / norm if norm > 0 else out


def key_share(keys: frozenset[str], story_keys: Iterable[str], pool: Pool) -> float:
    """Rarity-weighted share of the article's keys that the story also mentions."""
    if not keys:
        return 0.0
    have = set(story_keys)
    total = sum(pool.idf(k) for k in keys)
    shared = sum(pool.idf(k) for k in keys if k in have)
    return shared / total if total else 0.0


def candidate_scores(
    article: Member, pool: Pool, candidates: Iterable[int], sims_all: Vec
) -> list[Candidate]:
    """(margin, story, score, against) of every candidate story, best first."""
    window = WINDOW_DAYS * 86400.0
    fam = family(article.lang)
    t = article.when.timestamp()
    out: list[Candidate] = []
    for story in candidates:
        times = {i: pool.time_of(i) for i in pool.by_story[story]}
        idx = [i for i, when in times.items() if abs(when - t) <= window]
        if not idx:
            continue
        members = [pool.members[i] for i in idx]
        keys = set().union(*(m.keys for m in members))
        evidence = ENTITY_WEIGHT * key_share(article.keys, keys, pool)
        against = conflict(article, members, keys, pool)
        evidence -= against
        gap = min(abs(times[i] - t) for i in idx) / window
        hours = gap * WINDOW_DAYS * 24
        age = (t - min(times.values())) / 3600  # from the story's first report
        # whether it continues the story is asked only of a report that would be late or old
        cont = (hours > LATE_HOURS or age > AGE_HOURS) and (
            continues(article, members) or restates(article, keys)
        )
        late = CONTINUE_HOURS if hours > LATE_HOURS and cont else LATE_HOURS
        if age > AGE_HOURS and (article.follow or cont):
            age = 0.0
        best: Candidate | None = None
        for same in (True, False):
            sel = [i for i, m in zip(idx, members, strict=True) if (family(m.lang) == fam) == same]
            if not sel:
                continue
            s = sims_all[sel]
            # cos(article, centroid) = sum of member similarities / |sum of member vectors|
            norm = float(np.linalg.norm(pool.vectors(sel).sum(axis=0)))
            to_centroid = float(s.sum()) / norm if norm else 0.0
            score = 0.5 * float(s.max()) + 0.5 * to_centroid + evidence - TIME_PENALTY * gap
            score -= LATE_PENALTY * max(0.0, hours - late) / 24
            score -= AGE_PENALTY * max(0.0, age - AGE_HOURS) / 24
            margin = score - (JOIN_SAME if same else JOIN_CROSS)
            if article.follow:
                margin += FOLLOW_RELIEF
            if best is None or margin > best[0]:
                best = (margin, story, score, against)
        if best is not None:
            out.append(best)
    out.sort(key=lambda x: -x[0])
    return out


def decide(article: Member, pool: Pool, sims_all: Vec | None = None) -> Decision:
    """Join the best story in the window whose evidence clears its language-pair threshold.

    Candidate stories are those of the article's nearest members in the window (a k-NN
    shortlist keeps the cost per article flat as the window fills up). `sims_all`: the
    article's similarity to every pool member, in pool order, when the caller computed a
    chunk's similarities in one matrix product (one matrix-vector product per article is
    slow where BLAS threads fight over shared cores).

    An article that clears no threshold joins a story it is only just short of when no
    other story comes near (`dominant`): a next-morning explainer framed unlike the first
    reports.

    An article that clears the threshold of further stories by MERGE_MARGIN bridges them:
    they are listed in `merges`, and the caller folds them into the joined story (an early
    article that started its own story is otherwise never joined by the later coverage).
    """
    window = WINDOW_DAYS * 86400.0
    near = pool.near(article.when, window)
    if near.size == 0:
        return Decision(article.article_id, pool.new_story(), 0.0)
    if sims_all is None:
        sims_all = pool.similarities(article.vec)
    sims = sims_all[near]
    order = np.argsort(-sims)[:SHORTLIST]
    candidates = dict.fromkeys(pool.members[int(near[i])].story for i in order)
    every = candidate_scores(article, pool, candidates, sims_all)
    scored = [x for x in every if x[0] >= 0]
    if not scored and every and dominant(article, every, *_told(pool, every[0][1])):
        scored = every[:1]
    if not scored:
        return Decision(article.article_id, pool.new_story(), 0.0)
    margin, story, score, _ = scored[0]
    merges = tuple(
        s
        for m, s, _, _ in scored[1:]
        if MERGING and m >= MERGE_MARGIN and not merge_conflict(pool, story, s)
    )
    decision = Decision(article.article_id, story, score, merges=merges)
    members = [pool.members[i] for s in (story, *merges) for i in pool.by_story[s]]
    original = find_translation(article, members, pool)
    if original is not None:
        decision.translation_of, decision.translation_score = original
    return decision


def _told(pool: Pool, story: int) -> tuple[frozenset[str], frozenset[str]]:
    """The incident kinds and the countries a story's headlines name."""
    members = [pool.members[i] for i in pool.by_story[story]]
    return frozenset().union(*(m.kinds for m in members)), frozenset().union(
        *(m.heads for m in members)
    )


def find_translation(
    article: Member, members: Sequence[Member], pool: Pool
) -> tuple[int, float] | None:
    """The earlier other-language member this article looks like a translation of."""
    best: tuple[int, float] | None = None
    for m in members:
        if family(m.lang) == family(article.lang) or m.when > article.when:
            continue
        if abs((article.when - m.when).total_seconds()) > TRANSLATION_HOURS * 3600:
            continue
        sim = float(m.vec @ article.vec)
        if sim < TRANSLATION_MIN:
            continue
        if key_share(article.keys, m.keys, pool) < TRANSLATION_KEYS:
            continue
        if best is None or sim > best[1]:
            best = (m.translation_of or m.article_id, sim)
    return best
