"""Sentence and paragraph splitting (our path has no Stanza)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translators.split import join_paragraphs, paragraphs, split_en, split_zh


def test_english_abbreviations_initials_and_decimals() -> None:
    text = (
        "Both nations, U.S. treaty allies, reaffirmed cooperation. Initiated by President "
        "Ferdinand Marcos Jr. and Prime Minister Shigeru Ishiba, the pact grew 3.5 percent. "
        "Dr. Smith met John F. Kennedy Jr. in Washington, D.C. on Monday. It rained."
    )
    assert split_en(text) == [
        "Both nations, U.S. treaty allies, reaffirmed cooperation.",
        "Initiated by President Ferdinand Marcos Jr. and Prime Minister Shigeru Ishiba, "
        "the pact grew 3.5 percent.",
        "Dr. Smith met John F. Kennedy Jr. in Washington, D.C. on Monday.",
        "It rained.",
    ]


def test_english_sentence_ending_in_an_abbreviation() -> None:
    assert split_en("He moved to the U.S. The next day he left.") == [
        "He moved to the U.S.",
        "The next day he left.",
    ]
    assert split_en("Wait... What happened? \u201cNothing,\u201d she said! Then 2 left.") == [
        "Wait...",
        "What happened?",
        "\u201cNothing,\u201d she said!",
        "Then 2 left.",
    ]


def test_chinese_sentences_with_closing_quotes() -> None:
    text = "外交部说：“我们坚决反对。”双方同意继续对话！会谈将于下周举行；地点未定"
    assert split_zh(text) == [
        "外交部说：“我们坚决反对。”",
        "双方同意继续对话！",
        "会谈将于下周举行；",
        "地点未定",
    ]


def test_hard_wrapped_lines_are_rejoined_into_paragraphs() -> None:
    text = (
        "Japan and the Philippines signed a new\n"
        "defense pact in Manila on Thursday.\n"
        "\n"
        "日本和菲律宾周四在马尼拉签署\n"
        "新的防务协定。\n"
        "Second line is its own paragraph.\n"
    )
    paras = paragraphs(text)
    assert [p.text for p in paras] == [
        "Japan and the Philippines signed a new defense pact in Manila on Thursday.",
        "日本和菲律宾周四在马尼拉签署新的防务协定。",
        "Second line is its own paragraph.",
    ]
    assert [p.sep for p in paras] == ["\n\n", "\n", ""]


def test_seed_page_paragraph_count(seed_page: str) -> None:
    paras = paragraphs(seed_page)
    blocks = [b for b in seed_page.split("\n\n") if b.strip()]
    assert len(paras) >= len(blocks)
    assert all("\n" not in p.text for p in paras)


@given(st.lists(st.text(alphabet="ab 。.!中文\n", min_size=1, max_size=30), max_size=5))
def test_paragraphs_keep_every_non_space_character(parts: list[str]) -> None:
    text = "\n\n".join(parts)
    rebuilt = join_paragraphs(paragraphs(text))
    assert "".join(rebuilt.split()) == "".join(text.split())


@given(st.text(alphabet="ab .!?。！中U.S3\u201d", max_size=80))
def test_sentences_keep_every_non_space_character(text: str) -> None:
    for split in (split_en, split_zh):
        assert "".join("".join(split(text)).split()) == "".join(text.split())
