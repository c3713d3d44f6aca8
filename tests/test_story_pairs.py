"""One-language story pairs (`aggregator.story_pairs`) on synthetic vectors: the English and
the Chinese story of one event that no bridge joined are paired; stories holding both
languages, other countries, other days and second-best matches are not. No model."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from aggregator import story_pairs as SP
from aggregator.stories import DIM, Member, Pool, decide

T0 = datetime(2027, 3, 11, 8, tzinfo=UTC)
RNG = np.random.default_rng(11)
KEYS = frozenset({"召回", "w:labubu", "n:380000.0"})


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _at(topic: np.ndarray, cos: float) -> np.ndarray:
    other = _unit(RNG.normal(size=DIM))
    other = _unit(other - (other @ topic) * topic)
    return _unit(cos * topic + np.sqrt(1 - cos**2) * other)


def _add(pool: Pool, aid: int, vec: np.ndarray, story: int, lang: str, hours: float = 0,
         keys: frozenset[str] = KEYS) -> Member:  # fmt: skip
    m = Member(aid, lang, T0 + timedelta(hours=hours), vec, keys, story)
    pool.add(m)
    return m


def _split_event(
    cos: float = 0.33, later: float = 0, zh_keys: frozenset[str] = KEYS
) -> tuple[Pool, np.ndarray]:
    """An English story of two reports and a Chinese one of two, each report too far from
    the other language's story to join it on its own."""
    topic = _unit(RNG.normal(size=DIM))
    pool = Pool()
    _add(pool, 1, _at(topic, 0.9), 10, "en")
    _add(pool, 2, _at(topic, 0.9), 10, "en", 1)
    zh = _unit(_at(topic, cos))
    _add(pool, 3, zh, 11, "zh", 2 + later, zh_keys)
    _add(pool, 4, _unit(zh + 0.3 * _at(zh, 0.0)), 11, "zh-Hant", 3 + later, zh_keys)
    return pool, topic


def test_the_two_language_stories_of_one_event_pair() -> None:
    pool, _ = _split_event()
    probe = Member(5, "zh", T0 + timedelta(hours=3), pool.members[2].vec, KEYS, 0)
    assert decide(probe, pool).story != 10  # a Chinese report alone does not join English
    assert SP.one_language_pairs(pool, [11]) == [(11, 10)]
    assert SP.one_language_pairs(pool, [12]) == []  # neither story touched by this run


def test_a_story_in_both_languages_is_not_paired() -> None:
    pool, topic = _split_event()
    _add(pool, 6, _at(topic, 0.9), 11, "en", 3)  # the Chinese story already holds English
    assert SP.one_language_pairs(pool, [10, 11]) == []


def test_other_countries_or_other_days_are_not_paired() -> None:
    pool, _ = _split_event()
    for m, country in zip(
        pool.members, ("p:brazil", "p:brazil", "p:chile", "p:chile"), strict=True
    ):
        m.keys = m.keys | {country}
    assert SP.one_language_pairs(pool, [11]) == []
    pool, _ = _split_event(later=SP.PAIR_HOURS)
    assert SP.one_language_pairs(pool, [11]) == []


def test_only_each_others_best_pair() -> None:
    pool, topic = _split_event()
    # a second English story nearer to the Chinese one: the pair is that one, not story 10
    _add(pool, 7, _at(topic, 0.5), 12, "en", 2)
    _add(pool, 8, pool.members[2].vec, 12, "en", 2)
    assert SP.one_language_pairs(pool, [11]) == [(11, 12)]


def test_two_events_of_one_day_in_two_languages_are_not_paired() -> None:
    # one-language stories of the same day, other news (a recall of another product)
    pool, _ = _split_event(cos=0.15, zh_keys=frozenset({"召回", "w:ugreen", "n:52000.0"}))
    assert SP.one_language_pairs(pool, [11]) == []
