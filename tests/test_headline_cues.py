"""Who launches what a headline reports launched (aggregator/headline_cues.py)."""

from __future__ import annotations

import pytest

from aggregator.headline_cues import launch_maker, same_maker


@pytest.mark.parametrize(
    ("headline", "lang", "maker"),
    [
        ("UBTech unveils Walker S3 humanoid at 299,000 yuan", "en", "ubtech"),
        ("Price war in China's humanoid robots as AgiBot unveils Lingxi X3", "en", "agibot"),
        ("Rokid launches second-generation AI glasses at 2,499 yuan", "en", "rokid"),
        ("Xiaomi's 17 Ultra: Xiaomi launches 17 Ultra in Barcelona", "en", "xiaomi"),
        # the "after" clause is background: it names the rival, not the maker
        ("AgiBot fires back with 99,000-yuan humanoid, a day after UBTech launch", "en", None),
        ("Heavy rain lashes Manila", "en", None),
        ("智元机器人发布灵犀X3 定价9.9万元", "zh", "智元机器人"),
        ("小米在巴塞罗那发布小米17 Ultra国际版", "zh", "小米"),  # cut at the place
        ("優必選推出新款人形機械人", "zh-Hant", "优必选"),  # folded to Simplified
        ("续航52分钟、激光雷达避障 大疆御5 Pro亮相", "zh", "激光雷达避障 大疆御5 pro"),
        ("台风“桦加沙”逼近广东", "zh", None),
        # the launch kind's verbs, no more and no fewer: a warning issued is no launch
        ("黑龙江发布暴雪红色预警", "zh", None),
        ("CATL shows off solid-state cells", "en", "catl"),
    ],
)
def test_the_maker_of_a_launch(headline: str, lang: str, maker: str | None) -> None:
    assert launch_maker(headline, lang) == maker


def test_makers_are_the_same_by_shared_word_or_containment() -> None:
    assert same_maker("ubtech", "ubtech robotics")
    assert same_maker("大疆", "激光雷达避障 大疆御5 pro")
    assert not same_maker("优必选", "智元机器人")
    assert not same_maker("rokid", "thunderbird")


def test_a_hostile_headline_is_read_in_bounded_time() -> None:
    assert launch_maker("发" * 100_000, "zh") is None
    assert launch_maker("A " * 50_000 + "unveils", "en") is None  # past the headline's length
