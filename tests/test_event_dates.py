"""Event evidence of one report: the day it says its event happened, its scores and counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from aggregator.event_dates import (
    day_disagreement,
    disciplines,
    event_days,
    game_numbers,
    magnitudes,
    tallies,
    tally_disagreement,
)

# Tuesday 2026-03-24, 05:40 UTC (13:40 in Manila and Beijing).
TUESDAY = datetime(2026, 3, 24, 5, 40, tzinfo=UTC)


def _days(text: str, lang: str, when: datetime = TUESDAY) -> list[date]:
    return sorted(date.fromordinal(d) for d in event_days(text, lang, when))


def test_weekday_words_resolve_to_this_week() -> None:
    assert _days("Boats were boarded on Tuesday.", "en") == [date(2026, 3, 24)]
    assert _days("Manila protested Monday's collision.", "en") == [date(2026, 3, 23)]
    assert _days("中国海警人员周二登船，週一两船相撞。", "zh") == [
        date(2026, 3, 23),
        date(2026, 3, 24),
    ]
    # UTC late evening: the event's local day is already the next one.
    late = datetime(2026, 3, 23, 22, 0, tzinfo=UTC)
    assert _days("The boats were boarded on Tuesday.", "en", late) == [date(2026, 3, 24)]


def test_calendar_dates_and_bare_days() -> None:
    assert _days("Talks ended on March 19.", "en") == [date(2026, 3, 19)]
    assert _days("中国女队21日晚以3比2取胜。", "zh") == [date(2026, 3, 21)]
    assert _days("外交部3月24日召见大使，就23日相撞一事抗议。", "zh") == [
        date(2026, 3, 23),
        date(2026, 3, 24),
    ]
    assert _days("官员昨天表示", "zh") == [date(2026, 3, 23)]


def test_plans_and_background_are_not_the_event() -> None:
    assert _days("白宫宣布5月1日起征收关税。", "zh") == []
    assert _days("The teams meet again next Friday.", "en") == []
    assert _days("The pact was signed on January 15.", "en") == []  # ten weeks back
    # "the last" at the end of a headline does not shift the lead's weekday.
    sunday = datetime(2026, 2, 8, 13, 40, tzinfo=UTC)
    text = "unlikely the last\nSunday's clash near the shoal"
    assert _days(text, "en", sunday) == [date(2026, 2, 8)]


def test_tallies() -> None:
    assert tallies("China sweep Japan 3-0 to win the cup", "en") == {"s:3-0"}
    assert tallies("国乒女团3比2险胜日本", "zh") == {"s:3-2"}
    # a moment of the match is no result: "led 5-4 at one point in the deciding set"
    assert tallies("决胜盘一度5比4领先，卢浩轩最终三盘不敌费兰特", "zh") == set()
    assert tallies("力挫日本 3:2", "zh-Hant") == {"s:3-2"}
    assert tallies("boarded two Philippine navy rubber boats", "en") == {"c:vessel:2"}
    assert tallies("菲律宾一艘补给船蓄意冲撞", "zh") == {"c:vessel:1"}
    # Rates, years and percentages are not scores.
    assert tallies("rates at 3.50%-3.75% for 2025-2026", "en") == frozenset()
    # A moment of the match is not its result: "at 5-5", "from 0-2 down".
    assert tallies("Xu holds her nerve at 5-5 to take the crown", "en") == frozenset()
    assert tallies("Rovers come back from 0-2 down to win 3-2", "en") == {"s:3-2"}


def test_disagreement_shares() -> None:
    mon, tue = date(2026, 3, 23).toordinal(), date(2026, 3, 24).toordinal()
    story = [frozenset({mon}), frozenset({mon}), frozenset({mon, tue}), frozenset()]
    assert day_disagreement(frozenset({tue}), story) == 2 / 3
    assert day_disagreement(frozenset({mon}), story) == 0.0
    assert day_disagreement(frozenset(), story) == 0.0  # silence is no evidence
    finals = [frozenset({"s:3-2"}), frozenset({"s:3-2", "c:vessel:1"}), frozenset()]
    assert tally_disagreement(frozenset({"s:3-0"}), finals) == 1.0
    assert tally_disagreement(frozenset({"s:3-2"}), finals) == 0.0
    # Counts of another kind of thing say nothing about a score.
    assert tally_disagreement(frozenset({"c:aircraft:2"}), finals) == 0.0


def test_reports_in_another_time_zone_agree_within_a_day() -> None:
    """An evening launch in UTC is the next morning's in Hong Kong: with one day of slack
    for the other language's reports, the days agree; two days apart they still do not."""
    assert day_disagreement(frozenset({10}), [frozenset({11})]) == 1.0
    assert day_disagreement(frozenset({10}), [frozenset({11})], [1]) == 0.0
    assert day_disagreement(frozenset({10}), [frozenset({12})], [1]) == 1.0
    assert day_disagreement(frozenset({10}), [frozenset({11}), frozenset({11})], [0, 1]) == 0.5


