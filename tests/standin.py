"""Stand-in Argos packages: the real tokenizer, vocabulary and architecture, random weights.

Trained weights cannot be downloaded here, so benchmarks and tests build OPUS-MT-shaped
models (transformer-base, post-norm, swish FFN, tied embeddings, 6+6 layers, d=512) with
`ctranslate2.specs` from a package directory that has everything but `model/model.bin`.
Loading, tokenization, batching, speed and memory behave like the real thing; the words the
model emits mean nothing (it almost never emits </s>, so it decodes up to the length cap).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

# Files of a package directory copied into the stand-in (model.bin is generated).
_PACKAGE_FILES = ("metadata.json", "README.md", "sentencepiece.model")


def _sinusoids(dim: int, num_positions: int = 1024) -> Any:
    import numpy as np

    positions = np.arange(num_positions)
    timescales = np.power(10000, 2 * (np.arange(dim) // 2) / dim)
    enc = np.expand_dims(positions, 1) / np.expand_dims(timescales, 0)
    table = np.zeros_like(enc)
    table[:, : dim // 2] = np.sin(enc[:, 0::2])
    table[:, dim // 2 :] = np.cos(enc[:, 1::2])
    return table.astype(np.float32)


def _build_spec(
    vocab: list[str], *, layers: int, d_model: int, heads: int, ffn: int, seed: int
) -> Any:
    import numpy as np
    from ctranslate2.specs import TransformerSpec, common_spec

    rng = np.random.default_rng(seed)
    spec = TransformerSpec.from_config(
        (layers, layers), heads, pre_norm=False, activation=common_spec.Activation.SWISH
    )
    v = len(vocab)

    def mat(rows: int, cols: int) -> Any:
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def vec(n: int, scale: float = 0.02) -> Any:
        return (rng.standard_normal(n) * scale).astype(np.float32)

    def norm(ln: Any) -> None:
        ln.gamma = (1.0 + rng.standard_normal(d_model) * 0.05).astype(np.float32)
        ln.beta = vec(d_model)

    def linear(lin: Any, rows: int, cols: int) -> None:
        lin.weight = mat(rows, cols)
        lin.bias = vec(rows)

    def ffn_layer(f: Any) -> None:
        norm(f.layer_norm)
        linear(f.linear_0, ffn, d_model)
        linear(f.linear_1, d_model, ffn)

    embeddings = mat(v, d_model)  # shared by encoder, decoder and output projection (tied)
    positions = _sinusoids(d_model)
    for side in (spec.encoder, spec.decoder):
        embs = side.embeddings if isinstance(side.embeddings, list) else [side.embeddings]
        embs[0].weight = embeddings
        side.position_encodings.encodings = positions
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        ffn_layer(layer.ffn)
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)
        linear(layer.attention.linear[1], 2 * d_model, d_model)
        linear(layer.attention.linear[2], d_model, d_model)
        ffn_layer(layer.ffn)
    spec.decoder.start_from_zero_embedding = True  # as Marian-converted OPUS-MT models
    spec.decoder.projection.weight = embeddings
    spec.decoder.projection.bias = vec(v)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_standin_dir(
    src_dir: Path,
    out_dir: Path,
    *,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    seed: int = 0,
    quantization: str = "int8",
) -> Path:
    """Write an installed-style package directory (metadata.json, model/, sentencepiece.model)
    at `out_dir` from the weightless package at `src_dir`; returns `out_dir`."""
    src_dir = Path(src_dir)
    vocab = json.loads((src_dir / "model" / "shared_vocabulary.json").read_text("utf-8"))
    spec = _build_spec(vocab, layers=layers, d_model=d_model, heads=heads, ffn=ffn, seed=seed)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "model").mkdir(exist_ok=True)
    spec.save(str(out_dir / "model"))
    # The package's own config decides BOS/EOS handling (en_zh adds ">>cmn_Hans<<").
    config_path = out_dir / "model" / "config.json"
    config = json.loads(config_path.read_text("utf-8"))
    config.update(json.loads((src_dir / "model" / "config.json").read_text("utf-8")))
    config_path.write_text(json.dumps(config, indent=2), "utf-8")
    for name in _PACKAGE_FILES:
        if (src_dir / name).exists():
            shutil.copy2(src_dir / name, out_dir / name)
    if (src_dir / "stanza").is_dir():
        shutil.copytree(src_dir / "stanza", out_dir / "stanza", dirs_exist_ok=True)
    return out_dir


def zip_package(package_dir: Path, out_path: Path) -> Path:
    """Zip a package directory as an .argosmodel: one top-level folder named like Argos's."""
    package_dir, out_path = Path(package_dir), Path(out_path)
    top = package_dir.name
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(package_dir.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(package_dir).as_posix()}")
    return out_path


def build_standin_package(
    src_dir: Path,
    out_path: Path,
    *,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    seed: int = 0,
    quantization: str = "int8",
) -> Path:
    """Build a stand-in `.argosmodel` at `out_path` (see module docstring); returns its path.

    The defaults are the real OPUS-MT transformer-base shape; tests use a tiny variant
    (layers=2, d_model=64, heads=2, ffn=128) that builds in about a second.
    """
    src_dir = Path(src_dir)
    meta = json.loads((src_dir / "metadata.json").read_text("utf-8"))
    name = f"translate-{meta['from_code']}_{meta['to_code']}-standin"
    with tempfile.TemporaryDirectory() as tmp:
        pkg = build_standin_dir(
            src_dir,
            Path(tmp) / name,
            layers=layers,
            d_model=d_model,
            heads=heads,
            ffn=ffn,
            seed=seed,
            quantization=quantization,
        )
        return zip_package(pkg, Path(out_path))
