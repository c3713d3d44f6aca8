"""The pure story decisions on synthetic vectors: time window, per-language-pair thresholds,
entity evidence, related edges. No database, no model."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from support_vectors import Vectors, unit

from aggregator import merge_evidence as ME
from aggregator import related as R
from aggregator import stories as S
from aggregator import story_evidence as SE
from aggregator.related import profiles
from aggregator.stories import Member, Pool, centre, decide, effective_means

T0 = datetime(2026, 1, 15, 8, tzinfo=UTC)
RNG = np.random.default_rng(7)


_V = Vectors(RNG, T0)
_unit, _topic, _near, _at, _member = unit, _V.topic, _V.near, _V.at, _V.member


def test_close_article_joins_and_far_one_starts_a_story() -> None:
    topic = _topic()
    pool = Pool()
    pool.add(_member(1, _near(topic, 0.5), 10))
    assert decide(_member(2, _near(topic, 0.5), 0), pool).story == 10
    assert decide(_member(3, _topic(), 0), pool).story < 0  # unrelated: a new story


def test_time_window_is_a_hard_limit() -> None:
    topic = _topic()
    pool = Pool()
    pool.add(_member(1, topic, 10))
    late = _member(2, topic, 0, hours=24 * (S.WINDOW_DAYS + 1))
    assert decide(late, pool).story < 0  # the same words a week later are another story


def test_cross_language_threshold_is_lower_than_same_language() -> None:
    assert S.JOIN_CROSS < S.JOIN_SAME
    topic = _topic()
    # A similarity between the two thresholds: joins across languages, not within one.
    target = (S.JOIN_CROSS + S.JOIN_SAME) / 2
    other = _topic()
    other = _unit(other - (other @ topic) * topic)
    vec = _unit(target * topic + np.sqrt(1 - target**2) * other)
    for lang, joins in (("zh", True), ("en", False)):
        pool = Pool()
        pool.add(_member(1, topic, 10, lang="en"))
        got = decide(_member(2, vec, 0, lang=lang, hours=0.1), pool).story
        assert (got == 10) is joins, lang


def test_shared_rare_entities_tip_a_borderline_case() -> None:
    topic = _topic()
    other = _topic()
    other = _unit(other - (other @ topic) * topic)
    score = S.JOIN_SAME - 0.1
    vec = _unit(score * topic + np.sqrt(1 - score**2) * other)
    keys = frozenset({"w:acsa", "d:01-15", "n:6000000.0"})
    without = Pool()
    without.add(_member(1, topic, 10, keys=keys))
    assert decide(_member(2, vec, 0), without).story != 10
    with_keys = Pool()
    with_keys.add(_member(1, topic, 10, keys=keys))
    for i in range(20):  # a window of unrelated items makes the shared keys rare
        with_keys.add(_member(100 + i, _topic(), 200 + i, keys=frozenset({"p:china"})))
    assert decide(_member(2, vec, 0, keys=keys), with_keys).story == 10


def test_centring_removes_a_shared_language_offset() -> None:
    offset = _topic() * 3
    archive = np.stack([_unit(_topic() + offset) for _ in range(300)])
    a, b = archive[0], archive[1]
    assert float(a @ b) > 0.8  # raw: two unrelated texts of one language look alike
    means = effective_means({"zh": (len(archive), archive.mean(axis=0))}, {})
    assert abs(float(centre(a, "zh", means) @ centre(b, "zh-Hant", means))) < 0.3


def test_prior_holds_until_the_archive_has_enough_articles() -> None:
    prior = {"en": np.ones(S.DIM, dtype=np.float32)}
    running = {"en": (1, np.zeros(S.DIM, dtype=np.float32))}
    few = effective_means(running, prior)["en"]
    many = effective_means({"en": (10_000, np.zeros(S.DIM, dtype=np.float32))}, prior)["en"]
    assert few.mean() > 0.8 and many.mean() < 0.01


def test_translation_needs_an_earlier_other_language_member() -> None:
    topic = _topic()
    keys = frozenset({"w:acsa", "d:01-15"})
    pool = Pool()
    pool.add(_member(1, topic, 10, lang="en", keys=keys))
    d = decide(_member(2, topic, 0, lang="zh", hours=2, keys=keys), pool)
    assert d.story == 10 and d.translation_of == 1
    same_lang = decide(_member(3, topic, 0, lang="en", hours=2, keys=keys), pool)
    assert same_lang.translation_of is None


def test_related_edges_link_a_situation_not_everything() -> None:
    situation = _topic()
    pool = Pool()
    shared = frozenset({"w:motegi", "p:philippines", "w:acsa"})
    a = [_member(1, _near(situation, 0.6), 1, keys=shared)]
    b = [_member(2, _near(situation, 0.6), 2, hours=24 * 10, keys=shared)]
    c = [_member(3, _topic(), 3, keys=frozenset({"w:nvidia"}))]
    for m in a + b + c:
        pool.add(m)
    edges = R.related_edges([1], profiles(a + b + c), pool)
    assert [(x, y) for x, y, _ in edges] == [(1, 2)]
    # Beyond the 3-day window: a situation runs for weeks (ACSA signed, approved 10 weeks on).
    later = [_member(4, _near(situation, 0.6), 4, hours=24 * 60, keys=shared)]
    assert [(x, y) for x, y, _ in R.related_edges([1], profiles(a + later), pool)] == [(1, 4)]
    far = [_member(5, _near(situation, 0.6), 5, hours=24 * (R.RELATED_LOOKBACK_DAYS + 5))]
    assert R.related_edges([1], profiles(a + far), pool) == []


def test_a_weak_pair_is_related_only_through_a_third_story_linked_strongly_to_both() -> None:
    strong, weak = R.RELATED_STRONG, (R.RELATED_WEAK + R.RELATED_MIN) / 2
    pairs = [(1, 2, weak), (1, 4, weak), (5, 6, weak)]
    links = [(1, 3, strong), (2, 3, strong + 0.1), (4, 3, strong - 0.01), (5, 7, 0.9)]
    # 1 and 2 both link strongly to 3; 4's link to 3 is not strong; 6 has no link to 7.
    assert R.bridged(pairs, links) == [(1, 2, weak)]
    assert R.bridged(pairs, [*links, (6, 7, 0.9)]) == [(1, 2, weak), (5, 6, weak)]
    assert R.bridged(pairs, []) == []


def test_related_candidates_keep_weak_pairs_apart_from_edges() -> None:
    situation = _topic()
    pool = Pool()
    shared = frozenset({"w:motegi", "p:philippines", "w:acsa"})
    a = [_member(1, _near(situation, 0.6), 1, keys=shared)]
    b = [_member(2, _near(situation, 0.6), 2, hours=24 * 10, keys=shared)]
    for m in a + b:
        pool.add(m)
    edges, weak = R.related_candidates([1], profiles(a + b), pool)
    score = R.related_score(profiles(a)[1], profiles(b)[2], pool)
    assert score >= R.RELATED_MIN and [(x, y) for x, y, _ in edges] == [(1, 2)] and weak == []
    # With the strong-edge threshold above this pair's score, it is weak, not an edge.
    old = R.RELATED_MIN
    try:
        R.RELATED_MIN = score + 0.01
        edges, weak = R.related_candidates([1], profiles(a + b), pool)
    finally:
        R.RELATED_MIN = old
    assert edges == [] and [(x, y) for x, y, _ in weak] == (
        [(1, 2)] if score >= R.RELATED_WEAK else []
    )


def test_an_article_clearing_two_stories_bridges_them() -> None:
    """An early Chinese report started its own story; the English one and a later bilingual
    article both clear it: the bridge lists the other story for merging."""
    topic = _topic()
    keys = frozenset({"台积电", "n:16000000000.0", "d:01-15"})
    pool = Pool()
    pool.add(_member(1, _near(topic, 0.5), 10, lang="en", keys=keys))
    pool.add(_member(2, _near(topic, 0.5), 11, lang="zh", hours=1, keys=keys))
    d = decide(_member(3, _near(topic, 0.3), 0, lang="en", hours=2, keys=keys), pool)
    assert {d.story, *d.merges} == {10, 11}
    pool.merge(11, 10)
    assert pool.members[1].story == 10 and 11 not in pool.by_story
    S.MERGING = False
    try:
        d = decide(_member(4, _near(topic, 0.3), 0, lang="en", hours=2, keys=keys), pool)
        assert d.merges == ()
    finally:
        S.MERGING = True


def test_a_bridge_does_not_merge_stories_about_other_countries() -> None:
    """Two central banks cut rates on one day: a report of one reads like both, but the
    stories it clears name other countries (core: more than half their reports), so it
    joins its best story and merges nothing. Stories of one bilateral event share a
    country whichever side their reports lead with: those merge."""
    topic = _topic()
    pool = Pool()
    rate = frozenset({"降息", "央行", "基本点"})
    indonesia = frozenset({"p:indonesia", "印度尼西亚"})
    brazil = frozenset({"p:brazil", "巴西"})
    pool.add(_member(1, _near(topic, 0.5), 10, keys=rate | indonesia))
    pool.add(_member(2, _near(topic, 0.5), 10, lang="zh", keys=rate | indonesia))
    pool.add(_member(3, _near(topic, 0.5), 11, lang="zh", keys=rate | brazil))
    # one report of Brazil's story also names Indonesia: still not Brazil's core
    pool.add(_member(4, _near(topic, 0.5), 11, keys=rate | brazil | indonesia))
    d = decide(_member(5, _near(topic, 0.3), 0, lang="zh", hours=1, keys=rate | brazil), pool)
    assert d.story in (10, 11) and d.merges == ()
    # the same reports of one bilateral meeting, each leading with one side: they merge
    pool = Pool()
    both = frozenset({"p:china", "p:philippines"})
    pool.add(_member(1, _near(topic, 0.5), 10, keys=rate | {"p:china"}))
    pool.add(_member(2, _near(topic, 0.5), 11, lang="zh", keys=rate | both))
    d = decide(_member(3, _near(topic, 0.3), 0, lang="zh", hours=1, keys=rate | both), pool)
    assert {d.story, *d.merges} == {10, 11}


def test_a_bridge_does_not_merge_grown_stories_that_share_a_language() -> None:
    """Bird flu deaths in one country, a farm outbreak in another the next day: the second
    event's first English report started its own story, and its next one clears both. The
    first story holds more than MERGE_STUB reports in both languages, English among them:
    they were already kept apart in English, so nothing merges. The same bridge between two
    stubs (two reports and one) still merges: that is the early split a merge exists to
    mend."""
    topic = _topic()
    keys = frozenset({"w:h5n1", "禽流感"})
    pool = Pool()
    langs = ("en", "zh", "zh-Hant", "zh", "en", "zh")
    for i, lang in enumerate(langs[: ME.MERGE_STUB + 1]):
        pool.add(_member(i + 1, _near(topic, 0.5), 10, lang=lang, keys=keys))
    pool.add(_member(20, _near(topic, 0.5), 11, lang="en", hours=20, keys=keys))
    bridge = _member(21, _near(topic, 0.3), 0, lang="en", hours=21, keys=keys)
    d = decide(bridge, pool)
    assert d.story in (10, 11) and d.merges == ()
    pool = Pool()
    pool.add(_member(1, _near(topic, 0.5), 10, lang="en", keys=keys))
    pool.add(_member(2, _near(topic, 0.5), 10, lang="zh", keys=keys))
    pool.add(_member(3, _near(topic, 0.5), 11, lang="zh", hours=20, keys=keys))
    d = decide(bridge, pool)
    assert {d.story, *d.merges} == {10, 11}


def test_a_bridge_does_not_merge_stories_of_other_incident_kinds() -> None:
    """A group game and the final the next day, with the same two players: a report of the
    final may clear both stories, but their headlines' kinds have nothing in common."""
    topic = _topic()
    pool = Pool()
    keys = frozenset({"py:chen-yufei", "w:an", "杭州"})
    group = frozenset({"group-stage"})
    final = frozenset({"final"})
    pool.add(Member(1, "en", T0, _near(topic, 0.5), keys, 10, kinds=group))
    pool.add(Member(2, "zh", T0 + timedelta(hours=20), _near(topic, 0.5), keys, 11, kinds=final))
    bridge = Member(3, "en", T0 + timedelta(hours=21), _near(topic, 0.3), keys, 0, kinds=final)
    d = decide(bridge, pool)
    assert d.merges == ()
    # silence is no evidence: a story whose headlines name no kind still merges
    pool.members[0].kinds = frozenset()
    d = decide(bridge, pool)
    assert {d.story, *d.merges} == {10, 11}


