"""Who acts in a headline, as evidence against joining (aggregator/story_evidence.py): the
name an English headline opens with, a day apart; whose shares moved; a sequel kind the
next morning. Pure decisions on synthetic vectors, plus the headline reading they use."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from support_vectors import Vectors, unit

from aggregator import stories as S
from aggregator import story_evidence as SE
from aggregator.stories import Member, Pool, decide
from aggregator.story_keys import headline_subject

T0 = datetime(2027, 12, 16, 8, tzinfo=UTC)
RNG = np.random.default_rng(11)


_V = Vectors(RNG, T0)
_unit, _at, _member = unit, _V.at, _V.member


def test_the_subject_of_an_english_headline() -> None:
    assert headline_subject("UBS and PostFinance to charge negative rates on deposits") >= {"w:ubs"}
    assert headline_subject("Gotion says its solid-state battery is in road tests") == {"w:gotion"}
    # an opening that names a place is where, not who; title case says nothing
    assert headline_subject("Mindanao quake toll rises to 14 as aftershocks rattle Mati") == set()
    assert headline_subject("How The Hague Ruling Changes Everything") == set()
    # a common noun the dictionary lacks in that form, written in lower case in the lead
    # (blind half bp): "Carmakers" opens the headline, it names nobody
    title = "Carmakers count the cost as Hengyu's Tainan lines stay dark"
    assert headline_subject(title) == {"w:carmakers"}
    assert headline_subject(title, "Taiwan's carmakers said on Friday...") == set()
    assert headline_subject("Gotion says its battery works", "Gotion's chief said...") == {
        "w:gotion"
    }
    # an opening clause of time or circumstance is not who acts (half bh: "Rongotai" was
    # read as the subject and the next evening's report split off Harcourt's resignation)
    after = "After Rongotai rout, Labour's Harcourt steps aside"
    assert headline_subject(after) == {"w:labour", "w:harcourt"}
    assert headline_subject("Two days after the blast, Gotion says it will rebuild") == {"w:gotion"}
    assert headline_subject("In Shenzhen, Prabowo courts China's battery makers") == {"w:prabowo"}
    assert headline_subject("Asia markets slump as yen rises") == {"w:asia"}  # no clause


def test_the_next_days_move_of_another_actor_starts_its_own_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The SNB's cut, then UBS passing it on to depositors the next day: the same words and
    numbers, another actor. The same actor's follow-up joins; so does a report the same day,
    and a Chinese one (subjects are read from English headlines only)."""
    monkeypatch.setattr(S, "AGE_PENALTY", 0.0)  # this rule alone, not the story's age
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"w:snb", "负利率", "瑞士"})
    pool = Pool()
    for i in range(3):
        m = _member(i + 1, topic, 10, hours=i, keys=keys, lang="en" if i != 1 else "zh")
        if m.lang == "en":
            m.subject = frozenset({"w:snb"})
            m.names = frozenset({"w:snb"})
        pool.add(m)
    vec = _at(topic, 0.62)
    banks = _member(4, vec, 0, hours=24, keys=keys | {"w:ubs"})
    banks.subject = banks.names = frozenset({"w:ubs"})
    assert decide(banks, pool).story != 10
    saved = SE.SUBJECT_APART
    SE.SUBJECT_APART = 0.0
    try:
        assert decide(banks, pool).story == 10  # the rule, not the vectors, kept it apart
    finally:
        SE.SUBJECT_APART = saved
    follow_up = _member(5, vec, 0, hours=24, keys=keys)
    follow_up.subject = frozenset({"w:snb"})
    assert decide(follow_up, pool).story == 10
    same_day = _member(6, vec, 0, hours=4, keys=keys | {"w:ubs"})
    same_day.subject = frozenset({"w:ubs"})
    assert decide(same_day, pool).story == 10


def test_one_makers_share_slide_does_not_join_the_rivals_launch() -> None:
    """优必选港股收跌 the morning after UBTech's launch, the same day as AgiBot's: the slide is
    UBTech's news, not AgiBot's (`headline_cues.market_mover` fills `maker`)."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"人形机器人", "价格战"})
    pool = Pool()
    for i in range(2):
        m = _member(i + 1, topic, 20, lang="zh", hours=i, keys=keys)
        m.maker, m.kinds = "智元机器人", frozenset({"launch"})
        pool.add(m)
    slide = _member(3, _at(topic, 0.7), 0, lang="zh", hours=2, keys=keys)
    slide.maker, slide.kinds = "优必选", frozenset({"market"})
    assert decide(slide, pool).story != 20
    slide.maker = "智元机器人"
    assert decide(slide, pool).story == 20


def test_a_docking_the_next_morning_is_its_own_story() -> None:
    """The crew's docking 18 hours after the evening launch: past SEQUEL_GAP_HOURS the
    sequel kind counts as any other; eight hours after, it is the launch's story."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"w:axiom", "空间站"})
    pool = Pool()
    for i in range(2):
        m = _member(i + 1, topic, 30, hours=i, keys=keys)
        m.kinds = frozenset({"launch"})
        pool.add(m)
    vec = _at(topic, 0.62)
    morning = _member(3, vec, 0, hours=19, keys=keys)
    morning.kinds = frozenset({"docking"})
    assert decide(morning, pool).story != 30
    evening = _member(4, vec, 0, hours=9, keys=keys)
    evening.kinds = frozenset({"docking"})
    assert decide(evening, pool).story == 30


