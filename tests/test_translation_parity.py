"""Parity: on the same stand-in package, sentences and decoding options (beam 4, length
penalty 0.2, the same length cap), our engine emits the same tokens as Argos's own
`apply_packaged_translation` (fed one pre-split sentence at a time, so Stanza is not the
variable; see translators/argos_reference.py).

Per sentence the computation is identical, so the tokens must be equal. Batched (our real
mode: sorted batches of 32), int8 padding shifts log-probs slightly and a random model's
beam ties can flip (FIELD-NOTES: ~1.5%), so the agreement rate is measured and bounded; in
float32 the padding effect is ~5e-6 and the batched output must match too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argos_reference import argos_translate_sentences
from support_models import (  # noqa: F401
    full_standin_packages,
    install_standins,
    standin_packages,
)

from translators.argos_engine import ARGOS_LIKE, ArgosEngine, batch_plan
from translators.split import paragraphs, split_en, split_zh

DATA = Path(__file__).parent / "data"


def corpus() -> dict[str, list[str]]:
    en: list[str] = []
    for para in paragraphs((DATA / "seeds" / "000_1fef5196e698dfdc.txt").read_text("utf-8")):
        en.extend(split_en(para.text))
    zh: list[str] = []
    for line in (DATA / "language" / "samples.tsv").read_text("utf-8").splitlines():
        if line.startswith(("zh\t", "zh-Hant\t")):
            zh.extend(split_zh(line.split("\t", 1)[1]))
    return {"en": en, "zh": zh}


def check_parity(pkgs_dir: Path, limit: int | None, report: dict[str, float]) -> None:
    sentences = corpus()
    engine = ArgosEngine(device="cpu", packages_dir=pkgs_dir, options=ARGOS_LIKE)
    engine_f32 = ArgosEngine(
        device="cpu", packages_dir=pkgs_dir, options=ARGOS_LIKE, compute_type="float32"
    )
    for src, tgt in (("en", "zh"), ("zh", "en")):
        sents = sentences[src][:limit]
        assert len(sents) >= 10
        pkg = engine.package(src, tgt)
        ref_tokens, ref_texts = argos_translate_sentences(pkg.path, sents, ARGOS_LIKE)
        d = engine._direction(src, tgt)
        tokenized = d.encode(sents)
        one_by_one = [engine.translate_tokens([t], src, tgt)[0] for t in tokenized]
        assert one_by_one == ref_tokens, f"{src}->{tgt}: per-sentence tokens differ"
        assert all(ref_tokens)  # the model did emit something
        # Batched, each sentence is capped by its batch's longest input: give Argos the same.
        caps = [0] * len(sents)
        for idx, cap in batch_plan([len(t) for t in tokenized], ARGOS_LIKE):
            for i in idx:
                caps[i] = cap
        ref_tokens, _ = argos_translate_sentences(pkg.path, sents, ARGOS_LIKE, caps=caps)
        batched = engine.translate_tokens(tokenized, src, tgt)
        agree = sum(a == b for a, b in zip(batched, ref_tokens, strict=True)) / len(sents)
        report[f"{src}->{tgt} int8 batched agreement"] = agree
        assert agree >= 0.85, f"{src}->{tgt}: batched int8 agreement {agree:.2%}"
        ref32, _ = argos_translate_sentences(
            pkg.path, sents, ARGOS_LIKE, compute_type="float32", caps=caps
        )
        batched32 = engine_f32.translate_tokens(tokenized, src, tgt)
        agree32 = sum(a == b for a, b in zip(batched32, ref32, strict=True)) / len(sents)
        report[f"{src}->{tgt} float32 batched agreement"] = agree32
        assert agree32 >= 0.97, f"{src}->{tgt}: batched float32 agreement {agree32:.2%}"
        # Texts: our detokenization equals Argos's where Argos's "_" -> " " quirk is moot.
        ours = engine.translate(sents[:5], src, tgt) if src == "zh" else None
        if ours is not None:
            one = [engine.translate([s], src, tgt)[0] for s in sents[:5]]
            for mine, theirs in zip(one, ref_texts[:5], strict=True):
                if "_" not in theirs:
                    assert mine == theirs.strip()


def test_parity_tiny(
    standin_packages: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    report: dict[str, float] = {}
    check_parity(install_standins(standin_packages, tmp_path / "argos"), 10, report)
    print(json.dumps(report))


@pytest.mark.slow
def test_parity_full_size(
    full_standin_packages: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    report: dict[str, float] = {}
    check_parity(install_standins(full_standin_packages, tmp_path / "argos"), 16, report)
    print(json.dumps(report))
