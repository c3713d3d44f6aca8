"""Shingles + MinHash signature per article: the scheme before schema v5 against today's.

    .venv/bin/python benchmarks/minhash.py                       # the labelled corpus
    .venv/bin/python benchmarks/minhash.py --feeds DIR           # plus RSS files in DIR

Texts are what `aggregator.ingest.prepare` hashes (title, summary, body), timed without and
with the LSH band hashes `prepare` also makes. Each scheme runs
over every text `--rounds` times; the figure is the best round's CPU microseconds per
article, so another process on a shared core costs a round, not the result. Also checked:
both schemes find the same number of shingles per text (the new keys are a relabelling).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support_minhash_v1 import band_hashes_v1, shingles_v1, signature_v1  # noqa: E402

from aggregator.dedup import band_hashes, shingle_keys, signature  # noqa: E402


def corpus_texts() -> list[str]:
    from support_corpus import load_corpus

    return [
        "\n".join(p for p in (a.title, a.summary, a.body) if p)
        for half in ("a", "b", "c")
        for a in load_corpus(half=half)
    ]


def feed_texts(folder: Path) -> list[str]:
    import feedparser

    out = []
    for path in sorted(folder.iterdir()):
        for e in feedparser.parse(path.read_bytes()).entries:
            out.append("\n".join(p for p in (e.get("title"), e.get("summary")) if p))
    return out


def best_us(fn: Callable[[str], Any], texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - t0)
    return best / len(texts) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=Path, help="a folder of RSS/Atom files")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sets = {"corpus": corpus_texts()}
    if args.feeds:
        sets["feeds"] = feed_texts(args.feeds)
    signature(shingle_keys("warm up the tables 热带风暴"))
    for name, texts in sets.items():
        same = sum(len(shingles_v1(t)) == len(shingle_keys(t)) for t in texts)
        old = best_us(lambda t: signature_v1(shingles_v1(t)), texts, args.rounds)
        new = best_us(lambda t: signature(shingle_keys(t)), texts, args.rounds)
        old_b = best_us(lambda t: band_hashes_v1(signature_v1(shingles_v1(t))), texts, args.rounds)
        new_b = best_us(lambda t: band_hashes(signature(shingle_keys(t))), texts, args.rounds)
        print(
            f"{name}: {len(texts)} texts, same shingle count {same}/{len(texts)}; "
            f"shingles+signature v1 {old:.0f} us/article, v2 {new:.0f} ({old / new:.1f}x); "
            f"with bands v1 {old_b:.0f}, v2 {new_b:.0f} ({old_b / new_b:.1f}x)"
        )


if __name__ == "__main__":
    main()