def test_same_actors_other_place_other_day_do_not_join() -> None:
    """Kinmen (17 Jan) against Scarborough Shoal (16 Jan): one vocabulary, two incidents."""
    topic = _topic()
    actors = frozenset({"p:china", "海警", "w:coast", "w:guard"})
    pool = Pool()
    pool.add(Member(1, "en", T0, topic, actors | {"黄岩岛"}, 10, places=frozenset({"黄岩岛"})))
    kinmen = Member(
        2, "zh", T0 + timedelta(hours=26), _at(topic, 0.5), actors | {"金门"}, 0,
        places=frozenset({"金门"}),
    )  # fmt: skip
    assert decide(kinmen, pool).story < 0
    same_day = Member(3, "zh", T0 + timedelta(hours=2), kinmen.vec, kinmen.keys, 0)
    assert decide(same_day, pool).story == 10  # no place named: nothing against it


def test_one_place_incidents_in_two_countries_the_same_day_do_not_join() -> None:
    """Pupils poisoned in Cebu, garment workers in Phnom Penh, three hours apart: the same
    kind of incident, one in each country. A storm told from two countries stays one."""
    topic = _topic()
    poisoning = frozenset({"poisoning"})
    pool = Pool()
    cebu = frozenset({"w:lunch", "宿务"})
    pool.add(Member(1, "en", T0, topic, cebu, 10, places=frozenset({"宿务"}), kinds=poisoning))
    vec = _at(topic, 0.6)  # clears the threshold by less than the penalty
    phnom_penh = Member(2, "en", T0 + timedelta(hours=3), vec, frozenset({"p:cambodia"}), 0)
    # Cebu is in the Philippines
    assert SE._elsewhere(phnom_penh, pool.members) == SE.COUNTRY_SAME_DAY
    manila = Member(3, "en", T0 + timedelta(hours=3), vec, frozenset({"p:philippines"}), 0)
    assert SE._elsewhere(manila, pool.members) == 0.0
    assert decide(phnom_penh, pool).story < 0 < decide(manila, pool).story == 10
    # The toll risen, told with a foreign victim's nationality and no kind: the incident's
    # own follow-up, not the same kind elsewhere (stop 35, half ak).
    toll = Member(4, "en", T0 + timedelta(hours=9), vec, frozenset({"p:germany"}), 0, follow=True)
    assert SE._elsewhere(toll, pool.members) == 0.0
    assert SE._elsewhere(replace(toll, kinds=poisoning), pool.members) == SE.COUNTRY_SAME_DAY
    pool.members[0].kinds = frozenset({"storm"})  # one typhoon reaches both
    assert SE._elsewhere(phnom_penh, pool.members) == 0.0


