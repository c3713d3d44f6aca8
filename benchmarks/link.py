"""Dedup + story linking at archive scale, and embedding throughput with the real model.

    .venv/bin/python benchmarks/link.py --sizes 10000 100000
    .venv/bin/python benchmarks/link.py --sizes 2000 --embed 50     # quick
    # 100k in two runs of under 10 minutes each on 2 shared cores:
    .venv/bin/python benchmarks/link.py --sizes 100000 --keep /tmp/b.db --embed 0
    .venv/bin/python benchmarks/link.py --link-only /tmp/b.db --embed 0

Generated articles: events of 1-8 articles each, spread over time at a steady rate per
day, about 10% of them lightly edited copies of an earlier article (exercising the
near-duplicate index), English and Chinese text drawn per event from its own vocabulary.
Linking uses precomputed clustered vectors written to `article_vectors` (each event a
random direction plus noise, plus a per-language offset like the real model's), so the
linker runs its real path (centring, window, entities, related stories) without the model.
Embedding throughput is measured separately with the real model on corpus-like texts.

Reported: seconds per article for dedup (`aggregator.ingest.ingest`) and for
linking (link_pending), how that grows from one size to the next, and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aggregator.app import App  # noqa: E402
from aggregator.dedup import fingerprint  # noqa: E402
from aggregator.ingest import ingest  # noqa: E402
from aggregator.linker import link_pending  # noqa: E402
from aggregator.models import Config, FeedConfig, NewArticle  # noqa: E402

DIM = 384
PER_DAY = 500  # a large desk: 500 new articles a day
POLL = 100  # articles per ingest call, as one feed poll
EN_WORDS = [f"w{i}" for i in range(20000)]
ZH_CHARS = [chr(0x4E00 + i) for i in range(3000)]


class _Precomputed:
    """Vectors are written before linking; only an article whose text a same-batch merge
    replaced is embedded again, and gets a random vector here."""

    model_name = "bench-clustered"
    dim = DIM

    def passages(self, texts: list[str]) -> np.ndarray:
        v = np.random.default_rng(len(texts)).normal(size=(len(texts), DIM))
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    def query(self, text: str) -> np.ndarray:
        raise AssertionError("benchmark vectors are precomputed")


def _generate(n: int, seed: int = 1) -> tuple[list[NewArticle], dict[int, tuple[int, str]]]:
    """n articles; index -> (event, lang) for the vectors."""
    rng = random.Random(seed)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    items: list[NewArticle] = []
    meta: dict[int, tuple[int, str]] = {}
    event = 0
    while len(items) < n:
        event += 1
        size = rng.randint(1, 8)
        base = t0 + timedelta(seconds=len(items) * 86400 / PER_DAY)
        vocab_en = rng.sample(EN_WORDS, 60)
        vocab_zh = rng.sample(ZH_CHARS, 80)
        first_text: str | None = None
        for k in range(size):
            if len(items) >= n:
                break
            lang = "en" if rng.random() < 0.55 else "zh"
            if k > 0 and first_text is not None and rng.random() < 0.15:
                text = first_text + " update " + " ".join(rng.sample(vocab_en, 5))
                lang = "en"
            elif lang == "en":
                text = " ".join(rng.choice(vocab_en) for _ in range(80))
            else:
                text = "".join(rng.choice(vocab_zh) for _ in range(160))
            if k == 0 and lang == "en":
                first_text = text
            when = base + timedelta(hours=rng.uniform(0, 30))
            i = len(items)
            meta[i] = (event, lang)
            items.append(
                NewArticle(
                    feed_id=1 + i % 8,
                    guid=f"g{i}",
                    url=f"https://bench.example/{i}",
                    title=f"Event {event} report {k}",
                    summary="",
                    body=text,
                    lang=lang,
                    lang_confidence=1.0,
                    published=when,
                    fetched=when,
                    fingerprint=fingerprint(f"Event {event} report {k}", text),
                )
            )
    return items, meta


def _vectors(meta: dict[int, tuple[int, str]], seed: int = 2) -> dict[int, np.ndarray]:
    rng = np.random.default_rng(seed)
    offsets = {lang: rng.normal(size=DIM) * 0.6 for lang in ("en", "zh")}
    topics: dict[int, np.ndarray] = {}
    out = {}
    for i, (event, lang) in meta.items():
        if event not in topics:
            topics[event] = rng.normal(size=DIM)
        v = topics[event] / np.sqrt(DIM) * 1.0 + rng.normal(size=DIM) / np.sqrt(DIM) * 0.8
        v = v + offsets[lang] / np.sqrt(DIM)
        out[i] = (v / np.linalg.norm(v)).astype(np.float32)
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_link_only(db: str) -> dict[str, float]:
    """Link a database left by `--keep` (the second half of a run split in two)."""
    from storage import Storage

    with Storage(db) as st:
        t = time.perf_counter()
        report = link_pending(App(storage=st, config=Config(feeds=()), embedder=_Precomputed()))
        t_link = time.perf_counter() - t
        return {
            "linked": report.linked,
            "merged": report.merged,
            "link_s": t_link,
            "link_ms_per_article": 1000 * t_link / max(1, report.linked),
            "stories": report.stories_created,
            "related": report.related,
            "peak_rss_mb": _rss_mb(),
        }


def bench_size(n: int, keep: str | None = None) -> dict[str, float]:
    """Dedup n generated articles, write their vectors, then link (unless `keep`: then the
    database is left at that path for `--link-only`)."""
    from storage import Storage

    items, meta = _generate(n)
    vecs = _vectors(meta)
    with tempfile.TemporaryDirectory() as tmp, Storage(keep or str(Path(tmp) / "bench.db")) as st:
        st.sync_feeds([FeedConfig(name=f"feed{i}", url=f"http://127.0.0.1/{i}") for i in range(8)])
        t = time.perf_counter()
        dups = 0
        for k in range(0, n, POLL):
            res = ingest(st, items[k : k + POLL])
            dups += len(res.updated) + res.duplicates
            if (k + POLL) % 10000 == 0:
                print(f"  .. {k + POLL} stored, {time.perf_counter() - t:.0f}s", file=sys.stderr)
        t_dedup = time.perf_counter() - t
        print(f"  dedup of {n}: {t_dedup:.1f}s ({1000 * t_dedup / n:.2f} ms/art)", file=sys.stderr)
        stored = st.entry_articles()
        by_guid = {g: a for _, g, a in stored}
        first = {}
        for i, (_event, lang) in meta.items():
            aid = by_guid[f"g{i}"]
            first.setdefault(aid, (lang, vecs[i]))
        rows = [(aid, lang, v.tobytes()) for aid, (lang, v) in first.items()]
        for k in range(0, len(rows), 5000):
            st.put_vectors(_Precomputed.model_name, rows[k : k + 5000])
        if keep:
            return {"articles": n, "dedup_s": t_dedup, "near_dups": dups}
        t = time.perf_counter()
        report = link_pending(App(storage=st, config=Config(feeds=()), embedder=_Precomputed()))
        t_link = time.perf_counter() - t
        return {
            "articles": n,
            "stored": st.count_articles(),
            "near_dups": dups,
            "merged": report.merged,
            "dedup_s": t_dedup,
            "dedup_ms_per_article": 1000 * t_dedup / n,
            "link_s": t_link,
            "link_ms_per_article": 1000 * t_link / max(1, report.linked),
            "stories": report.stories_created,
            "related": report.related,
            "peak_rss_mb": _rss_mb(),
        }


def bench_embed(count: int) -> dict[str, float]:
    import json

    from aggregator.embed import get_embedder
    from aggregator.linker import embed_text

    corpus = ROOT / "tests" / "data" / "corpus" / "articles.jsonl"
    rows = [json.loads(x) for x in corpus.read_text("utf-8").splitlines() if x.strip()]
    texts = [embed_text(r["title"], r.get("summary") or r.get("body") or "") for r in rows]
    texts = (texts * (count // len(texts) + 1))[:count]
    emb = get_embedder()
    emb.passages(texts[:4])  # load
    t = time.perf_counter()
    for k in range(0, count, 32):
        emb.passages(texts[k : k + 32])
    dt = time.perf_counter() - t
    return {"passages": count, "seconds": dt, "per_second": count / dt, "peak_rss_mb": _rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--embed", type=int, default=200, help="passages for the embedding run")
    ap.add_argument("--keep", help="dedup only (one size), leaving the database at this path")
    ap.add_argument("--link-only", help="link a database left by --keep")
    args = ap.parse_args()
    if args.keep:
        r = bench_size(args.sizes[0], keep=args.keep)
        print(f"{args.sizes[0]:>7} articles: dedup {r['dedup_s']:.1f}s kept at {args.keep}")
        return
    if args.link_only:
        r = bench_link_only(args.link_only)
        print(
            f"link of {r['linked']:.0f} articles: {r['link_s']:.1f}s "
            f"({r['link_ms_per_article']:.2f} ms/art, {r['merged']:.0f} same-batch merges, "
            f"{r['stories']:.0f} stories, {r['related']:.0f} related), "
            f"peak RSS {r['peak_rss_mb']:.0f} MB"
        )
        return
    prev: dict[str, float] | None = None
    for n in args.sizes:
        r = bench_size(n)
        growth = ""
        if prev:
            ratio = n / prev["articles"]
            growth = (
                f"  x{ratio:.0f} articles -> dedup x{r['dedup_s'] / prev['dedup_s']:.1f}, "
                f"link x{r['link_s'] / prev['link_s']:.1f}"
            )
        print(
            f"{n:>7} articles: dedup {r['dedup_s']:.1f}s ({r['dedup_ms_per_article']:.2f} ms/art, "
            f"{r['near_dups']} marked + {r['merged']} merged, {r['stored']} stored), "
            f"link {r['link_s']:.1f}s ({r['link_ms_per_article']:.2f} ms/art, "
            f"{r['stories']} stories, {r['related']} related), peak RSS {r['peak_rss_mb']:.0f} MB"
            + growth,
            flush=True,
        )
        prev = r
    if args.embed:
        e = bench_embed(args.embed)
        print(
            f"embedding: {e['passages']} title+lead passages in {e['seconds']:.1f}s = "
            f"{e['per_second']:.1f}/s (real multilingual-e5-small q4), "
            f"peak RSS {e['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
