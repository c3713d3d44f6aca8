"""The CTranslate2 engine itself on a tiny stand-in: length cap, repetition guard, long
inputs, empty inputs, order. Random weights: nothing here is about translation quality."""

from __future__ import annotations

from pathlib import Path

import pytest
from support_models import install_standins, standin_packages  # noqa: F401

from translators.argos_engine import ARGOS_LIKE, ArgosEngine, DecodeOptions, thread_plan

SENTENCES = [
    "Japan and the Philippines signed a new defense pact in Manila on Thursday.",
    "Oil rose 3%.",
    "Both nations, U.S. treaty allies, reaffirmed trilateral cooperation with Washington "
    "and pledged to bolster economic security, including resilient supply chains.",
]


@pytest.fixture(scope="module")
def engine(
    standin_packages: dict[str, Path],  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> ArgosEngine:
    pkgs = install_standins(standin_packages, tmp_path_factory.mktemp("argos"))
    return ArgosEngine(device="cpu", packages_dir=pkgs)


def repeated_ngrams(tokens: list[str], n: int) -> int:
    grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return len(grams) - len(set(grams))


def test_output_is_capped_relative_to_input(engine: ArgosEngine) -> None:
    d = engine._direction("en", "zh")
    tokens = d.encode(SENTENCES)
    out = engine.translate_tokens(tokens, "en", "zh")
    longest = max(len(t) for t in tokens)
    for o in out:
        assert 0 < len(o) <= engine.options.cap(longest)
    # A short sentence decoded alone gets a short cap (a random model runs to it).
    alone = engine.translate_tokens([tokens[1]], "en", "zh")[0]
    assert len(alone) <= engine.options.cap(len(tokens[1])) < engine.options.cap(longest)


def test_repetition_guard_blocks_loops(engine: ArgosEngine) -> None:
    tokens = engine._direction("en", "zh").encode(SENTENCES)
    loose = engine.translate_tokens(tokens, "en", "zh", ARGOS_LIKE)
    guarded = engine.translate_tokens(tokens, "en", "zh")
    n = engine.options.no_repeat_ngram_size
    assert sum(repeated_ngrams(t, n) for t in loose) > 0  # the random model loops
    assert all(repeated_ngrams(t, n) == 0 for t in guarded)


def test_order_empty_and_over_long_inputs(engine: ArgosEngine) -> None:
    long_sentence = " ".join(["The ministry said the talks would continue next week"] * 40)
    texts = ["", SENTENCES[0], long_sentence, SENTENCES[1]]
    out = engine.translate(texts, "en", "zh")
    assert len(out) == 4 and out[0] == "" and all(out[1:])
    # Sorted batching must not reorder: the long input got the longest output.
    assert max(range(4), key=lambda i: len(out[i])) == 2
    tok = engine._direction("en", "zh").encode([long_sentence])[0]
    assert len(tok) > 250  # cut into pieces, each decoded under its own cap
    assert engine.decoded_tokens > 0


def test_zh_en_direction_and_model_id(engine: ArgosEngine) -> None:
    out = engine.translate(["日本和菲律宾周四签署防务协定。", "油价上涨。"], "zh", "en")
    assert len(out) == 2 and all(out)
    name, version = engine.model_for("zh", "en")
    assert name == "argos:translate-zh_en-standin" and version == "1.9"


def test_thread_plan_prefers_parallel_batches() -> None:
    assert thread_plan("cpu", 2) == (2, 1)
    assert thread_plan("cpu", 16) == (4, 4)
    assert thread_plan("cuda", 16) == (1, 1)
    assert DecodeOptions().cap(20) == 40
