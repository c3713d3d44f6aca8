"""Argos Translate's own path, made to run offline, for parity tests and benchmarks only.

Never used when translating: it imports `argostranslate.translate` (spacy, torch, Stanza).
Two things stop Argos 1.11 / Stanza 1.10 from running here (FIELD-NOTES): Stanza refreshes its
resources online unless `download_method=None`, and it cannot read the splitter data inside
the 1.9 packages (resources.json lacks "packages"; old checkpoints lack feat_dropout,
use_dictionary, num_dict_feat, lexicon and use the retired "all_caps" feature).
`upgrade_stanza_data` fixes a *copy* of that data and `offline_stanza` makes Argos build its
pipeline from local files only. `CappedTranslator` applies the same length cap and repetition
options to Argos's `translate_batch` calls as our engine uses, so comparisons compare like
with like (a random model otherwise decodes to 256 tokens).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from translators.argos_engine import DecodeOptions


def upgrade_stanza_data(stanza_dir: Path) -> None:
    """Rewrite a package's stanza/ folder in place so Stanza 1.10 loads it offline."""
    import torch

    res_path = stanza_dir / "resources.json"
    resources = json.loads(res_path.read_text("utf-8"))
    for value in resources.values():
        if isinstance(value, dict) and "packages" not in value:
            value["packages"] = {}
    res_path.write_text(json.dumps(resources), "utf-8")
    for ckpt_path in stanza_dir.glob("*/tokenize/*.pt"):
        ckpt = torch.load(ckpt_path, map_location="cpu", weights_only=False)
        config = ckpt["config"]
        config.setdefault("feat_dropout", 0.05)
        config.setdefault("use_dictionary", False)
        config.setdefault("num_dict_feat", 0)
        # Stanza 1.10 knows no "all_caps"; "capitalized" keeps the feature width.
        config["feat_funcs"] = [
            "capitalized" if f == "all_caps" else f for f in config.get("feat_funcs", [])
        ]
        ckpt.setdefault("lexicon", None)
        torch.save(ckpt, ckpt_path)


@contextmanager
def offline_stanza() -> Iterator[None]:
    """Make `stanza.Pipeline(lang, dir, processors="tokenize")` (what Argos calls) load the
    package's tokenizer checkpoint with no network access."""
    import stanza

    real = stanza.Pipeline

    def pipeline(lang: str = "en", dir: str = ".", processors: Any = None, **kw: Any) -> Any:
        base = Path(dir)
        found = sorted(base.glob(f"{lang}*/tokenize/*.pt"))
        if not found:
            return real(lang=lang, dir=dir, processors=processors, download_method=None, **kw)
        model = found[0]
        return real(
            lang=model.parts[-3],
            dir=dir,
            processors={"tokenize": model.stem},
            tokenize_model_path=str(model),
            download_method=None,
            **kw,
        )

    stanza.Pipeline = pipeline
    try:
        import argostranslate.sbd as sbd

        sbd.stanza.Pipeline = pipeline
        yield
    finally:
        stanza.Pipeline = real


class CappedTranslator:
    """A ctranslate2.Translator whose translate_batch applies our options' length cap (by the
    longest input of the call) and repetition settings; records the output tokens."""

    def __init__(self, inner: Any, options: DecodeOptions) -> None:
        self.inner = inner
        self.options = options
        self.outputs: list[list[str]] = []
        self.cap: int | None = None  # set to force the next calls' cap

    def translate_batch(self, batch: Sequence[Sequence[str]], **kw: Any) -> Any:
        longest = max((len(b) for b in batch), default=1)
        kw["max_decoding_length"] = self.cap or self.options.cap(longest)
        kw["repetition_penalty"] = self.options.repetition_penalty
        kw["no_repeat_ngram_size"] = self.options.no_repeat_ngram_size
        results = self.inner.translate_batch(batch, **kw)
        self.outputs.extend(list(r.hypotheses[0]) for r in results)
        return results

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class _OneSentence:
    """A sentencizer that returns its input: Argos translates exactly the sentence given."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def argos_translate_sentences(
    package_dir: Path,
    sentences: Sequence[str],
    options: DecodeOptions,
    *,
    compute_type: str = "int8",
    caps: Sequence[int] | None = None,
) -> tuple[list[list[str]], list[str]]:
    """Each sentence through Argos's `apply_packaged_translation` on its own (so Argos's
    batching and splitter are not the variable); returns (tokens, texts) per sentence.
    `caps` gives each sentence's max_decoding_length (default: from its own length)."""
    import ctranslate2
    from argostranslate import settings
    from argostranslate.package import Package
    from argostranslate.translate import apply_packaged_translation

    if options.beam_size != settings.beam_size:  # Argos takes it from ARGOS_BEAM_SIZE
        raise ValueError(f"Argos decodes with beam {settings.beam_size}, not {options.beam_size}")
    pkg = Package(Path(package_dir))
    inner = ctranslate2.Translator(
        str(Path(package_dir) / "model"),
        device="cpu",
        compute_type=compute_type,
        intra_threads=1,  # one sentence at a time: more threads only oversubscribe the CPU
    )
    capped = CappedTranslator(inner, options)
    tokens: list[list[str]] = []
    texts: list[str] = []
    for i, sentence in enumerate(sentences):
        capped.outputs.clear()
        capped.cap = caps[i] if caps is not None else None
        hyp = apply_packaged_translation(pkg, sentence, capped, _OneSentence(), 1)
        tokens.append(capped.outputs[0] if capped.outputs else [])
        texts.append(hyp[0].value)
    return tokens, texts
