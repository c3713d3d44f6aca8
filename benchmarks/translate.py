"""Translation throughput: Argos's own path vs our engine vs raw CTranslate2 (the floor).

    .venv/bin/python benchmarks/translate.py [--paragraphs 200] [--work DIR] [--beam 4]

Builds full-size stand-in packages (OPUS-MT transformer-base shape, random int8 weights; no
trained weights can be downloaded here) from tests/data/models, takes news paragraphs from
tests/data/corpus/articles.jsonl (half English, half Chinese; Traditional folded to
Simplified), and runs each path in its own subprocess (for a clean peak RSS):

  (a) argos:  `argostranslate.translate.translate()` per paragraph, with Stanza made to work
              offline (upgraded copy of the package's splitter data, download_method=None);
  (b) engine: our path — per-paragraph language routing, our splitter, all sentences of a
              direction through `ArgosEngine.translate` (sorted batches of 32, parallel);
  (c) raw:    `ctranslate2.Translator.translate_batch` on the same pre-split sentences,
              sorted, 32 per batch, asynchronous (no routing, no detection): the floor.

All three decode with the same beam, length penalty, repetition guard and length cap
(1.5 x source tokens + 10, by the longest input of each translate_batch call): a random model
rarely emits </s>, so without the same cap the figures would compare nothing. Output token
totals are printed so the work done can be compared. Translation quality is not measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the stand-in builder and Argos reference path
MODELS = ROOT / "tests" / "data" / "models"
CORPUS = ROOT / "tests" / "data" / "corpus" / "articles.jsonl"
PAIRS = {"en": ("en", "zh"), "zh": ("zh", "en")}


def load_paragraphs(n: int) -> list[dict[str, str]]:
    from aggregator.segment import to_simplified
    from translators.split import paragraphs

    en: list[str] = []
    zh: list[str] = []
    for line in CORPUS.read_text("utf-8").splitlines():
        art = json.loads(line)
        for para in paragraphs(art.get("body", "")):
            if art["lang"] == "en":
                en.append(para.text)
            else:
                zh.append(to_simplified(para.text))
    half = n // 2
    if len(en) < half or len(zh) < n - half:
        raise SystemExit(f"corpus has {len(en)} en / {len(zh)} zh paragraphs; asked {n}")
    return [{"lang": "en", "text": t} for t in en[:half]] + [
        {"lang": "zh", "text": t} for t in zh[: n - half]
    ]


def build(work: Path) -> Path:
    """Full-size stand-ins installed in work/argos (Stanza data upgraded for Argos)."""
    from argos_reference import upgrade_stanza_data
    from standin import build_standin_dir

    target = work / "argos"
    for pair in ("en_zh", "zh_en"):
        out = target / f"translate-{pair}-standin"
        if not (out / "model" / "model.bin").exists():
            t = time.perf_counter()
            build_standin_dir(MODELS / f"translate-{pair}-1_9", out)
            upgrade_stanza_data(out / "stanza")
            print(f"built {out.name} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    return target


def _options(beam: int) -> Any:
    from translators.argos_engine import DecodeOptions

    batch = int(os.environ.get("BENCH_BATCH", "0"))
    opts = DecodeOptions(beam_size=beam)
    return opts if not batch else DecodeOptions(beam_size=beam, max_batch_size=batch)


def run_argos(paras: list[dict[str, str]], beam: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    import ctranslate2
    from argos_reference import CappedTranslator, offline_stanza

    opts = _options(beam)
    made: list[CappedTranslator] = []
    real = ctranslate2.Translator

    def factory(*a: Any, **kw: Any) -> CappedTranslator:
        made.append(CappedTranslator(real(*a, **kw), opts))
        return made[-1]

    ctranslate2.Translator = factory  # Argos builds its translator through this name
    import argostranslate.translate as at

    with offline_stanza():
        for src, tgt in PAIRS.values():  # load models and Stanza: start-up, not throughput
            at.translate("Hello." if src == "en" else "你好。", src, tgt)
        for c in made:
            c.outputs.clear()
        startup = time.perf_counter() - t0
        t1 = time.perf_counter()
        for p in paras:
            src, tgt = PAIRS[p["lang"]]
            at.translate(p["text"], src, tgt)
        elapsed = time.perf_counter() - t1
    outputs = [o for c in made for o in c.outputs]
    return _result(startup, elapsed, len(paras), len(outputs), sum(map(len, outputs)))


def run_engine(paras: list[dict[str, str]], beam: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    from translators.argos_engine import ArgosEngine
    from translators.routing import plan, render

    engine = ArgosEngine(device="cpu", options=_options(beam))
    for src, tgt in PAIRS.values():
        engine.translate(["Hello." if src == "en" else "你好。"], src, tgt)
    warm_tokens = engine.decoded_tokens
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    plans = [plan(p["text"], p["lang"], PAIRS[p["lang"]][1]) for p in paras]
    wanted: dict[tuple[str, str], list[str]] = {}
    for p, units in zip(paras, plans, strict=True):
        for u in units:
            if u.source:
                wanted.setdefault((u.source, PAIRS[p["lang"]][1]), []).extend(u.sentences)
    done: dict[tuple[str, str], list[str]] = {}
    for (src, tgt), sents in wanted.items():
        done[(src, tgt)] = engine.translate(sents, src, tgt)
    pos = {k: 0 for k in done}
    for p, units in zip(paras, plans, strict=True):
        tgt = PAIRS[p["lang"]][1]
        parts = []
        for u in units:
            if u.source:
                k = (u.source, tgt)
                parts.append(done[k][pos[k] : pos[k] + len(u.sentences)])
                pos[k] += len(u.sentences)
            else:
                parts.append([])
        render(units, parts, tgt)
    elapsed = time.perf_counter() - t1
    n = sum(len(v) for v in wanted.values())
    return _result(startup, elapsed, len(paras), n, engine.decoded_tokens - warm_tokens)


def run_raw(paras: list[dict[str, str]], beam: int) -> dict[str, Any]:
    from translators.split import split_sentences

    sentences: dict[str, list[str]] = {"en": [], "zh": []}
    for p in paras:  # pre-split, outside the timing (the floor does no splitting)
        sentences[p["lang"]].extend(split_sentences(p["text"], p["lang"]))
    t0 = time.perf_counter()
    import ctranslate2
    import sentencepiece as spm

    from translators.argos_engine import thread_plan
    from translators.packages import find_package

    opts = _options(beam)
    inter, intra = thread_plan("cpu")
    loaded = {}
    for lang, (src, tgt) in PAIRS.items():
        pkg = find_package(src, tgt)
        tr = ctranslate2.Translator(
            str(pkg.model_dir),
            device="cpu",
            compute_type="int8",
            inter_threads=inter,
            intra_threads=intra,
        )
        loaded[lang] = (tr, spm.SentencePieceProcessor(model_file=str(pkg.sp_model)))
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    n = tokens = 0
    for lang, (tr, sp) in loaded.items():
        toks = sp.encode(sentences[lang], out_type=str)
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        futures = []
        for start in range(0, len(order), opts.max_batch_size):
            batch = [toks[i] for i in order[start : start + opts.max_batch_size]]
            longest = max(len(b) for b in batch)
            futures.extend(tr.translate_batch(batch, asynchronous=True, **opts.ct2_kwargs(longest)))
        for f in futures:
            hyp = f.result().hypotheses[0]
            sp.decode_pieces(hyp)
            tokens += len(hyp)
        n += len(toks)
    elapsed = time.perf_counter() - t1
    return _result(startup, elapsed, len(paras), n, tokens)


def _peak_rss_mib() -> float:
    """VmHWM (reset by exec; ru_maxrss is inherited from the parent across fork+exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _result(startup: float, elapsed: float, paras: int, sents: int, tokens: int) -> dict[str, Any]:
    rss = _peak_rss_mib()
    return {
        "startup_s": round(startup, 2),
        "elapsed_s": round(elapsed, 2),
        "paragraphs": paras,
        "sentences": sents,
        "output_tokens": tokens,
        "paragraphs_per_s": round(paras / elapsed, 3),
        "sentences_per_s": round(sents / elapsed, 3),
        "peak_rss_mib": round(rss, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--work", type=Path, default=None, help="keep built models here")
    ap.add_argument("--only", choices=["argos", "engine", "raw"], action="append")
    ap.add_argument("--run", choices=["argos", "engine", "raw"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:  # child process
        paras = load_paragraphs(args.paragraphs)
        fn = {"argos": run_argos, "engine": run_engine, "raw": run_raw}[args.run]
        print(json.dumps(fn(paras, args.beam)))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    pkgs = build(work)
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(pkgs),
        "ARGOS_BEAM_SIZE": str(args.beam),
        "ARGOS_DEBUG": "0",
        "PYTHONPATH": str(ROOT),
    }
    results: dict[str, dict[str, Any]] = {}
    for mode in args.only or ["raw", "engine", "argos"]:
        cmd = [sys.executable, __file__, "--run", mode, "--paragraphs", str(args.paragraphs)]
        cmd += ["--beam", str(args.beam)]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"{mode} failed")
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        print(mode, json.dumps(results[mode]), flush=True)
    print(
        f"\n{'path':<8}{'start s':>9}{'run s':>9}{'para/s':>9}{'sent/s':>9}{'sents':>7}"
        f"{'out tok':>9}{'RSS MiB':>9}"
    )
    for mode, r in results.items():
        print(
            f"{mode:<8}{r['startup_s']:>9}{r['elapsed_s']:>9}{r['paragraphs_per_s']:>9}"
            f"{r['sentences_per_s']:>9}{r['sentences']:>7}{r['output_tokens']:>9}"
            f"{r['peak_rss_mib']:>9}"
        )
    if "engine" in results:
        e = results["engine"]["paragraphs_per_s"]
        if "argos" in results:
            print(f"engine/argos paragraphs/s: {e / results['argos']['paragraphs_per_s']:.2f}x")
        if "raw" in results:
            print(f"engine/raw paragraphs/s:   {e / results['raw']['paragraphs_per_s']:.2f}x")


if __name__ == "__main__":
    main()