def test_a_sequel_the_next_morning_that_names_the_incident_is_the_sequel() -> None:
    """Schools shut "as measles cases pass 900", 22 hours after the outbreak's reports: the
    closure is the news, the outbreak its background, so it does not join the outbreak's
    story. The same headline 14 hours on (the same evening's round-up of a blizzard's
    closures) is the story's, as it is when the story's own headlines name the closure."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"p:mongolia", "麻疹", "乌兰巴托"})

    def outbreak(story: int, *extra: str) -> Pool:
        pool = Pool()
        for i in range(2):
            m = _member(story + i, topic, story, hours=i, keys=keys)
            m.kinds = frozenset({"outbreak", *extra})
            pool.add(m)
        return pool

    def closure(hours: float) -> Member:
        m = _member(9, _at(topic, 0.7), 0, hours=hours, keys=keys)
        m.kinds = frozenset({"outbreak", "closure"})
        return m

    assert SE.SEQUEL_GAP_HOURS < 14 < SE.SEQUEL_FIRST_HOURS < 22
    assert decide(closure(23), outbreak(30)).story != 30
    assert decide(closure(15), outbreak(30)).story == 30
    assert decide(closure(23), outbreak(40, "closure")).story == 40


def test_the_captain_relieved_the_next_afternoon_is_news_of_its_own() -> None:
    """巴西撤换与渡轮相撞的护卫舰舰长: the collision is named as the captain's background, 17
    hours after the evening's last collision report (blind half bg): the dismissal is the
    news. A consequence kind counts as a sequel does (`CONSEQUENCE_KINDS`)."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"p:brazil", "护卫舰", "渡轮"})
    pool = _story_of(50, topic, keys, "collision")
    relieved = _report(59, topic, 18, keys, "collision", "dismissal")
    assert "dismissal" in SE.CONSEQUENCE_KINDS
    assert decide(relieved, pool).story != 50
    relieved.kinds = frozenset({"collision"})
    assert decide(relieved, pool).story == 50


def _story_of(story: int, topic: np.ndarray, keys: frozenset[str], *kinds: str) -> Pool:
    """A pool of one story: two reports an hour apart whose headlines name `kinds`."""
    pool = Pool()
    for i in range(2):
        m = _member(story + i, topic, story, hours=i, keys=keys)
        m.kinds = frozenset(kinds)
        pool.add(m)
    return pool


def _report(aid: int, topic: np.ndarray, hours: float, keys: frozenset[str], *kinds: str) -> Member:
    """A new report near the story's topic, `hours` after its first, naming `kinds`."""
    m = _member(aid, _at(topic, 0.7), 0, hours=hours, keys=keys)
    m.kinds = frozenset(kinds)
    return m


def test_a_reopening_the_same_evening_is_the_blockades_end() -> None:
    """Lima's airport road reopened the evening the drivers' blockade began (blind half bg):
    the same news's end, its story. The port reopening two days after its strike began is
    news of its own (a reopening is a sequel kind, `SEQUEL_KINDS`)."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"p:peru", "w:vamo", "利马"})
    pool = _story_of(70, topic, keys, "block")
    assert "reopening" in SE.SEQUEL_KINDS
    assert decide(_report(79, topic, 9, keys, "reopening"), pool).story == 70
    assert decide(_report(78, topic, 48, keys, "reopening"), pool).story != 70


def test_a_bridge_does_not_merge_one_actors_visits_to_two_partners() -> None:
    """Singapore's minister in Uzbekistan, then in Kyrgyzstan the next day: each story's
    core countries hold Singapore and a host the other lacks. A story of Singapore alone,
    or of the same pair, is no such conflict; nor are crossed cores the same day (a match's
    reports naming the clubs' countries and the next opponent's)."""
    from aggregator.merge_evidence import parts_conflict

    topic = _unit(RNG.normal(size=S.DIM))

    def reports(story: int, *countries: str, hours: float = 20) -> list[Member]:
        keys = frozenset({"w:balakrishnan", *(f"p:{c}" for c in countries)})
        return [_member(story + i, topic, story, hours=hours + i, keys=keys) for i in range(2)]

    uzbek = reports(10, "singapore", "uzbekistan", hours=0)
    assert parts_conflict(uzbek, reports(20, "singapore", "kyrgyzstan"))
    assert not parts_conflict(uzbek, reports(30, "singapore"))
    assert not parts_conflict(uzbek, reports(40, "uzbekistan", "singapore"))
    assert not parts_conflict(uzbek, reports(50, "singapore", "kyrgyzstan", hours=3))


def test_the_same_actors_account_of_its_incident_two_days_on_continues_the_story() -> None:
    """ "AWS blames chiller failure for Tokyo outage" 44 hours after the outage: past
    LATE_HOURS, but the same subject names the same incident kind (CONTINUE_HOURS). Another
    subject, or a competition's stage (one player levelling a final, then winning it), is
    still late."""
    topic = _unit(RNG.normal(size=S.DIM))
    keys = frozenset({"w:aws", "宕机"})
    pool = Pool()
    for i in range(2):
        m = _member(i + 1, topic, 40, hours=i, keys=keys)
        m.subject, m.kinds = frozenset({"w:aws"}), frozenset({"outage"})
        pool.add(m)
    vec = _at(topic, 0.7)
    account = _member(3, vec, 0, hours=45, keys=keys)
    account.subject, account.kinds = frozenset({"w:aws"}), frozenset({"outage"})
    assert decide(account, pool).story == 40
    other = _member(4, vec, 0, hours=45, keys=keys)
    other.subject, other.kinds = frozenset({"w:paypay"}), frozenset({"outage"})
    assert decide(other, pool).story != 40
    final = _member(5, vec, 0, hours=45, keys=keys)
    final.subject, final.kinds = frozenset({"w:aws"}), frozenset({"final"})
    pool.members[0].kinds = pool.members[1].kinds = frozenset({"final"})
    assert decide(final, pool).story != 40
