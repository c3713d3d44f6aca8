"""Language-independent evidence: the same fact written in English and in Chinese gives the
same keys; different facts give different ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aggregator import entities
from aggregator.entities import countries, dates, extract, names, numbers


def test_amounts_agree_across_languages() -> None:
    assert numbers("Japan pledged $6 million in aid") == numbers("日本承诺提供600万美元援助")
    assert numbers("capex of up to $56 billion") == numbers("资本支出最高560亿美元")
    assert numbers("1,200 troops") == numbers("1200名士兵") == {"n:1200.0"}
    assert numbers("3.5 billion yuan") == numbers("35亿元")


def test_small_counts_and_years_are_not_identity() -> None:
    assert numbers("3 ships sailed in 2026") == set()
    assert numbers("2026年有3艘船") == set()


def test_dates_agree_across_languages() -> None:
    want = {"d:01-15"}
    assert dates("On Thursday, January 15, the two ministers met") == want
    assert dates("on Jan. 15th") == want
    assert dates("15 January 2026") == want
    assert dates("两国外长1月15日会谈") == want
    assert dates("signed 2026-01-15") == want
    assert dates("January 16") != want


def test_chinese_day_of_month_is_not_a_number() -> None:
    # "25日" is a date part, not an amount: it must not match "25 ships" elsewhere.
    assert numbers("三星2月25日发布 25日开售") == set()


def test_places_map_to_one_key_in_both_scripts_and_languages() -> None:
    en = names("Japanese and Philippine ministers met in Manila over the South China Sea")
    zh = names("日本与菲律宾外长在马尼拉讨论南海问题")
    hant = names("日本與菲律賓外長在馬尼拉討論南海問題")
    for key in ("p:japan", "p:philippines", "p:south china sea"):
        assert key in en and key in zh and key in hant


def test_latin_names_inside_chinese_text_match_english() -> None:
    en = extract("Foreign Secretary Theresa Lazaro signed the ACSA")
    zh = extract("菲律宾外长Lazaro签署ACSA协定")
    assert {"w:lazaro", "w:acsa"} <= en & zh


def test_sentence_openers_and_months_are_not_names() -> None:
    keys = names("The talks ended. However, officials said on Monday in March that")
    assert not {"w:the", "w:however", "w:monday", "w:march"} & keys


def test_dotted_abbreviations() -> None:
    assert "p:united states" in names("Talks with the U.S. resumed")
    assert "p:united states" in names("美国与中国恢复谈判")


@given(st.text(max_size=300))
def test_extract_never_fails_and_keys_are_prefixed(text: str) -> None:
    for key in extract(text):
        assert key[:2] in {"p:", "w:", "n:", "d:"}
    lead = entities.lead_country(text)  # any headline: a country among the text's, or None
    assert lead is None or lead in countries(extract(text[:300]))


def test_countries_from_either_script_cities_folded_bodies_left_out() -> None:
    """The countries a story is about, for telling two stories' countries apart: from
    gazetteer keys and Chinese dictionary headwords alike."""
    en = extract("Beijing and Manila agree talks at the UN over the South China Sea")
    assert countries(en) == {"china", "philippines"}
    # Chinese concept keys (dictionary headwords) name countries too
    assert countries({"巴西", "央行", "p:brazil"}) == {"brazil"}
    assert countries({"首尔", "p:south korea"}) == {"korea"}
    assert countries({"p:nato", "p:who", "南海"}) == frozenset()


def test_provinces_and_states_name_their_country() -> None:
    """A domestic report names the province or state, not the country: a tornado in Foshan
    and one in Oklahoma the next morning are China's and America's."""
    assert countries(extract("广东佛山顺德遭龙卷风袭击 5死83伤")) == {"china"}
    assert countries(extract("美國奧克拉荷馬州夏尼市遭龍捲風重創")) == {"united states"}
    assert countries(extract("Tornado tears through Shawnee, Oklahoma, killing four")) == {
        "united states"
    }
    assert countries(extract("Floods in Sichuan and Yunnan")) == {"china"}
    # the US state and the country stay apart; New Mexico is no Mexico
    assert countries(extract("美国佐治亚州货运列车脱轨")) == {"united states"}
    assert countries(extract("格鲁吉亚一列客运列车脱轨")) == {"georgia"}
    assert countries(extract("Wildfire spreads in New Mexico")) == {"united states"}
    # each a place of its own, as the gazetteer's cities are: two provinces' floods
    assert "p:jiangxi" in extract("江西修水县遭遇特大暴雨")
    assert "p:hunan" in extract("湖南辰溪县沅水暴涨")


def test_every_country_of_the_table_is_a_place_in_both_languages() -> None:
    """Countries outside the hand-kept gazetteer (Cambodia, New Zealand's Taiwan form,
    Romania beside Rome) come from the country table; its risky forms do not match."""
    from aggregator.entities import countries, names

    assert "p:cambodia" in names("Cambodian boy dies of H5N1 bird flu in Prey Veng")
    assert "p:cambodia" in names("柬埔寨男童染H5N1禽流感死亡")
    assert "p:cambodia" in names("Talks open in Phnom Penh")
    assert {"p:new zealand", "p:italy"} <= names("紐西蘭與義大利簽署協議")
    assert "p:romania" in names("罗马尼亚总统") and "p:italy" not in names("罗马尼亚总统")
    assert not {k for k in names("政府增加纳税人负担") if k.startswith("p:")}
    assert "p:chad" not in names("Chad Smith scores twice")
    assert "p:south korea" in names("South Koreans vote today")
    assert countries({"p:cambodia", "菲律宾"}) == {"cambodia", "philippines"}


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Moldova's central bank cuts base rate to 3.6%, two days after Romania", "moldova"),
        ("Russia expels two Estonian diplomats in tit-for-tat move", "russia"),
        ("尼加拉瓜反制加拿大 吊销加拿大金矿企业开采权", "nicaragua"),
        ("加拿大宣布制裁9名尼加拉瓜官员", "canada"),
        ("拉脫維亞驅逐俄國外交官 聲援愛沙尼亞", "latvia"),
        ("Talks in Tokyo as Seoul waits", "japan"),
        ("U.S. and Japan sign chip pact", "united states"),
        ("Côte d’Ivoire beats Ghana in Abidjan", "ivory coast"),  # a curly apostrophe
        ("EU fines Apple over App Store rules", None),
        ("Freezing rain strands travellers", None),
    ],
)
def test_lead_country_is_the_first_a_headline_names(title: str, lead: str | None) -> None:
    assert entities.lead_country(title) == lead


def test_headline_countries_are_every_country_a_headline_names() -> None:
    from aggregator.entities import headline_countries, lead_country

    title = "Asuncion hits 43.8C as Paraguay's grid buckles, hours after Buenos Aires record"
    assert headline_countries(title) == {"paraguay", "argentina"}
    assert lead_country(title) == "paraguay"
    assert headline_countries("巴拉圭首都亞松森43.8度破紀錄") == {"paraguay"}
    assert headline_countries("Markets brace for a quiet week") == frozenset()
