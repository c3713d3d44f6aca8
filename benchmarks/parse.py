"""CPU time of `parse_feed` per entry, feedparser path against the fast path.

    .venv/bin/python benchmarks/parse.py           # realistic feeds + share of samples
    .venv/bin/python benchmarks/parse.py --rounds 50

Feeds: the realistic 30-item RSS 2.0 and Atom 1.0 feeds, English and Chinese, of
tests/support_feeds.py; share: how many of feedparser's well-formed samples
(tests/data/feeds/feedparser_wellformed) take the fast path. CPU time (process_time), best
of three batches, so a neighbour on the shared cores inflates it less. Runs in seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support_feeds import NOW, REALISTIC  # noqa: E402

from aggregator.parse import parse_feed  # noqa: E402


def cpu_per_entry(data: bytes, fast: bool, rounds: int) -> float:
    """Best of three batches of `rounds` parses, in ms of CPU per entry."""
    entries = len(parse_feed(data, {}, "https://x.example/", now=NOW, fast=fast).entries)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(rounds):
            parse_feed(data, {}, "https://x.example/", now=NOW, fast=fast)
        best = min(best, time.process_time() - start)
    return best / rounds / entries * 1000


def reader_per_entry(data: bytes, fast: bool, rounds: int) -> float:
    """The reading alone (no normalisation): feedparser.parse or parse_fast.read_plain."""
    import io

    import feedparser

    from aggregator.parse_fast import read_plain

    text = data.decode("utf-8")
    plain = read_plain(text)
    assert plain is not None, "a realistic feed declined the fast path"
    entries = len(plain[1])
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(rounds):
            if fast:
                read_plain(text)
            else:
                feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
        best = min(best, time.process_time() - start)
    return best / rounds / entries * 1000


def sample_share() -> tuple[int, int]:
    samples = sorted(
        p
        for p in (ROOT / "tests/data/feeds/feedparser_wellformed").rglob("*")
        if p.suffix in (".xml", ".rdf")
    )
    fast = 0
    for path in samples:
        feed = parse_feed(path.read_bytes(), {"content-type": "application/xml"}, now=NOW)
        fast += feed.parser == "fast"
    return fast, len(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    print("ms CPU per entry: parse_feed (reading + normalising), and the reading alone")
    print(
        f"{'feed':8} {'feedparser':>11} {'fast':>8} {'ratio':>6}   {'read fp':>8} {'read fast':>9}"
    )
    for name, data in REALISTIC.items():
        slow = cpu_per_entry(data, False, args.rounds)
        fast = cpu_per_entry(data, True, args.rounds)
        r_slow = reader_per_entry(data, False, args.rounds)
        r_fast = reader_per_entry(data, True, args.rounds)
        print(
            f"{name:8} {slow:11.3f} {fast:8.3f} {slow / fast:5.1f}x   {r_slow:8.3f} {r_fast:9.3f}"
        )
    took, total = sample_share()
    print(f"feedparser samples on the fast path: {took}/{total} ({100 * took / total:.0f}%)")


if __name__ == "__main__":
    main()
