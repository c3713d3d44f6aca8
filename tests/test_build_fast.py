"""The cold poll's per-entry shortcuts give exactly what the plain definitions give.

Fingerprints and detected languages are stored, so a faster route to either must agree
with the slow one on every text: the fingerprint's ASCII route (bytes.translate) against
NFKC + casefold + regex, and `detect`'s skipped passes (words read only when the verdict
needs them, one kana/hangul scan) against the full recipe written out here. Texts: the
labelled corpora and language samples under tests/data, their mixtures, and random ASCII.
"""

from __future__ import annotations

import json
import random
import re
import string
import unicodedata
from pathlib import Path

import pytest

from aggregator import language
from aggregator.dedup import fingerprint, normalize_for_fingerprint
from aggregator.langs import HAN, as_lang
from aggregator.models import LanguageGuess

DATA = Path(__file__).parent / "data"
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _reference_normalize(text: str) -> str:
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _reference_detect(text: str, hint: str | None = None) -> LanguageGuess:
    """`detect` before its shortcuts: every pass run on every text."""
    sample = text[:4000]
    letters, latin = language._letters(sample)
    if letters == 0:
        return LanguageGuess(as_lang(hint), 0.0)
    han_chars = HAN.findall(sample)
    han = len(han_chars)
    kana = len(re.findall(r"[\u3040-\u30ff]", sample))
    hangul = len(re.findall(r"[\uac00-\ud7af\u1100-\u11ff]", sample))
    if kana > 0.05 * letters or hangul > 0.2 * letters:
        return LanguageGuess("other", 0.9)
    words = re.findall(r"[a-z']+", sample.lower())
    function_words = sum(w in language._EN_FUNCTION for w in words)
    if han and (han * 3.5 >= latin or (han >= max(2, len(words)) and function_words < 3)):
        share = han * 3.5 / (han * 3.5 + latin)
        lang = as_lang(language._variant_of(han_chars))
        return LanguageGuess(lang, round(min(1.0, 0.5 + share / 2), 3))
    if latin >= 0.5 * letters:
        if hint == "en" or (latin == letters and letters < 30):
            return LanguageGuess("en", 0.9 if hint == "en" else 0.7)
        if len(words) >= 8 and function_words / len(words) >= 0.2:
            return LanguageGuess("en", round(min(0.99, 0.6 + function_words / len(words)), 3))
        guess, prob = language._langdetect(sample[: language.LANGDETECT_CHARS])
        if guess == "en":
            return LanguageGuess("en", round(prob, 3))
        if hint == "en" or (prob < 0.9 and sample.isascii() and len(words) < 12):
            return LanguageGuess("en", 0.5)
        return LanguageGuess("other", round(prob, 3))
    return LanguageGuess("other", 0.5)


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATA.glob("corpus*/articles.jsonl"))[:4]:
        for line in path.read_text("utf-8").splitlines():
            a = json.loads(line)
            texts += [a["title"], a.get("summary") or "", a.get("body") or ""]
    samples = (DATA / "language" / "samples.tsv").read_text("utf-8").splitlines()
    texts += [s.split("\t", 1)[1] for s in samples if "\t" in s and not s.startswith("#")]
    rng = random.Random(15)
    # Mixtures: a Chinese headline inside English and the reverse, Latin names in Han text.
    for _ in range(200):
        a, b = rng.sample(texts, 2)
        texts.append(f"{a[: rng.randint(0, 80)]} {b[: rng.randint(0, 300)]}")
    alphabet = string.printable + "ÀéßİK™ｆｕｌｌ"  # letters NFKC or casefold rewrite
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 400))) for _ in range(150)]
    texts += ["".join(rng.choices(string.printable, k=rng.randint(0, 400))) for _ in range(150)]
    return [t for t in texts if t is not None]


TEXTS = _texts()


def test_the_texts_cover_both_routes() -> None:
    ascii_texts = [t for t in TEXTS if t.isascii()]
    assert len(ascii_texts) > 150 and len(TEXTS) - len(ascii_texts) > 150
    assert any(HAN.search(t) for t in TEXTS) and any("™" in t for t in TEXTS)


def test_fingerprint_normalisation_matches_its_definition() -> None:
    for text in TEXTS:
        assert normalize_for_fingerprint(text) == _reference_normalize(text), text[:80]


def test_fingerprint_of_an_ascii_copy_is_unchanged_by_case_and_punctuation() -> None:
    body = "Officials said on Monday, the plan (worth $2bn) would start next_year. " * 5
    assert fingerprint("A", body) == fingerprint("B", body.upper().replace(",", " ;"))
    assert fingerprint("A", body) != fingerprint("A", body.replace("Monday", "Friday"))


@pytest.mark.parametrize("hint", ["en", "zh", None])
def test_detect_matches_the_full_recipe(hint: str | None) -> None:
    seen = set()
    for text in TEXTS:
        got = language.detect(text, hint=hint)
        assert got == _reference_detect(text, hint=hint), text[:80]
        seen.add(got.lang)
    assert {"en", "zh", "zh-Hant"} <= seen


def test_batched_bands_match_one_text_at_a_time() -> None:
    import numpy as np

    from aggregator import minhash

    keys = [minhash.shingle_keys(t) for t in [*TEXTS[:600], "", "too short"]]
    assert any(k.size == 0 for k in keys) and any(k.size > 100 for k in keys)
    sigs = [minhash.signature(k) for k in keys]
    rows = minhash.band_hashes_rows(np.stack(sigs))
    assert rows == [minhash.band_hashes(sig) for sig in sigs]
    assert minhash.band_hashes_rows(np.stack(sigs[:1])) == rows[:1]


def test_prepare_for_a_batch_is_prepare_one_by_one() -> None:
    """The batch's signatures, bands and search rows are those of each item alone."""
    from datetime import UTC, datetime

    from aggregator.ingest import prepare
    from aggregator.models import NewArticle

    when = datetime(2026, 12, 6, tzinfo=UTC)
    items = [
        NewArticle(1, f"g{i}", None, TEXTS[i][:80], "", body, "en", 0.9, None, when, "f")
        for i in range(0, 400, 2)
        for body in ([TEXTS[i + 1]] if i % 20 else ["", "a few words only"])
    ]
    batch = prepare(items)
    assert any(p.bands for p in batch) and not all(p.bands for p in batch)
    assert batch == [prepare([item])[0] for item in items]