def test_set_scores_also_state_the_sets_won_and_clock_times_are_no_scores() -> None:
    from aggregator.event_dates import tallies

    # "4-6, 6-3, 6-4" is the 1比2 of the Chinese report of the same match
    en = tallies("Andreeva beat Wang Xinyu 4-6, 6-3, 6-4 on Centre Court.", "en")
    zh = tallies("王欣瑜1比2不敌安德烈耶娃", "zh")
    assert "s:2-1" in en and en & zh
    assert "s:2-0" in tallies("Gauff won 6-2, 6-1.", "en")  # a full stop ends the run
    assert tallies("won 3-2.", "en") == {"s:3-2"}
    assert tallies("sales rose 1-2,000 units, a 3-2.5 ratio", "en") == frozenset()
    assert tallies("police arrived at 10:30, then at 9:05 left", "en") == frozenset()
    assert tallies("a 21比19 game", "zh") == {"s:21-19"}


def test_magnitudes_name_the_quake_within_the_agencies_slack() -> None:
    """The headline's magnitude, else the lead's (an aftershock's lead recalls the main
    shock); 5.6 and 5.5 from two agencies are one quake, 6.9 and 6.3 two."""
    main = magnitudes("Magnitude 6.9 earthquake hits southern Peru", "", "en")
    after = magnitudes("秘魯南部6.3級強餘震", "兩天前規模6.9強震已致11死", "zh-Hant")
    assert main == {"m:6.9"} and after == {"m:6.3"}
    assert magnitudes("Quake shakes Lima", "A 7.1-magnitude quake struck at dawn.", "en") == {
        "m:7.1"
    }
    assert magnitudes("GDP grew 6.3 percent", "", "en") == frozenset()
    assert tally_disagreement(after, [main, main]) == 1.0
    assert tally_disagreement(frozenset({"m:5.5"}), [frozenset({"m:5.6"})]) == 0.0


@pytest.mark.parametrize(
    ("title", "lang", "games"),
    [
        ("Shin Jin-seo beats Ding Hao in first game of Ing Cup final", "en", {"g:1"}),
        ("应氏杯决赛第二局丁浩扳平比分 决胜局15日进行", "zh", {"g:2", "g:decider"}),
        ("應氏盃決賽首局 南韓申真諝中盤勝丁浩", "zh-Hant", {"g:1"}),
        ("Celtics take Game 3 in Boston", "en", {"g:3"}),
        ("中超第3轮山东德比", "zh", {"g:3"}),
        ("Ding Hao levels Ing Cup final", "en", set()),
        ("Liang's career ends with second-round loss in Hong Kong", "en", {"g:2"}),
        ("梁舒怡次轮不敌德沃尔斯卡", "zh", {"g:2"}),
        # the round won through to is not the one reported
        ("Liang sails into the second round", "en", set()),
        ("梁舒怡首轮直落两盘晋级次轮", "zh", {"g:1"}),
        ("Rokid unveils second-generation AI glasses", "en", set()),
        ("第二代AI眼镜发布", "zh", set()),
    ],
)
def test_game_numbers_of_a_series_from_the_headline(title: str, lang: str, games: set[str]) -> None:
    assert game_numbers(title, lang) == games
    other = frozenset({"g:1"}) if games != {"g:1"} else frozenset({"g:2"})
    assert tally_disagreement(game_numbers(title, lang), [other]) == (1.0 if games else 0.0)


@pytest.mark.parametrize(
    ("title", "events"),
    [
        ("Brazil win women's team gold at gymnastics worlds", {"x:women", "e:team"}),
        ("体操世锦赛女子全能 巴西选手夺冠", {"x:women", "e:all-around"}),
        ("Andrade takes vault title on final day", {"e:vault"}),
        ("世錦賽男子單槓決賽", {"x:men", "e:bar"}),
        ("国羽混双夺冠", {"x:mixed", "e:mixed-doubles"}),
        ("Men's doubles final goes to three games", {"x:men", "e:doubles"}),
        ("Central bank holds rates", set()),
    ],
)
def test_the_event_of_a_championship_from_the_headline(title: str, events: set[str]) -> None:
    assert disciplines(title) == events


def test_sex_and_discipline_disagree_each_on_its_own() -> None:
    """The men's team final and the men's all-around share the sex, not the event: two
    events. Without a discipline, the sex alone agrees."""
    team = disciplines("男子团体决赛 中国夺冠")
    all_around = disciplines("Men's all-around final won by Japan")
    assert tally_disagreement(all_around, [team]) == 1.0
    assert tally_disagreement(disciplines("Men's final: Japan wins"), [team]) == 0.0
    assert tally_disagreement(disciplines("Women's final: Japan wins"), [team]) == 1.0
    # agreeing on the sex does not dilute a disagreement on the game (each axis its share)
    game_12 = frozenset({"g:12", "x:women"})
    story = [frozenset({"g:11"}), frozenset({"x:women"}), frozenset({"x:women"})]
    assert tally_disagreement(game_12, story) == 1.0
    # scores and counts are compared together as before: one shared value agrees
    assert tally_disagreement(frozenset({"s:3-0", "c:boat:2"}), [frozenset({"s:3-0"})]) == 0.0
