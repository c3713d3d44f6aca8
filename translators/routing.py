"""Which model each paragraph of a field goes through, and putting the result back together.

A page may mix languages paragraph by paragraph (an English report with a Chinese
"相关文章" list, a Chinese article quoting an English statement). Each paragraph is detected
on its own: a paragraph already in the target language passes through unchanged (the reader
gets both languages, and a zh->en model fed English produces garbage); Traditional Chinese is
folded to Simplified (OpenCC) before the zh->en model, which was trained on Simplified;
anything else (Japanese, Korean, numbers only) is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from aggregator.langs import TRANSLATABLE, family, is_chinese
from aggregator.language import detect
from aggregator.segment import to_simplified

from .split import Paragraph, join_paragraphs, paragraphs, split_sentences

# Model directions the engine knows: source language code -> model source code (its family).
MODEL_SOURCE: dict[str, str] = {lang: family(lang) for lang in TRANSLATABLE}


@dataclass(frozen=True)
class Unit:
    """One paragraph: kept as is (`source` None) or its sentences sent source->target."""

    original: str
    sep: str
    source: str | None = None
    sentences: tuple[str, ...] = ()


def paragraph_language(text: str, field_lang: str) -> str:
    """The paragraph's language; the field's language breaks ties on short or unclear text."""
    guess = detect(text, hint=field_lang if field_lang != "other" else None)
    if guess.lang == "other" and guess.confidence < 0.6:
        return field_lang
    return guess.lang


def plan(text: str, field_lang: str, target: str) -> list[Unit]:
    """Cut a field into paragraphs and decide, for each, what happens to it."""
    units: list[Unit] = []
    for para in paragraphs(text):
        lang = paragraph_language(para.text, field_lang)
        source = MODEL_SOURCE.get(lang)
        if source is None or source == target or is_chinese(lang) == is_chinese(target):
            units.append(Unit(para.text, para.sep))
            continue
        traditional = lang == "zh-Hant" or (source == "zh" and field_lang == "zh-Hant")
        body = to_simplified(para.text) if traditional else para.text
        units.append(Unit(para.text, para.sep, source, tuple(split_sentences(body, lang))))
    return units


def render(units: list[Unit], translated: list[list[str]], target: str) -> str:
    """Reassemble a field: each unit's translated sentences (one list per unit, empty for
    kept units) joined the way the target language writes them."""
    joiner = "" if is_chinese(target) else " "
    out: list[Paragraph] = []
    for unit, sentences in zip(units, translated, strict=True):
        if unit.source is None:
            out.append(Paragraph(unit.original, unit.sep))
        else:
            out.append(Paragraph(joiner.join(s for s in sentences if s), unit.sep))
    return join_paragraphs(out)