def test_headlines_naming_other_people_are_other_events() -> None:
    """Two finals of one tournament a day apart: Sinner/Alcaraz against Zheng/Sabalenka."""
    topic = _topic()
    pool = Pool()
    women = frozenset({"郑钦文", "萨巴伦卡"})
    men = frozenset({"辛纳", "阿尔卡拉斯"})
    common = frozenset({"澳网", "p:australia"})
    pool.add(Member(1, "en", T0, topic, common | women, 10, names=women))
    final = Member(2, "zh", T0 + timedelta(hours=20), _at(topic, 0.5), common | men, 0,
                   names=men)  # fmt: skip
    assert decide(final, pool).story < 0
    again = Member(3, "zh", T0 + timedelta(hours=2), final.vec, common | women, 0, names=women)
    assert decide(again, pool).story == 10


def test_a_headline_naming_another_incident_kind_does_not_join(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A capsizing the day after a boarding in the same waters: same actors and place, and
    a vector as close as a real follow-up's (cosine 0.55 to the story, as independent
    same-event reports sit); only the headline's incident tells them apart."""
    monkeypatch.setattr(S, "AGE_PENALTY", 0.0)  # this rule alone, not the story's age
    topic = _topic()
    actors = frozenset({"p:china", "海警", "金门", "w:kinmen"})
    pool = Pool()
    pool.add(Member(1, "en", T0, topic, actors, 10, kinds=frozenset({"boarding"})))
    vec = _at(topic, 0.55)
    capsize = Member(3, "en", T0 + timedelta(hours=26), vec, actors, 0,
                     kinds=frozenset({"capsize"}))  # fmt: skip
    assert decide(capsize, pool).story < 0
    reaction = Member(4, "en", T0 + timedelta(hours=26), vec, actors, 0)  # names no incident
    assert decide(reaction, pool).story == 10
    follow_up = Member(5, "en", T0 + timedelta(hours=26), vec, actors, 0,
                       kinds=frozenset({"boarding"}))  # fmt: skip
    assert decide(follow_up, pool).story == 10


