"""Language detection: script first, langdetect only where the script does not decide.

langdetect alone calls most short Chinese headlines Korean and mixed headlines
("苹果发布iPhone 16新品") Vietnamese or Catalan (FIELD-NOTES), so the share of Han characters
decides first, and Traditional vs Simplified is told apart by character sets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .langs import HAN, as_lang
from .models import LanguageGuess

_HAN = HAN
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[a-z']+")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_EN_FUNCTION = frozenset(
    "the of and to in a is that for on with as was by at it from are be has have this an "
    "its were said will not but which their after who been had they would his her over "
    "than more about into also says".split()
)


@lru_cache(maxsize=1)
def _script_only() -> tuple[frozenset[str], frozenset[str]]:
    """(Traditional-only, Simplified-only) characters of the CC-CEDICT character lists that
    hanzidentifier decides by (zhon.cedict, its data).

    For one character, hanzidentifier's is_traditional / is_simplified is membership in
    these lists; two set intersections per text replace two calls per distinct character
    (which were a tenth of a cold poll's CPU). Read from zhon's strings, not through
    hanzidentifier, whose module keeps both 10,000-character lists as sets (~5 MB of a
    poll's peak RSS for the 5,000 characters used here)."""
    from zhon.cedict import simplified, traditional

    return frozenset(traditional).difference(simplified), frozenset(simplified).difference(
        traditional
    )


def chinese_variant(text: str) -> str:
    """ "zh-Hant" when most script-specific characters are Traditional, else "zh".

    By majority, not "all characters": a Traditional article quoting a Simplified headline
    (a related-links list, a boilerplate "相关文章") is still a Traditional article.
    """
    return _variant_of(_HAN.findall(text))


def _variant_of(han: list[str]) -> str:
    trad_only, simp_only = _script_only()
    chars = set(han)
    return "zh-Hant" if len(chars & trad_only) > len(chars & simp_only) else "zh"


# langdetect's cost grows with the text (20 ms for a 4,000-character sample here); a
# thousand characters decide a language as surely as four thousand.
LANGDETECT_CHARS = 1000


def _langdetect(text: str) -> tuple[str, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # deterministic
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "other", 0.0
    return str(best.lang), float(best.prob)


def _letters(sample: str) -> tuple[int, int]:
    """(letters, ASCII letters) of a text: what `_LETTER` and `[A-Za-z]` would count.

    ASCII letters are counted by deleting the rest of the ASCII bytes, and only the non-ASCII
    remainder goes through the Unicode letter class: two regex passes over the whole sample
    were two thirds of detection's time (0.14 of 0.23 ms a text)."""
    latin = len(sample.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if sample.isascii():
        return latin, latin
    return latin + len(_LETTER.findall(_ASCII_RUN.sub("", sample))), latin


def _chinese(han: int, latin: int, han_chars: list[str]) -> LanguageGuess:
    share = han * 3.5 / (han * 3.5 + latin)
    return LanguageGuess(as_lang(_variant_of(han_chars)), round(min(1.0, 0.5 + share / 2), 3))


def detect(text: str, hint: str | None = None) -> LanguageGuess:
    """Guess en / zh / zh-Hant / other for a text; `hint` (the feed's language) breaks ties."""
    sample = text[:4000]
    letters, latin = _letters(sample)
    if letters == 0:
        return LanguageGuess(as_lang(hint), 0.0)
    if sample.isascii():
        han_chars: list[str] = []
        han = 0
    else:
        han_chars = _HAN.findall(sample)
        han = len(han_chars)
        # One scan finds neither script in nearly every text; counts only where it does.
        if _KANA_OR_HANGUL.search(sample) and (
            len(_KANA.findall(sample)) > 0.05 * letters
            or len(_HANGUL.findall(sample)) > 0.2 * letters
        ):
            return LanguageGuess("other", 0.9)
    # The same content takes about 3.5 Latin letters per Chinese character (parallel news
    # text), so the script with more content decides a mixed page; short mixed headlines
    # ("苹果发布iPhone 16新品") stay Chinese.
    if han and han * 3.5 >= latin:
        return _chinese(han, latin, han_chars)
    # The words are read only where the verdict needs them (not for a Chinese text, nor
    # for Latin text in a feed said to be English): a regex pass over the whole sample.
    settled = latin >= 0.5 * letters and (hint == "en" or (latin == letters and letters < 30))
    words = _WORD.findall(sample.lower()) if han or not settled else []
    function_words = sum(map(_EN_FUNCTION.__contains__, words))  # C loop, no frame a word
    # Latin text without English function words is names and brands inside Chinese
    # ("OpenAI发布GPT-5"), not English.
    if han and han >= max(2, len(words)) and function_words < 3:
        return _chinese(han, latin, han_chars)
    if latin >= 0.5 * letters:
        if hint == "en" or latin == letters and letters < 30:
            return LanguageGuess("en", 0.9 if hint == "en" else 0.7)
        # Running English is recognisable by its function words; this skips langdetect (a
        # quarter of a cold poll's time) for the common case and leaves it the hard ones.
        if len(words) >= 8:
            share = function_words / len(words)
            if share >= 0.2:
                return LanguageGuess("en", round(min(0.99, 0.6 + share), 3))
        lang, prob = _langdetect(sample[:LANGDETECT_CHARS])
        if lang == "en":
            return LanguageGuess("en", round(prob, 3))
        # Short or name-heavy English often comes back as nl/da/so...; trust a hint or the
        # ASCII-only shape before calling it another language.
        if hint == "en" or (prob < 0.9 and sample.isascii() and len(words) < 12):
            return LanguageGuess("en", 0.5)
        return LanguageGuess("other", round(prob, 3))
    return LanguageGuess("other", 0.5)
