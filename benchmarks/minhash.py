"""Shingles + MinHash signature per article: the scheme before schema v5 against today's.

    .venv/bin/python benchmarks/minhash.py                       # the labelled corpus
    .venv/bin/python benchmarks/minhash.py --feeds DIR           # plus RSS files in DIR
    .venv/bin/python benchmarks/minhash.py --seeds 200           # dedup odds, both schemes

Texts are what `aggregator.ingest.prepare` hashes (title, summary, body), timed without and
with the LSH band hashes `prepare` also makes. Each scheme runs
over every text `--rounds` times; the figure is the best round's CPU microseconds per
article, so another process on a shared core costs a round, not the result. Also checked:
both schemes find the same number of shingles per text (the new keys are a relabelling).

`--seeds N` answers whether a dedup hit rate that moved is the scheme or the draw: for the
labelled near-duplicate pairs of each corpus half, the mean number found (an LSH band in
common and estimated Jaccard >= NEAR_THRESHOLD) over N random permutation draws, per scheme.
Pairs near the threshold flip with the draw, so one fixed draw can differ by a pair or two.

Measured 2026-12-05 (2 shared cores, other work running; best of 5 rounds), us/article:
  corpus (362 texts, halves a-c): shingles+signature v1 246 -> v2 77 (3.2x); with bands
  287 -> 97. Anchor feeds (3000 texts, 100 feeds): 304 -> 79 (3.8x); with bands 345 -> 93.
  Inside a real cold poll of the anchor's 100 feeds (process CPU in these functions, three
  runs each): shingles+signature 1.80 s -> 0.48 s (3.7x), with bands 1.96 -> 0.56 s, from
  ~20% of the process's CPU to ~6%.
  --seeds 200, near pairs found on average (v1 / v2): a 13.80 / 13.86 of 14, b 3.87 / 3.88
  of 9, c 4.09 / 4.11 of 9. With the fixed draw, stories_eval's dedup hit rate is a 1.0,
  b 0.722, c 0.625 (v1: 0.688): c030 (exact Jaccard 0.479) and c084 (0.453) were found by
  v1's draw and are not by v2's; c006 (0.534) the other way round.
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

from support_corpus import load_corpus  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from support_minhash_v1 import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    band_hashes_v1,
    shingles_v1,
    signature_v1,
)

from aggregator.dedup import band_hashes, shingle_keys, signature  # noqa: E402


def corpus_texts() -> list[str]:
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


def near_pairs(half: str) -> list[tuple[str, str]]:
    arts = {a.id: a for a in load_corpus(half=half)}

    def text(a: Any) -> str:
        return "\n".join(p for p in (a.title, a.summary, a.body) if p)

    return [
        (text(a), text(arts[a.dup_of])) for a in arts.values() if a.dup_kind == "near" and a.dup_of
    ]


def found(s1: Any, s2: Any) -> bool:
    from aggregator.dedup import BANDS, NEAR_THRESHOLD

    same = s1 == s2
    return bool(same.reshape(BANDS, -1).all(axis=1).any() and same.mean() >= NEAR_THRESHOLD)


def _v1(keys: Any, a: Any, b: Any) -> Any:
    """The old signature (64-bit multiply-shift of crc32 keys) under permutations a, b."""
    import numpy as np

    return ((keys[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0)


def _v2(top: Any, a: Any, b: Any) -> Any:
    """Today's signature (uint32 affine maps of the keys' top 32 bits) under a, b."""
    return (a[:, None] * top[None, :] + b[:, None]).min(axis=1)


def seed_odds(half: str, seeds: int) -> str:
    """Mean (sd) near pairs found over `seeds` permutation draws: old scheme, new scheme."""
    import zlib

    import numpy as np

    from aggregator.dedup import NUM_PERM

    pairs = near_pairs(half)
    old = [
        tuple(
            np.fromiter(map(zlib.crc32, (p.encode() for p in shingles_v1(t))), np.uint64)
            for t in pair
        )
        for pair in pairs
    ]
    new = [
        tuple((shingle_keys(t) >> np.uint64(32)).astype(np.uint32) for t in pair) for pair in pairs
    ]
    counts: list[list[int]] = [[], []]
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        a = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + 1
        b = rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
        a32 = rng.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint32) * np.uint32(2) + 1
        b32 = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint32)

        counts[0].append(sum(found(_v1(x, a, b), _v1(y, a, b)) for x, y in old))
        counts[1].append(sum(found(_v2(x, a32, b32), _v2(y, a32, b32)) for x, y in new))
    v1m, v2m = (f"{np.mean(c):.2f} (sd {np.std(c):.2f})" for c in counts)
    return f"half {half}: {len(pairs)} near pairs, found on average v1 {v1m}, v2 {v2m}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=Path, help="a folder of RSS/Atom files")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=0, help="permutation draws for dedup odds")
    args = ap.parse_args()
    if args.seeds:
        for half in ("a", "b", "c"):
            print(seed_odds(half, args.seeds))
        return
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
