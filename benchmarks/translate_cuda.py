"""The CUDA translation path, checked and timed against the CPU path on the same stand-in.

Run by hand on a machine with an NVIDIA GPU (CTranslate2 must see it):

    python benchmarks/translate_cuda.py [--sentences 400] [--json out.json]

It builds full-size stand-in en->zh / zh->en packages (real tokenizer and vocabulary, real
OPUS-MT shape, random weights) and, for each direction:
  * checks `ArgosEngine(device="auto")` picks CUDA;
  * compares output tokens of CUDA float32 with CPU float32 on the same sentences (greedy and
    beam 4): agreement rate. Random weights make near-ties common, so a few flips are
    expected from different float summation orders; most sentences must agree;
  * times sentences/s for CUDA (int8_float16, float16) and CPU (int8) with the same decoding
    options and length cap, and the one-time model load.
Figures are printed; nothing here claims translation quality.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the stand-in builder and Argos reference path

from standin import build_standin_dir  # noqa: E402

from translators.argos_engine import ArgosEngine, DecodeOptions  # noqa: E402

MODELS = ROOT / "tests" / "data" / "models"
SEEDS = ROOT / "tests" / "data" / "seeds"


def sentences(lang: str, n: int) -> list[str]:
    """Real news sentences from the seeds, repeated with a counter to reach n distinct ones."""
    text = "\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    if lang == "en":
        base = [
            s.strip()
            for s in re.split(r"(?<=[.!?])\s+", text)
            if len(s.split()) >= 5 and not re.search(r"[\u4e00-\u9fff]", s)
        ]
    else:
        base = [
            s.strip() + "。"
            for s in re.split(r"[。！？\n]", text)
            if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 8
        ]
    out = []
    i = 0
    while len(out) < n:
        s = base[i % len(base)]
        out.append(s if i < len(base) else f"{s} ({i})")
        i += 1
    return out


def run(engine: ArgosEngine, sents: list[str], src: str, tgt: str) -> tuple[list[list[str]], float]:
    d = engine._direction(src, tgt)  # noqa: SLF001 - load outside the timing
    toks = d.encode(sents)
    t = time.perf_counter()
    out = engine.translate_tokens(toks, src, tgt)
    return out, time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=400)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--dry-cpu",
        action="store_true",
        help="exercise this script without a GPU: 'cuda' runs on the CPU, tiny model",
    )
    args = ap.parse_args()
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    print(f"ctranslate2 {ctranslate2.__version__}, CUDA devices: {gpus}")
    gpu_device = "cuda"
    shape: dict[str, int] = {}
    if args.dry_cpu:
        gpu_device, shape = "cpu", {"layers": 2, "d_model": 64, "heads": 2, "ffn": 128}
    elif gpus == 0:
        print("no CUDA device: nothing to check here (--dry-cpu exercises the script)")
        return 0
    results: dict[str, object] = {"ctranslate2": ctranslate2.__version__, "gpus": gpus}
    with tempfile.TemporaryDirectory() as tmp:
        pkgs = Path(tmp) / "packages"
        t = time.perf_counter()
        for pair in ("en_zh", "zh_en"):
            build_standin_dir(
                MODELS / f"translate-{pair}-1_9",
                pkgs / f"translate-{pair}-standin",
                quantization="float32",
                **shape,
            )
        results["build_s"] = round(time.perf_counter() - t, 1)
        auto = ArgosEngine(device="auto", packages_dir=pkgs)
        assert auto.device == ("cpu" if args.dry_cpu else "cuda"), auto.device
        opts = DecodeOptions()
        for src, tgt in (("en", "zh"), ("zh", "en")):
            sents = sentences(src, args.sentences)
            row: dict[str, object] = {"sentences": len(sents)}
            for beam in (1, 4):
                o = replace(opts, beam_size=beam)
                gpu = ArgosEngine(
                    device=gpu_device, packages_dir=pkgs, compute_type="float32", options=o
                )
                cpu = ArgosEngine(
                    device="cpu", packages_dir=pkgs, compute_type="float32", options=o
                )
                g, _ = run(gpu, sents, src, tgt)
                c, _ = run(cpu, sents, src, tgt)
                same = sum(a == b for a, b in zip(g, c, strict=True))
                row[f"agree_float32_beam{beam}"] = round(same / len(sents), 4)
            runs = [
                ("cuda_int8_float16", "cuda", "int8_float16"),
                ("cuda_float16", "cuda", "float16"),
                ("cpu_int8", "cpu", "int8"),
            ]
            if args.dry_cpu:
                runs = [("cpu_int8", "cpu", "int8"), ("cpu_float32", "cpu", "float32")]
            for label, device, compute in runs:
                t = time.perf_counter()
                eng = ArgosEngine(
                    device=device, packages_dir=pkgs, compute_type=compute, options=opts
                )
                eng._direction(src, tgt)  # noqa: SLF001
                load = time.perf_counter() - t
                subset = sents if device == "cuda" else sents[: max(40, len(sents) // 10)]
                run(eng, subset[:32], src, tgt)  # warm-up
                _, secs = run(eng, subset, src, tgt)
                row[label] = {
                    "load_s": round(load, 2),
                    "sentences": len(subset),
                    "sent_per_s": round(len(subset) / secs, 1),
                }
            results[f"{src}->{tgt}"] = row
            print(f"{src}->{tgt}: {json.dumps(row)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
