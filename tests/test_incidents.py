"""Incident kinds of headlines (aggregator/incidents.py) and what they do to story joins."""

from __future__ import annotations

import pytest

from aggregator.incidents import incident_kinds, kind_disagreement


@pytest.mark.parametrize(
    ("headline", "kinds"),
    [
        ("Chinese coast guard boards Taiwanese tourist boat near Kinmen", {"boarding"}),
        ("中國海警登檢金門觀光船 海委會：嚴重侵犯我方管轄", {"boarding"}),
        ("Two dead as Chinese speedboat capsizes while fleeing coast guard", {"capsize"}),
        ("金門再有大陸快艇被台海巡追逐翻沉 兩人死亡", {"capsize"}),
        ("Coast guard ship rams Philippine cutter near Sabina Shoal", {"collision"}),
        ("仙賓礁兩日兩撞 菲漁業船遭民兵船撞穿", {"collision"}),
        ("Chipmaker's quarterly profit jumps 40%", {"earnings"}),
        ("台积电第四季净利创新高", {"earnings"}),
        ("Fire breaks out at chip fab in Tainan", {"fire"}),
        ("温网女单半决赛：王欣瑜先胜一盘遭逆转", {"semifinal"}),
        ("Sinner beats Zverev to reach final", {"semifinal"}),
        ("Andreeva beats Gauff to win first Wimbledon title at 19", {"final"}),
        ("安德烈耶娃溫網封后", {"final"}),
        ("Typhoon makes landfall in Hainan", {"storm"}),
    ],
)
def test_kinds_in_both_languages(headline: str, kinds: set[str]) -> None:
    assert incident_kinds(headline) == kinds


@pytest.mark.parametrize(
    "headline",
    [
        "Manila summons Chinese envoy",  # a reaction, not an incident
        "国台办：强烈谴责",
        "Board of directors names new chief executive",  # "board", not a boarding
        "Hong Kong celebrates its first astronaut",
        "",
    ],
)
def test_reactions_and_plain_headlines_name_no_kind(headline: str) -> None:
    assert incident_kinds(headline) == frozenset()


def test_disagreement_is_a_share_and_silence_is_no_evidence() -> None:
    boarding, capsize = frozenset({"boarding"}), frozenset({"capsize"})
    assert kind_disagreement(capsize, [boarding, boarding]) == 1.0
    assert kind_disagreement(capsize, [boarding, capsize | boarding]) == 0.5
    assert kind_disagreement(capsize, [frozenset(), frozenset()]) == 0.0  # story silent
    assert kind_disagreement(frozenset(), [boarding]) == 0.0  # article silent
