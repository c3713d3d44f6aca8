"""Segmentation for the search index: Chinese split into words, Traditional folded, English kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.segment import (
    query_alternatives,
    query_words,
    segment_for_index,
    to_simplified,
)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def test_chinese_is_split_and_english_kept() -> None:
    out = segment_for_index("日本外相茂木敏充在马尼拉签署防务协定 with the ACSA")
    tokens = out.split()
    for word in ("日本", "马尼拉", "防务", "协定", "ACSA", "with"):
        assert word in tokens
    assert out.rstrip().endswith("with the ACSA")  # English words stay adjacent (phrases)


def test_unknown_names_are_indexed_both_ways() -> None:
    tokens = segment_for_index("外相茂木敏充表示").split()
    # jieba's HMM joins the name; the dictionary-only cut gives its pieces
    assert "茂木敏充" in tokens
    assert {"茂", "木", "敏", "充"} <= set(tokens)


def test_traditional_is_folded_to_simplified() -> None:
    assert segment_for_index("韓國和日本同意恢復海軍演習").split()[:1] == ["韩国"]
    assert to_simplified("國防") == "国防"
    assert query_words("國防預算") == ["国防", "预算"]


def test_query_alternatives_cover_the_word() -> None:
    alts = query_alternatives("茂木敏充")
    assert alts[0] == ("茂木敏充",)
    assert ("茂", "木", "敏", "充") in alts
    for alt in alts:
        assert set("".join(alt)) >= set("茂木敏充")


def test_plain_text_passes_through() -> None:
    assert segment_for_index("South China Sea") == "South China Sea"
    assert segment_for_index("") == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_no_han_character_or_other_text_is_lost(text: str) -> None:
    out = segment_for_index(text)
    folded = to_simplified(text)
    assert set(HAN.findall(folded)) <= set(HAN.findall(out))
    assert HAN.sub(" ", folded).split() == HAN.sub(" ", out).split()


def _jieba_twice(run: str) -> list[str]:
    """What `_run_tokens` computed with Python jieba, before it moved to jieba-rs."""
    import jieba

    words = [w for w in jieba.cut_for_search(run) if w.strip()]
    seen = set(words)
    return words + [w for w in jieba.cut(run, HMM=False) if w.strip() and w not in seen]


def test_index_tokens_are_exactly_python_jiebas_two_cuts() -> None:
    import json
    from pathlib import Path

    from aggregator.langs import HAN_RUN
    from aggregator.segment import _run_tokens, to_simplified

    data = Path(__file__).parent / "data"
    runs: set[str] = set()
    for name in ("corpus", "corpus_b"):
        for line in (data / name / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            text = to_simplified(f"{a['title']}\n{a['summary']}\n{a['body']}")
            runs.update(HAN_RUN.findall(text))
    runs |= {"中国人民銀行", "茂木敏充访问马尼拉", "人们在说什么", "防务协定", "兀"}
    assert len(runs) > 1000
    for run in sorted(runs):
        assert _run_tokens(run) == _jieba_twice(run), run


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5), min_size=1))
def test_index_tokens_match_python_jieba_on_any_han(run: str) -> None:
    """Over jieba's Han range (jieba-rs also joins Extension A characters with the HMM,
    where Python jieba leaves them single; query and index share the segmenter either way)."""
    from aggregator.segment import _run_tokens

    assert _run_tokens(run) == _jieba_twice(run)


def test_to_simplified_is_opencc_and_skips_simplified_text() -> None:
    import opencc

    from aggregator.segment import to_simplified

    cc = opencc.OpenCC("t2s")
    for text in (
        "韓國與日本同意恢復海軍搜救演習",
        "台積電第四季盈利",
        "韩国和日本同意",
        "Motegi 茂木",
    ):
        assert to_simplified(text) == cc.convert(text)
    simplified = "韩国和日本同意时隔九年恢复海军搜救演习"
    assert to_simplified(simplified) is simplified  # nothing to convert: not even a copy


def test_regional_words_cross_the_strait_both_ways() -> None:
    """OpenCC's Taiwan phrase tables, read both ways and folded to Simplified: the word as
    the other side writes it, inside a longer word too; nothing for a word neither holds."""
    from aggregator.segment import regional_words

    assert regional_words("軟體") == ("软件",)
    assert regional_words("勒索軟體") == ("勒索软件",)
    assert "勒索软体" in regional_words("勒索软件")
    assert "黑客" in regional_words("駭客") and "骇客" in regional_words("黑客")
    assert "出租车" in regional_words("計程車")
    assert regional_words("地震") == ()


def test_segment_many_is_segment_for_index_text_by_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from pathlib import Path

    from aggregator import segment
    from aggregator.segment import segment_many

    data = Path(__file__).parent / "data"
    texts: list[str] = []
    for name in ("corpus", "corpus_b", "corpus_c"):
        for line in (data / name / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            texts += [a["title"], a["summary"] or "", a["body"] or ""]
    texts += [
        "",
        "South China Sea",
        "中國人民銀行發布",
        "茂木敏充访问马尼拉。OpenAI发布GPT-5",
        "兀",
    ]
    assert sum(bool(HAN.search(t)) for t in texts) > 300
    monkeypatch.setattr(segment, "_GROUP_CHARS", 2000)  # many groups
    assert sum(len(t) for t in texts if HAN.search(t)) > 3 * segment._GROUP_CHARS
    assert segment_many(texts) == [segment_for_index(t) for t in texts]
    assert segment_many([]) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="中国人民銀行發布茂木敏充 ab,。\n1", max_size=40), max_size=8))
def test_segment_many_matches_on_any_mixture(texts: list[str]) -> None:
    from aggregator.segment import segment_many

    assert segment_many(texts) == [segment_for_index(t) for t in texts]
