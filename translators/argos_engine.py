"""The fast path: an installed Argos package's CTranslate2 and SentencePiece models, driven
directly, with sentences of many articles decoded together.

Argos itself (argostranslate.translate) imports spacy and torch, runs Stanza per paragraph and
calls `translate_batch` once per paragraph with `batch_type="tokens"`, 32 — any sentence over
16 tokens is decoded alone (FIELD-NOTES). Here all sentences of a direction are sorted by
length, cut into batches of 32 examples, each with its own length cap (a random or confused
model otherwise runs to 256 tokens), and the batches are submitted asynchronously so
`inter_threads` workers decode them in parallel. Tokenization and model options match
Argos's (the packages' config.json adds the source BOS/EOS, e.g. ">>cmn_Hans<<" for en_zh;
CTranslate2 applies it), so the same options give the same tokens.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aggregator.errors import TranslationError

from .packages import InstalledPackage, find_package

log = logging.getLogger("newsdesk.translate")

_MAX_SOURCE_TOKENS = 250  # longer "sentences" (lists, run-ons) are cut into pieces this long


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings shared by every path we compare (engine, Argos, raw CTranslate2)."""

    beam_size: int = 4  # Argos's default
    length_penalty: float = 0.2  # Argos's value
    # en->zh can loop into repeated output (argos-translate#422, CTranslate2#1694).
    repetition_penalty: float = 1.1
    no_repeat_ngram_size: int = 5
    length_ratio: float = 1.5  # output cap: ratio x source tokens + extra
    length_extra: int = 10
    max_batch_size: int = 32  # examples per batch

    def cap(self, source_tokens: int) -> int:
        return int(math.ceil(self.length_ratio * source_tokens)) + self.length_extra

    def ct2_kwargs(self, source_tokens: int) -> dict[str, Any]:
        """translate_batch keyword arguments for a batch whose longest input has this length."""
        return {
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "repetition_penalty": self.repetition_penalty,
            "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "max_decoding_length": self.cap(source_tokens),
            "replace_unknowns": True,
            "max_batch_size": self.max_batch_size,
        }