def test_another_incident_kind_days_later_weighs_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """The final's report 28 hours after the group game, the same two players and words: at
    the same-day weight it would still clear the group game's story; a day or more apart
    the other kind counts for more and it starts its own story."""
    monkeypatch.setattr(S, "AGE_PENALTY", 0.0)  # this rule alone, not the story's age
    topic = _topic()
    keys = frozenset({"py:chen-yufei", "w:an", "杭州"})
    group = frozenset({"group-stage"})
    pool = Pool()
    for i in range(2):
        pool.add(Member(i + 1, "en", T0, topic, keys, 10, kinds=group))
    hours = timedelta(hours=28)
    later = Member(3, "en", T0 + hours, _at(topic, 0.78), keys, 0, kinds=frozenset({"final"}))
    assert decide(later, pool).story != 10
    saved = SE.KIND_PENALTY_APART
    SE.KIND_PENALTY_APART = SE.KIND_PENALTY
    try:
        assert decide(later, pool).story == 10
    finally:
        SE.KIND_PENALTY_APART = saved


def test_another_country_a_day_later_does_not_join(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vietnam's heat record, then Laos's the next day: reports alike in every word but the
    country. The next day, another country is evidence against; on the same day it is not
    (one event told from two sides), and the mainland answering Taiwan is one region."""
    monkeypatch.setattr(S, "AGE_PENALTY", 0.0)  # this rule alone, not the story's age
    topic = _topic()
    heat = frozenset({"气温", "纪录", "n:45.1"})
    pool = Pool()
    for i in range(2):
        pool.add(_member(i + 1, topic, 10, keys=heat | {"p:vietnam", "越南"}))
    laos = heat | {"p:laos", "老挝"}
    assert decide(_member(3, _at(topic, 0.5), 0, hours=26, keys=laos), pool).story != 10
    assert decide(_member(4, _at(topic, 0.5), 0, hours=2, keys=laos), pool).story == 10
    pool = Pool()
    for i in range(2):
        pool.add(_member(i + 1, topic, 10, keys=heat | {"p:taiwan", "台湾"}))
    china = heat | {"p:china", "中国"}
    assert decide(_member(5, _at(topic, 0.5), 0, hours=26, keys=china), pool).story == 10


def test_a_report_days_after_the_story_is_the_next_stage() -> None:
    """Reports of one event come in a burst: the same words a day later still join, two
    and a half days after the story's last report they start their own story (the relief
    package after the farmers' rally), inside the linking window all the same."""
    topic = _topic()
    pool = Pool()
    for i in range(3):
        pool.add(_member(i + 1, _near(topic, 0.3), 10, hours=i))
    assert decide(_member(4, _near(topic, 0.3), 0, hours=2 + 24), pool).story == 10
    late = _member(5, _near(topic, 0.3), 0, hours=2 + 60)
    assert 60 < S.WINDOW_DAYS * 24
    assert decide(late, pool).story < 0


def test_a_headline_leading_with_another_country_a_day_later_does_not_join(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Estonia expels Russian diplomats; the next day Russia expels Estonian ones. Both name
    both countries, so only the country each headline leads with tells them apart; the
    same day, the other side's headline is one event told from there."""
    monkeypatch.setattr(S, "AGE_PENALTY", 0.0)  # this rule alone, not the story's age
    topic = _topic()
    keys = frozenset({"驱逐", "外交官", "p:estonia", "p:russia", "爱沙尼亚", "俄罗斯"})
    pool = Pool()
    for i in range(3):
        m = _member(i + 1, topic, 10, hours=i, keys=keys)
        m.lead = "estonia"
        pool.add(m)
    vec = _at(topic, 0.4)
    for aid, hours, lead, joins in ((4, 26, "russia", False), (5, 26, "estonia", True),
                                    (6, 3, "russia", True)):  # fmt: skip
        report = _member(aid, vec, 0, hours=hours, keys=keys)
        report.lead = lead
        assert (decide(report, pool).story == 10) is joins


def test_same_day_headlines_of_two_countries_naming_neither_other_do_not_join() -> None:
    """Floods in Niger's capital and in a Nigerian state the same day: each report leads
    with its own country and names no other, so they are two events. Reports of one
    bilateral event lead with either side but name both: those still join."""
    topic = _topic()
    flood = frozenset({"洪灾", "死亡", "w:river"})
    pool = Pool()
    for i in range(3):
        m = _member(i + 1, topic, 10, hours=i, keys=flood | {"p:niger", "尼日尔"})
        m.lead = "niger"
        pool.add(m)
    vec = _at(topic, 0.45)
    nigeria = _member(4, vec, 0, hours=3, keys=flood | {"p:nigeria", "尼日利亚"})
    nigeria.lead = "nigeria"
    assert decide(nigeria, pool).story != 10
    both = _member(5, vec, 0, hours=3, keys=flood | {"p:nigeria", "p:niger"})
    both.lead = "nigeria"
    assert decide(both, pool).story == 10


def test_a_headline_calling_its_incident_a_repeat_starts_its_own_story() -> None:
    """Cuba's grid collapses, then "collapses again" the next day: the same words, but the
    second headline says it is another incident; the same report without saying so joins."""
    topic = _topic()
    keys = frozenset({"p:cuba", "古巴", "电网", "停电"})
    pool = Pool()
    for i in range(3):
        pool.add(_member(i + 1, topic, 10, hours=i, keys=keys))
    vec = _at(topic, 0.6)
    again = _member(4, vec, 0, hours=20, keys=keys)
    again.repeat = True
    assert decide(again, pool).story != 10
    assert decide(_member(5, vec, 0, hours=20, keys=keys), pool).story == 10


def test_a_launch_by_another_maker_starts_its_own_story() -> None:
    """UBTech's robot, then AgiBot's the next day: one price war, two launches. A report of
    the same maker's launch joins; the maker is compared within a language family only (优必选
    beside UBTech is no disagreement)."""
    topic = _topic()
    keys = frozenset({"人形机器人", "w:humanoid"})
    pool = Pool()
    for i, (lang, maker) in enumerate([("en", "ubtech"), ("zh", "优必选"), ("en", "ubtech")]):
        m = _member(i + 1, topic, 10, lang=lang, hours=i, keys=keys)
        m.maker = maker
        pool.add(m)
    vec = _at(topic, 0.6)
    rival = _member(4, vec, 0, hours=20, keys=keys)
    rival.maker = "agibot"
    assert decide(rival, pool).story != 10
    same = _member(5, vec, 0, hours=20, keys=keys)
    same.maker = "ubtech"
    assert decide(same, pool).story == 10
    other_script = _member(6, vec, 0, lang="zh", hours=20, keys=keys)
    other_script.maker = "优必选科技"
    assert decide(other_script, pool).story == 10


def test_stories_of_two_makers_launches_are_not_merged_by_a_bridge() -> None:
    """A report of the price war (the first maker's shares fall) resembles both launches:
    their stories name other makers in one language, so it joins one and merges nothing."""
    from aggregator.merge_evidence import parts_conflict

    topic = _topic()

    def launch(aid: int, story: int, lang: str, maker: str | None) -> Member:
        m = _member(aid, topic, story, lang=lang, hours=aid)
        m.maker = maker
        return m

    ubtech = [launch(1, 10, "en", "ubtech"), launch(2, 10, "zh", "优必选")]
    agibot = [launch(3, 20, "en", "agibot"), launch(4, 20, "zh", None)]
    assert parts_conflict(ubtech, agibot)
    assert not parts_conflict(ubtech, [launch(5, 20, "en", "ubtech robotics")])
    assert not parts_conflict(ubtech[:1], [launch(6, 20, "zh", "智元机器人")])  # other script
    pool = Pool()
    for m in (*ubtech, *agibot):
        pool.add(m)
    decision = decide(_member(7, topic, 0, lang="zh", hours=5), pool)
    assert decision.story in (10, 20) and decision.merges == ()


def test_a_market_move_is_the_news_story_the_same_day_and_its_own_a_day_later() -> None:
    """Shares slide hours after a ransomware attack: the attack's story. The next session's
    move a day later: a story of its own (`SEQUEL_KINDS`)."""
    topic = _topic()
    pool = Pool()
    for i in range(3):
        m = _member(i + 1, topic, 10, hours=i, keys=frozenset({"w:kaya", "勒索软件"}))
        m.kinds = frozenset({"cyberattack"})
        pool.add(m)
    vec = _at(topic, 0.6)
    same_day = _member(4, vec, 0, hours=4, keys=frozenset({"w:kaya"}))
    same_day.kinds = frozenset({"market"})
    assert decide(same_day, pool).story == 10
    next_day = _member(5, vec, 0, hours=27, keys=frozenset({"w:kaya"}))
    assert decide(next_day, pool).story == 10  # naming no kind, it is the story's follow-up
    next_day.kinds = frozenset({"market"})
    assert decide(next_day, pool).story != 10


def test_the_other_languages_headline_may_lead_with_another_country_the_same_day() -> None:
    """ "Axiom Mission 5 lifts off ... with first Czech astronaut" and 美国私营载人航天任务
    Ax-5发射升空: one launch, each language's headline leading by its own angle and naming
    none of the other's countries. The same-day lead rule compares headlines of one
    language only; an English report leading with another country still stays apart."""
    topic = _topic()
    mission = frozenset({"w:axiom", "ax-5", "空间站"})
    pool = Pool()
    for i in range(2):
        m = _member(i + 1, topic, 10, hours=i, keys=mission | {"p:czech republic"})
        m.lead = "czech republic"
        pool.add(m)
    vec = _at(topic, 0.45)
    chinese = _member(3, vec, 0, lang="zh", hours=2, keys=mission | {"p:united states"})
    chinese.lead = "united states"
    assert decide(chinese, pool).story == 10
    english = _member(4, vec, 0, hours=2, keys=mission | {"p:united states"})
    english.lead = "united states"
    assert decide(english, pool).story != 10


def test_a_sequel_a_day_after_news_told_without_a_kind_is_news_of_its_own() -> None:
    """OPEC+ raises output (no kind); oil's slump the next morning is its own story, counted
    from when the news broke; the same evening's market reaction is the news's story."""
    topic = _topic()
    market = frozenset({"market"})
    news = [_member(1, topic, 10), _member(2, topic, 10, hours=7)]
    evening = Member(3, "en", T0 + timedelta(hours=5), topic, frozenset(), 0, kinds=market)
    morning = Member(4, "en", T0 + timedelta(hours=19), topic, frozenset(), 0, kinds=market)
    assert SE._kind_conflict(evening, news) == 0.0
    assert SE._kind_conflict(morning, news) == SE.KIND_PENALTY
    told = [*news, Member(5, "en", T0, topic, frozenset(), 10, kinds=frozenset({"launch"}))]
    assert SE._kind_conflict(morning, told) > 0  # against a named kind, as before


def test_the_next_mornings_market_move_is_apart_even_after_a_night_update() -> None:
    """A plant fire at 08:00, its toll updated at 01:00 the next night, the maker's shares at
    the limit at 02:00 (blind half bt): a market's move counts from the first report, so
    the night's update does not make it the same day's. Within the day it stays the news's;
    a blizzard's closures the same evening (half z) are not held apart either."""
    topic = _topic()
    fire, market = frozenset({"fire"}), frozenset({"market"})
    news = [
        Member(1, "zh", T0, topic, frozenset(), 10, kinds=fire),
        Member(2, "zh", T0 + timedelta(hours=17), topic, frozenset(), 10, kinds=fire),
    ]
    shares = Member(3, "zh", T0 + timedelta(hours=18), topic, frozenset(), 0, kinds=market)
    assert SE._kind_conflict(shares, news) == SE.KIND_PENALTY
    same_day = replace(shares, when=T0 + timedelta(hours=6))
    assert SE._kind_conflict(same_day, news[:1]) == 0.0
    closures = replace(shares, kinds=frozenset({"closure", "fire"}))
    assert SE._kind_conflict(closures, news) == 0.0


def test_another_kind_two_days_after_news_told_without_one_is_news_of_its_own() -> None:
    """Tourists stranded (no kind), the operator's chief sacked two days later: its own
    story; the same evening a kind-naming report of the stranding is not held apart."""
    topic = _topic()
    sacked = frozenset({"dismissal"})
    news = [_member(1, topic, 10), _member(2, topic, 10, hours=20)]
    later = Member(3, "en", T0 + timedelta(hours=48), topic, frozenset(), 0, kinds=sacked)
    same_day = Member(4, "en", T0 + timedelta(hours=6), topic, frozenset(), 0, kinds=sacked)
    assert SE._kind_conflict(later, news) == SE.KIND_PENALTY_APART
    assert SE._kind_conflict(same_day, news) == 0.0


def test_a_follow_up_just_short_of_one_story_and_of_no_other_joins_it() -> None:
    """An explainer the next morning ("What we know about the crack in the station's lab")
    is framed unlike the first reports: it falls short of its story's threshold, but of no
    other story by nearly as little. It joins (`_dominant`); a report without a follow-up
    cue does not, nor one as close to two stories."""
    topic, other = _topic(), _topic()
    pool = Pool()
    for i in range(3):
        pool.add(_member(i + 1, topic, 10, hours=i))
        pool.add(_member(i + 11, other, 11, hours=i))
    vec = _at(topic, 0.27)
    explainer = _member(20, vec, 0, hours=6)
    assert decide(explainer, pool).story < 0  # no cue: too far short of the threshold
    near_miss = _member(22, _at(topic, 0.43), 0, hours=6)
    assert decide(near_miss, pool).story == 10  # no cue, but only just short
    explainer.follow = True
    assert decide(explainer, pool).story == 10
    rest = _topic()
    rest = unit(rest - (rest @ topic) * topic - (rest @ other) * other)
    both = unit(0.3 * topic + 0.3 * other + np.sqrt(1 - 0.18) * rest)
    torn = _member(21, both, 0, hours=6)
    torn.follow = True
    assert decide(torn, pool).story < 0  # as close to both stories: neither


def test_a_report_naming_its_storys_kind_and_country_may_fall_further_short() -> None:
    """The next morning's "贊比亞銅礦塌方 兩礦工遇難" (blind half bo) names the collapse and
    Zambia as the story's headlines do, with no follow-up cue: it may fall short by
    KIND_RELIEF where a report naming no kind, or no country of the story's headlines, may
    fall short by PLAIN_RELIEF only."""
    topic, other = _topic(), _topic()
    collapse, zambia = frozenset({"collapse"}), frozenset({"zambia"})
    pool = Pool()
    for i in range(3):
        pool.add(replace(_member(i + 1, topic, 10, hours=i), kinds=collapse, heads=zambia))
        pool.add(_member(i + 11, other, 11, hours=i))
    vec = _at(topic, 0.37)
    plain = _member(20, vec, 0, hours=6)
    assert decide(plain, pool).story < 0
    named = replace(plain, kinds=collapse, heads=zambia)
    assert decide(named, pool).story == 10
    assert decide(replace(named, heads=frozenset({"peru"})), pool).story < 0
    assert decide(replace(named, heads=frozenset()), pool).story < 0


def test_one_place_incidents_under_other_countries_headlines_are_not_merged() -> None:
    """The heat records of Buenos Aires and Asuncion the same afternoon (stop 35, half ba):
    the Asuncion report recalls the Buenos Aires record, so its text names Argentina, but
    the Buenos Aires reports never name Paraguay. Their headlines name other countries and
    a one-place kind: two events, neither joined nor merged by a bridge. A bilateral story
    whose reports name both countries stays one."""
    from aggregator.merge_evidence import parts_conflict

    topic = _topic()
    record = frozenset({"heat-record"})

    def report(aid: int, heads: set[str], keys: set[str], kinds: frozenset[str]) -> Member:
        m = _member(aid, topic, aid, hours=aid, keys=frozenset(keys))
        return replace(m, kinds=kinds, heads=frozenset(heads))

    buenos_aires = [report(1, {"argentina"}, {"p:argentina"}, record)]
    asuncion = [report(2, {"paraguay"}, {"p:paraguay", "p:argentina"}, frozenset())]
    assert SE._elsewhere(asuncion[0], buenos_aires) == SE.HEADS_ELSEWHERE
    assert parts_conflict(buenos_aires, asuncion)
    both = [report(3, {"argentina"}, {"p:argentina", "p:paraguay"}, record)]
    assert not parts_conflict(both, asuncion)  # each names the other's country
    assert not parts_conflict([report(4, {"argentina"}, {"p:argentina"}, frozenset())], asuncion)
