"""A story's reports come in one burst from its first: the penalty on reports long after a
story's first report (`stories.AGE_HOURS`), and the headlines exempt from it (the search,
the toll, the second day: `headline_cues.follows_up`). Synthetic vectors, no model."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
from support_vectors import Vectors

from aggregator import stories as S
from aggregator import story_evidence as SE
from aggregator.stories import Pool, decide

T0 = datetime(2026, 3, 2, 6, tzinfo=UTC)
_V = Vectors(np.random.default_rng(11), T0)


def _story(topic: np.ndarray, hours: tuple[float, ...]) -> Pool:
    pool = Pool()
    for i, h in enumerate(hours):
        pool.add(_V.member(i + 1, _V.at(topic, 0.7), 10, hours=h))
    return pool


def test_a_report_a_day_after_the_first_starts_its_own_story_unless_it_follows_up() -> None:
    """The visa rule at 06:00 and its follow-up that evening; the bookings it caused the
    next morning read alike but are the next event. The same words told as the search's
    second day are the story's own report."""
    topic = _V.topic()
    pool = _story(topic, (0, 1, 14))
    vec = _V.at(topic, 0.7)
    next_day = _V.member(9, vec, 0, hours=30)
    assert 30 - 14 < S.LATE_HOURS  # the nearest report is close: only its age tells
    assert decide(next_day, pool).story < 0
    assert decide(replace(next_day, follow=True), pool).story == 10
    assert decide(_V.member(9, vec, 0, hours=10), pool).story == 10  # within the burst


def test_the_penalty_grows_with_the_story_age() -> None:
    """A report just past AGE_HOURS pays an hour's worth; one a day later a day's worth."""
    topic = _V.topic()
    pool = _story(topic, (0, 2))
    vec = _V.at(topic, 0.7)

    def score(hours: float) -> float:
        art = _V.member(9, vec, 0, hours=hours)
        sims = pool.similarities(art.vec)
        return S.candidate_scores(art, pool, [10], sims)[0][2]

    early, just, late = score(S.AGE_HOURS - 1), score(S.AGE_HOURS + 1), score(S.AGE_HOURS + 25)
    assert 0 < early - just < 2 * S.AGE_PENALTY / 24
    assert late < early - S.AGE_PENALTY * 0.9


def test_a_follow_up_reports_its_incidents_next_figure_and_names_no_new_kind() -> None:
    """ "Toll rises to nine" states another count than the first day's seven, and "all 14
    rescued from the flooded mine" names a flood the first reports (透水) did not: neither
    makes the follow-up another incident. Without the cue they would."""
    topic = _V.topic()
    first = _V.member(1, topic, 10)
    story = [replace(first, tallies=frozenset({"dead:7"}))]
    toll = replace(_V.member(2, topic, 0, hours=24), tallies=frozenset({"dead:9"}))
    assert SE.conflict(toll, story, set(), Pool()) > 0
    assert SE.conflict(replace(toll, follow=True), story, set(), Pool()) == 0
    rescued = replace(_V.member(3, topic, 0, hours=40), kinds=frozenset({"flood"}))
    assert SE._kind_conflict(rescued, [first]) > 0
    assert SE._kind_conflict(replace(rescued, follow=True), [first]) == 0