# Argos applies no repetition guard; parity checks compare with these options.
ARGOS_LIKE = DecodeOptions(repetition_penalty=1.0, no_repeat_ngram_size=0)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def thread_plan(device: str, cpus: int | None = None) -> tuple[int, int]:
    """(inter_threads, intra_threads): parallel batches first, as measured best on 2 cores."""
    if device == "cuda":
        return 1, 1
    cpus = cpus or cpu_count()
    inter = max(1, min(cpus, 4))
    return inter, max(1, cpus // inter)


def resolve_device(device: str) -> str:
    """ "auto" -> "cuda" when CTranslate2 sees a GPU, else "cpu"; "cuda" without one fails."""
    import ctranslate2

    if device not in ("auto", "cpu", "cuda"):
        raise TranslationError(f"unknown device {device!r} (auto, cpu or cuda)")
    gpus = ctranslate2.get_cuda_device_count()
    if device == "cuda" and gpus == 0:
        raise TranslationError("--device cuda: no CUDA device visible to CTranslate2")
    if device == "auto":
        return "cuda" if gpus > 0 else "cpu"
    return device


class _Direction:
    """One loaded package: CTranslate2 translator plus its SentencePiece processor."""

    def __init__(
        self,
        pkg: InstalledPackage,
        device: str,
        threads: tuple[int, int],
        compute_type: str | None = None,
    ) -> None:
        import ctranslate2
        import sentencepiece as spm

        self.pkg = pkg
        compute = compute_type or ("int8_float16" if device == "cuda" else "int8")
        try:
            self.translator = ctranslate2.Translator(
                str(pkg.model_dir),
                device=device,
                compute_type=compute,
                inter_threads=threads[0],
                intra_threads=threads[1],
            )
            self.sp = spm.SentencePieceProcessor(model_file=str(pkg.sp_model))
        except (RuntimeError, ValueError, OSError) as exc:
            raise TranslationError(f"cannot load model {pkg.path}: {exc}") from exc

    def encode(self, sentences: Sequence[str]) -> list[list[str]]:
        return [list(t) for t in self.sp.encode(list(sentences), out_type=str)]

    def decode(self, tokens: Sequence[str]) -> str:
        return str(self.sp.decode_pieces(list(tokens))).replace("▁", " ").strip()


class ArgosEngine:
    """`Translator` over installed Argos packages; loads each direction on first use.

    `translate(texts, source, target)` takes sentences (the caller splits paragraphs) and
    returns one translation per sentence, in order. Raises ModelMissingError when the pair
    is not installed, TranslationError when CTranslate2 fails.
    """

    name = "argos-ct2"
    version = "1"

    def __init__(
        self,
        *,
        device: str = "auto",
        packages_dir: Path | None = None,
        options: DecodeOptions | None = None,
        threads: tuple[int, int] | None = None,
        compute_type: str | None = None,
    ) -> None:
        self.device = resolve_device(device)
        self.compute_type = compute_type  # None: int8 on CPU, int8_float16 on CUDA
        self.packages_dir = packages_dir
        self.options = options or DecodeOptions()
        self.threads = threads or thread_plan(self.device)
        self._loaded: dict[tuple[str, str], _Direction] = {}
        self.decoded_tokens = 0  # output tokens so far (logs and benchmarks)

    def package(self, source: str, target: str) -> InstalledPackage:
        return find_package(source, target, self.packages_dir)

    def model_for(self, source: str, target: str) -> tuple[str, str]:
        """(model name, version) recorded with translations and used in cache keys."""
        pkg = self.package(source, target)
        return f"argos:{pkg.name}", pkg.version or "0"

    def _direction(self, source: str, target: str) -> _Direction:
        key = (source, target)
        if key not in self._loaded:
            pkg = self.package(source, target)
            log.info("loading %s on %s (threads %s)", pkg.path, self.device, self.threads)
            self._loaded[key] = _Direction(pkg, self.device, self.threads, self.compute_type)
        return self._loaded[key]

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        d = self._direction(source, target)
        tokens = d.encode(texts)
        out_tokens = self.translate_tokens(tokens, source, target)
        return [d.decode(t) if t else "" for t in out_tokens]

    def translate_tokens(
        self,
        tokens: Sequence[Sequence[str]],
        source: str,
        target: str,
        options: DecodeOptions | None = None,
    ) -> list[list[str]]:
        """Translate tokenized sentences; the unit parity tests compare with Argos."""
        d = self._direction(source, target)
        opts = options or self.options
        # Over-long inputs are cut so the length cap and positions stay sane.
        pieces: list[list[str]] = []
        owner: list[int] = []
        for i, toks in enumerate(tokens):
            toks = list(toks)
            if not toks:
                continue
            for start in range(0, len(toks), _MAX_SOURCE_TOKENS):
                pieces.append(toks[start : start + _MAX_SOURCE_TOKENS])
                owner.append(i)
        results = run_sorted_batches(d.translator, pieces, opts)
        out: list[list[str]] = [[] for _ in tokens]
        for i, res in zip(owner, results, strict=True):
            out[i].extend(res)
        self.decoded_tokens += sum(len(r) for r in results)
        return out


def batch_plan(lengths: Sequence[int], opts: DecodeOptions) -> list[tuple[list[int], int]]:
    """Sorted batches of at most `max_batch_size` inputs, each with the length cap of its
    longest input: [(input indices, max_decoding_length)]."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    size = max(1, opts.max_batch_size)
    plan: list[tuple[list[int], int]] = []
    for start in range(0, len(order), size):
        idx = order[start : start + size]
        plan.append((idx, opts.cap(max(lengths[i] for i in idx))))
    return plan


def run_sorted_batches(
    translator: Any, pieces: Sequence[Sequence[str]], opts: DecodeOptions
) -> list[list[str]]:
    """Sort by length, batch, cap each batch by its longest input, decode in parallel."""
    pending: list[tuple[list[int], list[Any]]] = []
    try:
        for idx, _cap in batch_plan([len(p) for p in pieces], opts):
            batch = [list(pieces[i]) for i in idx]
            longest = max(len(b) for b in batch)
            futures = translator.translate_batch(
                batch, asynchronous=True, **opts.ct2_kwargs(longest)
            )
            pending.append((idx, futures))
        out: list[list[str]] = [[] for _ in pieces]
        for idx, futures in pending:
            for i, fut in zip(idx, futures, strict=True):
                out[i] = list(fut.result().hypotheses[0])
    except RuntimeError as exc:
        raise TranslationError(f"CTranslate2 failed: {exc}") from exc
    return out
