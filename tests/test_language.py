"""Language detection on real-looking headlines and paragraphs, and per-paragraph routing."""

from __future__ import annotations

from pathlib import Path

import pytest

from aggregator.language import detect
from translators.routing import plan

DATA = Path(__file__).parent / "data"


def samples() -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "language" / "samples.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            expected, text = line.split("\t", 1)
            rows.append((expected, text))
    return rows


def test_the_table_is_big_and_hard_enough() -> None:
    from langdetect import DetectorFactory
    from langdetect import detect as langdetect_detect

    rows = samples()
    assert len(rows) >= 30
    assert {e for e, _ in rows} == {"en", "zh", "zh-Hant", "other"}
    DetectorFactory.seed = 0
    names = {"zh-cn": "zh", "zh-tw": "zh-Hant", "en": "en"}
    wrong = sum(names.get(langdetect_detect(t), "other") != e for e, t in rows)
    assert wrong >= 10  # langdetect alone (Korean for Chinese, vi/ca for mixed) fails these


@pytest.mark.parametrize(("expected", "text"), samples())
def test_detect(expected: str, text: str) -> None:
    guess = detect(text)
    assert guess.lang == expected, text
    assert 0.0 < guess.confidence <= 1.0


def test_hint_settles_text_with_no_letters() -> None:
    assert detect("2025-01-15 10:30", hint="zh").lang == "zh"
    assert detect("", hint=None).lang == "other"


def test_seed_page_is_detected_per_paragraph(seed_page: str) -> None:
    # An English report with Chinese boilerplate ("AI 生成的图像", "人们在说什么") and a
    # mixed related-coverage list: translated to Chinese, only English paragraphs go to
    # the en->zh model; Chinese ones are kept.
    units = plan(seed_page, "en", "zh")
    sent = [u for u in units if u.source is not None]
    kept = [u for u in units if u.source is None]
    assert {u.source for u in sent} == {"en"}
    assert any(u.original == "AI 生成的图像" for u in kept)
    assert any(u.original == "人们在说什么" for u in kept)
    assert any("Acquisition and Cross-Servicing Agreement" in u.original for u in sent)
    for u in sent:
        assert detect(u.original).lang == "en", u.original
    for u in kept:
        assert detect(u.original, hint="en").lang != "en" or not u.original.strip()
    # To English, the same page keeps its English paragraphs and sends the Chinese ones.
    back = plan(seed_page, "en", "en")
    assert {u.source for u in back if u.source} == {"zh"}
    assert any(u.original == "AI 生成的图像" and u.source == "zh" for u in back)


def test_traditional_paragraph_is_folded_to_simplified_before_zh_en() -> None:
    units = plan("中央銀行理監事會決議維持政策利率不變。國際經濟情勢仍不明朗。", "zh-Hant", "en")
    assert len(units) == 1 and units[0].source == "zh"
    assert units[0].sentences == (
        "中央银行理监事会决议维持政策利率不变。",
        "国际经济情势仍不明朗。",
    )
    # The original is kept untouched for storage and display.
    assert units[0].original.startswith("中央銀行")


def test_other_languages_are_kept_not_translated() -> None:
    units = plan("日本とフィリピン、防衛協定に署名\n\n일본과 필리핀, 방위협정 체결", "other", "en")
    assert all(u.source is None for u in units)
